"""The agency's emblem on its official documents: what may be stored, storing it, and
reading it for the renderer.

The regulation's formats D.1.1, D.1.2 and D.1.3 open with "(LAMBANG GARUDA)" (Lampiran
Permenpan RB 6/2022, 000:8307, 8416, 8561): the Garuda for a ministry or province, or the
agency's own emblem as it prints it on its letters. No emblem ships with the app: the
agency admin uploads it on the settings page. Until then the documents print without
one (nothing in its place) and the settings page says so.

Rules: PNG or JPEG only, known by the bytes (a renamed executable or a PDF is refused
whatever its name), at most `BATAS_UKURAN` bytes as uploaded, reduced to `SISI_MAKS` px
on its longer side and written again from its pixels (organisasi.berkas.olah_gambar: no
EXIF, GPS or other metadata survives). Stored in the agency's own row
(`LambangInstansi`, row-level security), served to its admin through the settings page
and to the PDF renderer through `organisasi.dokumen.PengambilStatic` (`URL`), never
under a public address. Archived signed PDFs keep the emblem they were rendered with:
they are stored bytes.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from . import berkas
from .audit import catat
from .models import LambangInstansi
from .tenancy import instansi_aktif_id

BATAS_UKURAN = 2 * 1024 * 1024  # bytes, as uploaded
SISI_MAKS = 800  # px; printed about 2.5 cm wide, so still over 600 dpi
JENIS = {"png": "image/png", "jpeg": "image/jpeg"}
ACCEPT = "image/png,image/jpeg"  # for <input accept>; the server checks the bytes again
# The address the document templates use; only the renderer's fetcher resolves it, to
# the active agency's emblem.
URL = "kinerja-lambang:instansi"
PESAN_JENIS = "Lambang harus berupa gambar PNG atau JPEG."


def siapkan(unggahan) -> tuple[bytes, str, tuple[int, int]]:
    """Check and clean one uploaded emblem: (bytes, MIME type, size in px), or an
    Indonesian ValidationError and nothing stored."""
    data = berkas.baca_unggahan(unggahan, BATAS_UKURAN)
    jenis = berkas.jenis_gambar(data)
    if jenis not in JENIS:
        raise ValidationError(PESAN_JENIS)
    isi, ukuran = berkas.olah_gambar(data, jenis, SISI_MAKS)
    return isi, JENIS[jenis], ukuran


def _pastikan_admin(pengguna) -> None:
    if not pengguna.admin_instansi or pengguna.instansi_id != instansi_aktif_id():
        raise PermissionDenied("Hanya admin instansi ini yang boleh mengubah lambang dokumen.")


@transaction.atomic
def lambang_unggah(*, pengguna, unggahan) -> LambangInstansi:
    """Store (or replace) the agency's emblem; the history records who and the SHA-256."""
    _pastikan_admin(pengguna)
    isi, jenis_isi, (lebar, tinggi) = siapkan(unggahan)
    lambang = LambangInstansi.objects.select_for_update().first() or LambangInstansi()
    sebelumnya = lambang.pk is not None
    lambang.isi = isi
    lambang.jenis_isi = jenis_isi
    lambang.sha256 = hashlib.sha256(isi).hexdigest()
    lambang.lebar, lambang.tinggi = lebar, tinggi
    catat(
        lambang, pengguna, "Lambang dokumen diganti" if sebelumnya else "Lambang dokumen diunggah"
    )
    lambang.save()
    return lambang


@transaction.atomic
def lambang_hapus(*, pengguna) -> bool:
    """Remove the emblem: documents rendered from now on print without one."""
    _pastikan_admin(pengguna)
    lambang = LambangInstansi.objects.select_for_update().first()
    if lambang is None:
        return False
    catat(lambang, pengguna, "Lambang dokumen dihapus")
    lambang.delete()
    return True


def info_lambang() -> LambangInstansi | None:
    """The active agency's emblem without its bytes (for pages and document contexts)."""
    return LambangInstansi.objects.defer("isi").first()


def url_lambang() -> str:
    """What a document template puts in <img src>: `URL` when the agency has an emblem,
    "" when it has none (the header then shows nothing in its place)."""
    return URL if LambangInstansi.objects.exists() else ""


def isi_lambang() -> tuple[bytes, str] | None:
    """The active agency's emblem bytes and MIME type, or None."""
    baris = LambangInstansi.objects.values_list("isi", "jenis_isi").first()
    return (bytes(baris[0]), baris[1]) if baris else None
