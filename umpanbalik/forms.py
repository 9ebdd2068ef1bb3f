from django import forms

from . import bukti
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


class FormRencanaAksi(forms.Form):
    teks = forms.CharField(label="Langkah rencana aksi", max_length=500)
