"""The execution demo on top of skp's: a set SKP for pegawai.bekasi documented for three
months with evidence, feedback of every kind an account or a guest link can give, the
JPT's B.1.3 with the rater's feedback; the demo command stays idempotent."""

from datetime import datetime
from io import StringIO
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
        assert UmpanBalik.objects.filter(
            skp__pegawai__pengguna__username="kadis.bekasi", sumber="penilai"
        ).exists()
        jumlah = UmpanBalik.objects.count()
        rekan = Pengguna.objects.get(username="rekan.bekasi")

    keluaran = StringIO()
    call_command("demo", stdout=keluaran)
    assert "Data demo sudah lengkap; tidak ada yang diubah." in keluaran.getvalue()
    with lingkup_instansi(bekasi):
        assert UmpanBalik.objects.count() == jumlah

    # The formats open from the demo accounts.
    for username, format_ in (("pegawai.bekasi", "B.1.5"), ("kadis.bekasi", "B.1.3")):
        with lingkup_instansi(bekasi):
            s = SKP.objects.get(pegawai__pengguna__username=username, status="ditandatangani")
            pengguna = Pengguna.objects.get(username=username)
        c = Client()
        c.force_login(pengguna)
        halaman = c.get(reverse("rekaman_umpan_balik", args=[s.pk]) + "?periode=3")
        assert halaman.status_code == 200 and format_ in halaman.content.decode()
        pdf = c.get(reverse("rekaman_umpan_balik_pdf", args=[s.pk, 3]))
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert rekan.instansi_id == bekasi.pk
