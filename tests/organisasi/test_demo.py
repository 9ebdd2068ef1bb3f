"""The demo data `make run` loads: idempotent, complete, and every employee has a rater."""

from datetime import date

import pytest

from organisasi import selectors
from organisasi.demo import AKUN_DEMO, buat_demo
from organisasi.models import AturanPenilai, Instansi, Pegawai, Pengguna
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi

pytestmark = pytest.mark.django_db


def test_demo_lengkap_dan_idempoten():
    assert buat_demo()
    assert buat_demo() == []  # a second run creates nothing
    bekasi = Instansi.objects.get(slug="kota-bekasi-demo")
    karawang = Instansi.objects.get(slug="kabupaten-karawang-demo")
    with lingkup_instansi(bekasi):
        pegawai = list(Pegawai.objects.all())
        assert len(pegawai) >= 300
        assert AturanPenilai.objects.count() == 100
        p = pengaturan_instansi()
        assert (p.periode_evaluasi, p.plt_plh_menilai, p.tunjangan) == (
            "bulanan",
            "otomatis",
            "tpp",
        )
        assert (p.istilah_instansi, p.istilah_bkd) == ("Perangkat Daerah", "BKPSDM")
        hasil = selectors.penilai_pegawai(pegawai, date(2026, 3, 2))
        assert all(h and h.penilai.pejabat for h in hasil.values())
        # Lurah Kaliabang Tengah is vacant; its Plt rates automatically in Bekasi.
        assert any(h.penilai.pejabat.sebutan == "Plt." for h in hasil.values())
    with lingkup_instansi(karawang):
        assert pengaturan_instansi().periode_evaluasi == "triwulanan"
        assert not AturanPenilai.objects.exists()
    for slug, _peran, username, _jabatan, admin in AKUN_DEMO:
        akun = Pengguna.objects.get(username=username)
        assert akun.admin_instansi == admin
        if slug:
            assert akun.nip, f"{username} tidak terhubung dengan pegawai"


def test_akun_demo_bekasi_dinilai_sesuai_lampiran_ii():
    buat_demo()
    bekasi = Instansi.objects.get(slug="kota-bekasi-demo")
    with lingkup_instansi(bekasi):
        pegawai = Pegawai.objects.get(pengguna__username="pegawai.bekasi")
        penilai = Pegawai.objects.get(pengguna__username="penilai.bekasi")
        atasan = Pegawai.objects.get(pengguna__username="atasan.bekasi")
        hasil = selectors.penilai_pegawai([pegawai], date(2026, 3, 2))[pegawai.pk]
    assert hasil.penilai.pejabat.pegawai_id == penilai.pk
    assert hasil.atasan.pejabat.pegawai_id == atasan.pk
    assert "no. 7.g" in hasil.penilai.alasan
