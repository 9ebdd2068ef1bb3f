"""The agency settings form: fields grouped as the page shows them, Indonesian errors."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import ASPEK_INDIKATOR, Pegawai, PengaturanInstansi, StatusPegawai
from .pengaturan import (
    GALAT_ASPEK_KOSONG,
    periksa_batas_skp,
    periksa_pelaksana_kepala_daerah,
    periksa_pengingat,
    periksa_pola,
)
from .tanggal import BULAN, tanggal_id

JUDUL_BATAS_SKP = "Batas penetapan SKP"
JUDUL_KEPALA_DAERAH = "Kepala daerah sebagai pejabat penilai JPT"
ISIAN_BATAS_SKP = ("batas_skp_hari", "batas_skp_bulan", "pengingat_skp_hari_kerja")

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
            "tempat_dokumen",
            "penerima_laporan",
        ),
    ),
    (
        JUDUL_KEPALA_DAERAH,
        (
            "jabatan_kepala_daerah",
            "nama_kepala_daerah",
            "nip_kepala_daerah",
            "pelaksana_kepala_daerah",
        ),
    ),
    (
        "SKP dan evaluasi",
        (
            "aspek_diizinkan",
            "manual_ik",
            "tugas_belajar",
            "format_tugas_belajar",
            "penyusun_evaluasi",
            "tunjangan",
        ),
    ),
    (JUDUL_BATAS_SKP, ISIAN_BATAS_SKP),
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


class IsianPengecualian(forms.Field):
    """Textarea in the form, JSON list in the model."""

    widget = forms.Textarea(attrs={"rows": 4, "spellcheck": "false"})

    def prepare_value(self, value):
        # Initial value is the stored list; re-shown input is the admin's own text.
        return tulis_pengecualian(value) if isinstance(value, list) else value

    def to_python(self, value):
        return urai_pengecualian(value or "")


def _tanpa_spasi(nip: str) -> str:
    # NIPs are commonly written "19870312 201001 1 004".
    return re.sub(r"\s+", "", nip)


class IsianPegawaiNIP(forms.Field):
    """An employee chosen by NIP (an agency has thousands: no drop-down), stored as the
    Pegawai. The queryset is the agency's own (scoped manager), so another agency's NIP
    is simply not found."""

    widget = forms.TextInput(
        attrs={"inputmode": "numeric", "spellcheck": "false", "autocomplete": "off"}
    )

    def prepare_value(self, value):
        if isinstance(value, Pegawai):
            return value.nip
        if isinstance(value, int):
            return Pegawai.objects.filter(pk=value).values_list("nip", flat=True).first() or ""
        return value

    def to_python(self, value):
        teks = (value or "").strip()
        if not teks:
            return None
        nip = _tanpa_spasi(teks)
        if not (nip.isascii() and nip.isdigit() and len(nip) == 18):
            raise ValidationError("NIP harus terdiri dari 18 angka.")
        pegawai = Pegawai.objects.select_related("pengguna").filter(nip=nip).first()
        if pegawai is None:
            raise ValidationError(f"Tidak ada pegawai dengan NIP {nip} di instansi ini.")
        return pegawai

    def validate(self, value):
        super().validate(value)
        try:
            periksa_pelaksana_kepala_daerah(value)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["pelaksana_kepala_daerah"]) from exc

    def has_changed(self, initial, data):
        return (self.prepare_value(initial) or "") != _tanpa_spasi((data or "").strip())


class FormPengaturan(forms.ModelForm):
    pelaksana_kepala_daerah = IsianPegawaiNIP(
        label="NIP pegawai yang bertindak atas nama kepala daerah",
        required=False,
        help_text="Mis. Sekretaris Daerah atau Kepala BKPSDM. Pegawai ini memeriksa, "
        "mengembalikan dan menetapkan SKP JPT yang dinilai kepala daerah dengan akunnya "
        "sendiri; SKP mencatat dan mencetak “a.n.” kepala daerah. Kosongkan bila tidak ada.",
    )

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

    judul_batas_skp = JUDUL_BATAS_SKP  # the template shows the preview under this fieldset
    judul_kepala_daerah = JUDUL_KEPALA_DAERAH  # ... and who acts for the official under this

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
        if self.is_bound:
            self._pertahankan_yang_tidak_dikirim()
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

    def pratinjau_batas_skp(self) -> dict | None:
        """This year's deadline and reminder dates from the stored settings, shown under
        the fields because the holiday rule is not obvious. Not on a rejected POST: the
        instance then holds unsaved input."""
        # Imported here: the SKP app builds on this one, not the other way round.
        from skp.tenggat import batas_penetapan, tanggal_pengingat

        from .hari_kerja import kalender_instansi

        if self.is_bound:
            return None
        p = self.instance
        try:
            periksa_batas_skp(p.batas_skp_hari, p.batas_skp_bulan)
            periksa_pengingat(p.pengingat_skp_hari_kerja)
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

    def pelaksana_tersimpan(self):
        """The stored acting employee, named under the NIP field (a NIP alone says little)."""
        return self.instance.pelaksana_kepala_daerah if not self.is_bound else None

    def clean_aspek_diizinkan(self):
        # Stored in the fixed order, whatever order the browser sent.
        dipilih = set(self.cleaned_data["aspek_diizinkan"])
        return [a for a in ASPEK_INDIKATOR if a in dipilih]

    def kelompok(self):
        """(legend, bound fields) for each fieldset of the page."""
        return [(judul, [self[nama] for nama in daftar]) for judul, daftar in KELOMPOK]
