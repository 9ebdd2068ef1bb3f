"""The year's execution in one browser journey (issue 9): the employee documents a
realisation with an upload from the home page's link and corrects it (a wrong file out, the
right one in), a peer leaves feedback, the rater gives scheduled feedback from the team
page, opens the evidence, invites an outside party whose single-use link works without
login, and records a coaching session; the employee then sees all of it, the coaching
included, in one record for the month. Pages looked at on a desktop and a phone (no
sideways scroll); screenshots in /tmp/shots/jurnal/."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from organisasi.models import Penempatan
from organisasi.tenancy import lingkup_instansi
from tests.e2e.bantuan import masuk, potret
from tests.factories import AWAL, Org, akun, skp_contoh
from umpanbalik.models import BimbinganKinerja, BuktiDukung, Realisasi

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
FOTO = Path("/tmp/shots/jurnal")
PDF_LAIN = b"%PDF-1.4\n% salah berkas\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _isi_umpan_balik(halaman, tentang, teks, *, sifat=None, arah="Positif"):
    halaman.get_by_label("Tentang").select_option(label=tentang)
    if sifat:
        halaman.get_by_label(sifat).check()
    halaman.get_by_label("Langsung (tatap muka)").check()
    halaman.get_by_label(arah, exact=True).check()
    halaman.get_by_label("Isi umpan balik").fill(teks)


def test_dokumentasi_ubah_rekan_penilai_tamu_coaching_dalam_satu_rekaman(
    halaman, instansi_a, tmp_path
):
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        org = Org(instansi_a)
        with lingkup_instansi(instansi_a):
            rina = org.orang("Rina")
            Penempatan.objects.create(pegawai=rina, jabatan=org.jabatan_staf2, mulai=AWAL)
        akun(org, org.staf, "dedi")
        akun(org, org.kasi, "teguh")
        akun(org, rina, "rina")
        skp = skp_contoh(org, status="ditandatangani")
        salah = tmp_path / "foto rapat.pdf"
        salah.write_bytes(PDF_LAIN)
        berkas = tmp_path / "rekap simpang maret.pdf"
        berkas.write_bytes(PDF)

        # 1. The employee, from her home page, adds an action step and documents a
        #    realisation with an upload (the wrong file, as happens).
        masuk(halaman, "dedi")
        halaman.get_by_role(
            "link", name="Dokumentasikan realisasi kinerja Maret 2026", exact=True
        ).click()
        halaman.wait_for_url(f"**/pelaksanaan/skp/{skp.pk}/?periode=3")
        rhk = halaman.locator("section.kartu", has_text="Rencana hasil kerja 1")
        rhk.get_by_placeholder("Langkah rencana aksi").fill("Survei volume simpang")
        rhk.get_by_role("button", name="Tambah rencana aksi").click()
        halaman.get_by_text("Rencana aksi ditambahkan.").wait_for()
        halaman.get_by_label("Indikator kinerja individu").select_option(index=0)
        halaman.get_by_label("Progres").check()
        halaman.get_by_label("Realisasi yang dicapai").fill("8 dari 12 simpang selesai")
        halaman.get_by_label("Unggah bukti dukung").set_input_files(str(salah))
        halaman.get_by_role("button", name="Simpan realisasi").click()
        halaman.get_by_text("Realisasi dan bukti dukung tersimpan.").wait_for()

        # 2. She corrects it in place: the text, final instead of progress, the wrong file
        #    out and the right one in. First with the wrong file only removed: refused,
        #    nothing changes, her typing stays.
        halaman.get_by_role("link", name="Ubah realisasi 8 dari 12 simpang selesai").click()
        form = halaman.get_by_role("form", name="Ubah realisasi")
        form.get_by_label("Realisasi yang dicapai").fill("12 dari 12 simpang selesai direkayasa")
        form.get_by_label("Realisasi akhir").check()
        form.get_by_label("foto rapat.pdf").check()
        potret(halaman, FOTO, "ubah-realisasi")
        form.get_by_role("button", name="Simpan perubahan").click()
        halaman.get_by_text("harus tetap memiliki bukti dukung").wait_for()
        with lingkup_instansi(instansi_a):
            assert Realisasi.objects.get().uraian == "8 dari 12 simpang selesai"
        form = halaman.get_by_role("form", name="Ubah realisasi")
        assert "12 dari 12" in form.get_by_label("Realisasi yang dicapai").input_value()
        form.get_by_label("Tambah bukti dukung").set_input_files(str(berkas))
        potret(halaman, FOTO, "ubah-realisasi-galat")
        form.get_by_role("button", name="Simpan perubahan").click()
        halaman.get_by_text("Perubahan realisasi tersimpan.").wait_for()
        assert halaman.get_by_role("link", name="rekap simpang maret.pdf").is_visible()
        assert halaman.get_by_role("link", name="foto rapat.pdf").count() == 0
        potret(halaman, FOTO, "dokumentasi")
        with lingkup_instansi(instansi_a):
            r = Realisasi.objects.get()
            assert (r.jenis, r.uraian) == ("akhir", "12 dari 12 simpang selesai direkayasa")
            assert list(BuktiDukung.objects.values_list("nama", flat=True)) == [
                "rekap simpang maret.pdf"
            ]
            assert "foto rapat.pdf" in r.history.first().history_change_reason

        # 3. A peer leaves feedback on a BerAKHLAK value.
        masuk(halaman, "rina")
        halaman.goto(f"/pelaksanaan/umpan-balik/skp/{skp.pk}/beri/")
        assert "Anda sebagai rekan kerja" in halaman.content()
        _isi_umpan_balik(halaman, "Perilaku kerja: Kolaboratif", "Cepat berbagi data volume.",
                         sifat="Insidentil")  # fmt: skip
        potret(halaman, FOTO, "beri-umpan-balik")
        halaman.get_by_role("button", name="Simpan umpan balik").click()
        halaman.get_by_text("Umpan balik tersimpan").wait_for()

        # 4. The rater gives scheduled feedback from the team page, opens the evidence
        #    (he may not correct it), and invites a guest.
        masuk(halaman, "teguh")
        halaman.get_by_role("link", name="Umpan balik tim").click()
        halaman.wait_for_url("**/pelaksanaan/umpan-balik/tim/")
        baris = halaman.locator("tr", has_text="Dedi")
        assert "Sudah" in baris.inner_text()
        potret(halaman, FOTO, "tim")
        baris.get_by_role("link", name="Beri umpan balik").click()
        _isi_umpan_balik(
            halaman,
            "RHK 1: Tersusunnya rekayasa lalu lintas simpang padat",
            "Dua belas simpang tuntas sesuai rencana aksi; pertahankan.",
            sifat="Berkala/terjadwal",
        )
        halaman.get_by_role("button", name="Simpan umpan balik").click()
        halaman.get_by_text("Umpan balik tersimpan").wait_for()
        halaman.wait_for_url(f"**/pelaksanaan/umpan-balik/skp/{skp.pk}/?periode=3")
        tautan_bukti = halaman.get_by_role("link", name="rekap simpang maret.pdf")
        resp = halaman.request.get(tautan_bukti.get_attribute("href"))
        assert resp.status == 200 and resp.body() == PDF
        halaman.get_by_label("Pihak lain", exact=True).check()
        halaman.locator("#id_nama_tamu").fill("Ir. Bambang")
        halaman.get_by_role("button", name="Buat tautan undangan").click()
        tautan = halaman.get_by_label("Tautan undangan").input_value()
        assert "/pelaksanaan/umpan-balik/tamu/" in tautan
        halaman.goto(f"/pelaksanaan/skp/{skp.pk}/?periode=3")
        assert "12 dari 12 simpang" in halaman.content()
        assert halaman.get_by_role("button", name="Simpan realisasi").count() == 0
        assert halaman.get_by_role("link", name="Ubah realisasi 12 dari 12").count() == 0

        # 5. The guest, without an account, once.
        halaman.context.clear_cookies()
        halaman.goto(tautan)
        assert "Umpan balik kinerja untuk Dedi" in halaman.content()
        _isi_umpan_balik(halaman, "Perilaku kerja: Berorientasi pelayanan",
                         "Responsif terhadap keluhan warga di simpang.")  # fmt: skip
        potret(halaman, FOTO, "tamu")
        halaman.get_by_role("button", name="Kirim umpan balik").click()
        halaman.get_by_role("heading", name="Terima kasih").wait_for()
        halaman.goto(tautan)
        assert "sudah dipakai" in halaman.content()

        # 6. The rater records a coaching session on the follow-up page (HTMX form).
        masuk(halaman, "teguh")
        halaman.goto(f"/pelaksanaan/umpan-balik/skp/{skp.pk}/?periode=3")
        halaman.get_by_role("link", name="Buka tindak lanjut umpan balik").click()
        halaman.wait_for_url(f"**/pelaksanaan/skp/{skp.pk}/tindak-lanjut/")
        halaman.get_by_text("Coaching (format B.1.6)").click()
        form = halaman.locator(
            "form", has=halaman.get_by_role("button", name="Simpan dan tandatangani coaching")
        )
        form.get_by_label("Tempat").fill("Ruang rapat Seksi Rekayasa")
        for nama, nilai in (
            ("tujuan-0-strategi", "Survei dua simpang per bulan"),
            ("fakta-0-progres", "12 dari 12 simpang"),
            ("fakta-0-masalah", "Data volume kendaraan terlambat"),
            ("fakta-0-penyebab", "Alat hitung rusak"),
            ("langkah-0-strategi", "Ajukan akses data kamera ATCS"),
        ):
            form.locator(f"[name=coaching-{nama}]").fill(nilai)
        for nama in ("tujuan-0-iki", "fakta-0-iki", "langkah-0-iki"):
            form.locator(f"[name=coaching-{nama}]").select_option(index=1)
        form.get_by_label("Peluang").fill("Memakai data kamera ATCS")
        form.get_by_role("button", name="Simpan dan tandatangani coaching").click()
        halaman.get_by_text("Pelaksanaan coaching tercatat").wait_for()
        with lingkup_instansi(instansi_a):
            coaching = BimbinganKinerja.objects.get()

        # 7. The employee sees everything in one record for March, the coaching included.
        masuk(halaman, "dedi")
        halaman.goto(f"/pelaksanaan/skp/{skp.pk}/?periode=3")
        halaman.get_by_role("link", name="Rekaman umpan balik").click()
        halaman.wait_for_url(f"**/pelaksanaan/umpan-balik/skp/{skp.pk}/?periode=3")
        halaman.get_by_role("heading", name="Perilaku kerja").wait_for()
        teks = halaman.content()
        for isi in (
            "12 dari 12 simpang selesai direkayasa",
            "Realisasi akhir",
            "rekap simpang maret.pdf",
            "Cepat berbagi data volume.",
            "Dua belas simpang tuntas sesuai rencana aksi",
            "Responsif terhadap keluhan warga",
            "Ir. Bambang",
            "Tindak lanjut umpan balik · Maret 2026",
            "Langkah ke depan: Ajukan akses data kamera ATCS",
            "Menunggu tanda tangan pegawai",
        ):
            assert isi in teks, isi
        assert "foto rapat.pdf" not in teks and "8 dari 12" not in teks
        tl = halaman.locator("#tindak-lanjut")
        assert tl.get_by_role("heading", name="Coaching · format B.1.6 · 16-03-2026").is_visible()
        potret(halaman, FOTO, "rekaman")
        pdf = tl.get_by_role("link", name="PDF B.1.6")
        resp = halaman.request.get(pdf.get_attribute("href"))
        assert resp.status == 200 and resp.body().startswith(b"%PDF")
        resp = halaman.request.get(f"/pelaksanaan/umpan-balik/skp/{skp.pk}/periode/3.pdf")
        assert resp.status == 200 and resp.body().startswith(b"%PDF")
        tl.get_by_role("link", name="Buka dan tandatangani B.1.6").click()
        halaman.wait_for_url(f"**/tindak-lanjut/#bimbingan-{coaching.pk}")
        assert halaman.get_by_role("button", name="Tandatangani B.1.6").is_visible()
