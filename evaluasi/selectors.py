"""Reads for evaluation, always within the user's agency, in a fixed number of queries.

Access helpers (one per kind of object, used by the page, the documents and the menu):
`evaluasi_untuk_pengguna` (which evaluations a user may open), `menilai_periode`
(whether the evaluation menu applies) and `capaian_dapat_diatur` (the units whose
capaian kinerja organisasi a user may set).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q

from organisasi.hari_kerja import KalenderKerja
from organisasi.models import Penempatan, UnitKerja
from organisasi.pengaturan import pengaturan_instansi
from organisasi.selectors import berlaku_pada
from skp.models import SKP
from skp.models import Status as StatusSKP
from skp.selectors import menilai_bawahan, pegawai_pengguna, rhk_bernomor
from umpanbalik.selectors_tindak_lanjut import (  # noqa: F401 (views._baris reads it here)
    pengambilalihan_periode,
    pengambilalihan_skp,
)

from . import distribusi, kuadran, periode, workflow
from .models import CapaianOrganisasiUnit, EvaluasiKinerja

# An SKP is evaluated once it is set (ditetapkan) or signed; a draft change in progress
# does not replace the version in force until signed (skp.workflow).
STATUS_SKP_DINILAI = (StatusSKP.DITETAPKAN, StatusSKP.DITANDATANGANI)


def jendela(p: periode.Periode, kalender: KalenderKerja) -> periode.Jendela:
    """The agency's evaluation window for a period (its settings, its calendar)."""
    pengaturan = pengaturan_instansi()
    return periode.jendela_evaluasi(
        p,
        kalender,
        mulai_hari=pengaturan.jendela_evaluasi_mulai_hari,
        lama_hari_kerja=pengaturan.jendela_evaluasi_hari_kerja,
    )


def periode_tahun_instansi(tahun: int) -> list[periode.Periode]:
    return periode.periode_tahun(tahun, pengaturan_instansi().periode_evaluasi)


def periode_saat_ini(hari_ini: date) -> periode.Periode:
    """The period a rater evaluates now: the one just ended while its window may still be
    open is the usual case, so the period before today's (or last year's annual in
    January)."""
    siklus = pengaturan_instansi().periode_evaluasi
    berjalan = periode.periode_pada(hari_ini, siklus)
    daftar = periode.periode_tahun(berjalan.tahun, siklus)[:-1]
    i = daftar.index(berjalan)
    if i > 0:
        return daftar[i - 1]
    return periode.Periode(berjalan.tahun - 1, periode.Jenis.TAHUNAN, 0)


def _filter_periode(p: periode.Periode, awalan: str = "") -> Q:
    return Q(
        **{
            f"{awalan}tahun": p.tahun,
            f"{awalan}periode_jenis": p.jenis,
            f"{awalan}periode_nomor": p.nomor,
        }
    )


# --- Access ------------------------------------------------------------------------------


def evaluasi_untuk_pengguna(pengguna):
    """Every evaluation this user may open: her own, those she rates, those she is atasan
    pejabat penilai for (read-only until taken over, workflow.peran_dalam), the whole
    agency for its admin; never another agency's (scoped manager and RLS)."""
    qs = EvaluasiKinerja.objects.select_related("pegawai", "penilai")
    if pengguna.admin_instansi:
        return qs
    pegawai = pegawai_pengguna(pengguna)
    if pegawai is None:
        return qs.none()
    return qs.filter(Q(pegawai=pegawai) | Q(penilai=pegawai) | Q(atasan_penilai=pegawai))


def menilai_periode(pengguna, tanggal: date | None = None) -> bool:
    """Whether the "Evaluasi bawahan" menu applies: the same people as SKP bawahan (heads
    of units, delegated raters, raters and atasan of an SKP). One query."""
    return menilai_bawahan(pengguna, tanggal)


def peran(pengguna, evaluasi: EvaluasiKinerja) -> frozenset[workflow.Peran]:
    pegawai = pegawai_pengguna(pengguna)
    return workflow.peran_dalam(
        pegawai_id=pegawai.pk if pegawai else None,
        dinilai_id=evaluasi.pegawai_id,
        penilai_id=evaluasi.penilai_id,
        atasan_id=evaluasi.atasan_penilai_id,
        status=evaluasi.status,
    )


def capaian_dapat_diatur(pengguna, tanggal: date):
    """Units whose capaian kinerja organisasi this user may set: every unit for the agency
    admin, the units she heads on `tanggal` (definitive or Plt/Plh) otherwise."""
    qs = UnitKerja.objects.order_by("nama")
    if pengguna.admin_instansi:
        return qs
    pegawai = pegawai_pengguna(pengguna)
    if pegawai is None:
        return qs.none()
    dipimpin = Penempatan.objects.filter(
        berlaku_pada(tanggal), pegawai=pegawai, jabatan__kepala_unit=True
    ).values("jabatan__unit")
    return qs.filter(pk__in=dipimpin)


# --- Capaian kinerja organisasi ----------------------------------------------------------


@dataclass(frozen=True)
class CapaianBerlaku:
    unit: UnitKerja | None
    capaian: distribusi.CapaianOrganisasi | None
    tahun_lalu: bool = False  # the annual result fell back to the previous year's

    @property
    def label(self) -> str:
        return self.capaian.label if self.capaian else "Belum ditetapkan"


def unit_dipimpin(pegawai_id: int, tanggal: date) -> UnitKerja | None:
    """The unit the rater leads on `tanggal`, else the unit of her definitive post. One query."""
    p = (
        Penempatan.objects.filter(berlaku_pada(tanggal), pegawai_id=pegawai_id)
        .select_related("jabatan__unit")
        .order_by("-jabatan__kepala_unit", "pk")
        .first()
    )
    return p.jabatan.unit if p else None


def capaian_berlaku(unit: UnitKerja | None, p: periode.Periode) -> CapaianBerlaku:
    """The capaian kinerja organisasi that applies to evaluations in `unit` for `p`
    (000:6706-6710); annual results released after January fall back to the previous
    year's (000:6698-6704). One query."""
    if unit is None:
        return CapaianBerlaku(None, None)
    if not p.tahunan:
        baris = CapaianOrganisasiUnit.objects.filter(_filter_periode(p), unit=unit).first()
        return CapaianBerlaku(unit, distribusi.CapaianOrganisasi(baris.capaian) if baris else None)
    baris = {
        c.tahun: c
        for c in CapaianOrganisasiUnit.objects.filter(
            unit=unit, periode_jenis=periode.Jenis.TAHUNAN, tahun__in=[p.tahun, p.tahun - 1]
        )
    }
    ini, lalu = baris.get(p.tahun), baris.get(p.tahun - 1)
    nilai, tahun_lalu = periode.capaian_tahunan_berlaku(
        tahun=p.tahun,
        capaian_tahun_ini=ini.capaian if ini else None,
        ditetapkan_pada=ini.ditetapkan_pada if ini else None,
        capaian_tahun_lalu=lalu.capaian if lalu else None,
    )
    return CapaianBerlaku(unit, distribusi.CapaianOrganisasi(nilai) if nilai else None, tahun_lalu)


def capaian_unit(unit_ids, p: periode.Periode) -> dict[int, CapaianOrganisasiUnit]:
    return {
        c.unit_id: c
        for c in CapaianOrganisasiUnit.objects.filter(_filter_periode(p), unit_id__in=unit_ids)
    }


# --- Realisasi and feedback: from umpanbalik (issue 9) -----------------------------------


@dataclass(frozen=True)
class Pelaksanaan:
    """What happened during the period for one SKP: realisasi and evidence per IKI, every
    feedback and takeover note. Filled by umpanbalik."""

    realisasi: list = field(default_factory=list)
    umpan_balik: list = field(default_factory=list)
    catatan_ambil_alih: list = field(default_factory=list)


def pelaksanaan_periode(skp_ids: list[int], p: periode.Periode) -> dict[int, Pelaksanaan]:
    """Hook: realisasi, bukti dukung, umpan balik and takeover notes per SKP for the period.

    The documentation of realisasi and continuous feedback belong to the umpanbalik app
    (issue 9), which this app may import. Until it provides
    `umpanbalik.selectors.pelaksanaan_periode(skp_ids, mulai, akhir) -> {skp_id:
    Pelaksanaan-like}`, there is nothing recorded to show and this returns an empty dict;
    the page then says that no realisasi has been documented.
    """
    if importlib.util.find_spec("umpanbalik.selectors") is None:
        return {}
    from umpanbalik import selectors as ub  # noqa: PLC0415 (present only once issue 9 lands)

    if not hasattr(ub, "pelaksanaan_periode"):
        return {}
    return ub.pelaksanaan_periode(skp_ids=skp_ids, mulai=p.mulai, akhir=p.akhir)


# --- The rater's team for a period -------------------------------------------------------


@dataclass
class BarisTim:
    skp: SKP
    evaluasi: EvaluasiKinerja | None
    pelaksanaan: Pelaksanaan | None
    # RHK the pimpinan took over, with the note the rater weighs (Pasal 20(7)-(8)).
    ambil_alih: list = field(default_factory=list)

    @property
    def pegawai(self):
        return self.skp.pegawai

    @property
    def predikat(self) -> kuadran.Predikat | None:
        if self.evaluasi and self.evaluasi.predikat:
            return kuadran.Predikat(self.evaluasi.predikat)
        return None


def skp_periode(penilai_id: int, p: periode.Periode):
    """The set or signed SKPs a rater evaluates whose term overlaps the period."""
    return SKP.objects.filter(
        penilai_id=penilai_id,
        tahun=p.tahun,
        status__in=STATUS_SKP_DINILAI,
        periode_mulai__lte=p.akhir,
        periode_selesai__gte=p.mulai,
    )


def tim_penilai(penilai_id: int, p: periode.Periode) -> list[BarisTim]:
    """The SKPs a rater evaluates for `p`, one row per pegawai (the version in force),
    with this period's evaluation, what umpanbalik recorded and the RHK taken over. Four
    queries whatever the team's size; RHK and IKI load when a row is opened
    (`rhk_bernomor`)."""
    qs = (
        skp_periode(penilai_id, p)
        .select_related("pegawai", "penempatan__jabatan")
        .order_by("pegawai__nama", "pegawai_id", "-versi")
    )
    daftar, dilihat = [], set()
    for skp in qs:
        if skp.pegawai_id in dilihat:
            continue  # an older version still set while a newer one is too
        dilihat.add(skp.pegawai_id)
        daftar.append(skp)
    evaluasi = {
        e.pegawai_id: e
        for e in EvaluasiKinerja.objects.filter(
            _filter_periode(p), pegawai_id__in=[s.pegawai_id for s in daftar]
        )
    }
    pelaksanaan = pelaksanaan_periode([s.pk for s in daftar], p)
    ambil_alih = pengambilalihan_skp(daftar, p.akhir)
    return [
        BarisTim(s, evaluasi.get(s.pegawai_id), pelaksanaan.get(s.pk), ambil_alih.get(s.pk, []))
        for s in daftar
    ]


def rincian_rhk(skp: SKP) -> list:
    """One team member's RHK and IKI, numbered as on the SKP page and its PDF."""
    return rhk_bernomor(skp)


@dataclass(frozen=True)
class Kalibrasi:
    capaian: CapaianBerlaku
    jumlah: dict
    titik: list
    peringatan: list
    dinilai: int
    total: int


def kalibrasi(capaian: CapaianBerlaku, baris: list[BarisTim]) -> Kalibrasi:
    """The calibration panel: the curve for the unit's capaian beside the actual counts."""
    return _kalibrasi(capaian, distribusi.hitung(b.predikat for b in baris), len(baris))


def kalibrasi_tim(capaian: CapaianBerlaku, penilai_id: int, p: periode.Periode) -> Kalibrasi:
    """The calibration panel of a rater's team for `p` without loading the team: the
    same counts as `kalibrasi(capaian, tim_penilai(...))` (one evaluation per employee and
    period) in two aggregate queries, whatever the team's size. For a save's answer."""
    tim = skp_periode(penilai_id, p).values("pegawai_id")
    per_predikat = (
        EvaluasiKinerja.objects.filter(_filter_periode(p), pegawai_id__in=tim)
        .exclude(predikat="")
        .values_list("predikat")
        .annotate(n=Count("pk"))
        .order_by()
    )
    jumlah = distribusi.hitung(predikat for predikat, n in per_predikat for _ in range(n))
    return _kalibrasi(capaian, jumlah, tim.order_by().distinct().count())


def _kalibrasi(capaian: CapaianBerlaku, jumlah: dict, total: int) -> Kalibrasi:
    titik = distribusi.kurva(capaian.capaian) if capaian.capaian else []
    return Kalibrasi(
        capaian,
        jumlah,
        titik,
        distribusi.periksa_sebaran(capaian.capaian, jumlah),
        sum(jumlah.values()),
        total,
    )
