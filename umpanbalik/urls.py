from django.urls import path

from . import views

urlpatterns = [
    path("", views.dokumentasi_saya, name="dokumentasi_saya"),
    path("skp/<int:pk>/", views.dokumentasi, name="dokumentasi"),
    path("skp/<int:pk>/realisasi/", views.realisasi_tambah, name="realisasi_tambah"),
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
