"""The Celery app: worker and beat for deadlines, escalations and bulk exports."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("kinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def jadwal_berkala(sender, **kwargs):
    from django.conf import settings

    sender.add_periodic_task(
        settings.CELERY_HEARTBEAT_SECONDS, sender.signature("organisasi.detak_jantung")
    )
    # Every app's deadline reminders and escalations, before the working day starts.
    # CELERY_TIMEZONE is Asia/Jakarta, so this is 06:00 WIB; the task takes the date when
    # it runs.
    sender.add_periodic_task(
        crontab(hour=6, minute=0),
        sender.signature("organisasi.sapu_tenggat_semua"),
        name="organisasi.sapu_tenggat_semua",
    )
