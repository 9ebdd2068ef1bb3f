"""Deadline timers shared by every app: due dates, their explanation, reminders, escalation.

A timer (`Timer`) concerns one object (`jenis` + `objek_id`, in a `putaran` such as the
year) and counts from an event (`peristiwa`, on `mulai`) either N working days
("paling lama N hari kerja sejak ...") or to a calendar date ("paling lambat akhir bulan
Januari", read as the last working day on or before it). Before it come reminders
(n working days before the due date); after it comes the action (escalation).

Due dates are never stored: they are computed from the agency's calendar
(`organisasi.hari_kerja`) when the sweep runs and when a page shows them, so a holiday
the admin adds after the timer started moves the date. Every date shown to a person
explains itself (`JatuhTempo.penjelasan`): counted from which event, how many working
days, which weekends and holidays it skipped.

How an app declares its timers (skp/tenggat.py is the worked example):

    JENIS = JenisTenggat(
        kode="skp.penetapan", judul="Batas penetapan SKP",
        rombongan=...,   # hari_ini -> [Rombongan]: open timers sharing one due date
        ingatkan=...,    # (ids, rombongan, jt, n, hari_ini, kalender) -> [Kabar]
        eskalasi=...,    # (ids, rombongan, waktu) -> [Kabar]; None when nothing happens
    )
    # in AppConfig.ready():
    tenggat.daftarkan(JENIS)

A `Rombongan` is a set-based description: the due-date rule shared by its members and a
queryset of the open objects' ids. Timers counted from different event dates (the
evaluation's 14/14/30 and 14/7/7 working days, keberatan's 14 and 7) come as one
rombongan per distinct event date (`SELECT DISTINCT tanggal`), never one per object.

The sweep (`sapu`) runs per agency and per day. For each rombongan whose step (a reminder
or the escalation) is due today it walks the open ids in batches by key; each batch is
one transaction with a constant number of statements: select the next open ids by key,
claim them in `LangkahTenggat` with INSERT ... ON CONFLICT DO NOTHING RETURNING, run the
app's action on the claimed ids only (set-based too), insert the notices (once per event
key) and queue their e-mail on commit. Two sweeps at once claim disjoint ids (the second
waits on the first's uncommitted keys, then skips them); a worker killed mid-batch rolls
that batch back and the next run does it. So each reminder and escalation happens exactly
once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import connection, models

from .hari_kerja import KalenderKerja, Sumber
from .tanggal import tanggal_id

logger = logging.getLogger(__name__)

_SEHARI = timedelta(days=1)
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
ESKALASI = "eskalasi"


def hari_tanggal(t: date) -> str:
    """ "Jumat, 30 Januari 2026" """
    return f"{HARI[t.weekday()]}, {tanggal_id(t)}"


# --- Pure: the due date and why ------------------------------------------------------------


@dataclass(frozen=True)
class HariDilewati:
    """A day the count skipped: a weekend day or a holiday (with its name)."""

    tanggal: date
    alasan: str  # "Sabtu", "Minggu", or the holiday's name
    libur: bool  # a holiday (national, cuti bersama, the agency's own), not a weekend


@dataclass(frozen=True)
class JatuhTempo:
    """A due date with everything needed to explain it."""

    peristiwa: str  # "pengajuan SKP", "akhir bulan Januari"
    mulai: date  # the event's date, or the nominal calendar date
    hari_kerja: int | None  # N working days from `mulai`; None for a calendar date
    tanggal: date
    dilewati: tuple[HariDilewati, ...]

    @property
    def tanggal_tetap(self) -> bool:
        return self.hari_kerja is None

    @property
    def libur(self) -> tuple[HariDilewati, ...]:
        return tuple(h for h in self.dilewati if h.libur)

    @property
    def akhir_pekan(self) -> tuple[HariDilewati, ...]:
        return tuple(h for h in self.dilewati if not h.libur)

    @property
    def penjelasan(self) -> str:
        return penjelasan(self)

    @property
    def rincian(self) -> list[str]:
        return rincian(self)


def _alasan_bukan_hari_kerja(kalender: KalenderKerja, t: date) -> HariDilewati:
    libur = kalender.libur(t)
    if libur is not None and t not in kalender.masuk_instansi:
        nama = libur.nama if libur.sumber != Sumber.INSTANSI else f"{libur.nama} (libur instansi)"
        return HariDilewati(t, nama, True)
    return HariDilewati(t, HARI[t.weekday()], False)


def hitung_jatuh_tempo(
    kalender: KalenderKerja, *, peristiwa: str, mulai: date, hari_kerja: int
) -> JatuhTempo:
    """N working days from the event (the event's day never counts; the N-th day is the
    last allowed one: "paling lama N hari kerja sejak ...")."""
    tanggal = kalender.tambah_hari_kerja(mulai, hari_kerja)
    dilewati = []
    t = mulai + _SEHARI
    while t < tanggal:
        if not kalender.adalah_hari_kerja(t):
            dilewati.append(_alasan_bukan_hari_kerja(kalender, t))
        t += _SEHARI
    return JatuhTempo(peristiwa, mulai, hari_kerja, tanggal, tuple(dilewati))


def hitung_tanggal_tetap(kalender: KalenderKerja, *, peristiwa: str, nominal: date) -> JatuhTempo:
    """A calendar deadline ("paling lambat 31 Januari"): a day off means the last working
    day before it, as acting later would give more time than the rule allows."""
    tanggal = kalender.hari_kerja_terakhir(nominal)
    dilewati = []
    t = nominal
    while t > tanggal:
        dilewati.append(_alasan_bukan_hari_kerja(kalender, t))
        t -= _SEHARI
    return JatuhTempo(peristiwa, nominal, None, tanggal, tuple(reversed(dilewati)))


def _daftar(hari: Sequence[HariDilewati]) -> str:
    return ", ".join(
        f"{tanggal_id(h.tanggal)} ({h.alasan})" if h.libur else tanggal_id(h.tanggal) for h in hari
    )


def rincian(jt: JatuhTempo) -> list[str]:
    """The explanation as separate lines, for a list on the page."""
    if jt.tanggal_tetap:
        baris = [f"Batas menurut ketentuan: {jt.peristiwa}, {hari_tanggal(jt.mulai)}."]
        if jt.dilewati:
            baris.append(
                f"{_daftar(jt.dilewati)} bukan hari kerja, maka batasnya hari kerja terakhir "
                f"sebelumnya: {hari_tanggal(jt.tanggal)}."
            )
        else:
            baris.append("Tanggal itu hari kerja, maka batasnya tanggal itu sendiri.")
        return baris
    baris = [
        f"Dihitung sejak {jt.peristiwa} pada {hari_tanggal(jt.mulai)} (hari itu tidak "
        f"dihitung): {jt.hari_kerja} hari kerja, sampai {hari_tanggal(jt.tanggal)}."
    ]
    if jt.akhir_pekan:
        baris.append(f"Sabtu/Minggu yang dilewati ({len(jt.akhir_pekan)} hari): "
                     f"{_daftar(jt.akhir_pekan)}.")  # fmt: skip
    if jt.libur:
        baris.append(f"Hari libur yang dilewati ({len(jt.libur)} hari): {_daftar(jt.libur)}.")
    if not jt.dilewati:
        baris.append("Tidak ada akhir pekan atau hari libur di antaranya.")
    return baris


def penjelasan(jt: JatuhTempo) -> str:
    """One Indonesian paragraph: why the due date is this date."""
    return " ".join(rincian(jt))


def tanggal_pengingat(kalender: KalenderKerja, tanggal: date, ns: Iterable[int]) -> list[date]:
    """One date per entry, in the given order: n working days before the due date."""
    return [kalender.kurangi_hari_kerja(tanggal, n) for n in ns]


def langkah_pengingat(n: int) -> str:
    """The step's name for the reminder n working days before the due date."""
    return f"pengingat-{n}hk"


def hari_pengingat(langkah: str) -> int:
    """The inverse of `langkah_pengingat`."""
    return int(langkah.removeprefix("pengingat-").removesuffix("hk"))


def langkah_hari_ini(
    kalender: KalenderKerja,
    jt: JatuhTempo,
    hari_ini: date,
    *,
    pengingat: Iterable[int] = (),
    eskalasi: bool = True,
) -> str | None:
    """The step due on `hari_ini`: a reminder, the escalation, or nothing.

    Nothing happens on a day off: a notice waits for the next working day. A reminder is
    due from its date up to the due date; if the sweep missed days, only the latest
    reminder reached is due (the earlier ones are stale). The escalation is due on every
    working day after the due date, so a missed day catches up. Each happens once (the
    sweep's claimed keys), so asking daily is safe.
    """
    if not kalender.adalah_hari_kerja(hari_ini):
        return None
    if hari_ini > jt.tanggal:
        return ESKALASI if eskalasi else None
    ns = sorted(set(pengingat))
    tercapai = [
        n
        for n, t in zip(ns, tanggal_pengingat(kalender, jt.tanggal, ns), strict=True)
        if t <= hari_ini
    ]
    return langkah_pengingat(min(tercapai)) if tercapai else None


def sisa_hari_kerja(kalender: KalenderKerja, jt: JatuhTempo, hari_ini: date) -> str:
    """ "paling lambat 30 Januari 2026 (3 hari kerja lagi)" """
    batas = tanggal_id(jt.tanggal)
    if hari_ini > jt.tanggal:
        return f"batasnya {batas} telah lewat"
    sisa = kalender.hitung_hari_kerja(hari_ini, jt.tanggal)
    if sisa == 0:
        return f"paling lambat hari ini, {batas}"
    return f"paling lambat {batas} ({sisa} hari kerja lagi)"


# --- Declarations: each app registers its timers -------------------------------------------


@dataclass(frozen=True)
class Rombongan:
    """Open timers of one kind that share a due-date rule.

    `objek` is a queryset of the open objects' primary keys (ordered and paged by the
    sweep); exactly one of `hari_kerja` and the calendar date (`mulai` as nominal date)
    applies. `konteks` carries what the app's action needs (e.g. the year).
    """

    putaran: str
    peristiwa: str
    mulai: date
    objek: models.QuerySet
    hari_kerja: int | None = None
    pengingat: tuple[int, ...] = ()
    eskalasi: bool = True
    konteks: dict = field(default_factory=dict)

    def jatuh_tempo(self, kalender: KalenderKerja) -> JatuhTempo:
        if self.hari_kerja is None:
            return hitung_tanggal_tetap(kalender, peristiwa=self.peristiwa, nominal=self.mulai)
        return hitung_jatuh_tempo(
            kalender, peristiwa=self.peristiwa, mulai=self.mulai, hari_kerja=self.hari_kerja
        )


@dataclass(frozen=True)
class JenisTenggat:
    kode: str  # "<app>.<name>", unique; stored in LangkahTenggat
    judul: str
    rombongan: Callable[[date, KalenderKerja], list[Rombongan]]
    ingatkan: Callable[..., list]  # (ids, rombongan, jt, n, hari_ini, kalender) -> [Kabar]
    # (ids, rombongan, jt, waktu) -> ([Kabar], how many escalated now)
    eskalasi: Callable[..., tuple[list, int]] | None = None


_JENIS: dict[str, JenisTenggat] = {}


def daftarkan(jenis: JenisTenggat) -> JenisTenggat:
    """Register a timer kind (from the app's AppConfig.ready); idempotent per code."""
    _JENIS[jenis.kode] = jenis
    return jenis


def jenis_terdaftar() -> list[JenisTenggat]:
    return list(_JENIS.values())


# --- The sweep ------------------------------------------------------------------------------


def ukuran_batch() -> int:
    return getattr(settings, "TENGGAT_UKURAN_BATCH", 500)


def _berikutnya(rombongan: Rombongan, setelah: int, n: int) -> list[int]:
    """The next `n` open ids after `setelah`: one index range scan, whatever is done.

    Deliberately no NOT EXISTS on the steps already done: while a sweep fills
    LangkahTenggat from empty, the planner's statistics say the table is empty and an
    anti-join turns quadratic. The claim below filters what is done, by its unique key.
    """
    qs = rombongan.objek.filter(pk__gt=setelah)
    return list(qs.order_by("pk").values_list("pk", flat=True)[:n])


def klaim(jenis: str, putaran: str, langkah: str, ids: Sequence[int], waktu: datetime) -> list[int]:
    """Mark the step done for `ids`; return the ids this transaction claimed (one
    statement). A concurrent claimer of the same key waits for us, then gets nothing."""
    from .models import LangkahTenggat
    from .tenancy import instansi_aktif_id

    if not ids:
        return []
    meta = LangkahTenggat._meta
    qn = connection.ops.quote_name
    kolom = [meta.get_field(n).column for n in ("instansi", "jenis", "putaran", "langkah",
                                                "objek_id", "waktu")]  # fmt: skip
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {qn(meta.db_table)} ({', '.join(map(qn, kolom))}) "
            "SELECT %s, %s, %s, %s, unnest(%s::bigint[]), %s "
            f"ON CONFLICT DO NOTHING RETURNING {qn('objek_id')}",
            [instansi_aktif_id(), jenis, putaran, langkah, list(ids), waktu],
        )
        return sorted(r[0] for r in cur.fetchall())


@dataclass
class HasilSapu:
    pemberitahuan: int = 0
    eskalasi: int = 0
    batch: int = 0

    def sebagai_dict(self) -> dict:
        return {"pemberitahuan": self.pemberitahuan, "eskalasi": self.eskalasi}


def sapu(instansi_id: int, hari_ini: date, waktu: datetime, kode: Iterable[str] | None = None):
    """Every registered timer of one agency, for `hari_ini`; each batch its own transaction.

    Called outside any tenant scope (a Celery task); opens the scope per transaction.
    """
    from .hari_kerja import kalender_instansi
    from .pemberitahuan import kirim
    from .tenancy import lingkup_instansi

    hasil = HasilSapu()
    daftar = [_JENIS[k] for k in kode] if kode is not None else jenis_terdaftar()
    with lingkup_instansi(instansi_id):
        kalender = kalender_instansi()
        rencana = []
        for jenis in daftar:
            for r in jenis.rombongan(hari_ini, kalender):
                jt = r.jatuh_tempo(kalender)
                langkah = langkah_hari_ini(
                    kalender, jt, hari_ini, pengingat=r.pengingat, eskalasi=r.eskalasi
                )
                if langkah == ESKALASI and jenis.eskalasi is None:
                    langkah = None
                if langkah is not None:
                    rencana.append((jenis, r, jt, langkah))
    n = ukuran_batch()
    for jenis, r, jt, langkah in rencana:
        setelah = 0
        while True:
            with lingkup_instansi(instansi_id):
                ids = _berikutnya(r, setelah, n)
                if not ids:
                    break
                setelah = ids[-1]
                # Nothing claimed: all done already (an earlier run, or the other sweep).
                if diklaim := klaim(jenis.kode, r.putaran, langkah, ids, waktu):
                    if langkah == ESKALASI:
                        kabar, naik = jenis.eskalasi(diklaim, r, jt, waktu)
                        hasil.eskalasi += naik
                    else:
                        ke = hari_pengingat(langkah)
                        kabar = jenis.ingatkan(diklaim, r, jt, ke, hari_ini, kalender)
                    hasil.pemberitahuan += len(kirim(kabar))
                hasil.batch += 1
            if len(ids) < n:
                break
    logger.info("Tenggat instansi %s pada %s: %s", instansi_id, hari_ini, hasil)
    return hasil
