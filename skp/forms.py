from django import forms

from organisasi.pengaturan import pengaturan_instansi

from .models import Aspek, BagianLampiran, ButirLampiran, NilaiBerakhlak, Pendekatan, Perspektif


class FormSKPBaru(forms.Form):
    tahun = forms.IntegerField(min_value=2022, max_value=2100)
    pendekatan = forms.ChoiceField(
        choices=Pendekatan.choices,
        initial=Pendekatan.KUANTITATIF,
        help_text="Kuantitatif: indikator dan target terukur terpisah. Kualitatif: deskriptif, "
        "dalam satu narasi (000:3529-3549).",
    )
    tugas_belajar = forms.BooleanField(required=False, label="SKP tugas belajar")


class FormRHK(forms.Form):
    teks = forms.CharField(
        label="Rencana hasil kerja",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Tuliskan sebagai hasil/capaian, bukan kegiatan.",
        error_messages={"required": "Rencana hasil kerja wajib diisi."},
    )
    penugasan_dari = forms.CharField(
        label="Penugasan dari (jabatan pimpinan/tim kerja)", max_length=200, required=False
    )
    rhk_pimpinan_teks = forms.CharField(
        label="Rencana hasil kerja pimpinan yang diintervensi",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class FormIKI(forms.Form):
    teks = forms.CharField(
        label="Indikator kinerja individu",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Indikator kinerja individu wajib diisi."},
    )
    target = forms.CharField(label="Target", max_length=300, required=False)
    aspek = forms.MultipleChoiceField(
        choices=Aspek.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    perspektif = forms.ChoiceField(
        choices=[("", "—")] + Perspektif.choices, required=False, label="Perspektif"
    )
    target_mutlak_dikecualikan = forms.BooleanField(
        required=False,
        label="Target mutlak karena menyangkut nyawa, cedera, keamanan nasional, atau kerugian "
        "moneter besar",
    )

    def __init__(self, *args, skp=None, **kwargs):
        super().__init__(*args, **kwargs)
        diizinkan = pengaturan_instansi().aspek_diizinkan or []
        self.fields["aspek"].choices = [(a, lbl) for a, lbl in Aspek.choices if a in diizinkan]
        if skp is not None and skp.kelompok != "jpt_pukm":
            del self.fields["perspektif"]
        if skp is not None and skp.kelompok == "jpt_pukm":
            del self.fields["aspek"]
            del self.fields["target_mutlak_dikecualikan"]
        if skp is not None and skp.pendekatan == "kualitatif":
            self.fields["teks"].label = "Ukuran keberhasilan/ indikator kinerja individu dan target"
            self.fields[
                "teks"
            ].help_text = "Pada pendekatan kualitatif, tuliskan dalam satu narasi."
            del self.fields["target"]


class FormLampiran(forms.Form):
    bagian = forms.ChoiceField(choices=BagianLampiran.choices)
    jenis = forms.ChoiceField(choices=[("", "—")] + ButirLampiran.Jenis.choices, required=False)
    teks = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))


class FormEkspektasi(forms.Form):
    nilai = forms.ChoiceField(choices=NilaiBerakhlak.choices, label="Nilai BerAKHLAK")
    teks = forms.CharField(label="Ekspektasi khusus", widget=forms.Textarea(attrs={"rows": 2}))


class FormCatatan(forms.Form):
    catatan = forms.CharField(
        label="Catatan untuk pegawai", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class FormPerubahan(forms.Form):
    alasan = forms.CharField(
        label="Alasan perubahan",
        max_length=300,
        help_text="Mis. penugasan baru, penyesuaian ekspektasi hasil umpan balik (000:638-642).",
    )
