"""The evaluation app's part of the agency settings page: how often the rater evaluates
and who drafts the evaluation document (spec-local §2). Stored on the agency's settings
row; registered in ready()."""

from django import forms

from organisasi.forms_pengaturan import BagianPengaturan
from organisasi.models import PengaturanInstansi
from organisasi.pengaturan import daftarkan_bagian


class BagianEvaluasi(BagianPengaturan):
    judul = "Evaluasi kinerja"
    urutan = 70

    class Meta:
        model = PengaturanInstansi
        fields = ["periode_evaluasi", "penyusun_evaluasi"]
        widgets = {"penyusun_evaluasi": forms.RadioSelect}
        help_texts = {
            "periode_evaluasi": "Seberapa sering pejabat penilai mengevaluasi kinerja pegawai "
            "dalam setahun: bulanan (mis. Perwal Bekasi 38/2023) atau triwulanan "
            "(ketentuan nasional).",
        }


def daftarkan() -> None:
    daftarkan_bagian(BagianEvaluasi)
