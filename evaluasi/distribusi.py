"""The distribution pattern (pola distribusi) of predikat for a unit's capaian kinerja
organisasi, and the calibration warning (000:6712-6963; Pasal 24(1)b, 25(1)b).

What the regulation gives is a guide, not a quota: for each organisation level, "idealnya
sebagian besar pegawai" holds one predikat, "dengan tidak menutup kemungkinan" any other
(000:6767-6775, 6815-6821, 6862-6868, 6911-6917, 6957-6963). The curves themselves are
images with no numbers. So the one proportion the text states is a majority ("sebagian
besar", more than half) at the modal predikat; that is what `periksa_sebaran` compares.
The curve's height at the other predikat (`BENTUK_KURVA`) only draws the picture.

A divergent shape warns and never blocks: Bekasi's own Format 4 example rates a pegawai
Baik in an organisation whose capaian is Butuh Perbaikan (003:1129-1131, 1167-1170).

Pure: no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .kuadran import LABEL_PREDIKAT, URUTAN_PREDIKAT, Predikat


class CapaianOrganisasi(StrEnum):
    """The organisation's scale (000:6587-6597): Istimewa, no "Sangat Baik"."""

    ISTIMEWA = "istimewa"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"

    @property
    def label(self) -> str:
        return LABEL_CAPAIAN[self]

    @property
    def kelas(self) -> str:
        return self.value.replace("_", "-")


LABEL_CAPAIAN = {
    CapaianOrganisasi.ISTIMEWA: "Istimewa",
    CapaianOrganisasi.BAIK: "Baik",
    CapaianOrganisasi.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    CapaianOrganisasi.KURANG: "Kurang",
    CapaianOrganisasi.SANGAT_KURANG: "Sangat Kurang",
}

# Where most employees idealnya stand, per organisation level. Under Istimewa the text
# says "Sangat Baik" for the unit (000:6767, a label slip, AMBIG-8) and the modal predikat
# is Sangat Baik.
PREDIKAT_MODAL: dict[CapaianOrganisasi, Predikat] = {
    CapaianOrganisasi.ISTIMEWA: Predikat.SANGAT_BAIK,
    CapaianOrganisasi.BAIK: Predikat.BAIK,
    CapaianOrganisasi.BUTUH_PERBAIKAN: Predikat.BUTUH_PERBAIKAN,
    CapaianOrganisasi.KURANG: Predikat.KURANG,
    CapaianOrganisasi.SANGAT_KURANG: Predikat.SANGAT_KURANG,
}

# The share the text asks for at the modal predikat: "sebagian besar", more than half.
PORSI_SEBAGIAN_BESAR = 0.5

# Drawing only: the curve's relative height by distance from the modal predikat, a bell
# like the regulation's images. Never used to judge a count.
BENTUK_KURVA = (1.0, 0.4, 0.12, 0.05, 0.03)


@dataclass(frozen=True)
class TitikKurva:
    predikat: Predikat
    tinggi: float  # 0..1, relative to the modal predikat


def kurva(capaian: CapaianOrganisasi | str) -> list[TitikKurva]:
    """The guide curve's points, in the order of the curve's x axis (best first)."""
    modal = URUTAN_PREDIKAT.index(PREDIKAT_MODAL[CapaianOrganisasi(capaian)])
    return [TitikKurva(p, BENTUK_KURVA[abs(i - modal)]) for i, p in enumerate(URUTAN_PREDIKAT)]


def hitung(daftar_predikat: Iterable[Predikat | str | None]) -> dict[Predikat, int]:
    """Counts per predikat, every predikat present (zero when none); undecided ones skipped."""
    jumlah = dict.fromkeys(URUTAN_PREDIKAT, 0)
    for p in daftar_predikat:
        if p:
            jumlah[Predikat(p)] += 1
    return jumlah


@dataclass(frozen=True)
class Peringatan:
    """A calibration remark for the rater. Guidance: it never blocks a save."""

    pesan: str


def periksa_sebaran(
    capaian: CapaianOrganisasi | str | None, jumlah: Mapping[Predikat, int]
) -> list[Peringatan]:
    """Warnings when the actual counts stray from the pattern for the organisation's level.

    Empty when nothing is rated yet, or when more than half of the rated employees hold
    the modal predikat. Without a capaian organisasi there is no pattern to compare with;
    that itself is said, because the rater should know which curve applies.
    """
    total = sum(jumlah.values())
    if capaian is None or capaian == "":
        return [
            Peringatan(
                "Capaian kinerja organisasi unit Anda untuk periode ini belum ditetapkan, "
                "sehingga pola distribusinya belum dapat dibandingkan."
            )
        ]
    if total == 0:
        return []
    capaian = CapaianOrganisasi(capaian)
    modal = PREDIKAT_MODAL[capaian]
    di_modal = jumlah.get(modal, 0)
    if di_modal / total > PORSI_SEBAGIAN_BESAR:
        return []
    terbanyak = max(URUTAN_PREDIKAT, key=lambda p: (jumlah.get(p, 0), p == modal))
    pesan = (
        f"Capaian kinerja organisasi {capaian.label}: idealnya sebagian besar pegawai "
        f"berpredikat {LABEL_PREDIKAT[modal]}, saat ini {di_modal} dari {total} "
        f"({round(100 * di_modal / total)}%)."
    )
    if terbanyak != modal and jumlah.get(terbanyak, 0) > di_modal:
        pesan += (
            f" Predikat terbanyak adalah {LABEL_PREDIKAT[terbanyak]} ({jumlah[terbanyak]} pegawai)."
        )
    pesan += (
        " Pola distribusi adalah panduan (Lampiran BAB IV): periksa kembali kontribusi "
        "setiap pegawai; penilaian tetap dapat disimpan."
    )
    return [Peringatan(pesan)]
