"""Agency settings: national defaults, the admin's form, its validation, audit and isolation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from organisasi.forms_pengaturan import tulis_pengecualian, urai_pengecualian
from organisasi.models import ASPEK_INDIKATOR, PengaturanInstansi
from organisasi.pengaturan import istilah, pengaturan_instansi, pengaturan_ubah
from organisasi.tenancy import lingkup_instansi

pytestmark = pytest.mark.django_db

URL = "/pengaturan/"

BEKASI = {
    "periode_evaluasi": "bulanan",
    "periode_dokumentasi": "bulanan",
    "plt_plh_menilai": "otomatis",
    "penilai_jf_wajib_manajerial": "on",
    "pengecualian_manajerial": "Guru PPPK",
    "jf_kepala_unit_boleh_menilai": "on",
    "istilah_instansi": "Perangkat Daerah",
    "istilah_bkd": "BKPSDM",
    "jabatan_kepala_daerah": "Wali Kota",
    "nama_kepala_daerah": "",
    "penerima_laporan": "Sekretaris Daerah melalui BKPSDM",
    "aspek_diizinkan": ["kuantitas", "kualitas", "waktu", "biaya"],
    "manual_ik": "jika_perlu",
    "tugas_belajar": "pns",
    "format_tugas_belajar": "khusus",
    "katalog_format": "perwal_bekasi",
    "tempat_dokumen": "Bekasi",
    "penyusun_evaluasi": "penilai",
    "jendela_evaluasi_mulai_hari": "7",
    "jendela_evaluasi_hari_kerja": "10",
    "tunjangan": "tpp",
    "batas_skp_hari": "31",
    "batas_skp_bulan": "1",
    "pengingat_skp_hari_kerja": "10, 3",
}


def _data(**ubah):
    """The Bekasi form data with some fields changed; None leaves a field out of the POST."""
    data = {**BEKASI, **ubah}
    return {k: v for k, v in data.items() if v is not None}


def _potret(instansi):
    with lingkup_instansi(instansi):
        return (
            list(PengaturanInstansi.objects.values()),
            PengaturanInstansi.history.count(),
        )


def _simpan(client, **ubah):
    return client.post(URL, _data(**ubah))


def test_url_bernama():
    assert reverse("pengaturan") == URL


# --- Defaults ---------------------------------------------------------------------------


def test_pengaturan_awal_dibuat_dengan_ketentuan_nasional(instansi_a):
    with lingkup_instansi(instansi_a):
        assert not PengaturanInstansi.objects.exists()
        p = pengaturan_instansi()
        assert p.instansi_id == instansi_a.pk
        assert p.aspek_diizinkan == ASPEK_INDIKATOR
        assert p.periode_evaluasi == "triwulanan"
        assert p.plt_plh_menilai == "delegasi"
        assert p.istilah_instansi == "Instansi" and p.istilah_bkd == "BKD"
        assert p.tunjangan == "tukin"
        assert p.manual_ik == "jika_perlu"
        assert p.pengecualian_manajerial == []
        # The second access reads the same row and records nothing new.
        assert pengaturan_instansi().pk == p.pk
        assert PengaturanInstansi.objects.count() == 1
        catatan = p.history.get()
        assert catatan.history_change_reason == "Pengaturan awal (ketentuan nasional)"


def test_halaman_pertama_kali_membuat_pengaturan_awal(client, masuk_sebagai, instansi_a, admin_a):
    masuk_sebagai(admin_a)
    resp = client.get(URL)
    isi = resp.content.decode()
    assert resp.status_code == 200
    with lingkup_instansi(instansi_a):
        p = PengaturanInstansi.objects.get()
        assert p.history.get().history_user_id == admin_a.pk
    for aspek in ASPEK_INDIKATOR:
        assert f'value="{aspek}"' in isi
    assert isi.count("checked") >= len(ASPEK_INDIKATOR)
    for judul in (
        "Penilai dan Plt/Plh",
        "Istilah pada formulir",
        "SKP",
        "Batas penetapan SKP",
        "Pendokumentasian kinerja",
        "Evaluasi kinerja",
    ):
        assert f'<legend class="kartu__judul">{judul}</legend>' in isi
    assert reverse("riwayat", args=["organisasi.PengaturanInstansi", p.pk]) in isi


def test_menu_pengaturan_hanya_untuk_admin(client, masuk_sebagai, admin_a, pegawai_a):
    masuk_sebagai(admin_a)
    assert "Pengaturan instansi" in client.get(reverse("beranda")).content.decode()
    masuk_sebagai(pegawai_a)
    assert "Pengaturan instansi" not in client.get(reverse("beranda")).content.decode()


# --- Saving -----------------------------------------------------------------------------


def test_admin_menyimpan_pengaturan_bekasi(client, masuk_sebagai, instansi_a, admin_a):
    masuk_sebagai(admin_a)
    resp = _simpan(client)
    assert resp.status_code == 302 and resp.url == URL
    assert "Pengaturan instansi disimpan." in client.get(URL).content.decode()
    with lingkup_instansi(instansi_a):
        p = PengaturanInstansi.objects.get()
    assert p.periode_evaluasi == "bulanan"
    assert p.periode_dokumentasi == "bulanan"
    assert p.plt_plh_menilai == "otomatis"
    assert p.katalog_format == "perwal_bekasi"
    assert p.istilah_instansi == "Perangkat Daerah"
    assert p.istilah_bkd == "BKPSDM"
    assert p.tunjangan == "tpp"
    assert p.penerima_laporan == "Sekretaris Daerah melalui BKPSDM"
    assert p.tugas_belajar == "pns"
    assert p.penilai_jf_wajib_manajerial is True
    assert p.pengecualian_manajerial == [{"pola_jabatan": "Guru", "status": "pppk"}]
    assert istilah(p) == {
        "instansi": "Perangkat Daerah",
        "bkd": "BKPSDM",
        "tunjangan": "TPP",
        "kepala_daerah": "Wali Kota",
    }


def test_teks_dirapikan_dan_aspek_berurutan_tetap(client, masuk_sebagai, instansi_a, admin_a):
    masuk_sebagai(admin_a)
    resp = _simpan(
        client,
        istilah_bkd="  BKPSDM  ",
        nama_kepala_daerah="  Tri Adhianto ",
        aspek_diizinkan=["waktu", "kuantitas", "waktu"],
    )
    assert resp.status_code == 302
    with lingkup_instansi(instansi_a):
        p = PengaturanInstansi.objects.get()
    assert p.istilah_bkd == "BKPSDM"
    assert p.nama_kepala_daerah == "Tri Adhianto"
    assert p.aspek_diizinkan == ["kuantitas", "waktu"]


@pytest.mark.parametrize(
    ("ubah", "galat"),
    [
        ({"aspek_diizinkan": None}, "Pilih paling sedikit satu aspek indikator."),
        ({"aspek_diizinkan": []}, "Pilih paling sedikit satu aspek indikator."),
        ({"aspek_diizinkan": ["kuantitas", "manfaat"]}, "Aspek “manfaat” tidak dikenal."),
        ({"istilah_bkd": "   "}, "Sebutan unit kepegawaian wajib diisi."),
        ({"penerima_laporan": ""}, "Penerima laporan kinerja wajib diisi."),
        ({"istilah_instansi": None}, "Sebutan instansi pada formulir wajib diisi."),
        ({"periode_evaluasi": "harian"}, "Pilihan “harian” tidak tersedia"),
        ({"tunjangan": None}, "wajib dipilih."),
        ({"pengecualian_manajerial": "Guru PPPK\nPPPK"}, "Baris 2: tuliskan nama jabatan"),
        ({"pengecualian_manajerial": "Guru (Kelas"}, "Baris 1: nama jabatan mengandung"),
    ],
)
def test_isian_salah_ditolak_tanpa_mengubah_apa_pun(
    client, masuk_sebagai, instansi_a, admin_a, ubah, galat
):
    masuk_sebagai(admin_a)
    client.get(URL)  # creates the national defaults
    sebelum = _potret(instansi_a)
    resp = _simpan(client, **ubah)
    isi = resp.content.decode()
    assert resp.status_code == 200
    assert galat in isi
    assert "Pengaturan belum disimpan." in isi
    assert "isian--galat" in isi
    assert _potret(instansi_a) == sebelum


def test_pengecualian_bolak_balik(client, masuk_sebagai, instansi_a, admin_a):
    masuk_sebagai(admin_a)
    teks = "Guru pppk\n\n  Penyuluh   PNS \nGuru\nguru PPPK\nAnalis Kebijakan\n"
    assert _simpan(client, pengecualian_manajerial=teks).status_code == 302
    with lingkup_instansi(instansi_a):
        disimpan = PengaturanInstansi.objects.get().pengecualian_manajerial
    assert disimpan == [
        {"pola_jabatan": "Guru", "status": "pppk"},
        {"pola_jabatan": "Penyuluh", "status": "pns"},
        {"pola_jabatan": "Guru", "status": ""},
        {"pola_jabatan": "Analis Kebijakan", "status": ""},
    ]
    isi = client.get(URL).content.decode()
    assert "Guru PPPK\nPenyuluh PNS\nGuru\nAnalis Kebijakan</textarea>" in isi
    # Posting the text back as shown changes nothing.
    _, jumlah = _potret(instansi_a)
    tampil = "Guru PPPK\nPenyuluh PNS\nGuru\nAnalis Kebijakan"
    assert _simpan(client, pengecualian_manajerial=tampil).status_code == 302
    assert _potret(instansi_a)[1] == jumlah


def test_urai_dan_tulis_pengecualian():
    assert urai_pengecualian("") == []
    assert urai_pengecualian("Guru PPPK") == [{"pola_jabatan": "Guru", "status": "pppk"}]
    daftar = urai_pengecualian("Guru\nPenyuluh Pertanian pns")
    assert daftar == [
        {"pola_jabatan": "Guru", "status": ""},
        {"pola_jabatan": "Penyuluh Pertanian", "status": "pns"},
    ]
    assert tulis_pengecualian(daftar) == "Guru\nPenyuluh Pertanian PNS"
    assert urai_pengecualian(tulis_pengecualian(daftar)) == daftar
    with pytest.raises(ValidationError) as galat:
        urai_pengecualian("PNS\nGuru\nPPPK")
    assert [str(m) for m in galat.value.messages] == [
        "Baris 1: tuliskan nama jabatan sebelum PNS, mis. “Guru PPPK”.",
        "Baris 3: tuliskan nama jabatan sebelum PPPK, mis. “Guru PPPK”.",
    ]


# --- Access -----------------------------------------------------------------------------


def test_pegawai_ditolak(client, masuk_sebagai, instansi_a, admin_a, pegawai_a):
    with lingkup_instansi(instansi_a):
        pengaturan_instansi()
    sebelum = _potret(instansi_a)
    masuk_sebagai(pegawai_a)
    assert client.get(URL).status_code == 403
    assert _simpan(client).status_code == 403
    assert _potret(instansi_a) == sebelum


def test_tanpa_masuk_dialihkan_ke_halaman_masuk(client):
    resp = client.get(URL)
    assert resp.status_code == 302 and "masuk" in resp.url


def test_admin_instansi_lain_hanya_melihat_pengaturannya(
    client, masuk_sebagai, instansi_a, instansi_b, admin_a, admin_b
):
    masuk_sebagai(admin_a)
    assert _simpan(client).status_code == 302
    sebelum_a = _potret(instansi_a)
    with lingkup_instansi(instansi_a):
        pk_a = PengaturanInstansi.objects.get().pk

    masuk_sebagai(admin_b)
    isi = client.get(URL).content.decode()
    assert 'value="BKD"' in isi and 'value="BKPSDM"' not in isi
    assert "Guru PPPK</textarea>" not in isi
    with lingkup_instansi(instansi_b):
        p_b = PengaturanInstansi.objects.get()
    assert p_b.pk != pk_a
    assert reverse("riwayat", args=["organisasi.PengaturanInstansi", p_b.pk]) in isi
    assert (
        client.get(reverse("riwayat", args=["organisasi.PengaturanInstansi", pk_a])).status_code
        == 404
    )

    assert _simpan(client, istilah_bkd="BKD Kabupaten").status_code == 302
    with lingkup_instansi(instansi_b):
        assert PengaturanInstansi.objects.get().istilah_bkd == "BKD Kabupaten"
    assert _potret(instansi_a) == sebelum_a


# --- Audit ------------------------------------------------------------------------------


def test_setiap_perubahan_tercatat_dengan_penggunanya(client, masuk_sebagai, instansi_a, admin_a):
    masuk_sebagai(admin_a)
    client.get(URL)
    assert _simpan(client).status_code == 302
    assert _simpan(client, tunjangan="tukin").status_code == 302
    # Saving the same values again is not a change and leaves no record.
    resp = _simpan(client, tunjangan="tukin")
    assert resp.status_code == 302
    assert "Tidak ada pengaturan yang berubah." in client.get(URL).content.decode()
    with lingkup_instansi(instansi_a):
        p = PengaturanInstansi.objects.get()
        catatan = list(p.history.order_by("history_id"))
    assert [c.history_type for c in catatan] == ["+", "~", "~"]
    assert all(c.history_user_id == admin_a.pk for c in catatan)
    assert [c.history_change_reason for c in catatan[1:]] == ["Pengaturan diubah"] * 2
    assert (catatan[1].tunjangan, catatan[2].tunjangan) == ("tpp", "tukin")

    isi = client.get(reverse("riwayat", args=["organisasi.PengaturanInstansi", p.pk])).content
    isi = isi.decode()
    assert "Pengaturan diubah" in isi and admin_a.nama in isi


# --- Service ----------------------------------------------------------------------------


def test_layanan_hanya_untuk_admin_instansi_aktif(instansi_a, admin_a, pegawai_a, admin_b):
    with lingkup_instansi(instansi_a):
        with pytest.raises(PermissionDenied):
            pengaturan_ubah(pengguna=pegawai_a, data={"istilah_bkd": "X"})
        with pytest.raises(PermissionDenied):
            pengaturan_ubah(pengguna=admin_b, data={"istilah_bkd": "X"})
        p = pengaturan_ubah(pengguna=admin_a, data={"istilah_bkd": "BKPSDM"})
        assert p.istilah_bkd == "BKPSDM"
        assert p.history.latest("history_id").history_user_id == admin_a.pk


@pytest.mark.parametrize(
    ("data", "kolom"),
    [
        ({"aspek_diizinkan": []}, "aspek_diizinkan"),
        ({"aspek_diizinkan": ["kuantitas", "manfaat"]}, "aspek_diizinkan"),
        ({"pengecualian_manajerial": [{"pola_jabatan": "Guru"}]}, "pengecualian_manajerial"),
        (
            {"pengecualian_manajerial": [{"pola_jabatan": "Guru", "status": "honorer"}]},
            "pengecualian_manajerial",
        ),
        ({"istilah_bkd": ""}, "istilah_bkd"),
        ({"tunjangan": "bonus"}, "tunjangan"),
    ],
)
def test_layanan_menolak_nilai_salah(instansi_a, admin_a, data, kolom):
    with lingkup_instansi(instansi_a):
        pengaturan_instansi()
    sebelum = _potret(instansi_a)
    with lingkup_instansi(instansi_a), pytest.raises(ValidationError) as galat:
        pengaturan_ubah(pengguna=admin_a, data=data)
    assert kolom in galat.value.message_dict
    assert _potret(instansi_a) == sebelum


def test_layanan_menolak_isian_tak_dikenal(instansi_a, admin_a):
    with lingkup_instansi(instansi_a), pytest.raises(ValueError, match="instansi"):
        pengaturan_ubah(pengguna=admin_a, data={"instansi": 99})


def test_istilah_tunjangan():
    p = PengaturanInstansi(jabatan_kepala_daerah="Bupati")
    assert istilah(p)["tunjangan"] == "tunjangan kinerja"
    assert istilah(p)["kepala_daerah"] == "Bupati"
    p.tunjangan = PengaturanInstansi.Tunjangan.TIDAK_ADA
    assert istilah(p)["tunjangan"] == ""


def test_isian_yang_ditolak_ditampilkan_kembali(client, masuk_sebagai, admin_a):
    masuk_sebagai(admin_a)
    isi = _simpan(client, pengecualian_manajerial="Guru PPPK\nPPPK", istilah_bkd="BKPSDM").content
    isi = isi.decode()
    assert "Guru PPPK\nPPPK</textarea>" in isi
    assert 'value="BKPSDM"' in isi


# --- Composition: each app contributes its section ----------------------------------------


def test_bagian_disusun_dari_setiap_aplikasi():
    from organisasi.pengaturan import bagian_pengaturan

    susunan = [(b.__module__, b.judul) for b in bagian_pengaturan()]
    assert susunan == [
        ("organisasi.forms_pengaturan", "Penilai dan Plt/Plh"),
        ("organisasi.forms_pengaturan", "Istilah pada formulir"),
        ("organisasi.forms_pengaturan", "Kepala daerah sebagai pejabat penilai JPT"),
        ("skp.pengaturan", "SKP"),
        ("skp.pengaturan", "Batas penetapan SKP"),
        ("umpanbalik.pengaturan", "Pendokumentasian kinerja"),
        ("evaluasi.pengaturan", "Evaluasi kinerja"),
    ]
    # Every editable column belongs to exactly one section.
    kolom = [k for b in bagian_pengaturan() for k in b._meta.fields]
    assert sorted(kolom) == sorted(set(kolom))
    from organisasi.pengaturan import ISIAN_PENGATURAN

    assert set(kolom) == ISIAN_PENGATURAN


@pytest.fixture
def bagian_uji(monkeypatch):
    """A section another app would contribute: its own check on a column it owns."""
    from organisasi import pengaturan as modul
    from organisasi.forms_pengaturan import BagianPengaturan

    class BagianUji(BagianPengaturan):
        judul = "Bagian aplikasi uji"
        urutan = 45

        class Meta:
            model = PengaturanInstansi
            fields = ["penerima_laporan"]

        @staticmethod
        def periksa(pengaturan):
            if "dilarang" in pengaturan.penerima_laporan:
                raise ValidationError({"penerima_laporan": "Kata “dilarang” ditolak aplikasi uji."})

    monkeypatch.setattr(modul, "_BAGIAN", dict(modul._BAGIAN))
    # The column moves from organisasi's section to the test app's, as when an app takes
    # over a setting it reads.
    from organisasi.forms_pengaturan import BagianIstilah

    class IstilahTanpaPenerima(BagianIstilah):
        class Meta(BagianIstilah.Meta):
            fields = [f for f in BagianIstilah.Meta.fields if f != "penerima_laporan"]

    kunci = f"{BagianIstilah.__module__}.{BagianIstilah.__qualname__}"
    monkeypatch.setitem(modul._BAGIAN, kunci, IstilahTanpaPenerima)
    modul.daftarkan_bagian(BagianUji)
    return BagianUji


def test_bagian_tambahan_tampil_diperiksa_dan_diaudit(
    bagian_uji, client, masuk_sebagai, instansi_a, admin_a
):
    masuk_sebagai(admin_a)
    isi = client.get(URL).content.decode()
    assert '<legend class="kartu__judul">Bagian aplikasi uji</legend>' in isi
    assert isi.index("Bagian aplikasi uji") < isi.index("Batas penetapan SKP")
    sebelum = _potret(instansi_a)
    resp = _simpan(client, penerima_laporan="yang dilarang")
    assert resp.status_code == 200
    assert "Kata “dilarang” ditolak aplikasi uji." in resp.content.decode()
    assert _potret(instansi_a) == sebelum
    with lingkup_instansi(instansi_a), pytest.raises(ValidationError) as galat:
        pengaturan_ubah(pengguna=admin_a, data={"penerima_laporan": "dilarang juga"})
    assert "penerima_laporan" in galat.value.message_dict
    assert _simpan(client, penerima_laporan="Sekretaris Daerah").status_code == 302
    with lingkup_instansi(instansi_a):
        p = PengaturanInstansi.objects.get()
        assert p.penerima_laporan == "Sekretaris Daerah"
        assert p.history.latest("history_id").history_user == admin_a
