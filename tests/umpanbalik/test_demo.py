"""The execution demo on top of skp's: a set SKP for pegawai.bekasi documented for three
months with evidence, feedback of every kind an account or a guest link can give, the
JPT's B.1.3 with the rater's feedback; the demo command stays idempotent."""

from datetime import datetime
from io import BytesIO, StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from organisasi.models import Instansi, Pengguna
from organisasi.tenancy import lingkup_instansi
from skp.models import SKP
from umpanbalik.models import BuktiDukung, Realisasi, UmpanBalik

pytestmark = pytest.mark.django_db


def _teks_pdf(isi: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(
        " ".join((h.extract_text() or "").split()) for h in PdfReader(BytesIO(isi)).pages
    )


@pytest.fixture(autouse=True)
def _april_2026():
    with time_machine.travel(datetime(2026, 4, 14, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        yield


def test_demo_pelaksanaan_lengkap_dan_idempoten():
    keluaran = StringIO()
    call_command("demo", stdout=keluaran)
    teks = keluaran.getvalue()
    assert "Dokumentasi kinerja Januari-Maret pegawai.bekasi (B.1.2)" in teks
    assert "rekan.bekasi" in teks
    bekasi = Instansi.objects.get(slug="kota-bekasi-demo")
    with lingkup_instansi(bekasi):
        skp = SKP.objects.get(pegawai__pengguna__username="pegawai.bekasi")
        assert skp.status == "ditandatangani"
        assert set(Realisasi.objects.filter(skp=skp).values_list("periode", flat=True)) == {1, 2, 3}
        assert BuktiDukung.objects.filter(realisasi__skp=skp, jenis_isi="image/jpeg").exists()
        sumber = set(UmpanBalik.objects.filter(skp=skp).values_list("sumber", "sifat"))
        assert {
            ("penilai", "berkala"),
            ("penilai", "insidentil"),
            ("pimpinan_lain", "insidentil"),
            ("rekan", "insidentil"),
            ("pihak_lain", "insidentil"),
        } <= sumber
        kadis = set(
            UmpanBalik.objects.filter(skp__pegawai__pengguna__username="kadis.bekasi").values_list(
                "sumber", "pemberi__pengguna__username"
            )
        )
        assert {("penilai", "sekda.bekasi"), ("bawahan", "bawahan.bekasi")} <= kadis
        anggota = SKP.objects.get(pegawai__pengguna__username="anggota.bekasi")
        assert anggota.status == "ditandatangani"
        assert anggota.penilai.pengguna.username == "atasan.bekasi"
        rekomendasi = UmpanBalik.objects.get(skp=anggota)
        assert (rekomendasi.sumber, rekomendasi.pemberi.pengguna.username) == (
            "ketua_kelompok",
            "ketua.bekasi",
        )
        assert rekomendasi.rekomendasi
        jumlah = UmpanBalik.objects.count()
        rekan = Pengguna.objects.get(username="rekan.bekasi")
    karawang = Instansi.objects.get(slug="kabupaten-karawang-demo")
    with lingkup_instansi(karawang):
        kaban = SKP.objects.get(pegawai__pengguna__username="kaban.karawang")
        assert (kaban.format, kaban.status) == ("A.1.2", "ditandatangani")
        assert set(UmpanBalik.objects.filter(skp=kaban).values_list("sumber", "sifat")) == {
            ("penilai", "berkala")
        }
        jumlah_karawang = UmpanBalik.objects.count()

    keluaran = StringIO()
    call_command("demo", stdout=keluaran)
    assert "Data demo sudah lengkap; tidak ada yang diubah." in keluaran.getvalue()
    with lingkup_instansi(bekasi):
        assert UmpanBalik.objects.count() == jumlah
    with lingkup_instansi(karawang):
        assert UmpanBalik.objects.count() == jumlah_karawang

    # Every record format opens from the demo accounts with the period's feedback in it.
    for instansi, username, format_, isi in (
        (bekasi, "pegawai.bekasi", "B.1.5", "mohon lebih awal"),
        (bekasi, "kadis.bekasi", "B.1.3", "rapat koordinasi puskesmas"),
        (bekasi, "anggota.bekasi", "B.1.5", "tugas koordinasi tim seleksi"),
        (karawang, "kaban.karawang", "B.1.4", "percepat rekapnya"),
    ):
        with lingkup_instansi(instansi):
            s = SKP.objects.get(pegawai__pengguna__username=username, status="ditandatangani")
            pengguna = Pengguna.objects.get(username=username)
        c = Client()
        c.force_login(pengguna)
        halaman = c.get(reverse("rekaman_umpan_balik", args=[s.pk]) + "?periode=3")
        teks_halaman = halaman.content.decode()
        assert halaman.status_code == 200 and format_ in teks_halaman and isi in teks_halaman
        pdf = c.get(reverse("rekaman_umpan_balik_pdf", args=[s.pk, 3]))
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert isi in _teks_pdf(pdf.content)
    assert rekan.instansi_id == bekasi.pk
