from django import forms

from organisasi.pengaturan import pengaturan_instansi

from .aturan import BATAS_PENUGASAN, BATAS_RHK_PIMPINAN, BATAS_TARGET, BATAS_TEKS, JENIS_LAMPIRAN
from .models import Aspek, BagianLampiran, ButirLampiran, NilaiBerakhlak, Pendekatan, Perspektif

PANJANG = {"max_length": "Paling panjang %(limit_value)d karakter (kini %(show_value)d)."}


class FormSKPBaru(forms.Form):
    tahun = forms.IntegerField(
        min_value=2022,
        max_value=2100,
        error_messages={
            "min_value": "Tahun SKP paling awal 2022 (Permenpan RB 6/2022 berlaku sejak 2022).",
            "max_value": "Tahun SKP paling akhir 2100; periksa kembali tahunnya.",
            "invalid": "Isi tahun dengan angka, mis. 2026.",
        },
    )
    pendekatan = forms.ChoiceField(
        choices=Pendekatan.choices,
        initial=Pendekatan.KUANTITATIF,
        help_text="Kuantitatif: indikator dan target terukur terpisah. Kualitatif: deskriptif, "
        "dalam satu narasi (Lampiran Bab II huruf A, Tahap Ketujuh).",
    )
    tugas_belajar = forms.BooleanField(required=False, label="SKP tugas belajar")


class FormRHK(forms.Form):
    teks = forms.CharField(
        label="Rencana hasil kerja",
        max_length=BATAS_TEKS,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Tuliskan sebagai hasil/capaian, bukan kegiatan.",
        error_messages={"required": "Rencana hasil kerja wajib diisi.", **PANJANG},
    )
    penugasan_dari = forms.CharField(
        label="Penugasan dari (jabatan pimpinan/tim kerja)",
        max_length=BATAS_PENUGASAN,
        required=False,
        error_messages=PANJANG,
    )
    pimpinan = forms.ChoiceField(
        label="Rencana hasil kerja pimpinan yang diintervensi",
        required=False,
        help_text="Dipilih dari SKP pejabat penilai Anda tahun ini; untuk pimpinan JPT "
        "beserta indikator kinerja individunya.",
    )
    rhk_pimpinan_teks = forms.CharField(
        label="Rencana hasil kerja pimpinan yang diintervensi",
        max_length=BATAS_RHK_PIMPINAN,
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="SKP pejabat penilai Anda tahun ini belum memuat rencana hasil kerja di "
        "aplikasi ini, jadi tuliskan rencana hasil kerjanya; setelah tersedia, Anda diminta "
        "memilihnya.",
        error_messages=PANJANG,
    )

    def __init__(self, *args, pilihan=(), **kwargs):
        """`pilihan`: selectors.PilihanPimpinan of the rater's SKP. With them the employee
        chooses; without them (no rater SKP) the text field stays."""
        super().__init__(*args, **kwargs)
        if pilihan:
            self.fields["pimpinan"].choices = [("", "— pilih —")] + [
                (p.kunci, p.label) for p in pilihan
            ]
            del self.fields["rhk_pimpinan_teks"]
        else:
            del self.fields["pimpinan"]


class FormIKI(forms.Form):
    teks = forms.CharField(
        label="Indikator kinerja individu",
        max_length=BATAS_TEKS,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Indikator kinerja individu wajib diisi.", **PANJANG},
    )
    target = forms.CharField(
        label="Target", max_length=BATAS_TARGET, required=False, error_messages=PANJANG
    )
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
    jenis = forms.ChoiceField(
        choices=[("", "—")]
        + [
            (label, [(j, lj) for j, lj in ButirLampiran.Jenis.choices if j in JENIS_LAMPIRAN[b]])
            for b, label in BagianLampiran.choices
        ],
        required=False,
        help_text="Jenis harus sesuai bagiannya: sumber daya untuk dukungan, memenuhi/tidak "
        "memenuhi ekspektasi untuk konsekuensi.",
    )
    teks = forms.CharField(
        label="Isi",
        max_length=BATAS_TEKS,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Isi butir lampiran wajib diisi.", **PANJANG},
    )


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
        help_text="Mis. penugasan baru, penyesuaian ekspektasi hasil umpan balik "
        "(Pasal 14 ayat (2)).",
    )
