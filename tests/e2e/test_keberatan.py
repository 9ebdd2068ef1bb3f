"""A keberatan in a real browser: the employee files, the rater explains, the atasan
changes the result, the three sign D.1.3 and the employee downloads it. Each page is
looked at on a desktop and a phone (screenshots in /tmp/shots/keberatan)."""

from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader

from evaluasi.models import EvaluasiKinerja, Keberatan
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from tests.e2e.bantuan import masuk, potret
from tests.factories import Org, akun, skp_contoh

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
FOTO = Path("/tmp/shots/keberatan")


@pytest.fixture
def org(instansi_a):
    org = Org(instansi_a)
    org.skp = skp_contoh(org, status="ditandatangani")
    for pegawai, nama in ((org.staf, "dedi"), (org.kasi, "teguh"), (org.kabid, "sari")):
        akun(org, pegawai, nama)
    with lingkup_instansi(instansi_a):
        pengaturan = pengaturan_instansi()
        pengaturan.periode_evaluasi = "bulanan"
        pengaturan.save()
        sekarang = timezone.now()
        EvaluasiKinerja.objects.create(
            pegawai=org.staf, skp=org.skp, tahun=2026, periode_jenis="bulanan", periode_nomor=1,
            penilai=org.kasi, atasan_penilai=org.kabid, rating_hasil_kerja="sesuai",
            rating_perilaku_kerja="sesuai", predikat="baik", catatan="Pertahankan.",
            status="d11_diserahkan", ditandatangani_pada=sekarang, diserahkan_pada=sekarang,
        )  # fmt: skip
    return org


def test_pegawai_mengajukan_penilai_menjelaskan_atasan_mengubah_pegawai_mengunduh_d13(halaman, org):
    halaman.on("dialog", lambda d: d.accept())
    # The employee: from the home page to the filing form.
    masuk(halaman, "dedi")
    with lingkup_instansi(org.instansi):
        e = EvaluasiKinerja.objects.get()
    # The case page offers the form with its last day (and, further down, the filed one).
    halaman.goto(f"/evaluasi/kasus/{e.pk}/")
    halaman.get_by_role("heading", name="Keberatan").wait_for()
    potret(halaman, FOTO, "kasus-pegawai")
    halaman.get_by_role("link", name="Ajukan keberatan", exact=True).click()
    halaman.get_by_role("heading", name="Ajukan keberatan atas evaluasi Januari 2026").wait_for()
    halaman.goto("/")
    halaman.get_by_role(
        "link", name="Keberatan atas evaluasi Januari 2026 dapat diajukan", exact=True
    ).click()
    halaman.get_by_role("heading", name="Ajukan keberatan atas evaluasi Januari 2026").wait_for()
    potret(halaman, FOTO, "ajukan")
    halaman.get_by_label("Alasan keberatan").fill("Dua belas simpang selesai direkayasa.")
    halaman.get_by_role("button", name="Ajukan keberatan").click()
    halaman.get_by_text("Keberatan diajukan kepada atasan pejabat penilai").wait_for()
    potret(halaman, FOTO, "detail-pegawai")
    halaman.goto(f"/evaluasi/kasus/{e.pk}/")
    halaman.get_by_role("link", name="Lihat keberatan").wait_for()
    potret(halaman, FOTO, "kasus-pegawai-diajukan")

    # The rater explains.
    masuk(halaman, "teguh")
    halaman.get_by_role("link", name="Berikan penjelasan atas keberatan Dedi", exact=True).click()
    halaman.get_by_label("Penjelasan Anda atas keberatan ini").fill(
        "Dua rekomendasi terlambat diterima pimpinan."
    )
    halaman.get_by_role("button", name="Kirim penjelasan").click()
    halaman.get_by_text("Penjelasan tersimpan").wait_for()

    # The atasan changes the result and signs D.1.3.
    masuk(halaman, "sari")
    halaman.get_by_role("link", name="Putuskan keberatan Dedi", exact=True).click()
    halaman.get_by_text("Dua rekomendasi terlambat diterima pimpinan.").wait_for()
    potret(halaman, FOTO, "detail-atasan")
    halaman.get_by_label("Mengubah").check()
    halaman.get_by_role("group", name="Rating hasil kerja baru").get_by_label(
        "Di atas ekspektasi"
    ).check()
    halaman.get_by_role("group", name="Rating perilaku kerja baru").get_by_label(
        "Di atas ekspektasi"
    ).check()
    # The predikat from the quadrant shows before deciding.
    halaman.locator("#predikat-keberatan", has_text="Sangat Baik").wait_for()
    halaman.get_by_label("Keputusan dan rekomendasi").fill("Hasil kerja di atas ekspektasi.")
    halaman.get_by_role("button", name="Tetapkan keputusan").click()
    halaman.get_by_text("Keputusan keberatan ditetapkan.").wait_for()
    halaman.get_by_role("button", name="Tandatangani D.1.3").click()
    halaman.get_by_text("Dokumen D.1.3 Anda tandatangani.").wait_for()

    # The rater signs.
    masuk(halaman, "teguh")
    halaman.get_by_role("link", name="Tandatangani dokumen evaluasi D.1.3", exact=True).click()
    halaman.get_by_role("button", name="Tandatangani D.1.3").click()
    halaman.get_by_text("Dokumen D.1.3 Anda tandatangani.").wait_for()

    # The employee signs last and downloads the archived D.1.3.
    masuk(halaman, "dedi")
    halaman.get_by_role("link", name="Tandatangani dokumen evaluasi D.1.3", exact=True).click()
    halaman.get_by_role("button", name="Tandatangani D.1.3").click()
    halaman.get_by_text("Dokumen D.1.3 Anda tandatangani.").wait_for()
    potret(halaman, FOTO, "detail-selesai")
    tautan = halaman.get_by_role("link", name="Unduh D.1.3 (PDF)").first
    resp = halaman.request.get(tautan.get_attribute("href"))
    assert resp.ok and resp.headers["content-type"] == "application/pdf"
    teks = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(BytesIO(resp.body())).pages)  # fmt: skip
    assert "PREDIKAT KINERJA PEGAWAI : SANGAT BAIK" in teks
    assert "Periksa keaslian dan status dokumen ini" in teks  # the QR of the issued D.1.3
    assert teks.count("Ditandatangani secara elektronik pada") == 3
    with lingkup_instansi(org.instansi):
        k = Keberatan.objects.get()
        assert k.status == "d13_ditandatangani"
        assert EvaluasiKinerja.objects.get().predikat == "baik"  # the original stays


def test_admin_melihat_keberatan_yang_terlambat_diputuskan(halaman, org, admin_a):
    from evaluasi import services_keberatan as layanan
    from organisasi.models import Pengguna

    with lingkup_instansi(org.instansi):
        e = EvaluasiKinerja.objects.get()
        dedi = Pengguna.objects.get(username="dedi")
        k = layanan.keberatan_ajukan(pengguna=dedi, evaluasi=e, alasan="Target tercapai.")
        layanan.tandai_terlambat([k.pk], timezone.now())
    masuk(halaman, admin_a.username)
    halaman.get_by_role(
        "link", name="1 keberatan belum diputuskan melewati 7 hari kerja", exact=True
    ).click()
    halaman.get_by_role("heading", name="Belum diputuskan melewati 7 hari kerja (1)").wait_for()
    potret(halaman, FOTO, "daftar-admin")
    halaman.get_by_role("link", name="Dedi").first.click()
    halaman.get_by_text("Batas 7 hari kerja keputusan telah lewat").wait_for()
    # The admin reads; she has no action on it.
    assert halaman.get_by_role("button", name="Tetapkan keputusan").count() == 0
