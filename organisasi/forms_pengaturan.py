"""The agency settings form: fields grouped as the page shows them, Indonesian errors."""

from django import forms
from django.core.exceptions import ValidationError

from .models import ASPEK_INDIKATOR, PengaturanInstansi, StatusPegawai
from .pengaturan import GALAT_ASPEK_KOSONG, periksa_pola

# (legend, fields) in page order.
KELOMPOK = (
    ("Periode", ("periode_evaluasi", "periode_dokumentasi")),
    (
        "Penilai dan Plt/Plh",
        (
            "plt_plh_menilai",
            "penilai_jf_wajib_manajerial",
            "pengecualian_manajerial",
            "jf_kepala_unit_boleh_menilai",
        ),
    ),
    (
        "Istilah pada formulir",
        (
            "istilah_instansi",
            "istilah_bkd",
            "jabatan_kepala_daerah",
            "nama_kepala_daerah",
            "penerima_laporan",
        ),
    ),
    (
        "SKP dan evaluasi",
        ("aspek_diizinkan", "manual_ik", "tugas_belajar", "penyusun_evaluasi", "tunjangan"),
    ),
)

_STATUS = {s.label.upper(): s.value for s in StatusPegawai}  # "PNS" -> "pns"
_LABEL_STATUS = {s.value: s.label for s in StatusPegawai}


def tulis_pengecualian(daftar: list[dict]) -> str:
    """[{"pola_jabatan": "Guru", "status": "pppk"}] -> "Guru PPPK", one exemption a line."""
    baris = []
    for p in daftar or ():
        status = _LABEL_STATUS.get(p.get("status") or "", "")
        baris.append(f"{p.get('pola_jabatan', '')} {status}".strip())
    return "\n".join(baris)


def urai_pengecualian(teks: str) -> list[dict]:
    """ "Guru PPPK" / "Guru" / "Penyuluh PNS", one a line -> the stored list.

    A final word PNS or PPPK (any case) is the status; the rest is the position name.
    Blank lines and repeats are dropped; every unusable line is reported at once.
    """
    hasil, sudah, galat = [], set(), []
    for nomor, baris in enumerate((teks or "").splitlines(), start=1):
        kata = baris.split()
        if not kata:
            continue
        status = _STATUS.get(kata[-1].upper(), "")
        if status:
            kata.pop()
        pola = " ".join(kata)
        if not pola:
            galat.append(
                f"Baris {nomor}: tuliskan nama jabatan sebelum {_LABEL_STATUS[status]}, "
                "mis. “Guru PPPK”."
            )
            continue
        alasan = periksa_pola(pola)
        if alasan:
            galat.append(f"Baris {nomor}: {alasan}.")
            continue
        kunci = (pola.casefold(), status)
        if kunci not in sudah:
            sudah.add(kunci)
            hasil.append({"pola_jabatan": pola, "status": status})
    if galat:
        raise ValidationError(galat)
    return hasil


class IsianPengecualian(forms.Field):
    """Textarea in the form, JSON list in the model."""

    widget = forms.Textarea(attrs={"rows": 4, "spellcheck": "false"})

    def prepare_value(self, value):
        # Initial value is the stored list; re-shown input is the admin's own text.
        return tulis_pengecualian(value) if isinstance(value, list) else value

    def to_python(self, value):
        return urai_pengecualian(value or "")


class FormPengaturan(forms.ModelForm):
    aspek_diizinkan = forms.MultipleChoiceField(
        label="Aspek indikator yang diizinkan",
        choices=[(a, a.capitalize()) for a in ASPEK_INDIKATOR],
        widget=forms.CheckboxSelectMultiple,
        help_text="Aspek yang boleh dipakai pada indikator kinerja SKP; pilih paling sedikit satu.",
        error_messages={
            "required": GALAT_ASPEK_KOSONG,
            "invalid_choice": "Aspek “%(value)s” tidak dikenal. Pilih dari "
            + ", ".join(ASPEK_INDIKATOR)
            + ".",
        },
    )
    pengecualian_manajerial = IsianPengecualian(
        label="Pengecualian (jabatan dan status)",
        required=False,
        help_text="Pegawai yang tetap boleh dinilai pejabat nonmanajerial. Satu pengecualian "
        "per baris: nama jabatan, boleh diikuti PNS atau PPPK, mis. “Guru PPPK”, "
        "“Guru” (semua status), “Penyuluh PNS”. Berlaku bila nama jabatan memuat teks "
        "tersebut (huruf besar/kecil tidak dibedakan).",
    )

    class Meta:
        model = PengaturanInstansi
        fields = [nama for _, daftar in KELOMPOK for nama in daftar]
        widgets = {
            "plt_plh_menilai": forms.RadioSelect,
            "tunjangan": forms.RadioSelect,
            "manual_ik": forms.RadioSelect,
            "tugas_belajar": forms.RadioSelect,
            "penyusun_evaluasi": forms.RadioSelect,
        }
        help_texts = {
            "periode_evaluasi": "Seberapa sering pejabat penilai mengevaluasi kinerja pegawai "
            "dalam setahun: bulanan (mis. Perwal Bekasi 38/2023) atau triwulanan "
            "(ketentuan nasional).",
            "periode_dokumentasi": "Seberapa sering bukti kinerja pegawai didokumentasikan.",
            "tugas_belajar": "Mis. Perwal Bekasi 38/2023: hanya PNS.",
            "penilai_jf_wajib_manajerial": "Ketentuan daerah (mis. paparan BKD 2025): penilai "
            "pejabat fungsional dan pelaksana harus pejabat manajerial, kecuali pegawai "
            "pada daftar pengecualian.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, field in self.fields.items():
            if nama == "aspek_diizinkan":
                continue
            pilihan = isinstance(field, forms.ChoiceField)
            if pilihan:
                field.error_messages["invalid_choice"] = (
                    "Pilihan “%(value)s” tidak tersedia; pilih salah satu yang ada."
                )
            if field.required:
                kata_kerja = "dipilih" if pilihan else "diisi"
                field.error_messages["required"] = f"{field.label} wajib {kata_kerja}."

    def clean_aspek_diizinkan(self):
        # Stored in the fixed order, whatever order the browser sent.
        dipilih = set(self.cleaned_data["aspek_diizinkan"])
        return [a for a in ASPEK_INDIKATOR if a in dipilih]

    def kelompok(self):
        """(legend, bound fields) for each fieldset of the page."""
        return [(judul, [self[nama] for nama in daftar]) for judul, daftar in KELOMPOK]
