from django.urls import path

from . import views

urlpatterns = [
    path("", views.dokumentasi_saya, name="dokumentasi_saya"),
    path("skp/<int:pk>/", views.dokumentasi, name="dokumentasi"),
    path("skp/<int:pk>/realisasi/", views.realisasi_tambah, name="realisasi_tambah"),
    path(
        "skp/<int:pk>/realisasi/<int:realisasi_pk>/",
        views.realisasi_butir,
        name="realisasi_butir",
    ),
    path(
        "skp/<int:pk>/realisasi/<int:realisasi_pk>/ubah/",
        views.realisasi_ubah,
        name="realisasi_ubah",
    ),
    path(
        "skp/<int:pk>/rhk/<int:rhk_pk>/aksi/", views.rencana_aksi_tambah, name="rencana_aksi_tambah"
    ),
    path(
        "skp/<int:pk>/aksi/<int:aksi_pk>/hapus/",
        views.rencana_aksi_hapus,
        name="rencana_aksi_hapus",
    ),
    path("skp/<int:pk>/rencana-aksi.pdf", views.rencana_aksi_pdf, name="rencana_aksi_pdf"),
    path(
        "skp/<int:pk>/periode/<int:periode>.pdf",
        views.pendokumentasian_pdf,
        name="pendokumentasian_pdf",
    ),
    path("bukti/<int:pk>/", views.bukti_unduh, name="bukti_unduh"),
]

from . import views_umpan_balik as ub  # noqa: E402 (feature module, its routes together)

urlpatterns += [
    path("umpan-balik/tim/", ub.tim_umpan_balik, name="tim_umpan_balik"),
    path("umpan-balik/skp/<int:pk>/", ub.rekaman_umpan_balik, name="rekaman_umpan_balik"),
    path("umpan-balik/skp/<int:pk>/beri/", ub.umpan_balik_beri, name="umpan_balik_beri"),
    path("umpan-balik/skp/<int:pk>/undang/", ub.undangan_buat, name="undangan_umpan_balik"),
    path(
        "umpan-balik/skp/<int:pk>/periode/<int:periode>.pdf",
        ub.rekaman_pdf,
        name="rekaman_umpan_balik_pdf",
    ),
    path("umpan-balik/bukti/<int:pk>/", ub.bukti_umpan_balik_unduh, name="bukti_umpan_balik_unduh"),
    path("umpan-balik/tamu/<str:token>/", ub.umpan_balik_tamu, name="umpan_balik_tamu"),
]
