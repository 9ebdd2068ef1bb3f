"""The SKP deadline ("paling lambat akhir bulan Januari", 000:634-636, 4569-4571), its
reminders and escalation day, on the working-day calendar. Pure: no database, no clock.

Holiday dates are those of the `holidays` package (SKB 3 Menteri): 2014-01-31 Imlek,
2025-01-27 Isra Mikraj, 2025-01-28 cuti bersama Imlek, 2025-01-29 Imlek, 2026-01-16
Isra Mikraj, 2027-01-05 Isra Mikraj, 2026-12-24/25 Natal.
"""

from datetime import date, timedelta

import pytest

from organisasi.hari_kerja import KalenderKerja, Tenggat, libur_nasional
from skp.tenggat import (
    StatusTenggat,
    batas_penetapan,
    mulai_eskalasi,
    rencana_hari_ini,
    status_tenggat,
    tanggal_pengingat,
)

NASIONAL = KalenderKerja()


def _hari(awal: date, akhir: date):
    while awal <= akhir:
        yield awal
        awal += timedelta(days=1)


# --- The deadline -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tahun", "batas", "alasan"),
    [
        (2025, date(2025, 1, 31), "Jumat, hari kerja: tanggal itu sendiri"),
        (2026, date(2026, 1, 30), "Sabtu: Jumat sebelumnya"),
        (2027, date(2027, 1, 29), "Minggu: Jumat sebelumnya"),
        (2014, date(2014, 1, 30), "Jumat libur Tahun Baru Imlek: Kamis sebelumnya"),
        (2028, date(2028, 1, 31), "Senin, hari kerja"),
    ],
)
def test_batas_nasional_hari_kerja_terakhir_sampai_31_januari(tahun, batas, alasan):
    hasil = batas_penetapan(NASIONAL, tahun)
    assert hasil.tanggal == batas, alasan
    assert hasil.mulai == date(tahun, 1, 31)
    assert hasil.hari_kerja == 0
    assert hasil.sidik_kalender == NASIONAL.sidik
    assert isinstance(hasil, Tenggat)


def test_imlek_2014_memang_jatuh_pada_31_januari():
    # Guards the case above against a change in the holidays data.
    assert libur_nasional(2014)[date(2014, 1, 31)].nama == "Tahun Baru Imlek"


@pytest.mark.parametrize("tahun", range(2001, 2100))
def test_setiap_tahun_batas_adalah_hari_kerja_terakhir_sebelum_tanggal_nominal(tahun):
    batas = batas_penetapan(NASIONAL, tahun)
    assert batas.tanggal <= batas.mulai == date(tahun, 1, 31)
    assert NASIONAL.adalah_hari_kerja(batas.tanggal)
    # No working day lies between the deadline and the nominal date.
    assert NASIONAL.hitung_hari_kerja(batas.tanggal, batas.mulai) == 0
    # Never more than a long weekend plus holidays away.
    assert (batas.mulai - batas.tanggal).days <= 6


def test_libur_instansi_pada_batas_memajukan_batas():
    kalender = KalenderKerja(libur_instansi={date(2026, 1, 30): "Hari jadi kota"})
    batas = batas_penetapan(kalender, 2026)
    assert batas.tanggal == date(2026, 1, 29)
    assert batas.sidik_kalender == kalender.sidik != NASIONAL.sidik


def test_sabtu_yang_dinyatakan_hari_kerja_menjadi_batas():
    kalender = KalenderKerja(masuk_instansi={date(2026, 1, 31): "Hari kerja pengganti"})
    assert batas_penetapan(kalender, 2026).tanggal == date(2026, 1, 31)


def test_libur_nasional_yang_dibatalkan_instansi_menjadi_batas():
    kalender = KalenderKerja(masuk_instansi={date(2014, 1, 31): "Tetap masuk"})
    assert batas_penetapan(kalender, 2014).tanggal == date(2014, 1, 31)


@pytest.mark.parametrize(
    ("tahun", "hari", "bulan", "batas"),
    [
        (2026, 15, 2, date(2026, 2, 13)),  # Sunday -> Friday
        (2026, 17, 2, date(2026, 2, 13)),  # Imlek Tue, cuti bersama Mon, weekend -> Friday
        (2026, 28, 2, date(2026, 2, 27)),  # Saturday -> Friday
        (2026, 31, 3, date(2026, 3, 31)),
        (2027, 5, 1, date(2027, 1, 4)),  # Isra Mikraj Tue -> Monday
        (2026, 1, 1, date(2025, 12, 31)),  # New Year: the working day before, last year
    ],
)
def test_tanggal_batas_pilihan_instansi(tahun, hari, bulan, batas):
    hasil = batas_penetapan(NASIONAL, tahun, hari, bulan)
    assert hasil.tanggal == batas
    assert hasil.mulai == date(tahun, bulan, hari)


def test_29_februari_tahun_biasa_dibaca_akhir_februari():
    assert batas_penetapan(NASIONAL, 2027, 29, 2).mulai == date(2027, 2, 28)
    assert batas_penetapan(NASIONAL, 2027, 29, 2).tanggal == date(2027, 2, 26)  # Sun -> Fri
    assert batas_penetapan(NASIONAL, 2028, 29, 2).tanggal == date(2028, 2, 29)  # leap, Tue


@pytest.mark.parametrize(("hari", "bulan"), [(31, 0), (31, 13), (0, 1), (-1, 1)])
def test_tanggal_atau_bulan_mustahil_ditolak(hari, bulan):
    with pytest.raises(ValueError):
        batas_penetapan(NASIONAL, 2026, hari, bulan)


# --- Reminders, counted in working days -------------------------------------------------------


@pytest.mark.parametrize(
    ("tahun", "sepuluh", "tiga"),
    [
        # 16 Jan 2026 (Isra Mikraj) does not count: the 10th working day is the 15th.
        (2026, date(2026, 1, 15), date(2026, 1, 27)),
        (2027, date(2027, 1, 15), date(2027, 1, 26)),
        # 27-29 Jan 2025: Isra Mikraj, cuti bersama, Imlek; 3 HK before Fri 31 is Thu 23.
        (2025, date(2025, 1, 14), date(2025, 1, 23)),
        (2014, date(2014, 1, 16), date(2014, 1, 27)),
    ],
)
def test_pengingat_10_dan_3_hari_kerja_sebelum_batas(tahun, sepuluh, tiga):
    batas = batas_penetapan(NASIONAL, tahun)
    assert tanggal_pengingat(NASIONAL, batas, [10, 3]) == [sepuluh, tiga]
    assert tanggal_pengingat(NASIONAL, batas, [3, 10]) == [tiga, sepuluh]  # input order
    assert NASIONAL.hitung_hari_kerja(sepuluh, batas.tanggal) == 10
    assert NASIONAL.hitung_hari_kerja(tiga, batas.tanggal) == 3


def test_pengingat_mengikuti_libur_instansi():
    kalender = KalenderKerja(libur_instansi={date(2026, 1, 28): "Cuti daerah"})
    batas = batas_penetapan(kalender, 2026)
    assert tanggal_pengingat(kalender, batas, [3]) == [date(2026, 1, 26)]


def test_pengingat_boleh_jatuh_pada_desember_tahun_sebelumnya():
    batas = batas_penetapan(NASIONAL, 2027, 5, 1)  # Mon 4 Jan 2027
    # Back over 1 Jan, Christmas and its cuti bersama (24-25 Dec 2026).
    assert tanggal_pengingat(NASIONAL, batas, [10, 3]) == [date(2026, 12, 16), date(2026, 12, 29)]


@pytest.mark.parametrize("tahun", [2014, 2025, 2026, 2027, 2031, 2033])
@pytest.mark.parametrize("n", [1, 2, 3, 5, 10, 20, 60])
def test_pengingat_kebalikan_tambah_hari_kerja(tahun, n):
    batas = batas_penetapan(NASIONAL, tahun)
    (tanggal,) = tanggal_pengingat(NASIONAL, batas, [n])
    assert NASIONAL.adalah_hari_kerja(tanggal)
    assert NASIONAL.tambah_hari_kerja(tanggal, n) == batas.tanggal


def test_jumlah_hari_kerja_harus_positif():
    with pytest.raises(ValueError):
        NASIONAL.kurangi_hari_kerja(date(2026, 1, 30), 0)
    with pytest.raises(ValueError):
        tanggal_pengingat(NASIONAL, batas_penetapan(NASIONAL, 2026), [10, -3])


def test_tanpa_pengingat():
    assert tanggal_pengingat(NASIONAL, batas_penetapan(NASIONAL, 2026), []) == []


# --- After the deadline -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tahun", "eskalasi"),
    [
        (2026, date(2026, 2, 2)),  # deadline Fri 30 Jan -> Mon 2 Feb
        (2027, date(2027, 2, 1)),
        (2025, date(2025, 2, 3)),
        (2014, date(2014, 2, 3)),  # deadline Thu 30 Jan, Fri 31 Imlek -> Mon 3 Feb
    ],
)
def test_eskalasi_hari_kerja_pertama_setelah_batas(tahun, eskalasi):
    assert mulai_eskalasi(NASIONAL, batas_penetapan(NASIONAL, tahun)) == eskalasi


@pytest.mark.parametrize(
    ("hari_ini", "status"),
    [
        (date(2026, 1, 2), StatusTenggat.BERJALAN),
        (date(2026, 1, 29), StatusTenggat.BERJALAN),
        (date(2026, 1, 30), StatusTenggat.HARI_TERAKHIR),
        (date(2026, 1, 31), StatusTenggat.LEWAT),  # the nominal date, a Saturday
        (date(2026, 2, 2), StatusTenggat.LEWAT),
    ],
)
def test_status_tenggat(hari_ini, status):
    hasil = status_tenggat(batas_penetapan(NASIONAL, 2026), hari_ini)
    assert hasil is status
    assert hasil.label


# --- The plan of each day --------------------------------------------------------------------


def _rencana_januari_februari(kalender=NASIONAL, tahun=2026, **atur):
    return {
        h: rencana_hari_ini(kalender, tahun, h, **atur)
        for h in _hari(date(tahun - 1, 12, 1), date(tahun, 3, 31))
    }


def test_rencana_2026_hari_demi_hari():
    rencana = _rencana_januari_februari()
    pengingat = {h: r.pengingat for h, r in rencana.items() if r.pengingat is not None}
    eskalasi = [h for h, r in rencana.items() if r.eskalasi]
    # 10 HK reminder due from its day until the 3 HK one takes over, working days only.
    assert {h for h, n in pengingat.items() if n == 10} == {
        date(2026, 1, d) for d in (15, 19, 20, 21, 22, 23, 26)
    }
    assert {h for h, n in pengingat.items() if n == 3} == {
        date(2026, 1, d) for d in (27, 28, 29, 30)
    }
    # Escalation from Monday 2 Feb, every working day after (later runs catch up).
    assert eskalasi[0] == date(2026, 2, 2)
    assert all(NASIONAL.adalah_hari_kerja(h) for h in eskalasi)
    assert date(2026, 1, 31) not in eskalasi and date(2026, 2, 1) not in eskalasi
    assert not any(r.pengingat and r.eskalasi for r in rencana.values())
    assert all(r.batas.tanggal == date(2026, 1, 30) for r in rencana.values())


def test_tidak_ada_apa_pun_pada_hari_libur():
    for h in (date(2026, 1, 16), date(2026, 1, 17), date(2026, 1, 31), date(2026, 2, 17)):
        assert not rencana_hari_ini(NASIONAL, 2026, h).ada


def test_pengingat_terlewat_hanya_yang_terakhir_dikejar():
    # Beat was down from the 10 HK to the 3 HK reminder day: only the 3 HK one is sent.
    assert rencana_hari_ini(NASIONAL, 2026, date(2026, 1, 28)).pengingat == 3
    assert rencana_hari_ini(NASIONAL, 2026, date(2026, 1, 14)).pengingat is None


def test_rencana_pengaturan_instansi():
    rencana = _rencana_januari_februari(hari=15, bulan=2, pengingat=[5])
    pengingat = sorted(h for h, r in rencana.items() if r.pengingat == 5)
    # Deadline Fri 13 Feb 2026; 5 HK before it is Fri 6 Feb.
    assert pengingat[0] == date(2026, 2, 6)
    assert pengingat[-1] == date(2026, 2, 13)
    assert min(h for h, r in rencana.items() if r.eskalasi) == date(2026, 2, 18)  # after Imlek


def test_rencana_tanpa_pengingat_tetap_eskalasi():
    rencana = _rencana_januari_februari(pengingat=[])
    assert all(r.pengingat is None for r in rencana.values())
    assert any(r.eskalasi for r in rencana.values())


def test_pengingat_ganda_tidak_mengubah_apa_pun():
    a = _rencana_januari_februari(pengingat=[10, 3])
    b = _rencana_januari_februari(pengingat=[3, 10, 3])
    assert a == b


def test_rencana_tahun_depan_mulai_desember():
    # Deadline Mon 4 Jan 2027: the 10 HK reminder of the 2027 SKP falls on 16 Dec 2026.
    assert rencana_hari_ini(NASIONAL, 2027, date(2026, 12, 15), hari=5).pengingat is None
    assert rencana_hari_ini(NASIONAL, 2027, date(2026, 12, 16), hari=5).pengingat == 10
    assert rencana_hari_ini(NASIONAL, 2027, date(2026, 12, 29), hari=5).pengingat == 3
