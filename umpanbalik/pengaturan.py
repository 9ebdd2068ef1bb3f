"""The feedback app's part of the agency settings page: how often performance evidence is
documented (spec-local §2). Stored on the agency's settings row; registered in ready()."""

from organisasi.forms_pengaturan import BagianPengaturan
from organisasi.models import PengaturanInstansi
from organisasi.pengaturan import daftarkan_bagian


class BagianPendokumentasian(BagianPengaturan):
    judul = "Pendokumentasian kinerja"
    urutan = 60

    class Meta:
        model = PengaturanInstansi
        fields = ["periode_dokumentasi"]
        help_texts = {
            "periode_dokumentasi": "Seberapa sering bukti kinerja pegawai didokumentasikan.",
        }


def daftarkan() -> None:
    daftarkan_bagian(BagianPendokumentasian)
