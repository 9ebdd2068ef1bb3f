"""Journey: the BKD admin imports employees, sees a row error, fixes the file, applies,
and the new employee's page names the right rater with its reason. The preview and
the apply run in a real Celery worker."""

import re

import pytest

from tests.conftest import SANDI
from tests.factories import Org

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e, pytest.mark.worker]

KEPALA = "nip;nama;gelar_belakang;status;golongan;jabatan;unit;tmt_jabatan\n"
BARIS_BAIK = (
    "199203152019032007;Rina Marlina;S.T.;PNS;III/a;Pengelola Rekayasa;Seksi Rekayasa;02-03-2026\n"
)
BARIS_NIP_SALAH = (
    "19920315201903;Bayu Prakoso;;PNS;II/c;Pengelola Rekayasa;Seksi Rekayasa;02-03-2026\n"
)
BARIS_NIP_BENAR = (
    "199105102020121003;Bayu Prakoso;;PNS;II/c;Pengelola Rekayasa;Seksi Rekayasa;02-03-2026\n"
)


def _unggah(halaman, isi: str):
    halaman.goto("/impor/")
    halaman.get_by_role("radio", name="Pegawai dan jabatan").check()
    halaman.get_by_label("Berkas").set_input_files(
        files=[{"name": "pegawai.csv", "mimeType": "text/csv", "buffer": isi.encode()}]
    )
    halaman.get_by_role("button", name="Unggah dan periksa").click()
    # The worker previews the file; the status block polls until it is done.
    halaman.get_by_text("Pratinjau: belum ada data yang diubah").wait_for(timeout=60_000)


def test_admin_impor_perbaiki_terapkan_lalu_lihat_penilai(
    halaman, worker_celery, instansi_a, admin_a
):
    Org(instansi_a)
    halaman.goto("/masuk/")
    halaman.get_by_label("NIP atau nama pengguna").fill("admin.a")
    halaman.get_by_label("Kata sandi").fill(SANDI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/")

    _unggah(halaman, KEPALA + BARIS_BAIK + BARIS_NIP_SALAH)
    assert halaman.get_by_text("1 bergalat").is_visible()
    assert halaman.get_by_text(re.compile("NIP")).first.is_visible()
    assert halaman.get_by_role("button", name="Terapkan").is_disabled()

    # The admin fixes the NIP in the file and uploads it again.
    halaman.get_by_role("link", name="Unggah ulang").first.click()
    _unggah(halaman, KEPALA + BARIS_BAIK + BARIS_NIP_BENAR)
    assert halaman.get_by_text("0 bergalat").is_visible()
    halaman.get_by_role("button", name="Terapkan").click()
    halaman.get_by_text("Diterapkan", exact=True).wait_for(timeout=60_000)

    halaman.goto("/pegawai/?q=199105102020121003")
    halaman.get_by_role("link", name="Bayu Prakoso").click()
    halaman.goto(halaman.url + "?tanggal=2026-03-02")
    penilai = halaman.locator("#penilai")
    assert "Teguh (Kepala Seksi Rekayasa)" in penilai.inner_text()
    assert "karena" in penilai.inner_text()
    assert "Sari (Kepala Bidang Lalu Lintas)" in halaman.locator("#atasan").inner_text()
