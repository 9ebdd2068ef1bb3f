"""The kepala daerah as rater of the JPT: the admin names the official and, by NIP, the
employee who acts for them; bad input is refused in Indonesian and changes nothing, and
every change is recorded with who acted."""

import pytest

from organisasi.models import PengaturanInstansi
from organisasi.tenancy import lingkup_instansi
from tests.factories import Org, akun
from tests.organisasi.test_pengaturan import URL, _data, _potret

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(instansi_a):
    org = Org(instansi_a)
    akun(org, org.kabid, "sari")
    return org


def _kd(**ubah):
    return _data(
        **{
            "jabatan_kepala_daerah": "Wali Kota Bekasi",
            "nama_kepala_daerah": "Dr. Tri Adhianto, S.T., M.M.",
            "nip_kepala_daerah": "",
            "pelaksana_kepala_daerah": "",
            **ubah,
        }
    )


def test_admin_menunjuk_pelaksana_dengan_nip_dan_tercatat(client, masuk_sebagai, admin_a, org):
    masuk_sebagai(admin_a)
    nip = org.kabid.nip
    resp = client.post(URL, _kd(pelaksana_kepala_daerah=f"{nip[:8]} {nip[8:]}"))
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        p = PengaturanInstansi.objects.get()
        assert p.pelaksana_kepala_daerah_id == org.kabid.pk
        assert p.nama_kepala_daerah == "Dr. Tri Adhianto, S.T., M.M."
        catatan = p.history.order_by("-history_id").first()
    assert catatan.history_user_id == admin_a.pk
    assert catatan.history_change_reason == (
        f"Pengaturan diubah; bertindak a.n. Wali Kota Bekasi: Sari (NIP {nip})"
    )
    isi = client.get(URL).content.decode()
    assert f'value="{nip}"' in isi
    assert "Saat ini <strong>Sari</strong>" in isi and "bertindak a.n. Wali Kota Bekasi" in isi
    # Emptying the field removes the authority, and says so in the record.
    client.post(URL, _kd())
    with lingkup_instansi(org.instansi):
        p = PengaturanInstansi.objects.get()
        assert p.pelaksana_kepala_daerah_id is None
        alasan = p.history.order_by("-history_id").first().history_change_reason
    assert alasan.endswith("tidak ada lagi yang bertindak a.n. Wali Kota Bekasi")


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ("12345", "NIP harus terdiri dari 18 angka."),
        ("19850101201001abcd", "NIP harus terdiri dari 18 angka."),
        ("199001012015011001", "Tidak ada pegawai dengan NIP 199001012015011001 di instansi ini."),
        ("kadis", "belum memiliki akun aktif"),
    ],
)
def test_nip_pelaksana_salah_ditolak(client, masuk_sebagai, admin_a, org, isian, pesan):
    if isian == "kadis":
        isian = org.kadis.nip  # an employee without an account
    masuk_sebagai(admin_a).get(URL)  # the national defaults exist before the attempt
    sebelum = _potret(org.instansi)
    resp = client.post(URL, _kd(pelaksana_kepala_daerah=isian))
    assert resp.status_code == 200
    assert pesan in resp.content.decode()
    assert _potret(org.instansi) == sebelum


def test_nip_kepala_daerah_opsional_tetapi_harus_18_angka(client, masuk_sebagai, admin_a, org):
    masuk_sebagai(admin_a).get(URL)  # the national defaults exist before the attempt
    sebelum = _potret(org.instansi)
    resp = client.post(URL, _kd(nip_kepala_daerah="123"))
    assert "NIP harus terdiri dari 18 angka." in resp.content.decode()
    assert _potret(org.instansi) == sebelum


def test_pegawai_instansi_lain_tidak_ditemukan(client, masuk_sebagai, admin_b, org):
    """Agency B's admin types an employee NIP of agency A: not found, nothing leaks."""
    masuk_sebagai(admin_b)
    resp = client.post(URL, _kd(pelaksana_kepala_daerah=org.kabid.nip))
    isi = resp.content.decode()
    assert f"Tidak ada pegawai dengan NIP {org.kabid.nip} di instansi ini." in isi
    assert "Sari" not in isi
