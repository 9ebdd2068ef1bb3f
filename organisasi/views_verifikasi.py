"""The public page a signed document's QR code opens: is this document genuine, where does
it stand, and does the PDF I hold match it. No login; it shows the document's own header
and nothing else of the agency's data (organisasi/verifikasi.py)."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from . import verifikasi


def _jawab(request, konteks: dict, status: int = 200):
    respons = render(request, "organisasi/verifikasi.html", konteks, status=status)
    respons["Cache-Control"] = "no-store"
    respons["X-Robots-Tag"] = "noindex, nofollow"
    # (The site's Referrer-Policy, same-origin, keeps the key out of other sites' logs.)
    return respons


@require_http_methods(["GET", "POST"])
def verifikasi_dokumen(request, token: str):
    hasil = verifikasi.cari(token)
    if hasil is None:
        return _jawab(request, {"hasil": None}, status=404)
    periksa = None
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            periksa = {"galat": "Pilih berkas PDF dokumen yang ingin diperiksa."}
        else:
            try:
                sha, _ = verifikasi.sha256_berkas(berkas)
            except ValueError as exc:
                periksa = {"galat": str(exc)}
            else:
                periksa = {"cocok": sha == hasil.arsip.sha256, "sha256": sha}
    return _jawab(request, {"hasil": hasil, "periksa": periksa})
