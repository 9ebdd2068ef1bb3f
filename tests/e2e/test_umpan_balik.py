"""Continuous feedback in a real browser: the employee documents a realisation with an
upload, a peer leaves feedback, the rater gives scheduled feedback from the team page and
invites an outside party whose single-use link works without login, and the employee sees
all of it in one record. Pages looked at on a desktop and a phone (no sideways scroll)."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from organisasi.models import Penempatan
from organisasi.tenancy import lingkup_instansi
from tests.conftest import SANDI
from tests.factories import AWAL, Org, akun, skp_contoh

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
FOTO = Path("/tmp/shots/umpanbalik")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _masuk(halaman, username):
    halaman.context.clear_cookies()
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill(username)
    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")


def _foto(halaman, nama):
    for lebar in (1280, 390):
        halaman.set_viewport_size({"width": lebar, "height": 900})
        halaman.screenshot(path=str(FOTO / f"{nama}-{lebar}.png"), full_page=True)
        lebar_isi = halaman.evaluate("document.documentElement.scrollWidth")
        assert lebar_isi <= lebar, f"{nama} bergeser ke samping pada {lebar} px"
    halaman.set_viewport_size({"width": 1280, "height": 900})


def _isi_umpan_balik(halaman, tentang, teks, *, sifat=None, arah="Positif"):
    halaman.get_by_label("Tentang").select_option(label=tentang)
    if sifat:
        halaman.get_by_label(sifat).check()
    halaman.get_by_label("Langsung (tatap muka)").check()
    halaman.get_by_label(arah, exact=True).check()
    halaman.get_by_label("Isi umpan balik").fill(teks)


def test_dokumentasi_rekan_penilai_tamu_dalam_satu_rekaman(halaman, instansi_a, tmp_path):
    FOTO.mkdir(parents=True, exist_ok=True)
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        org = Org(instansi_a)
        with lingkup_instansi(instansi_a):
            rina = org.orang("Rina")
            Penempatan.objects.create(pegawai=rina, jabatan=org.jabatan_staf2, mulai=AWAL)
        akun(org, org.staf, "dedi")
        akun(org, org.kasi, "teguh")
        akun(org, rina, "rina")
        skp = skp_contoh(org, status="ditetapkan")
        berkas = tmp_path / "rekap simpang maret.pdf"
        berkas.write_bytes(PDF)

        # 1. The employee documents a realisation with an upload.
        _masuk(halaman, "dedi")
        halaman.goto(f"/pelaksanaan/skp/{skp.pk}/?periode=3")
        halaman.get_by_label("Indikator kinerja individu").select_option(index=0)
        halaman.get_by_label("Progres").check()
        halaman.get_by_label("Realisasi yang dicapai").fill("8 dari 12 simpang selesai direkayasa")
        halaman.get_by_label("Unggah bukti dukung").set_input_files(str(berkas))
        halaman.get_by_role("button", name="Simpan realisasi").click()
        halaman.get_by_text("Realisasi dan bukti dukung tersimpan.").wait_for()

        # 2. A peer leaves feedback on a BerAKHLAK value.
        _masuk(halaman, "rina")
        halaman.goto(f"/pelaksanaan/umpan-balik/skp/{skp.pk}/beri/")
        assert "Anda sebagai rekan kerja" in halaman.content()
        _isi_umpan_balik(halaman, "Perilaku kerja: Kolaboratif", "Cepat berbagi data volume.",
                         sifat="Insidentil")  # fmt: skip
        _foto(halaman, "beri-umpan-balik")
        halaman.get_by_role("button", name="Simpan umpan balik").click()
        halaman.get_by_text("Umpan balik tersimpan").wait_for()

        # 3. The rater gives scheduled feedback from the team page, and invites a guest.
        _masuk(halaman, "teguh")
        halaman.get_by_role("link", name="Umpan balik tim").click()
        halaman.wait_for_url("**/pelaksanaan/umpan-balik/tim/")
        baris = halaman.locator("tr", has_text="Dedi")
        assert "Belum" in baris.inner_text() and "Sudah" in baris.inner_text()
        _foto(halaman, "tim")
        baris.get_by_role("link", name="Beri umpan balik").click()
        _isi_umpan_balik(
            halaman,
            "RHK 1: Tersusunnya rekayasa lalu lintas simpang padat",
            "Progres 8 simpang sesuai rencana aksi; percepat sisa 4.",
            sifat="Berkala/terjadwal",
        )
        halaman.get_by_role("button", name="Simpan umpan balik").click()
        halaman.get_by_text("Umpan balik tersimpan").wait_for()
        halaman.wait_for_url(f"**/pelaksanaan/umpan-balik/skp/{skp.pk}/?periode=3")
        halaman.get_by_label("Pihak lain", exact=True).check()
        halaman.locator("#id_nama_tamu").fill("Ir. Bambang")
        halaman.get_by_role("button", name="Buat tautan undangan").click()
        tautan = halaman.get_by_label("Tautan undangan").input_value()
        assert "/pelaksanaan/umpan-balik/tamu/" in tautan

        # 4. The guest, without an account, once.
        halaman.context.clear_cookies()
        halaman.goto(tautan)
        assert "Umpan balik kinerja untuk Dedi" in halaman.content()
        _isi_umpan_balik(halaman, "Perilaku kerja: Berorientasi pelayanan",
                         "Responsif terhadap keluhan warga di simpang.")  # fmt: skip
        _foto(halaman, "tamu")
        halaman.get_by_role("button", name="Kirim umpan balik").click()
        halaman.get_by_role("heading", name="Terima kasih").wait_for()
        halaman.goto(tautan)
        assert "sudah dipakai" in halaman.content()

        # 5. The employee sees everything in one record for March.
        _masuk(halaman, "dedi")
        halaman.goto(f"/pelaksanaan/skp/{skp.pk}/?periode=3")
        halaman.get_by_role("link", name="Rekaman umpan balik").click()
        halaman.wait_for_url(f"**/pelaksanaan/umpan-balik/skp/{skp.pk}/?periode=3")
        halaman.get_by_role("heading", name="Perilaku kerja").wait_for()
        teks = halaman.content()
        for isi in (
            "8 dari 12 simpang selesai direkayasa",
            "rekap simpang maret.pdf",
            "Cepat berbagi data volume.",
            "Progres 8 simpang sesuai rencana aksi",
            "Responsif terhadap keluhan warga",
            "Ir. Bambang",
        ):
            assert isi in teks, isi
        # The follow-up part (coaching B.1.6, counselling B.1.10) adds its section to this
        # same record page; its journey belongs to that part's browser test.
        _foto(halaman, "rekaman")
        resp = halaman.request.get(f"/pelaksanaan/umpan-balik/skp/{skp.pk}/periode/3.pdf")
        assert resp.status == 200 and resp.body().startswith(b"%PDF")
