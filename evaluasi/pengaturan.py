"""The evaluation app's part of the agency settings page: how often the rater evaluates,
how long the periodic evaluation window is, and who drafts the evaluation document
(spec-local §2). Stored on the agency's settings row; registered in ready()."""

from django import forms
from django.core.exceptions import ValidationError

from organisasi.forms_pengaturan import BagianPengaturan
from organisasi.models import PengaturanInstansi
from organisasi.pengaturan import daftarkan_bagian

BATAS_LAMA_HARI_KERJA = 60
BATAS_MULAI_HARI = 31
ISIAN_JENDELA = ("jendela_evaluasi_mulai_hari", "jendela_evaluasi_hari_kerja")


class BagianEvaluasi(BagianPengaturan):
    judul = "Evaluasi kinerja"
    urutan = 70

    class Meta:
        model = PengaturanInstansi
        fields = [
            "periode_evaluasi",
            "jendela_evaluasi_mulai_hari",
            "jendela_evaluasi_hari_kerja",
            "penyusun_evaluasi",
        ]
        widgets = {"penyusun_evaluasi": forms.RadioSelect}
        help_texts = {
            "periode_evaluasi": "Seberapa sering pejabat penilai mengevaluasi kinerja pegawai "
            "dalam setahun: bulanan (mis. Perwal Bekasi 38/2023) atau triwulanan "
            "(ketentuan nasional).",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self._pertahankan_yang_tidak_dikirim()

    def _pertahankan_yang_tidak_dikirim(self):
        # A page rendered before the window settings existed (an open tab) keeps the
        # stored values instead of failing as "required".
        data = self.data.copy()
        for nama in ISIAN_JENDELA:
            field, kunci = self.fields[nama], self.add_prefix(nama)
            if field.widget.value_omitted_from_data(data, self.files, kunci):
                data[kunci] = str(field.prepare_value(self.get_initial_for_field(field, nama)))
        self.data = data

    @staticmethod
    def periksa(pengaturan: PengaturanInstansi) -> None:
        if not 1 <= pengaturan.jendela_evaluasi_hari_kerja <= BATAS_LAMA_HARI_KERJA:
            raise ValidationError(
                {
                    "jendela_evaluasi_hari_kerja": "Lama jangka waktu evaluasi harus 1 sampai "
                    f"{BATAS_LAMA_HARI_KERJA} hari kerja setelah akhir periode."
                }
            )
        if pengaturan.jendela_evaluasi_mulai_hari > BATAS_MULAI_HARI:
            raise ValidationError(
                {
                    "jendela_evaluasi_mulai_hari": "Jangka waktu evaluasi dibuka paling awal "
                    f"{BATAS_MULAI_HARI} hari sebelum akhir periode."
                }
            )


def daftarkan() -> None:
    daftarkan_bagian(BagianEvaluasi)
