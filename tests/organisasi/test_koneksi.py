"""Persistent connections carry nothing from one request to the next.

The tenant setting is transaction-local (`set_config(..., true)` inside the
request's transaction), so a connection kept open between requests
(CONN_MAX_AGE) starts every request without a scope. These tests drive the
real WSGI handler, whose request signals decide whether a connection is kept,
and then use the same connection as the next request would.
"""

from __future__ import annotations

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import override_settings

pytestmark = pytest.mark.django_db(transaction=True)


def _minta(path: str, cookie: str = "") -> int:
    status = []
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "HTTP_COOKIE": cookie,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    respons = WSGIHandler()(environ, lambda s, h, *a: status.append(s))
    b"".join(respons)
    respons.close()  # request_finished: the connection is kept or closed here
    return int(status[0].split()[0])


def _keadaan_koneksi() -> tuple[int, str, int, int]:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT pg_backend_pid(), coalesce(current_setting('app.instansi_id', true), ''),"
            " (SELECT count(*) FROM organisasi_pengguna),"
            " (SELECT count(*) FROM organisasi_harikalender)"
        )
        return cur.fetchone()


def test_koneksi_dipakai_ulang_secara_bawaan(settings):
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"]


@override_settings(DEBUG=False)
def test_lingkup_instansi_tidak_terbawa_ke_permintaan_berikutnya(client, pegawai_a, instansi_a):
    from organisasi.models import HariKalender
    from organisasi.tenancy import lingkup_instansi

    with lingkup_instansi(instansi_a):
        HariKalender.objects.create(tanggal="2026-08-18", jenis="libur", keterangan="Cuti")
    client.force_login(pegawai_a, backend="organisasi.auth.NipAtauUsernameBackend")
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    assert _minta("/", cookie) == 200  # a request inside agency A's scope
    pid = connection.connection.info.backend_pid  # kept open after the request
    assert _keadaan_koneksi() == (pid, "", 0, 0)

    # A request refused inside the scope (the view raises) leaves nothing either.
    assert _minta("/pegawai/999999999/", cookie) in (403, 404)
    assert _keadaan_koneksi() == (pid, "", 0, 0)

    # The next request, anonymous, on the same connection sees nothing of A.
    assert _minta("/masuk/") == 200
    assert _keadaan_koneksi() == (pid, "", 0, 0)
