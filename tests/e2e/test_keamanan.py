"""Journeys under the Content-Security-Policy: form behaviour without inline handlers,
and the 400 page for input the database cannot store."""

import pytest

from tests.e2e.bantuan import foto_penuh, masuk
from tests.factories import Org

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_ganti_tanggal_di_halaman_unit_mengirim_formulir(halaman, instansi_a, admin_a):
    org = Org(instansi_a)
    masuk(halaman, "admin.a")
    halaman.goto(f"/unit/{org.seksi.pk}/")
    # fill() on a date input fires input and change, as picking a date does; a second,
    # dispatched change would submit twice and the later navigation could land mid-screenshot.
    with halaman.expect_navigation():
        halaman.get_by_label("Tampilkan keadaan pada tanggal").fill("2026-03-02")
    halaman.wait_for_load_state()
    assert "tanggal=2026-03-02" in halaman.url
    assert halaman.get_by_label("Tampilkan keadaan pada tanggal").input_value() == "2026-03-02"
    for lebar in (1280, 390):
        halaman.set_viewport_size({"width": lebar, "height": 900})
        foto_penuh(halaman, f"/tmp/keamanan-unit-{lebar}.png")


def test_karakter_nul_di_alamat_memberi_halaman_400_berbahasa_indonesia(halaman, pegawai_a):
    masuk(halaman, "pegawai.a")
    resp = halaman.goto("/pegawai/?q=ab%00cd")
    assert resp.status == 400
    assert halaman.get_by_role("heading", name="Permintaan tidak valid").is_visible()
    assert "karakter NUL" in halaman.content()
    for lebar in (1280, 390):
        halaman.set_viewport_size({"width": lebar, "height": 800})
        foto_penuh(halaman, f"/tmp/keamanan-400-{lebar}.png")
