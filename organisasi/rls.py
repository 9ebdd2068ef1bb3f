"""PostgreSQL side of tenant isolation: the application role and row-level security.

After every `migrate` (run as the owner role) this module makes sure that
- the application role exists, owns nothing and may only read and write rows;
- every table with an `instansi_id` column (tenant tables and their history
  tables) has FORCE ROW LEVEL SECURITY and one policy that admits only rows of
  the agency in `app.instansi_id`, for reading and for writing.

Doing it here, from the model registry, means a new tenant model cannot be
forgotten; `tests/organisasi/test_rls.py` checks the catalogue.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import connection
from psycopg import sql

from . import peran_db
from .tenancy import PENGATURAN_DB

NAMA_KEBIJAKAN = "isolasi_instansi"

# Tables that carry instansi_id but are looked up before a tenant is known
# (the login form finds the account by NIP or username).
TANPA_RLS = {"organisasi_pengguna"}


def tabel_instansi() -> list[str]:
    """Every table of this project that belongs to one agency."""
    tabel = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        kolom = {f.column for f in model._meta.concrete_fields}
        if "instansi_id" in kolom and model._meta.db_table not in TANPA_RLS:
            tabel.add(model._meta.db_table)
    return sorted(tabel)


def pasang_rls(using: str = "default", **kwargs) -> None:
    if not peran_db.sebagai_pemilik():
        # post_migrate also follows `flush`, which runs as the app role and
        # must not (and cannot) change the schema.
        return
    role = settings.DATABASE_APP_ROLE
    with connection.cursor() as cur:
        peran = sql.Identifier(role)
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN NOSUPERUSER NOBYPASSRLS").format(peran))
        cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cur.fetchone()[0]:
            # A non-superuser owner may only SET ROLE to roles it is a member of.
            cur.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(peran))
        cur.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(peran))
        hak = "SELECT, INSERT, UPDATE, DELETE"
        if settings.TESTING:
            # Transactional tests flush tables between cases.
            hak += ", TRUNCATE"
        cur.execute(sql.SQL("GRANT " + hak + " ON ALL TABLES IN SCHEMA public TO {}").format(peran))
        cur.execute(
            sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(peran)
        )
        syarat = sql.SQL("instansi_id = NULLIF(current_setting({}, true), '')::bigint").format(
            sql.Literal(PENGATURAN_DB)
        )
        for tabel in tabel_instansi():
            t = sql.Identifier(tabel)
            cur.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(t))
            cur.execute(sql.SQL("ALTER TABLE {} FORCE ROW LEVEL SECURITY").format(t))
            cur.execute(
                sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(sql.Identifier(NAMA_KEBIJAKAN), t)
            )
            cur.execute(
                sql.SQL("CREATE POLICY {} ON {} USING ({}) WITH CHECK ({})").format(
                    sql.Identifier(NAMA_KEBIJAKAN), t, syarat, syarat
                )
            )
