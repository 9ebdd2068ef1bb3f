from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from . import selectors, services
from .akses import admin_instansi_required
from .beranda import tugas_beranda


@login_required
def beranda(request):
    if request.user.instansi_id is None:
        # The platform superadmin works in the platform administration.
        return redirect("admin:index")
    kartu = [
        {
            "judul": "Profil dan penilai saya",
            "isi": "Jabatan Anda, pejabat penilai dan atasannya, beserta alasannya.",
            "url": reverse("profil"),
        }
    ]
    if request.user.admin_instansi:
        kartu += [
            {
                "judul": "Struktur organisasi",
                "isi": "Telusuri unit kerja dan lihat siapa menilai siapa.",
                "url": reverse("unit_pohon"),
            },
            {
                "judul": "Pegawai",
                "isi": "Cari pegawai, catat mutasi atau Plt/Plh, temukan yang belum punya penilai.",
                "url": reverse("pegawai_daftar"),
            },
            {
                "judul": "Impor data",
                "isi": "Impor unit kerja dan pegawai dari berkas CSV/XLSX (ekspor SIASN).",
                "url": reverse("impor"),
            },
            {
                "judul": "Kalender hari kerja",
                "isi": "Atur hari libur dan cuti bersama yang berlaku di instansi Anda.",
                "url": reverse("kalender"),
            },
            {
                "judul": "Pengaturan instansi",
                "isi": "Periode evaluasi, kewenangan Plt/Plh, istilah pada formulir.",
                "url": reverse("pengaturan"),
            },
            {
                "judul": "Akun pengguna",
                "isi": "Reset kata sandi pegawai instansi Anda.",
                "url": reverse("pengguna_daftar"),
            },
        ]
    # What to do next: every app's pending work, nearest due date first.
    _, tugas = tugas_beranda(request.user, timezone.localdate())
    return render(request, "beranda.html", {"kartu_beranda": kartu, "tugas": tugas})


@admin_instansi_required
def daftar_pengguna(request):
    q = request.GET.get("q", "").strip()
    pengguna = selectors.pengguna_instansi(admin=request.user)
    if q:
        pengguna = pengguna.filter(nama__icontains=q) | pengguna.filter(nip__startswith=q)
    return render(
        request,
        "organisasi/pengguna_daftar.html",
        {"daftar": pengguna[:200], "q": q},
    )


class FormSandiBaru(SetPasswordForm):
    new_password1 = forms.CharField(
        label="Kata sandi baru", strip=False, widget=forms.PasswordInput
    )
    new_password2 = forms.CharField(
        label="Ulangi kata sandi baru", strip=False, widget=forms.PasswordInput
    )


@admin_instansi_required
def reset_sandi(request, pk):
    pengguna = get_object_or_404(selectors.pengguna_instansi(admin=request.user), pk=pk)
    form = FormSandiBaru(pengguna, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.pengguna_reset_sandi(
            admin=request.user, pengguna=pengguna, sandi_baru=form.cleaned_data["new_password1"]
        )
        messages.success(request, f"Kata sandi {pengguna} telah diganti.")
        return redirect("pengguna_daftar")
    return render(request, "organisasi/pengguna_reset.html", {"form": form, "target": pengguna})


@admin_instansi_required
def riwayat(request, label_model, pk):
    obj = selectors.objek_beraudit(label_model=label_model, pk=pk)
    return render(
        request,
        "organisasi/riwayat.html",
        {"objek": obj, "riwayat": selectors.riwayat_objek(obj)},
    )
