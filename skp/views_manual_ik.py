"""Pages of the Manual Indikator Kinerja (format A.1.3) of a JPT/PUKM SKP: one card per
IKI, edited in place; writes go through `skp.manual_ik`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from organisasi.akses import pengguna_instansi_required

from . import manual_ik as layanan
from .models import SKP, IndikatorKinerjaIndividu, Kelompok, ManualIndikator, Pendekatan
from .views_umum import boleh_sunting_skp, galat_ke_form, skp_atau_404


class FormManual(forms.Form):
    tujuan = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    definisi = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    formula = forms.CharField(
        label="Formula", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    satuan = forms.CharField(label="Satuan pengukuran", required=False, max_length=100)
    kualitas_kendali = forms.ChoiceField(
        label="Kualitas dan tingkat kendali",
        required=False,
        choices=ManualIndikator.KualitasKendali.choices,
        widget=forms.RadioSelect,
    )
    sumber_data = forms.CharField(
        label="Sumber data", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    periode_pelaporan = forms.ChoiceField(
        label="Periode pelaporan",
        required=False,
        choices=ManualIndikator.PeriodePelaporan.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, pendekatan: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.pendekatan = pendekatan
        # Which fields are required, and their messages, come from the one rule.
        for nama, teks in layanan.kolom_wajib(pendekatan).items():
            self.fields[nama].required = True
            self.fields[nama].error_messages["required"] = teks
        if pendekatan != Pendekatan.KUANTITATIF:
            self.fields["formula"].help_text = "Opsional bagi pendekatan hasil kerja kualitatif."
            self.fields["satuan"].help_text = "Opsional bagi pendekatan hasil kerja kualitatif."
        self.fields["kualitas_kendali"].error_messages["invalid_choice"] = (
            layanan.PESAN_KUALITAS_KENDALI
        )
        self.fields["periode_pelaporan"].error_messages["invalid_choice"] = layanan.PESAN_PERIODE


def _boleh(pengguna, skp: SKP) -> bool:
    return boleh_sunting_skp(pengguna, skp) and skp.kelompok == Kelompok.JPT_PUKM


@pengguna_instansi_required
def manual_ik(request, pk: int):
    skp = skp_atau_404(request, pk)
    jpt = skp.kelompok == Kelompok.JPT_PUKM
    daftar = layanan.iki_berlabel(skp) if jpt else []
    konteks = {
        "skp": skp,
        "jpt": jpt,
        "boleh": _boleh(request.user, skp),
        "daftar": daftar,
        "ada_manual": any(k.manual_ada for r in daftar for k in r["iki"]),
    }
    return render(request, "skp/mph/manual_ik.html", konteks)


def _iki_berlabel(skp: SKP, iki_pk: int) -> IndikatorKinerjaIndividu:
    for kelompok in layanan.iki_berlabel(skp):
        for k in kelompok["iki"]:
            if k.pk == iki_pk:
                return k
    raise Http404


@pengguna_instansi_required
def manual_ik_ubah(request, pk: int, iki: int):
    """One IKI's manual: GET its editor, POST saves (htmx: the card comes back)."""
    skp = skp_atau_404(request, pk)
    iki = _iki_berlabel(skp, iki)
    boleh = _boleh(request.user, skp)
    manual = iki.manual_ada
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied("Manual hanya diubah pemilik SKP selama SKP berstatus draf.")
        form = FormManual(request.POST, pendekatan=skp.pendekatan, auto_id=f"id_m{iki.pk}_%s")
        if form.is_valid():
            try:
                manual = layanan.manual_simpan(
                    pengguna=request.user, iki=iki, data=form.cleaned_data
                )
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                if not request.htmx:
                    messages.success(request, f"Manual {iki.label} disimpan.")
                    return redirect("manual_ik", pk=skp.pk)
                iki.manual_ada = manual
                return render(
                    request,
                    "skp/mph/_manual_kartu.html",
                    {"skp": skp, "iki": iki, "boleh": boleh, "disimpan": True},
                )
    else:
        if not boleh:
            return redirect("manual_ik", pk=skp.pk)
        awal = {k: getattr(manual, k) for k in layanan.KOLOM_MANUAL} if manual else {}
        form = FormManual(initial=awal, pendekatan=skp.pendekatan, auto_id=f"id_m{iki.pk}_%s")
    konteks = {"skp": skp, "iki": iki, "form": form}
    templat = "skp/mph/_manual_form.html" if request.htmx else "skp/mph/manual_ik_ubah.html"
    return render(request, templat, konteks)


@pengguna_instansi_required
def manual_ik_kartu(request, pk: int, iki: int):
    """HTMX partial: one IKI's manual, read-only (the editor's "Batal")."""
    skp = skp_atau_404(request, pk)
    iki = _iki_berlabel(skp, iki)
    konteks = {"skp": skp, "iki": iki, "boleh": _boleh(request.user, skp)}
    return render(request, "skp/mph/_manual_kartu.html", konteks)
