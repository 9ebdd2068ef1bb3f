"""Evidence uploads (bukti dukung): the one place that decides what may be stored.

Used by performance documentation and, later, by objections (keberatan). A file is
judged by its content, never by its name or the browser's claimed type: PDF, PNG, JPEG,
WebP, and office documents (OOXML zip with the right inner parts, or legacy OLE with a
Word/Excel/PowerPoint stream). Anything else, a renamed executable included, is refused.
Images are re-encoded from their pixels: large ones are reduced and every piece of
metadata (EXIF, GPS location, comments) is left behind. The stored name is a display
label only, stripped of path parts and markup; bytes live in the agency's own rows
(row-level security), never under a public URL, and are served by a view that asks the
same access helper as the page.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

from organisasi import berkas as berkas_umum

BATAS_UKURAN = 10 * 1024 * 1024  # bytes, before processing
SISI_GAMBAR_MAKS = 2000  # px; a phone photo (4000 px) comes down to this

JENIS = {
    "pdf": ("application/pdf", "pdf"),
    "png": ("image/png", "png"),
    "jpeg": ("image/jpeg", "jpg"),
    "webp": ("image/webp", "webp"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    "doc": ("application/msword", "doc"),
    "xls": ("application/vnd.ms-excel", "xls"),
    "ppt": ("application/vnd.ms-powerpoint", "ppt"),
}
GAMBAR = {"png", "jpeg", "webp"}
# For the <input accept=...> of every evidence form (the server checks again).
ACCEPT = "application/pdf,image/*,.docx,.xlsx,.pptx,.doc,.xls,.ppt"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OOXML = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
_OLE_ALIRAN = {
    "WordDocument".encode("utf-16-le"): "doc",
    "Workbook".encode("utf-16-le"): "xls",
    "Book".encode("utf-16-le"): "xls",
    "PowerPoint Document".encode("utf-16-le"): "ppt",
}
PESAN_JENIS = (
    "Jenis berkas tidak diterima. Unggah PDF, gambar (JPG, PNG, WebP) atau dokumen "
    "perkantoran (Word, Excel, PowerPoint)."
)


def jenis_isi(data: bytes) -> str | None:
    """The kind of file by its bytes, or None when it is not one we accept."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if gambar := berkas_umum.jenis_gambar(data):
        return gambar
    if data.startswith(b"PK\x03\x04"):
        return _jenis_ooxml(data)
    if data.startswith(_OLE):
        for nama, jenis in _OLE_ALIRAN.items():
            if nama in data:
                return jenis
    return None


def _jenis_ooxml(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            nama = arsip.namelist()
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in nama:
        return None  # any other zip (an archive of anything) is not an office document
    if any(n.lower().endswith("vbaproject.bin") for n in nama):
        return None  # documents with macros carry code
    for awalan, jenis in _OOXML.items():
        if any(n.startswith(awalan) for n in nama):
            return jenis
    return None


def nama_aman(nama: str, ekstensi: str) -> str:
    """A display name: the last path part only, no control characters or markup, and the
    extension of what the file really is."""
    nama = re.split(r"[\\/]", nama or "")[-1]
    nama = unicodedata.normalize("NFKC", nama)
    nama = "".join(c for c in nama if unicodedata.category(c)[0] != "C")
    nama = re.sub(r"[<>\"'`&;:|*?$%{}]", "", nama)
    dasar = nama.rsplit(".", 1)[0].strip(" .") if "." in nama else nama.strip(" .")
    dasar = re.sub(r"\s+", " ", dasar)[:80] or "bukti"
    return f"{dasar}.{ekstensi}"


def _olah_gambar(data: bytes, jenis: str) -> tuple[bytes, str]:
    """Decode, turn upright, reduce and re-encode: nothing but pixels survives."""
    return berkas_umum.olah_gambar(data, jenis, SISI_GAMBAR_MAKS)[0], jenis


@dataclass(frozen=True)
class BerkasSiap:
    nama: str
    jenis_isi: str  # MIME type, from the content
    isi: bytes


def siapkan(berkas) -> BerkasSiap:
    """Check and prepare one uploaded file; ValidationError (Indonesian) if refused."""
    data = berkas_umum.baca_unggahan(berkas, BATAS_UKURAN)
    jenis = jenis_isi(data)
    if jenis is None:
        raise ValidationError(PESAN_JENIS)
    if jenis in GAMBAR:
        data, jenis = _olah_gambar(data, jenis)
    mime, ekstensi = JENIS[jenis]
    return BerkasSiap(
        nama=nama_aman(getattr(berkas, "name", ""), ekstensi), jenis_isi=mime, isi=data
    )


def periksa_tautan(url: str) -> str:
    """A link to evidence elsewhere: http(s) only (no javascript:, data:, file:)."""
    url = (url or "").strip()
    bagian = urlsplit(url)
    if bagian.scheme not in ("http", "https") or not bagian.netloc or len(url) > 500:
        raise ValidationError(
            "Tautan bukti harus alamat web lengkap yang diawali http:// atau https://."
        )
    return url


def respons_unduh(*, isi: bytes, jenis_isi: str, nama: str):
    """Serve stored evidence: as a download except images and PDF, never sniffed, sandboxed."""
    return berkas_umum.respons_unduh(isi=isi, jenis_isi=jenis_isi, nama=nama, cadangan="bukti")


def unduh(terlihat, pk: int):
    """Serve one stored file among the evidence rows this person may see (`terlihat`, a
    queryset of a BerkasBukti model): 404 for anything else, links included. The bytes
    are read only now, for the one file (listings defer them)."""
    from django.http import Http404

    b = terlihat.filter(pk=pk, tautan="").only("pk", "nama", "jenis_isi").first()
    if b is None:
        raise Http404("Bukti tidak ditemukan.")
    isi = type(b).objects.filter(pk=b.pk).values_list("isi", flat=True).get()
    return respons_unduh(isi=bytes(isi), jenis_isi=b.jenis_isi, nama=b.nama)
