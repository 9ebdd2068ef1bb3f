"""The agency settings page's forms: one section (fieldset) per form, each owned by the
app whose settings it holds, composed by `FormPengaturan`; Indonesian errors.

organisasi contributes its own sections here (`daftarkan_bagian_organisasi`); other
apps subclass `BagianPengaturan` in their own module and register it from their
AppConfig.ready (see skp/pengaturan.py).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from .models import Pegawai, PengaturanInstansi, StatusPegawai
from .pengaturan import (
    bagian_pengaturan,
    daftarkan_bagian,
    periksa_pelaksana_kepala_daerah,
    periksa_pengecualian,
    periksa_pola,
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


class BagianPengaturan(forms.ModelForm):
    """One section of the settings page: a ModelForm over the columns an app owns.

    judul: the fieldset's legend. urutan: its place on the page (smaller first).
    templat: an optional partial rendered under the fields with this form as `form`
    (e.g. what the stored values mean this year). pesan_sendiri: fields whose own
    error messages the common Indonesian ones must not replace. periksa: the checks the settings
    service runs on the whole row before saving, raising ValidationError({column: msg}).
    """

    judul: str = ""
    urutan: int = 100
    templat: str | None = None
    pesan_sendiri: tuple[str, ...] = ()  # fields that keep the error messages they declare

    class Meta:
        model = PengaturanInstansi
        fields: list[str] = []

    @staticmethod
    def periksa(pengaturan: PengaturanInstansi) -> None:
        """Service-level checks of this section's columns (none by default)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, field in self.fields.items():
            if nama in self.pesan_sendiri:
                continue
            pilihan = isinstance(field, forms.ChoiceField)
            if pilihan:
                field.error_messages["invalid_choice"] = (
                    "Pilihan “%(value)s” tidak tersedia; pilih salah satu yang ada."
                )
            if field.required:
                kata_kerja = "dipilih" if pilihan else "diisi"
                field.error_messages["required"] = f"{field.label} wajib {kata_kerja}."

    def isian(self):
        """The bound fields in page order."""
        return [self[nama] for nama in self._meta.fields]


class FormPengaturan:
    """The whole page: every registered section bound to the same POST and the same row.

    Valid when every section is; `cleaned_data` merges them for `pengaturan_ubah`,
    which runs each section's `periksa` again inside its transaction.
    """

    def __init__(self, data=None, *, instance: PengaturanInstansi):
        self.is_bound = data is not None
        self.bagian = [kelas(data, instance=instance) for kelas in bagian_pengaturan()]
        self._galat_umum: list[str] = []

    def is_valid(self) -> bool:
        # Every section is validated (no short cut), so each shows its own errors at once.
        sah = [f.is_valid() for f in self.bagian]
        return all(sah) and not self._galat_umum

    def has_changed(self) -> bool:
        return any(f.has_changed() for f in self.bagian)

    @property
    def cleaned_data(self) -> dict:
        return {k: v for f in self.bagian for k, v in f.cleaned_data.items()}

    @property
    def errors(self) -> bool:
        return bool(self._galat_umum) or any(f.errors for f in self.bagian)

    def non_field_errors(self):
        """Errors of no section (each section shows its own above its fields)."""
        return ErrorList(self._galat_umum)

    def add_error(self, field, error: ValidationError) -> None:
        """Put a service error on the section that owns the column (or on the page)."""
        if field is None and hasattr(error, "error_dict"):
            for kolom, daftar in error.error_dict.items():
                pemilik = next((f for f in self.bagian if kolom in f.fields), None)
                if pemilik is None:
                    self._galat_umum += [m for e in daftar for m in e.messages]
                else:
                    pemilik.add_error(kolom, daftar)
            return
        pemilik = next((f for f in self.bagian if field in f.fields), None)
        if pemilik is None:
            self._galat_umum += ValidationError(error).messages
        else:
            pemilik.add_error(field, error)


# --- organisasi's own sections ----------------------------------------------------------------


class BagianPenilai(BagianPengaturan):
    judul = "Penilai dan Plt/Plh"
    urutan = 20

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
        fields = [
            "plt_plh_menilai",
            "penilai_jf_wajib_manajerial",
            "pengecualian_manajerial",
            "jf_kepala_unit_boleh_menilai",
        ]
        widgets = {"plt_plh_menilai": forms.RadioSelect}
        help_texts = {
            "penilai_jf_wajib_manajerial": "Ketentuan daerah (mis. paparan BKD 2025): penilai "
            "pejabat fungsional dan pelaksana harus pejabat manajerial, kecuali pegawai "
            "pada daftar pengecualian.",
        }

    @staticmethod
    def periksa(pengaturan: PengaturanInstansi) -> None:
        periksa_pengecualian(pengaturan.pengecualian_manajerial)


class BagianIstilah(BagianPengaturan):
    """The words and names every app's forms print (`pengaturan.istilah`)."""

    judul = "Istilah pada formulir"
    urutan = 30

    class Meta:
        model = PengaturanInstansi
        fields = [
            "istilah_instansi",
            "istilah_bkd",
            "tempat_dokumen",
            "penerima_laporan",
            "tunjangan",
        ]
        widgets = {"tunjangan": forms.RadioSelect}


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


class BagianKepalaDaerah(BagianPengaturan):
    """The kepala daerah (or minister) rates the JPT but has no account: the official as
    the documents print them, and the employee who acts for them in the app."""

    judul = "Kepala daerah sebagai pejabat penilai JPT"
    urutan = 35
    templat = "organisasi/_pengaturan_kepala_daerah.html"
    pesan_sendiri = ("pelaksana_kepala_daerah",)

    pelaksana_kepala_daerah = IsianPegawaiNIP(
        label="NIP pegawai yang bertindak atas nama kepala daerah",
        required=False,
        help_text="Mis. Sekretaris Daerah atau Kepala BKPSDM. Pegawai ini memeriksa, "
        "mengembalikan dan menetapkan SKP JPT yang dinilai kepala daerah dengan akunnya "
        "sendiri; SKP mencatat dan mencetak “a.n.” kepala daerah. Kosongkan bila tidak ada.",
    )

    class Meta:
        model = PengaturanInstansi
        fields = [
            "jabatan_kepala_daerah",
            "nama_kepala_daerah",
            "nip_kepala_daerah",
            "pelaksana_kepala_daerah",
        ]

    @staticmethod
    def periksa(pengaturan: PengaturanInstansi) -> None:
        periksa_pelaksana_kepala_daerah(pengaturan.pelaksana_kepala_daerah)

    def pelaksana_tersimpan(self):
        """The stored acting employee, named under the NIP field (a NIP alone says little)."""
        return self.instance.pelaksana_kepala_daerah if not self.is_bound else None


def daftarkan_bagian_organisasi() -> None:
    for bagian in (BagianPenilai, BagianIstilah, BagianKepalaDaerah):
        daftarkan_bagian(bagian)


class FormLambang(forms.Form):
    """The emblem upload on the settings page (its own form: a file, not a column of
    PengaturanInstansi); organisasi.lambang decides what may be stored."""

    berkas = forms.FileField(
        label="Berkas lambang",
        help_text="PNG atau JPEG, paling besar 2 MB. Gambar besar diperkecil dan data "
        "tambahannya (mis. lokasi GPS) dibuang. Sebaiknya berlatar putih atau transparan.",
        error_messages={
            "required": "Pilih berkas lambang yang akan diunggah.",
            "empty": "Berkas kosong.",
            "invalid": "Berkas tidak terbaca; pilih ulang berkasnya.",
        },
    )

    def __init__(self, *args, **kwargs):
        from .lambang import ACCEPT

        super().__init__(*args, **kwargs)
        self.fields["berkas"].widget.attrs.update(
            {"accept": ACCEPT, "aria-describedby": "id_berkas_helptext"}
        )
