"""Journey: an employee logs in by NIP in a real browser and reaches the agency's home page."""

import pytest

from tests.conftest import SANDI

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_pegawai_masuk_dengan_nip_lalu_keluar(halaman, pegawai_a):
    halaman.goto("/")
    # Not logged in: sent to the Indonesian login page.
    assert "/masuk/" in halaman.url
    assert halaman.locator("html").get_attribute("lang") == "id"

    halaman.get_by_label("NIP atau nama pengguna").fill(pegawai_a.nip)
    halaman.get_by_label("Kata sandi").fill("keliru")
    halaman.get_by_role("button", name="Masuk").click()
    assert halaman.get_by_text("kata sandi salah").is_visible()

    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")
    assert halaman.get_by_role("heading", name="Selamat datang").is_visible()
    assert "Kota Uji A" in halaman.content()

    halaman.get_by_text(pegawai_a.nama).first.click()
    halaman.get_by_role("button", name="Keluar").click()
    halaman.wait_for_url("**/masuk/")


def test_admin_melihat_menu_admin_dan_pegawai_tidak(halaman, admin_a, pegawai_a):
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill("admin.a")
    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")
    navigasi = halaman.get_by_role("navigation", name="Menu utama")
    assert navigasi.get_by_role("link", name="Akun pengguna").count() == 1
    halaman.goto("/pengguna/")
    assert halaman.get_by_role("cell", name="pegawai.a").is_visible()
