"""Indonesian dates ("22 November 2026") without depending on the active locale."""

from datetime import date

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def tanggal_id(t: date) -> str:
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"
