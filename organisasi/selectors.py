"""Reads for organisasi, always scoped to the user's agency."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.http import Http404

from .tenancy import ModelInstansi


def pengguna_instansi(*, admin) -> models.QuerySet:
    """Accounts an agency admin manages: those of the admin's own agency."""
    return (
        get_user_model().objects.filter(instansi_id=admin.instansi_id).order_by("nama", "username")
    )


@dataclass(frozen=True)
class Perubahan:
    kolom: str
    sebelum: object
    sesudah: object


@dataclass(frozen=True)
class EntriRiwayat:
    waktu: object
    oleh: object
    jenis: str
    alasan: str | None
    perubahan: list[Perubahan]


_JENIS = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}


def objek_beraudit(*, label_model: str, pk: int) -> models.Model:
    """The tenant object whose history is asked for; 404 for anything not ours."""
    try:
        model = apps.get_model(label_model)
    except (LookupError, ValueError) as exc:
        raise Http404 from exc
    if not issubclass(model, ModelInstansi):
        raise Http404
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist as exc:
        raise Http404 from exc


def riwayat_objek(obj: models.Model) -> list[EntriRiwayat]:
    """Every recorded change of one object, newest first, with before/after per field."""
    catatan = list(obj.history.select_related("history_user").order_by("history_id"))
    hasil = []
    sebelumnya = None
    for rec in catatan:
        perubahan = []
        if sebelumnya is not None:
            delta = rec.diff_against(sebelumnya)
            for c in delta.changes:
                nama = obj._meta.get_field(c.field).verbose_name
                perubahan.append(Perubahan(str(nama), c.old, c.new))
        else:
            for field in obj._meta.concrete_fields:
                if field.name in {"id", "instansi"}:
                    continue
                perubahan.append(
                    Perubahan(str(field.verbose_name), None, getattr(rec, field.attname, None))
                )
        hasil.append(
            EntriRiwayat(
                waktu=rec.history_date,
                oleh=rec.history_user,
                jenis=_JENIS.get(rec.history_type, rec.history_type),
                alasan=rec.history_change_reason,
                perubahan=perubahan,
            )
        )
        sebelumnya = rec
    hasil.reverse()
    return hasil
