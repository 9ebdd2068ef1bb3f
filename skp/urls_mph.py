"""Planning pages around the SKP, each feature in its own views module: the MPH (A.1.5),
the performance tree, the Manual IK (A.1.3) and the Workblock (A.1.4). Mounted inside
skp/urls.py with `path("", include("skp.urls_mph"))` (so under /skp/)."""

from django.urls import path

from . import views_manual_ik, views_mph, views_pohon_kinerja, views_workblock

urlpatterns = [
    # Matriks Pembagian Peran dan Hasil (A.1.5)
    path("<int:pk>/mph/", views_mph.mph, name="mph"),
    path("mph/<int:pk>/sel/<int:baris>/<int:kolom>/", views_mph.mph_sel, name="mph_sel"),
    path("mph/<int:pk>/turunkan/", views_mph.mph_turunkan, name="mph_turunkan"),
    path("mph/<int:pk>/baris/", views_mph.mph_baris_tambah, name="mph_baris_tambah"),
    path("mph/<int:pk>/baris/<int:baris>/", views_mph.mph_baris, name="mph_baris"),
    path("mph/<int:pk>/bawahan/", views_mph.mph_isi_bawahan, name="mph_isi_bawahan"),
    path("mph/<int:pk>/cari-pegawai/", views_mph.mph_cari_pegawai, name="mph_cari_pegawai"),
    # Pohon kinerja
    path("pohon-kinerja/", views_pohon_kinerja.pohon_kinerja, name="pohon_kinerja"),
    # Manual Indikator Kinerja (A.1.3)
    path("<int:pk>/manual-ik/", views_manual_ik.manual_ik, name="manual_ik"),
    path("<int:pk>/manual-ik/<int:iki>/", views_manual_ik.manual_ik_ubah, name="manual_ik_ubah"),
    path(
        "<int:pk>/manual-ik/<int:iki>/kartu/",
        views_manual_ik.manual_ik_kartu,
        name="manual_ik_kartu",
    ),
    # Workblock (A.1.4)
    path("<int:pk>/workblock/", views_workblock.workblock, name="workblock"),
    path("<int:pk>/workblock/<int:wb>/", views_workblock.workblock_ubah, name="workblock_ubah"),
    path(
        "<int:pk>/workblock/<int:wb>/hapus/",
        views_workblock.workblock_hapus,
        name="workblock_hapus",
    ),
    path(
        "<int:pk>/workblock/<int:wb>/butir/",
        views_workblock.workblock_butir,
        name="workblock_butir",
    ),
    path(
        "<int:pk>/workblock/butir/<int:butir>/hapus/",
        views_workblock.workblock_butir_hapus,
        name="workblock_butir_hapus",
    ),
]
