"""Every change to tenant data is recorded in the same transaction and viewable per object."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse

from organisasi.models import HariKalender
from organisasi.tenancy import lingkup_instansi

pytestmark = pytest.mark.django_db


def _buat(instansi):
    with lingkup_instansi(instansi):
        return HariKalender.objects.create(
            tanggal=datetime.date(2026, 5, 4), jenis="libur", keterangan="HUT Kota"
        )


def test_perubahan_tercatat_dengan_sebelum_dan_sesudah(client, masuk_sebagai, instansi_a, admin_a):
    hari = _buat(instansi_a)
    with lingkup_instansi(instansi_a):
        hari.keterangan = "Hari Jadi Kota"
        hari._history_user = admin_a
        hari.save()
    masuk_sebagai(admin_a)
    resp = client.get(reverse("riwayat", args=["organisasi.HariKalender", hari.pk]))
    isi = resp.content.decode()
    assert resp.status_code == 200
    assert "Diubah" in isi and "Dibuat" in isi
    assert "HUT Kota" in isi and "Hari Jadi Kota" in isi
    assert admin_a.nama in isi


def test_catatan_audit_ikut_batal_bersama_transaksinya(instansi_a):
    hari = _buat(instansi_a)
    with lingkup_instansi(instansi_a):
        try:
            with transaction.atomic():
                hari.keterangan = "batal"
                hari.save()
                raise RuntimeError
        except RuntimeError:
            pass
        assert hari.history.count() == 1


def test_riwayat_objek_instansi_lain_tidak_ditemukan(client, masuk_sebagai, instansi_a, admin_b):
    hari = _buat(instansi_a)
    masuk_sebagai(admin_b)
    resp = client.get(reverse("riwayat", args=["organisasi.HariKalender", hari.pk]))
    assert resp.status_code == 404
    assert "HUT Kota" not in resp.content.decode()


def test_riwayat_hanya_untuk_model_instansi(client, masuk_sebagai, admin_a):
    masuk_sebagai(admin_a)
    for label in ["organisasi.Pengguna", "auth.Group", "tidak.Ada", "salah"]:
        assert client.get(reverse("riwayat", args=[label, admin_a.pk])).status_code == 404
