"""The performance tree page (pohon kinerja) of a unit and year. The first levels come
with the page; a deeper branch or the rest of a long list is loaded when asked for
(`?simpul=`), so the page stays small whatever the size of the unit."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from organisasi.akses import pengguna_instansi_required
from organisasi.models import UnitKerja

from . import pohon_kinerja as layanan


def _angka(nilai: str, bawaan: int) -> int:
    return int(nilai) if nilai.isdigit() and int(nilai) <= 10**6 else bawaan


def _tahun_pohon(nilai: str, tahun_ini: int) -> tuple[int, str | None]:
    """The requested year (this year when none is given), or an error message."""
    if not nilai:
        return tahun_ini, None
    if nilai.isdigit() and 2000 <= int(nilai) <= 2100:
        return int(nilai), None
    return tahun_ini, (
        f"Tahun “{nilai[:20]}” tidak dapat ditampilkan: isi tahun antara 2000 dan 2100."
    )


@pengguna_instansi_required
def pohon_kinerja(request):
    """From the JPT's RHK down to every staff RHK of a unit and year, with the gaps."""
    hari_ini = timezone.localdate()
    tahun, galat_tahun = _tahun_pohon(request.GET.get("tahun", ""), hari_ini.year)
    daftar_unit = layanan.unit_pohon_boleh(request.user, hari_ini)
    boleh = {u["pk"]: u for u in daftar_unit}
    nilai = request.GET.get("unit", "")
    if nilai:
        if not nilai.isdigit():
            raise Http404
        if int(nilai) not in boleh:
            if UnitKerja.objects.filter(pk=int(nilai)).exists():
                raise PermissionDenied("Unit ini di luar unit yang Anda pimpin.")
            raise Http404
    if not daftar_unit and not request.user.admin_instansi:
        raise PermissionDenied("Pohon kinerja dapat dibuka admin instansi dan pimpinan unit kerja.")
    unit = boleh[int(nilai)] if nilai else (daftar_unit[0] if daftar_unit else None)
    if galat_tahun:
        # Never silently another year: say what is wrong and show no tree.
        konteks = {"unit": unit, "daftar_unit": daftar_unit, "galat_tahun": galat_tahun}
        return render(request, "skp/mph/pohon.html", konteks, status=400)
    data = layanan.pohon_kinerja(layanan.subpohon(unit["pk"], daftar_unit), tahun) if unit else None
    kunci = request.GET.get("simpul", layanan.AKAR)
    mulai = _angka(request.GET.get("mulai", ""), 0)
    cabang = None
    baris = []
    if data is not None:
        anak = layanan.anak_dari(data, kunci)
        if anak is None:
            raise Http404
        cabang = data.simpul.get(kunci)
        baris = layanan.baris_tampil(anak, induk=kunci, mulai=mulai)
    konteks = {
        "data": data,
        "baris": baris,
        "cabang": cabang,
        "unit": unit,
        "daftar_unit": daftar_unit,
        "tahun": tahun,
    }
    if request.htmx and "simpul" in request.GET:
        return render(request, "skp/mph/_pohon_baris.html", konteks)
    return render(request, "skp/mph/pohon.html", konteks)
