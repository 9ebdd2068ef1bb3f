"""Small helpers shared by the planning pages (MPH, performance tree, Manual IK,
Workblock): the SKP lookup through the access selectors and how a service's
ValidationError reaches a form or the messages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from . import selectors, workflow
from .models import SKP


def skp_atau_404(request, pk: int) -> SKP:
    return get_object_or_404(selectors.skp_untuk_pengguna(request.user), pk=pk)


def boleh_sunting_skp(pengguna, skp: SKP) -> bool:
    return workflow.boleh(workflow.Aksi.SUNTING, skp.status, selectors.peran(pengguna, skp))


def galat_ke_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for kolom, daftar in exc.message_dict.items():
            form.add_error(kolom if kolom in form.fields else None, daftar)
    else:
        form.add_error(None, exc.messages)


def pesan_galat(request, exc: ValidationError) -> None:
    for pesan in exc.messages:
        messages.error(request, pesan)
