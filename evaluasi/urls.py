from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.evaluasi_tim, name="evaluasi_tim_kini"),
    path("keberatan/", include("evaluasi.urls_keberatan")),
    path("predikat/", views.pratinjau_predikat, name="evaluasi_pratinjau_predikat"),
    path("dokumen/", include("evaluasi.urls_dokumen")),
    path("capaian/", views.capaian_organisasi, name="evaluasi_capaian_kini"),
    path("capaian/<str:kode>/", views.capaian_organisasi, name="evaluasi_capaian"),
    path("<str:kode>/", views.evaluasi_tim, name="evaluasi_tim"),
    path("<str:kode>/skp/<int:skp_pk>/", views.evaluasi_simpan, name="evaluasi_simpan"),
    path("<str:kode>/skp/<int:skp_pk>/rincian/", views.rincian_skp, name="evaluasi_rincian"),
]
