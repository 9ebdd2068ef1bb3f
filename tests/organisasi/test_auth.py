"""Login by NIP or username, throttling, password change and reset by the agency admin."""

import pytest
from django.urls import reverse

from organisasi.tenancy import KUNCI_SESI, lingkup_akun, lingkup_platform
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


# --- Throttling: per account however typed, and per address across accounts ------------


def test_kegagalan_dihitung_per_akun_apa_pun_cara_mengetiknya(client, pegawai_a, rekan_a):
    # Five failures spread over case variants and the NIP lock the one account.
    for ketikan in ("pegawai.a", "PEGAWAI.A", "Pegawai.A", " pegawai.A "):
        assert _masuk(client, ketikan, "salah").status_code == 200
    assert _masuk(client, pegawai_a.nip, "salah").status_code == 429
    for ketikan in ("pegawai.a", "PeGaWaI.a", pegawai_a.nip):
        resp = _masuk(client, ketikan)
        assert resp.status_code == 429, ketikan
        assert "Terlalu banyak percobaan masuk" in resp.content.decode()
    # The lock is the account's, not the address's: a colleague still gets in.
    assert _masuk(client, "rekan.a").status_code == 302


def test_penyemprotan_sandi_dari_satu_alamat_dikunci(client, settings, pegawai_a, rekan_a):
    settings.AXES_IP_FAILURE_LIMIT = 8
    # Two tries per name stay under the account limit, but add up at the address.
    for i in range(4):
        for nama in (f"tidak.ada.{i}", "pegawai.a" if i == 0 else f"lain.{i}"):
            _masuk(client, nama, "Rahasia-2026")
    resp = _masuk(client, "rekan.a")
    assert resp.status_code == 429
    # Another address is not affected.
    resp = client.post(
        reverse("masuk"), {"username": "rekan.a", "password": SANDI}, REMOTE_ADDR="10.9.8.7"
    )
    assert resp.status_code == 302


def test_batas_alamat_cukup_untuk_satu_kantor_di_balik_nat(client, settings, rekan_a):
    assert settings.AXES_IP_FAILURE_LIMIT >= 100
    assert settings.AXES_FAILURE_LIMIT == 5
    # Thirty colleagues each mistyping their password twice, through one address.
    for i in range(30):
        _masuk(client, f"pegawai.kantor.{i}", "salah")
        _masuk(client, f"pegawai.kantor.{i}", "salah-lagi")
    assert _masuk(client, "rekan.a").status_code == 302


def test_berhasil_masuk_tidak_menghapus_hitungan_alamat(client, settings, pegawai_a, rekan_a):
    settings.AXES_IP_FAILURE_LIMIT = 6
    for i in range(5):
        _masuk(client, f"acak.{i}", "salah")
    assert _masuk(client, "rekan.a").status_code == 302
    client.post(reverse("keluar"))
    _masuk(client, "acak.akhir", "salah")
    assert _masuk(client, "pegawai.a").status_code == 429


# --- Sessions read the account under row-level security -------------------------------


@pytest.fixture
def superadmin(db):
    from organisasi.models import Pengguna

    with lingkup_platform():
        return Pengguna.objects.create_superuser(
            username="super.platform", password=SANDI, nama="Superadmin"
        )


def test_superadmin_platform_masuk_dan_melihat_akun_semua_instansi(
    client, superadmin, pegawai_a, pegawai_b
):
    assert _masuk(client, "SUPER.PLATFORM").status_code == 302
    isi = client.get(reverse("admin:organisasi_pengguna_changelist")).content.decode()
    assert "pegawai.a" in isi and "pegawai.b" in isi
    with lingkup_platform():
        superadmin.refresh_from_db()
    assert superadmin.last_login is not None


def test_superadmin_masuk_lewat_halaman_login_platform(client, superadmin, pegawai_a):
    resp = client.post(
        reverse("admin:login") + "?next=/platform/",
        {"username": "super.platform", "password": SANDI, "next": "/platform/"},
    )
    assert resp.status_code == 302 and resp.url == "/platform/"
    assert client.get("/platform/").status_code == 200
    # A tenant account's row is read in its own scope when the platform edits it.
    resp = client.get(reverse("admin:organisasi_pengguna_change", args=[pegawai_a.pk]))
    assert resp.status_code == 200 and "pegawai.a" in resp.content.decode()


def test_sesi_dengan_lingkup_instansi_lain_tidak_memuat_pengguna(client, pegawai_a, instansi_b):
    assert _masuk(client, "pegawai.a").status_code == 302
    assert client.get(reverse("beranda")).status_code == 200
    sesi = client.session
    sesi[KUNCI_SESI] = instansi_b.pk
    sesi.save()
    resp = client.get(reverse("beranda"))
    assert resp.status_code == 302 and reverse("masuk") in resp.url
    # Nor does a session that names no scope at all (written before this rule).
    _masuk(client, "pegawai.a")
    sesi = client.session
    del sesi[KUNCI_SESI]
    sesi.save()
    resp = client.get(reverse("beranda"))
    assert resp.status_code == 302 and reverse("masuk") in resp.url


def test_sesi_platform_tidak_memuat_pengguna_instansi(client, pegawai_a):
    assert _masuk(client, "pegawai.a").status_code == 302
    sesi = client.session
    sesi[KUNCI_SESI] = None
    sesi.save()
    resp = client.get(reverse("beranda"))
    assert resp.status_code == 302 and reverse("masuk") in resp.url
