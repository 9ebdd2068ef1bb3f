"""Uploaded files, the generic part every app shares: reading an upload within a size
limit, knowing an image by its bytes, re-encoding it from its pixels, and serving stored
bytes safely.

The rules for what may be stored live with the feature that stores it: evidence
(umpanbalik/bukti.py: PDF, images, office documents) and the agency's emblem for its
official documents (organisasi/lambang.py: PNG or JPEG only). Both build on these
helpers, so an image is cleaned the same way everywhere: decoded, turned upright,
reduced, and written again from raw pixels, which leaves EXIF, GPS, XMP, ICC profiles
and text chunks behind.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

Image.MAX_IMAGE_PIXELS = 60_000_000  # refuse decompression bombs


def jenis_gambar(data: bytes) -> str | None:
    """ "png", "jpeg" or "webp" by the file's first bytes, whatever its name says."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def baca_unggahan(berkas, batas: int) -> bytes:
    """The bytes of an uploaded file, refused (ValidationError) when empty or larger than
    `batas` bytes; never reads more than `batas` + 1 bytes whatever the size claims."""
    if berkas.size > batas:
        raise ValidationError(
            f"Berkas terlalu besar ({_mb(berkas.size)}). Batasnya {_mb(batas)} per berkas."
        )
    data = berkas.read(batas + 1)
    if len(data) > batas:
        raise ValidationError(f"Berkas terlalu besar. Batasnya {_mb(batas)} per berkas.")
    if not data:
        raise ValidationError("Berkas kosong.")
    return data


def olah_gambar(data: bytes, jenis: str, sisi_maks: int) -> tuple[bytes, tuple[int, int]]:
    """Decode, turn upright, reduce to `sisi_maks` px on the longer side and re-encode in
    the same format: nothing but pixels (and transparency) survives. Returns the new
    bytes and the size in pixels."""
    try:
        with Image.open(io.BytesIO(data)) as gambar:
            gambar.load()
            gambar = ImageOps.exif_transpose(gambar)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise ValidationError("Gambar rusak atau terlalu besar untuk dibaca.") from exc
    if jenis == "png" and (gambar.mode == "P" and "transparency" in gambar.info):
        gambar = gambar.convert("RGBA")  # palette transparency is kept as an alpha channel
    gambar.thumbnail((sisi_maks, sisi_maks))
    # A new image from raw pixels carries no info dict: no EXIF, GPS, XMP, ICC or text.
    bersih = Image.frombytes(gambar.mode, gambar.size, gambar.tobytes())
    if gambar.mode == "P":
        bersih.putpalette(gambar.getpalette())
    keluar = io.BytesIO()
    if jenis == "png":
        bersih.save(keluar, "PNG", optimize=True)
    elif jenis == "webp":
        bersih.save(keluar, "WEBP", quality=85)
    else:
        if bersih.mode not in ("RGB", "L"):
            bersih = bersih.convert("RGB")
        bersih.save(keluar, "JPEG", quality=85, optimize=True)
    return keluar.getvalue(), bersih.size


def respons_unduh(*, isi: bytes, jenis_isi: str, nama: str, cadangan: str = "berkas"):
    """Serve stored bytes: as a download except images and PDF, never sniffed, sandboxed."""
    from django.http import HttpResponse

    from .dokumen import nama_berkas

    resp = HttpResponse(isi, content_type=jenis_isi)
    tampil = jenis_isi.startswith("image/") or jenis_isi == "application/pdf"
    dasar, _, ekstensi = nama.rpartition(".")
    unduh = nama_berkas(dasar or cadangan, ekstensi=ekstensi or "bin")
    resp["Content-Disposition"] = f'{"inline" if tampil else "attachment"}; filename="{unduh}"'
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    resp["Cache-Control"] = "private, no-store"
    return resp
