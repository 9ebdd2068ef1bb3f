"""Shared fixtures: two agencies, each with an admin, an owner, a colleague; an outsider.

The test database is built as the owner role (schema, RLS policies), then
every test connection runs as the application role, exactly like the web
and worker processes, so row-level security is exercised by every test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connections
from psycopg.conninfo import make_conninfo

from organisasi.peran_db import atur_login

ROOT = Path(__file__).resolve().parent.parent
SANDI = "Sandi-Uji-2026!"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # The test database is created and migrated by the owner login.
    atur_login(True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Every test connection is the application role's own login.
    with django_db_blocker.unblock():
        atur_login(False)
    yield
    with django_db_blocker.unblock():
        atur_login(True)


def _buat_pengguna(instansi, username, *, nip=None, admin=False):
    from organisasi.models import Pengguna
    from organisasi.tenancy import lingkup_instansi

    with lingkup_instansi(instansi):
        return Pengguna.objects.create_user(
            username=username,
            password=SANDI,
            nama=username.replace(".", " ").title(),
            nip=nip,
            instansi=instansi,
            admin_instansi=admin,
        )


@pytest.fixture
def instansi_a(db):
    from organisasi.models import Instansi

    return Instansi.objects.create(nama="Kota Uji A", slug="kota-uji-a")


@pytest.fixture
def instansi_b(db):
    from organisasi.models import Instansi

    return Instansi.objects.create(nama="Kabupaten Uji B", slug="kabupaten-uji-b")


@pytest.fixture
def admin_a(instansi_a):
    return _buat_pengguna(instansi_a, "admin.a", admin=True)


@pytest.fixture
def pegawai_a(instansi_a):
    return _buat_pengguna(instansi_a, "pegawai.a", nip="198703122010011004")


@pytest.fixture
def rekan_a(instansi_a):
    return _buat_pengguna(instansi_a, "rekan.a", nip="199001052015032003")


@pytest.fixture
def admin_b(instansi_b):
    return _buat_pengguna(instansi_b, "admin.b", admin=True)


@pytest.fixture
def pegawai_b(instansi_b):
    return _buat_pengguna(instansi_b, "pegawai.b", nip="198512302009121001")


@pytest.fixture
def masuk_sebagai(client):
    """Log the test client in as a user (through the real login form's backend)."""

    def _masuk(pengguna):
        client.force_login(pengguna, backend="organisasi.auth.NipAtauUsernameBackend")
        return client

    return _masuk


# --- A real Celery worker process ------------------------------------------------------


def _url_db_uji() -> str:
    s = connections["default"].settings_dict
    return make_conninfo(
        dbname=s["NAME"],
        host=s["HOST"] or None,
        port=s["PORT"] or None,
        user=s["USER"] or None,
        password=s["PASSWORD"] or None,
    )


def _url_db_uji_pemilik() -> str:
    """The test database as the owner: for a test's own observer connection, which must see
    every agency's committed rows and every session's activity (the app role sees neither)."""
    from django.conf import settings

    s, pemilik = connections["default"].settings_dict, settings.DATABASE_PEMILIK
    return make_conninfo(
        dbname=s["NAME"],
        host=pemilik["HOST"] or None,
        port=pemilik["PORT"] or None,
        user=pemilik["USER"] or None,
        password=pemilik["PASSWORD"] or None,
    )


def mulai_worker(log: Path, antrean: str, **env_tambahan: str) -> subprocess.Popen:
    """Start a `celery worker` subprocess on `antrean` against the test database, and wait
    until it is ready. Tests that use it need `transactional_db`: the worker sees only
    committed rows, like in production."""
    env = dict(os.environ)
    env.pop("KINERJA_DB_PEMILIK", None)
    env.update(
        DATABASE_URL=_url_db_uji(),
        CELERY_QUEUE=antrean,
        KINERJA_TESTING="1",
        PYTHONUNBUFFERED="1",
        **env_tambahan,
    )
    with open(log, "w") as keluaran:
        proses = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "-Q",
                antrean,
                "-n",
                f"{log.stem}-{antrean}@%h",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
            stdout=keluaran,
            stderr=subprocess.STDOUT,
        )
    batas = time.monotonic() + 60
    while time.monotonic() < batas:
        if "ready." in log.read_text():
            return proses
        if proses.poll() is not None:
            pytest.fail(f"Worker Celery berhenti:\n{log.read_text()}")
        time.sleep(0.2)
    proses.kill()
    pytest.fail(f"Worker Celery tidak siap dalam 60 detik:\n{log.read_text()}")


def hentikan_worker(proses: subprocess.Popen) -> None:
    proses.terminate()
    try:
        proses.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proses.kill()


@pytest.fixture(scope="session")
def worker_celery(django_db_setup, tmp_path_factory):
    """A `celery worker` subprocess on a queue of its own, using the test database."""
    from config.celery import app

    antrean = f"uji-{uuid.uuid4().hex[:8]}"
    app.conf.task_default_queue = antrean
    proses = mulai_worker(tmp_path_factory.mktemp("celery") / "worker.log", antrean)
    yield proses
    hentikan_worker(proses)
