"""Organisation screens and services: transfers, acting posts, delegation, and the rater
shown with its reason on each employee's page."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisasi import selectors, services
from organisasi.models import JenisPenempatan, Pegawai, Penempatan
from organisasi.tenancy import lingkup_instansi
from tests.factories import AWAL, Org, acuan_tersimpan

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def _penilai(org, pegawai, tanggal):
    with lingkup_instansi(org.instansi):
        return selectors.penilai_pegawai([pegawai], tanggal)[pegawai.pk]


def test_rantai_bawaan_nasional_dengan_alasan(org):
    hasil = _penilai(org, org.staf, date(2026, 3, 1))
    assert hasil.penilai.pejabat.nama == "Teguh"
    assert "atasan langsung" in hasil.penilai.alasan
    assert hasil.atasan.pejabat.nama == "Sari"
    kasi = _penilai(org, org.kasi, date(2026, 3, 1))
    assert (kasi.penilai.pejabat.nama, kasi.atasan.pejabat.nama) == ("Sari", "Rahmat")


def test_mutasi_memberi_penilai_lama_sebelum_dan_baru_sesudah(org, admin_a):
    with lingkup_instansi(org.instansi):
        services.penempatan_catat(
            pengguna=admin_a,
            pegawai=org.staf,
            jabatan=org.jabatan_staf2,
            jenis=JenisPenempatan.DEFINITIF,
            mulai=date(2026, 7, 1),
            dasar="SK Mutasi 800/1",
        )
        lama = Penempatan.objects.get(pegawai=org.staf, jabatan=org.jabatan_staf)
    assert lama.selesai == date(2026, 6, 30)
    assert _penilai(org, org.staf, date(2026, 6, 30)).penilai.pejabat.nama == "Teguh"
    assert _penilai(org, org.staf, date(2026, 7, 1)).penilai.pejabat.nama == "Wulan"


def test_mutasi_sebelum_penempatan_sekarang_ditolak_tanpa_perubahan(org, admin_a):
    with lingkup_instansi(org.instansi):
        with pytest.raises(ValidationError, match="tanggal pindah harus sesudahnya"):
            services.penempatan_catat(
                pengguna=admin_a,
                pegawai=org.staf,
                jabatan=org.jabatan_staf2,
                jenis=JenisPenempatan.DEFINITIF,
                mulai=AWAL,
            )
        assert Penempatan.objects.filter(pegawai=org.staf).count() == 1


def test_plt_hanya_untuk_jabatan_kepala_yang_kosong(org, admin_a):
    with lingkup_instansi(org.instansi):
        with pytest.raises(ValidationError, match="hanya untuk jabatan kepala"):
            services.penempatan_catat(
                pengguna=admin_a,
                pegawai=org.kasi,
                jabatan=org.jabatan_staf2,
                jenis=JenisPenempatan.PLT,
                mulai=date(2026, 2, 1),
            )
        with pytest.raises(ValidationError, match="masih dipegang"):
            services.penempatan_catat(
                pengguna=admin_a,
                pegawai=org.kasi,
                jabatan=org.kabid.jabatan_kepala,
                jenis=JenisPenempatan.PLT,
                mulai=date(2026, 2, 1),
            )


def test_kepala_kosong_diisi_plt_dengan_delegasi(org, admin_a, settings):
    with lingkup_instansi(org.instansi):
        Penempatan.objects.filter(pegawai=org.kasi).update(selesai=date(2026, 4, 30))
        services.penempatan_catat(
            pengguna=admin_a,
            pegawai=org.kasi2,
            jabatan=org.kasi.jabatan_kepala,
            jenis=JenisPenempatan.PLT,
            mulai=date(2026, 5, 1),
            selesai=date(2026, 12, 31),
        )
    # National default: a Plt without delegation does not rate; one level up.
    hasil = _penilai(org, org.staf, date(2026, 5, 4))
    assert hasil.penilai.pejabat.nama == "Sari"
    assert "kosong" in hasil.penilai.alasan and "tidak diberi delegasi" in hasil.penilai.alasan
    with lingkup_instansi(org.instansi):
        Penempatan.objects.filter(pegawai=org.kasi2, jenis="plt").update(berwenang_menilai=True)
    hasil = _penilai(org, org.staf, date(2026, 5, 4))
    assert hasil.penilai.pejabat.nama == "Wulan"
    assert hasil.penilai.pejabat.sebutan == "Plt."


def test_delegasi_per_orang_mengesampingkan_aturan(org, admin_a):
    with lingkup_instansi(org.instansi):
        services.delegasi_tambah(
            pengguna=admin_a,
            pegawai=org.staf,
            penilai=org.kasi2,
            atasan_penilai=None,
            mulai=date(2026, 3, 1),
            selesai=None,
            dasar="ND 123/2026",
        )
        with pytest.raises(ValidationError, match="dirinya sendiri"):
            services.delegasi_tambah(
                pengguna=admin_a,
                pegawai=org.staf,
                penilai=org.staf,
                atasan_penilai=None,
                mulai=date(2026, 9, 1),
                selesai=None,
                dasar="x",
            )
    assert _penilai(org, org.staf, date(2026, 2, 27)).penilai.pejabat.nama == "Teguh"
    hasil = _penilai(org, org.staf, date(2026, 3, 2))
    assert hasil.penilai.pejabat.nama == "Wulan"
    assert "ND 123/2026" in hasil.penilai.alasan


def test_halaman_pegawai_menampilkan_penilai_dan_alasannya(client, masuk_sebagai, org, admin_a):
    masuk_sebagai(admin_a)
    url = reverse("pegawai_detail", args=[org.staf.pk]) + "?tanggal=2026-03-02"
    isi = client.get(url).content.decode()
    assert "Pejabat penilai:" in isi and "Teguh" in isi and "karena" in isi
    assert "Atasan pejabat penilai:" in isi and "Sari" in isi


def test_profil_pegawai_sendiri(client, masuk_sebagai, org, pegawai_a):
    with lingkup_instansi(org.instansi):
        org.staf.pengguna = pegawai_a
        org.staf.save()
    masuk_sebagai(pegawai_a)
    isi = client.get(reverse("profil") + "?tanggal=2026-03-02").content.decode()
    assert "Teguh" in isi
    assert "Catat mutasi" not in isi  # no admin actions on one's own profile


def test_pohon_unit_dan_perluasan_htmx(client, masuk_sebagai, org, admin_a):
    masuk_sebagai(admin_a)
    isi = client.get(reverse("unit_pohon")).content.decode()
    assert "Dinas Perhubungan" in isi and "Bidang Lalu Lintas" not in isi
    anak = client.get(reverse("unit_anak", args=[org.dinas.pk]), HTTP_HX_REQUEST="true")
    assert "Bidang Lalu Lintas" in anak.content.decode()
    assert "<html" not in anak.content.decode()


def test_cari_pegawai_dengan_nip_atau_nama(client, masuk_sebagai, org, admin_a):
    masuk_sebagai(admin_a)
    isi = client.get(reverse("pegawai_daftar"), {"q": "ded"}).content.decode()
    assert org.staf.nip in isi and org.kasi.nip not in isi
    isi = client.get(reverse("pegawai_daftar"), {"q": org.kasi.nip}).content.decode()
    assert "Teguh" in isi and "Dedi" not in isi


def test_daftar_pegawai_tanpa_penilai(client, masuk_sebagai, org, admin_a):
    with lingkup_instansi(org.instansi):
        yatim = org.orang("Yatim")
    masuk_sebagai(admin_a)
    isi = client.get(
        reverse("pegawai_daftar"), {"tanpa_penilai": "1", "tanggal": "2026-03-02"}
    ).content.decode()
    assert yatim.nama in isi and "Dedi" not in isi


def test_ubah_pegawai_golongan_salah_ditolak(client, masuk_sebagai, org, admin_a):
    masuk_sebagai(admin_a)
    url = reverse("pegawai_ubah", args=[org.staf.pk])
    data = {"nama": "Dedi", "status": "pppk", "golongan": "III/a", "aktif": "on"}
    resp = client.post(url, data)
    assert resp.status_code == 200
    assert "tidak sah untuk PPPK" in resp.content.decode()
    with lingkup_instansi(org.instansi):
        org.staf.refresh_from_db()
    assert org.staf.status == "pns"


def test_form_mutasi_lewat_halaman(client, masuk_sebagai, org, admin_a):
    masuk_sebagai(admin_a)
    url = reverse("penempatan_tambah", args=[org.staf.pk])
    opsi = client.get(reverse("jabatan_opsi"), {"unit": org.seksi2.pk}).content.decode()
    assert "Pengelola Angkutan" in opsi
    resp = client.post(
        url,
        {
            "jenis": "definitif",
            "unit": org.seksi2.pk,
            "jabatan": org.jabatan_staf2.pk,
            "mulai": "2026-08-03",
            "dasar": "SK 1",
        },
    )
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        assert Penempatan.objects.filter(pegawai=org.staf).count() == 2
        assert org.staf.history.count() >= 1


def test_halaman_unit_tidak_n_plus_1(client, masuk_sebagai, org, admin_a):
    """The rater column costs the same queries for 1 employee as for 41."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    masuk_sebagai(admin_a)
    url = reverse("unit_detail", args=[org.seksi.pk]) + "?tanggal=2026-03-02"

    def hitung():
        with CaptureQueriesContext(connection) as q:
            resp = client.get(url)
        return len(q.captured_queries), resp.content.decode()

    acuan_tersimpan(org.instansi)
    sedikit, _ = hitung()
    with lingkup_instansi(org.instansi):
        for i in range(40):
            p = Pegawai.objects.create(
                nip=f"1990020220150210{i:02d}", nama=f"Staf {i}", status="pns", golongan="II/c"
            )
            Penempatan.objects.create(pegawai=p, jabatan=org.jabatan_staf, mulai=AWAL)
    banyak, isi = hitung()
    assert banyak == sedikit
    assert isi.count("Teguh") >= 41


def test_halaman_unit_termasuk_sub_unit(client, masuk_sebagai, org, admin_a):
    masuk_sebagai(admin_a)
    url = reverse("unit_detail", args=[org.dinas.pk])
    isi = client.get(url, {"tanggal": "2026-03-02"}).content.decode()
    assert "Dedi" not in isi
    isi = client.get(url, {"tanggal": "2026-03-02", "sub": "1"}).content.decode()
    assert "Dedi" in isi and "Wulan" in isi


def test_tabel_penilai_instansi(client, masuk_sebagai, instansi_a, admin_a, admin_b):
    from organisasi.data import lampiran_ii_bekasi

    with lingkup_instansi(instansi_a):
        lampiran_ii_bekasi.muat_ke_instansi()
    masuk_sebagai(admin_a)
    isi = client.get(reverse("aturan_penilai")).content.decode()
    assert "Kepala Sub Bagian/ Kepala Bagian" in isi and "Lampiran II" in isi
    masuk_sebagai(admin_b)
    isi = client.get(reverse("aturan_penilai")).content.decode()
    assert "ketentuan nasional" in isi and "Kepala Sub Bagian/ Kepala Bagian" not in isi
