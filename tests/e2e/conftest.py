"""Headless Chromium (Debian's package) driven by Playwright against pytest-django's live server."""

import os
import shutil

import pytest

# Playwright's sync API keeps an event loop in the test thread; the test body's
# own ORM calls are plain synchronous code and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def peramban():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}; pasang paket Debian 'chromium'.")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def halaman(peramban, live_server):
    konteks = peramban.new_context(base_url=live_server.url, locale="id-ID")
    page = konteks.new_page()
    page.set_default_timeout(15_000)
    # Every browser journey doubles as a Content-Security-Policy check: an inline
    # script, handler or style attribute the policy blocks shows up here.
    pelanggaran = []
    page.on(
        "console",
        lambda m: pelanggaran.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield page
    konteks.close()
    assert not pelanggaran, "Pelanggaran Content-Security-Policy:\n" + "\n".join(pelanggaran)
