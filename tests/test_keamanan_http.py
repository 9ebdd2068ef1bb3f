"""HTTP-level protections: CSP without inline code, production switches, `check --deploy`."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def _env_produksi_readme() -> dict[str, str]:
    """The production environment block of the README (after `<!-- produksi -->`)."""
    teks = (ROOT / "README.md").read_text()
    blok = teks.split("<!-- produksi -->", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    env = dict(b.strip().split("=", 1) for b in blok.strip().splitlines())
    assert {"DJANGO_HTTPS", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"} <= set(env)
    return env


def _env_bersih(**tambahan) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KINERJA_", "DJANGO_", "DATABASE_", "PYTEST", "AXES_"))
    }
    env.update(tambahan)
    return env


def test_check_deploy_bersih_dengan_pengaturan_produksi_readme():
    env = _env_bersih(**{**_env_produksi_readme(), "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)})
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "no issues" in hasil.stdout


@pytest.mark.django_db
def test_setiap_halaman_membawa_csp_tanpa_inline(client, masuk_sebagai, pegawai_a):
    masuk_sebagai(pegawai_a)
    resp = client.get(reverse("beranda"))
    csp = resp["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp


POLA_INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "skrip sebaris"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "atribut on*"),
    (re.compile(r"\shx-on[:\-]", re.I), "hx-on (butuh eval)"),
    (re.compile(r"\sstyle\s*=", re.I), "atribut style"),
    (re.compile(r"<style\b", re.I), "elemen <style>"),
    (re.compile(r"javascript:", re.I), "URL javascript:"),
]


def test_templat_halaman_tanpa_kode_sebaris():
    """Pages are served under the CSP; PDF templates (templates/dokumen) are not."""
    temuan = []
    for berkas in sorted((ROOT / "templates").rglob("*.html")):
        if "dokumen" in berkas.relative_to(ROOT / "templates").parts:
            continue
        teks = berkas.read_text()
        for pola, jenis in POLA_INLINE:
            for m in pola.finditer(teks):
                baris = teks.count("\n", 0, m.start()) + 1
                temuan.append(f"{berkas.relative_to(ROOT)}:{baris}: {jenis}")
    assert not temuan, "\n".join(temuan)


def test_pengaturan_produksi_menyala_dengan_https():
    env = _env_bersih(**_env_produksi_readme())
    kode = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings';"
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER)"
    )
    keluaran = subprocess.run(
        [sys.executable, "-c", kode], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert keluaran.stdout.split() == [
        "True",
        "31536000",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ], keluaran.stderr
    # Development and tests stay on plain HTTP.
    assert not settings.SECURE_SSL_REDIRECT and settings.SECURE_HSTS_SECONDS == 0
