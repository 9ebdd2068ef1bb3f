"""The platform superadmin's home: the agencies, and a form to create one with its admin."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from .models import Instansi
from .platform import daftar_instansi, instansi_buat, superadmin_platform


def superadmin_required(view):
    @login_required
    @wraps(view)
    def bungkus(request, *args, **kwargs):
        if not superadmin_platform(request.user):
            raise PermissionDenied("Halaman ini hanya untuk superadmin platform.")
        return view(request, *args, **kwargs)

    return bungkus


class FormInstansiBaru(forms.Form):
    nama = forms.CharField(
        label="Nama instansi",
        max_length=200,
        help_text="Mis. Pemerintah Kota Bekasi, Kementerian X.",
    )
    slug = forms.CharField(
        label="Kode instansi",
        max_length=50,
        required=False,
        help_text="Huruf kecil, angka dan tanda hubung; kosongkan agar dibuat dari nama.",
    )
    jenis = forms.ChoiceField(
        label="Jenis instansi", choices=Instansi.Jenis.choices, initial=Instansi.Jenis.DAERAH
    )
    admin_nama = forms.CharField(label="Nama lengkap admin BKD/BKPSDM", max_length=200)
    admin_nip = forms.CharField(
        label="NIP admin", max_length=18, required=False, help_text="Opsional; 18 angka."
    )
    admin_email = forms.EmailField(label="Surel admin", required=False)
    admin_username = forms.CharField(
        label="Nama pengguna admin",
        max_length=150,
        help_text="Dipakai admin untuk masuk (selain NIP).",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    admin_sandi = forms.CharField(
        label="Kata sandi awal admin",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Paling sedikit 8 karakter, bukan kata sandi umum; sampaikan langsung dan "
        "minta admin menggantinya.",
    )
    admin_sandi2 = forms.CharField(
        label="Ulangi kata sandi",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                field.error_messages["required"] = f"{field.label} wajib diisi."
        self.fields["admin_email"].error_messages["invalid"] = "Alamat surel tidak sah."
        self.fields["jenis"].error_messages["invalid_choice"] = (
            "Pilih Instansi Pusat atau Instansi Daerah."
        )

    def clean(self):
        data = super().clean()
        if data.get("admin_sandi") and data.get("admin_sandi") != data.get("admin_sandi2"):
            self.add_error("admin_sandi2", "Kedua kata sandi tidak sama.")
        return data


@superadmin_required
def platform(request):
    form = FormInstansiBaru(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "admin_sandi2"}
        try:
            instansi, admin = instansi_buat(pengguna=request.user, **data)
        except ValidationError as exc:
            for kolom, pesan in exc.message_dict.items():
                form.add_error(kolom if kolom in form.fields else None, pesan)
        else:
            messages.success(
                request,
                f"Instansi {instansi.nama} dibuat dengan admin {admin.username}. Admin dapat "
                "masuk sekarang untuk mengatur pengaturan, kalender dan data pegawai instansinya.",
            )
            return redirect("platform")
    return render(
        request,
        "organisasi/platform.html",
        {"daftar": daftar_instansi(), "form": form, "buka_form": form.is_bound},
    )
