"""The SKP app's part of the agency settings page: which indicator aspects, Manual IK
and study-leave rules apply, and the SKP deadline with its reminders.

Stored on the agency's settings row (`PengaturanInstansi`); this module owns the form
fields, the checks and the preview, and `SkpConfig.ready` registers both sections.
"""

from __future__ import annotations

import calendar
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from organisasi.forms_pengaturan import BagianPengaturan
from organisasi.hari_kerja import kalender_instansi
from organisasi.models import ASPEK_INDIKATOR, PengaturanInstansi
from organisasi.pengaturan import daftarkan_bagian
from organisasi.tanggal import BULAN, tanggal_id

GALAT_ASPEK_KOSONG = "Pilih paling sedikit satu aspek indikator."
# The earliest reminder, in working days before the SKP deadline (about three months):
# the daily job looks one year ahead for reminders, and further makes no sense.
PENGINGAT_MAKS = 60
ISIAN_BATAS_SKP = ("batas_skp_hari", "batas_skp_bulan", "pengingat_skp_hari_kerja")


# --- Checks (the settings service runs them before saving) ----------------------------------


def periksa_aspek(nilai) -> None:
    if not isinstance(nilai, list) or not nilai:
        raise ValidationError({"aspek_diizinkan": GALAT_ASPEK_KOSONG})
    asing = [a for a in nilai if a not in ASPEK_INDIKATOR]
    if asing:
        raise ValidationError(
            {
                "aspek_diizinkan": f"Aspek tidak dikenal: {', '.join(map(str, asing))}. "
                f"Pilih dari {', '.join(ASPEK_INDIKATOR)}."
            }
        )


def periksa_batas_skp(hari, bulan) -> None:
    """The SKP deadline must be a date that exists every year (so not 29 February)."""
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise ValidationError({"batas_skp_bulan": "Bulan batas penetapan harus 1 sampai 12."})
    terakhir = calendar.monthrange(2001, bulan)[1]  # a common year
    if isinstance(hari, bool) or not isinstance(hari, int) or not 1 <= hari <= terakhir:
        raise ValidationError(
            {
                "batas_skp_hari": f"Tanggal batas penetapan harus 1 sampai {terakhir} "
                f"untuk bulan {BULAN[bulan - 1]}."
            }
        )


def periksa_pengingat(nilai) -> None:
    """Reminders: a list of positive whole numbers of working days, e.g. [10, 3]."""
    if not isinstance(nilai, list) or any(
        isinstance(n, bool) or not isinstance(n, int) for n in nilai
    ):
        raise ValidationError(
            {"pengingat_skp_hari_kerja": "Pengingat harus berupa daftar bilangan bulat."}
        )
    if any(n < 1 for n in nilai):
        raise ValidationError(
            {"pengingat_skp_hari_kerja": "Jumlah hari kerja pengingat harus lebih dari 0."}
        )
    if any(n > PENGINGAT_MAKS for n in nilai):
        raise ValidationError(
            {
                "pengingat_skp_hari_kerja": f"Pengingat paling awal {PENGINGAT_MAKS} hari "
                "kerja sebelum batas penetapan."
            }
        )


# --- Fields -------------------------------------------------------------------------------


def urai_pengingat(teks: str) -> list[int]:
    """ "10, 3" -> [10, 3]: working days before the deadline, largest first, no repeats."""
    kata = [k for k in re.split(r"[,;\s]+", teks or "") if k]
    salah = [k for k in kata if not k.isascii() or not k.isdigit()]
    if salah:
        raise ValidationError(
            f"“{salah[0]}” bukan bilangan bulat positif. Tuliskan jumlah hari kerja "
            "dipisah koma, mis. “10, 3”."
        )
    return sorted({int(k) for k in kata}, reverse=True)


class IsianPengingat(forms.Field):
    """Text "10, 3" in the form, list [10, 3] in the model."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})

    def prepare_value(self, value):
        return ", ".join(map(str, value)) if isinstance(value, list) else value

    def to_python(self, value):
        return urai_pengingat(value or "")


# --- Sections -----------------------------------------------------------------------------


class BagianSKP(BagianPengaturan):
    judul = "SKP"
    urutan = 40
    pesan_sendiri = ("aspek_diizinkan",)

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

    class Meta:
        model = PengaturanInstansi
        fields = ["aspek_diizinkan", "manual_ik", "tugas_belajar", "format_tugas_belajar"]
        widgets = {"manual_ik": forms.RadioSelect, "tugas_belajar": forms.RadioSelect}
        help_texts = {"tugas_belajar": "Mis. Perwal Bekasi 38/2023: hanya PNS."}

    @staticmethod
    def periksa(pengaturan: PengaturanInstansi) -> None:
        periksa_aspek(pengaturan.aspek_diizinkan)

    def clean_aspek_diizinkan(self):
        # Stored in the fixed order, whatever order the browser sent.
        dipilih = set(self.cleaned_data["aspek_diizinkan"])
        return [a for a in ASPEK_INDIKATOR if a in dipilih]


class BagianBatasSKP(BagianPengaturan):
    judul = "Batas penetapan SKP"
    urutan = 50
    templat = "skp/_pengaturan_batas.html"

    batas_skp_hari = forms.IntegerField(
        label="Tanggal",
        min_value=1,
        max_value=31,
        help_text="Ketentuan nasional: SKP ditetapkan paling lambat akhir Januari (31 Januari). "
        "Bila tanggal itu bukan hari kerja, batasnya hari kerja terakhir sebelumnya.",
        error_messages={
            "invalid": "Tanggal harus berupa angka.",
            "min_value": "Tanggal paling kecil 1.",
            "max_value": "Tanggal paling besar 31.",
        },
    )
    batas_skp_bulan = forms.TypedChoiceField(
        label="Bulan", coerce=int, choices=[(i, nama) for i, nama in enumerate(BULAN, start=1)]
    )
    pengingat_skp_hari_kerja = IsianPengingat(
        label="Pengingat (hari kerja sebelum batas)",
        required=False,
        help_text="Pegawai dan pejabat penilai diingatkan sekian hari kerja sebelum batas "
        "penetapan; pisahkan dengan koma, mis. “10, 3”. Kosongkan bila tidak perlu pengingat. "
        "Setelah batas lewat, SKP yang belum ditetapkan diteruskan kepada atasan pejabat "
        "penilai.",
    )

    class Meta:
        model = PengaturanInstansi
        fields = list(ISIAN_BATAS_SKP)

    @staticmethod
    def periksa(pengaturan: PengaturanInstansi) -> None:
        periksa_batas_skp(pengaturan.batas_skp_hari, pengaturan.batas_skp_bulan)
        periksa_pengingat(pengaturan.pengingat_skp_hari_kerja)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self._pertahankan_yang_tidak_dikirim()

    def _pertahankan_yang_tidak_dikirim(self):
        # A page rendered before these settings existed (an open tab, an old client)
        # keeps the stored values, as ModelForm does for omitted fields with a default.
        data = self.data.copy()
        for nama in ISIAN_BATAS_SKP:
            field, kunci = self.fields[nama], self.add_prefix(nama)
            if field.widget.value_omitted_from_data(data, self.files, kunci):
                data[kunci] = str(field.prepare_value(self.get_initial_for_field(field, nama)))
        self.data = data

    def clean(self):
        data = super().clean()
        hari, bulan = data.get("batas_skp_hari"), data.get("batas_skp_bulan")
        if hari is not None and bulan is not None:
            try:
                periksa_batas_skp(hari, bulan)
            except ValidationError as exc:
                self.add_error(None, exc)
        return data

    def clean_pengingat_skp_hari_kerja(self):
        nilai = self.cleaned_data["pengingat_skp_hari_kerja"]
        try:
            periksa_pengingat(nilai)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["pengingat_skp_hari_kerja"]) from exc
        return nilai

    def pratinjau(self) -> dict | None:
        """This year's deadline and reminder dates from the stored settings, shown under
        the fields because the holiday rule is not obvious. Not on a rejected POST: the
        instance then holds unsaved input."""
        from .tenggat import batas_penetapan, tanggal_pengingat

        if self.is_bound:
            return None
        p = self.instance
        try:
            self.periksa(p)
        except ValidationError:
            return None
        tahun = timezone.localdate().year
        kalender = kalender_instansi(p.instansi_id)
        batas = batas_penetapan(kalender, tahun, p.batas_skp_hari, p.batas_skp_bulan)
        ns = sorted(set(p.pengingat_skp_hari_kerja), reverse=True)
        return {
            "tahun": tahun,
            "tanggal": tanggal_id(batas.tanggal),
            "nominal": tanggal_id(batas.mulai),
            "bergeser": batas.tanggal != batas.mulai,
            "alasan": kalender.nama_libur(batas.mulai) or "akhir pekan",
            "pengingat": [
                (n, tanggal_id(t))
                for n, t in zip(ns, tanggal_pengingat(kalender, batas, ns), strict=True)
            ],
        }


def daftarkan() -> None:
    daftarkan_bagian(BagianSKP)
    daftarkan_bagian(BagianBatasSKP)
