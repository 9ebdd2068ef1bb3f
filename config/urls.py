from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from organisasi.forms import FormMasuk
from organisasi.views_platform import platform

admin.site.site_header = "Administrasi Platform Kinerja ASN"
admin.site.site_title = "Platform Kinerja ASN"

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            authentication_form=FormMasuk, redirect_authenticated_user=True
        ),
        name="masuk",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="keluar"),
    path(
        "akun/ganti-sandi/",
        auth_views.PasswordChangeView.as_view(success_url="/akun/ganti-sandi/selesai/"),
        name="ganti_sandi",
    ),
    path(
        "akun/ganti-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="ganti_sandi_selesai",
    ),
    # The superadmin's home: agencies and their first admin, nothing inside an agency.
    path("platform/", platform, name="platform"),
    # Django's admin stays for the platform's account work (e.g. an agency admin locked
    # out); it is not the superadmin's home.
    path("platform/admin/", admin.site.urls),
    path("kalender/", include("organisasi.urls_kalender")),
    path("impor/", include("organisasi.urls_impor")),
    path("pengaturan/", include("organisasi.urls_pengaturan")),
    path("skp/", include("skp.urls")),
    path("pelaksanaan/", include("umpanbalik.urls")),
    path("pelaksanaan/", include("umpanbalik.urls_tindak_lanjut")),
    path("evaluasi/", include("evaluasi.urls")),
    path("", include("organisasi.urls")),
]

if settings.KINERJA_BENCH:
    from . import views_bench

    urlpatterns.insert(
        0, path("_bench/satu-kueri/", views_bench.satu_kueri, name="bench_satu_kueri")
    )
