"""Workblock untuk identifikasi strategi pencapaian hasil kerja (format A.1.4), for
JPT/PUKM SKPs. Its field rules and its numbering live here once: the page, the form and
the PDF all use them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from organisasi.audit import catat

from .manual_ik import sunting_skp_jpt
from .models import SKP, ButirWorkblock, Workblock

KOLOM_WORKBLOCK = (
    "judul", "indikator_diintervensi", "pemilik_strategi", "pihak_terlibat",
    "waktu_penyelesaian", "penerima_manfaat", "tujuan", "anggaran",
)  # fmt: skip

# Required fields and their message (the others may stay empty, e.g. ANGGARAN, 000:10373-10384).
KOLOM_WAJIB = {
    "judul": "Judul inisiatif strategi wajib diisi.",
    "indikator_diintervensi": "Indikator dan target yang diintervensi wajib diisi.",
    "pemilik_strategi": "Pemilik strategi wajib diisi.",
}
PESAN_BUTIR = {
    "tipe": "Pilih strategi (key activities) atau keluaran kunci (key milestone).",
    "kategori": "Pilih RUTIN atau TRANSFORMATIF.",
    "teks": "Uraian wajib diisi.",
}


def galat_workblock(isian: dict) -> dict[str, str]:
    return {k: pesan for k, pesan in KOLOM_WAJIB.items() if not (isian.get(k) or "").strip()}


def galat_butir(*, tipe: str, kategori: str, teks: str) -> dict[str, str]:
    galat = {}
    if tipe not in ButirWorkblock.Tipe.values:
        galat["tipe"] = PESAN_BUTIR["tipe"]
    if kategori not in ButirWorkblock.Kategori.values:
        galat["kategori"] = PESAN_BUTIR["kategori"]
    if not teks.strip():
        galat["teks"] = PESAN_BUTIR["teks"]
    return galat


def bernomor(butir: Iterable[ButirWorkblock]) -> dict[str, dict]:
    """Per type (activities, milestones), A. RUTIN then B. TRANSFORMATIF, with one counter
    running on from RUTIN into TRANSFORMATIF (000:10387-10413); the two types count
    separately and are not paired (000:12699-12720)."""
    semua = sorted(butir, key=lambda b: (b.urutan, b.pk))
    hasil = {}
    for tipe, label_tipe in ButirWorkblock.Tipe.choices:
        nomor = 0
        bagian = []
        for kategori, label in ButirWorkblock.Kategori.choices:
            isi = []
            for b in semua:
                if b.tipe == tipe and b.kategori == kategori:
                    nomor += 1
                    isi.append({"nomor": nomor, "butir": b})
            bagian.append({"kategori": kategori, "label": label, "isi": isi})
        hasil[tipe] = {"label": label_tipe, "bagian": bagian}
    return hasil


@transaction.atomic
def workblock_simpan(
    *, pengguna, skp: SKP, data: dict, workblock: Workblock | None = None
) -> Workblock:
    skp = sunting_skp_jpt(pengguna, skp, "Workblock")
    if workblock is None:
        workblock = Workblock(skp=skp)
    elif workblock.skp_id != skp.pk:
        raise PermissionDenied("Workblock ini bukan bagian SKP ini.")
    for kolom in KOLOM_WORKBLOCK:
        if kolom in data:
            setattr(workblock, kolom, (data[kolom] or "").strip())
    if galat := galat_workblock({k: getattr(workblock, k) for k in KOLOM_WAJIB}):
        raise ValidationError(galat)
    catat(workblock, pengguna, "Workblock disimpan")
    workblock.full_clean(exclude=["skp"])
    workblock.save()
    return workblock


@transaction.atomic
def workblock_hapus(*, pengguna, workblock: Workblock) -> None:
    sunting_skp_jpt(pengguna, workblock.skp, "Workblock")
    for b in workblock.butir.all():
        catat(b, pengguna, "Butir workblock dihapus bersama workblock")
        b.delete()
    catat(workblock, pengguna, "Workblock dihapus")
    workblock.delete()


@transaction.atomic
def butir_tambah(
    *, pengguna, workblock: Workblock, tipe: str, kategori: str, teks: str
) -> ButirWorkblock:
    sunting_skp_jpt(pengguna, workblock.skp, "Workblock")
    if galat := galat_butir(tipe=tipe, kategori=kategori, teks=teks):
        raise ValidationError(galat)
    urutan = (
        workblock.butir.filter(tipe=tipe, kategori=kategori).aggregate(m=Max("urutan"))["m"] or 0
    ) + 1
    butir = ButirWorkblock(
        workblock=workblock, tipe=tipe, kategori=kategori, urutan=urutan, teks=teks.strip()
    )
    catat(butir, pengguna, "Butir workblock ditambahkan")
    butir.save()
    return butir


@transaction.atomic
def butir_hapus(*, pengguna, butir: ButirWorkblock) -> None:
    sunting_skp_jpt(pengguna, butir.skp, "Workblock")
    catat(butir, pengguna, "Butir workblock dihapus")
    butir.delete()
