"""The calibration chart's geometry: the guide curve for the unit's capaian organisasi and
bars of the actual predikat counts, as numbers a template draws into a server-rendered
SVG (no chart library, no CDN). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from .distribusi import TitikKurva
from .kuadran import LABEL_PREDIKAT, URUTAN_PREDIKAT, Predikat

LEBAR, TINGGI = 360, 190
KIRI, KANAN, ATAS, BAWAH = 12, 12, 16, 46  # margins; labels go below the axis
LEBAR_BATANG = 34
# Axis labels broken in two so five fit under a phone-width chart.
LABEL_SUMBU = {
    Predikat.SANGAT_BAIK: ("Sangat", "Baik"),
    Predikat.BAIK: ("Baik",),
    Predikat.BUTUH_PERBAIKAN: ("Butuh", "Perbaikan"),
    Predikat.KURANG: ("Kurang/", "Misconduct"),
    Predikat.SANGAT_KURANG: ("Sangat", "Kurang"),
}


@dataclass(frozen=True)
class Batang:
    predikat: Predikat
    label: str
    jumlah: int
    x: float  # left edge
    y: float
    tinggi: float
    tengah: float
    baris_label: tuple[str, ...]  # the axis label in at most two short lines

    @property
    def y_angka(self) -> float:
        return self.y - 4


@dataclass(frozen=True)
class Grafik:
    lebar: int
    tinggi: int
    dasar: float  # the x axis's y
    lebar_batang: int
    batang: list[Batang]
    kurva: str  # SVG path "M x y C ..." or ""
    ringkasan: str  # the text alternative


def _x(i: int) -> float:
    langkah = (LEBAR - KIRI - KANAN) / len(URUTAN_PREDIKAT)
    return KIRI + langkah * (i + 0.5)


def susun(jumlah: dict[Predikat, int], titik: list[TitikKurva], label_capaian: str) -> Grafik:
    """Bars scaled to the largest count; the curve scaled to the chart's height so its
    peak meets the top (it shows a shape, not a quota)."""
    dasar = TINGGI - BAWAH
    ruang = dasar - ATAS
    puncak = max([*jumlah.values(), 1])
    batang = []
    for i, p in enumerate(URUTAN_PREDIKAT):
        n = jumlah.get(p, 0)
        t = ruang * n / puncak
        batang.append(
            Batang(
                p,
                LABEL_PREDIKAT[p],
                n,
                _x(i) - LEBAR_BATANG / 2,
                dasar - t,
                t,
                _x(i),
                LABEL_SUMBU[p],
            )  # fmt: skip
        )
    jalur = ""
    if titik:
        pts = [(_x(i), dasar - ruang * t.tinggi) for i, t in enumerate(titik)]
        # A smooth line through the points (Catmull-Rom as cubic Bézier segments).
        jalur = f"M {pts[0][0]:.1f} {pts[0][1]:.1f}"
        for k in range(len(pts) - 1):
            p0 = pts[max(k - 1, 0)]
            p1, p2 = pts[k], pts[k + 1]
            p3 = pts[min(k + 2, len(pts) - 1)]
            c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
            c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
            jalur += (
                f" C {c1[0]:.1f} {min(c1[1], dasar):.1f} {c2[0]:.1f} {min(c2[1], dasar):.1f}"
                f" {p2[0]:.1f} {p2[1]:.1f}"
            )
    rincian = ", ".join(f"{b.label} {b.jumlah}" for b in batang)
    ringkasan = f"Jumlah predikat saat ini: {rincian}."
    if titik:
        ringkasan += f" Kurva panduan untuk capaian organisasi {label_capaian}."
    return Grafik(LEBAR, TINGGI, dasar, LEBAR_BATANG, batang, jalur, ringkasan)
