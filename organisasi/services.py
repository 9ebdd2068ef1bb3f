"""Writes for accounts, each in one transaction with its audit record."""

from django.db import transaction
from django.utils import timezone


@transaction.atomic
def pengguna_reset_sandi(*, admin, pengguna, sandi_baru: str) -> None:
    """An agency admin sets a new password for an account of the same agency."""
    if pengguna.instansi_id != admin.instansi_id or not admin.admin_instansi:
        raise PermissionError("Pengguna ini bukan milik instansi Anda.")
    pengguna.set_password(sandi_baru)
    pengguna._change_reason = (
        f"Kata sandi direset oleh {admin} pada {timezone.localtime():%d-%m-%Y %H:%M}"
    )
    pengguna._history_user = admin
    pengguna.save()
