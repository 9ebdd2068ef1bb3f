"""Reads for evaluation, always within the user's agency, in a fixed number of queries.

Access helpers (one per kind of object, used by the page, the documents and the menu):
`evaluasi_untuk_pengguna` (which evaluations a user may open), `menilai_periode`
(whether the evaluation menu applies) and `capaian_dapat_diatur` (the units whose
capaian kinerja organisasi a user may set).
"""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import OuterRef, Q, Subquery

from organisasi.hari_kerja import KalenderKerja, kalender_instansi
from organisasi.models import JenisPenempatan, Pegawai, Penempatan, UnitKerja
from organisasi.pengaturan import pengaturan_instansi
from organisasi.selectors import berlaku_pada, penilai_pegawai
from skp.models import SKP
from skp.models import Status as StatusSKP
from skp.selectors import menilai_bawahan, pegawai_pengguna, rhk_bernomor
from umpanbalik.selectors_tindak_lanjut import pengambilalihan_skp

from . import distribusi, kuadran, periode, workflow
from .models import ALASAN_PENUGASAN, CapaianOrganisasiUnit, EvaluasiKinerja

# An SKP is evaluated once it is set (ditetapkan) or signed; a draft change in progress
# does not replace the version in force until signed (skp.workflow).
STATUS_SKP_DINILAI = (StatusSKP.DITETAPKAN, StatusSKP.DITANDATANGANI)


def jendela(p: periode.Periode, kalender: KalenderKerja, pengaturan=None) -> periode.Jendela:
    """The agency's evaluation window for a period (its settings, its calendar)."""
    pengaturan = pengaturan or pengaturan_instansi()
    return periode.jendela_evaluasi(
        p,
        kalender,
        mulai_hari=pengaturan.jendela_evaluasi_mulai_hari,
        lama_hari_kerja=pengaturan.jendela_evaluasi_hari_kerja,
    )


def periode_tahun_instansi(tahun: int, pengaturan=None) -> list[periode.Periode]:
    return periode.periode_tahun(tahun, (pengaturan or pengaturan_instansi()).periode_evaluasi)


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


def evaluasi_periode(p: periode.Periode):
    """The agency's evaluations for `p`."""
    return EvaluasiKinerja.objects.filter(_filter_periode(p))


def evaluasi_pegawai_periode(pegawai_id: int, p: periode.Periode):
    """The evaluation of one pegawai for `p` (at most one: the table's unique key)."""
    return EvaluasiKinerja.objects.filter(_filter_periode(p), pegawai_id=pegawai_id)


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
    return peran_pegawai(pegawai_pengguna(pengguna), evaluasi)


def peran_pegawai(pegawai, evaluasi: EvaluasiKinerja) -> frozenset[workflow.Peran]:
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


def periode_dinilai(pegawai_id: int, mulai: date, akhir: date) -> str | None:
    """Registered with `umpanbalik.selectors.daftarkan_penilaian_periode`: the evaluation of
    this employee covering any day from `mulai` to `akhir` (monthly, quarterly or the annual
    one) that the rater has rated or signed, or that the atasan took over; its label, or
    None. The documentation it was made on does not change after that. One query."""
    syarat = Q()
    for jenis, jumlah in ((periode.Jenis.BULANAN, 12), (periode.Jenis.TRIWULANAN, 4)):
        for n in range(1, jumlah + 1):
            p = periode.Periode(mulai.year, jenis, n)
            if p.mulai <= akhir and mulai <= p.akhir:
                syarat |= _filter_periode(p)
    syarat |= _filter_periode(periode.Periode(mulai.year, periode.Jenis.TAHUNAN, 0))
    e = (
        EvaluasiKinerja.objects.filter(syarat, pegawai_id=pegawai_id)
        .filter(~Q(status=workflow.Status.DRAF) | ~Q(predikat=""))
        .order_by("periode_nomor")
        .values_list("tahun", "periode_jenis", "periode_nomor")
        .first()
    )
    return periode.Periode(e[0], periode.Jenis(e[1]), e[2]).label_lengkap if e else None


# --- The rater's team for a period -------------------------------------------------------


@dataclass
class BarisTim:
    skp: SKP
    evaluasi: EvaluasiKinerja | None
    pelaksanaan: Pelaksanaan | None
    # RHK the pimpinan took over, with the note the rater weighs (Pasal 20(7)-(8)).
    ambil_alih: list = field(default_factory=list)
    aksi: list = field(default_factory=list)  # buttons for the viewer (views_alur)
    tenggat: list = field(default_factory=list)  # the deadline running, explained

    @property
    def dapat_dinilai(self) -> bool:
        return self.evaluasi is None or self.evaluasi.status in workflow.DAPAT_DINILAI

    @property
    def pegawai(self):
        return self.skp.pegawai

    @property
    def predikat(self) -> kuadran.Predikat | None:
        if self.evaluasi and self.evaluasi.predikat:
            return kuadran.Predikat(self.evaluasi.predikat)
        return None


def _skp_periode_semua(p: periode.Periode):
    return SKP.objects.filter(
        tahun=p.tahun,
        status__in=STATUS_SKP_DINILAI,
        periode_mulai__lte=p.akhir,
        periode_selesai__gte=p.mulai,
    )


@dataclass(frozen=True)
class Penugasan:
    """Who evaluates one pegawai for a period (periode.penilai_periode), from which SKP,
    and who is atasan pejabat penilai for that evaluation."""

    skp: SKP
    penilai_id: int | None
    atasan_id: int | None
    alasan: str


def _selesai_jabatan_penilai(akhir_jendela: date) -> Subquery:
    """For an SKP: the last day of the definitive post its rater held when the SKP began,
    if that post ended by the window's end (the rater moved); NULL otherwise. Read in the
    SKP query itself, so deciding who evaluates costs no query of its own."""
    return Subquery(
        Penempatan.objects.filter(
            pegawai_id=OuterRef("penilai_id"), jenis=JenisPenempatan.DEFINITIF,
            mulai__lte=OuterRef("periode_mulai"), selesai__gte=OuterRef("periode_mulai"),
            selesai__lte=akhir_jendela,
        )
        .order_by("-selesai")
        .values("selesai")[:1]
    )  # fmt: skip


def penugasan_periode(
    pegawai_ids, p: periode.Periode, kalender: KalenderKerja, *, ringan: bool = False,
    pengaturan=None, baris: bool = False,
) -> dict:  # fmt: skip
    """pegawai id -> Penugasan for `p`, for many pegawai in a fixed number of queries.

    The SKP's rater evaluates, except: a pegawai moved during the period is evaluated from
    her latest post's SKP; a rater who left her post before the window opened is replaced
    by whoever rates the pegawai when it opens (organisasi.selectors.penilai_pegawai); an
    SKP rated by the kepala daerah is evaluated by the official the agency named to act
    for them (never the ratee).

    `ringan`: only what the rule reads (`SKPRingan` in place of the SKP), for counting or
    checking a whole team; the pegawai and the post are then not loaded. `baris`: the SKP
    and its post with only what the rule, the rating service and a save's answer read."""
    pengaturan = pengaturan or pengaturan_instansi()
    jd = jendela(p, kalender, pengaturan)
    # Unordered: the rule picks by date and version (periode.penilai_periode), and the
    # model's default ordering costs a save more to compile than the rule takes to run.
    qs = (
        _skp_periode_semua(p)
        .filter(pegawai_id__in=pegawai_ids)
        .annotate(penilai_selesai=_selesai_jabatan_penilai(jd.akhir))
        .order_by()
    )
    if ringan:
        skps = [SKPRingan(*baris) for baris in qs.values_list(*_KOLOM_RINGAN)]
    elif baris:
        skps = list(qs.select_related("penempatan").only(*_KOLOM_BARIS))
    else:
        skps = list(qs.select_related("pegawai", "penempatan__jabatan__unit"))
    if not skps:
        return {}
    pindah = {
        s.pk: s.penilai_selesai + timedelta(days=1) for s in skps if s.penilai_selesai
    }  # the day the rater left her post
    pelaksana_kd = pengaturan.pelaksana_kepala_daerah_id
    per_pegawai: dict[int, list[SKP]] = defaultdict(list)
    for s in skps:
        per_pegawai[s.pegawai_id].append(s)
    butuh_pengganti = {
        s.pegawai_id for s in skps
        if s.pk in pindah and not periode.penilai_pindah_tetap_menilai(pindah[s.pk], jd)
    }  # fmt: skip
    pengganti = {}
    if butuh_pengganti:
        if ringan or baris:  # the pegawai were not loaded with their SKPs
            daftar = list(Pegawai.objects.filter(pk__in=butuh_pengganti))
        else:
            daftar = [s.pegawai for s in skps if s.pegawai_id in butuh_pengganti]
        for pk, h in penilai_pegawai(list({x.pk: x for x in daftar}.values()), jd.mulai).items():
            pengganti[pk] = h
    hasil = {}
    for pegawai_id, milik in per_pegawai.items():
        h = pengganti.get(pegawai_id)
        pengganti_id = pengganti_atasan = None
        if h is not None and h.penilai.pejabat is not None:
            pj = h.penilai.pejabat
            pengganti_id = pelaksana_kd if pj.kepala_daerah else pj.pegawai_id
            if h.atasan.pejabat is not None:
                pengganti_atasan = h.atasan.pejabat.pegawai_id
        masa = [
            periode.MasaSKP(
                skp_id=s.pk, mulai=_mulai_masa(s), selesai=_selesai_masa(s),
                penilai_id=(pelaksana_kd if s.penilai_kepala_daerah else s.penilai_id),
                versi=s.versi, penilai_pindah_pada=pindah.get(s.pk),
            )
            for s in milik
        ]  # fmt: skip
        keputusan = periode.penilai_periode(masa, p, jd, pengganti_id=pengganti_id)
        if keputusan is None:
            continue
        skp = next(s for s in milik if s.pk == keputusan.skp_id)
        penilai_id = keputusan.penilai_id
        if penilai_id == pegawai_id:
            penilai_id = None  # nobody evaluates herself
        atasan_id = (
            pengganti_atasan
            if keputusan.alasan == periode.ALASAN_PENILAI_PINDAH_SEBELUM_JENDELA
            else skp.atasan_penilai_id
        )
        hasil[pegawai_id] = Penugasan(skp, penilai_id, atasan_id, keputusan.alasan)
    return hasil


@dataclass(frozen=True, slots=True)
class SKPRingan:
    """What `penugasan_periode` reads of an SKP and its placement: plain values for
    counting a whole team (no model instances)."""

    pk: int
    pegawai_id: int
    penilai_id: int | None
    atasan_penilai_id: int | None
    penilai_kepala_daerah: bool
    versi: int
    periode_mulai: date
    periode_selesai: date
    penempatan_id: int | None
    penempatan_mulai: date | None
    penempatan_selesai: date | None
    penilai_selesai: date | None


_KOLOM_RINGAN = (
    "pk", "pegawai_id", "penilai_id", "atasan_penilai_id", "penilai_kepala_daerah", "versi",
    "periode_mulai", "periode_selesai", "penempatan_id", "penempatan__mulai",
    "penempatan__selesai", "penilai_selesai",
)  # fmt: skip


# What a rating save reads of an SKP (the service's checks and evaluasi/_baris_simpan.html);
# before the evaluation exists, also what the rule reads to decide who evaluates.
_KOLOM_SKP_SIMPAN = ("pegawai_id", "status", "periode_mulai", "periode_selesai", "tugas_belajar")
_KOLOM_BARIS = (
    *_KOLOM_SKP_SIMPAN, "penempatan_id", "penilai_id", "atasan_penilai_id",
    "penilai_kepala_daerah", "versi", "penempatan__mulai", "penempatan__selesai",
)  # fmt: skip


def _penempatan(s: SKP | SKPRingan) -> tuple[date, date | None]:
    if isinstance(s, SKPRingan):
        return s.penempatan_mulai, s.penempatan_selesai
    return s.penempatan.mulai, s.penempatan.selesai


def _mulai_masa(s: SKP | SKPRingan) -> date:
    return max(s.periode_mulai, _penempatan(s)[0]) if s.penempatan_id else s.periode_mulai


def _selesai_masa(s: SKP | SKPRingan) -> date:
    selesai = _penempatan(s)[1] if s.penempatan_id else None
    return min(s.periode_selesai, selesai) if selesai else s.periode_selesai


def pegawai_kandidat(penilai_id: int, p: periode.Periode, kalender: KalenderKerja, pengaturan=None):
    """Ids of the pegawai `penilai_id` may evaluate for `p` before the rule decides: those
    whose SKP names her (or the kepala daerah, when she acts for them), and those whose
    rater left her post before the window opened (their replacement may be her)."""
    pengaturan = pengaturan or pengaturan_instansi()
    jd = jendela(p, kalender, pengaturan)
    q = Q(penilai_id=penilai_id)
    if pengaturan.pelaksana_kepala_daerah_id == penilai_id:
        q |= Q(penilai_kepala_daerah=True)
    # Raters who left a definitive post this year before the window opened (a superset:
    # `penugasan_periode` decides). Not correlated with each SKP, so the planner reads the
    # few ended posts once instead of probing them for every SKP of the agency.
    pergi = Penempatan.objects.filter(
        jenis=JenisPenempatan.DEFINITIF, selesai__gte=date(p.tahun, 1, 1),
        selesai__lt=jd.mulai - timedelta(days=1),
    ).values("pegawai_id")  # fmt: skip
    return (
        _skp_periode_semua(p)
        .filter(q | Q(penilai_id__in=pergi))
        .values_list("pegawai_id", flat=True)
    )


def skp_periode(penilai_id: int, p: periode.Periode):
    """The set or signed SKPs naming this rater whose term overlaps the period (who
    evaluates in the end is `penugasan_periode`: count a team with `tim_pegawai`)."""
    return _skp_periode_semua(p).filter(penilai_id=penilai_id)


def penugasan_tim(
    penilai_id: int, p: periode.Periode, kalender: KalenderKerja, pengaturan=None
) -> dict[int, Penugasan]:
    """pegawai id -> Penugasan (lean, `SKPRingan`) for every pegawai `penilai_id`
    evaluates for `p`: the team page's rule (transfers, a rater who moved). Two queries
    (three when a rater's replacement must be found)."""
    pengaturan = pengaturan or pengaturan_instansi()
    tugas = penugasan_periode(
        pegawai_kandidat(penilai_id, p, kalender, pengaturan), p, kalender,
        ringan=True, pengaturan=pengaturan,
    )  # fmt: skip
    return {pk: t for pk, t in tugas.items() if t.penilai_id == penilai_id}


def tim_pegawai(
    penilai_id: int, p: periode.Periode, kalender: KalenderKerja, pengaturan=None
) -> list[int]:
    """Ids of the pegawai `penilai_id` evaluates for `p` (`penugasan_tim`)."""
    return list(penugasan_tim(penilai_id, p, kalender, pengaturan))


def predikat_tim(pegawai_ids, p: periode.Periode) -> dict[int, str]:
    """pegawai id -> the predikat of her evaluation for `p` ("" when not yet complete),
    for the pegawai who have one. One query."""
    return dict(
        EvaluasiKinerja.objects.filter(_filter_periode(p), pegawai_id__in=pegawai_ids)
        .order_by()
        .values_list("pegawai_id", "predikat")
    )


def tim_penilai(penilai_id: int, p: periode.Periode, kalender: KalenderKerja | None = None):
    """The pegawai `penilai_id` evaluates for `p`, one row each (the SKP that decides),
    with this period's evaluation and what umpanbalik recorded. A fixed number of queries
    whatever the team's size; RHK and IKI load when a row is opened (`rhk_bernomor`)."""
    return baris_tim(skp_tim(penilai_id, p, kalender), p)


def skp_tim(penilai_id: int, p: periode.Periode, kalender: KalenderKerja | None = None):
    """The SKP that decides each pegawai `penilai_id` evaluates for `p`, by name: the whole
    team, with pegawai and post, before its rows are filled (`baris_tim`)."""
    kalender = kalender or kalender_instansi()
    pengaturan = pengaturan_instansi()
    tugas = penugasan_periode(
        pegawai_kandidat(penilai_id, p, kalender, pengaturan), p, kalender,
        pengaturan=pengaturan,
    )  # fmt: skip
    return sorted(
        (t.skp for t in tugas.values() if t.penilai_id == penilai_id),
        key=lambda s: (s.pegawai.nama, s.pegawai_id),
    )


@dataclass(frozen=True, slots=True)
class AnggotaTim:
    """One member of a rater's team as the team page lists, searches and pages it."""

    skp_id: int
    pegawai_id: int
    nama: str
    nama_lengkap: str
    nip: str

    def cocok(self, cari: str) -> bool:
        """Whether she matches a search by name or NIP (case-insensitive)."""
        cari = cari.casefold()
        return cari in self.nama_lengkap.casefold() or cari in self.nip


def anggota_tim(
    penilai_id: int, p: periode.Periode, kalender: KalenderKerja, pengaturan=None
) -> list[AnggotaTim]:
    """The whole team of `penilai_id` for `p` by name (the rule of `skp_tim`), lean: to
    search, filter and page it before a page's rows are loaded (`skp_baris`). Three
    queries whatever the team's size."""
    tugas = penugasan_tim(penilai_id, p, kalender, pengaturan)
    orang = Pegawai.objects.filter(pk__in=list(tugas)).only(
        "nama", "gelar_depan", "gelar_belakang", "nip"
    )  # fmt: skip
    return sorted(
        (AnggotaTim(tugas[x.pk].skp.pk, x.pk, x.nama, x.nama_lengkap, x.nip) for x in orang),
        key=lambda a: (a.nama, a.pegawai_id),
    )


def skp_baris(skp_ids: list[int]) -> list[SKP]:
    """These SKPs (a page of the team) with pegawai and post, in the order given."""
    skp = SKP.objects.select_related("pegawai", "penempatan__jabatan__unit").in_bulk(skp_ids)
    return [skp[pk] for pk in skp_ids if pk in skp]


def baris_tim(daftar: list[SKP], p: periode.Periode, *, pelaksanaan: bool = True) -> list[BarisTim]:
    """Rows for these SKPs (a page of the team): this period's evaluation and what
    umpanbalik recorded (`pelaksanaan=False`: not read; the page's rows show it when
    opened, `_rincian.html`). Four queries at most whatever the number of rows."""
    evaluasi = {
        e.pegawai_id: e
        for e in EvaluasiKinerja.objects.filter(
            _filter_periode(p), pegawai_id__in=[s.pegawai_id for s in daftar]
        )
    }
    pelaksanaan = pelaksanaan_periode([s.pk for s in daftar], p) if pelaksanaan else {}
    ambil_alih = pengambilalihan_skp(daftar, p.akhir)
    return [
        BarisTim(s, evaluasi.get(s.pegawai_id), pelaksanaan.get(s.pk), ambil_alih.get(s.pk, []))
        for s in daftar
    ]


def skp_dinilai(
    penilai_id: int, skp_pk: int, p: periode.Periode,
    kalender: KalenderKerja | None = None, pengaturan=None, *, baris: bool = False,
) -> SKP | None:  # fmt: skip
    """The SKP `skp_pk` if `penilai_id` evaluates it for `p` (the row endpoints): the
    team page's rule (`penugasan_periode`) over every SKP of its pegawai only, read in one
    query with the SKP's own; the rest of the team is never read. `baris`: loaded with
    only what a rating save reads (`penugasan_periode`)."""
    pegawai = SKP.objects.filter(pk=skp_pk).values("pegawai_id")
    tugas = penugasan_periode(
        pegawai, p, kalender or kalender_instansi(), pengaturan=pengaturan, baris=baris
    ).values()  # fmt: skip
    t = next((t for t in tugas if t.skp.pk == skp_pk), None)
    if t is None or t.penilai_id != penilai_id:
        return None
    return t.skp


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


def kalibrasi_tim(
    capaian: CapaianBerlaku, penilai_id: int, p: periode.Periode,
    kalender: KalenderKerja | None = None,
) -> Kalibrasi:  # fmt: skip
    """The calibration panel of a rater's whole team for `p`, counted as the team page
    counts it (`tim_pegawai`: transfers count where the page lists them; `predikat_tim`),
    in a fixed number of queries whatever the team's size. For the panel's reload."""
    tim = tim_pegawai(penilai_id, p, kalender or kalender_instansi())
    return kalibrasi_predikat(capaian, predikat_tim(tim, p), len(tim))


def kalibrasi_predikat(capaian: CapaianBerlaku, predikat: dict, total: int) -> Kalibrasi:
    """The panel from `predikat_tim` of a whole team of `total` pegawai."""
    jumlah = distribusi.hitung(predikat.values())
    return _kalibrasi(capaian, jumlah, total)


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


# --- The pegawai's and the atasan's evaluations --------------------------------------------


@dataclass(frozen=True, slots=True)
class PenyesuaianPenilai:
    """A draft that went to another rater: a transfer or a new SKP recorded after the
    draft began (services.penugasan_selaraskan)."""

    pada: datetime
    dari: Pegawai
    ke: Pegawai


def penyesuaian_penilai(evaluasi: EvaluasiKinerja) -> list[PenyesuaianPenilai]:
    """When and from whom to whom this case's rater changed, from its audit records (one
    query): the case page tells the new rater whose draft she continues, and the
    pegawai why the rater changed."""
    catatan = list(
        evaluasi.history.select_related("penilai")
        .only("history_date", "history_change_reason", "penilai")
        .order_by("history_id")
    )
    return [
        PenyesuaianPenilai(r.history_date, sebelum.penilai, r.penilai)
        for sebelum, r in zip(catatan, catatan[1:], strict=False)
        if r.history_change_reason == ALASAN_PENUGASAN and sebelum.penilai_id != r.penilai_id
    ]


def evaluasi_pegawai(pegawai):
    """The pegawai's own evaluations, newest period first."""
    return (
        EvaluasiKinerja.objects.filter(pegawai=pegawai)
        .select_related("pegawai", "penilai", "atasan_penilai")
        .order_by("-tahun", "-periode_nomor", "periode_jenis")
    )


def kasus_atasan(atasan_id: int, p: periode.Periode):
    """For the atasan pejabat penilai and a period: the cases taken over by her (rows of
    the rater page, with SKP and realisasi) and the other cases she is atasan of
    (read-only until taken over). A fixed number of queries."""
    semua = list(
        EvaluasiKinerja.objects.filter(_filter_periode(p), atasan_penilai_id=atasan_id)
        .select_related("pegawai", "penilai", "skp__pegawai", "skp__penempatan__jabatan")
        .order_by("pegawai__nama", "pk")
    )
    alih = [e for e in semua if e.status in workflow.JALUR_ATASAN]
    pelaksanaan = pelaksanaan_periode([e.skp_id for e in alih], p)
    ambil_alih = pengambilalihan_skp([e.skp for e in alih], p.akhir)
    baris = [
        BarisTim(e.skp, e, pelaksanaan.get(e.skp_id), ambil_alih.get(e.skp_id, [])) for e in alih
    ]
    return baris, [e for e in semua if e.status not in workflow.JALUR_ATASAN]


def evaluasi_tercatat(
    pegawai_id: int, skp_pk: int, p: periode.Periode, *, kunci: bool = False
) -> EvaluasiKinerja | None:
    """The evaluation of SKP `skp_pk` for `p`, with its SKP, if it records this pegawai as
    the one who acts on it (the row endpoints): its pejabat penilai, or its atasan once
    the case is taken over. Who evaluates is decided when the evaluation is created
    (`penugasan_periode`); from then on the evaluation says it, as it does for opening
    the case (`evaluasi_untuk_pengguna`).

    `kunci` (a rating save): locked for the rest of the request's transaction, read whole
    with what the save reads of its SKP, and handed to `services.evaluasi_nilai`, so the
    row the save checks is the row it changes and is read once."""
    qs = EvaluasiKinerja.objects.filter(
        _filter_periode(p),
        Q(penilai_id=pegawai_id)
        | Q(atasan_penilai_id=pegawai_id, status__in=sorted(workflow.JALUR_ATASAN)),
        skp_id=skp_pk,
    )
    if kunci:
        qs = (
            qs.select_for_update(of=("self",))
            .select_related("skp")
            .only(*_KOLOM_EVALUASI, *(f"skp__{kolom}" for kolom in _KOLOM_SKP_SIMPAN))
        )
    else:
        qs = qs.select_related("skp__pegawai", "skp__penempatan__jabatan")
    try:
        return qs.get()  # at most one: the evaluation's unique key
    except EvaluasiKinerja.DoesNotExist:
        return None


# A locked evaluation is read whole (its history record copies every column).
_KOLOM_EVALUASI = tuple(f.name for f in EvaluasiKinerja._meta.concrete_fields)
