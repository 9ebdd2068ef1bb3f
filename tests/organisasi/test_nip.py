"""The NIP structure check: every rule, each with its exact message."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from organisasi.nip import LAKI_LAKI, PEREMPUAN, InfoNip, periksa_nip

HARI_INI = date(2026, 5, 15)
LEBAR = "１９８７０３１２２０１００１１００４"  # full-width digits
KELAMIN_SALAH = "Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), bukan {}."
URUT_SALAH = "Nomor urut pada NIP (angka ke-16 sampai ke-18) harus 001 sampai 999, bukan 000."
PANJANG_SALAH = "NIP harus terdiri dari 18 angka; '{}' berisi {} angka."
BULAN_SALAH = (
    "Angka ke-13 dan ke-14 NIP ({}) harus bulan TMT CPNS 01 sampai 12 "
    "(atau, untuk NI PPPK, angka 2 diikuti perjanjian kerja ke-1 sampai ke-9)."
)

L, P = LAKI_LAKI, PEREMPUAN


def _info(nip, lahir, tmt, jk, urut, **lain):
    return InfoNip(nip, lahir, tmt, jk, urut, **lain)


BAIK = [
    ("198703122010011004", _info("198703122010011004", date(1987, 3, 12), (2010, 1), L, 4)),
    ("199001052015032003", _info("199001052015032003", date(1990, 1, 5), (2015, 3), P, 3)),
    # Spaces as NIPs are usually printed.
    ("19870312 201001 1 004", _info("198703122010011004", date(1987, 3, 12), (2010, 1), L, 4)),
    (" 198512302009121001 ", _info("198512302009121001", date(1985, 12, 30), (2009, 12), L, 1)),
    # Leap day.
    ("200002292021022999", _info("200002292021022999", date(2000, 2, 29), (2021, 2), P, 999)),
    # TMT in the very month the person turns 18.
    ("199806152016061001", _info("199806152016061001", date(1998, 6, 15), (2016, 6), L, 1)),
    # A NIP issued ahead of its TMT: exactly 12 months ahead is still accepted.
    ("200301012027051001", _info("200301012027051001", date(2003, 1, 1), (2027, 5), L, 1)),
    # NI PPPK: digit 13 is the PPPK marker 2, digit 14 the work agreement, the TMT a year.
    ("197805172023212005", _info("197805172023212005", date(1978, 5, 17), (2023, None), P, 5,
                                 pppk=True, perjanjian_ke=1)),
    ("200012312024231001", _info("200012312024231001", date(2000, 12, 31), (2024, None), L, 1,
                                 pppk=True, perjanjian_ke=3)),
    ("200001012027211001", _info("200001012027211001", date(2000, 1, 1), (2027, None), L, 1,
                                 pppk=True, perjanjian_ke=1)),
]  # fmt: skip

BURUK = [
    ("", "NIP wajib diisi."),
    ("   ", "NIP wajib diisi."),
    ("19870312201001100A", "NIP hanya boleh berisi angka: '19870312201001100A'."),
    ("1987-03-12-2010-01-1-004", "NIP hanya boleh berisi angka: '1987-03-12-2010-01-1-004'."),
    ("1.98703E+17", "NIP hanya boleh berisi angka: '1.98703E+17'."),
    # Full-width digits are digits to Python, not to a NIP.
    (LEBAR, f"NIP hanya boleh berisi angka: '{LEBAR}'."),
    ("19870312201001100", PANJANG_SALAH.format("19870312201001100", 17)),
    ("1987031220100110041", PANJANG_SALAH.format("1987031220100110041", 19)),
    ("198703122", PANJANG_SALAH.format("198703122", 9)),
    ("198713122010011004", "Angka ke-1 sampai ke-8 NIP (19871312) bukan tanggal lahir yang valid "
     "(format TTTTBBHH: tahun, bulan, tanggal)."),
    ("198700122010011004", "Angka ke-1 sampai ke-8 NIP (19870012) bukan tanggal lahir yang valid "
     "(format TTTTBBHH: tahun, bulan, tanggal)."),
    ("198702302010011004", "Angka ke-1 sampai ke-8 NIP (19870230) bukan tanggal lahir yang valid "
     "(format TTTTBBHH: tahun, bulan, tanggal)."),
    ("199902292020011004", "Angka ke-1 sampai ke-8 NIP (19990229) bukan tanggal lahir yang valid "
     "(format TTTTBBHH: tahun, bulan, tanggal)."),
    ("000001012010011004", "Angka ke-1 sampai ke-8 NIP (00000101) bukan tanggal lahir yang valid "
     "(format TTTTBBHH: tahun, bulan, tanggal)."),
    ("202605162026061001", "Tanggal lahir pada NIP (16 Mei 2026) belum terjadi."),
    ("198703122010001004", BULAN_SALAH.format("00")),
    ("198703122010131004", BULAN_SALAH.format("13")),
    ("198703122010391004", BULAN_SALAH.format("39")),
    ("198703122010901004", BULAN_SALAH.format("90")),
    ("199806152016051001", "TMT CPNS pada NIP (Mei 2016) lebih awal daripada usia 18 tahun "
     "pegawai (lahir 15 Juni 1998)."),
    ("198703121987031004", "TMT CPNS pada NIP (Maret 1987) lebih awal daripada usia 18 tahun "
     "pegawai (lahir 12 Maret 1987)."),
    ("198703121980031004", "TMT CPNS pada NIP (Maret 1980) lebih awal daripada usia 18 tahun "
     "pegawai (lahir 12 Maret 1987)."),
    ("200301012027061001", "TMT CPNS pada NIP (Juni 2027) terlalu jauh di masa depan."),
    ("198703122099011004", "TMT CPNS pada NIP (Januari 2099) terlalu jauh di masa depan."),
    ("197805172023202005", "Angka ke-14 NI PPPK (perjanjian kerja ke-) harus 1 sampai 9, bukan 0."),
    ("200506012022211001", "TMT PPPK pada NIP (2022) lebih awal daripada usia 18 tahun "
     "pegawai (lahir 1 Juni 2005)."),
    ("197805172028212005", "TMT PPPK pada NIP (2028) terlalu jauh di masa depan."),
    ("197805172023213005", KELAMIN_SALAH.format("3")),
    ("197805172023212000", URUT_SALAH),
    ("198703122010010004", KELAMIN_SALAH.format("0")),
    ("198703122010013004", KELAMIN_SALAH.format("3")),
    ("198703122010019004", KELAMIN_SALAH.format("9")),
    ("198703122010011000", URUT_SALAH),
]  # fmt: skip


@pytest.mark.parametrize(("nip", "info"), BAIK, ids=[n for n, _ in BAIK])
def test_nip_baik(nip, info):
    assert periksa_nip(nip, hari_ini=HARI_INI) == info


@pytest.mark.parametrize(("nip", "pesan"), BURUK, ids=[n or "kosong" for n, _ in BURUK])
def test_nip_buruk(nip, pesan):
    with pytest.raises(ValidationError) as exc:
        periksa_nip(nip, hari_ini=HARI_INI)
    assert exc.value.messages == [pesan]


def test_tmt_masa_depan_bergantung_pada_hari_ini():
    # The same NIP is fine a month later: no hidden clock.
    nip = "200301012027061001"
    with pytest.raises(ValidationError):
        periksa_nip(nip, hari_ini=HARI_INI)
    assert periksa_nip(nip, hari_ini=date(2026, 6, 1)).tmt == (2027, 6)


def test_kode_galat_dapat_dipakai_program():
    with pytest.raises(ValidationError) as exc:
        periksa_nip("198703122010011000", hari_ini=HARI_INI)
    assert exc.value.code == "nip_urut"


def test_tanpa_hari_ini_hanya_struktur_yang_diperiksa():
    # Callers without a date (e.g. a display helper) get the structure checks only.
    assert periksa_nip("198703122099011004").tmt == (2099, 1)
    with pytest.raises(ValidationError):
        periksa_nip("198703122010131004")
