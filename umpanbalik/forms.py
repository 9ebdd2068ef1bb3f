from django import forms

from . import aturan, bukti
from .models import JenisRealisasi


class BanyakBerkas(forms.ClearableFileInput):
    allow_multiple_selected = True


class IsianBanyakBerkas(forms.FileField):
    """Several files in one input (Django's documented pattern); content checks are
    umpanbalik.bukti's, in the service."""

    widget = BanyakBerkas

    def clean(self, data, initial=None):
        satu = super().clean
        if isinstance(data, list | tuple):
            return [satu(d, initial) for d in data]
        return [satu(data, initial)] if data else []


class FormRealisasi(forms.Form):
    iki = forms.TypedChoiceField(label="Indikator kinerja individu", coerce=int)
    jenis = forms.ChoiceField(
        label="Jenis realisasi", choices=JenisRealisasi.choices, widget=forms.RadioSelect
    )
    uraian = forms.CharField(
        label="Realisasi yang dicapai",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Tuliskan hasil yang sudah dicapai pada periode ini, bukan kegiatannya.",
    )
    berkas = IsianBanyakBerkas(
        label="Unggah bukti dukung",
        required=False,
        widget=BanyakBerkas(attrs={"accept": bukti.ACCEPT, "multiple": True}),
        help_text=(
            "Bukti dukung adalah bukti <strong>hasil kerja</strong> (progres atau realisasi "
            "akhir), bukan bukti aktivitas (Lampiran BAB III Permenpan RB 6/2022). PDF, foto, "
            "atau dokumen Word/Excel/PowerPoint, paling besar "
            f"{bukti.BATAS_UKURAN // 2**20} MB per berkas. "
            "Dari ponsel Anda dapat langsung memotret; foto diperkecil dan data lokasinya dihapus."
        ),
    )
    foto = forms.FileField(
        label="Atau potret dengan kamera ponsel",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    tautan = forms.CharField(
        label="Atau tautan bukti dukung",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://..."}),
        help_text="Satu tautan per baris, mis. dokumen di aplikasi lain.",
    )

    def __init__(self, *args, pilihan_iki=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iki"].choices = pilihan_iki


class FormUbahRealisasi(forms.Form):
    """Correcting one documented realisation: its kind and text, evidence removed (only
    what its author uploaded, listed by the view) and added. Prefixed per entry, so the
    page's own 'Catat realisasi' form keeps its ids."""

    jenis = FormRealisasi.base_fields["jenis"]
    uraian = FormRealisasi.base_fields["uraian"]
    hapus_bukti = forms.TypedMultipleChoiceField(
        label="Hapus bukti dukung",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Centang bukti yang salah unggah atau sudah diganti. Realisasi tetap harus "
        "memiliki sedikitnya satu bukti dukung.",
    )
    berkas = FormRealisasi.base_fields["berkas"]
    foto = FormRealisasi.base_fields["foto"]
    tautan = FormRealisasi.base_fields["tautan"]

    def __init__(self, *args, realisasi, **kwargs):
        kwargs.setdefault("prefix", f"ubah-{realisasi.pk}")
        kwargs.setdefault("initial", {"jenis": realisasi.jenis, "uraian": realisasi.uraian})
        super().__init__(*args, **kwargs)
        penulis = realisasi.dicatat_oleh_id
        self.fields["hapus_bukti"].choices = [
            (b.pk, b.nama) for b in realisasi.bukti.all() if b.diunggah_oleh_id == penulis
        ]
        self.fields["berkas"].label = "Tambah bukti dukung"


class FormRencanaAksi(forms.Form):
    teks = forms.CharField(label="Langkah rencana aksi", max_length=500)


# --- Continuous feedback ------------------------------------------------------------------

BANTUAN_BUKTI_UB = (
    "Opsional: bukti yang mendasari umpan balik (PDF, foto, dokumen Office, paling besar "
    f"{bukti.BATAS_UKURAN // 2**20} MB per berkas)."
)


class FormUmpanBalik(forms.Form):
    tentang = forms.ChoiceField(
        label="Tentang",
        help_text="Rencana hasil kerja pada SKP pegawai atau salah satu nilai perilaku BerAKHLAK.",
    )
    sifat = forms.ChoiceField(label="Sifat", choices=aturan.SIFAT, widget=forms.RadioSelect)
    cara = forms.ChoiceField(label="Cara pemberian", choices=aturan.CARA, widget=forms.RadioSelect)
    arah = forms.ChoiceField(label="Umpan balik", choices=aturan.ARAH, widget=forms.RadioSelect)
    teks = forms.CharField(
        label="Isi umpan balik",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Sampaikan berdasarkan bukti dukung: apa yang sudah baik dan apa yang perlu "
        "diperbaiki.",
    )
    berkas = IsianBanyakBerkas(
        label="Bukti pendukung",
        required=False,
        widget=BanyakBerkas(attrs={"accept": bukti.ACCEPT, "multiple": True}),
        help_text=BANTUAN_BUKTI_UB,
    )
    tautan = forms.CharField(
        label="Atau tautan bukti",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://..."}),
        help_text="Satu tautan per baris.",
    )

    def __init__(self, *args, pilihan_tentang=(), sifat=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tentang"].choices = [("", "Pilih…"), *pilihan_tentang]
        if sifat is not None:  # a ketua kelompok or a guest gives one kind only
            self.fields["sifat"].choices = [c for c in aturan.SIFAT if c[0] in sifat]
            self.fields["sifat"].initial = sifat[0]


class FormUmpanBalikTamu(FormUmpanBalik):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, sifat=(aturan.INSIDENTIL,), **kwargs)
        del self.fields["sifat"]


class FormUndangan(forms.Form):
    sumber = forms.ChoiceField(
        label="Pihak yang diundang",
        choices=[(s, dict(aturan.SUMBER)[s]) for s in aturan.SUMBER_TAMU],
        widget=forms.RadioSelect,
        help_text="Pimpinan lain: pimpinan di instansi lain yang memiliki target kinerja "
        "pegawai. Pihak lain: pihak yang berkaitan dengan kinerja pegawai.",
    )
    nama_tamu = forms.CharField(label="Nama", max_length=200)
    keterangan_tamu = forms.CharField(
        label="Jabatan dan instansi/organisasi", max_length=200, required=False
    )
    berlaku_hari = forms.IntegerField(label="Berlaku (hari)", min_value=1, max_value=60, initial=14)
