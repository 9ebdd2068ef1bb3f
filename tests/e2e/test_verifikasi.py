"""The public verification page in a real browser, without logging in: the QR code's
address confirms an archived dokumen evaluasi, the PDF itself is accepted and a changed copy
rejected; the page fits a 390 px phone and passes axe at 390 and 1280 px (screenshots in
/tmp/shots/dokumen)."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from evaluasi import dokumen
from evaluasi.models import EvaluasiKinerja
from organisasi.tenancy import lingkup_instansi
from tests.e2e.bantuan import foto_penuh
from tests.factories import Org, akun, skp_contoh

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
FOTO = Path("/tmp/shots/dokumen")
ATURAN_AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def arsip(instansi_a):
    org = Org(instansi_a)
    skp = skp_contoh(org, status="ditandatangani")
    pengguna = akun(org, org.kasi, "teguh")
    with lingkup_instansi(instansi_a):
        e = EvaluasiKinerja.objects.create(
            pegawai=org.staf, skp=skp, tahun=2026, periode_jenis="bulanan", periode_nomor=1,
            penilai=org.kasi, atasan_penilai=org.kabid, rating_hasil_kerja="sesuai",
            rating_perilaku_kerja="sesuai", predikat="baik", catatan="Rahasia penilai",
            status="d11_ditandatangani",
            ditandatangani_pada=datetime(2026, 2, 5, 9, tzinfo=ZoneInfo("Asia/Jakarta")),
        )  # fmt: skip
        return dokumen.arsipkan_evaluasi(e, pengguna)


def _periksa_tampilan(halaman, nama):
    from axe_playwright_python.sync_playwright import Axe

    FOTO.mkdir(parents=True, exist_ok=True)
    for ukuran, label in (({"width": 390, "height": 844}, "390"),
                          ({"width": 1280, "height": 900}, "1280")):  # fmt: skip
        halaman.set_viewport_size(ukuran)
        lebar, layar = halaman.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert lebar <= layar, f"{nama} melebar di {label}px"
        hasil = Axe().run(halaman, options=ATURAN_AXE).response
        assert not hasil["violations"], [v["id"] for v in hasil["violations"]]
        foto_penuh(halaman, str(FOTO / f"{nama}-{label}.png"))


def test_verifikasi_mengonfirmasi_pdf_dan_menolak_yang_diubah(halaman, arsip, tmp_path):
    isi = bytes(arsip.isi)
    halaman.goto(f"/verifikasi/{arsip.token}/")
    assert halaman.get_by_text("Dokumen asli.").is_visible()
    assert "Rahasia penilai" not in halaman.content()
    _periksa_tampilan(halaman, "verifikasi-asli")

    asli = tmp_path / "dokumen-evaluasi.pdf"
    asli.write_bytes(isi)
    halaman.get_by_label("Berkas PDF").set_input_files(str(asli))
    halaman.get_by_role("button", name="Periksa berkas").click()
    halaman.wait_for_load_state()
    assert halaman.get_by_text("Cocok.").is_visible()
    _periksa_tampilan(halaman, "verifikasi-cocok")

    ubah = tmp_path / "dokumen-evaluasi-diubah.pdf"
    ubah.write_bytes(isi + b"%diubah\n")  # still opens as a PDF
    halaman.get_by_label("Berkas PDF").set_input_files(str(ubah))
    halaman.get_by_role("button", name="Periksa berkas").click()
    halaman.wait_for_load_state()
    assert halaman.get_by_text("Tidak cocok.").is_visible()
    _periksa_tampilan(halaman, "verifikasi-diubah")


def test_kode_tidak_dikenal(halaman, arsip):
    lain = "a" if arsip.token[-1] != "a" else "b"
    halaman.goto(f"/verifikasi/{arsip.token[:-1]}{lain}/")
    assert halaman.get_by_text("Dokumen tidak dikenal.").is_visible()
    _periksa_tampilan(halaman, "verifikasi-tidak-dikenal")
