"""Downloads of the official SKP documents (PDF).

A signed SKP is served from the archive byte for byte, with its SHA-256 in a
header so anyone can check the copy they hold; anything else is rendered
fresh as a preview (a draft carries a DRAF watermark). Only users who may
see the SKP get it; everyone else gets 404, as if it did not exist.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from organisasi.akses import pengguna_instansi_required
from organisasi.dokumen import isi_arsip, nama_berkas

from . import dokumen, selectors
from .models import MatriksPeranHasil, Workblock
from .workflow import STATUS_TERKUNCI


def _pdf(isi: bytes, nama: str, *, sha256: str | None = None, unduh=False) -> HttpResponse:
    respons = HttpResponse(isi, content_type="application/pdf")
    # "?unduh=1" saves the file; otherwise the browser shows it.
    respons["Content-Disposition"] = content_disposition_header(unduh, nama)
    respons["Cache-Control"] = "private, no-store"  # personal data: never in a shared cache
    if sha256:
        # Only an archived (issued) document carries its hash; a preview is not a document.
        respons["X-Dokumen-SHA256"] = sha256
    return respons


@require_GET
@pengguna_instansi_required
def skp_pdf(request, pk):
    skp = get_object_or_404(selectors.skp_untuk_pengguna(request.user), pk=pk)
    nama = nama_berkas("SKP", skp.tahun, skp.format, skp.pegawai.nama, f"v{skp.versi}")
    unduh = request.GET.get("unduh") == "1"
    if skp.status in STATUS_TERKUNCI:
        arsip = dokumen.arsip_skp(skp)
        if arsip is not None:
            return _pdf(isi_arsip(arsip), nama, sha256=arsip.sha256, unduh=unduh)
    return _pdf(dokumen.pdf_skp(skp), nama, unduh=unduh)


def _workblock_terlihat(pengguna):
    return Workblock.objects.filter(skp__in=selectors.skp_untuk_pengguna(pengguna).values("pk"))


def _mph_terlihat(pengguna):
    """The leader's matrix: for whoever may see the leader's SKP, and for the people
    listed in it (each needs their own role-results, 000:3152-3154)."""
    syarat = Q(skp_pimpinan__in=selectors.skp_untuk_pengguna(pengguna).values("pk"))
    pegawai = selectors.pegawai_pengguna(pengguna)
    if pegawai is not None:
        syarat |= Q(baris__pegawai=pegawai)
    return MatriksPeranHasil.objects.filter(syarat).distinct()


@require_GET
@pengguna_instansi_required
def workblock_pdf(request, pk):
    workblock = get_object_or_404(_workblock_terlihat(request.user), pk=pk)
    return _pdf(dokumen.pdf_workblock(workblock), nama_berkas("Workblock", workblock.pk))


@require_GET
@pengguna_instansi_required
def mph_pdf(request, pk):
    try:
        matriks = _mph_terlihat(request.user).get(pk=pk)
    except MatriksPeranHasil.DoesNotExist as exc:
        raise Http404 from exc
    return _pdf(dokumen.pdf_mph(matriks), nama_berkas("MPH", matriks.pk))
