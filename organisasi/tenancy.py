"""Tenant scope: which agency (instansi) the current code acts for.

Two layers keep one agency's data away from another:

1. Python: tenant-owned models inherit `ModelInstansi`, whose default manager
   refuses to build a query without a scope (`TanpaLingkupInstansi`). A
   forgotten filter fails loudly instead of leaking.
2. PostgreSQL: row-level security on every tenant table (see `rls.py`) reads
   the setting `app.instansi_id`, which `lingkup_instansi` sets
   transaction-locally. Without it a query sees no rows (fail closed).

The request middleware and the Celery task decorator below are the only
places that open a scope for ordinary code.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, models, transaction
from simple_history.models import HistoricalRecords

PENGATURAN_DB = "app.instansi_id"
# The platform superadmin's scope: every account row, no other tenant data.
PENGATURAN_PLATFORM = "app.platform"
# Session key written at login: which scope the user's later requests open.
KUNCI_SESI = "_kinerja_instansi"

_instansi_aktif: ContextVar[int | None] = ContextVar("instansi_aktif", default=None)
_platform_aktif: ContextVar[bool] = ContextVar("platform_aktif", default=False)


class TanpaLingkupInstansi(RuntimeError):
    """Tenant data was touched outside `lingkup_instansi`."""


class LintasInstansi(RuntimeError):
    """An object of one agency was about to be saved under another's scope."""


def instansi_aktif_id() -> int:
    instansi_id = _instansi_aktif.get()
    if instansi_id is None:
        raise TanpaLingkupInstansi(
            "Data instansi diakses tanpa lingkup instansi (lingkup_instansi)."
        )
    return instansi_id


# What one request has already read and may read again unchanged (the agency's settings):
# a dict open for the request's duration (LingkupInstansiMiddleware), None elsewhere,
# so tasks, shells and tests outside a request always read afresh.
_memo_permintaan: ContextVar[dict | None] = ContextVar("memo_permintaan", default=None)


def memo_permintaan() -> dict | None:
    return _memo_permintaan.get()


@contextmanager
def buka_memo_permintaan() -> Iterator[dict]:
    token = _memo_permintaan.set({})
    try:
        yield _memo_permintaan.get()
    finally:
        _memo_permintaan.reset(token)


def ada_lingkup() -> bool:
    return _instansi_aktif.get() is not None


def instansi_lingkup() -> int | None:
    """The agency of the open scope, None outside one (or in the platform scope)."""
    return _instansi_aktif.get()


def _atur_db(instansi_id: int | None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config(%s, %s, true)",
            [PENGATURAN_DB, "" if instansi_id is None else str(instansi_id)],
        )


@contextmanager
def lingkup_instansi(instansi: int | models.Model) -> Iterator[None]:
    """Act for one agency inside a transaction, in Python and in PostgreSQL."""
    instansi_id = instansi if isinstance(instansi, int) else instansi.pk
    sebelumnya = _instansi_aktif.get()
    with transaction.atomic():
        token = _instansi_aktif.set(instansi_id)
        _atur_db(instansi_id)
        berhasil = False
        try:
            yield
            berhasil = True
        finally:
            _instansi_aktif.reset(token)
            # On error the surrounding atomic rolls back, which also undoes
            # set_config; only a clean exit needs the old value restored.
            if berhasil:
                _atur_db(sebelumnya)


def di_lingkup_platform() -> bool:
    return _platform_aktif.get()


@contextmanager
def lingkup_platform() -> Iterator[None]:
    """Act as the platform (superadmin) inside a transaction: accounts of every agency."""
    sebelumnya = _platform_aktif.get()
    with transaction.atomic():
        token = _platform_aktif.set(True)
        _atur_platform(True)
        berhasil = False
        try:
            yield
            berhasil = True
        finally:
            _platform_aktif.reset(token)
            if berhasil:
                _atur_platform(sebelumnya)


def _atur_platform(aktif: bool) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config(%s, %s, true)", [PENGATURAN_PLATFORM, "ya" if aktif else ""]
        )


def lingkup_akun(pengguna):
    """The scope an account's own row is read and written in."""
    if pengguna.instansi_id is None:
        return lingkup_platform()
    return lingkup_instansi(pengguna.instansi_id)


class InstansiManager(models.Manager):
    """Default manager of tenant models: only the active agency's rows."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(instansi_id=instansi_aktif_id())


class ModelInstansiDasar(models.Model):
    """Base of every tenant-owned table: non-null instansi and the scoped manager."""

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.PROTECT, editable=False, related_name="+"
    )

    objects = InstansiManager()
    # Unscoped in Python; row-level security still applies in PostgreSQL.
    lintas_instansi = models.Manager()  # noqa: DJ012 (a manager, not a field)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        aktif = instansi_aktif_id()
        if self.instansi_id is None:
            self.instansi_id = aktif
        elif self.instansi_id != aktif:
            raise LintasInstansi("Objek milik instansi lain tidak boleh disimpan di sini.")
        super().save(*args, **kwargs)


class ModelInstansi(ModelInstansiDasar):
    """A tenant table whose every change is kept (who, when, before/after) for audit.

    Insert-only tables (an archived signed PDF) use `ModelInstansiDasar`:
    the row itself is the record.
    """

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class LingkupInstansiMiddleware:
    """Run each logged-in request inside its scope and one transaction.

    The scope comes from the session (written at login), so the user row
    itself is loaded under row-level security: a tenant user's request opens
    its agency, the superadmin's the platform scope. Sits right after the
    session middleware, before authentication.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sesi = getattr(request, "session", None)
        if sesi is None or KUNCI_SESI not in sesi:
            return self.get_response(request)
        instansi_id = sesi[KUNCI_SESI]
        lingkup = lingkup_platform() if instansi_id is None else lingkup_instansi(instansi_id)
        with lingkup, buka_memo_permintaan():
            return self.get_response(request)


def tugas_instansi(fungsi):
    """Decorator for Celery task bodies whose first argument is the instansi id."""

    @functools.wraps(fungsi)
    def bungkus(instansi_id: int, *args, **kwargs):
        with lingkup_instansi(instansi_id):
            return fungsi(instansi_id, *args, **kwargs)

    return bungkus
