"""Platform-level periodic jobs; the import jobs of an agency are in impor/pekerjaan.py."""

import logging
from datetime import date, timedelta

from celery import shared_task
from django.db import connection
from django.utils import timezone

from . import pemberitahuan, tenggat

# The import's tasks live with the job they run; imported here so the worker finds them.
from .impor.pekerjaan import impor_pratinjau, impor_terapkan  # noqa: F401
from .models import Instansi

logger = logging.getLogger(__name__)


@shared_task(name="organisasi.detak_jantung")
def detak_jantung() -> dict:
    """Heartbeat scheduled by beat: shows in the logs that worker, beat and the database live.

    It also reports the database role and what it sees without a tenant
    scope, so an operator can check that the worker runs under row-level
    security (it must see no tenant rows).
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        peran = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM organisasi_harikalender")
        baris_tanpa_lingkup = cursor.fetchone()[0]
    waktu = timezone.localtime().isoformat(timespec="seconds")
    logger.info("Detak jantung worker %s: peran basis data %s", waktu, peran)
    return {"waktu": waktu, "peran_db": peran, "baris_tanpa_lingkup": baris_tanpa_lingkup}


# --- Deadline timers of every app (organisasi.tenggat) -------------------------------------


@shared_task(name="organisasi.sapu_tenggat_semua")
def sapu_tenggat_semua(hari_ini_iso: str | None = None) -> int:
    """Beat entry point, outside any tenant scope: one sweep per active agency."""
    # The only place that reads the clock; a rerun for a past day can pass the date.
    hari_ini = hari_ini_iso or timezone.localdate().isoformat()
    daftar = list(Instansi.objects.filter(aktif=True).values_list("pk", flat=True))
    for instansi_id in daftar:
        sapu_tenggat.delay(instansi_id, hari_ini)
    return len(daftar)


@shared_task(name="organisasi.sapu_tenggat")
def sapu_tenggat(instansi_id: int, hari_ini_iso: str) -> dict:
    """Reminders and escalations of one agency due on `hari_ini_iso`, each done once.

    Not `tugas_instansi`: the sweep commits batch by batch, each in its own scope, so a
    worker that dies keeps what it finished and the redelivered task does the rest."""
    waktu = timezone.now()
    hasil = tenggat.sapu(instansi_id, date.fromisoformat(hari_ini_iso), waktu)
    # E-mail a dead worker left unsent after its commit (not this run's: those go on commit).
    pemberitahuan.kirim_surel_tertunda(instansi_id, sebelum=waktu - timedelta(minutes=10))
    return {"tanggal": hari_ini_iso, **hasil.sebagai_dict()}
