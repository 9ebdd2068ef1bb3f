"""Reads for the year's execution, within the user's agency, in a fixed number of queries.

Access follows the SKP: whoever may open an SKP (`skp.selectors.skp_untuk_pengguna`:
the employee, the rater, the atasan, the agency admin) may read its documentation and
its evidence; the page, the PDF and the evidence download all ask here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, prefetch_related_objects

from organisasi.pengaturan import pengaturan_instansi
from skp import selectors as skp_selectors
from skp.models import SKP
from skp.workflow import BERLAKU

from . import aturan
from .models import BuktiDukung, Realisasi, RencanaAksi


def skp_dokumentasi_untuk_pengguna(pengguna):
    """SKPs in force whose documentation this user may open."""
    return skp_selectors.skp_untuk_pengguna(pengguna).filter(status__in=BERLAKU)


def bukti_untuk_pengguna(pengguna):
    """Evidence this user may download: that of an SKP they may open. Bytes deferred."""
    return BuktiDukung.objects.defer("isi").filter(
        realisasi__skp__in=skp_selectors.skp_untuk_pengguna(pengguna).values("pk")
    )


def jenis_periode() -> str:
    return pengaturan_instansi().periode_dokumentasi


@dataclass
class Periode:
    nomor: int
    label: str
    mulai: date
    selesai: date


def periode_skp(skp: SKP, jenis: str) -> list[Periode]:
    daftar = []
    for n in aturan.periode_dalam_skp(jenis, skp.periode_mulai, skp.periode_selesai):
        mulai, selesai = aturan.rentang_periode(jenis, skp.tahun, n)
        daftar.append(Periode(n, aturan.label_periode(jenis, skp.tahun, n), mulai, selesai))
    return daftar


def _bukti_tanpa_isi():
    return Prefetch("bukti", queryset=BuktiDukung.objects.defer("isi").order_by("pk"))


def realisasi_periode(skp: SKP, periode: int | None = None) -> list[Realisasi]:
    """The realisation entries of an SKP (one period, or all), with their evidence.

    Read by the evaluation (evaluasi) when it rates a period; two queries."""
    qs = Realisasi.objects.filter(skp=skp).select_related("iki__rhk")
    if periode is not None:
        qs = qs.filter(periode=periode)
    return list(qs.prefetch_related(_bukti_tanpa_isi()).order_by("periode", "iki_id", "pk"))


@dataclass
class BarisIKI:
    iki: object
    realisasi: list = field(default_factory=list)


def dokumentasi(skp: SKP, periode: int) -> list:
    """The B.1.2 page/PDF body: RHK in the SKP's order, each with its action plan and its
    indicators with the period's realisation and evidence. Fixed number of queries."""
    rhk = skp_selectors.rhk_bernomor(skp)
    prefetch_related_objects(
        rhk, Prefetch("rencana_aksi", queryset=RencanaAksi.objects.order_by("urutan"))
    )
    per_iki: dict[int, list] = {}
    for r in realisasi_periode(skp, periode):
        per_iki.setdefault(r.iki_id, []).append(r)
    for r in rhk:
        r.baris = [BarisIKI(i, per_iki.get(i.pk, [])) for i in r.iki.all()]
        r.ada_realisasi = any(b.realisasi for b in r.baris)
    return rhk


def periode_belum_didokumentasikan(skp: SKP, jenis: str, hari_ini: date) -> list[Periode]:
    """Closed periods of the SKP in which nothing was documented (for reminders)."""
    ada = set(Realisasi.objects.filter(skp=skp).values_list("periode", flat=True))
    return [p for p in periode_skp(skp, jenis) if p.selesai < hari_ini and p.nomor not in ada]
