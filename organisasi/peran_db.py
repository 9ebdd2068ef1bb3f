"""Which PostgreSQL role a process runs its queries as.

Ordinary processes (web, worker, beat, tests) switch every new connection to
the application role, which owns no table and is bound by row-level
security. Schema work (migrate and friends) runs as the connecting owner
role; `manage.py` marks those commands with KINERJA_DB_PEMILIK=1.
"""

import os

from django.conf import settings
from psycopg import sql

PERINTAH_PEMILIK = {
    "migrate",
    "makemigrations",
    "sqlmigrate",
    "showmigrations",
    "dbshell",
    "flush",
    "createsuperuser",
}


def sebagai_pemilik() -> bool:
    return os.environ.get("KINERJA_DB_PEMILIK") == "1"


def atur_sebagai_pemilik(aktif: bool) -> None:
    if aktif:
        os.environ["KINERJA_DB_PEMILIK"] = "1"
    else:
        os.environ.pop("KINERJA_DB_PEMILIK", None)


def pasang_peran_aplikasi(sender, connection, **kwargs) -> None:
    """connection_created handler: drop to the application role."""
    if connection.vendor != "postgresql" or sebagai_pemilik():
        return
    role = settings.DATABASE_APP_ROLE
    if role:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
