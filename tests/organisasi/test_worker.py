"""Celery tasks executed by a real worker process against the test database."""

import datetime

import pytest
from django.conf import settings

from organisasi.models import HariKalender
from organisasi.tasks import detak_jantung
from organisasi.tenancy import lingkup_instansi

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def test_detak_jantung_dijalankan_worker_sebagai_peran_aplikasi(worker_celery, instansi_a):
    with lingkup_instansi(instansi_a):
        HariKalender.objects.create(
            tanggal=datetime.date(2026, 8, 18), jenis="libur", keterangan="Cuti daerah"
        )
    hasil = detak_jantung.delay().get(timeout=60)
    assert hasil["peran_db"] == settings.DATABASE_APP_ROLE
    # The worker has no tenant scope here, so RLS shows it nothing.
    assert hasil["baris_tanpa_lingkup"] == 0
