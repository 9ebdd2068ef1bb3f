"""The Celery app: worker and beat for deadlines, escalations and bulk exports."""

import os

from celery import Celery

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
