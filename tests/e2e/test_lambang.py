"""The agency admin uploads the emblem for official documents on the settings page, in a
real browser: told first that documents print without one, then the stored emblem is
shown; the page fits a 390 px phone and passes axe at 390 and 1280 px (screenshots in
/tmp/shots/admin)."""

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from organisasi.models import LambangInstansi
from organisasi.tenancy import lingkup_instansi
from tests.conftest import SANDI

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
FOTO = Path("/tmp/shots/admin")
ATURAN_AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def lambang_contoh() -> bytes:
    """A made-up emblem (a gold shield with a star) on a transparent background."""
    gambar = Image.new("RGBA", (600, 700), (0, 0, 0, 0))
    gambar_ = ImageDraw.Draw(gambar)
    gambar_.polygon(
        [(60, 60), (540, 60), (540, 380), (300, 660), (60, 380)],
        fill=(196, 150, 32, 255),
        outline=(90, 60, 10, 255),
    )
    gambar_.polygon(
        [(300, 150), (335, 260), (450, 260), (355, 325), (390, 440), (300, 370), (210, 440),
         (245, 325), (150, 260), (265, 260)],
        fill=(255, 255, 255, 255),
    )  # fmt: skip
    keluar = io.BytesIO()
    gambar.save(keluar, "PNG")
    return keluar.getvalue()


def _periksa(halaman, nama, fokus="#lambang-judul"):
    from axe_playwright_python.sync_playwright import Axe

    FOTO.mkdir(parents=True, exist_ok=True)
    for ukuran, label in (({"width": 390, "height": 844}, "390"),
                          ({"width": 1280, "height": 900}, "1280")):  # fmt: skip
        halaman.set_viewport_size(ukuran)
        lebar, layar = halaman.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert lebar <= layar, f"{nama} melebar di {label}px"
        hasil = Axe().run(halaman, options=ATURAN_AXE).response
        assert not hasil["violations"], [v["id"] for v in hasil["violations"]]
        halaman.locator(fokus).first.scroll_into_view_if_needed()
        halaman.screenshot(path=str(FOTO / f"{nama}-{label}.png"))


def test_admin_mengunggah_lambang(halaman, admin_a, instansi_a, tmp_path):
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill(admin_a.username)
    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.goto("/pengaturan/")
    assert halaman.get_by_text("Dokumen evaluasi dicetak tanpa lambang").is_visible()
    _periksa(halaman, "pengaturan-lambang-belum")

    # A renamed program is refused by its content, with the reason beside the field.
    palsu = tmp_path / "lambang.png"
    palsu.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    halaman.get_by_label("Berkas lambang").set_input_files(str(palsu))
    halaman.get_by_role("button", name="Unggah lambang").click()
    assert halaman.get_by_text("Lambang harus berupa gambar PNG atau JPEG.").is_visible()
    _periksa(halaman, "pengaturan-lambang-ditolak", fokus=".lambang-pengaturan .errorlist")

    berkas = tmp_path / "lambang-kota.png"
    berkas.write_bytes(lambang_contoh())
    halaman.get_by_label("Berkas lambang").set_input_files(str(berkas))
    halaman.get_by_role("button", name="Unggah lambang").click()
    assert halaman.get_by_text("Lambang disimpan.").is_visible()
    gambar = halaman.get_by_alt_text("Lambang yang tersimpan")
    # decode(): waits until the image has loaded (it may still be loading when the text
    # shows), and fails if it cannot be shown.
    assert gambar.evaluate("g => g.decode().then(() => g.naturalWidth)") == 600
    assert halaman.get_by_text("dicetak tanpa lambang").count() == 0
    _periksa(halaman, "pengaturan-lambang-ada")
    with lingkup_instansi(instansi_a):
        assert LambangInstansi.objects.get().lebar == 600
