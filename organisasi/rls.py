"""PostgreSQL side of tenant isolation and of what the application role may do.

After every `migrate` (run as the owner login) this module makes sure that
- the application role exists as a plain login: no superuser, no BYPASSRLS,
  member of no other role, owner of nothing;
- it may read and write rows, except that insert-only tables (the archive of
  signed documents, the audit history) take INSERT and SELECT only;
- every table with an `instansi_id` column (tenant tables and their history
  tables) has FORCE ROW LEVEL SECURITY and one policy that admits only rows of
  the agency in `app.instansi_id`, for reading and for writing. The users table
  is among them; its policy also admits the platform scope (`app.platform`),
  which the superadmin's requests open, and it alone binds the owner less
  (not FORCE), so `createsuperuser` can add the platform superadmin;
- the login form finds an account through one SECURITY DEFINER function that
  returns the id and agency of exactly one account, never its data;
- the protection triggers the models declare (django-pgtrigger: the archive,
  a set SKP and its content rows) hold for every session. django-pgtrigger lets
  a session skip a trigger by `SET pgtrigger.ignore`, through one function all
  its triggers consult; here that function always answers "no", so
  `pgtrigger.ignore()` has no effect in this project, by design. The trigger
  functions get a fixed search_path, so a temporary table cannot stand in for
  the table a trigger reads. The application role, owning no table, cannot
  disable a trigger, nor set session_replication_role.

Doing it here, from the model registry, means a new tenant model cannot be
forgotten; `tests/organisasi/test_rls.py` and `test_serangan_db.py` check the
catalogue and attempt the attacks.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from psycopg import sql
from simple_history.models import HistoricalChanges

from . import peran_db
from .tenancy import PENGATURAN_DB, PENGATURAN_PLATFORM

NAMA_KEBIJAKAN = "isolasi_instansi"
TABEL_PENGGUNA = "organisasi_pengguna"
FUNGSI_CARI_AKUN = "kinerja_cari_akun"


class PeranAplikasiTidakAman(RuntimeError):
    """The configured application role has rights it must not have."""


def _model_proyek():
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


def tabel_instansi() -> list[str]:
    """Every table of this project that belongs to one agency."""
    tabel = set()
    for model in _model_proyek():
        kolom = {f.column for f in model._meta.concrete_fields}
        if "instansi_id" in kolom:
            tabel.add(model._meta.db_table)
    return sorted(tabel)


def tabel_hanya_tambah() -> list[str]:
    """Tables whose rows are a record: the audit history and models marked HANYA_TAMBAH."""
    return sorted(
        model._meta.db_table
        for model in _model_proyek()
        if issubclass(model, HistoricalChanges) or getattr(model, "HANYA_TAMBAH", False)
    )


def _kunci_trigger(cur) -> None:
    """No session setting switches a protection trigger off (see the module docstring)."""
    # Same signature as django-pgtrigger's; it re-creates the function whenever
    # it installs a trigger, and post_migrate always runs after that.
    cur.execute(
        """
        CREATE OR REPLACE FUNCTION public._pgtrigger_should_ignore(trigger_name name)
        RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT false $$
        """
    )
    cur.execute(
        """
        SELECT p.oid::regprocedure::text FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = current_user
          AND (p.prorettype = 'trigger'::regtype OR p.proname = '_pgtrigger_should_ignore')
        """
    )
    for (fungsi,) in cur.fetchall():
        cur.execute(
            sql.SQL("ALTER FUNCTION {} SET search_path = pg_catalog, public, pg_temp").format(
                sql.SQL(fungsi)
            )
        )


def _siapkan_peran(cur, role: str, sandi: str) -> None:
    peran = sql.Identifier(role)
    cur.execute(
        "SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = %s", [role]
    )
    baris = cur.fetchone()
    if baris is None:
        # The owner needs CREATEROLE (or superuser) for this; otherwise the role
        # is provisioned beforehand by the DBA (README, "banyak instansi").
        perintah = sql.SQL(
            "CREATE ROLE {} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT"
        ).format(peran)
        if sandi:
            perintah = sql.SQL("{} PASSWORD {}").format(perintah, sql.Literal(sandi))
        cur.execute(perintah)
    else:
        superuser, bypass, login = baris
        if superuser or bypass:
            raise PeranAplikasiTidakAman(
                f"Peran aplikasi {role} tidak boleh SUPERUSER atau BYPASSRLS."
            )
        if not login or sandi:
            cur.execute(
                "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
            )
            if cur.fetchone()[0]:
                perintah = sql.SQL("ALTER ROLE {} LOGIN").format(peran)
                if sandi:
                    perintah = sql.SQL("{} PASSWORD {}").format(perintah, sql.Literal(sandi))
                cur.execute(perintah)
    # Membership in another role would let `SET ROLE` reach that role's rights.
    cur.execute(
        """
        SELECT g.rolname FROM pg_auth_members m
        JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
        WHERE u.rolname = %s
        """,
        [role],
    )
    for (grup,) in cur.fetchall():
        cur.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(grup), peran))
    cur.execute(
        "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
        " WHERE r.rolname = %s",
        [role],
    )
    if cur.fetchone()[0]:
        raise PeranAplikasiTidakAman(f"Peran aplikasi {role} memiliki tabel; pindahkan ke pemilik.")


def _beri_hak(cur, role: str) -> None:
    peran = sql.Identifier(role)
    cur.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(peran))
    # Start from nothing so a right granted by an earlier version (TRUNCATE) goes.
    cur.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}").format(peran))
    cur.execute(
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(
            peran
        )
    )
    for tabel in tabel_hanya_tambah():
        cur.execute(
            sql.SQL("REVOKE UPDATE, DELETE ON {} FROM {}").format(sql.Identifier(tabel), peran)
        )
    cur.execute(sql.SQL("REVOKE INSERT, UPDATE, DELETE ON django_migrations FROM {}").format(peran))
    cur.execute(
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(peran)
    )


def _pasang_kebijakan(cur) -> None:
    syarat = sql.SQL("instansi_id = NULLIF(current_setting({}, true), '')::bigint").format(
        sql.Literal(PENGATURAN_DB)
    )
    # The superadmin works across agencies on accounts only: the platform scope
    # admits user rows, and no row of any other tenant table.
    syarat_pengguna = sql.SQL("({}) OR current_setting({}, true) = 'ya'").format(
        syarat, sql.Literal(PENGATURAN_PLATFORM)
    )
    for tabel in tabel_instansi():
        t = sql.Identifier(tabel)
        s = syarat_pengguna if tabel == TABEL_PENGGUNA else syarat
        cur.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(t))
        # The owner respects tenancy too, except on the users table: there it
        # creates the platform superadmin (`manage.py createsuperuser`).
        forced = "NO FORCE" if tabel == TABEL_PENGGUNA else "FORCE"
        cur.execute(sql.SQL("ALTER TABLE {} " + forced + " ROW LEVEL SECURITY").format(t))
        cur.execute(
            sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(sql.Identifier(NAMA_KEBIJAKAN), t)
        )
        cur.execute(
            sql.SQL("CREATE POLICY {} ON {} USING ({}) WITH CHECK ({})").format(
                sql.Identifier(NAMA_KEBIJAKAN), t, s, s
            )
        )


def _pasang_cari_akun(cur, role: str) -> None:
    """The login path: typed username (any case) or NIP -> (id, instansi_id) of one account.

    SECURITY DEFINER so it reads past row-level security, and only this: the
    account's data is then read inside its own agency's scope.
    """
    fungsi = sql.Identifier(FUNGSI_CARI_AKUN)
    cur.execute(
        sql.SQL(
            """
            CREATE OR REPLACE FUNCTION public.{fungsi}(kunci text)
            RETURNS TABLE (id bigint, instansi_id bigint)
            LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = pg_catalog, public, pg_temp
            SET {platform} = 'ya'
            AS $$
                SELECT p.id, p.instansi_id FROM public.organisasi_pengguna p
                WHERE CASE WHEN kunci ~ '^[0-9]{{18}}$' THEN p.nip = kunci
                           ELSE upper(p.username) = upper(btrim(kunci)) END
                ORDER BY p.id
                LIMIT 1
            $$
            """
        ).format(fungsi=fungsi, platform=sql.SQL(PENGATURAN_PLATFORM))
    )
    cur.execute(sql.SQL("REVOKE ALL ON FUNCTION public.{}(text) FROM PUBLIC").format(fungsi))
    cur.execute(
        sql.SQL("GRANT EXECUTE ON FUNCTION public.{}(text) TO {}").format(
            fungsi, sql.Identifier(role)
        )
    )


def pasang_rls(using: str = "default", plan=None, **kwargs) -> None:
    if not peran_db.sebagai_pemilik() or plan is None:
        # post_migrate also follows `flush` (plan is None), which changes no schema.
        return
    role = settings.DATABASE_APP_ROLE
    sandi = settings.DATABASE_APLIKASI["PASSWORD"]
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("SELECT current_user")
        if cur.fetchone()[0] == role:
            raise PeranAplikasiTidakAman(
                "Migrasi harus berjalan sebagai pemilik (DATABASE_OWNER_URL), bukan peran aplikasi."
            )
        _siapkan_peran(cur, role, sandi)
        _beri_hak(cur, role)
        _pasang_kebijakan(cur)
        _pasang_cari_akun(cur, role)
        _kunci_trigger(cur)
