"""The platform superadmin's home: the list of agencies and the creation of an agency with
its first admin; validated, audited, and nothing from inside an agency on the page."""

import pytest
from django.urls import reverse

from organisasi.models import Instansi, PengaturanInstansi, Pengguna
from organisasi.tenancy import lingkup_instansi, lingkup_platform
from tests.conftest import SANDI

pytestmark = pytest.mark.django_db
URL = "/platform/"
DATA = {
    "nama": "Kabupaten Purwakarta",
    "slug": "",
    "jenis": "daerah",
    "admin_nama": "Rina Maharani",
    "admin_nip": "198703122010012004",
    "admin_email": "rina@purwakarta.example",
    "admin_username": "admin.purwakarta",
    "admin_sandi": "Kinerja#Purwakarta2026",
    "admin_sandi2": "Kinerja#Purwakarta2026",
}


@pytest.fixture
def superadmin(db):
    # Accounts live under row-level security: the platform's own rows in the platform scope.
    with lingkup_platform():
        return Pengguna.objects.create_superuser(username="akar", password=SANDI, nama="Superadmin")


def test_superadmin_mendarat_di_halaman_platform(client, superadmin, instansi_a, admin_a):
    client.force_login(superadmin)
    resp = client.get(reverse("beranda"))
    assert resp.status_code == 302 and resp.url == URL
    isi = client.get(URL).content.decode()
    assert reverse("platform") == URL
    assert "Kota Uji A" in isi and "kota-uji-a" in isi
    # No agency data: not even its admin's name or username.
    assert "admin.a" not in isi and "Admin A" not in isi
    assert 'href="/platform/"' in isi and "SKP saya" not in isi


def test_membuat_instansi_dan_admin_pertamanya(client, superadmin):
    client.force_login(superadmin)
    resp = client.post(URL, DATA)
    assert resp.status_code == 302 and resp.url == URL
    isi = client.get(URL).content.decode()
    assert "Instansi Kabupaten Purwakarta dibuat dengan admin admin.purwakarta" in isi
    instansi = Instansi.objects.get(slug="kabupaten-purwakarta")
    catatan = instansi.history.get()
    assert catatan.history_user_id == superadmin.pk
    assert catatan.history_change_reason == "Instansi dibuat oleh superadmin platform"
    with lingkup_instansi(instansi):
        admin = Pengguna.objects.get(username="admin.purwakarta")
        assert (
            admin.admin_instansi and admin.instansi == instansi and admin.nip == DATA["admin_nip"]
        )
        assert admin.check_password(DATA["admin_sandi"])
        riwayat = admin.history.get()
        assert riwayat.history_user_id == superadmin.pk
        assert riwayat.history_change_reason.startswith("Admin pertama instansi dibuat")
        assert PengaturanInstansi.objects.get().periode_evaluasi == "triwulanan"
    # The new admin logs in and lands in their own agency.
    client.logout()
    resp = client.post("/masuk/", {"username": "admin.purwakarta", "password": DATA["admin_sandi"]})
    assert resp.status_code == 302
    assert "Kabupaten Purwakarta" in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"nama": ""}, "Nama instansi wajib diisi."),
        ({"nama": "Kota Uji A"}, "Instansi “Kota Uji A” sudah ada."),
        ({"slug": "kota-uji-a"}, "Kode “kota-uji-a” sudah dipakai instansi lain."),
        ({"slug": "Kota Uji!"}, "Kode instansi hanya huruf kecil"),
        ({"jenis": "swasta"}, "Pilih Instansi Pusat atau Instansi Daerah."),
        ({"admin_username": "admin.a"}, "Nama pengguna “admin.a” sudah dipakai."),
        ({"admin_nip": "12345"}, "NIP harus terdiri dari 18 angka."),
        ({"admin_sandi": "pendek", "admin_sandi2": "pendek"}, "terlalu pendek"),
        ({"admin_sandi2": "lain-lain-lain-123"}, "Kedua kata sandi tidak sama."),
        ({"admin_email": "bukan surel"}, "Alamat surel tidak sah."),
    ],
)
def test_isian_salah_ditolak_tanpa_membuat_apa_pun(client, superadmin, admin_a, ubah, pesan):
    client.force_login(superadmin)
    sebelum = (Instansi.objects.count(), Pengguna.objects.count())
    resp = client.post(URL, {**DATA, **ubah})
    assert resp.status_code == 200
    assert pesan in resp.content.decode()
    assert (Instansi.objects.count(), Pengguna.objects.count()) == sebelum


def test_hanya_superadmin(client, admin_a, pegawai_a):
    for pengguna in (admin_a, pegawai_a):
        client.force_login(pengguna)
        assert client.get(URL).status_code == 403
        assert client.post(URL, DATA).status_code == 403
    assert not Instansi.objects.filter(nama=DATA["nama"]).exists()
    client.logout()
    assert client.get(URL).status_code == 302


def test_admin_django_bukan_beranda_superadmin(client, superadmin):
    """Django's admin remains for account work under /platform/admin/; the home is ours."""
    client.force_login(superadmin)
    assert reverse("admin:index") == "/platform/admin/"
    isi = client.get(reverse("beranda"), follow=True).content.decode()
    assert "Instansi di platform" in isi and "Administrasi Platform Kinerja ASN" not in isi
