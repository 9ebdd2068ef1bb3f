"""The one renderer of the app's official documents (PDF), and their archive.

Every format (SKP A.1.x, later evaluation formats) goes through `render_pdf`:
the same A4 stylesheet, the fonts shipped in `static/fonts/` (so the output is
the same on every machine), and a URL fetcher that reads nothing but the
app's own static files. Templates autoescape user text; the fetcher is the
second wall: even markup that slipped through cannot make the renderer read a
local file or reach the network.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import lambang
from .models import ArsipDokumen

logger = logging.getLogger(__name__)
# Seven INFO lines per PDF ("Step 1 - ...") would drown the worker's log.

STYLESHEET = "dokumen/dokumen.css"
TEMPLATE_DASAR = "dokumen/_dasar.html"

# What a document may embed: styles, fonts, images. Nothing executable or data-like.
EKSTENSI_BOLEH = frozenset(
    {".css", ".ttf", ".otf", ".woff", ".woff2", ".png", ".jpg", ".jpeg", ".gif", ".svg"}
)


class SumberDitolak(ValueError):
    """The renderer asked for something outside the app's static files."""


def direktori_static() -> list[Path]:
    """The app's static source dirs (settings.STATICFILES_DIRS), resolved."""
    hasil = []
    for entri in settings.STATICFILES_DIRS:
        path = entri[1] if isinstance(entri, list | tuple) else entri
        hasil.append(Path(path).resolve())
    return hasil


def _berkas_static(url: str) -> Path:
    """The static file a URL names, or SumberDitolak."""
    try:
        bagian = urlsplit(url)
    except ValueError as exc:
        raise SumberDitolak(f"URL tidak sah: {url[:80]!r}") from exc
    if bagian.scheme != "file" or bagian.netloc not in ("", "localhost"):
        raise SumberDitolak(f"Hanya berkas static aplikasi yang boleh dimuat: {url[:80]!r}")
    path = Path(unquote(bagian.path)).resolve()  # resolve: no ../ or symlink escapes
    if path.suffix.lower() not in EKSTENSI_BOLEH:
        raise SumberDitolak(f"Jenis berkas tidak diizinkan: {path.name!r}")
    for akar in direktori_static():
        if path.is_relative_to(akar) and path.is_file():
            return path
    raise SumberDitolak(f"Berkas di luar direktori static aplikasi: {url[:80]!r}")


class PengambilStatic(URLFetcher):
    """WeasyPrint URL fetcher serving only files under the app's static dirs, and the
    active agency's emblem at `lambang.URL` (stored in its row, organisasi/lambang.py).

    file:// elsewhere, http(s)://, data:, ftp: ... are all refused before any
    I/O. The refusals are kept (`ditolak`) so tests can see them.
    """

    def __init__(self):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, timeout=1)
        self.ditolak: list[str] = []

    def fetch(self, url, headers=None):
        if url == lambang.URL:  # the active agency's emblem, from its own row
            berkas = lambang.isi_lambang()
            if berkas is None:
                self.ditolak.append(url)
                raise SumberDitolak("Instansi ini belum mengunggah lambang.")
            isi, jenis = berkas
            return URLFetcherResponse(url, isi, headers={"Content-Type": jenis})
        try:
            path = _berkas_static(url)
        except SumberDitolak:
            self.ditolak.append(url)
            logger.warning("Dokumen: sumber ditolak %s", url[:200])
            raise
        jenis = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), headers={"Content-Type": jenis})


def _url_dasar() -> str:
    # Relative URLs in a template resolve inside the first static dir.
    return direktori_static()[0].as_uri() + "/"


def html_ke_pdf(html: str, *, pengambil: PengambilStatic | None = None) -> bytes:
    """Lay out finished HTML on A4 with the shared stylesheet."""
    pengambil = pengambil or PengambilStatic()
    fonts = FontConfiguration()
    css_path = next(
        (d / STYLESHEET for d in direktori_static() if (d / STYLESHEET).is_file()), None
    )
    if css_path is None:
        raise FileNotFoundError(f"Stylesheet dokumen tidak ditemukan: {STYLESHEET}")
    css = CSS(filename=str(css_path), url_fetcher=pengambil, font_config=fonts)
    dokumen = HTML(string=html, base_url=_url_dasar(), url_fetcher=pengambil)
    return dokumen.write_pdf(stylesheets=[css], font_config=fonts)


def render_html(bagian: list[tuple[str, dict]], *, judul: str = "", draf: bool = False) -> str:
    """One HTML document from one or more format templates (each starts a new page)."""
    isi = [render_to_string(nama, konteks) for nama, konteks in bagian]
    return render_to_string(TEMPLATE_DASAR, {"bagian": isi, "judul": judul, "draf": draf})


def render_pdf(
    template_name: str | list[tuple[str, dict]],
    context: dict | None = None,
    *,
    judul: str = "",
    draf: bool = False,
) -> bytes:
    """Render one format template (or a list of (template, context) parts) to PDF bytes."""
    if isinstance(template_name, str):
        bagian = [(template_name, context or {})]
    else:
        bagian = list(template_name)
    return html_ke_pdf(render_html(bagian, judul=judul, draf=draf))


# --- Archive of issued documents ---------------------------------------------------------


def arsipkan(
    obj, *, jenis: str, judul: str, isi: bytes, oleh, token: str | None = None,
    kepala: dict | None = None,
) -> ArsipDokumen:  # fmt: skip
    """Store a document exactly as issued (insert-only table; sha256 set on save).

    `token` is the verification key printed in the PDF's QR code (render with it first,
    `organisasi.verifikasi.buat_token`), `kepala` what the public verification page may
    show of it: the document's own header, nothing more."""
    arsip = ArsipDokumen(
        jenis=jenis,
        judul=judul[:300],
        objek_tipe=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        objek_id=obj.pk,
        isi=bytes(isi),
        dibuat_oleh=oleh,
        token=token,
        kepala=kepala or {},
    )
    arsip.save()
    return arsip


def arsip_terakhir(obj, jenis: str | None = None) -> ArsipDokumen | None:
    """The latest archived document of an object (within the active agency)."""
    qs = ArsipDokumen.objects.filter(
        objek_tipe=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        objek_id=obj.pk,
    )
    if jenis:
        qs = qs.filter(jenis=jenis)
    return qs.order_by("-dibuat_pada", "-pk").first()


def isi_arsip(arsip: ArsipDokumen) -> bytes:
    """The stored bytes, checked against the stored hash (a mismatch must never be served)."""
    isi = bytes(arsip.isi)
    if hashlib.sha256(isi).hexdigest() != arsip.sha256:
        raise ValueError(f"Arsip dokumen {arsip.pk} tidak cocok dengan hash-nya.")
    return isi


def nama_berkas(*bagian, ekstensi: str = "pdf") -> str:
    """A download filename safe on every OS and in a header: ASCII letters, digits, . - _."""
    potongan = []
    for b in bagian:
        teks = unicodedata.normalize("NFKD", str(b)).encode("ascii", "ignore").decode()
        teks = re.sub(r"[^A-Za-z0-9._]+", "-", teks)
        teks = re.sub(r"\.{2,}", ".", teks).strip("-._")
        if teks:
            potongan.append(teks)
    dasar = "-".join(potongan)[:120].rstrip("-._") or "dokumen"
    return f"{dasar}.{ekstensi}"
