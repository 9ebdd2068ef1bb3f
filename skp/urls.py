from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.skp_saya, name="skp_saya"),
    path("bawahan/", views.skp_bawahan, name="skp_bawahan"),
    path("<int:pk>/", views.skp_detail, name="skp_detail"),
    path("<int:pk>/pemeriksaan/", views.skp_pemeriksaan, name="skp_pemeriksaan"),
    path("<int:pk>/rhk/baru/", views.rhk_form, name="rhk_baru"),
    path("<int:pk>/rhk/<int:rhk_pk>/", views.rhk_form, name="rhk_ubah"),
    path("<int:pk>/rhk/<int:rhk_pk>/hapus/", views.rhk_hapus, name="rhk_hapus"),
    path("<int:pk>/rhk/<int:rhk_pk>/pindah/", views.rhk_pindah, name="rhk_pindah"),
    path("<int:pk>/rhk/<int:rhk_pk>/prioritas/", views.prioritas, name="rhk_prioritas"),
    path("<int:pk>/rhk/<int:rhk_pk>/iki/baru/", views.iki_form, name="iki_baru"),
    path("<int:pk>/rhk/<int:rhk_pk>/iki/<int:iki_pk>/", views.iki_form, name="iki_ubah"),
    path("<int:pk>/iki/<int:iki_pk>/hapus/", views.iki_hapus, name="iki_hapus"),
    path("<int:pk>/lampiran/", views.lampiran_tambah, name="lampiran_tambah"),
    path("<int:pk>/lampiran/<int:butir_pk>/", views.lampiran_ubah, name="lampiran_ubah"),
    path("<int:pk>/lampiran/<int:butir_pk>/hapus/", views.lampiran_hapus, name="lampiran_hapus"),
    path("<int:pk>/ekspektasi/", views.ekspektasi_tambah, name="ekspektasi_tambah"),
    path("<int:pk>/ekspektasi/<int:e_pk>/hapus/", views.ekspektasi_hapus, name="ekspektasi_hapus"),
    path("<int:pk>/aksi/<str:nama>/", views.aksi, name="skp_aksi"),
    path("dokumen/", include("skp.urls_dokumen")),
    path("", include("skp.urls_mph")),
]
