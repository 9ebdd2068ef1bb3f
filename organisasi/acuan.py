"""An agency's reference data (its settings row and its working-day calendar), kept in
each process between requests and never used stale.

Nearly every page and every deadline reads both; they change a few times a year. The
triggers on their tables (organisasi.models: `_trigger_versi_acuan`) give the agency's
`VersiAcuan` row a fresh stamp from a sequence, in the transaction that makes the change.
A reader takes the stamp first and uses what this process keeps under the same stamp, or
reads afresh and keeps it under that stamp:

- a committed change is seen by every transaction that reads the stamp afterwards;
- a rolled-back change leaves its stamp unused for ever (a sequence never hands out a
  number twice), so whatever a process kept inside that transaction is never matched;
- the stamp is read before the data, so data kept under a stamp is never older than it.

Within a request the stamp is read once (`tenancy.memo_permintaan`). A save or delete of
either model through the ORM drops it, and from then on the request reads it again each
time, so the request sees its own changes, also after a savepoint rolled one back. The
services change these rows one by one; a bulk write inside a request would have to drop
it too (`lupakan`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import HariKalender, PengaturanInstansi
from .tenancy import instansi_aktif_id, memo_permintaan

T = TypeVar("T")

# (what, agency id) -> (stamp, value): one entry per agency and kind in each process.
_SIMPANAN: dict[tuple[str, int], tuple[int, object]] = {}
_KUNCI_VERSI = "versi_acuan"
_KUNCI_BERUBAH = "acuan_berubah"


def versi(instansi_id: int) -> int:
    """The agency's stamp as this transaction sees it; 0 before any (never kept)."""
    memo = memo_permintaan()
    kunci = (_KUNCI_VERSI, instansi_id)
    if memo is not None and kunci in memo:
        return memo[kunci]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT versi FROM organisasi_versiacuan WHERE instansi_id = %s", [instansi_id]
        )
        baris = cursor.fetchone()
    nilai = baris[0] if baris else 0
    if memo is not None and (_KUNCI_BERUBAH, instansi_id) not in memo:
        memo[kunci] = nilai
    return nilai


def baca(jenis: str, baca_basis_data: Callable[[], T]) -> T:
    """`baca_basis_data()` for the active agency, or what this process kept of it under
    the current stamp. The value is shared between requests: it must not be changed
    (hand out a copy where a caller may change it)."""
    instansi_id = instansi_aktif_id()
    stempel = versi(instansi_id)
    kunci = (jenis, instansi_id)
    ada = _SIMPANAN.get(kunci)
    if stempel and ada is not None and ada[0] == stempel:
        return ada[1]
    nilai = baca_basis_data()
    if stempel:
        _SIMPANAN[kunci] = (stempel, nilai)
    return nilai


def lupakan(instansi_id: int) -> None:
    """This request changed the agency's reference data: read the stamp afresh from now on."""
    memo = memo_permintaan()
    if memo is not None:
        memo.pop((_KUNCI_VERSI, instansi_id), None)
        memo[(_KUNCI_BERUBAH, instansi_id)] = True


@receiver([post_save, post_delete], sender=PengaturanInstansi, dispatch_uid="acuan_pengaturan")
@receiver([post_save, post_delete], sender=HariKalender, dispatch_uid="acuan_kalender")
def _berubah(sender, instance, **kwargs):
    lupakan(instance.instansi_id)
