import itertools
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


# --- Correcting a documented realisation -------------------------------------------------


@pytest.mark.parametrize(
    "pemilik,berlaku,dimulai,dinilai",
    list(itertools.product([True, False], [True, False], [True, False], [None, "Maret 2026"])),
)
def test_periksa_ubah_realisasi_setiap_keadaan(pemilik, berlaku, dimulai, dinilai):
    pesan = aturan.periksa_ubah_realisasi(
        pemilik=pemilik, skp_berlaku=berlaku, periode_dimulai=dimulai, dinilai=dinilai
    )
    if pemilik and berlaku and dimulai and not dinilai:
        assert pesan is None
        return
    # The first reason that applies, in the order a person would want to hear it.
    if not pemilik:
        assert pesan.startswith("Hanya pegawai yang mendokumentasikan")
    elif not berlaku:
        assert "tidak berlaku lagi" in pesan
    elif not dimulai:
        assert pesan == "Periode ini belum dimulai."
    else:
        assert "Evaluasi kinerja Maret 2026 sudah dinilai pejabat penilai" in pesan


@pytest.mark.parametrize("tersisa", range(0, 12))
@pytest.mark.parametrize("baru", range(0, 12))
@pytest.mark.parametrize("dihapus", [0, 1])
def test_periksa_jumlah_bukti(tersisa, baru, dihapus):
    pesan = aturan.periksa_jumlah_bukti(tersisa=tersisa, baru=baru, batas=10, dihapus=dihapus)
    if tersisa + baru == 0 and dihapus:
        assert "harus tetap memiliki bukti dukung" in pesan
    elif tersisa + baru == 0:
        assert pesan == "Lampirkan bukti dukung hasil kerja: unggah berkas atau tautan."
    elif tersisa + baru > 10:
        assert pesan == "Paling banyak 10 bukti per realisasi."
    else:
        assert pesan is None


@pytest.mark.parametrize("salah", [{"tersisa": -1}, {"baru": -1}, {"dihapus": -1}])
def test_periksa_bukti_jumlah_negatif_adalah_galat_program(salah):
    with pytest.raises(ValueError):
        aturan.periksa_jumlah_bukti(**{"tersisa": 1, "baru": 1, "batas": 10, **salah})
