"""Journeys of the JPT in the demo data: the Kepala Dinas of Kota Bekasi opens his set and
signed A.1.1 (with A.1.3 and A.1.8) and his Workblock (A.1.4); the Kepala BKPSDM of
Kabupaten Karawang opens his draft A.1.2 with Manual IK, submits it, and the Sekretaris
Daerah sets it a.n. the Bupati. Every PDF is read back with pypdf."""

import io
import re

import pytest
from pypdf import PdfReader

from organisasi.demo import SANDI_DEMO, buat_demo
from organisasi.models import Instansi, Pegawai
from organisasi.tenancy import lingkup_instansi
from skp.demo import isi_skp_demo, isi_skp_jpt_demo
from skp.models import Workblock
from tests.e2e.bantuan import masuk

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


@pytest.fixture
def demo():
    buat_demo()
    isi_skp_demo()
    isi_skp_jpt_demo()


def _keluar(halaman):
    halaman.locator(".menu-pengguna summary").click()
    halaman.get_by_role("button", name="Keluar").click()
    halaman.wait_for_url("**/masuk/")


def _pdf(halaman, url) -> str:
    """The PDF the logged-in browser gets at `url`, as one line of text."""
    resp = halaman.request.get(url)
    assert resp.status == 200 and resp.headers["content-type"] == "application/pdf", url
    teks = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(resp.body())).pages)
    return " ".join(teks.split())


def _ada(teks, daftar):
    for harus in daftar:
        assert harus in teks, harus


def _buka_skp_saya(halaman):
    halaman.goto("/skp/")
    halaman.locator("table a").first.click()
    halaman.wait_for_url(re.compile(r"/skp/\d+/$"))
    return halaman.get_by_role("link", name="Lihat PDF").get_attribute("href")


def test_kepala_dinas_bekasi_membuka_a_1_1_a_1_3_a_1_4_a_1_8(halaman, demo):
    masuk(halaman, "kadis.bekasi", SANDI_DEMO)
    url_pdf = _buka_skp_saya(halaman)
    halaman.get_by_text("Format A.1.1").wait_for()
    halaman.get_by_text("memeriksa dan menetapkan SKP ini a.n. Wali Kota Bekasi").wait_for()
    teks = _pdf(halaman, url_pdf)
    _ada(
        teks,
        [
            # A.1.1, set by the Sekretaris Daerah a.n. the Wali Kota and signed
            "PENDEKATAN HASIL KERJA KUALITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            "NIP (*opsional)", "H. Bagus Pranoto, S.H., M.Si.", "Wali Kota Bekasi",
            "Kepala Dinas Kesehatan",
            "Meningkatnya derajat kesehatan masyarakat Kota Bekasi (penugasan dari Wali Kota "
            "Bekasi)",
            "(Perspektif Penerima Layanan)", "(Perspektif Anggaran)",
            "Memimpin kolaborasi lintas perangkat daerah untuk layanan kesehatan",
            "Pejabat Penilai Kinerja a.n. Wali Kota Bekasi Sekretaris Daerah",
            "Ditetapkan pada", "Ditandatangani pada",
            # A.1.8
            "LAMPIRAN SASARAN KINERJA PEGAWAI", "DUKUNGAN SUMBER DAYA",
            "Laporan capaian kinerja setiap triwulan kepada kepala daerah",
            # A.1.3
            "MANUAL INDIKATOR KINERJA",
            "Persentase keluarga berstatus sehat menurut indikator PIS-PK",
            "Aplikasi Keluarga Sehat Kementerian Kesehatan",
        ],
    )  # fmt: skip
    assert "DRAF" not in teks
    # The official's name once (identity table); the signer is the Sekretaris Daerah.
    assert teks.count("H. Bagus Pranoto") == 1

    halaman.get_by_role("link", name="Workblock strategi pencapaian (A.1.4)").click()
    halaman.get_by_text("Integrasi layanan berbasis data").first.wait_for()
    with lingkup_instansi(Instansi.objects.get(slug="kota-bekasi-demo")):
        wb = Workblock.objects.get(skp__pegawai__pengguna__username="kadis.bekasi")
    _ada(
        _pdf(halaman, f"/skp/dokumen/workblock/{wb.pk}/"),
        [
            "WORKBLOCK UNTUK IDENTIFIKASI STRATEGI PENCAPAIAN HASIL KERJA",
            "Integrasi layanan berbasis data", "IKI 1.1 dengan target yang ditetapkan",
            "A. RUTIN", "Menyusun rencana aksi triwulanan", "B. TRANSFORMATIF",
            "Dasbor kinerja beroperasi",
        ],
    )  # fmt: skip


def test_kepala_bkpsdm_karawang_a_1_2_ditetapkan_sekda_atas_nama_bupati(halaman, demo):
    masuk(halaman, "kaban.karawang", SANDI_DEMO)
    url_pdf = _buka_skp_saya(halaman)
    halaman.get_by_text("Format A.1.2").wait_for()
    draf = _pdf(halaman, url_pdf)
    _ada(
        draf,
        [
            "DRAF", "PENDEKATAN HASIL KERJA KUANTITATIF",
            "Hj. Dewi Kartika Sari, S.E., M.M.", "Bupati Karawang",
            "IKI 1.1", "Persentase perangkat daerah dengan SKP ditetapkan tepat waktu", "95%",
            "Penerima Layanan", "IKI 1.2", "90%", "Anggaran",
            "Pejabat Penilai Kinerja Bupati Karawang",
            "MANUAL INDIKATOR KINERJA",
            "Perangkat daerah tepat waktu / seluruh perangkat daerah x 100%",
        ],
    )  # fmt: skip
    url_skp = halaman.url
    halaman.on("dialog", lambda d: d.accept())
    halaman.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    halaman.get_by_text("SKP diajukan kepada pejabat penilai.").wait_for()
    _keluar(halaman)

    masuk(halaman, "sekda.karawang", SANDI_DEMO)
    halaman.get_by_role("link", name="SKP bawahan").click()
    halaman.get_by_text("Pejabat penilai, a.n. Bupati Karawang").wait_for()
    halaman.goto(url_skp)
    halaman.get_by_role("button", name="Tetapkan SKP").click()
    halaman.get_by_text("SKP ditetapkan.").wait_for()
    ditetapkan = _pdf(halaman, url_pdf)
    assert "DRAF" not in ditetapkan
    _ada(
        ditetapkan,
        [
            "Hj. Dewi Kartika Sari, S.E., M.M.",  # the official, in the identity table
            "Pejabat Penilai Kinerja a.n. Bupati Karawang Sekretaris Daerah",
            "Ditetapkan pada",
        ],
    )


def test_admin_melihat_peringatan_plt_lurah_merangkap(halaman, demo):
    """Kelurahan Kaliabang Tengah: its Sekretaris Kelurahan is also Plt. Lurah, so the
    Sekretariat's staff have one person as rater and atasan; Lampiran II names two posts
    (003:1404). The Kepala Dinas, Wali Kota twice by the same table, gets no warning."""
    masuk(halaman, "admin.bekasi", SANDI_DEMO)
    halaman.get_by_role("link", name="Pegawai", exact=True).click()
    halaman.get_by_label("Hanya pegawai yang pejabat penilainya sekaligus atasan").check()
    baris = halaman.locator("tr", has_text="Sekretariat Kelurahan Kaliabang Tengah").first
    baris.get_by_text("sama dengan pejabat penilai").wait_for()
    assert "Kepala Dinas" not in halaman.locator("#daftar-pegawai").inner_text()
    baris.locator("a").first.click()
    peringatan = halaman.locator("[data-peringatan-rangkap]")
    assert "Plt. Lurah Kaliabang Tengah" in peringatan.inner_text()
    peringatan.get_by_role("link", name="Tetapkan delegasi penilai").click()
    halaman.wait_for_url(re.compile(r"/pegawai/\d+/delegasi/$"))

    with lingkup_instansi(Instansi.objects.get(slug="kota-bekasi-demo")):
        nip_kadis = Pegawai.objects.get(pengguna__username="kadis.bekasi").nip
    halaman.goto(f"/pegawai/?q={nip_kadis}")
    kadis = halaman.locator("tr", has_text="Kepala Dinas Kesehatan").first
    assert "Wali Kota Bekasi" in kadis.inner_text()
    assert kadis.locator("[data-peringatan-rangkap]").count() == 0
