"""Journeys through the planning pages around the SKP, in headless Chromium:

- a Kepala Seksi whose own SKP is still in review divides his work in the MPH, opens the
  PDF from the page and its cells read back;
- a staff member sees why there is no matrix for her and what to do next;
- the MPH, performance tree, Manual IK and Workblock pages at 1280 and 390 px wide: the
  page itself never scrolls sideways (screenshots under /tmp/mph_layar for a person to
  look at)."""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from organisasi.tenancy import lingkup_instansi
from skp import manual_ik, mph
from skp.models import ButirWorkblock, RencanaHasilKerja, Workblock
from tests.e2e.bantuan import foto_penuh, masuk
from tests.factories import Org
from tests.skp.test_mph import (
    IKI_1,
    IKI_2,
    MANUAL,
    RHK_KADIS,
    TANGGAL,
    _akun,
    _isi,
    _kolom,
    _skp,
    _turunkan,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

LAYAR = Path("/tmp/mph_layar")
RHK_1 = "Tersusunnya desain rekayasa simpang prioritas"
RHK_2 = "Terkendalinya antrean di simpang padat"
PERAN = "Terhimpunnya data volume lalu lintas simpang"
RHK_KASI = "Tersedianya desain simpang koridor utama"


def _teks_pdf(isi: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages))


def test_kasi_membagi_peran_selagi_skp_diperiksa_dan_membuka_pdf(halaman, instansi_a):
    org = Org(instansi_a)
    _akun(org, org.kasi, "teguh")
    skp = _skp(org, org.kasi, penilai=org.kabid, status="diajukan",
               rhk=[(RHK_1, ["Desain 4 simpang"]), (RHK_2, ["Antrean < 200 m"])])  # fmt: skip

    masuk(halaman, "teguh")
    halaman.goto(reverse("mph", args=[skp.pk]))
    halaman.get_by_text("masih berstatus").wait_for()
    halaman.get_by_role("button", name="Buka matriks pimpinan").click()
    halaman.get_by_text("Matriks dibuat dengan 1 baris").wait_for()

    # Fill Dedi's cell under RHK 1 in place.
    halaman.get_by_role("link", name="Ubah peran Dedi pada RHK 1").click()
    halaman.get_by_label("Peran hasil Dedi — RHK 1").fill(PERAN)
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.locator(".mph-sel", has_text=PERAN).wait_for()
    # Every row is on the page, not hidden behind an inner vertical scroll.
    kotak = halaman.locator(".mph-bungkus")
    assert kotak.evaluate("e => e.scrollHeight <= e.clientHeight + 1")

    with halaman.expect_popup() as tab:
        halaman.get_by_role("link", name="Unduh PDF (format A.1.5)").click()
    pdf = tab.value
    with lingkup_instansi(org.instansi):
        m = skp.matriks.get()
    assert pdf.url.endswith(reverse("mph_pdf", args=[m.pk]))
    respons = halaman.request.get(pdf.url)
    assert respons.headers["content-type"] == "application/pdf"
    teks = _teks_pdf(respons.body())
    assert re.search(rf"Teguh Kepala Seksi Rekayasa RHK 1 {RHK_1} RHK 2 {RHK_2}", teks), teks
    assert re.search(rf"Dedi Pengelola Rekayasa {PERAN} -", teks), teks


def test_staf_melihat_alasan_tanpa_matriks(halaman, instansi_a):
    org = Org(instansi_a)
    _akun(org, org.staf, "dedi")
    skp = _skp(org, org.staf, penilai=org.kasi, status="diajukan", rhk=[("Hasil", [])])
    masuk(halaman, "dedi")
    halaman.goto(reverse("mph", args=[skp.pk]))
    alasan = halaman.locator("#mph-belum-tersedia")
    alasan.wait_for()
    assert "pejabat yang memimpin unit kerja" in alasan.inner_text()
    assert "Langkah berikutnya" in alasan.inner_text()
    alasan.get_by_role("link", name="Buka SKP ini").click()
    halaman.wait_for_url(f"**{reverse('skp_detail', args=[skp.pk])}")


def _lebar_halaman(halaman) -> tuple[int, int]:
    return halaman.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


def test_halaman_perencanaan_di_layar_lebar_dan_ponsel(peramban, live_server, instansi_a):
    org = Org(instansi_a)
    akun_kadis = _akun(org, org.kadis, "rahmat")
    _akun(org, org.kabid, "sari")
    skp_kadis = _skp(org, org.kadis, penilai=None, status="draf",
                     rhk=[(RHK_KADIS, [IKI_1, IKI_2])])  # fmt: skip
    with lingkup_instansi(org.instansi):
        m = mph.mph_buat(pengguna=akun_kadis, skp=skp_kadis, tanggal=TANGGAL)
        mph.baris_tambah(pengguna=akun_kadis, matriks=m, pegawai=org.kasi, tanggal=TANGGAL)
        mph.baris_tambah(pengguna=akun_kadis, matriks=m, pegawai=org.staf, tanggal=TANGGAL)
    k1, k2 = _kolom(org, m)
    _isi(org, akun_kadis, m, org.kabid, k1, ["Tersusunnya rencana rekayasa terpadu koridor"])
    _isi(org, akun_kadis, m, org.kasi, k2, [], tidak_ada_peran=True)
    _isi(org, akun_kadis, m, org.staf, k1, ["Terhimpunnya data volume simpang"])
    _turunkan(org, akun_kadis, m)  # the tree then has linked RHK under IKI 1.1
    # One level deeper (Kasi under the Kabid's RHK): that branch loads when opened.
    skp_kasi = _skp(org, org.kasi, penilai=org.kabid, status="draf", rhk=[(RHK_KASI, [])])
    with lingkup_instansi(org.instansi):
        rhk_kabid = RencanaHasilKerja.objects.get(skp__pegawai=org.kabid)
        RencanaHasilKerja.objects.filter(skp=skp_kasi).update(rhk_pimpinan=rhk_kabid)
    with lingkup_instansi(org.instansi):
        manual_ik.manual_simpan(pengguna=akun_kadis, iki=k1.iki, data=MANUAL)
        wb = Workblock.objects.create(
            skp=skp_kadis, judul="Penataan simpang bersinyal adaptif",
            indikator_diintervensi=f"{IKI_1}: 80%", pemilik_strategi="Kepala Dinas Perhubungan",
        )  # fmt: skip
        ButirWorkblock.objects.create(
            workblock=wb, tipe="kegiatan", kategori="rutin", urutan=1, teks="Pemeliharaan lampu"
        )
    halaman_diuji = {
        "mph": reverse("mph", args=[skp_kadis.pk]),
        "pohon": f"{reverse('pohon_kinerja')}?tahun=2026",
        "manual_ik": reverse("manual_ik", args=[skp_kadis.pk]),
        "workblock": reverse("workblock", args=[skp_kadis.pk]),
    }
    LAYAR.mkdir(exist_ok=True)
    for lebar, tinggi in ((1280, 900), (390, 844)):
        konteks = peramban.new_context(
            base_url=live_server.url, locale="id-ID", viewport={"width": lebar, "height": tinggi}
        )
        page = konteks.new_page()
        page.set_default_timeout(15_000)
        masuk(page, "rahmat")
        for nama, url in halaman_diuji.items():
            page.goto(url)
            page.locator("h1").wait_for()
            foto_penuh(page, str(LAYAR / f"{nama}_{lebar}.png"))
            lebar_isi, lebar_layar = _lebar_halaman(page)
            assert lebar_isi <= lebar_layar, (nama, lebar, lebar_isi, lebar_layar)
        if lebar == 1280:
            # The deeper branch comes when its summary is opened.
            page.goto(halaman_diuji["pohon"])
            assert page.get_by_text(RHK_KASI).count() == 0
            page.locator("summary", has_text=rhk_kabid.teks).click()
            page.get_by_text(RHK_KASI).wait_for()
        konteks.close()
