"""Tenant isolation in PostgreSQL (row-level security) and in Python (scoped managers)."""

import datetime

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.db.utils import ProgrammingError

from organisasi.models import ArsipDokumen, HariKalender
from organisasi.rls import tabel_instansi
from organisasi.tenancy import LintasInstansi, TanpaLingkupInstansi, lingkup_instansi

pytestmark = pytest.mark.django_db


def _hari(instansi, keterangan, tanggal=datetime.date(2026, 3, 2)):
    with lingkup_instansi(instansi):
        return HariKalender.objects.create(
            tanggal=tanggal, jenis=HariKalender.Jenis.LIBUR, keterangan=keterangan
        )


def _hitung_sql(tabel="organisasi_harikalender"):
    with connection.cursor() as cur:
        cur.execute(f"SELECT count(*) FROM {tabel}")
        return cur.fetchone()[0]


def test_app_berjalan_sebagai_peran_tanpa_hak_istimewa():
    with connection.cursor() as cur:
        cur.execute(
            "SELECT session_user, current_user, rolsuper, rolbypassrls"
            " FROM pg_roles WHERE rolname = current_user"
        )
        login, peran, superuser, bypass = cur.fetchone()
    # Its own login, not the owner's connection switched with SET ROLE.
    assert login == peran == settings.DATABASE_APP_ROLE
    assert not superuser and not bypass


def test_peran_aplikasi_tidak_memiliki_tabel_instansi():
    with connection.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM pg_tables WHERE tableowner = current_user AND schemaname='public'"
        )
        assert cur.fetchone()[0] == 0


def test_setiap_tabel_instansi_dipaksa_rls_dengan_kebijakan():
    tabel = tabel_instansi()
    assert "organisasi_harikalender" in tabel
    assert "organisasi_historicalharikalender" in tabel
    with connection.cursor() as cur:
        cur.execute(
            """
            SELECT c.relname FROM pg_class c
            WHERE c.relname = ANY(%s) AND c.relrowsecurity AND c.relforcerowsecurity
              AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname)
            """,
            [tabel],
        )
        terlindungi = {r[0] for r in cur.fetchall()}
    # The users table binds the owner less (createsuperuser); the app role alike.
    assert terlindungi == set(tabel) - {"organisasi_pengguna"}
    with connection.cursor() as cur:
        cur.execute("SELECT relrowsecurity FROM pg_class WHERE relname = 'organisasi_pengguna'")
        assert cur.fetchone() == (True,)


def test_sql_mentah_tanpa_lingkup_melihat_nol_baris(instansi_a, instansi_b):
    _hari(instansi_a, "Libur A")
    _hari(instansi_b, "Libur B")
    assert _hitung_sql() == 0
    assert _hitung_sql("organisasi_historicalharikalender") == 0


def test_sql_mentah_dengan_lingkup_a_hanya_melihat_a(instansi_a, instansi_b):
    _hari(instansi_a, "Libur A")
    _hari(instansi_b, "Libur B")
    with lingkup_instansi(instansi_a), connection.cursor() as cur:
        cur.execute("SELECT keterangan FROM organisasi_harikalender")
        assert [r[0] for r in cur.fetchall()] == ["Libur A"]
    # The setting is transaction-local and restored after the scope.
    assert _hitung_sql() == 0


def test_sql_tidak_bisa_menulis_baris_untuk_instansi_lain(instansi_a, instansi_b):
    with (
        pytest.raises(ProgrammingError, match="row-level security"),
        lingkup_instansi(instansi_a),
        connection.cursor() as cur,
    ):
        cur.execute(
            "INSERT INTO organisasi_harikalender (instansi_id, tanggal, jenis, keterangan)"
            " VALUES (%s, '2026-01-02', 'libur', 'curang')",
            [instansi_b.pk],
        )


def test_sql_tidak_bisa_memindahkan_atau_menghapus_baris_instansi_lain(instansi_a, instansi_b):
    hari_b = _hari(instansi_b, "Libur B")
    with lingkup_instansi(instansi_a), connection.cursor() as cur:
        cur.execute("DELETE FROM organisasi_harikalender WHERE id = %s", [hari_b.pk])
        assert cur.rowcount == 0
        cur.execute(
            "UPDATE organisasi_harikalender SET keterangan = 'diubah' WHERE id = %s", [hari_b.pk]
        )
        assert cur.rowcount == 0
    with lingkup_instansi(instansi_b):
        assert HariKalender.objects.get(pk=hari_b.pk).keterangan == "Libur B"


def test_manager_menolak_kueri_tanpa_lingkup(instansi_a):
    with pytest.raises(TanpaLingkupInstansi):
        list(HariKalender.objects.all())


def test_manager_hanya_memberi_data_instansi_aktif(instansi_a, instansi_b):
    _hari(instansi_a, "Libur A")
    _hari(instansi_b, "Libur B")
    with lingkup_instansi(instansi_b):
        assert list(HariKalender.objects.values_list("keterangan", flat=True)) == ["Libur B"]
        # Even the unscoped manager is held back by PostgreSQL.
        assert list(HariKalender.lintas_instansi.values_list("keterangan", flat=True)) == [
            "Libur B"
        ]


def test_objek_instansi_lain_tidak_bisa_disimpan_di_lingkup_ini(instansi_a, instansi_b):
    hari_a = _hari(instansi_a, "Libur A")
    hari_a.keterangan = "diubah"
    with pytest.raises(LintasInstansi), lingkup_instansi(instansi_b):
        hari_a.save()


def test_lingkup_bersarang_memulihkan_lingkup_luar(instansi_a, instansi_b):
    _hari(instansi_a, "Libur A")
    with lingkup_instansi(instansi_a):
        with lingkup_instansi(instansi_b):
            assert _hitung_sql() == 0
        assert _hitung_sql() == 1


def test_arsip_dokumen_tidak_bisa_diubah_atau_dihapus_di_basis_data(instansi_a, pegawai_a):
    from django.contrib.contenttypes.models import ContentType

    with lingkup_instansi(instansi_a):
        arsip = ArsipDokumen.objects.create(
            jenis="A.1.7",
            judul="SKP 2026",
            objek_tipe=ContentType.objects.get_for_model(pegawai_a),
            objek_id=pegawai_a.pk,
            isi=b"%PDF-1.7 isi",
            dibuat_oleh=pegawai_a,
        )
        assert len(arsip.sha256) == 64
        for sql in (
            "UPDATE organisasi_arsipdokumen SET judul = 'palsu'",
            "DELETE FROM organisasi_arsipdokumen",
        ):
            with (
                pytest.raises(ProgrammingError, match="permission denied"),
                transaction.atomic(),
                connection.cursor() as cur,
            ):
                cur.execute(sql)
        arsip.refresh_from_db()
        assert arsip.judul == "SKP 2026"
