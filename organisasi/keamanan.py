"""HTTP-level guards every request passes: input the database cannot store, and the CSP.

- PostgreSQL text cannot hold a NUL character, and a URL or form that is not
  UTF-8 cannot be read back as typed. Such a request gets a clear 400 page
  before any view (or session lookup) tries to store or query it, instead of a
  500 from deep inside.
- The Content-Security-Policy allows only the app's own scripts, styles,
  images and fonts: no inline script, no inline style attribute, no eval
  (htmx runs with allowEval off). Kept as our own small middleware so it works
  on Django 5.2 and 6 alike.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template import loader

ALASAN_NUL = "Alamat atau isian berisi karakter NUL (kode 0), yang tidak dapat disimpan."
ALASAN_UTF8 = "Alamat atau isian bukan teks UTF-8 yang sah."


def _bukan_utf8(mentah: str) -> bool:
    try:
        unquote_to_bytes(mentah).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _ada_nul(data) -> bool:
    return any("\x00" in k or any("\x00" in v for v in data.getlist(k)) for k in data)


def alasan_masukan_rusak(request) -> str | None:
    """Why this request's input cannot be stored, or None."""
    query = request.META.get("QUERY_STRING", "")
    if "%00" in query or "\x00" in query or "\x00" in request.path:
        return ALASAN_NUL
    if _bukan_utf8(query) or "\ufffd" in request.path:
        return ALASAN_UTF8
    if any("\x00" in k or "\x00" in v for k, v in request.COOKIES.items()):
        return ALASAN_NUL
    if request.method == "POST":
        jenis = request.META.get("CONTENT_TYPE", "")
        if jenis.startswith("application/x-www-form-urlencoded"):
            badan = request.body.decode("latin-1")
            if "%00" in badan or "\x00" in badan:
                return ALASAN_NUL
            if _bukan_utf8(badan.replace("+", " ")):
                return ALASAN_UTF8
        elif jenis.startswith("multipart/form-data"):
            # Field values only; uploaded files are read by their own parsers.
            if _ada_nul(request.POST):
                return ALASAN_NUL
            if any("\ufffd" in v for k in request.POST for v in request.POST.getlist(k)):
                return ALASAN_UTF8
    return None


class TolakMasukanRusakMiddleware:
    """400 with an Indonesian page for input PostgreSQL cannot store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        alasan = alasan_masukan_rusak(request)
        if alasan is not None:
            isi = loader.render_to_string("400.html", {"alasan": alasan})
            return HttpResponseBadRequest(isi)
        return self.get_response(request)


def kebijakan_konten() -> str:
    return "; ".join(
        f"{arahan} {' '.join(sumber)}" if sumber else arahan
        for arahan, sumber in settings.KINERJA_CSP.items()
    )


class KebijakanKontenMiddleware:
    """Content-Security-Policy on every HTML response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = (
            "Content-Security-Policy-Report-Only"
            if settings.KINERJA_CSP_HANYA_LAPOR
            else "Content-Security-Policy"
        )

    def __call__(self, request):
        respons = self.get_response(request)
        if self.header not in respons:
            respons[self.header] = kebijakan_konten()
        return respons
