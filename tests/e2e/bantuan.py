"""What every browser journey does the same way: log in through the form, and look at a
page as a person would at 1280 px and on a 390 px phone (no sideways scrolling, a
screenshot of each to open and look at)."""

from pathlib import Path

from tests.conftest import SANDI

LEBAR = (1280, 390)


def masuk(halaman, username: str, sandi: str = SANDI) -> None:
    """Log in as `username`, forgetting whoever was logged in before (journeys switch people)."""
    halaman.context.clear_cookies()
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill(username)
    halaman.get_by_label("Kata sandi").fill(sandi)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")


def foto_penuh(halaman, path) -> None:
    """A full-page screenshot taken from the top: scrolled, the sticky top bar and table
    headings are drawn mid-page in the capture, over the rows they would stand above."""
    halaman.evaluate("window.scrollTo(0, 0)")
    halaman.screenshot(path=str(path), full_page=True)


def potret(halaman, folder: Path, nama: str) -> None:
    """The page at each width: it must fit (a phone must not scroll sideways), and its
    full-page screenshot lands in `folder` as `<nama>-<lebar>.png`."""
    folder.mkdir(parents=True, exist_ok=True)
    for lebar in LEBAR:
        halaman.set_viewport_size({"width": lebar, "height": 900})
        lebar_isi = halaman.evaluate("document.documentElement.scrollWidth")
        assert lebar_isi <= lebar, f"{nama}: halaman bergeser ke samping pada {lebar} px"
        foto_penuh(halaman, folder / f"{nama}-{lebar}.png")
    halaman.set_viewport_size({"width": 1280, "height": 900})
