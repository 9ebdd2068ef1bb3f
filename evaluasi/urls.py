from django.urls import include, path

from . import views, views_alur

urlpatterns = [
    path("", views.evaluasi_tim, name="evaluasi_tim_kini"),
    path("keberatan/", include("evaluasi.urls_keberatan")),
    path("predikat/", views.pratinjau_predikat, name="evaluasi_pratinjau_predikat"),
    path("dokumen/", include("evaluasi.urls_dokumen")),
    path("saya/", views_alur.evaluasi_saya, name="evaluasi_saya"),
    path("kasus/<int:pk>/", views_alur.kasus, name="evaluasi_kasus"),
    path("kasus/<int:pk>/<slug:slug>/", views_alur.kasus_aksi, name="evaluasi_kasus_aksi"),
    path("atasan/", views_alur.evaluasi_atasan, name="evaluasi_atasan_kini"),
    path("atasan/<str:kode>/", views_alur.evaluasi_atasan, name="evaluasi_atasan"),
    path("capaian/", views.capaian_organisasi, name="evaluasi_capaian_kini"),
    path("capaian/<str:kode>/", views.capaian_organisasi, name="evaluasi_capaian"),
    path("<str:kode>/", views.evaluasi_tim, name="evaluasi_tim"),
    path("<str:kode>/kalibrasi/", views.evaluasi_kalibrasi, name="evaluasi_kalibrasi"),
    path("<str:kode>/skp/<int:skp_pk>/", views.evaluasi_simpan, name="evaluasi_simpan"),
    path("<str:kode>/skp/<int:skp_pk>/rincian/", views.rincian_skp, name="evaluasi_rincian"),
]
