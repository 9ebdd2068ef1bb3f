"""Evaluation periods, their evaluation windows, and which results are final.

Periodic evaluation is monthly or quarterly as the agency fixes it (Pasal 24(2)-(3),
000:934-944, 6407-6411; monthly in Bekasi, 003:335), and the annual evaluation runs from
the end of December to the end of January of the next year at the latest
(000:6413-6417). Labels come from the agency's setting: "Januari" or "Triwulan I", never a
fixed TRIWULAN (Bekasi's own forms still print TRIWULAN, 003:576, against its Pasal 24).

The regulation never says how long the periodic evaluation window is (AMBIG-7), so the
agency sets it: it opens `mulai_hari` calendar days before the period's last day and
closes `lama_hari_kerja` working days after it. The Purnama example fixes one constraint
(000:6522-6550): with a quarterly cycle, the Q3 window contains 25 September and not 25
August. Deadlines counted "sejak jangka waktu evaluasi kinerja berakhir" count from
`Jendela.akhir`.

Pure: no database; dates are counted on the agency's `KalenderKerja`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from organisasi.hari_kerja import KalenderKerja
from organisasi.tanggal import BULAN


class Siklus(StrEnum):
    """Values of `PengaturanInstansi.periode_evaluasi`."""

    BULANAN = "bulanan"
    TRIWULANAN = "triwulanan"


class Jenis(StrEnum):
    BULANAN = "bulanan"
    TRIWULANAN = "triwulanan"
    TAHUNAN = "tahunan"


ROMAWI = ("I", "II", "III", "IV")

# The agency's defaults for the periodic window (editable in its settings).
MULAI_HARI_BAWAAN = 7
LAMA_HARI_KERJA_BAWAAN = 10
# Annual: "paling lambat akhir Januari" of the next year (000:6415-6417).
AKHIR_TAHUNAN = (1, 31)


@dataclass(frozen=True, order=True)
class Periode:
    """One evaluation period: (tahun, jenis, nomor) with nomor 1-12, 1-4, or 0 for annual."""

    tahun: int
    jenis: Jenis
    nomor: int

    def __post_init__(self):
        batas = {Jenis.BULANAN: range(1, 13), Jenis.TRIWULANAN: range(1, 5), Jenis.TAHUNAN: (0,)}
        if self.nomor not in batas[Jenis(self.jenis)]:
            raise ValueError(f"Periode {self.jenis} tidak mengenal nomor {self.nomor}.")

    @property
    def tahunan(self) -> bool:
        return self.jenis == Jenis.TAHUNAN

    @property
    def label(self) -> str:
        """ "Januari", "Triwulan I", "Tahunan" (the year is shown beside it)."""
        if self.jenis == Jenis.BULANAN:
            return BULAN[self.nomor - 1]
        if self.jenis == Jenis.TRIWULANAN:
            return f"Triwulan {ROMAWI[self.nomor - 1]}"
        return "Tahunan"

    @property
    def label_lengkap(self) -> str:
        return f"{self.label} {self.tahun}"

    @property
    def kode(self) -> str:
        """Stable text form for URLs and storage: "2026-bulanan-1", "2026-tahunan-0"."""
        return f"{self.tahun}-{self.jenis}-{self.nomor}"

    @classmethod
    def dari_kode(cls, kode: str) -> Periode:
        try:
            tahun, jenis, nomor = kode.split("-")
            return cls(int(tahun), Jenis(jenis), int(nomor))
        except ValueError:
            raise ValueError(f"Kode periode tidak dikenal: {kode!r}.") from None

    @property
    def mulai(self) -> date:
        if self.jenis == Jenis.BULANAN:
            return date(self.tahun, self.nomor, 1)
        if self.jenis == Jenis.TRIWULANAN:
            return date(self.tahun, 3 * self.nomor - 2, 1)
        return date(self.tahun, 1, 1)

    @property
    def akhir(self) -> date:
        """The period's last calendar day."""
        bulan = {Jenis.BULANAN: self.nomor, Jenis.TRIWULANAN: 3 * self.nomor}.get(self.jenis, 12)
        return date(self.tahun, bulan, calendar.monthrange(self.tahun, bulan)[1])

    def memuat(self, tanggal: date) -> bool:
        return self.mulai <= tanggal <= self.akhir


def periode_tahun(tahun: int, siklus: Siklus | str) -> list[Periode]:
    """The year's periodic periods in order, then the annual one.

    A quarterly agency's fourth quarter and the annual evaluation both exist; the
    national forms print "IV-AKHIR" for them (AMBIG-1) and keep them as two records.
    """
    jenis = Jenis(Siklus(siklus).value)
    jumlah = 12 if jenis == Jenis.BULANAN else 4
    return [Periode(tahun, jenis, n) for n in range(1, jumlah + 1)] + [
        Periode(tahun, Jenis.TAHUNAN, 0)
    ]


def periode_pada(tanggal: date, siklus: Siklus | str) -> Periode:
    """The periodic period that contains `tanggal`."""
    if Siklus(siklus) == Siklus.BULANAN:
        return Periode(tanggal.year, Jenis.BULANAN, tanggal.month)
    return Periode(tanggal.year, Jenis.TRIWULANAN, (tanggal.month - 1) // 3 + 1)


@dataclass(frozen=True)
class Jendela:
    """The evaluation window: from `mulai` to `akhir`, both included."""

    mulai: date
    akhir: date

    def memuat(self, tanggal: date) -> bool:
        return self.mulai <= tanggal <= self.akhir


def jendela_evaluasi(
    periode: Periode,
    kalender: KalenderKerja,
    *,
    mulai_hari: int = MULAI_HARI_BAWAAN,
    lama_hari_kerja: int = LAMA_HARI_KERJA_BAWAAN,
) -> Jendela:
    """The window in which the pejabat penilai evaluates `periode`.

    Periodic: from `mulai_hari` calendar days before the period's last day to
    `lama_hari_kerja` working days after it. Annual: from the same opening before 31
    December to the end of January (the last working day on or before 31 January: "paling
    lambat" a day off means the working day before it).
    """
    if mulai_hari < 0 or lama_hari_kerja < 1:
        raise ValueError("Jendela evaluasi: mulai >= 0 hari, lama >= 1 hari kerja.")
    mulai = periode.akhir - timedelta(days=mulai_hari)
    if periode.tahunan:
        bulan, hari = AKHIR_TAHUNAN
        return Jendela(mulai, kalender.hari_kerja_terakhir(date(periode.tahun + 1, bulan, hari)))
    return Jendela(mulai, kalender.tambah_hari_kerja(periode.akhir, lama_hari_kerja))


def penilai_pindah_tetap_menilai(tanggal_pindah: date, jendela: Jendela) -> bool:
    """A pejabat penilai moved on `tanggal_pindah` still evaluates the old team for the
    period when the move falls inside (or after) its evaluation window, and does not when
    it falls before (000:6508-6520; Purnama, 000:6522-6550)."""
    return tanggal_pindah >= jendela.mulai


@dataclass(frozen=True)
class MasaSKP:
    """One SKP of a pegawai as the who-rates rule needs it: its term (the SKP's period cut
    to its placement's), its version, its rater, and the day that rater left the post
    she rates from (None: still there, or unknown)."""

    skp_id: int
    mulai: date
    selesai: date
    penilai_id: int | None
    versi: int = 1
    penilai_pindah_pada: date | None = None


@dataclass(frozen=True)
class Penilaian:
    """Who evaluates a pegawai for a period, from which SKP, and why."""

    skp_id: int
    penilai_id: int | None
    alasan: str


ALASAN_PENILAI_SKP = "pejabat penilai pada SKP"
ALASAN_PEGAWAI_PINDAH = (
    "pegawai pindah dalam periode: dievaluasi pejabat penilai di tempat yang baru"
)
ALASAN_PENILAI_PINDAH_DALAM_JENDELA = (
    "pejabat penilai pindah dalam jangka waktu evaluasi: tetap mengevaluasi tim lamanya"
)
ALASAN_PENILAI_PINDAH_SEBELUM_JENDELA = (
    "pejabat penilai pindah sebelum jangka waktu evaluasi: dievaluasi penggantinya"
)


def penilai_periode(
    masa: list[MasaSKP], periode: Periode, jendela: Jendela, *, pengganti_id: int | None
) -> Penilaian | None:
    """Who evaluates one pegawai for `periode`, or None when no SKP of hers covers it.

    - A pegawai moved during the period is evaluated by the new pejabat penilai: the SKP
      of her latest post whose term overlaps the period decides (000:6470-6482; the
      other option, keeping her previous result by agreement, is the raters' to take
      outside the app). Several versions of one SKP: the latest.
    - A pejabat penilai moved within (or after) the evaluation window still evaluates the
      old team; moved before it, she does not, and whoever holds the post when the window
      opens (`pengganti_id`, resolved by the caller) does (000:6508-6550, Purnama: Q3's
      window holds 25 September, not 25 August).
    """
    berlaku = [m for m in masa if m.mulai <= periode.akhir and m.selesai >= periode.mulai]
    if not berlaku:
        return None
    m = max(berlaku, key=lambda m: (m.mulai, m.versi, m.skp_id))
    pindah_pegawai = any(x.mulai < m.mulai for x in berlaku)
    if m.penilai_pindah_pada is not None and not penilai_pindah_tetap_menilai(
        m.penilai_pindah_pada, jendela
    ):
        return Penilaian(m.skp_id, pengganti_id, ALASAN_PENILAI_PINDAH_SEBELUM_JENDELA)
    if m.penilai_pindah_pada is not None:
        return Penilaian(m.skp_id, m.penilai_id, ALASAN_PENILAI_PINDAH_DALAM_JENDELA)
    alasan = ALASAN_PEGAWAI_PINDAH if pindah_pegawai else ALASAN_PENILAI_SKP
    return Penilaian(m.skp_id, m.penilai_id, alasan)


def capaian_tahunan_berlaku(
    *, tahun: int, capaian_tahun_ini: str | None, ditetapkan_pada: date | None,
    capaian_tahun_lalu: str | None,
) -> tuple[str | None, bool]:  # fmt: skip
    """The annual capaian kinerja organisasi that applies, and whether it is the previous
    year's: released after January of the next year, or not at all, the previous year's
    result is used (000:6698-6704)."""
    batas = date(tahun + 1, *AKHIR_TAHUNAN)
    if capaian_tahun_ini and ditetapkan_pada is not None and ditetapkan_pada <= batas:
        return capaian_tahun_ini, False
    if capaian_tahun_lalu:
        return capaian_tahun_lalu, True
    return capaian_tahun_ini or None, False


class SebabFinal(StrEnum):
    ATASAN_MENGAMBIL_ALIH = "atasan"  # the rater did not evaluate/sign in the window
    JPT_UTAMA = "jpt_utama"
    JPT_MADYA_PUSAT = "jpt_madya_pusat"
    JPT_DAERAH = "jpt_daerah"
    KEPALA_UKM = "kepala_ukm"


PENJELASAN_FINAL = {
    SebabFinal.ATASAN_MENGAMBIL_ALIH: "Dievaluasi atasan pejabat penilai karena pejabat "
    "penilai tidak mengevaluasi atau menandatangani dalam jangka waktu evaluasi.",
    SebabFinal.JPT_UTAMA: "Pejabat pimpinan tinggi utama dievaluasi menteri koordinator.",
    SebabFinal.JPT_MADYA_PUSAT: "Pejabat pimpinan tinggi madya instansi pusat dievaluasi "
    "pimpinan instansi.",
    SebabFinal.JPT_DAERAH: "Pejabat pimpinan tinggi madya/pratama instansi daerah dievaluasi "
    "kepala daerah.",
    SebabFinal.KEPALA_UKM: "Kepala unit kerja mandiri dievaluasi menteri koordinator atau "
    "kepala daerah.",
}


def sebab_final(
    *, dievaluasi_atasan: bool, jenis_jabatan: str, instansi_daerah: bool,
    kepala_unit_mandiri: bool, penilai_pimpinan_instansi: bool,
) -> SebabFinal | None:  # fmt: skip
    """Why a result is final ("bersifat final", 000:6439-6469), or None when it is not.

    `jenis_jabatan` is `organisasi.models.JenisJabatan`'s value. A head of a unit kerja
    mandiri is final only when the minister or kepala daerah evaluates her
    (`penilai_pimpinan_instansi`): a Kepala Puskesmas evaluated by the Kepala Dinas is not
    (spec §7 case 6).
    """
    if dievaluasi_atasan:
        return SebabFinal.ATASAN_MENGAMBIL_ALIH
    if jenis_jabatan == "jpt_utama":
        return SebabFinal.JPT_UTAMA
    if jenis_jabatan == "jpt_madya" and not instansi_daerah:
        return SebabFinal.JPT_MADYA_PUSAT
    if jenis_jabatan in ("jpt_madya", "jpt_pratama") and instansi_daerah:
        return SebabFinal.JPT_DAERAH
    if kepala_unit_mandiri and penilai_pimpinan_instansi:
        return SebabFinal.KEPALA_UKM
    return None
