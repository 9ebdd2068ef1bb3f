"""Platform-level periodic jobs; the import jobs of an agency are in impor/pekerjaan.py."""

import logging

from celery import shared_task
from django.db import connection
from django.utils import timezone

# The import's tasks live with the job they run; imported here so the worker finds them.
from .impor.pekerjaan import impor_pratinjau, impor_terapkan  # noqa: F401

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
