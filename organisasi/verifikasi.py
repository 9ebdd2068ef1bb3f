"""Public verification of archived documents: the QR code printed on a signed PDF leads to
a page that says whether the document is genuine and where it stands, showing no more
than the document's own header.

The key (`ArsipDokumen.token`) is "<agency id>-<32 base32 characters>": 160 random bits
nobody can guess, prefixed with the agency that holds the row. A public page has no
tenant scope; the prefix lets it open exactly that agency's scope (row-level security
stays on, no SECURITY DEFINER function, no platform-wide reading) and look the row up by
its whole key. A wrong or made-up key finds nothing, whatever agency it names.

Apps tell the page what their objects' status is now through `daftarkan_status`
(organisasi imports no app above it).
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

import segno
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.safestring import mark_safe

from .models import ArsipDokumen
from .tenancy import lingkup_instansi

# The page's path, printed on paper that outlives any refactoring of the URLs: fixed here
# and mounted from it (organisasi/urls.py).
AWALAN_ALAMAT = "verifikasi/"
POLA_TOKEN = re.compile(r"^([1-9][0-9]{0,17})-([a-z2-7]{32})$")
# A PDF anyone uploads to be checked: hashed in chunks, never stored.
BATAS_UNGGAH = 25 * 1024 * 1024

# ContentType "app_label.model" -> fungsi(objek_id) -> the object's status now, a short
# Indonesian phrase ("D.1.1 ditandatangani pegawai"), or "" when it says nothing more.
_PENYEDIA_STATUS: dict[str, Callable[[int], str]] = {}


def daftarkan_status(label_model: str, fungsi: Callable[[int], str]) -> None:
    """Called from an app's AppConfig.ready(): how the page states its objects' status."""
    _PENYEDIA_STATUS[label_model.lower()] = fungsi


def buat_token(instansi_id: int) -> str:
    acak = base64.b32encode(secrets.token_bytes(20)).decode().lower()
    return f"{int(instansi_id)}-{acak}"


def alamat(token: str) -> str:
    """The address the QR code carries: absolute when the site's address is configured
    (KINERJA_ALAMAT_SITUS), otherwise the path alone."""
    return f"{settings.ALAMAT_SITUS}/{AWALAN_ALAMAT}{token}/"


def qr_svg(teks: str) -> str:
    """An inline SVG QR code (error correction M). Inline SVG is drawn by WeasyPrint
    itself, so the static-only URL fetcher is never asked for it."""
    qr = segno.make(teks, error="m", micro=False)
    # The generated markup holds only path data; `teks` is not echoed into it.
    return mark_safe(qr.svg_inline(scale=2, border=2, dark="#000", omitsize=True))  # noqa: S308


def blok_qr(token: str) -> dict:
    """What a document template prints: the QR code, the address and the key."""
    url = alamat(token)
    return {"svg": qr_svg(url), "alamat": url, "token": token}


# --- Looking a document up ---------------------------------------------------------------


@dataclass(frozen=True)
class HasilVerifikasi:
    arsip: ArsipDokumen
    kepala: dict
    status_kini: str
    versi_terbaru: ArsipDokumen | None  # a later version of the same document, if any

    @property
    def terbaru(self) -> bool:
        return self.versi_terbaru is None


def cari(token: str) -> HasilVerifikasi | None:
    """The archived document a key names, or None. Reads inside the agency in the key."""
    cocok = POLA_TOKEN.match(token or "")
    if cocok is None:
        return None
    instansi_id = int(cocok.group(1))
    with lingkup_instansi(instansi_id):
        arsip = (
            ArsipDokumen.objects.defer("isi").select_related("objek_tipe").filter(token=token)
        ).first()
        if arsip is None:
            return None
        # The same document (same object and format family) archived again later, e.g.
        # once the employee has signed too.
        keluarga = arsip.jenis.rsplit(".", 1)[0] if arsip.jenis.count(".") >= 2 else arsip.jenis
        lebih_baru = (
            ArsipDokumen.objects.defer("isi")
            .filter(
                objek_tipe=arsip.objek_tipe_id,
                objek_id=arsip.objek_id,
                jenis__startswith=keluarga,
                pk__gt=arsip.pk,
            )
            .order_by("-pk")
            .first()
        )
        penyedia = _PENYEDIA_STATUS.get(_label(arsip.objek_tipe))
        status = penyedia(arsip.objek_id) if penyedia else ""
    return HasilVerifikasi(arsip, dict(arsip.kepala or {}), status, lebih_baru)


def _label(tipe: ContentType) -> str:
    return f"{tipe.app_label}.{tipe.model}"


def sha256_berkas(berkas) -> tuple[str, int]:
    """SHA-256 and size of an uploaded file, read in chunks (never kept)."""
    h = hashlib.sha256()
    ukuran = 0
    for potong in berkas.chunks():
        ukuran += len(potong)
        if ukuran > BATAS_UNGGAH:
            raise ValueError("Berkas terlalu besar untuk diperiksa (maksimal 25 MB).")
        h.update(potong)
    return h.hexdigest(), ukuran
