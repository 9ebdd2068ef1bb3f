"""Follow-up of feedback in a real browser: the rater records a coaching session (B.1.6,
two issues: a row added in the form) from the employee's documentation page through the
HTMX form, reports a behaviour problem (B.1.10) citing feedback from the employee's
record, and the employee sees it on her
home page, opens it, signs it and fills her feedback (B.1.8); both pages are looked at on
a desktop and a phone (no sideways scrolling)."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from organisasi.tenancy import lingkup_instansi
from tests.e2e.bantuan import masuk, potret
from tests.factories import Org, akun, skp_contoh
from umpanbalik.models import BimbinganKinerja

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
FOTO = Path("/tmp/shots/tindak")


def test_penilai_mencatat_coaching_pegawai_melihat_dan_menandatangani(halaman, instansi_a):
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        org = Org(instansi_a)
        akun(org, org.staf, "dedi")
        akun(org, org.kasi, "teguh")
        skp = skp_contoh(org, status="ditandatangani")

        masuk(halaman, "teguh")
        halaman.goto(f"/pelaksanaan/skp/{skp.pk}/?periode=3")
        halaman.get_by_role("link", name="Tindak lanjut umpan balik").click()
        halaman.wait_for_url(f"**/pelaksanaan/skp/{skp.pk}/tindak-lanjut/")
        potret(halaman, FOTO, "tindak-lanjut-penilai-kosong")

        halaman.get_by_text("Coaching (format B.1.6)").click()
        form = halaman.locator(
            "form", has=halaman.get_by_role("button", name="Simpan dan tandatangani coaching")
        )
        form.get_by_label("Tempat").fill("Ruang rapat Seksi Rekayasa")

        def isi(nama, nilai):
            kolom = form.locator(f"[name=coaching-{nama}]")
            if nama.endswith("-iki"):
                kolom.select_option(index=nilai)
            else:
                kolom.fill(nilai)

        isi("tujuan-0-iki", 1)
        isi("tujuan-0-strategi", "Survei dua simpang per bulan")
        isi("fakta-0-iki", 1)
        isi("fakta-0-progres", "5 dari 12 simpang")
        isi("fakta-0-masalah", "Data volume kendaraan terlambat")
        isi("fakta-0-penyebab", "Alat hitung rusak")
        # A second issue in the same session: "Tambah baris" brings a row (server-rendered,
        # what was typed kept).
        form.locator("#coaching-fakta").get_by_role("button", name="Tambah baris").click()
        form.locator("[name=coaching-fakta-1-progres]").wait_for()
        assert form.locator("[name=coaching-fakta-0-progres]").input_value() == "5 dari 12 simpang"
        isi("fakta-1-iki", 2)
        isi("fakta-1-progres", "Survei kepuasan belum dimulai")
        isi("fakta-1-masalah", "Kuesioner belum disetujui")
        isi("fakta-1-penyebab", "Menunggu tanda tangan Kepala Bidang")
        isi("langkah-0-iki", 1)
        isi("langkah-0-strategi", "Ajukan akses data kamera ATCS")
        # First without the opportunity section: the message comes back in place (HTMX).
        potret(halaman, FOTO, "tindak-lanjut-form-coaching")
        form.get_by_role("button", name="Simpan dan tandatangani coaching").click()
        halaman.get_by_text("Isi peluang: apa yang dapat dilakukan pegawai.").wait_for()
        with lingkup_instansi(instansi_a):
            assert not BimbinganKinerja.objects.exists()
        assert form.locator("[name=coaching-fakta-1-progres]").input_value() == (
            "Survei kepuasan belum dimulai"
        )
        form.get_by_label("Peluang").fill("Memakai data kamera ATCS")
        form.get_by_role("button", name="Simpan dan tandatangani coaching").click()
        halaman.get_by_text("Pelaksanaan coaching tercatat").wait_for()
        assert halaman.get_by_text("Menunggu tanda tangan pegawai").is_visible()
        with lingkup_instansi(instansi_a):
            assert len(BimbinganKinerja.objects.get().isi["fakta"]) == 2
        potret(halaman, FOTO, "tindak-lanjut-penilai")

        halaman.context.clear_cookies()
        masuk(halaman, "dedi")
        halaman.get_by_role(
            "link", name="Tandatangani catatan coaching (format B.1.6)", exact=True
        ).click()
        halaman.wait_for_url(f"**/pelaksanaan/skp/{skp.pk}/tindak-lanjut/*")
        assert halaman.get_by_text("Data volume kendaraan terlambat").first.is_visible()
        assert halaman.get_by_text("Kuesioner belum disetujui").first.is_visible()
        assert halaman.get_by_role("heading", name="Catat tindak lanjut").count() == 0
        potret(halaman, FOTO, "tindak-lanjut-pegawai")
        halaman.once("dialog", lambda d: d.accept())
        halaman.get_by_role("button", name="Tandatangani B.1.6").click()
        halaman.get_by_text("Ditandatangani pegawai").wait_for()
        halaman.get_by_text("Isi umpan balik pelaksanaan bimbingan kinerja (format B.1.8)").click()
        with lingkup_instansi(instansi_a):
            b = BimbinganKinerja.objects.get()
        for n in range(1, 10):
            halaman.locator(f"textarea[name=b18-{b.pk}-k{n}]").fill(f"Ya, kriteria {n} terpenuhi")
        potret(halaman, FOTO, "tindak-lanjut-form-b18")
        halaman.get_by_role("button", name="Tandatangani dan serahkan umpan balik").click()
        halaman.get_by_text("terkirim kepada atasan dari pimpinan Anda").wait_for()
        with lingkup_instansi(instansi_a):
            b = BimbinganKinerja.objects.select_related("umpan_balik").get()
            assert b.ditandatangani_pegawai_pada is not None
            assert b.umpan_balik.jawaban[8] == "Ya, kriteria 9 terpenuhi"
        pdf = halaman.request.get(f"/pelaksanaan/skp/{skp.pk}/tindak-lanjut/bimbingan/{b.pk}.pdf")
        assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
        potret(halaman, FOTO, "tindak-lanjut-pegawai-selesai")


def test_ambil_alih_dengan_catatan_tampil_di_baris_evaluasi(halaman, instansi_a):
    catatan = "Pegawai tidak dapat menyelesaikan survei kepuasan meski sudah dibimbing."
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        org = Org(instansi_a)
        akun(org, org.staf, "dedi")
        akun(org, org.kasi, "teguh")
        skp = skp_contoh(org, status="ditandatangani")
        masuk(halaman, "teguh")
        halaman.goto(f"/pelaksanaan/skp/{skp.pk}/tindak-lanjut/")
        halaman.get_by_text("Ambil alih rencana hasil kerja").click()
        assert halaman.get_by_text("Pasal 20 ayat (6)").first.is_visible()
        # A Pasal 20(3) follow-up first: an adjustment of resources.
        halaman.get_by_text("Apresiasi, penugasan baru, penyesuaian ekspektasi").click()
        halaman.get_by_label("Penyesuaian dukungan sumber daya").check()
        halaman.get_by_label("Uraian").fill("Ditambah satu surveyor dari Seksi Angkutan")
        halaman.get_by_role("button", name="Simpan tindak lanjut").click()
        halaman.get_by_text("Penyesuaian dukungan sumber daya tercatat.").wait_for()
        halaman.get_by_text("Ambil alih rencana hasil kerja").click()
        halaman.get_by_label("Rencana hasil kerja yang diambil alih").select_option(index=1)
        halaman.once("dialog", lambda d: d.accept())
        halaman.get_by_role("button", name="Ambil alih").click()
        halaman.get_by_text("Catatan wajib diisi").wait_for()
        halaman.get_by_label("Catatan: pegawai tidak dapat").fill(catatan)
        halaman.once("dialog", lambda d: d.accept())
        halaman.get_by_role("button", name="Ambil alih").click()
        halaman.get_by_text("Rencana hasil kerja diambil alih;").wait_for()
        potret(halaman, FOTO, "tindak-lanjut-ambil-alih")
    with time_machine.travel(datetime(2026, 4, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        halaman.context.clear_cookies()
        masuk(halaman, "teguh")
        halaman.goto("/evaluasi/")
        halaman.get_by_text("RHK diambil alih pimpinan").wait_for()
        assert catatan in halaman.content()
        potret(halaman, FOTO, "evaluasi-baris-ambil-alih")
        # From the evaluation row the rater reaches the follow-up page.
        halaman.get_by_role("link", name="Tindak lanjut umpan balik Dedi").click()
        halaman.wait_for_url(f"**/pelaksanaan/skp/{skp.pk}/tindak-lanjut/")


def test_laporan_b110_memilih_umpan_balik_sebagai_bukti(halaman, instansi_a):
    from umpanbalik.models import LaporanPerilakuKerja, UmpanBalik

    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        org = Org(instansi_a)
        akun(org, org.staf, "dedi")
        akun(org, org.kasi, "teguh")
        skp = skp_contoh(org, status="ditandatangani")
        with lingkup_instansi(instansi_a):
            rhk = skp.rhk.order_by("jenis", "urutan").first()
            ub = UmpanBalik.objects.create(
                skp=skp, pegawai=org.staf, periode=2, jenis_periode="bulanan",
                sumber="penilai", sifat="berkala", cara="langsung", rhk=rhk, arah="negatif",
                teks="Tiga kali tidak hadir rapat koordinasi simpang tanpa kabar.",
                pemberi=org.kasi, nama_pemberi=org.kasi.nama,
            )  # fmt: skip
        masuk(halaman, "teguh")
        halaman.goto(f"/pelaksanaan/skp/{skp.pk}/tindak-lanjut/")
        halaman.get_by_text("Laporan permasalahan perilaku kerja untuk konseling").click()
        form = halaman.locator(
            "form", has=halaman.get_by_role("button", name="Kirim laporan kepada unit kepegawaian")
        )
        form.get_by_label("Tanggal permasalahan dikomunikasikan").fill("2026-03-02")
        form.get_by_label("Jelaskan secara detil").fill("Tidak hadir rapat koordinasi")
        form.get_by_label("Yang sudah saya lakukan").fill("Menegur langsung")
        form.get_by_label("Tiga kali tidak hadir rapat koordinasi", exact=False).check()
        potret(halaman, FOTO, "tindak-lanjut-form-b110")
        form.get_by_role("button", name="Kirim laporan kepada unit kepegawaian").click()
        halaman.get_by_text(
            "Laporan permasalahan perilaku kerja (format B.1.10) terkirim"
        ).wait_for()
        with lingkup_instansi(instansi_a):
            laporan = LaporanPerilakuKerja.objects.get()
            assert list(laporan.umpan_balik.all()) == [ub]
        assert (
            halaman.locator(f"#laporan-{laporan.pk}")
            .get_by_text("Tiga kali tidak hadir rapat koordinasi simpang tanpa kabar.")
            .is_visible()
        )
        potret(halaman, FOTO, "tindak-lanjut-b110")
