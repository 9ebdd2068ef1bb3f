"""Downloads of the evaluation documents (PDF): the dokumen evaluasi D.1.1/D.1.2 with its
hasil evaluasi C.1.x attached, and the C.1.x on its own.

Once signed, an evaluation's documents are served from the archive byte for byte (with
their SHA-256 in a header), never rendered again; before that they are previews with a
DRAF watermark. Who may open them is `selectors.evaluasi_untuk_pengguna` (the employee,
her rater, the atasan pejabat penilai, the agency admin), the same helper the pages use;
anyone else gets 404, as if the evaluation did not exist.
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from organisasi.akses import pengguna_instansi_required
from organisasi.dokumen import isi_arsip, nama_berkas

from . import dokumen, selectors

logger = logging.getLogger(__name__)


def _pdf(isi: bytes, nama: str, *, sha256: str | None = None, unduh=False) -> HttpResponse:
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = content_disposition_header(unduh, nama)
    respons["Cache-Control"] = "private, no-store"  # personal data: never in a shared cache
    if sha256:
        respons["X-Dokumen-SHA256"] = sha256
    return respons


def _evaluasi(request, pk: int):
    return get_object_or_404(
        selectors.evaluasi_untuk_pengguna(request.user).select_related("skp"), pk=pk
    )


def _nama(evaluasi, kode: str) -> str:
    return nama_berkas(
        "Evaluasi", kode, evaluasi.tahun, evaluasi.periode_jenis, evaluasi.periode_nomor,
        evaluasi.pegawai.nama,
    )  # fmt: skip


def _arsip_atau_404(evaluasi):
    arsip = dokumen.arsip_evaluasi(evaluasi)
    if arsip is None:
        # Signed but not archived would mean the signing step failed half-way: never
        # print a fresh copy of a signed document in its place.
        logger.error("Evaluasi %s ditandatangani tanpa arsip dokumen.", evaluasi.pk)
        raise Http404("Dokumen evaluasi yang ditandatangani belum tersedia di arsip.")
    return arsip


@require_GET
@pengguna_instansi_required
def dokumen_evaluasi_pdf(request, pk):
    """D.1.1 or D.1.2, with its C.1.x attached."""
    evaluasi = _evaluasi(request, pk)
    kode = dokumen.format_d(evaluasi)
    unduh = request.GET.get("unduh") == "1"
    if dokumen.ditandatangani(evaluasi):
        arsip = _arsip_atau_404(evaluasi)
        return _pdf(isi_arsip(arsip), _nama(evaluasi, kode), sha256=arsip.sha256, unduh=unduh)
    return _pdf(dokumen.pdf_dokumen(evaluasi), _nama(evaluasi, kode), unduh=unduh)


@require_GET
@pengguna_instansi_required
def hasil_evaluasi_pdf(request, pk):
    """C.1.x. Signed: the archived document, which carries the C.1.x as its attachment."""
    evaluasi = _evaluasi(request, pk)
    unduh = request.GET.get("unduh") == "1"
    if dokumen.ditandatangani(evaluasi):
        arsip = _arsip_atau_404(evaluasi)
        kode = dokumen.format_d(evaluasi)
        return _pdf(isi_arsip(arsip), _nama(evaluasi, kode), sha256=arsip.sha256, unduh=unduh)
    kode = dokumen.format_c(evaluasi.skp)
    return _pdf(dokumen.pdf_hasil(evaluasi), _nama(evaluasi, kode), unduh=unduh)
