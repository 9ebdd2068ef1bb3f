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


def _angka(nilai: str, bawaan: int, *, paling_kecil: int = 0, paling_besar: int = 10**6) -> int:
    return int(nilai) if nilai.isdigit() and paling_kecil <= int(nilai) <= paling_besar else bawaan


@pengguna_instansi_required
def pohon_kinerja(request):
    """From the JPT's RHK down to every staff RHK of a unit and year, with the gaps."""
    hari_ini = timezone.localdate()
    tahun = _angka(
        request.GET.get("tahun", ""), hari_ini.year, paling_kecil=2000, paling_besar=2100
    )
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
