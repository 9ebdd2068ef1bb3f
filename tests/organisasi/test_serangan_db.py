"""SQL the application did not mean to run, attempted from its own connection.

Every test here runs raw SQL on the test client's connection, which is the
application role's own login (tests/conftest.py), as an injection or a
compromised process would. Each attack must fail or see nothing.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction

from organisasi.models import ArsipDokumen
from organisasi.rls import tabel_hanya_tambah, tabel_instansi
from organisasi.tenancy import lingkup_instansi
from tests.factories import Org, skp_contoh

pytestmark = pytest.mark.django_db


def _sql(perintah: str, parameter=None):
    with connection.cursor() as cur:
        cur.execute(perintah, parameter)
        return cur.fetchall() if cur.description else cur.rowcount


def _gagal(perintah: str, parameter=None, cocok: str | None = None) -> None:
    """The statement is refused by PostgreSQL (and the transaction goes on)."""
    with pytest.raises(DatabaseError, match=cocok), transaction.atomic():
        _sql(perintah, parameter)


def _semua_trigger() -> str:
    """A pgtrigger.ignore value naming every trigger in the database."""
    nama = [r[0] for r in _sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")]
    assert nama, "tidak ada trigger pelindung"
    return "{" + ",".join(nama) + "}"


@pytest.fixture
def arsip(instansi_a, pegawai_a):
    with lingkup_instansi(instansi_a):
        return ArsipDokumen.objects.create(
            jenis="A.1.7",
            judul="SKP 2026",
            objek_tipe=ContentType.objects.get_for_model(pegawai_a),
            objek_id=pegawai_a.pk,
            isi=b"%PDF-1.7 asli",
            dibuat_oleh=pegawai_a,
        )


@pytest.fixture
def skp_ditetapkan(instansi_a):
    return skp_contoh(Org(instansi_a), status="ditetapkan")


# --- The role itself -------------------------------------------------------------------


def test_koneksi_adalah_login_peran_aplikasi_tanpa_hak_istimewa():
    [(login, peran, superuser, bypass, buat_peran, buat_db)] = _sql(
        "SELECT session_user, current_user, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb"
        " FROM pg_roles WHERE rolname = session_user"
    )
    assert login == peran == settings.DATABASE_APP_ROLE
    assert not (superuser or bypass or buat_peran or buat_db)
    # Member of no role, so there is nothing for SET ROLE to reach.
    assert _sql(
        "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
        " WHERE r.rolname = session_user"
    ) == [(0,)]
    assert _sql(
        "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
        " WHERE r.rolname = session_user"
    ) == [(0,)]


def test_reset_role_tidak_memberi_apa_pun(instansi_a, pegawai_a, pegawai_b):
    _sql("RESET ROLE")
    assert _sql("SELECT current_user") == [(settings.DATABASE_APP_ROLE,)]
    assert _sql("SELECT count(*) FROM organisasi_pengguna") == [(0,)]
    assert _sql("SELECT count(*) FROM organisasi_pegawai") == [(0,)]


def test_set_role_ke_pemilik_ditolak():
    pemilik = settings.DATABASE_PEMILIK["USER"]
    assert pemilik and pemilik != settings.DATABASE_APP_ROLE
    _gagal(f'SET ROLE "{pemilik}"', cocok="permission denied")
    _gagal("SET ROLE postgres", cocok="permission denied")
    _gagal(f'SET SESSION AUTHORIZATION "{pemilik}"', cocok="permission denied")


def test_session_replication_role_tidak_bisa_diatur():
    # "replica" would silence every ordinary trigger.
    _gagal("SET session_replication_role = replica", cocok="permission denied")


def test_skema_tidak_bisa_diubah(arsip):
    for perintah in (
        "ALTER TABLE organisasi_arsipdokumen DISABLE TRIGGER ALL",
        "ALTER TABLE skp_skp DISABLE TRIGGER USER",
        "ALTER TABLE organisasi_pengguna NO FORCE ROW LEVEL SECURITY",
        "ALTER TABLE organisasi_pengguna DISABLE ROW LEVEL SECURITY",
        "DROP POLICY isolasi_instansi ON organisasi_pegawai",
        "ALTER TABLE organisasi_arsipdokumen OWNER TO CURRENT_USER",
        "CREATE TABLE public.milik_aplikasi (id int)",
    ):
        _gagal(perintah, cocok="must be owner|permission denied")
    _gagal(
        "CREATE OR REPLACE FUNCTION public._pgtrigger_should_ignore(trigger_name name)"
        " RETURNS boolean LANGUAGE sql AS $$ SELECT true $$",
        cocok="must be owner|permission denied",
    )


# --- Signed documents and set SKPs -------------------------------------------------------


def test_arsip_tidak_bisa_diubah_dihapus_atau_dikosongkan(instansi_a, arsip):
    with lingkup_instansi(instansi_a):
        _sql("SELECT set_config('pgtrigger.ignore', %s, false)", [_semua_trigger()])
        for perintah in (
            "UPDATE organisasi_arsipdokumen SET isi = 'palsu'::bytea",
            "DELETE FROM organisasi_arsipdokumen",
            "TRUNCATE organisasi_arsipdokumen",
        ):
            _gagal(perintah, cocok="permission denied")
        assert _sql("SELECT judul, sha256 FROM organisasi_arsipdokumen") == [
            ("SKP 2026", arsip.sha256)
        ]


def test_skp_ditetapkan_tetap_terkunci_walau_pgtrigger_ignore(instansi_a, skp_ditetapkan):
    skp = skp_ditetapkan
    with lingkup_instansi(instansi_a):
        _sql("SELECT set_config('pgtrigger.ignore', %s, false)", [_semua_trigger()])
        rhk_id = _sql("SELECT id FROM skp_rencanahasilkerja WHERE skp_id = %s", [skp.pk])[0][0]
        for perintah, parameter in (
            ("UPDATE skp_skp SET pendekatan = 'kualitatif' WHERE id = %s", [skp.pk]),
            ("UPDATE skp_skp SET status = 'draf' WHERE id = %s", [skp.pk]),
            ("DELETE FROM skp_skp WHERE id = %s", [skp.pk]),
            ("UPDATE skp_rencanahasilkerja SET teks = 'palsu' WHERE id = %s", [rhk_id]),
            ("DELETE FROM skp_indikatorkinerjaindividu WHERE skp_id = %s", [skp.pk]),
            ("DELETE FROM skp_rencanahasilkerja WHERE id = %s", [rhk_id]),
        ):
            _gagal(perintah, parameter)
        assert _sql("SELECT status, pendekatan FROM skp_skp WHERE id = %s", [skp.pk]) == [
            ("ditetapkan", skp.pendekatan)
        ]


def test_tabel_sementara_tidak_bisa_menyamar_sebagai_skp(instansi_a, skp_ditetapkan):
    """The content trigger reads skp_skp; a temporary table of that name must not fool it."""
    with lingkup_instansi(instansi_a):
        _sql("CREATE TEMP TABLE skp_skp (id bigint, status text)")
        _sql("SET search_path = pg_temp, public")
        _gagal(
            "UPDATE public.skp_rencanahasilkerja SET teks = 'palsu' WHERE skp_id = %s",
            [skp_ditetapkan.pk],
            cocok="SKP sudah ditetapkan",
        )
        _sql("RESET search_path")


# --- Audit history -----------------------------------------------------------------------


def test_riwayat_audit_hanya_bisa_ditambah(instansi_a, skp_ditetapkan):
    tabel = tabel_hanya_tambah()
    assert "skp_historicalskp" in tabel and "organisasi_historicalpengguna" in tabel
    with lingkup_instansi(instansi_a):
        assert _sql("SELECT count(*) FROM skp_historicalskp")[0][0] > 0
        for t in tabel:
            # History tables and the other insert-only records (archive, evidence).
            kolom = "history_id" if "_historical" in t else "id"
            for perintah in (f"UPDATE {t} SET {kolom} = {kolom}", f"DELETE FROM {t}"):
                _gagal(perintah, cocok="permission denied")
            _gagal(f"TRUNCATE {t}", cocok="permission denied")
        assert _sql("SELECT count(*) FROM skp_historicalskp")[0][0] > 0


# --- The users table -----------------------------------------------------------------------


def test_tanpa_lingkup_tidak_ada_baris_pengguna(instansi_a, pegawai_a, pegawai_b, admin_a):
    assert "organisasi_pengguna" in tabel_instansi()
    assert _sql("SELECT username, nip, password FROM organisasi_pengguna") == []
    # A tenant scope shows that agency's accounts only.
    with lingkup_instansi(instansi_a):
        nama = {r[0] for r in _sql("SELECT username FROM organisasi_pengguna")}
    assert nama == {"pegawai.a", "admin.a"}


def test_jalur_masuk_memberi_id_satu_akun_saja(instansi_a, pegawai_a, pegawai_b):
    assert _sql("SELECT * FROM kinerja_cari_akun('PEGAWAI.A')") == [(pegawai_a.pk, instansi_a.pk)]
    assert _sql("SELECT * FROM kinerja_cari_akun(%s)", [pegawai_a.nip]) == [
        (pegawai_a.pk, instansi_a.pk)
    ]
    # Patterns are not patterns here, and nothing else of the row comes back.
    assert _sql("SELECT * FROM kinerja_cari_akun('%')") == []
    assert _sql("SELECT * FROM kinerja_cari_akun('pegawai.%')") == []
    [(keluaran,)] = _sql(
        "SELECT pg_get_function_result(oid) FROM pg_proc WHERE proname = 'kinerja_cari_akun'"
    )
    assert keluaran == "TABLE(id bigint, instansi_id bigint)"


def test_fungsi_trigger_berjalur_skema_tetap_dan_tanpa_sakelar_abaikan():
    tanpa = _sql(
        "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = 'public' AND p.prorettype = 'trigger'::regtype"
        " AND NOT coalesce(p.proconfig, '{}') @> ARRAY['search_path=pg_catalog, public, pg_temp']"
    )
    assert tanpa == []
    assert _sql("SELECT public._pgtrigger_should_ignore('apa_saja')") == [(False,)]
