"""The rater's evaluation page in a real browser: three employees rated without a page
reload (one from the keyboard alone), the predikat shown at once, the calibration chart
following, a stale second tab refused with its input kept; the D.1.1 path to the employee's
signature, her download of the archived copy and the public check of it (and of a changed
copy); looked at on a desktop and a phone (screenshots in /tmp/evaluasi-shots, /tmp/shots/alur)."""

import re
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from evaluasi.models import CapaianOrganisasiUnit, EvaluasiKinerja
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from tests.conftest import SANDI
from tests.e2e.bantuan import foto_penuh, potret
from tests.evaluasi.conftest import tim_besar
from tests.factories import Org, akun, skp_contoh

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
FOTO = Path("/tmp/evaluasi-shots")
URL = "/evaluasi/2026-bulanan-1/"


def _masuk(halaman, username):
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill(username)
    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")


@pytest.fixture
def org(instansi_a):
    org = Org(instansi_a)
    org.skp = skp_contoh(org, status="ditandatangani")
    akun(org, org.kasi, "teguh")
    tim_besar(org, 2)
    with lingkup_instansi(instansi_a):
        pengaturan = pengaturan_instansi()
        pengaturan.periode_evaluasi = "bulanan"
        pengaturan.save()
        CapaianOrganisasiUnit.objects.create(
            unit=org.seksi, tahun=2026, periode_jenis="bulanan", periode_nomor=1,
            capaian="baik", ditetapkan_pada="2026-02-02",
        )  # fmt: skip
    return org


def _kalibrasi(halaman) -> str:
    return halaman.locator("#kalibrasi").inner_text()


def test_penilai_menilai_tiga_pegawai_tanpa_muat_ulang(halaman, org):
    FOTO.mkdir(exist_ok=True)
    _masuk(halaman, "teguh")
    halaman.set_viewport_size({"width": 1280, "height": 900})
    halaman.goto(URL)
    halaman.evaluate("window.__belumDimuatUlang = true")
    assert "0 dari 3 pegawai sudah berpredikat" in _kalibrasi(halaman)
    foto_penuh(halaman, str(FOTO / "tim-kosong-1280.png"))

    baris = halaman.locator("section.evaluasi-baris")
    assert baris.count() == 3
    pilihan = [("Di atas ekspektasi", "Di atas ekspektasi", "Sangat Baik"),
               ("Sesuai ekspektasi", "Sesuai ekspektasi", "Baik")]  # fmt: skip
    # The rater reads the first one's RHK and realisasi while rating her.
    baris.nth(0).locator("summary").click()
    baris.nth(0).locator(".rincian-isi").get_by_text("Memuat…", exact=True).wait_for(
        state="detached"
    )
    for i, (hk, pk, predikat) in enumerate(pilihan):
        b = baris.nth(i)
        assert b.locator(".evaluasi-baris__kepala .lencana").inner_text() == "Belum dinilai"
        b.get_by_role("group", name="Rating hasil kerja").get_by_label(hk).check()
        b.get_by_role("group", name="Rating perilaku kerja").get_by_label(pk).check()
        # The predikat appears at once, before saving.
        b.locator(".evaluasi-predikat", has_text=predikat).wait_for()
        b.get_by_role("button", name="Simpan penilaian").click()
        halaman.locator("section.evaluasi-baris").nth(i).get_by_text("Tersimpan.").wait_for()
        halaman.locator("#kalibrasi", has_text=f"{i + 1} dari 3 pegawai").wait_for()
        # A save swaps the rating part and the status; what she had open stays open.
        assert b.locator(".evaluasi-baris__kepala .lencana").inner_text() == "Sedang dievaluasi"
        assert b.get_by_role("link", name="dokumen evaluasi").count() == 1
    assert baris.nth(0).locator("details").get_attribute("open") is not None

    # The third from the keyboard alone: Tab to the first radio, arrows, Enter on Simpan.
    b = baris.nth(2)
    b.get_by_role("group", name="Rating hasil kerja").get_by_label("Di atas ekspektasi").focus()
    halaman.keyboard.press("ArrowDown")  # -> Sesuai
    halaman.keyboard.press("ArrowDown")  # -> Di bawah
    halaman.keyboard.press("Tab")  # -> perilaku group
    halaman.keyboard.press("Space")  # first option: Di atas
    b.locator(".evaluasi-predikat", has_text="Butuh Perbaikan").wait_for()
    b.get_by_role("button", name="Simpan penilaian").focus()
    halaman.keyboard.press("Enter")
    halaman.locator("#kalibrasi", has_text="3 dari 3 pegawai").wait_for()
    assert halaman.evaluate("window.__belumDimuatUlang") is True
    # One in three at Baik under a Baik organisation: the chart warns, nothing blocked.
    assert "idealnya sebagian besar pegawai berpredikat Baik" in _kalibrasi(halaman)
    with lingkup_instansi(org.instansi):
        assert sorted(EvaluasiKinerja.objects.values_list("predikat", flat=True)) == [
            "baik", "butuh_perbaikan", "sangat_baik",
        ]  # fmt: skip
    foto_penuh(halaman, str(FOTO / "tim-dinilai-1280.png"))

    # RHK open on demand.
    dedi = halaman.locator(f"#baris-{org.skp.pk}")
    dedi.locator("summary").click()
    dedi.get_by_text("12 simpang").wait_for()
    halaman.locator("#kalibrasi").screenshot(path=str(FOTO / "kalibrasi.png"))

    halaman.set_viewport_size({"width": 390, "height": 844})
    halaman.goto(URL)
    lebar = halaman.evaluate("document.documentElement.scrollWidth")
    assert lebar <= 390
    foto_penuh(halaman, str(FOTO / "tim-390.png"))


def test_tim_besar_dipaging_dicari_dan_disaring(halaman, org):
    """A team of 45: a page of 20 at a time, a search by name or NIP and the "belum
    berpredikat" filter reach anyone; the calibration panel counts the whole team."""
    foto = Path("/tmp/shots/rating")
    foto.mkdir(parents=True, exist_ok=True)
    tim_besar(org, 42, awal=2)
    _masuk(halaman, "teguh")
    halaman.set_viewport_size({"width": 1280, "height": 900})
    halaman.goto(URL)
    assert halaman.locator("section.evaluasi-baris").count() == 20
    assert "0 dari 45 pegawai sudah berpredikat" in _kalibrasi(halaman)
    halaman.get_by_text("Halaman 1 dari 3").wait_for()
    foto_penuh(halaman, str(foto / "tim-45-1280.png"))
    halaman.evaluate("window.__belumDimuatUlang = true")

    # Search by NIP from the keyboard: the list alone is replaced.
    halaman.get_by_label("Cari nama atau NIP pegawai").fill("199001012020000040")
    halaman.locator("section.evaluasi-baris >> nth=1").wait_for(state="detached")
    baris = halaman.locator("section.evaluasi-baris")
    assert baris.count() == 1 and "Anggota 040" in baris.inner_text()
    baris.get_by_role("group", name="Rating hasil kerja").get_by_label("Sesuai ekspektasi").check()
    baris.get_by_role("group", name="Rating perilaku kerja").get_by_label(
        "Sesuai ekspektasi"
    ).check()
    baris.get_by_role("button", name="Simpan penilaian").click()
    halaman.locator("#kalibrasi", has_text="1 dari 45 pegawai").wait_for()

    # "Belum berpredikat": 44 left, over three pages that keep the filter.
    halaman.get_by_label("Cari nama atau NIP pegawai").fill("")
    halaman.get_by_label("Tampilkan").select_option("belum")
    halaman.get_by_text("44 dari 45 pegawai cocok").wait_for()
    halaman.get_by_role("link", name="Terakhir").click()
    halaman.get_by_text("Halaman 3 dari 3").wait_for()
    assert halaman.locator("section.evaluasi-baris").count() == 4
    assert "saring=belum" in halaman.url and "page=3" in halaman.url
    assert "Anggota 040" not in halaman.locator("#daftar-tim").inner_text()
    assert halaman.evaluate("window.__belumDimuatUlang") is True

    halaman.set_viewport_size({"width": 390, "height": 844})
    halaman.goto(URL + "?saring=belum")
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 390
    foto_penuh(halaman, str(foto / "tim-45-390.png"))
    halaman.locator(".paginasi").screenshot(path=str(foto / "paginasi-390.png"))


def _nilai_sesuai_simpan(baris) -> None:
    """Rate a row sesuai/sesuai and save it; wait for the row to say it saved."""
    baris.get_by_role("group", name="Rating hasil kerja").get_by_label("Sesuai ekspektasi").check()
    baris.get_by_role("group", name="Rating perilaku kerja").get_by_label(
        "Sesuai ekspektasi"
    ).check()
    baris.get_by_role("button", name="Simpan penilaian").click()
    baris.get_by_text("Tersimpan.", exact=True).wait_for()


def test_tab_kedua_ditolak_isian_tetap(halaman, org):
    _masuk(halaman, "teguh")
    halaman.goto(URL)
    kedua = halaman.context.new_page()
    kedua.goto(URL)
    _nilai_sesuai_simpan(halaman.locator(f"#baris-{org.skp.pk}"))

    b2 = kedua.locator(f"#baris-{org.skp.pk}")
    b2.get_by_label("Catatan/rekomendasi").fill("Tulisan di tab kedua")
    b2.get_by_role("button", name="Simpan penilaian").click()
    kedua.get_by_text("Isian Anda belum disimpan").wait_for()
    assert (
        kedua.locator(f"#baris-{org.skp.pk}").get_by_label("Catatan/rekomendasi").input_value()
        == "Tulisan di tab kedua"
    )
    kedua.set_viewport_size({"width": 1280, "height": 900})
    kedua.locator(f"#baris-{org.skp.pk}").screenshot(path=str(FOTO / "tab-kedua.png"))
    # Saved again on purpose, it goes through.
    kedua.locator(f"#baris-{org.skp.pk}").get_by_role("button", name="Simpan penilaian").click()
    kedua.locator(f"#baris-{org.skp.pk}").get_by_role("status").wait_for()
    with lingkup_instansi(org.instansi):
        assert EvaluasiKinerja.objects.get(pegawai=org.staf).catatan == "Tulisan di tab kedua"


def test_pegawai_pindah_saat_halaman_terbuka_penilai_lama_diberi_tahu(halaman, org):
    """Teguh has the team page open; Dedi's move to another rater is recorded and his draft
    follows (the worker's re-pointing, run here directly). Teguh's next save changes
    nothing and says so in the row, with why and what to do, not a button that seems dead;
    reloading shows his team without Dedi."""
    from evaluasi import services
    from tests.evaluasi.test_views import _dedi_pindah_15_januari

    _masuk(halaman, "teguh")
    halaman.set_viewport_size({"width": 1280, "height": 900})
    halaman.goto(URL)
    b = halaman.locator(f"#baris-{org.skp.pk}")
    _nilai_sesuai_simpan(b)

    _dedi_pindah_15_januari(org)
    with lingkup_instansi(org.instansi):
        services.penugasan_selaraskan_semua()
    b.get_by_role("group", name="Rating hasil kerja").get_by_label("Di atas ekspektasi").check()
    b.get_by_role("button", name="Simpan penilaian").click()
    galat = b.get_by_role("alert")
    galat.wait_for()
    assert "belum tersimpan" in galat.inner_text()
    assert "pindah ke pejabat penilai lain" in galat.inner_text()
    assert b.get_by_text("Tersimpan.", exact=True).count() == 0  # the earlier save's word
    for lebar in (1280, 390):
        halaman.set_viewport_size({"width": lebar, "height": 900})
        b.screenshot(path=str(FOTO / f"pindah-ditolak-{lebar}.png"))
    with lingkup_instansi(org.instansi):
        e = EvaluasiKinerja.objects.get(pegawai=org.staf)
    assert (e.rating_hasil_kerja, e.penilai_id) == ("sesuai", org.kabid.pk)

    with halaman.expect_navigation():
        galat.get_by_role("link", name="Muat ulang halaman untuk melihat keadaan terbaru").click()
    assert halaman.locator(f"#baris-{org.skp.pk}").count() == 0
    assert halaman.locator("section.evaluasi-baris").count() == 2

    # Sari, his rater now, reads on the case page whose draft she continues and why.
    akun(org, org.kabid, "sari")
    halaman.context.clear_cookies()
    _masuk(halaman, "sari")
    halaman.goto(f"/evaluasi/kasus/{e.pk}/")
    halaman.get_by_text("Beralih dari pejabat penilai Teguh kepada Sari").wait_for()
    potret(halaman, FOTO, "kasus-beralih")


def test_halaman_capaian(halaman, org, admin_a):
    FOTO.mkdir(exist_ok=True)
    _masuk(halaman, "admin.a")
    for lebar in (1280, 390):
        halaman.set_viewport_size({"width": lebar, "height": 900})
        halaman.goto("/evaluasi/capaian/2026-bulanan-1/")
        assert halaman.evaluate("document.documentElement.scrollWidth") <= lebar
        foto_penuh(halaman, str(FOTO / f"capaian-{lebar}.png"))
    halaman.get_by_label("Capaian Seksi Angkutan").select_option("istimewa")
    halaman.locator("tr", has_text="Seksi Angkutan").get_by_role("button", name="Simpan").click()
    halaman.get_by_text("Seksi Angkutan periode Januari 2026: Istimewa").wait_for()


# --- The document's path -------------------------------------------------------------------

# Inside January's window (24 January - 13 February 2026); the clock ticks from there.
DALAM_JENDELA = "2026-02-05 09:00 +07:00"
FOTO_ALUR = Path("/tmp/shots/alur")


def _keluar(halaman):
    halaman.context.clear_cookies()


def _foto(halaman, nama):
    FOTO_ALUR.mkdir(parents=True, exist_ok=True)
    for lebar in (1280, 390):
        halaman.set_viewport_size({"width": lebar, "height": 900})
        assert halaman.evaluate("document.documentElement.scrollWidth") <= lebar, nama
        foto_penuh(halaman, str(FOTO_ALUR / f"{nama}-{lebar}.png"))
    halaman.set_viewport_size({"width": 1280, "height": 900})


def test_penilai_menandatangani_menyerahkan_pegawai_menandatangani(
    halaman, org, time_machine, tmp_path
):
    time_machine.move_to(DALAM_JENDELA, tick=True)
    akun(org, org.staf, "dedi")
    halaman.on("dialog", lambda d: d.accept())
    _masuk(halaman, "teguh")
    halaman.goto(URL)
    b = halaman.locator(f"#baris-{org.skp.pk}")
    b.get_by_role("group", name="Rating hasil kerja").get_by_label("Di atas ekspektasi").check()
    b.get_by_role("group", name="Rating perilaku kerja").get_by_label("Sesuai ekspektasi").check()
    b.get_by_role("button", name="Simpan penilaian").click()
    b.get_by_text("Tersimpan.").wait_for()
    b.get_by_role("button", name="Tandatangani dokumen evaluasi D.1.1").click()
    halaman.get_by_text("Dokumen evaluasi ditandatangani").wait_for()
    b = halaman.locator(f"#baris-{org.skp.pk}")
    assert b.get_by_role("button", name="Simpan penilaian").count() == 0
    b.get_by_text("Penyerahan D.1.1 kepada pegawai").wait_for()  # the next deadline, explained
    b.get_by_role("button", name="Serahkan kepada pegawai").click()
    halaman.get_by_text("Dokumen evaluasi diserahkan kepada Dedi").wait_for()
    _foto(halaman, "tim-setelah-serah")

    _keluar(halaman)
    _masuk(halaman, "dedi")
    halaman.goto("/evaluasi/saya/")
    halaman.get_by_role("link", name="Periksa dan tandatangani").click()
    halaman.get_by_text("Periksa hasil evaluasi di bawah").wait_for()
    assert "Baik" in halaman.locator("#judul-hasil + dl").inner_text()
    halaman.get_by_text("Pegawai menandatangani dan mengembalikan D.1.1").click()
    halaman.get_by_text("Dihitung sejak penerimaan oleh pegawai").wait_for()
    _foto(halaman, "kasus-pegawai")
    halaman.get_by_role("button", name="Tandatangani dan kembalikan").click()
    halaman.get_by_text("Anda sudah menandatanganinya").wait_for()
    with lingkup_instansi(org.instansi):
        assert EvaluasiKinerja.objects.get(pegawai=org.staf).status == "d11_dikembalikan"

    # She keeps her copy: the archived D.1.1 from her case page, whose printed address (the
    # QR code's) lets anyone confirm it and rejects a changed copy.
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="Unduh PDF").click()
    salinan = tmp_path / "d11.pdf"
    unduhan.value.save_as(salinan)
    isi = salinan.read_bytes()
    teks = "".join((h.extract_text() or "") for h in PdfReader(BytesIO(isi)).pages)
    assert "Periksa keaslian dan status dokumen ini" in " ".join(teks.split())
    alamat = re.search(r"/verifikasi/[A-Za-z0-9_-]+/", "".join(teks.split()))
    assert alamat, "alamat verifikasi tercetak pada dokumen"
    _keluar(halaman)
    halaman.goto(alamat.group(0))
    halaman.get_by_text("Dokumen asli.").wait_for()
    halaman.get_by_label("Berkas PDF").set_input_files(str(salinan))
    halaman.get_by_role("button", name="Periksa berkas").click()
    halaman.get_by_text("Cocok.").wait_for()
    diubah = tmp_path / "d11-diubah.pdf"
    diubah.write_bytes(isi + b"%diubah\n")
    halaman.get_by_label("Berkas PDF").set_input_files(str(diubah))
    halaman.get_by_role("button", name="Periksa berkas").click()
    halaman.get_by_text("Tidak cocok.").wait_for()


def test_jalur_atasan_menilai_dan_menandatangani_d12(halaman, org, time_machine):
    from evaluasi import services
    from evaluasi.periode import Jenis, Periode

    time_machine.move_to("2026-02-18 09:00 +07:00", tick=True)
    akun(org, org.kabid, "sari")
    with lingkup_instansi(org.instansi):
        services.evaluasi_ambil_alih(
            skp_ids=[org.skp.pk], periode=Periode(2026, Jenis.BULANAN, 1),
            waktu=datetime.now(UTC),
        )  # fmt: skip
    halaman.on("dialog", lambda d: d.accept())
    _masuk(halaman, "sari")
    halaman.goto("/")
    halaman.get_by_role(
        "link", name="Evaluasi dan tandatangani dokumen evaluasi D.1.2"
    ).first.click()
    b = halaman.locator(f"#baris-{org.skp.pk}")
    halaman.evaluate("window.__belumDimuatUlang = true")
    b.get_by_role("group", name="Rating hasil kerja").get_by_label("Sesuai ekspektasi").check()
    b.get_by_role("group", name="Rating perilaku kerja").get_by_label("Sesuai ekspektasi").check()
    b.get_by_role("button", name="Simpan penilaian").click()
    halaman.locator(f"#baris-{org.skp.pk}").get_by_text("Tersimpan.").wait_for()
    assert halaman.evaluate("window.__belumDimuatUlang") is True  # the same HTMX row
    _foto(halaman, "atasan")
    halaman.locator(f"#baris-{org.skp.pk}").get_by_role(
        "button", name="Tandatangani dokumen evaluasi D.1.2"
    ).click()
    halaman.get_by_text("Dokumen evaluasi ditandatangani").wait_for()
    with lingkup_instansi(org.instansi):
        e = EvaluasiKinerja.objects.get(pegawai=org.staf)
    assert (e.status, e.final, e.predikat) == ("d12_ditandatangani", True, "baik")
