"""Journey: an employee drafts an A.1.7 SKP with two RHK and three IKI and submits it;
the rater adds an ekspektasi khusus and sets it; the employee signs and downloads the
PDF, which holds it all."""

import io

import pytest
from pypdf import PdfReader

from tests.e2e.bantuan import masuk
from tests.factories import Org, akun

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def _keluar(halaman):
    halaman.locator(".menu-pengguna summary").click()
    halaman.get_by_role("button", name="Keluar").click()
    halaman.wait_for_url("**/masuk/")


def _tambah_rhk(halaman, teks, pimpinan):
    halaman.get_by_role("button", name="+ Tambah rencana hasil kerja").click()
    halaman.locator("#id_rhk-teks").fill(teks)
    halaman.get_by_label("Penugasan dari (jabatan pimpinan/tim kerja)").fill(
        "Kepala Seksi Rekayasa"
    )
    halaman.get_by_label("Rencana hasil kerja pimpinan yang diintervensi").fill(pimpinan)
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.get_by_text(teks).wait_for()


def _tambah_iki(halaman, rhk_teks, iki, target, aspek):
    rhk = halaman.locator("article.rhk", has_text=rhk_teks)
    rhk.get_by_role("button", name="+ Tambah indikator").click()
    halaman.locator("#id_iki-teks").fill(iki)
    halaman.get_by_label("Target", exact=True).fill(target)
    halaman.get_by_label(aspek, exact=True).check()
    halaman.get_by_role("button", name="Simpan indikator").click()
    halaman.get_by_text(iki).wait_for()


def test_susun_ajukan_tetapkan_tandatangani_unduh(halaman, instansi_a):
    org = Org(instansi_a)
    akun(org, org.staf, "dedi")
    akun(org, org.kasi, "teguh")

    # Submitting, setting and signing each ask for confirmation first (accepted here;
    # test_skp_editor checks the wording and that dismissing changes nothing).
    halaman.on("dialog", lambda d: d.accept())
    masuk(halaman, "dedi")
    halaman.goto("/skp/")
    halaman.get_by_label("Tahun").fill("2026")
    halaman.get_by_role("button", name="Buat SKP").click()
    halaman.get_by_text("Format A.1.7").wait_for()

    _tambah_rhk(
        halaman, "Tersusunnya rekayasa simpang padat", "Meningkatnya kelancaran lalu lintas"
    )
    _tambah_rhk(halaman, "Terlaksananya survei pengguna jalan", "Meningkatnya kepuasan masyarakat")
    _tambah_iki(halaman, "rekayasa simpang", "Jumlah simpang direkayasa", "12 simpang", "Kuantitas")
    _tambah_iki(
        halaman, "rekayasa simpang", "Rekomendasi diterima tepat waktu", "90% dalam 5 hari", "Waktu"
    )
    _tambah_iki(halaman, "survei pengguna", "Laporan survei tersusun", "1 laporan", "Kuantitas")
    for bagian, teks in (
        ("Dukungan sumber daya", "Data volume kendaraan"),
        ("Skema pertanggungjawaban", "Laporan kemajuan setiap bulan"),
        ("Konsekuensi", "Penghargaan non materiil bila memenuhi ekspektasi"),
    ):
        halaman.get_by_label("Bagian").select_option(label=bagian)
        halaman.locator("#id_lampiran-teks").fill(teks)
        halaman.get_by_role("button", name="Tambah butir lampiran").click()
        halaman.get_by_text(teks).wait_for()
    halaman.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    halaman.get_by_text("SKP diajukan kepada pejabat penilai.").wait_for()
    url_skp = halaman.url
    _keluar(halaman)

    masuk(halaman, "teguh")
    halaman.goto("/skp/bawahan/")
    halaman.get_by_role("link", name="Dedi").click()
    halaman.get_by_label("Nilai BerAKHLAK").select_option(label="Kolaboratif")
    halaman.locator("#id_ekspektasi-teks").fill("Berbagi data simpang dengan seksi lain")
    halaman.get_by_role("button", name="Tambah ekspektasi khusus").click()
    halaman.get_by_text("Berbagi data simpang dengan seksi lain").wait_for()
    halaman.get_by_role("button", name="Tetapkan SKP").click()
    halaman.get_by_text("SKP ditetapkan.").wait_for()
    _keluar(halaman)

    masuk(halaman, "dedi")
    halaman.goto(url_skp)
    halaman.get_by_role("button", name="Tandatangani SKP").click()
    halaman.get_by_text("SKP ditandatangani.").wait_for()
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="Unduh PDF").click()
    isi = unduhan.value.path().read_bytes()
    teks = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(isi)).pages)
    teks = " ".join(teks.split())
    for harus in (
        "SASARAN KINERJA PEGAWAI",
        "Tersusunnya rekayasa simpang padat",
        "Terlaksananya survei pengguna jalan",
        "Jumlah simpang direkayasa",
        "Rekomendasi diterima tepat waktu",
        "Laporan survei tersusun",
        "12 simpang",
        "Berbagi data simpang dengan seksi lain",
        "Data volume kendaraan",
        org.staf.nip,
        org.kasi.nip,
    ):
        assert harus in teks, harus
