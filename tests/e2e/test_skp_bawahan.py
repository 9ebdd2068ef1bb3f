"""Journey: a rater with 120 subordinates pages through their SKP list, searches and
filters, at desktop (1280 px) and phone (390 px) width. Screenshots go to
$KINERJA_TANGKAPAN (e.g. /tmp/tangkapan) when set, to be looked at; never into git."""

import os
import sys
from pathlib import Path

import pytest

from tests.e2e.bantuan import foto_penuh

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from data_bench import SANDI, organisasi_bench  # noqa: E402

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def _tangkap(halaman, nama):
    folder = os.environ.get("KINERJA_TANGKAPAN")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        foto_penuh(halaman, str(Path(folder) / f"{nama}.png"))


@pytest.mark.parametrize("lebar", [1280, 390])
def test_penilai_menelusuri_skp_bawahan_berhalaman(halaman, lebar):
    org = organisasi_bench(f"e2e-bawahan-{lebar}", 120)
    halaman.set_viewport_size({"width": lebar, "height": 900})
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill(org.penilai.username)
    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")

    halaman.goto("/skp/bawahan/")
    halaman.get_by_text("Halaman 1 dari 3").wait_for()
    assert halaman.locator("#daftar-skp tbody tr").count() == 50
    _tangkap(halaman, f"skp-bawahan-{lebar}")
    # The page itself never scrolls sideways; a wide table scrolls inside its box.
    assert halaman.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    halaman.get_by_role("link", name="Berikutnya ›").first.click()
    halaman.get_by_text("Halaman 2 dari 3").wait_for()
    assert "page=2" in halaman.url

    halaman.get_by_label("Cari nama atau NIP pegawai").fill("Pegawai 011")
    halaman.get_by_text("Pegawai 0119").wait_for()
    assert halaman.locator("#daftar-skp tbody tr").count() == 10
    assert "q=Pegawai+011" in halaman.url or "q=Pegawai%20011" in halaman.url

    halaman.get_by_label("Cari nama atau NIP pegawai").fill("")
    halaman.get_by_label("Status").select_option("draf")
    halaman.locator("#daftar-skp tbody tr").nth(1).wait_for(state="detached")
    assert halaman.locator("#daftar-skp tbody tr").count() == 1
    _tangkap(halaman, f"skp-bawahan-draf-{lebar}")
