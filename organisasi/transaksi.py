"""Transactions for services that run inside a request (the tenant scope opens one per
request, organisasi.tenancy) and outside it (tasks, the shell, tests)."""

from __future__ import annotations

import functools

from django.db import connection, transaction


def atomik(fungsi):
    """`transaction.atomic` for a service that raises every ValidationError/PermissionDenied
    before its first write: inside a transaction already open (a view's request) it adds no
    SAVEPOINT/RELEASE round trips, since a refusal has changed nothing and any later database
    error propagates and rolls the whole request back. Outside one it opens its own.

    A service that must recover from a database error itself (a unique key lost to a
    concurrent insert) wraps that one write in `transaction.atomic()`, a savepoint."""

    @functools.wraps(fungsi)
    def dibungkus(*args, **kwargs):
        if connection.in_atomic_block:
            return fungsi(*args, **kwargs)
        with transaction.atomic():
            return fungsi(*args, **kwargs)

    return dibungkus
