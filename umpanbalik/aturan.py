"""Pure rules of the year's execution (Lampiran BAB III): documentation periods.

The agency sets how often performance is documented: harian, mingguan, bulanan,
triwulanan, semesteran or tahunan (000:681-702, 4719-4727); Bekasi documents monthly
(003:256-257). A period is numbered 1..n within the calendar year of the SKP.
"""

from __future__ import annotations

from datetime import date, timedelta

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# Months per period for the month-based kinds.
_BULAN_PER_PERIODE = {"bulanan": 1, "triwulanan": 3, "semesteran": 6, "tahunan": 12}
_ROMAWI = ("I", "II", "III", "IV")


def jumlah_periode(jenis: str, tahun: int) -> int:
    if jenis == "harian":
        return (date(tahun, 12, 31) - date(tahun, 1, 1)).days + 1
    if jenis == "mingguan":
        return 53  # 7-day blocks from 1 January; the last one is short
    return 12 // _BULAN_PER_PERIODE[jenis]


def periode_ke(jenis: str, tanggal: date) -> int:
    """The number of the documentation period a date falls in."""
    if jenis == "harian":
        return tanggal.timetuple().tm_yday
    if jenis == "mingguan":
        return (tanggal.timetuple().tm_yday - 1) // 7 + 1
    return (tanggal.month - 1) // _BULAN_PER_PERIODE[jenis] + 1


def rentang_periode(jenis: str, tahun: int, nomor: int) -> tuple[date, date]:
    """First and last day of period `nomor` of `tahun`."""
    if not 1 <= nomor <= jumlah_periode(jenis, tahun):
        raise ValueError(f"Periode {nomor} tidak ada dalam pendokumentasian {jenis}.")
    awal_tahun, akhir_tahun = date(tahun, 1, 1), date(tahun, 12, 31)
    if jenis == "harian":
        hari = awal_tahun + timedelta(days=nomor - 1)
        return hari, hari
    if jenis == "mingguan":
        mulai = awal_tahun + timedelta(days=7 * (nomor - 1))
        return mulai, min(mulai + timedelta(days=6), akhir_tahun)
    n = _BULAN_PER_PERIODE[jenis]
    bulan_awal = (nomor - 1) * n + 1
    bulan_akhir = bulan_awal + n - 1
    akhir = date(tahun, bulan_akhir + 1, 1) - timedelta(days=1) if bulan_akhir < 12 else akhir_tahun
    return date(tahun, bulan_awal, 1), akhir


def label_periode(jenis: str, tahun: int, nomor: int) -> str:
    """The period as people name it, from the agency's setting (never a fixed 'TRIWULAN')."""
    mulai, selesai = rentang_periode(jenis, tahun, nomor)
    if jenis == "bulanan":
        return f"{BULAN[mulai.month - 1]} {tahun}"
    if jenis == "triwulanan":
        return f"Triwulan {_ROMAWI[nomor - 1]} {tahun}"
    if jenis == "semesteran":
        return f"Semester {_ROMAWI[nomor - 1]} {tahun}"
    if jenis == "tahunan":
        return f"Tahun {tahun}"
    if jenis == "harian":
        return f"{mulai.day} {BULAN[mulai.month - 1]} {tahun}"
    return (
        f"Minggu ke-{nomor} ({mulai.day} {BULAN[mulai.month - 1]}"
        f" – {selesai.day} {BULAN[selesai.month - 1]} {tahun})"
    )


def periode_dalam_skp(jenis: str, mulai: date, selesai: date) -> list[int]:
    """The period numbers an SKP's assessment period touches (same calendar year)."""
    return list(range(periode_ke(jenis, mulai), periode_ke(jenis, selesai) + 1))
