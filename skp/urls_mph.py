"""MPH, performance tree, Manual IK and Workblock. Mounted inside skp/urls.py with
`path("", include("skp.urls_mph"))` (so under /skp/)."""

from django.urls import path

from . import views_mph as v

urlpatterns = [
    # Matriks Pembagian Peran dan Hasil (A.1.5)
    path("<int:pk>/mph/", v.mph, name="mph"),
    path("mph/<int:pk>/sel/<int:baris>/<int:kolom>/", v.mph_sel, name="mph_sel"),
    path("mph/<int:pk>/turunkan/", v.mph_turunkan, name="mph_turunkan"),
    path("mph/<int:pk>/baris/", v.mph_baris_tambah, name="mph_baris_tambah"),
    path("mph/<int:pk>/baris/<int:baris>/", v.mph_baris, name="mph_baris"),
    path("mph/<int:pk>/bawahan/", v.mph_isi_bawahan, name="mph_isi_bawahan"),
    path("mph/<int:pk>/cari-pegawai/", v.mph_cari_pegawai, name="mph_cari_pegawai"),
    # Pohon kinerja
    path("pohon-kinerja/", v.pohon_kinerja, name="pohon_kinerja"),
    # Manual Indikator Kinerja (A.1.3)
    path("<int:pk>/manual-ik/", v.manual_ik, name="manual_ik"),
    path("<int:pk>/manual-ik/<int:iki>/", v.manual_ik_ubah, name="manual_ik_ubah"),
    path("<int:pk>/manual-ik/<int:iki>/kartu/", v.manual_ik_kartu, name="manual_ik_kartu"),
    # Workblock (A.1.4)
    path("<int:pk>/workblock/", v.workblock, name="workblock"),
    path("<int:pk>/workblock/<int:wb>/", v.workblock_ubah, name="workblock_ubah"),
    path("<int:pk>/workblock/<int:wb>/hapus/", v.workblock_hapus, name="workblock_hapus"),
    path("<int:pk>/workblock/<int:wb>/butir/", v.workblock_butir, name="workblock_butir"),
    path(
        "<int:pk>/workblock/butir/<int:butir>/hapus/",
        v.workblock_butir_hapus,
        name="workblock_butir_hapus",
    ),
]
