"""What makes the worker re-point unsigned drafts (tasks.penugasan_selaraskan): a saved
or deleted row of anything `selectors.penugasan_periode` reads. A transfer, a rater's
move or a new SKP version recorded after a rater began a draft changes who evaluates it
(spec-evaluation 3.7); until the draft follows, the old rater would still find it on her
home page and the new one could not save it.

Queued once per agency per transaction, after it commits (a rolled-back change queues
nothing). Bulk writes send no post_save: the SIASN import announces its placements with
organisasi.sinyal.penempatan_diubah_massal, and another bulk job that changes these must
do the same."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from organisasi.models import (
    AturanPenilai,
    DelegasiPenilai,
    HariKalender,
    Penempatan,
    PengaturanInstansi,
)
from organisasi.sinyal import penempatan_diubah_massal
from skp.models import SKP
from skp.workflow import BELUM_DITETAPKAN

_PENANDA = "_evaluasi_penugasan_selaraskan"


def jadwalkan(instansi_id: int) -> None:
    """Queue the re-pointing for `instansi_id` when the current transaction commits,
    once however many rows it changes."""
    from .tasks import penugasan_selaraskan

    koneksi = transaction.get_connection()
    for _, fungsi, _ in getattr(koneksi, "run_on_commit", ()):
        if getattr(fungsi, _PENANDA, None) == instansi_id:
            return

    def kirim():
        penugasan_selaraskan.delay(instansi_id)

    setattr(kirim, _PENANDA, instansi_id)
    transaction.on_commit(kirim, robust=True)


def _berubah(sender, instance, **kwargs):
    if sender is SKP and instance.status in BELUM_DITETAPKAN:
        return  # an SKP not yet set decides nothing (set, signed and replaced ones do)
    jadwalkan(instance.instansi_id)


def _diubah_massal(sender, instansi_id, **kwargs):
    jadwalkan(instansi_id)


def daftarkan() -> None:
    penempatan_diubah_massal.connect(_diubah_massal, dispatch_uid="evaluasi_penugasan_massal")
    for model in (Penempatan, DelegasiPenilai, AturanPenilai, PengaturanInstansi, HariKalender,
                  SKP):  # fmt: skip
        uid = f"evaluasi_penugasan_{model._meta.model_name}"
        post_save.connect(_berubah, sender=model, dispatch_uid=f"{uid}_simpan")
        post_delete.connect(_berubah, sender=model, dispatch_uid=f"{uid}_hapus")
