"""The SKP deadline ("paling lambat akhir bulan Januari", 000:634-636, 4569-4571), its
reminders and escalation day, on the shared timers (organisasi.tenggat) and the
working-day calendar. Pure: no database, no clock.

Holiday dates are those of the `holidays` package (SKB 3 Menteri): 2014-01-31 Imlek,
2025-01-27 Isra Mikraj, 2025-01-28 cuti bersama Imlek, 2025-01-29 Imlek, 2026-01-16
Isra Mikraj, 2027-01-05 Isra Mikraj, 2026-12-24/25 Natal.
"""

from datetime import date, timedelta

import pytest

from organisasi.hari_kerja import KalenderKerja, libur_nasional
from organisasi.tenggat import ESKALASI, JatuhTempo, langkah_hari_ini, sisa_hari_kerja
from skp.tenggat import batas_penetapan, tanggal_pengingat

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
    assert hasil.hari_kerja is None and hasil.tanggal_tetap
    assert hasil.peristiwa == "SKP ditetapkan paling lambat akhir bulan Januari"
    assert isinstance(hasil, JatuhTempo)
    # The days between the deadline and the nominal date are the ones it skipped.
    assert [h.tanggal for h in hasil.dilewati] == [
        batas + timedelta(days=i) for i in range(1, (date(tahun, 1, 31) - batas).days + 1)
    ]


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
    assert [h.alasan for h in batas.dilewati] == [
        "Hari jadi kota (libur instansi)",
        "Sabtu",
    ]


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
    rencana = _rencana_januari_februari(tahun=tahun)
    assert min(h for h, r in rencana.items() if r == ESKALASI) == eskalasi


@pytest.mark.parametrize(
    ("hari_ini", "sisa"),
    [
        (date(2026, 1, 2), "paling lambat 30 Januari 2026 (19 hari kerja lagi)"),
        (date(2026, 1, 29), "paling lambat 30 Januari 2026 (1 hari kerja lagi)"),
        (date(2026, 1, 30), "paling lambat hari ini, 30 Januari 2026"),
        (date(2026, 1, 31), "batasnya 30 Januari 2026 telah lewat"),  # nominal date, Saturday
        (date(2026, 2, 2), "batasnya 30 Januari 2026 telah lewat"),
    ],
)
def test_sisa_hari_kerja(hari_ini, sisa):
    assert sisa_hari_kerja(NASIONAL, batas_penetapan(NASIONAL, 2026), hari_ini) == sisa


# --- The plan of each day --------------------------------------------------------------------


def _rencana_hari_ini(kalender, tahun, hari_ini, *, hari=31, bulan=1, pengingat=(10, 3)):
    batas = batas_penetapan(kalender, tahun, hari, bulan)
    return langkah_hari_ini(kalender, batas, hari_ini, pengingat=pengingat)


def _rencana_januari_februari(kalender=NASIONAL, tahun=2026, **atur):
    return {
        h: _rencana_hari_ini(kalender, tahun, h, **atur)
        for h in _hari(date(tahun - 1, 12, 1), date(tahun, 3, 31))
    }


def test_rencana_2026_hari_demi_hari():
    rencana = _rencana_januari_februari()
    pengingat = {h: r for h, r in rencana.items() if r and r.startswith("pengingat")}
    eskalasi = [h for h, r in rencana.items() if r == ESKALASI]
    # 10 HK reminder due from its day until the 3 HK one takes over, working days only.
    assert {h for h, n in pengingat.items() if n == "pengingat-10hk"} == {
        date(2026, 1, d) for d in (15, 19, 20, 21, 22, 23, 26)
    }
    assert {h for h, n in pengingat.items() if n == "pengingat-3hk"} == {
        date(2026, 1, d) for d in (27, 28, 29, 30)
    }
    # Escalation from Monday 2 Feb, every working day after (later runs catch up).
    assert eskalasi[0] == date(2026, 2, 2)
    assert all(NASIONAL.adalah_hari_kerja(h) for h in eskalasi)
    assert date(2026, 1, 31) not in eskalasi and date(2026, 2, 1) not in eskalasi
    assert set(rencana.values()) == {None, "pengingat-10hk", "pengingat-3hk", ESKALASI}


def test_tidak_ada_apa_pun_pada_hari_libur():
    for h in (date(2026, 1, 16), date(2026, 1, 17), date(2026, 1, 31), date(2026, 2, 17)):
        assert _rencana_hari_ini(NASIONAL, 2026, h) is None


def test_pengingat_terlewat_hanya_yang_terakhir_dikejar():
    # Beat was down from the 10 HK to the 3 HK reminder day: only the 3 HK one is sent.
    assert _rencana_hari_ini(NASIONAL, 2026, date(2026, 1, 28)) == "pengingat-3hk"
    assert _rencana_hari_ini(NASIONAL, 2026, date(2026, 1, 14)) is None


def test_rencana_pengaturan_instansi():
    rencana = _rencana_januari_februari(hari=15, bulan=2, pengingat=[5])
    pengingat = sorted(h for h, r in rencana.items() if r == "pengingat-5hk")
    # Deadline Fri 13 Feb 2026; 5 HK before it is Fri 6 Feb.
    assert pengingat[0] == date(2026, 2, 6)
    assert pengingat[-1] == date(2026, 2, 13)
    assert min(h for h, r in rencana.items() if r == ESKALASI) == date(2026, 2, 18)  # after Imlek


def test_rencana_tanpa_pengingat_tetap_eskalasi():
    rencana = _rencana_januari_februari(pengingat=[])
    assert set(rencana.values()) == {None, ESKALASI}


def test_pengingat_ganda_tidak_mengubah_apa_pun():
    a = _rencana_januari_februari(pengingat=[10, 3])
    b = _rencana_januari_februari(pengingat=[3, 10, 3])
    assert a == b


def test_rencana_tahun_depan_mulai_desember():
    # Deadline Mon 4 Jan 2027: the 10 HK reminder of the 2027 SKP falls on 16 Dec 2026.
    assert _rencana_hari_ini(NASIONAL, 2027, date(2026, 12, 15), hari=5) is None
    assert _rencana_hari_ini(NASIONAL, 2027, date(2026, 12, 16), hari=5) == "pengingat-10hk"
    assert _rencana_hari_ini(NASIONAL, 2027, date(2026, 12, 29), hari=5) == "pengingat-3hk"


def test_penjelasan_batas_januari_2026():
    batas = batas_penetapan(NASIONAL, 2026)
    assert batas.rincian == [
        "Batas menurut ketentuan: SKP ditetapkan paling lambat akhir bulan Januari, "
        "Sabtu, 31 Januari 2026.",
        "31 Januari 2026 bukan hari kerja, maka batasnya hari kerja terakhir sebelumnya: "
        "Jumat, 30 Januari 2026.",
    ]


def test_penjelasan_batas_pada_hari_libur_imlek_2014():
    batas = batas_penetapan(NASIONAL, 2014)
    assert "31 Januari 2014 (Tahun Baru Imlek) bukan hari kerja" in batas.penjelasan
    assert "Kamis, 30 Januari 2014" in batas.penjelasan


def test_penjelasan_batas_pengaturan_instansi():
    batas = batas_penetapan(NASIONAL, 2026, 15, 2)
    assert batas.peristiwa == (
        "SKP ditetapkan paling lambat tanggal 15 Februari (pengaturan instansi)"
    )
    assert batas_penetapan(NASIONAL, 2026, 28, 2).peristiwa.endswith(
        "tanggal 28 Februari (pengaturan instansi)"
    )
    assert batas_penetapan(NASIONAL, 2026, 30, 4).peristiwa.endswith("akhir bulan April")
