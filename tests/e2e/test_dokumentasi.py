"""Documentation in a real browser: the employee records a realisation with an uploaded
file (as from a phone's file picker), the rater opens the evidence, and the page is looked
at on a desktop and a phone (no sideways scrolling)."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.conftest import SANDI
from tests.factories import Org, akun, skp_contoh

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
FOTO = Path("/tmp/umpanbalik-shots")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _masuk(halaman, username):
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill(username)
    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")


def test_pegawai_mendokumentasikan_dengan_unggahan_penilai_membuka_bukti(
    halaman, instansi_a, tmp_path
):
    FOTO.mkdir(exist_ok=True)
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        org = Org(instansi_a)
        akun(org, org.staf, "dedi")
        akun(org, org.kasi, "teguh")
        skp = skp_contoh(org, status="ditetapkan")
        berkas = tmp_path / "laporan simpang maret.pdf"
        berkas.write_bytes(PDF)

        _masuk(halaman, "dedi")
        halaman.get_by_role(
            "link", name="Dokumentasikan realisasi kinerja Maret 2026", exact=True
        ).click()
        halaman.wait_for_url(f"**/pelaksanaan/skp/{skp.pk}/?periode=3")
        rhk = halaman.locator("section.kartu", has_text="Rencana hasil kerja 1")
        rhk.get_by_placeholder("Langkah rencana aksi").fill("Survei volume simpang")
        rhk.get_by_role("button", name="Tambah rencana aksi").click()
        halaman.get_by_text("Rencana aksi ditambahkan.").wait_for()

        halaman.get_by_label("Indikator kinerja individu").select_option(label=None, index=0)
        halaman.get_by_label("Progres").check()
        halaman.get_by_label("Realisasi yang dicapai").fill("8 dari 12 simpang selesai direkayasa")
        halaman.get_by_label("Unggah bukti dukung").set_input_files(str(berkas))
        for lebar in (1280, 390):
            halaman.set_viewport_size({"width": lebar, "height": 900})
            halaman.screenshot(path=str(FOTO / f"dokumentasi-form-{lebar}.png"), full_page=True)
        halaman.get_by_role("button", name="Simpan realisasi").click()
        halaman.get_by_text("Realisasi dan bukti dukung tersimpan.").wait_for()
        assert halaman.get_by_role("link", name="laporan simpang maret.pdf").is_visible()
        for lebar in (1280, 390):
            halaman.set_viewport_size({"width": lebar, "height": 900})
            lebar_isi = halaman.evaluate("document.documentElement.scrollWidth")
            assert lebar_isi <= lebar, f"halaman bergeser ke samping pada {lebar} px"
            halaman.screenshot(path=str(FOTO / f"dokumentasi-{lebar}.png"), full_page=True)

        halaman.context.clear_cookies()
        _masuk(halaman, "teguh")
        halaman.goto(f"/pelaksanaan/skp/{skp.pk}/?periode=3")
        assert "8 dari 12 simpang" in halaman.content()
        assert halaman.get_by_role("button", name="Simpan realisasi").count() == 0
        tautan = halaman.get_by_role("link", name="laporan simpang maret.pdf")
        resp = halaman.request.get(tautan.get_attribute("href"))
        assert resp.status == 200 and resp.body() == PDF
