"""Working days (hari kerja) and deadlines counted in them: the one place for this arithmetic.

Every post-evaluation deadline of Permenpan RB 6/2022 reads "paling lama N hari
kerja sejak ..." (000:8292-8652). The regulation never defines a working day,
so an agency's calendar is: Monday to Friday, minus national holidays and cuti
bersama (from the `holidays` package), minus the agency's own extra holidays
(`HariKalender` LIBUR), plus dates the agency declares working days
(`HariKalender` MASUK: a cancelled holiday or a substitute Saturday).

Everything above `kalender_instansi` is pure: no database, no clock. Callers
pass today's date explicitly, so the rules are testable for any day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cache, cached_property
from types import MappingProxyType
from typing import NamedTuple

import holidays
from holidays.constants import GOVERNMENT, PUBLIC

LIBUR = "libur"  # HariKalender.Jenis.LIBUR
MASUK = "masuk"  # HariKalender.Jenis.MASUK

# Years the calendar answers for. The package knows Indonesia up to 2100; outside
# this range it would silently return no holidays, so refuse instead.
TAHUN_MIN = 2000
TAHUN_MAX = 2100

# Bump when the counting rules here change, so old fingerprints stop matching.
_VERSI_ATURAN = "1"
_SABTU = 5
_SEHARI = timedelta(days=1)


class Sumber(StrEnum):
    NASIONAL = "nasional"
    CUTI_BERSAMA = "cuti_bersama"
    INSTANSI = "instansi"

    @property
    def label(self) -> str:
        return _LABEL_SUMBER[self]


_LABEL_SUMBER = {
    Sumber.NASIONAL: "Libur nasional",
    Sumber.CUTI_BERSAMA: "Cuti bersama",
    Sumber.INSTANSI: "Libur instansi",
}


class HariLibur(NamedTuple):
    tanggal: date
    nama: str
    sumber: Sumber


@cache
def libur_nasional(tahun: int) -> Mapping[date, HariLibur]:
    """National holidays (PUBLIC) and cuti bersama (GOVERNMENT) of one year, loaded once."""
    if not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise ValueError(f"Tahun {tahun} di luar rentang kalender ({TAHUN_MIN}-{TAHUN_MAX}).")
    hasil = {}
    # GOVERNMENT first so a date in both categories is labelled national.
    for kategori, sumber in ((GOVERNMENT, Sumber.CUTI_BERSAMA), (PUBLIC, Sumber.NASIONAL)):
        # language is explicit: by default the package follows the process locale.
        data = holidays.country_holidays("ID", years=tahun, categories=(kategori,), language="id")
        hasil.update({t: HariLibur(t, nama, sumber) for t, nama in data.items()})
    return MappingProxyType(hasil)


@dataclass(frozen=True)
class KalenderKerja:
    """One agency's working-day calendar. Overrides map a date to its keterangan."""

    libur_instansi: Mapping[date, str] = field(default_factory=dict)
    masuk_instansi: Mapping[date, str] = field(default_factory=dict)

    def __post_init__(self):
        if bentrok := self.libur_instansi.keys() & self.masuk_instansi.keys():
            raise ValueError(f"Tanggal sekaligus libur dan masuk: {sorted(bentrok)}")
        # Read-only copies: a frozen calendar whose sidik cannot go stale.
        object.__setattr__(self, "libur_instansi", MappingProxyType(dict(self.libur_instansi)))
        object.__setattr__(self, "masuk_instansi", MappingProxyType(dict(self.masuk_instansi)))

    @classmethod
    def dari_perubahan(cls, baris: Iterable[tuple[date, str, str]]) -> KalenderKerja:
        """From (tanggal, jenis, keterangan) rows, as stored in `HariKalender`."""
        libur, masuk = {}, {}
        tujuan = {LIBUR: libur, MASUK: masuk}
        for tanggal, jenis, keterangan in baris:
            tujuan[jenis][tanggal] = keterangan
        return cls(libur_instansi=libur, masuk_instansi=masuk)

    def diatur_instansi(self, tanggal: date) -> bool:
        return tanggal in self.libur_instansi or tanggal in self.masuk_instansi

    def libur(self, tanggal: date) -> HariLibur | None:
        """The holiday this agency observes on `tanggal`; weekends alone are not holidays."""
        if tanggal in self.masuk_instansi:
            return None
        if tanggal in self.libur_instansi:
            return HariLibur(tanggal, self.libur_instansi[tanggal], Sumber.INSTANSI)
        return libur_nasional(tanggal.year).get(tanggal)

    def nama_libur(self, tanggal: date) -> str | None:
        hari = self.libur(tanggal)
        return hari.nama if hari else None

    def adalah_hari_kerja(self, tanggal: date) -> bool:
        if tanggal in self.masuk_instansi:
            return True
        return tanggal.weekday() < _SABTU and self.libur(tanggal) is None

    def tambah_hari_kerja(self, mulai: date, n: int) -> date:
        """The n-th working day after `mulai` ("N hari kerja sejak ..."; `mulai` never counts)."""
        if n < 0:
            raise ValueError("Jumlah hari kerja tidak boleh negatif.")
        tanggal = mulai
        while n:
            tanggal += _SEHARI
            if self.adalah_hari_kerja(tanggal):
                n -= 1
        return tanggal

    def hari_kerja_terakhir(self, tanggal: date) -> date:
        """`tanggal` if it is a working day, else the last working day before it
        ("paling lambat" a holiday means the working day before)."""
        while not self.adalah_hari_kerja(tanggal):
            tanggal -= _SEHARI
        return tanggal

    def kurangi_hari_kerja(self, sampai: date, n: int) -> date:
        """The n-th working day before `sampai` (`sampai` never counts); for reminders
        "n hari kerja sebelum batas"."""
        if n < 1:
            raise ValueError("Jumlah hari kerja sebelum batas harus bilangan bulat positif.")
        tanggal = sampai
        while n:
            tanggal -= _SEHARI
            if self.adalah_hari_kerja(tanggal):
                n -= 1
        return tanggal

    def hitung_hari_kerja(self, dari: date, sampai: date) -> int:
        """Working days in (dari, sampai]: the inverse of `tambah_hari_kerja`."""
        return sum(
            self.adalah_hari_kerja(dari + timedelta(days=i))
            for i in range(1, (sampai - dari).days + 1)
        )

    def hari_libur(self, tahun: int) -> list[HariLibur]:
        """The year's holidays as this agency observes them (cancelled ones left out)."""
        semua = dict(libur_nasional(tahun))
        semua.update(
            (t, HariLibur(t, nama, Sumber.INSTANSI))
            for t, nama in self.libur_instansi.items()
            if t.year == tahun
        )
        return sorted(h for t, h in semua.items() if t not in self.masuk_instansi)

    @cached_property
    def sidik(self) -> str:
        """Fingerprint of the calendar state; keterangan is left out as it changes no date."""
        bagian = [
            f"aturan={_VERSI_ATURAN}",
            f"holidays={holidays.__version__}",
            *(f"{t.isoformat()}={LIBUR}" for t in self.libur_instansi),
            *(f"{t.isoformat()}={MASUK}" for t in self.masuk_instansi),
        ]
        return hashlib.sha256("\n".join(sorted(bagian)).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Tenggat:
    """A deadline, with the calendar state it was computed from (to explain it later)."""

    mulai: date
    hari_kerja: int
    tanggal: date
    sidik_kalender: str


def hitung_tenggat(kalender: KalenderKerja, mulai: date, hari_kerja: int) -> Tenggat:
    tanggal = kalender.tambah_hari_kerja(mulai, hari_kerja)
    return Tenggat(mulai, hari_kerja, tanggal, kalender.sidik)


def sudah_lewat(tenggat: Tenggat, hari_ini: date) -> bool:
    """Late only from the day after: "paling lama" N hari kerja includes the N-th day."""
    return hari_ini > tenggat.tanggal


def kalender_instansi(instansi_id: int | None = None) -> KalenderKerja:
    """The calendar of the active agency scope, or of `instansi_id`: read from the database
    only when it changed since this process last read it (organisasi/acuan.py)."""
    # Imported here so the pure part above stays importable before Django apps load.
    from . import acuan
    from .tenancy import ada_lingkup, instansi_aktif_id, lingkup_instansi

    sudah_di_lingkup = ada_lingkup() and instansi_aktif_id() == instansi_id
    lingkup = (
        nullcontext() if instansi_id is None or sudah_di_lingkup else lingkup_instansi(instansi_id)
    )
    with lingkup:
        # A KalenderKerja is frozen, so one can be shared between requests.
        return acuan.baca("kalender", _baca_kalender)


def _baca_kalender() -> KalenderKerja:
    from .models import HariKalender

    return KalenderKerja.dari_perubahan(
        HariKalender.objects.values_list("tanggal", "jenis", "keterangan")
    )
