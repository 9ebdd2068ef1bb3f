"""Evaluation jobs run by the worker. The deadline timers run on the shared sweep
(organisasi.tasks.sapu_tenggat, evaluasi.tenggat)."""

from celery import shared_task

from organisasi.tenancy import tugas_instansi

from . import services


@shared_task(name="evaluasi.penugasan_selaraskan")
@tugas_instansi
def penugasan_selaraskan(instansi_id: int) -> int:
    """After a change to what decides who evaluates (sinyal.py): unsigned drafts follow
    the rule's answer now. Idempotent: a rerun finds nothing left to change."""
    return services.penugasan_selaraskan_semua()
