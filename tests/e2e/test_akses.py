"""Journey: a delegated rater who heads no unit and the atasan pejabat penilai find the
SKP through the sidebar; the atasan reads it without actions until it is escalated; the
admin's settings page shows every app's section. Set KINERJA_TANGKAPAN=<dir> to keep
screenshots at 1280 and 390 px."""

import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from organisasi.models import DelegasiPenilai, Penempatan
from organisasi.tenancy import lingkup_instansi
from skp.services import identitas
from tests.e2e.bantuan import foto_penuh, masuk
from tests.factories import AWAL, Org, akun, skp_contoh

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
LEBAR = (1280, 390)


@pytest.fixture(autouse=True)
def _maret_2026():
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        yield


def _potret(halaman, nama, *, periksa_lebar=True):
    folder = os.environ.get("KINERJA_TANGKAPAN")
    for lebar in LEBAR:
        halaman.set_viewport_size({"width": lebar, "height": 900})
        # No page wider than the screen (a phone must not scroll sideways).
        lebar_isi = halaman.evaluate("document.documentElement.scrollWidth")
        assert not periksa_lebar or lebar_isi <= lebar, f"{nama} {lebar}px: {lebar_isi}px"
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            foto_penuh(halaman, f"{folder}/{nama}-{lebar}.png")
    halaman.set_viewport_size({"width": 1280, "height": 900})


def _potret_menu(halaman, nama):
    """The sidebar as a phone shows it: behind the Menu button."""
    folder = os.environ.get("KINERJA_TANGKAPAN")
    halaman.set_viewport_size({"width": 390, "height": 900})
    halaman.get_by_role("button", name="Menu", exact=True).click()
    halaman.locator("#navigasi").get_by_role("link", name="SKP bawahan").wait_for()
    if folder:
        halaman.screenshot(path=f"{folder}/{nama}-menu-390.png")
    halaman.get_by_role("button", name="Menu", exact=True).click()
    halaman.set_viewport_size({"width": 1280, "height": 900})
    if folder:
        halaman.screenshot(path=f"{folder}/{nama}-menu-1280.png")


def _menu(halaman) -> list[str]:
    return [t.strip() for t in halaman.locator("nav a").all_inner_texts()]


def test_penilai_delegasi_dan_atasan_menemukan_skp_lewat_menu(halaman, instansi_a):
    org = Org(instansi_a)
    with lingkup_instansi(instansi_a):
        rina = org.orang("Rina")
        Penempatan.objects.create(pegawai=rina, jabatan=org.jabatan_staf2, mulai=AWAL)
        # Dedi's rater by delegation; Sari (Kepala Bidang) stays atasan.
        DelegasiPenilai.objects.create(
            pegawai=org.staf, penilai=rina, atasan_penilai=org.kabid,
            mulai=date(2026, 1, 2), dasar="SK Kepala Dinas 800/12",
        )  # fmt: skip
    akun(org, rina, "rina")
    akun(org, org.kabid, "sari")
    akun(org, org.kadis, "admin.dinas", admin=True)
    skp = skp_contoh(org, status="diajukan")
    with lingkup_instansi(instansi_a):
        skp.penilai = rina
        skp.identitas = identitas(skp, date(2026, 1, 5))
        skp.save()

    masuk(halaman, "rina")
    assert "SKP bawahan" in _menu(halaman)
    _potret_menu(halaman, "penilai-delegasi")
    halaman.get_by_role("link", name="SKP bawahan").click()
    halaman.get_by_text("menunggu Anda").wait_for()
    _potret(halaman, "penilai-delegasi-skp-bawahan")
    halaman.get_by_role("link", name="Dedi").click()
    halaman.get_by_role("button", name="Tetapkan SKP").wait_for()
    halaman.context.clear_cookies()

    masuk(halaman, "sari")
    assert "SKP bawahan" in _menu(halaman)
    _potret_menu(halaman, "atasan")
    halaman.get_by_role("link", name="SKP bawahan").click()
    halaman.get_by_text("Atasan pejabat penilai").first.wait_for()
    _potret(halaman, "atasan-skp-bawahan")
    halaman.get_by_role("link", name="Dedi").click()
    halaman.get_by_text("Anda atasan pejabat penilai untuk SKP ini").wait_for()
    assert halaman.get_by_role("button", name="Tetapkan SKP").count() == 0
    # The SKP page's tables on a phone are issue 8's layout work.
    _potret(halaman, "atasan-skp-detail", periksa_lebar=False)
    halaman.context.clear_cookies()

    masuk(halaman, "admin.dinas")
    halaman.goto("/pengaturan/")
    for judul in ("Penilai dan Plt/Plh", "Batas penetapan SKP", "Evaluasi kinerja"):
        halaman.locator("legend", has_text=judul).first.wait_for()
    _potret(halaman, "admin-pengaturan")
