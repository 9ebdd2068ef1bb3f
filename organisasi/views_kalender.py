"""The agency admin's working-day calendar: the year's holidays and the agency's own overrides."""

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.formats import date_format
from django.views.decorators.http import require_POST
from django_htmx.http import replace_url

from . import services_kalender
from .akses import admin_instansi_required
from .hari_kerja import TAHUN_MAX, TAHUN_MIN, kalender_instansi, libur_nasional
from .models import HariKalender

GALAT_TAHUN = f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAX}."


class FormTahun(forms.Form):
    tahun = forms.IntegerField(
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        error_messages={
            "invalid": GALAT_TAHUN,
            "min_value": GALAT_TAHUN,
            "max_value": GALAT_TAHUN,
        },
    )


class FormHariKalender(forms.Form):
    tanggal = forms.DateField(
        label="Tanggal",
        widget=forms.DateInput(
            format="%Y-%m-%d",
            attrs={"type": "date", "min": f"{TAHUN_MIN}-01-01", "max": f"{TAHUN_MAX}-12-31"},
        ),
        error_messages={"invalid": "Tanggal tidak valid."},
    )
    jenis = forms.ChoiceField(
        label="Jenis",
        choices=HariKalender.Jenis.choices,
        help_text="Libur tambahan: hari kerja yang diliburkan instansi (mis. libur daerah). "
        "Hari kerja: libur nasional atau cuti bersama yang tetap masuk, atau Sabtu pengganti.",
    )
    keterangan = forms.CharField(
        label="Keterangan",
        max_length=200,
        help_text="Mis. nama hari libur dan dasar penetapannya (nomor surat edaran).",
    )


def _tahun(data) -> tuple[int, str | None]:
    """The requested year, or this year with an error message when it is unusable."""
    if not data.get("tahun"):
        return timezone.localdate().year, None
    form = FormTahun(data)
    if form.is_valid():
        return form.cleaned_data["tahun"], None
    return timezone.localdate().year, GALAT_TAHUN


def _menggantikan(hari: HariKalender) -> str:
    """What a working-day override cancels: a national holiday or a weekend day."""
    if hari.jenis != HariKalender.Jenis.MASUK:
        return ""
    nasional = libur_nasional(hari.tanggal.year).get(hari.tanggal)
    return nasional.nama if nasional else date_format(hari.tanggal, "l")


def _tampilkan(request, tahun: int, form: FormHariKalender):
    kalender = kalender_instansi()
    perubahan = list(HariKalender.objects.filter(tanggal__year=tahun))
    for hari in perubahan:
        hari.menggantikan = _menggantikan(hari)
    konteks = {
        "tahun": tahun,
        "tahun_sebelum": tahun - 1 if tahun > TAHUN_MIN else None,
        "tahun_sesudah": tahun + 1 if tahun < TAHUN_MAX else None,
        "tahun_ini": timezone.localdate().year,
        "jumlah_hari_kerja": kalender.hitung_hari_kerja(
            date(tahun - 1, 12, 31), date(tahun, 12, 31)
        ),
        "libur": kalender.hari_libur(tahun),
        "perubahan": perubahan,
        "form": form,
    }
    if request.htmx:
        response = render(request, "organisasi/_kalender_daftar.html", konteks)
        replace_url(response, f"{reverse('kalender')}?tahun={tahun}")
    else:
        response = render(request, "organisasi/kalender.html", konteks)
    # Same URL, two bodies (page or partial): caches must tell them apart.
    patch_vary_headers(response, ("HX-Request",))
    return response


def _selesai(request, tahun: int):
    """After a write: the fresh partial for htmx, a redirect (no re-POST on reload) otherwise."""
    if request.htmx:
        return _tampilkan(request, tahun, FormHariKalender())
    return redirect(f"{reverse('kalender')}?tahun={tahun}")


@admin_instansi_required
def kalender(request):
    tahun, galat = _tahun(request.GET)
    if galat:
        messages.error(request, galat)
    return _tampilkan(request, tahun, FormHariKalender())


@admin_instansi_required
@require_POST
def kalender_tambah(request):
    tahun, _ = _tahun(request.POST)
    form = FormHariKalender(request.POST)
    if form.is_valid():
        try:
            hari = services_kalender.hari_kalender_tambah(
                pengguna=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"{date_format(hari.tanggal, 'l, j F Y')} ditetapkan sebagai "
                f"{hari.get_jenis_display().lower()}.",
            )
            return _selesai(request, hari.tanggal.year)
    return _tampilkan(request, tahun, form)


@admin_instansi_required
@require_POST
def kalender_hapus(request, pk: int):
    hari = get_object_or_404(HariKalender.objects, pk=pk)
    services_kalender.hari_kalender_hapus(pengguna=request.user, hari_kalender=hari)
    messages.success(
        request,
        f"Pengaturan {date_format(hari.tanggal, 'j F Y')} dihapus; "
        "tanggal itu kembali mengikuti kalender nasional.",
    )
    return _selesai(request, hari.tanggal.year)
