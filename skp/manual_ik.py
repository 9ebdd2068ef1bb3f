"""Manual Indikator Kinerja (format A.1.3): one manual per IKI of a JPT/PUKM SKP.

The field rules (which fields are required, with which message) live here once: the
service refuses bad input with them and the page's form shows the same messages.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch

from organisasi.audit import catat

from . import selectors, services
from .models import (
    SKP,
    IndikatorKinerjaIndividu,
    Kelompok,
    ManualIndikator,
    Pendekatan,
    RencanaHasilKerja,
)

KOLOM_MANUAL = (
    "tujuan", "definisi", "formula", "satuan", "kualitas_kendali", "sumber_data",
    "periode_pelaporan",
)  # fmt: skip

PESAN_KUALITAS_KENDALI = (
    "Kualitas dan tingkat kendali SKP pejabat pimpinan tinggi hanya Outcome, "
    "Outcome Antara, atau Output kendali rendah."
)
PESAN_PERIODE = "Periode pelaporan: bulanan, triwulanan, semesteran, atau tahunan."


def kolom_wajib(pendekatan: str) -> dict[str, str]:
    """Required fields of a manual and the message when one is empty. Formula and unit
    are optional only for the qualitative approach (000:2446, 2450-2458; V12)."""
    wajib = {
        "tujuan": "Tujuan wajib diisi.",
        "definisi": "Definisi wajib diisi.",
        "sumber_data": "Sumber data wajib diisi.",
        "kualitas_kendali": "Pilih kualitas dan tingkat kendali.",
        "periode_pelaporan": "Pilih periode pelaporan.",
    }
    if pendekatan == Pendekatan.KUANTITATIF:
        wajib["formula"] = "Formula wajib diisi pada pendekatan kuantitatif."
        wajib["satuan"] = "Satuan pengukuran wajib diisi pada pendekatan kuantitatif."
    return wajib


def galat_manual(isian: dict, pendekatan: str) -> dict[str, str]:
    """Every problem of a manual's values, per field (empty when it may be saved)."""
    galat = {k: pesan for k, pesan in kolom_wajib(pendekatan).items() if not isian.get(k)}
    kendali = isian.get("kualitas_kendali")
    if kendali and kendali not in ManualIndikator.KualitasKendali.values:
        # V10: only the three JPT/PUKM levels (000:2462-2466, 1796-1820).
        galat["kualitas_kendali"] = PESAN_KUALITAS_KENDALI
    periode = isian.get("periode_pelaporan")
    if periode and periode not in ManualIndikator.PeriodePelaporan.values:
        galat["periode_pelaporan"] = PESAN_PERIODE
    return galat


def sunting_skp_jpt(pengguna, skp: SKP, apa: str) -> SKP:
    """Lock an SKP the user may edit, refusing one that is not JPT/PUKM: the Manual IK
    (V13, 000:1676-1678, 2419-2421) and the Workblock (000:2775-2783) belong to those."""
    skp = services._sunting(pengguna, skp)
    if skp.kelompok != Kelompok.JPT_PUKM:
        raise ValidationError(
            f"{apa} hanya disusun untuk SKP pejabat pimpinan tinggi dan pimpinan unit kerja "
            "mandiri."
        )
    return skp


def iki_berlabel(skp: SKP) -> list[dict]:
    """RHK in SKP order, each IKI labelled as in A.1.2 ("IKI 1.2", or "IKI 1" if alone;
    `selectors.beri_nomor`), with its manual (or None) as `manual_ada`. Two queries."""
    iki = IndikatorKinerjaIndividu.objects.select_related("manual").order_by("urutan", "pk")
    daftar = selectors.beri_nomor(
        RencanaHasilKerja.objects.filter(skp=skp).prefetch_related(Prefetch("iki", queryset=iki))
    )
    hasil = []
    for r in daftar:
        semua = list(r.iki.all())
        for k in semua:
            k.manual_ada = getattr(k, "manual", None)
        hasil.append({"nomor": r.nomor, "rhk": r, "iki": semua})
    return hasil


@transaction.atomic
def manual_simpan(*, pengguna, iki: IndikatorKinerjaIndividu, data: dict) -> ManualIndikator:
    skp = sunting_skp_jpt(pengguna, iki.skp, "Manual indikator kinerja")
    if iki.skp_id != skp.pk:
        raise PermissionDenied("Indikator ini bukan bagian SKP ini.")
    manual = ManualIndikator.objects.filter(iki=iki).first() or ManualIndikator(iki=iki)
    for kolom in KOLOM_MANUAL:
        if kolom in data:
            setattr(manual, kolom, (data[kolom] or "").strip())
    galat = galat_manual({k: getattr(manual, k) for k in KOLOM_MANUAL}, skp.pendekatan)
    if galat:
        raise ValidationError(galat)
    catat(manual, pengguna, "Manual indikator kinerja disimpan")
    manual.full_clean(exclude=["iki", "skp"])
    manual.save()
    return manual


@transaction.atomic
def manual_hapus(*, pengguna, manual: ManualIndikator) -> None:
    sunting_skp_jpt(pengguna, manual.skp, "Manual indikator kinerja")
    catat(manual, pengguna, "Manual indikator kinerja dihapus")
    manual.delete()
