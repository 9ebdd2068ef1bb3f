"""The agency's settings and calendar kept between requests (organisasi/acuan.py): read
from the database once per change, never stale, whoever made the change and however."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest
from django.db import connection, transaction

from organisasi.hari_kerja import kalender_instansi
from organisasi.models import HariKalender, PengaturanInstansi
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import buka_memo_permintaan, lingkup_instansi

HUT = date(2026, 4, 8)
LAIN = date(2026, 4, 9)


def _libur(instansi, tanggal=HUT, keterangan="HUT Kota"):
    with lingkup_instansi(instansi):
        return HariKalender.objects.create(tanggal=tanggal, jenis="libur", keterangan=keterangan)


@pytest.mark.django_db
def test_kalender_dibaca_sekali_per_perubahan(instansi_a, django_assert_num_queries):
    _libur(instansi_a)
    with lingkup_instansi(instansi_a):
        with django_assert_num_queries(2):  # the stamp, then the agency's dates
            pertama = kalender_instansi()
        with django_assert_num_queries(1):  # the stamp only: unchanged since
            kedua = kalender_instansi()
        assert kedua is pertama and set(kedua.libur_instansi) == {HUT}
        HariKalender.objects.create(tanggal=LAIN, jenis="libur", keterangan="Banjir")
        with django_assert_num_queries(2):
            assert set(kalender_instansi().libur_instansi) == {HUT, LAIN}


@pytest.mark.django_db
@pytest.mark.parametrize("cara", ["update", "delete", "bulk_create", "sql"])
def test_setiap_cara_mengubah_kalender_terlihat(instansi_a, cara):
    """The trigger renews the stamp for queryset updates, deletes, bulk inserts and plain
    SQL, which send no Django signal."""
    _libur(instansi_a)
    with lingkup_instansi(instansi_a):
        assert set(kalender_instansi().libur_instansi) == {HUT}
        if cara == "update":
            HariKalender.objects.update(tanggal=LAIN)
            harap = {LAIN}
        elif cara == "delete":
            HariKalender.objects.all().delete()
            harap = set()
        elif cara == "bulk_create":
            HariKalender.objects.bulk_create(
                [HariKalender(instansi=instansi_a, tanggal=LAIN, jenis="libur", keterangan="x")]
            )
            harap = {HUT, LAIN}
        else:
            with connection.cursor() as cur:
                cur.execute("UPDATE organisasi_harikalender SET jenis = 'masuk'")
            harap = set()
        assert set(kalender_instansi().libur_instansi) == harap


@pytest.mark.django_db
def test_pengaturan_setiap_pemanggil_mendapat_salinannya(instansi_a, django_assert_num_queries):
    with lingkup_instansi(instansi_a):
        pengaturan_instansi()  # created with the national defaults on first use
        pengaturan_instansi()
        with django_assert_num_queries(1):
            milik_saya = pengaturan_instansi()
        milik_saya.periode_evaluasi = "bulanan"
        milik_saya.aspek_diizinkan.clear()
        lain = pengaturan_instansi()
        assert lain.periode_evaluasi == "triwulanan" and lain.aspek_diizinkan
        PengaturanInstansi.objects.update(periode_evaluasi="bulanan")
        assert pengaturan_instansi().periode_evaluasi == "bulanan"


@pytest.mark.django_db
def test_instansi_lain_tidak_pernah_mendapat_simpanan_ini(instansi_a, instansi_b):
    _libur(instansi_a)
    _libur(instansi_b, LAIN, "HUT Kabupaten")
    for _ in range(2):
        with lingkup_instansi(instansi_a):
            assert set(kalender_instansi().libur_instansi) == {HUT}
        with lingkup_instansi(instansi_b):
            assert set(kalender_instansi().libur_instansi) == {LAIN}
        assert set(kalender_instansi(instansi_a.pk).libur_instansi) == {HUT}


@pytest.mark.django_db
def test_perubahan_yang_dibatalkan_tidak_tertinggal(instansi_a):
    """What was kept inside a rolled-back change is never served: its stamp is unused for
    ever, and the stamp read afterwards is the one before it."""
    _libur(instansi_a)
    with lingkup_instansi(instansi_a):
        assert set(kalender_instansi().libur_instansi) == {HUT}
        with pytest.raises(RuntimeError), transaction.atomic():
            HariKalender.objects.create(tanggal=LAIN, jenis="libur", keterangan="batal")
            assert set(kalender_instansi().libur_instansi) == {HUT, LAIN}
            raise RuntimeError
        assert set(kalender_instansi().libur_instansi) == {HUT}
        # The next change gets a new stamp, never the rolled-back one.
        HariKalender.objects.create(tanggal=LAIN, jenis="masuk", keterangan="pengganti")
        kalender = kalender_instansi()
        assert set(kalender.libur_instansi) == {HUT} and set(kalender.masuk_instansi) == {LAIN}


@pytest.mark.django_db
def test_dalam_satu_permintaan_perubahannya_sendiri_terlihat(instansi_a, django_assert_num_queries):
    """A request reads the stamp once; its own change (also one a savepoint undid) is seen
    by its next read."""
    _libur(instansi_a)
    with lingkup_instansi(instansi_a), buka_memo_permintaan():
        kalender_instansi()
        with django_assert_num_queries(0):
            assert set(kalender_instansi().libur_instansi) == {HUT}
        hari = HariKalender.objects.create(tanggal=LAIN, jenis="libur", keterangan="Banjir")
        assert set(kalender_instansi().libur_instansi) == {HUT, LAIN}
        with pytest.raises(RuntimeError), transaction.atomic():
            hari.delete()
            assert set(kalender_instansi().libur_instansi) == {HUT}
            raise RuntimeError
        assert set(kalender_instansi().libur_instansi) == {HUT, LAIN}


@pytest.mark.django_db(transaction=True)
def test_perubahan_dari_proses_lain_terlihat(instansi_a):
    """Another process (here another connection, as the application role, in plain SQL)
    commits a holiday: this process's next transaction reads it."""
    from tests.conftest import _url_db_uji

    _libur(instansi_a)
    with lingkup_instansi(instansi_a):
        assert set(kalender_instansi().libur_instansi) == {HUT}
    with psycopg.connect(_url_db_uji()) as lain, lain.transaction():
        lain.execute("SELECT set_config('app.instansi_id', %s, true)", [str(instansi_a.pk)])
        lain.execute(
            "INSERT INTO organisasi_harikalender (instansi_id, tanggal, jenis, keterangan) "
            "VALUES (%s, %s, 'libur', 'Banjir')",
            [instansi_a.pk, LAIN],
        )
    with lingkup_instansi(instansi_a):
        assert set(kalender_instansi().libur_instansi) == {HUT, LAIN}
