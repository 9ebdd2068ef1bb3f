"""Every page each demo role can reach, opened as a person would: on a 390 px phone the page
itself never scrolls sideways (measured by script), and axe-core finds no WCAG 2 A/AA
violation, at 390 px and at 1280 px.

The pages are found by following the links each role sees, starting from the home page, so
a page added later is checked without touching this test. axe-core is the copy shipped in
the axe-playwright-python package (nothing is fetched at run time).
"""

from __future__ import annotations

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
import time_machine
from django.core.management import call_command

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

PONSEL = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ATURAN_AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# Not pages: sign-out, Django's own admin (the platform back office), static files, the
# PDF downloads (checked by the document tests) and evidence files (served as uploaded,
# checked by the evidence tests).
BUKAN_HALAMAN = re.compile(
    r"^/(keluar|platform|static|skp/dokumen|evaluasi/dokumen)/|\.pdf$"
    r"|^/pelaksanaan/(umpan-balik/)?bukti/"
)
BATAS_HALAMAN_PER_PERAN = 60


def _pola(url: str) -> str:
    """One page per route: /pegawai/12/?halaman=2 and /pegawai/31/?halaman=3 are one page."""
    bagian = urlsplit(url)
    kunci = sorted(k.split("=")[0] for k in bagian.query.split("&") if k)
    return re.sub(r"\d+", "N", bagian.path) + ("?" + "&".join(kunci) if kunci else "")


def _masuk(halaman, username, sandi):
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill(username)
    halaman.get_by_label("Kata sandi").fill(sandi)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_load_state()


def _lebar_halaman(halaman) -> tuple[int, int]:
    return tuple(halaman.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"))


def _pelanggaran_axe(axe, halaman) -> list[str]:
    hasil = axe.run(halaman, options=ATURAN_AXE).response
    return [
        f"{v['id']} ({v['help']}): " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in hasil["violations"]
    ]


def _tautan(halaman, asal: str) -> list[str]:
    hasil = []
    for href in halaman.eval_on_selector_all(
        "a[href]:not([download])", "els => els.map(e => e.getAttribute('href'))"
    ):
        url = urlsplit(urljoin(asal, href))
        if url.netloc != urlsplit(asal).netloc:
            continue
        jalur = url.path + (f"?{url.query}" if url.query else "")
        if not BUKAN_HALAMAN.search(url.path):
            hasil.append(jalur)
    return hasil


def _periksa(halaman, axe, lebar, masalah, label, *, axe_juga=True):
    halaman.set_viewport_size(lebar)
    if lebar is PONSEL:
        scroll, jendela = _lebar_halaman(halaman)
        if scroll > jendela:
            masalah.append(f"{label}: halaman {scroll} px di layar {jendela} px")
    if axe_juga:
        for v in _pelanggaran_axe(axe, halaman):
            masalah.append(f"{label} @{lebar['width']}: {v}")


@pytest.fixture
def demo(db):
    # The demo's deadlines and "keadaan per" dates follow the clock: fix it.
    with time_machine.travel("2026-03-02 09:00:00+07:00", tick=True):
        call_command("demo", stdout=io.StringIO())
        yield


def _jelajahi(peramban, live_server, axe, login, masalah, diperiksa_axe) -> int:
    """Follow every link this role sees from the home page; check each route once.

    Every page is measured on the phone. axe runs once per route and role kind on the
    phone (the same role in the other demo tenant sees the same markup) and once per
    route on the desktop: it is the slow part."""
    # bypass_csp: axe-core is injected by script, which a strict CSP would refuse.
    konteks = peramban.new_context(
        base_url=live_server.url, locale="id-ID", viewport=PONSEL, bypass_csp=True
    )
    halaman = konteks.new_page()
    halaman.set_default_timeout(15_000)
    _masuk(halaman, login["username"], login["password"])
    antrean, dilihat, jumlah = ["/"], set(), 0
    while antrean and len(dilihat) < BATAS_HALAMAN_PER_PERAN:
        jalur = antrean.pop(0)
        if _pola(jalur) in dilihat:
            continue
        dilihat.add(_pola(jalur))
        respons = halaman.goto(jalur)
        label = f"{login['username']} {jalur}"
        if urlsplit(halaman.url).path.startswith("/platform/"):
            continue  # Django's admin: the platform back office, not the app's pages
        if respons is None or respons.status != 200:
            masalah.append(f"{label}: status {respons and respons.status}")
            continue
        jumlah += 1
        # The role's kind: "JPT: Kepala Dinas (dinilai Wali Kota), SKP kuantitatif" sees
        # the markup the other Kepala Dinas sees.
        kunci_ponsel = (_pola(jalur), login["peran"].split(",")[0])
        _periksa(halaman, axe, PONSEL, masalah, label, axe_juga=kunci_ponsel not in diperiksa_axe)
        diperiksa_axe.add(kunci_ponsel)
        antrean.extend(_tautan(halaman, halaman.url))
        if _pola(jalur) not in diperiksa_axe:
            diperiksa_axe.add(_pola(jalur))
            _periksa(halaman, axe, DESKTOP, masalah, label)
    konteks.close()
    return jumlah


def _periksa_konten_htmx(peramban, live_server, axe, masalah):
    """Content that htmx brings in: the RHK and IKI forms, a unit's sub-units."""
    from organisasi.demo import SANDI_DEMO

    konteks = peramban.new_context(
        base_url=live_server.url, locale="id-ID", viewport=PONSEL, bypass_csp=True
    )
    halaman = konteks.new_page()
    halaman.set_default_timeout(15_000)
    _masuk(halaman, "pegawai.karawang", SANDI_DEMO)
    halaman.goto("/skp/")
    halaman.get_by_role("link", name=re.compile("2026")).first.click()
    halaman.get_by_role("button", name="+ Tambah rencana hasil kerja").click()
    halaman.locator("#id_rhk-teks").wait_for()
    _periksa(halaman, axe, PONSEL, masalah, "form RHK")
    halaman.locator("article.rhk").first.get_by_role("button", name="+ Tambah indikator").click()
    halaman.locator("#id_iki-teks").wait_for()
    _periksa(halaman, axe, PONSEL, masalah, "form IKI")
    halaman.locator(".menu-pengguna summary").click()
    halaman.get_by_role("button", name="Keluar").click()
    halaman.wait_for_url("**/masuk/")

    _masuk(halaman, "admin.bekasi", SANDI_DEMO)
    halaman.goto("/unit/")
    halaman.locator("details.pohon__sub > summary").first.click()
    halaman.locator("details.pohon__sub[open] .pohon__anak .pohon").first.wait_for()
    _periksa(halaman, axe, PONSEL, masalah, "pohon unit terbuka")
    _periksa(halaman, axe, DESKTOP, masalah, "pohon unit terbuka")
    konteks.close()


def test_setiap_halaman_demo_muat_di_ponsel_dan_lolos_axe(peramban, live_server, demo):
    from axe_playwright_python.sync_playwright import Axe

    from organisasi.demo import LOGIN_DEMO

    axe = Axe()
    masalah: list[str] = []
    diperiksa_axe: set = set()
    jumlah = {}
    for login in LOGIN_DEMO() if callable(LOGIN_DEMO) else LOGIN_DEMO:
        jumlah[login["username"]] = _jelajahi(
            peramban, live_server, axe, login, masalah, diperiksa_axe
        )
    _periksa_konten_htmx(peramban, live_server, axe, masalah)

    # The crawl really walked the demo: an admin reaches the organisation pages, and
    # each employee their SKP.
    assert jumlah["admin.bekasi"] >= 12 and jumlah["pegawai.bekasi"] >= 5, jumlah
    assert not masalah, "\n".join(masalah)
