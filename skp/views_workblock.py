"""Pages of the Workblock (format A.1.4) of a JPT/PUKM SKP: the list with its items,
add/edit/delete; writes go through `skp.workblock`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from organisasi.akses import pengguna_instansi_required

from . import manual_ik, mph
from . import workblock as layanan
from .models import SKP, ButirWorkblock, Kelompok, Workblock
from .views_umum import boleh_sunting_skp, galat_ke_form, pesan_galat, skp_atau_404


class FormWorkblock(forms.Form):
    judul = forms.CharField(
        label="Judul inisiatif strategi pencapaian IKU", widget=forms.Textarea(attrs={"rows": 2})
    )
    indikator_diintervensi = forms.CharField(
        label="Indikator dan target yang diintervensi", widget=forms.Textarea(attrs={"rows": 2})
    )
    pemilik_strategi = forms.CharField(label="Pemilik strategi", max_length=200)
    pihak_terlibat = forms.CharField(
        label="Pihak yang terlibat", widget=forms.Textarea(attrs={"rows": 2})
    )
    waktu_penyelesaian = forms.CharField(label="Waktu penyelesaian", max_length=100)
    penerima_manfaat = forms.CharField(
        label="Penerima manfaat", widget=forms.Textarea(attrs={"rows": 2})
    )
    tujuan = forms.CharField(label="Tujuan", widget=forms.Textarea(attrs={"rows": 2}))
    anggaran = forms.CharField(label="Anggaran", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Which fields are required, and their messages, come from the one rule.
        for nama, field in self.fields.items():
            field.required = nama in layanan.KOLOM_WAJIB
            if field.required:
                field.error_messages["required"] = layanan.KOLOM_WAJIB[nama]


class FormButir(forms.Form):
    tipe = forms.ChoiceField(label="Jenis", choices=ButirWorkblock.Tipe.choices)
    kategori = forms.ChoiceField(label="Kategori", choices=ButirWorkblock.Kategori.choices)
    teks = forms.CharField(label="Uraian", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, teks in layanan.PESAN_BUTIR.items():
            self.fields[nama].error_messages["required"] = teks
            self.fields[nama].error_messages["invalid_choice"] = teks


def _boleh(pengguna, skp: SKP) -> bool:
    return boleh_sunting_skp(pengguna, skp) and skp.kelompok == Kelompok.JPT_PUKM


def _konteks(request, skp: SKP, form=None) -> dict:
    daftar = list(Workblock.objects.filter(skp=skp).prefetch_related("butir").order_by("pk"))
    for wb in daftar:
        wb.bernomor = layanan.bernomor(wb.butir.all())
    boleh = _boleh(request.user, skp)
    if form is None:
        form = FormWorkblock(initial={"pemilik_strategi": mph.jabatan_skp(skp)})
    return {
        "skp": skp,
        "jpt": skp.kelompok == Kelompok.JPT_PUKM,
        "boleh": boleh,
        "daftar": daftar,
        "form": form,
        "form_butir": FormButir(),
        "iki": [k for r in manual_ik.iki_berlabel(skp) for k in r["iki"]] if boleh else [],
    }


def _selesai(request, skp: SKP, form=None):
    if request.htmx:
        return render(request, "skp/mph/_workblock_daftar.html", _konteks(request, skp, form))
    if form is not None and form.errors:
        return render(request, "skp/mph/workblock.html", _konteks(request, skp, form))
    return redirect("workblock", pk=skp.pk)


@pengguna_instansi_required
def workblock(request, pk: int):
    """The SKP's Workblocks (GET) and a new one (POST)."""
    skp = skp_atau_404(request, pk)
    if request.method == "POST":
        form = FormWorkblock(request.POST)
        if form.is_valid():
            try:
                layanan.workblock_simpan(pengguna=request.user, skp=skp, data=form.cleaned_data)
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(request, "Workblock ditambahkan.")
                return _selesai(request, skp)
        return _selesai(request, skp, form)
    return render(request, "skp/mph/workblock.html", _konteks(request, skp))


def _workblock_milik(skp: SKP, wb: int) -> Workblock:
    return get_object_or_404(Workblock.objects.prefetch_related("butir"), pk=wb, skp=skp)


@pengguna_instansi_required
def workblock_ubah(request, pk: int, wb: int):
    skp = skp_atau_404(request, pk)
    obj = _workblock_milik(skp, wb)
    if request.method == "POST":
        form = FormWorkblock(request.POST)
        if form.is_valid():
            try:
                layanan.workblock_simpan(
                    pengguna=request.user, skp=skp, data=form.cleaned_data, workblock=obj
                )
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(request, "Workblock disimpan.")
                return _selesai(request, skp)
    else:
        if not boleh_sunting_skp(request.user, skp):
            return redirect("workblock", pk=skp.pk)
        form = FormWorkblock(initial={k: getattr(obj, k) for k in layanan.KOLOM_WORKBLOCK})
    return render(
        request, "skp/mph/workblock_ubah.html", {"skp": skp, "workblock": obj, "form": form}
    )


@pengguna_instansi_required
@require_POST
def workblock_hapus(request, pk: int, wb: int):
    skp = skp_atau_404(request, pk)
    layanan.workblock_hapus(pengguna=request.user, workblock=_workblock_milik(skp, wb))
    messages.success(request, "Workblock dihapus.")
    return _selesai(request, skp)


@pengguna_instansi_required
@require_POST
def workblock_butir(request, pk: int, wb: int):
    """Add one key activity or key milestone."""
    skp = skp_atau_404(request, pk)
    obj = _workblock_milik(skp, wb)
    form = FormButir(request.POST)
    if form.is_valid():
        try:
            layanan.butir_tambah(pengguna=request.user, workblock=obj, **form.cleaned_data)
        except ValidationError as exc:
            pesan_galat(request, exc)
    else:
        for daftar in form.errors.values():
            for pesan in daftar:
                messages.error(request, pesan)
    return _selesai(request, skp)


@pengguna_instansi_required
@require_POST
def workblock_butir_hapus(request, pk: int, butir: int):
    skp = skp_atau_404(request, pk)
    obj = get_object_or_404(ButirWorkblock, pk=butir, skp=skp)
    layanan.butir_hapus(pengguna=request.user, butir=obj)
    return _selesai(request, skp)
