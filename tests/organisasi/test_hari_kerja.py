"""Working days (hari kerja) and deadlines: organisasi/hari_kerja.py and the calendar screen.

The deadlines are those of Permenpan RB 6/2022, Lampiran (seed 000), all in hari kerja:
14 HK to deliver the signed evaluation (000:8292-8296) and to sign and return it
(000:8298-8304); 30 HK to report upward after the window ends (000:8379-8385);
14 HK for the atasan's D.1.2 (000:8387-8398); 7 HK to deliver and return D.1.2
(000:8400-8414); 14 HK to file a keberatan (000:8526-8530) and 7 HK to decide it
(000:8548-8552). The regulation never defines a working day (000:8294); holiday
dates are those of the `holidays` package (SKB 3 Menteri per year), checked by
hand below.
"""

from datetime import date, timedelta

import holidays
import pytest

from organisasi.hari_kerja import (
    LIBUR,
    MASUK,
    KalenderKerja,
    Sumber,
    Tenggat,
    hitung_tenggat,
    kalender_instansi,
    libur_nasional,
    sudah_lewat,
)

NASIONAL = KalenderKerja()
d = date


# --- The national data the deadlines rest on ----------------------------------------------


@pytest.mark.parametrize(
    ("tanggal", "nama", "sumber"),
    [
        # 2025: Nyepi on Saturday, Idul Fitri Monday-Tuesday, four days of cuti bersama.
        (d(2025, 3, 28), "Cuti Bersama Hari Suci Nyepi", Sumber.CUTI_BERSAMA),
        (d(2025, 3, 29), "Hari Suci Nyepi", Sumber.NASIONAL),
        (d(2025, 3, 31), "Hari Raya Idul Fitri", Sumber.NASIONAL),
        (d(2025, 4, 1), "Hari kedua dari Hari Raya Idul Fitri", Sumber.NASIONAL),
        (d(2025, 4, 2), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2025, 4, 3), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2025, 4, 4), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2025, 4, 7), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2025, 12, 26), "Cuti Bersama Hari Raya Natal", Sumber.CUTI_BERSAMA),
        # 2026: Nyepi Thursday, Idul Fitri on the weekend, cuti bersama around it.
        (d(2026, 3, 18), "Cuti Bersama Hari Suci Nyepi", Sumber.CUTI_BERSAMA),
        (d(2026, 3, 19), "Hari Suci Nyepi", Sumber.NASIONAL),
        (d(2026, 3, 20), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2026, 3, 21), "Hari Raya Idul Fitri", Sumber.NASIONAL),
        (d(2026, 3, 22), "Hari kedua dari Hari Raya Idul Fitri", Sumber.NASIONAL),
        (d(2026, 3, 23), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2026, 3, 24), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2026, 12, 24), "Cuti Bersama Hari Raya Natal", Sumber.CUTI_BERSAMA),
        (d(2026, 12, 25), "Hari Raya Natal", Sumber.NASIONAL),
        # 2027: Nyepi Monday; Idul Fitri still an estimate in the package, its cuti bersama not.
        (d(2027, 1, 1), "Tahun Baru Masehi", Sumber.NASIONAL),
        (d(2027, 1, 5), "Isra Mikraj Nabi Muhammad", Sumber.NASIONAL),
        (d(2027, 3, 8), "Hari Suci Nyepi", Sumber.NASIONAL),
        (d(2027, 3, 9), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2027, 3, 10), "Hari Raya Idul Fitri (perkiraan)", Sumber.NASIONAL),
        (d(2027, 3, 11), "Hari kedua dari Hari Raya Idul Fitri (perkiraan)", Sumber.NASIONAL),
        (d(2027, 3, 12), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
        (d(2027, 3, 15), "Cuti Bersama Hari Raya Idul Fitri", Sumber.CUTI_BERSAMA),
    ],
)
def test_libur_nasional_dan_cuti_bersama(tanggal, nama, sumber):
    assert NASIONAL.nama_libur(tanggal) == nama
    assert NASIONAL.libur(tanggal).sumber == sumber
    assert not NASIONAL.adalah_hari_kerja(tanggal)


def test_nama_libur_berbahasa_indonesia_apa_pun_locale_proses(monkeypatch):
    """The package follows LANG unless told otherwise; names must not turn English."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    libur_nasional.cache_clear()
    try:
        assert NASIONAL.nama_libur(d(2026, 12, 25)) == "Hari Raya Natal"
    finally:
        libur_nasional.cache_clear()


def test_hari_biasa_dan_akhir_pekan():
    assert NASIONAL.adalah_hari_kerja(d(2026, 7, 1))  # Wednesday
    assert NASIONAL.nama_libur(d(2026, 7, 1)) is None
    assert not NASIONAL.adalah_hari_kerja(d(2026, 7, 4))  # Saturday
    assert not NASIONAL.adalah_hari_kerja(d(2026, 7, 5))  # Sunday
    # A plain weekend is no holiday: it has no name.
    assert NASIONAL.nama_libur(d(2026, 7, 4)) is None


@pytest.mark.parametrize(("tahun", "jumlah"), [(2025, 237), (2026, 240)])
def test_jumlah_hari_kerja_setahun(tahun, jumlah):
    """261 weekdays each; minus 24 weekday holidays in 2025 and 21 in 2026 (counted by hand)."""
    assert NASIONAL.hitung_hari_kerja(d(tahun - 1, 12, 31), d(tahun, 12, 31)) == jumlah


def test_hari_libur_setahun_dengan_sumbernya():
    daftar = NASIONAL.hari_libur(2026)
    assert [h.tanggal for h in daftar] == sorted(h.tanggal for h in daftar)
    assert sum(h.sumber == Sumber.NASIONAL for h in daftar) == 17
    assert sum(h.sumber == Sumber.CUTI_BERSAMA for h in daftar) == 8
    assert all(h.tanggal.year == 2026 for h in daftar)


def test_tahun_di_luar_rentang_ditolak():
    with pytest.raises(ValueError):
        NASIONAL.adalah_hari_kerja(d(1999, 12, 31))
    with pytest.raises(ValueError):
        NASIONAL.hari_libur(2101)


# --- Adding working days: concrete deadlines -----------------------------------------------


@pytest.mark.parametrize(
    ("mulai", "n", "tenggat"),
    [
        # 14 HK (000:8292-8296) from the last Wednesday before Lebaran 2025: only Thu 27 Mar
        # counts before Nyepi/Idul Fitri/cuti bersama (28 Mar-7 Apr); Good Friday 18 Apr skipped.
        (d(2025, 3, 26), 14, d(2025, 4, 25)),
        # 14 HK (000:8298-8304) from Friday 13 Mar 2026: two days, then 18-24 Mar closed
        # (cuti Nyepi, Nyepi, cuti, Idul Fitri weekend, cuti, cuti), Good Friday 3 Apr.
        # Weekdays alone would give 2 Apr: the holidays cost six working days.
        (d(2026, 3, 13), 14, d(2026, 4, 10)),
        # 14 HK (000:8526-8530) from Friday 5 Mar 2027: 8-15 Mar closed (Nyepi, cuti,
        # Idul Fitri, cuti), then cuti 25 Mar and Good Friday 26 Mar.
        (d(2027, 3, 5), 14, d(2027, 4, 6)),
        # 7 HK (000:8548-8552) across Christmas 2026 and New Year 2027: 24, 25 Dec,
        # 1 Jan and Isra Mikraj 5 Jan 2027 are skipped.
        (d(2026, 12, 23), 7, d(2027, 1, 7)),
        # 14 HK (000:8387-8398) from the same day runs on into mid-January.
        (d(2026, 12, 23), 14, d(2027, 1, 18)),
        # 7 HK (000:8548-8552) across Christmas 2025 (25 Dec, cuti bersama 26 Dec only).
        (d(2025, 12, 18), 7, d(2025, 12, 31)),
        # 30 HK (000:8379-8385) after an annual window ending Sat 31 Jan 2026 (000:6413-6417):
        # Imlek 16-17 Feb skipped; ends the day before the Nyepi/Lebaran closure.
        (d(2026, 1, 31), 30, d(2026, 3, 17)),
        # Nyepi 2026: the working day after Tuesday 17 Mar is Wednesday 25 Mar.
        (d(2026, 3, 17), 1, d(2026, 3, 25)),
        # Weekends: Friday, Saturday and Sunday all lead to Monday.
        (d(2026, 7, 3), 1, d(2026, 7, 6)),
        (d(2026, 7, 4), 1, d(2026, 7, 6)),
        (d(2026, 7, 5), 1, d(2026, 7, 6)),
        (d(2026, 7, 6), 5, d(2026, 7, 13)),
    ],
)
def test_tambah_hari_kerja(mulai, n, tenggat):
    assert NASIONAL.tambah_hari_kerja(mulai, n) == tenggat
    assert NASIONAL.hitung_hari_kerja(mulai, tenggat) == n


def test_nol_hari_kerja_adalah_hari_mulai_itu_sendiri():
    assert NASIONAL.tambah_hari_kerja(d(2026, 7, 1), 0) == d(2026, 7, 1)
    # Even on a holiday: nothing to add, nothing to skip.
    assert NASIONAL.tambah_hari_kerja(d(2026, 3, 21), 0) == d(2026, 3, 21)


def test_jumlah_negatif_ditolak():
    with pytest.raises(ValueError):
        NASIONAL.tambah_hari_kerja(d(2026, 7, 1), -1)


def test_hitung_hari_kerja_selang_setengah_terbuka():
    """(dari, sampai]: the start day never counts, the end day does."""
    assert NASIONAL.hitung_hari_kerja(d(2026, 7, 1), d(2026, 7, 1)) == 0
    assert NASIONAL.hitung_hari_kerja(d(2026, 7, 8), d(2026, 7, 1)) == 0
    assert NASIONAL.hitung_hari_kerja(d(2026, 7, 1), d(2026, 7, 2)) == 1
    assert NASIONAL.hitung_hari_kerja(d(2026, 7, 3), d(2026, 7, 6)) == 1  # Fri -> Mon
    assert NASIONAL.hitung_hari_kerja(d(2026, 7, 3), d(2026, 7, 5)) == 0  # Fri -> Sun
    assert NASIONAL.hitung_hari_kerja(d(2026, 12, 23), d(2027, 1, 7)) == 7


@pytest.mark.parametrize("n", [0, 1, 5, 7, 14, 30])
def test_tambah_dan_hitung_saling_invers_sepanjang_2026(n):
    """Every start day of 2026, for each deadline length the regulation uses."""
    hari = d(2026, 1, 1)
    while hari.year == 2026:
        tenggat = NASIONAL.tambah_hari_kerja(hari, n)
        assert NASIONAL.hitung_hari_kerja(hari, tenggat) == n, hari
        if n:
            # The deadline is a working day, and the earliest date with n working days.
            assert NASIONAL.adalah_hari_kerja(tenggat), hari
            assert NASIONAL.hitung_hari_kerja(hari, tenggat - timedelta(days=1)) == n - 1, hari
        hari += timedelta(days=1)


# --- The agency's own overrides ------------------------------------------------------------


def test_libur_tambahan_menggeser_tenggat_satu_hari_kerja():
    kalender = KalenderKerja(libur_instansi={d(2026, 4, 8): "HUT Kota"})
    assert not kalender.adalah_hari_kerja(d(2026, 4, 8))
    assert kalender.nama_libur(d(2026, 4, 8)) == "HUT Kota"
    # 14 HK (000:8292-8296): 10 Apr nationally, one day later here.
    assert kalender.tambah_hari_kerja(d(2026, 3, 13), 14) == d(2026, 4, 13)


def test_masuk_pada_libur_nasional_menjadi_hari_kerja():
    kalender = KalenderKerja(masuk_instansi={d(2026, 4, 3): "Tetap masuk"})
    assert kalender.adalah_hari_kerja(d(2026, 4, 3))
    assert kalender.nama_libur(d(2026, 4, 3)) is None
    assert kalender.tambah_hari_kerja(d(2026, 3, 13), 14) == d(2026, 4, 9)


def test_masuk_pada_sabtu_pengganti_menjadi_hari_kerja():
    kalender = KalenderKerja(masuk_instansi={d(2026, 3, 28): "Sabtu pengganti"})
    assert kalender.adalah_hari_kerja(d(2026, 3, 28))
    assert not kalender.adalah_hari_kerja(d(2026, 3, 29))
    assert kalender.tambah_hari_kerja(d(2026, 3, 13), 14) == d(2026, 4, 9)
    assert kalender.tambah_hari_kerja(d(2026, 3, 27), 1) == d(2026, 3, 28)


def test_hari_libur_memuat_libur_instansi_dan_membuang_yang_dibatalkan():
    kalender = KalenderKerja(
        libur_instansi={d(2026, 4, 8): "HUT Kota", d(2027, 4, 8): "HUT Kota"},
        masuk_instansi={d(2026, 4, 3): "Tetap masuk"},
    )
    daftar = {h.tanggal: h for h in kalender.hari_libur(2026)}
    assert daftar[d(2026, 4, 8)].sumber == Sumber.INSTANSI
    assert d(2026, 4, 3) not in daftar
    assert d(2027, 4, 8) not in daftar
    assert len(daftar) == len(NASIONAL.hari_libur(2026))


def test_tanggal_tidak_boleh_libur_sekaligus_masuk():
    with pytest.raises(ValueError):
        KalenderKerja(libur_instansi={d(2026, 4, 8): "a"}, masuk_instansi={d(2026, 4, 8): "b"})


def test_dari_perubahan_sama_dengan_konstruktor():
    baris = [(d(2026, 4, 8), LIBUR, "HUT Kota"), (d(2026, 4, 3), MASUK, "Tetap masuk")]
    kalender = KalenderKerja.dari_perubahan(baris)
    assert kalender == KalenderKerja(
        libur_instansi={d(2026, 4, 8): "HUT Kota"}, masuk_instansi={d(2026, 4, 3): "Tetap masuk"}
    )
    assert kalender.diatur_instansi(d(2026, 4, 8)) and kalender.diatur_instansi(d(2026, 4, 3))
    assert not kalender.diatur_instansi(d(2026, 4, 9))


def test_kalender_tidak_berubah_bila_dict_asal_diubah():
    asal = {d(2026, 4, 8): "HUT Kota"}
    kalender = KalenderKerja(libur_instansi=asal)
    sidik = kalender.sidik
    asal[d(2026, 4, 9)] = "Tambahan"
    assert kalender.adalah_hari_kerja(d(2026, 4, 9))
    assert KalenderKerja(libur_instansi={d(2026, 4, 8): "HUT Kota"}).sidik == sidik
    with pytest.raises(TypeError):
        kalender.libur_instansi[d(2026, 4, 10)] = "x"


# --- Fingerprint and deadlines -------------------------------------------------------------


def test_sidik_stabil():
    a = KalenderKerja(libur_instansi={d(2026, 4, 8): "a", d(2026, 5, 8): "b"})
    b = KalenderKerja(libur_instansi={d(2026, 5, 8): "b", d(2026, 4, 8): "a"})
    assert a.sidik == b.sidik
    assert KalenderKerja().sidik == NASIONAL.sidik
    assert len(a.sidik) == 12 and int(a.sidik, 16) >= 0
    # Only dates and kinds move deadlines; rewording a keterangan does not.
    assert KalenderKerja(libur_instansi={d(2026, 4, 8): "x", d(2026, 5, 8): "y"}).sidik == a.sidik


def test_sidik_berubah_bila_pengaturan_berubah():
    dasar = KalenderKerja(libur_instansi={d(2026, 4, 8): "a"})
    varian = [
        NASIONAL,
        KalenderKerja(libur_instansi={d(2026, 4, 9): "a"}),
        KalenderKerja(masuk_instansi={d(2026, 4, 8): "a"}),
        KalenderKerja(libur_instansi={d(2026, 4, 8): "a", d(2026, 4, 9): "b"}),
    ]
    assert len({dasar.sidik, *(k.sidik for k in varian)}) == 1 + len(varian)


def test_sidik_berubah_bila_versi_data_libur_berubah(monkeypatch):
    sebelum = KalenderKerja().sidik
    monkeypatch.setattr(holidays, "__version__", "0.0-uji")
    assert KalenderKerja().sidik != sebelum


def test_hitung_tenggat_mencatat_keadaan_kalender():
    kalender = KalenderKerja(libur_instansi={d(2026, 4, 8): "HUT Kota"})
    tenggat = hitung_tenggat(kalender, d(2026, 3, 13), 14)
    assert tenggat == Tenggat(d(2026, 3, 13), 14, d(2026, 4, 13), kalender.sidik)
    assert hitung_tenggat(NASIONAL, d(2026, 3, 13), 14).sidik_kalender != tenggat.sidik_kalender


def test_sudah_lewat_mulai_sehari_setelah_tenggat():
    """The 14th working day of "paling lama 14 hari kerja" (000:8292-8296) is still in time."""
    tenggat = hitung_tenggat(NASIONAL, d(2026, 3, 13), 14)
    assert not sudah_lewat(tenggat, d(2026, 3, 13))
    assert not sudah_lewat(tenggat, d(2026, 4, 10))
    assert sudah_lewat(tenggat, d(2026, 4, 11))


# --- Loading an agency's calendar from the database ----------------------------------------


def _atur(instansi, tanggal, jenis, keterangan="uji"):
    from organisasi.models import HariKalender
    from organisasi.tenancy import lingkup_instansi

    with lingkup_instansi(instansi):
        HariKalender.objects.create(tanggal=tanggal, jenis=jenis, keterangan=keterangan)


@pytest.mark.django_db
def test_kalender_instansi_membaca_lingkup_aktif(instansi_a, instansi_b):
    """Only the active agency's dates (reading them once per change: test_acuan.py)."""
    from organisasi.tenancy import lingkup_instansi

    _atur(instansi_a, d(2026, 4, 8), LIBUR, "HUT Kota A")
    _atur(instansi_a, d(2026, 4, 3), MASUK)
    _atur(instansi_b, d(2026, 4, 9), LIBUR, "HUT Kabupaten B")
    with lingkup_instansi(instansi_a):
        kalender = kalender_instansi()
    assert dict(kalender.libur_instansi) == {d(2026, 4, 8): "HUT Kota A"}
    assert set(kalender.masuk_instansi) == {d(2026, 4, 3)}
    assert kalender.adalah_hari_kerja(d(2026, 4, 9))


@pytest.mark.django_db
def test_kalender_instansi_menurut_id(instansi_a, instansi_b):
    from organisasi.tenancy import lingkup_instansi

    _atur(instansi_b, d(2026, 4, 9), LIBUR, "HUT Kabupaten B")
    # Outside any scope, and from inside another agency's scope.
    assert set(kalender_instansi(instansi_b.pk).libur_instansi) == {d(2026, 4, 9)}
    with lingkup_instansi(instansi_a):
        assert set(kalender_instansi(instansi_b.pk).libur_instansi) == {d(2026, 4, 9)}
        assert not kalender_instansi().libur_instansi


@pytest.mark.django_db
def test_kalender_instansi_tanpa_lingkup_gagal():
    from organisasi.tenancy import TanpaLingkupInstansi

    with pytest.raises(TanpaLingkupInstansi):
        kalender_instansi()


@pytest.mark.django_db
def test_sidik_per_instansi(instansi_a, instansi_b):
    assert kalender_instansi(instansi_a.pk).sidik == kalender_instansi(instansi_b.pk).sidik
    _atur(instansi_a, d(2026, 4, 8), LIBUR)
    assert kalender_instansi(instansi_a.pk).sidik != kalender_instansi(instansi_b.pk).sidik
    assert kalender_instansi(instansi_b.pk).sidik == NASIONAL.sidik


# --- The agency admin's calendar screen ----------------------------------------------------

HTMX = {"HX-Request": "true"}


def _perubahan(instansi):
    from organisasi.models import HariKalender
    from organisasi.tenancy import lingkup_instansi

    with lingkup_instansi(instansi):
        return list(HariKalender.objects.values_list("tanggal", "jenis", "keterangan"))


@pytest.mark.django_db
def test_halaman_kalender_menampilkan_libur_setahun(admin_a, masuk_sebagai):
    from django.urls import reverse

    respons = masuk_sebagai(admin_a).get(reverse("kalender"), {"tahun": 2026})
    assert respons.status_code == 200
    html = respons.content.decode()
    assert "<html" in html
    assert "Cuti Bersama Hari Raya Idul Fitri" in html
    assert "Hari Suci Nyepi" in html
    assert "240 hari kerja" in html


@pytest.mark.django_db
def test_htmx_mendapat_potongan_halaman(admin_a, masuk_sebagai):
    from django.urls import reverse

    respons = masuk_sebagai(admin_a).get(reverse("kalender"), {"tahun": 2027}, headers=HTMX)
    html = respons.content.decode()
    assert "<html" not in html
    assert 'id="kalender-daftar"' in html
    assert "Hari Raya Idul Fitri (perkiraan)" in html
    assert "HX-Request" in respons["Vary"]


@pytest.mark.django_db
def test_tahun_di_luar_rentang_diberi_pesan(admin_a, masuk_sebagai):
    from django.urls import reverse

    respons = masuk_sebagai(admin_a).get(reverse("kalender"), {"tahun": 1800})
    assert respons.status_code == 200
    assert "Tahun harus antara 2000 dan 2100." in respons.content.decode()


@pytest.mark.django_db
def test_tambah_dan_hapus_lewat_htmx(admin_a, instansi_a, masuk_sebagai):
    from django.urls import reverse

    from organisasi.models import HariKalender
    from organisasi.tenancy import lingkup_instansi

    klien = masuk_sebagai(admin_a)
    respons = klien.post(
        reverse("kalender_tambah"),
        {"tahun": 2026, "tanggal": "2026-04-08", "jenis": LIBUR, "keterangan": "HUT Kota"},
        headers=HTMX,
    )
    assert respons.status_code == 200
    html = respons.content.decode()
    assert "HUT Kota" in html and "hx-swap-oob" in html
    assert _perubahan(instansi_a) == [(d(2026, 4, 8), LIBUR, "HUT Kota")]
    with lingkup_instansi(instansi_a):
        hari = HariKalender.objects.get()
        catatan = hari.history.get()
    assert catatan.history_user_id == admin_a.pk and catatan.history_change_reason

    respons = klien.post(reverse("kalender_hapus", args=[hari.pk]), headers=HTMX)
    assert respons.status_code == 200
    assert _perubahan(instansi_a) == []
    with lingkup_instansi(instansi_a):
        assert HariKalender.history.filter(id=hari.pk, history_type="-").exists()


@pytest.mark.django_db
def test_tambah_tanpa_htmx_dialihkan(admin_a, instansi_a, masuk_sebagai):
    from django.urls import reverse

    respons = masuk_sebagai(admin_a).post(
        reverse("kalender_tambah"),
        {"tahun": 2026, "tanggal": "2027-04-03", "jenis": MASUK, "keterangan": "Sabtu pengganti"},
    )
    assert respons.status_code == 302
    assert respons["Location"].endswith("?tahun=2027")
    assert _perubahan(instansi_a) == [(d(2027, 4, 3), MASUK, "Sabtu pengganti")]


@pytest.mark.parametrize(
    ("tanggal", "jenis", "pesan"),
    [
        ("2026-04-08", MASUK, "Tanggal ini sudah diatur."),  # set below
        ("2026-07-05", LIBUR, "memang bukan hari kerja (Minggu)"),
        ("2026-03-23", LIBUR, "memang bukan hari kerja (Cuti Bersama Hari Raya Idul Fitri)"),
        ("2026-07-01", MASUK, "sudah hari kerja biasa"),
        ("1999-07-01", LIBUR, "Tahun harus antara 2000 dan 2100."),
    ],
)
@pytest.mark.django_db
def test_tambah_ditolak_dengan_pesan_jelas(
    admin_a, instansi_a, masuk_sebagai, tanggal, jenis, pesan
):
    from django.urls import reverse

    _atur(instansi_a, d(2026, 4, 8), LIBUR, "HUT Kota")
    respons = masuk_sebagai(admin_a).post(
        reverse("kalender_tambah"),
        {"tahun": 2026, "tanggal": tanggal, "jenis": jenis, "keterangan": "uji"},
        headers=HTMX,
    )
    assert respons.status_code == 200
    assert pesan in respons.content.decode()
    assert _perubahan(instansi_a) == [(d(2026, 4, 8), LIBUR, "HUT Kota")]


@pytest.mark.django_db
def test_instansi_lain_tidak_dapat_menghapus(admin_b, instansi_a, masuk_sebagai):
    from django.urls import reverse

    from organisasi.models import HariKalender
    from organisasi.tenancy import lingkup_instansi

    _atur(instansi_a, d(2026, 4, 8), LIBUR, "HUT Kota")
    with lingkup_instansi(instansi_a):
        pk = HariKalender.objects.get().pk
    respons = masuk_sebagai(admin_b).post(reverse("kalender_hapus", args=[pk]), headers=HTMX)
    assert respons.status_code == 404
    assert len(_perubahan(instansi_a)) == 1


@pytest.mark.django_db
def test_pegawai_bukan_admin_ditolak(pegawai_a, masuk_sebagai):
    from django.urls import reverse

    klien = masuk_sebagai(pegawai_a)
    assert klien.get(reverse("kalender")).status_code == 403
    respons = klien.post(
        reverse("kalender_tambah"),
        {"tanggal": "2026-04-08", "jenis": LIBUR, "keterangan": "x"},
    )
    assert respons.status_code == 403


@pytest.mark.django_db
def test_hapus_hanya_lewat_post(admin_a, instansi_a, masuk_sebagai):
    from django.urls import reverse

    from organisasi.models import HariKalender
    from organisasi.tenancy import lingkup_instansi

    _atur(instansi_a, d(2026, 4, 8), LIBUR)
    with lingkup_instansi(instansi_a):
        pk = HariKalender.objects.get().pk
    assert masuk_sebagai(admin_a).get(reverse("kalender_hapus", args=[pk])).status_code == 405
