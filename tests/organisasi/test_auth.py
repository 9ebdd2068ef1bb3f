"""Login by NIP or username, throttling, password change and reset by the agency admin."""

import pytest
from django.urls import reverse

from organisasi.tenancy import lingkup_akun
from tests.conftest import SANDI

pytestmark = pytest.mark.django_db


def _masuk(client, username, password=SANDI):
    return client.post(reverse("masuk"), {"username": username, "password": password})


def test_halaman_masuk_berbahasa_indonesia(client):
    isi = client.get(reverse("masuk")).content.decode()
    assert 'lang="id"' in isi
    assert "NIP atau nama pengguna" in isi
    assert "Kata sandi" in isi


def test_masuk_dengan_nip(client, pegawai_a):
    resp = _masuk(client, "198703122010011004")
    assert resp.status_code == 302
    assert resp.url == reverse("beranda")
    assert "Kota Uji A" in client.get(reverse("beranda")).content.decode()


def test_masuk_dengan_nama_pengguna_tanpa_peka_huruf(client, pegawai_a):
    assert _masuk(client, "PEGAWAI.A").status_code == 302


def test_sandi_salah_memberi_pesan_jelas(client, pegawai_a):
    resp = _masuk(client, "pegawai.a", "salah")
    assert resp.status_code == 200
    assert "NIP/nama pengguna atau kata sandi salah" in resp.content.decode()


def test_sandi_disimpan_dengan_argon2(pegawai_a):
    assert pegawai_a.password.startswith("argon2")


def test_percobaan_gagal_berulang_dikunci_dengan_pesan(client, pegawai_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _masuk(client, "pegawai.a", "salah")
    resp = _masuk(client, "pegawai.a")  # even the right password is refused now
    assert resp.status_code in (403, 429)
    assert "Terlalu banyak percobaan masuk" in resp.content.decode()


def test_instansi_nonaktif_tidak_bisa_masuk(client, pegawai_a, instansi_a):
    instansi_a.aktif = False
    instansi_a.save()
    assert _masuk(client, "pegawai.a").status_code == 200


def test_ganti_sandi_sendiri(client, masuk_sebagai, pegawai_a):
    masuk_sebagai(pegawai_a)
    resp = client.post(
        reverse("ganti_sandi"),
        {
            "old_password": SANDI,
            "new_password1": "Kinerja-Baru-2027",
            "new_password2": "Kinerja-Baru-2027",
        },
    )
    assert resp.status_code == 302
    with lingkup_akun(pegawai_a):
        pegawai_a.refresh_from_db()
    assert pegawai_a.check_password("Kinerja-Baru-2027")


def test_admin_mereset_sandi_pegawai_instansinya_dan_tercatat(
    client, masuk_sebagai, admin_a, pegawai_a
):
    masuk_sebagai(admin_a)
    url = reverse("pengguna_reset_sandi", args=[pegawai_a.pk])
    resp = client.post(
        url, {"new_password1": "Sandi-Reset-991", "new_password2": "Sandi-Reset-991"}
    )
    assert resp.status_code == 302
    with lingkup_akun(pegawai_a):
        pegawai_a.refresh_from_db()
    assert pegawai_a.check_password("Sandi-Reset-991")
    from organisasi.tenancy import lingkup_instansi

    with lingkup_instansi(admin_a.instansi):
        terakhir = pegawai_a.history.latest()
    assert terakhir.history_user_id == admin_a.pk
    assert "Kata sandi direset" in terakhir.history_change_reason


def test_reset_sandi_tidak_cocok_tidak_mengubah_apa_pun(client, masuk_sebagai, admin_a, pegawai_a):
    masuk_sebagai(admin_a)
    url = reverse("pengguna_reset_sandi", args=[pegawai_a.pk])
    resp = client.post(url, {"new_password1": "Sandi-Reset-991", "new_password2": "lain"})
    assert resp.status_code == 200
    with lingkup_akun(pegawai_a):
        pegawai_a.refresh_from_db()
    assert pegawai_a.check_password(SANDI)


def test_admin_tidak_bisa_mereset_sandi_instansi_lain(client, masuk_sebagai, admin_b, pegawai_a):
    masuk_sebagai(admin_b)
    url = reverse("pengguna_reset_sandi", args=[pegawai_a.pk])
    resp = client.post(
        url, {"new_password1": "Sandi-Reset-991", "new_password2": "Sandi-Reset-991"}
    )
    assert resp.status_code == 404
    with lingkup_akun(pegawai_a):
        pegawai_a.refresh_from_db()
    assert pegawai_a.check_password(SANDI)


def test_pegawai_biasa_tidak_bisa_membuka_halaman_admin(client, masuk_sebagai, pegawai_a):
    masuk_sebagai(pegawai_a)
    resp = client.get(reverse("pengguna_daftar"))
    assert resp.status_code == 403
    assert "Akses ditolak" in resp.content.decode()


def test_daftar_pengguna_hanya_instansi_sendiri(
    client, masuk_sebagai, admin_a, pegawai_a, pegawai_b
):
    masuk_sebagai(admin_a)
    isi = client.get(reverse("pengguna_daftar")).content.decode()
    assert "pegawai.a" in isi
    assert "pegawai.b" not in isi
