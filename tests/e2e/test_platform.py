"""Journey: the platform superadmin logs in, lands on the agencies page, creates an agency
with its first admin (after a refused attempt), and that admin logs in to the new agency."""

import pytest

from organisasi.models import Instansi, Pengguna
from organisasi.tenancy import lingkup_platform
from tests.conftest import SANDI

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_superadmin_membuat_instansi_dan_admin_pertamanya(halaman, instansi_a):
    with lingkup_platform():
        Pengguna.objects.create_superuser(username="akar", password=SANDI, nama="Superadmin")
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill("akar")
    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/platform/")
    halaman.get_by_role("heading", name="Instansi di platform").wait_for()
    halaman.get_by_role("cell", name="Kota Uji A").wait_for()

    halaman.get_by_role("link", name="+ Instansi baru").click()
    halaman.get_by_label("Nama instansi").fill("Kabupaten Purwakarta")
    halaman.get_by_label("Jenis instansi").select_option(label="Instansi Daerah")
    halaman.get_by_label("Nama lengkap admin BKD/BKPSDM").fill("Rina Maharani")
    halaman.get_by_label("Nama pengguna admin").fill("admin.purwakarta")
    halaman.get_by_label("Kata sandi awal admin").fill("Kinerja#Purwakarta2026")
    halaman.get_by_label("Ulangi kata sandi").fill("Kinerja#Purwakarta2026")
    halaman.get_by_label("NIP admin").fill("1234")
    halaman.get_by_role("button", name="Buat instansi dan admin").click()
    halaman.get_by_text("NIP harus terdiri dari 18 angka.").wait_for()
    assert not Instansi.objects.filter(nama="Kabupaten Purwakarta").exists()

    halaman.get_by_label("NIP admin").fill("198703122010012004")
    halaman.get_by_label("Kata sandi awal admin").fill("Kinerja#Purwakarta2026")
    halaman.get_by_label("Ulangi kata sandi").fill("Kinerja#Purwakarta2026")
    halaman.get_by_role("button", name="Buat instansi dan admin").click()
    halaman.get_by_text(
        "Instansi Kabupaten Purwakarta dibuat dengan admin admin.purwakarta"
    ).wait_for()
    halaman.get_by_role("cell", name="kabupaten-purwakarta").wait_for()
    halaman.set_viewport_size({"width": 390, "height": 900})
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 390
    halaman.set_viewport_size({"width": 1280, "height": 900})

    halaman.locator(".menu-pengguna summary").click()
    halaman.get_by_role("button", name="Keluar").click()
    halaman.wait_for_url("**/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill("198703122010012004")
    halaman.get_by_label("Kata sandi").fill("Kinerja#Purwakarta2026")
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")
    halaman.get_by_text("Kabupaten Purwakarta").first.wait_for()
    halaman.get_by_role("link", name="Pengaturan instansi").first.wait_for()
