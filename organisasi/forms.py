from django import forms
from django.contrib.auth.forms import AuthenticationForm

from .models import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    Jabatan,
    JenisPenempatan,
    Pegawai,
    StatusPegawai,
    UnitKerja,
)


class FormMasuk(AuthenticationForm):
    username = forms.CharField(
        label="NIP atau nama pengguna",
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label="Kata sandi",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": "NIP/nama pengguna atau kata sandi salah. Periksa kembali lalu coba lagi.",
        "inactive": "Akun ini tidak aktif. Hubungi admin BKD/BKPSDM instansi Anda.",
    }


class FormTanggal(forms.Form):
    """The date a page answers for (raters change with transfers and acting posts)."""

    tanggal = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))


class FormPegawai(forms.ModelForm):
    class Meta:
        model = Pegawai
        fields = ["gelar_depan", "nama", "gelar_belakang", "status", "golongan", "email", "aktif"]

    def clean(self):
        data = super().clean()
        status, golongan = data.get("status"), (data.get("golongan") or "").strip()
        pilihan = GOLONGAN_PNS if status == StatusPegawai.PNS else GOLONGAN_PPPK
        if status and golongan not in pilihan:
            self.add_error(
                "golongan",
                f"Golongan {golongan or '(kosong)'} tidak sah untuk {StatusPegawai(status).label}; "
                f"pilih salah satu: {', '.join(pilihan)}.",
            )
        return data


class FormPenempatan(forms.Form):
    jenis = forms.ChoiceField(choices=JenisPenempatan.choices, initial=JenisPenempatan.DEFINITIF)
    unit = forms.ModelChoiceField(queryset=UnitKerja.lintas_instansi.none(), label="Unit kerja")
    jabatan = forms.ModelChoiceField(queryset=Jabatan.lintas_instansi.none())
    mulai = forms.DateField(label="Berlaku mulai", widget=forms.DateInput(attrs={"type": "date"}))
    selesai = forms.DateField(
        required=False,
        label="Sampai (untuk Plt/Plh)",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    dasar = forms.CharField(label="Dasar (nomor SK/surat)", max_length=200, required=False)
    diperbantukan = forms.BooleanField(required=False, label="Diperbantukan/dipekerjakan")
    berwenang_menilai = forms.BooleanField(
        required=False, label="Plt/Plh diberi delegasi kewenangan menilai"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Querysets are built here, inside the request's agency scope.
        self.fields["unit"].queryset = UnitKerja.objects.filter(aktif=True).order_by("nama")
        unit_id = str(self.data.get("unit") or self.initial.get("unit") or "")
        self.fields["jabatan"].queryset = (
            Jabatan.objects.filter(unit_id=unit_id)
            if unit_id.isdigit()
            else Jabatan.lintas_instansi.none()
        )

    def clean(self):
        data = super().clean()
        if data.get("unit") and data.get("jabatan") and data["jabatan"].unit_id != data["unit"].pk:
            self.add_error("jabatan", "Jabatan ini tidak berada di unit yang dipilih.")
        return data


class FormDelegasi(forms.Form):
    penilai = forms.ModelChoiceField(
        queryset=Pegawai.lintas_instansi.none(), label="Pejabat penilai"
    )
    atasan_penilai = forms.ModelChoiceField(
        queryset=Pegawai.lintas_instansi.none(), required=False, label="Atasan pejabat penilai"
    )
    mulai = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    selesai = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    dasar = forms.CharField(label="Dasar (nomor SK/surat delegasi)", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only positions that can carry a rating duty: managerial or heading a unit.
        calon = Pegawai.objects.filter(
            aktif=True, penempatan__selesai__isnull=True, penempatan__jabatan__kepala_unit=True
        ).distinct()
        self.fields["penilai"].queryset = calon
        self.fields["atasan_penilai"].queryset = calon
