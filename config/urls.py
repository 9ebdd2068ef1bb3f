from django.contrib.auth import views as auth_views
from django.urls import include, path

from organisasi.forms import FormMasuk
from organisasi.views_platform import platform

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
    # The superadmin's home. Django's own admin is not mounted: it would show every
    # agency's accounts to the platform, which must not see inside an agency.
    path("platform/", platform, name="platform"),
    path("kalender/", include("organisasi.urls_kalender")),
    path("impor/", include("organisasi.urls_impor")),
    path("pengaturan/", include("organisasi.urls_pengaturan")),
    path("skp/", include("skp.urls")),
    path("", include("organisasi.urls")),
]
