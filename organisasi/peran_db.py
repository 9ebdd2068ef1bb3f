"""Which PostgreSQL login a process uses.

Ordinary processes (web, worker, beat, tests) log in as the application role
(settings.DATABASE_APLIKASI): it owns no table, has no superuser or BYPASSRLS
attribute and is a member of no other role, so no `SET ROLE`/`RESET ROLE`
gives it more than it has. Schema work (migrate and friends) logs in as the
owner (settings.DATABASE_PEMILIK, from DATABASE_OWNER_URL); `manage.py` marks
those commands with KINERJA_DB_PEMILIK=1 before settings are read.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager

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
    """Choose the login: before settings are read (manage.py), by the environment;
    afterwards (tests, bench scripts) by switching the default connection's login."""
    if aktif:
        os.environ["KINERJA_DB_PEMILIK"] = "1"
    else:
        os.environ.pop("KINERJA_DB_PEMILIK", None)
    from django.conf import settings

    if settings.configured:
        _tukar_login(aktif, "default")


def atur_login(pemilik: bool, alias: str = "default") -> None:
    """Switch a configured process between the two logins (tests, bench scripts).

    Closes the connection; the next query opens one with the other login.
    """
    if pemilik:
        os.environ["KINERJA_DB_PEMILIK"] = "1"
    else:
        os.environ.pop("KINERJA_DB_PEMILIK", None)
    _tukar_login(pemilik, alias)


def _tukar_login(pemilik: bool, alias: str) -> None:
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.db import connections

    login = settings.DATABASE_PEMILIK if pemilik else settings.DATABASE_APLIKASI
    if not login:
        raise ImproperlyConfigured(
            "Perintah skema butuh DATABASE_OWNER_URL (koneksi peran pemilik tabel)."
        )
    koneksi = connections[alias]
    koneksi.close()
    for kunci in ("USER", "PASSWORD", "HOST", "PORT"):
        koneksi.settings_dict[kunci] = login[kunci]


@contextmanager
def login_pemilik(alias: str = "default") -> Iterator[None]:
    """Run a block as the owner, then return to the login the process had."""
    sebelumnya = sebagai_pemilik()
    atur_login(True, alias)
    try:
        yield
    finally:
        atur_login(sebelumnya, alias)
