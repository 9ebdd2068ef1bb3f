"""The shared deadline timers, pure part (organisasi.tenggat): due dates counted in working
days or to a calendar date, and the explanation every due date carries. No database.

Holidays (SKB 3 Menteri via `holidays`): 2026-02-16 cuti bersama Imlek, 2026-02-17 Imlek,
2026-03-18..24 Nyepi/Idulfitri with cuti bersama, 2026-01-16 Isra Mikraj.
"""

from datetime import date, timedelta

import pytest

from organisasi.hari_kerja import KalenderKerja
from organisasi.tenggat import (
    ESKALASI,
    hari_pengingat,
    hari_tanggal,
    hitung_jatuh_tempo,
    hitung_tanggal_tetap,
    langkah_hari_ini,
    langkah_pengingat,
    penjelasan,
    tanggal_pengingat,
)

NASIONAL = KalenderKerja()


def _jt(kalender=NASIONAL, mulai=date(2026, 2, 2), n=14, peristiwa="penyampaian hasil evaluasi"):
    return hitung_jatuh_tempo(kalender, peristiwa=peristiwa, mulai=mulai, hari_kerja=n)


# --- N working days from an event ----------------------------------------------------------


def test_14_hari_kerja_melewati_akhir_pekan_dan_imlek():
    jt = _jt()  # Mon 2 Feb 2026: 14 HK over two weekends and Imlek (16-17 Feb)
    assert jt.tanggal == date(2026, 2, 24)
    assert [h.tanggal for h in jt.akhir_pekan] == [date(2026, 2, d) for d in (7, 8, 14, 15, 21, 22)]
    assert [(h.tanggal, h.libur) for h in jt.libur] == [
        (date(2026, 2, 16), True),
        (date(2026, 2, 17), True),
    ]
    assert jt.rincian == [
        "Dihitung sejak penyampaian hasil evaluasi pada Senin, 2 Februari 2026 (hari itu "
        "tidak dihitung): 14 hari kerja, sampai Selasa, 24 Februari 2026.",
        "Sabtu/Minggu yang dilewati (6 hari): 7 Februari 2026, 8 Februari 2026, "
        "14 Februari 2026, 15 Februari 2026, 21 Februari 2026, 22 Februari 2026.",
        f"Hari libur yang dilewati (2 hari): 16 Februari 2026 ({jt.libur[0].alasan}), "
        f"17 Februari 2026 ({jt.libur[1].alasan}).",
    ]
    assert "Imlek" in jt.libur[1].alasan
    assert jt.penjelasan == penjelasan(jt) == " ".join(jt.rincian)


def test_tanpa_hari_dilewati():
    jt = _jt(mulai=date(2026, 2, 2), n=3)  # Mon -> Thu
    assert jt.tanggal == date(2026, 2, 5) and jt.dilewati == ()
    assert jt.rincian[-1] == "Tidak ada akhir pekan atau hari libur di antaranya."


def test_peristiwa_pada_akhir_pekan_tidak_dihitung():
    # Event on a Saturday: counting starts Monday, and the event day is not "skipped".
    jt = _jt(mulai=date(2026, 2, 7), n=1)
    assert jt.tanggal == date(2026, 2, 9)
    assert [h.tanggal for h in jt.dilewati] == [date(2026, 2, 8)]


def test_libur_yang_ditambahkan_kemudian_menggeser_tanggal():
    sebelum = _jt(n=7)
    kalender = KalenderKerja(libur_instansi={date(2026, 2, 5): "Hari jadi kota"})
    sesudah = _jt(kalender, n=7)
    assert sebelum.tanggal == date(2026, 2, 11)
    assert sesudah.tanggal == date(2026, 2, 12)
    assert [h.alasan for h in sesudah.libur] == ["Hari jadi kota (libur instansi)"]
    assert "Hari jadi kota (libur instansi)" in sesudah.penjelasan


def test_hari_kerja_pengganti_memendekkan_tanggal():
    kalender = KalenderKerja(masuk_instansi={date(2026, 2, 7): "Sabtu pengganti"})
    assert _jt(kalender, n=5).tanggal == date(2026, 2, 7)
    assert date(2026, 2, 7) not in [h.tanggal for h in _jt(kalender, n=6).dilewati]


@pytest.mark.parametrize("mulai", [date(2026, 1, 1) + timedelta(days=i) for i in range(0, 365, 11)])
@pytest.mark.parametrize("n", [1, 7, 14, 30])
def test_setiap_hari_antara_peristiwa_dan_batas_dihitung_atau_dilewati(mulai, n):
    jt = _jt(mulai=mulai, n=n)
    antara = [mulai + timedelta(days=i) for i in range(1, (jt.tanggal - mulai).days + 1)]
    kerja = [t for t in antara if NASIONAL.adalah_hari_kerja(t)]
    assert len(kerja) == n and kerja[-1] == jt.tanggal
    assert sorted(set(antara) - set(kerja)) == [h.tanggal for h in jt.dilewati]


# --- A calendar date ---------------------------------------------------------------------------


def test_tanggal_tetap_pada_hari_kerja():
    jt = hitung_tanggal_tetap(NASIONAL, peristiwa="akhir bulan Maret", nominal=date(2026, 3, 31))
    assert jt.tanggal == date(2026, 3, 31) and jt.dilewati == ()
    assert jt.rincian[-1] == "Tanggal itu hari kerja, maka batasnya tanggal itu sendiri."


def test_tanggal_tetap_pada_libur_panjang_mundur_ke_hari_kerja_terakhir():
    # 18-24 March 2026: Nyepi, Idulfitri and cuti bersama, with a weekend in between.
    jt = hitung_tanggal_tetap(NASIONAL, peristiwa="uji", nominal=date(2026, 3, 22))
    assert jt.tanggal == date(2026, 3, 17)
    assert [h.tanggal for h in jt.dilewati] == [date(2026, 3, d) for d in range(18, 23)]
    assert all(h.libur for h in jt.dilewati)  # Idulfitri itself fell on Sat 21 and Sun 22
    assert "maka batasnya hari kerja terakhir sebelumnya: Selasa, 17 Maret 2026" in jt.penjelasan


@pytest.mark.parametrize("n", [1, 3, 7, 10, 14, 60])
def test_nama_langkah_pengingat_bolak_balik(n):
    assert hari_pengingat(langkah_pengingat(n)) == n


def test_hari_tanggal():
    assert hari_tanggal(date(2026, 1, 30)) == "Jumat, 30 Januari 2026"


# --- Which step today --------------------------------------------------------------------------


def test_langkah_hari_ini_untuk_tenggat_hari_kerja():
    jt = _jt(n=14)  # due Tue 24 Feb
    (tujuh,) = tanggal_pengingat(NASIONAL, jt.tanggal, [7])
    assert tujuh == date(2026, 2, 11)  # back over Imlek (16-17 Feb) and a weekend
    langkah = {
        d: langkah_hari_ini(NASIONAL, jt, d, pengingat=(7,))
        for d in (date(2026, 2, 10), tujuh, date(2026, 2, 24), date(2026, 2, 25))
    }
    assert langkah == {
        date(2026, 2, 10): None,
        tujuh: langkah_pengingat(7),
        date(2026, 2, 24): "pengingat-7hk",
        date(2026, 2, 25): ESKALASI,
    }
    assert langkah_hari_ini(NASIONAL, jt, date(2026, 2, 28), pengingat=(7,)) is None  # Saturday
    assert langkah_hari_ini(NASIONAL, jt, date(2026, 2, 25), eskalasi=False) is None
