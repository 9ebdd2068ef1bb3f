"""The deadline for setting SKP, the reminders before it and the escalation after it.

"SKP ... ditetapkan paling lambat akhir bulan Januari" (000:634-636, 4569-4571). An
agency may move the date (`PengaturanInstansi.batas_skp_hari`/`batas_skp_bulan`) and
chooses when to be reminded (`pengingat_skp_hari_kerja`, working days before it). Once
the date has passed, the employee holds the performance dialogue with the atasan of the
pejabat penilai (000:4573-4579), who may then set the SKP.

Pure: no database, no clock. Every date is counted on the agency's `KalenderKerja`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from organisasi.hari_kerja import KalenderKerja, Tenggat, sudah_lewat

_SEHARI = timedelta(days=1)


def batas_penetapan(kalender: KalenderKerja, tahun: int, hari: int = 31, bulan: int = 1) -> Tenggat:
    """The last day on which an SKP of `tahun` may be set.

    "Paling lambat" a date that is not a working day (weekend, holiday, the agency's own
    day off) means the last working day before it: setting an SKP is an act of the office,
    and moving to the next working day would give more time than the rule allows.

    `mulai` of the result is the configured date and `hari_kerja` is 0: this is a fixed
    date, not N working days counted from an event. A day past the month's end (29
    February in a common year) is read as the month's last day; the settings form never
    stores one, but a daily job must not fail on it.
    """
    if not 1 <= bulan <= 12:
        raise ValueError(f"Bulan batas penetapan SKP harus 1-12, bukan {bulan}.")
    if hari < 1:
        raise ValueError(f"Tanggal batas penetapan SKP harus paling kecil 1, bukan {hari}.")
    nominal = date(tahun, bulan, min(hari, calendar.monthrange(tahun, bulan)[1]))
    tanggal = kalender.hari_kerja_terakhir(nominal)
    return Tenggat(mulai=nominal, hari_kerja=0, tanggal=tanggal, sidik_kalender=kalender.sidik)


def tanggal_pengingat(
    kalender: KalenderKerja, batas: Tenggat, hari_kerja_sebelum_batas: list[int]
) -> list[date]:
    """One reminder date per entry, in the given order: n working days before the deadline."""
    return [kalender.kurangi_hari_kerja(batas.tanggal, n) for n in hari_kerja_sebelum_batas]


def mulai_eskalasi(kalender: KalenderKerja, batas: Tenggat) -> date:
    """The first working day after the deadline: the day the atasan is brought in."""
    return kalender.tambah_hari_kerja(batas.tanggal, 1)


class StatusTenggat(StrEnum):
    BERJALAN = "berjalan"
    HARI_TERAKHIR = "hari_terakhir"
    LEWAT = "lewat"

    @property
    def label(self) -> str:
        return _LABEL_STATUS[self]


_LABEL_STATUS = {
    StatusTenggat.BERJALAN: "Belum jatuh tempo",
    StatusTenggat.HARI_TERAKHIR: "Hari terakhir penetapan",
    StatusTenggat.LEWAT: "Batas penetapan terlewati",
}


def status_tenggat(batas: Tenggat, hari_ini: date) -> StatusTenggat:
    if sudah_lewat(batas, hari_ini):
        return StatusTenggat.LEWAT
    if hari_ini == batas.tanggal:
        return StatusTenggat.HARI_TERAKHIR
    return StatusTenggat.BERJALAN


@dataclass(frozen=True)
class Rencana:
    """What the daily check does for the SKP of one year on one day."""

    tahun: int
    batas: Tenggat
    pengingat: int | None  # the reminder due (its n working days), if any
    eskalasi: bool

    @property
    def ada(self) -> bool:
        return self.pengingat is not None or self.eskalasi


def rencana_hari_ini(
    kalender: KalenderKerja,
    tahun: int,
    hari_ini: date,
    *,
    hari: int = 31,
    bulan: int = 1,
    pengingat: list[int] | tuple[int, ...] = (10, 3),
) -> Rencana:
    """The reminder and/or escalation due for the SKP of `tahun` on `hari_ini`.

    Nothing happens on a day off: a notice waits for the next working day. A reminder
    is due from its date up to the deadline; if the job missed days (beat down), only
    the latest reminder reached is due, as the earlier ones are stale. Escalation is due
    from the first working day after the deadline on, so a missed day catches up.
    Each is done once (the caller's unique keys), so calling this daily is safe.
    """
    batas = batas_penetapan(kalender, tahun, hari, bulan)
    if not kalender.adalah_hari_kerja(hari_ini):
        return Rencana(tahun, batas, None, False)
    if sudah_lewat(batas, hari_ini):
        # A working day after the deadline is on or after `mulai_eskalasi`.
        return Rencana(tahun, batas, None, True)
    ns = sorted(set(pengingat))
    tercapai = [
        n for n, t in zip(ns, tanggal_pengingat(kalender, batas, ns), strict=True) if t <= hari_ini
    ]
    return Rencana(tahun, batas, min(tercapai) if tercapai else None, False)
