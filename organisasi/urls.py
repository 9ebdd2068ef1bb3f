from django.urls import include, path

from . import verifikasi, views, views_organisasi, views_verifikasi

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("pemberitahuan/", include("organisasi.urls_pemberitahuan")),
    path("profil/", views_organisasi.profil, name="profil"),
    path("pengguna/", views.daftar_pengguna, name="pengguna_daftar"),
    path("pengguna/<int:pk>/reset-sandi/", views.reset_sandi, name="pengguna_reset_sandi"),
    path("riwayat/<str:label_model>/<int:pk>/", views.riwayat, name="riwayat"),
    path("unit/", views_organisasi.unit_pohon, name="unit_pohon"),
    path("unit/<int:pk>/", views_organisasi.unit_detail, name="unit_detail"),
    path("unit/<int:pk>/anak/", views_organisasi.unit_anak, name="unit_anak"),
    path("pegawai/", views_organisasi.pegawai_daftar, name="pegawai_daftar"),
    path("pegawai/<int:pk>/", views_organisasi.pegawai_detail, name="pegawai_detail"),
    path("pegawai/<int:pk>/ubah/", views_organisasi.pegawai_ubah, name="pegawai_ubah"),
    path(
        "pegawai/<int:pk>/penempatan/",
        views_organisasi.penempatan_tambah,
        name="penempatan_tambah",
    ),
    path("pegawai/<int:pk>/delegasi/", views_organisasi.delegasi_tambah, name="delegasi_tambah"),
    path("aturan-penilai/", views_organisasi.aturan_penilai, name="aturan_penilai"),
    # Public: the QR code on a signed PDF leads here (no login).
    path(
        f"{verifikasi.AWALAN_ALAMAT}<str:token>/",
        views_verifikasi.verifikasi_dokumen,
        name="verifikasi_dokumen",
    ),
    path("jabatan/opsi/", views_organisasi.jabatan_opsi, name="jabatan_opsi"),
]
