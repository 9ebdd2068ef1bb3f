"""The SKP demo data on top of the organisation demo, and the `demo` command composing both."""

from io import StringIO

import pytest
from django.core.management import call_command

from organisasi.demo import buat_demo
from organisasi.models import Instansi
from organisasi.tenancy import lingkup_instansi
from skp.demo import isi_skp_demo
from skp.models import SKP

pytestmark = pytest.mark.django_db


def test_demo_skp_diajukan_ke_penilai_bekasi():
    buat_demo()
    assert len(isi_skp_demo()) == 2
    assert isi_skp_demo() == []
    bekasi = Instansi.objects.get(slug="kota-bekasi-demo")
    with lingkup_instansi(bekasi):
        skp = SKP.objects.get(pegawai__pengguna__username="pegawai.bekasi")
        assert skp.status == "diajukan"
        assert skp.penilai.pengguna.username == "penilai.bekasi"


def test_perintah_demo_menyusun_semua_aplikasi_dan_idempoten():
    keluaran = StringIO()
    call_command("demo", stdout=keluaran)
    teks = keluaran.getvalue()
    assert "Dibuat: instansi Kota Bekasi (demo)" in teks
    assert "Dibuat: SKP 2026 pegawai.bekasi" in teks
    assert "penilai.bekasi" in teks  # the login table
    keluaran = StringIO()
    call_command("demo", stdout=keluaran)
    assert "Data demo sudah lengkap; tidak ada yang diubah." in keluaran.getvalue()
