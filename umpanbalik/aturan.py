"""Pure rules of the year's execution (Lampiran BAB III): documentation periods.

The agency sets how often performance is documented: harian, mingguan, bulanan,
triwulanan, semesteran or tahunan (000:681-702, 4719-4727); Bekasi documents monthly
(003:256-257). A period is numbered 1..n within the calendar year of the SKP.
"""

from __future__ import annotations

from dataclasses import dataclass
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


# --- Continuous feedback (Lampiran BAB III huruf C, 000:4830-4948) ------------------------
#
# Who gives feedback: the Pimpinan, who must give it on a schedule (berkala) and may give
# it when needed (insidentil), 000:4877-4879; peers, subordinates and other parties linked
# to the employee's work, either way (000:4881-4885). A JF ketua kelompok/subkelompok of a
# non-structural unit gives the rater a recommendation and does not rate (002:416).

PENILAI = "penilai"
PIMPINAN_LAIN = "pimpinan_lain"
REKAN = "rekan"
BAWAHAN = "bawahan"
PIHAK_LAIN = "pihak_lain"
KETUA_KELOMPOK = "ketua_kelompok"

SUMBER = (
    (PENILAI, "Pejabat penilai kinerja"),
    (PIMPINAN_LAIN, "Pimpinan lain"),
    (REKAN, "Rekan kerja"),
    (BAWAHAN, "Bawahan"),
    (PIHAK_LAIN, "Pihak lain"),
    (KETUA_KELOMPOK, "Ketua kelompok/subkelompok (rekomendasi)"),
)
BERKALA = "berkala"
INSIDENTIL = "insidentil"
SIFAT = ((BERKALA, "Berkala/terjadwal"), (INSIDENTIL, "Insidentil"))
CARA = (("langsung", "Langsung (tatap muka)"), ("tidak_langsung", "Tidak langsung (media)"))
ARAH = (("positif", "Positif"), ("negatif", "Negatif"))
# An invited outside party is one of these (chosen by the rater when inviting).
SUMBER_TAMU = (PIMPINAN_LAIN, PIHAK_LAIN)


@dataclass(frozen=True)
class Hubungan:
    """What the giver is to the employee, read from the organisation on the day."""

    diri_sendiri: bool = False
    penilai: bool = False  # the SKP's (effective) pejabat penilai
    atasan_penilai: bool = False
    ketua_kelompok: bool = False  # JF heading the non-structural unit the employee is in
    memimpin_unit_lain: bool = False  # heads a unit (another unit than the employee's chain)
    bawahan: bool = False  # the employee heads the giver's unit or one above it
    tamu: str = ""  # invited through a guest link: pimpinan_lain or pihak_lain
    satu_instansi: bool = True


def sumber_pemberi(h: Hubungan) -> str | None:
    """The source a giver's feedback is recorded under, or None if they may not give any."""
    if h.tamu:
        return h.tamu if h.tamu in SUMBER_TAMU else None
    if h.diri_sendiri or not h.satu_instansi:
        return None
    if h.penilai:
        return PENILAI
    if h.ketua_kelompok:
        return KETUA_KELOMPOK
    if h.atasan_penilai or h.memimpin_unit_lain:
        return PIMPINAN_LAIN
    if h.bawahan:
        return BAWAHAN
    return REKAN


def periksa_umpan_balik(sumber: str | None, sifat: str, *, tamu: bool = False) -> str | None:
    """Why this feedback may not be given (an Indonesian message), or None if it may.
    `tamu`: given through a guest link."""
    if sumber is None or (tamu and sumber not in SUMBER_TAMU):
        return "Anda tidak dapat memberikan umpan balik kepada pegawai ini."
    if sifat not in (BERKALA, INSIDENTIL):
        return "Pilih umpan balik berkala/terjadwal atau insidentil."
    if sumber == KETUA_KELOMPOK and sifat == BERKALA:
        return (
            "Ketua kelompok/subkelompok menyampaikan rekomendasi umpan balik kepada pejabat "
            "penilai, bukan umpan balik berkala."
        )
    if sumber == PIHAK_LAIN and not tamu:
        return "Pihak lain memberikan umpan balik melalui tautan undangan pejabat penilai."
    if tamu and sifat == BERKALA:
        # A single-use link carries one entry: nothing was scheduled with the employee.
        return "Umpan balik melalui tautan undangan bersifat insidentil."
    return None


def boleh_menilai(sumber: str | None) -> bool:
    """Only the pejabat penilai rates; feedback from anyone else, a ketua kelompok's
    recommendation included, is material the rater weighs (000:4845-4847, 002:416)."""
    return sumber == PENILAI


_KADENSI = (  # most frequent first: "setiap bulan, rekap akhir tahun" is monthly
    ("harian", ("setiap hari", "harian")),
    ("mingguan", ("minggu", "pekan")),
    ("bulanan", ("bulan",)),
    ("triwulanan", ("triwulan", "kuartal", "3 bulan", "tiga bulan")),
    ("semesteran", ("semester", "6 bulan", "enam bulan")),
    ("tahunan", ("setiap tahun", "tahunan", "akhir tahun")),
)
_BULAN_GANDA = ("3 bulan", "tiga bulan", "6 bulan", "enam bulan")


def kadensi_berkala(skema: list[str], bawaan: str) -> str:
    """How often the rater gives scheduled feedback: as agreed in the SKP's skema
    pertanggungjawaban ("dilaporkan setiap bulan", "setiap triwulan"), read from its
    words, the most frequent one named; the agency's documentation period when the
    skema names none."""
    teks = " ".join(skema).casefold()
    tanpa_ganda = teks
    for g in _BULAN_GANDA:
        tanpa_ganda = tanpa_ganda.replace(g, " ")
    for jenis, kata in _KADENSI:
        sumber = tanpa_ganda if jenis == "bulanan" else teks
        if any(k in sumber for k in kata):
            return jenis
    return bawaan


# --- Correcting a documented realisation (B.1.2) -----------------------------------------
#
# Documentation is the employee's own record of results (000:4715-4733) and the material the
# rater weighs when evaluating the period (000:6439-6447). The regulation names no cut-off
# for correcting it; the rule here: the employee who documented it may correct it (value,
# progres/akhir, evidence) for as long as the period's evaluation has not been made. Once the
# rater has rated or signed an evaluation covering the period (or the atasan has taken it
# over), what was documented stays as it was read.


def periksa_ubah_realisasi(
    *,
    pemilik: bool,
    skp_berlaku: bool,
    periode_dimulai: bool,
    dinilai: str | None,
) -> str | None:
    """Why this realisation may not be corrected now (an Indonesian message), or None.

    `dinilai`: the evaluation that closed the period, as people name it ("Maret 2026"),
    or None while no evaluation covering the period has been rated or signed."""
    if not pemilik:
        return "Hanya pegawai yang mendokumentasikan realisasi ini yang dapat mengubahnya."
    if not skp_berlaku:
        return "SKP ini sudah diganti atau tidak berlaku lagi; realisasinya tidak dapat diubah."
    if not periode_dimulai:
        return "Periode ini belum dimulai."
    if dinilai:
        return (
            f"Evaluasi kinerja {dinilai} sudah dinilai pejabat penilai; dokumentasi periode "
            "yang dievaluasi tidak dapat diubah lagi."
        )
    return None


def periksa_jumlah_bukti(*, tersisa: int, baru: int, batas: int, dihapus: int = 0) -> str | None:
    """A documented realisation has at least one piece of evidence of the result, and no
    more than the limit per entry: when it is first documented (`tersisa` 0) and after a
    correction (`tersisa` kept of the old ones, `dihapus` of them removed, `baru` added)."""
    if min(tersisa, baru, dihapus) < 0:
        raise ValueError("Jumlah bukti tidak boleh negatif.")
    if tersisa + baru == 0:
        if dihapus:
            return (
                "Realisasi harus tetap memiliki bukti dukung hasil kerja: unggah berkas atau "
                "tautan pengganti sebelum menghapus bukti terakhir."
            )
        return "Lampirkan bukti dukung hasil kerja: unggah berkas atau tautan."
    if tersisa + baru > batas:
        return f"Paling banyak {batas} bukti per realisasi."
    return None
