from datetime import date

import pytest

from umpanbalik import aturan


@pytest.mark.parametrize(
    "jenis,tanggal,nomor",
    [
        ("bulanan", date(2026, 1, 1), 1),
        ("bulanan", date(2026, 12, 31), 12),
        ("triwulanan", date(2026, 4, 1), 2),
        ("triwulanan", date(2026, 3, 31), 1),
        ("semesteran", date(2026, 7, 1), 2),
        ("tahunan", date(2026, 9, 9), 1),
        ("harian", date(2026, 2, 1), 32),
        ("mingguan", date(2026, 1, 8), 2),
    ],
)
def test_periode_ke(jenis, tanggal, nomor):
    assert aturan.periode_ke(jenis, tanggal) == nomor
    mulai, selesai = aturan.rentang_periode(jenis, tanggal.year, nomor)
    assert mulai <= tanggal <= selesai


@pytest.mark.parametrize(
    "jenis", ["harian", "mingguan", "bulanan", "triwulanan", "semesteran", "tahunan"]
)
@pytest.mark.parametrize("tahun", [2024, 2026])
def test_periode_menutup_tahun_tanpa_celah(jenis, tahun):
    hari = date(tahun, 1, 1)
    for n in range(1, aturan.jumlah_periode(jenis, tahun) + 1):
        mulai, selesai = aturan.rentang_periode(jenis, tahun, n)
        assert mulai == hari
        hari = date.fromordinal(selesai.toordinal() + 1)
    assert hari == date(tahun + 1, 1, 1)


def test_label_mengikuti_pengaturan_instansi():
    assert aturan.label_periode("bulanan", 2026, 3) == "Maret 2026"
    assert aturan.label_periode("triwulanan", 2026, 4) == "Triwulan IV 2026"
    assert aturan.label_periode("semesteran", 2026, 1) == "Semester I 2026"
    assert aturan.label_periode("tahunan", 2026, 1) == "Tahun 2026"
    with pytest.raises(ValueError):
        aturan.rentang_periode("bulanan", 2026, 13)


def test_periode_dalam_skp():
    assert aturan.periode_dalam_skp("bulanan", date(2026, 1, 2), date(2026, 12, 31)) == list(
        range(1, 13)
    )
    assert aturan.periode_dalam_skp("triwulanan", date(2026, 5, 1), date(2026, 8, 31)) == [2, 3]
