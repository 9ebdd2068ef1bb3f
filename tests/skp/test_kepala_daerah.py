"""The JPT rated by the kepala daerah: the agency names the official and the employee who
acts for them; that employee reviews, returns and sets the SKP "a.n." the official, the
records say so, and the PDF prints the official's name where the name belongs."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from organisasi.models import Jabatan, Penempatan, PengaturanInstansi, UnitKerja
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from skp import selectors, services
from skp.models import SKP, CatatanAlur, Status
from tests.factories import AWAL, Org, akun
from tests.skp.test_dokumen import teks_pdf

pytestmark = pytest.mark.django_db
WAKTU = datetime(2026, 1, 12, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
WALI_KOTA = "H. Bambang Wijaya, S.H."


@pytest.fixture
def pemda(instansi_a):
    """Org's Dinas (its Kepala Dinas rated by the Wali Kota) plus a Sekretariat Daerah whose
    Sekretaris Daerah acts for the Wali Kota."""
    org = Org(instansi_a)
    with lingkup_instansi(instansi_a):
        setda = UnitKerja.objects.create(nama="Sekretariat Daerah", jenis="setda")
        org.sekda = org.kepala(setda, "Sekretaris Daerah", "jpt_madya", "Junaedi")
        PengaturanInstansi.objects.filter(pk=pengaturan_instansi().pk).update(
            jabatan_kepala_daerah="Wali Kota Uji",
            nama_kepala_daerah=WALI_KOTA,
            pelaksana_kepala_daerah=org.sekda,
        )
    return {
        "org": org,
        "kadis": akun(org, org.kadis, "kadis"),
        "sekda": akun(org, org.sekda, "sekda"),
        "kabid": akun(org, org.kabid, "kabid"),
    }


def _skp_kadis_diajukan(pemda) -> SKP:
    kadis = pemda["kadis"]
    with lingkup_instansi(pemda["org"].instansi):
        skp = services.skp_buat(
            pengguna=kadis, pegawai=pemda["org"].kadis, tahun=2026, pendekatan="kualitatif",
            tanggal=date(2026, 1, 5),
        )  # fmt: skip
        rhk = services.rhk_simpan(
            pengguna=kadis,
            skp=skp,
            data={
                "teks": "Meningkatnya kelancaran lalu lintas kota",
                "penugasan_dari": "Wali Kota",
            },
        )
        services.iki_simpan(
            pengguna=kadis,
            rhk=rhk,
            data={
                "teks": "Waktu tempuh koridor utama turun dibanding tahun sebelumnya",
                "perspektif": "penerima_layanan",
            },
        )
        services.iki_simpan(
            pengguna=kadis,
            rhk=rhk,
            data={
                "teks": "Anggaran rekayasa lalu lintas terserap sesuai rencana",
                "perspektif": "anggaran",
            },
        )
        for bagian in ("dukungan", "skema", "konsekuensi"):
            services.lampiran_tambah(pengguna=kadis, skp=skp, bagian=bagian, teks=f"Isi {bagian}")
        return services.skp_ajukan(pengguna=kadis, skp=skp)


@time_machine.travel(WAKTU, tick=False)
def test_sekda_mengembalikan_dan_menetapkan_atas_nama_wali_kota(pemda):
    skp = _skp_kadis_diajukan(pemda)
    assert skp.penilai_kepala_daerah and skp.penilai_id is None
    sekda, kabid = pemda["sekda"], pemda["kabid"]
    with lingkup_instansi(pemda["org"].instansi):
        assert selectors.skp_bawahan_untuk_pengguna(sekda).filter(pk=skp.pk).exists()
        assert not selectors.skp_bawahan_untuk_pengguna(kabid).filter(pk=skp.pk).exists()
        assert not selectors.skp_untuk_pengguna(kabid).filter(pk=skp.pk).exists()
        with pytest.raises(PermissionDenied):
            services.skp_kembalikan(pengguna=kabid, skp=skp, catatan="bukan wewenang")

        services.skp_kembalikan(pengguna=sekda, skp=skp, catatan="Tambahkan target waktu")
        services.skp_ajukan(pengguna=pemda["kadis"], skp=skp)
        services.ekspektasi_tambah(
            pengguna=sekda, skp=skp, nilai="kolaboratif", teks="Memimpin forum lalu lintas"
        )
        skp = services.skp_tetapkan(pengguna=sekda, skp=skp)

        assert skp.status == Status.DITETAPKAN
        assert skp.ditetapkan_oleh_id == pemda["org"].sekda.pk
        assert not skp.ditetapkan_sebagai_atasan
        alur = list(CatatanAlur.objects.filter(skp=skp).order_by("pk"))
        assert [(c.oleh_id == pemda["org"].sekda.pk, c.atas_nama) for c in alur] == [
            (False, ""),  # the Kepala Dinas submits
            (True, "Wali Kota Uji"),  # returned a.n.
            (False, ""),
            (True, "Wali Kota Uji"),  # set a.n.
        ]
        riwayat = skp.history.order_by("-history_id").first()
        assert riwayat.history_change_reason == "SKP ditetapkan oleh Junaedi a.n. Wali Kota Uji"
        assert riwayat.history_user_id == sekda.pk
        ident = skp.identitas
    assert ident["penilai"] == {
        "nama": WALI_KOTA, "nip": "", "jabatan": "Wali Kota Uji", "unit": "Kota Uji A",
    }  # fmt: skip
    assert ident["pelaksana"]["nama"] == "Junaedi"
    assert ident["pelaksana"]["jabatan"] == "Sekretaris Daerah"
    assert ident["pelaksana"]["atas_nama"] == "Wali Kota Uji"


@time_machine.travel(WAKTU, tick=False)
def test_pdf_mencetak_nama_wali_kota_dan_tanda_tangan_an(pemda):
    from skp.dokumen import pdf_skp

    skp = _skp_kadis_diajukan(pemda)
    with lingkup_instansi(pemda["org"].instansi):
        draf = teks_pdf(pdf_skp(skp))
        # Before it is set: the official's name in the identity table and under both
        # signature blocks (A.1.1 and A.1.8); never the title in the name's place.
        assert draf.count(WALI_KOTA) == 3
        assert draf.count("Pejabat Penilai Kinerja Wali Kota Uji Rahmat " + WALI_KOTA) == 2
        assert "a.n. Wali Kota" not in draf
        skp = services.skp_tetapkan(pengguna=pemda["sekda"], skp=skp)
        ditetapkan = teks_pdf(pdf_skp(SKP.objects.get(pk=skp.pk)))
    assert ditetapkan.count(WALI_KOTA) == 1  # identity table; the signer is the Sekda
    tanda = "Pejabat Penilai Kinerja a.n. Wali Kota Uji Sekretaris Daerah"
    assert ditetapkan.count(tanda) == 2
    assert "{#" not in ditetapkan and "comment" not in ditetapkan
    assert "Junaedi" in ditetapkan and f"NIP. {pemda['org'].sekda.nip}" in ditetapkan


@time_machine.travel(WAKTU, tick=False)
def test_tanpa_pelaksana_tidak_ada_yang_menetapkan_dan_halaman_memberi_tahu(client, pemda):
    skp = _skp_kadis_diajukan(pemda)
    with lingkup_instansi(pemda["org"].instansi):
        PengaturanInstansi.objects.update(pelaksana_kepala_daerah=None)
        with pytest.raises(PermissionDenied):
            services.skp_tetapkan(pengguna=pemda["sekda"], skp=skp)
    client.force_login(pemda["kadis"])
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "Belum ada pegawai yang ditunjuk bertindak a.n. Wali Kota Uji" in isi


@time_machine.travel(WAKTU, tick=False)
def test_pelaksana_tidak_menetapkan_skp_dirinya_sendiri(client, pemda):
    """The Sekda is himself rated by the Wali Kota: acting for the official never makes
    him his own rater."""
    org = pemda["org"]
    with lingkup_instansi(org.instansi):
        skp = services.skp_buat(
            pengguna=pemda["sekda"], pegawai=org.sekda, tahun=2026, pendekatan="kualitatif",
            tanggal=date(2026, 1, 5),
        )  # fmt: skip
        assert skp.penilai_kepala_daerah
        assert selectors.peran(pemda["sekda"], skp) == frozenset({"pegawai"})
        assert not selectors.skp_bawahan_untuk_pengguna(pemda["sekda"]).filter(pk=skp.pk).exists()
    client.force_login(pemda["sekda"])
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "Pemilik SKP ini sendiri yang ditunjuk bertindak a.n. Wali Kota Uji" in isi


@time_machine.travel(WAKTU, tick=False)
def test_halaman_sekda_menampilkan_skp_jpt_dan_tombol_tetapkan(client, pemda):
    skp = _skp_kadis_diajukan(pemda)
    client.force_login(pemda["sekda"])
    daftar = client.get(reverse("skp_bawahan")).content.decode()
    assert "Rahmat" in daftar and "Pejabat penilai, a.n. Wali Kota Uji" in daftar
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "Junaedi memeriksa dan menetapkan SKP ini a.n. Wali Kota Uji" in isi
    assert reverse("skp_aksi", args=[skp.pk, "tetapkan"]) in isi
    resp = client.post(reverse("skp_aksi", args=[skp.pk, "tetapkan"]))
    assert resp.status_code == 302
    with lingkup_instansi(pemda["org"].instansi):
        assert SKP.objects.get(pk=skp.pk).status == Status.DITETAPKAN
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "a.n. Wali Kota Uji" in isi


def test_penempatan_pelaksana_berakhir_tetap_tercetak_jabatan_saat_ditetapkan(pemda):
    """The identity snapshot keeps the acting person's post as it was on the day."""
    with time_machine.travel(WAKTU, tick=False):
        skp = _skp_kadis_diajukan(pemda)
        with lingkup_instansi(pemda["org"].instansi):
            skp = services.skp_tetapkan(pengguna=pemda["sekda"], skp=skp)
            Penempatan.objects.filter(pegawai=pemda["org"].sekda).update(selesai=AWAL)
            Jabatan.objects.filter(nama="Sekretaris Daerah").update(nama="Sekda (lama)")
            skp.refresh_from_db()
    assert skp.identitas["pelaksana"]["jabatan"] == "Sekretaris Daerah"


def test_pengingat_batas_dikirim_kepada_yang_bertindak_atas_nama_kepala_daerah(pemda):
    """The January reminder of an SKP rated by the Wali Kota reaches the Sekda acting for
    him (10 working days before the 2026 deadline: 15 January)."""
    from organisasi.models import Pemberitahuan
    from organisasi.tasks import sapu_tenggat

    with time_machine.travel(WAKTU, tick=False):
        skp = _skp_kadis_diajukan(pemda)
    sapu_tenggat(pemda["org"].instansi.pk, "2026-01-15")
    with lingkup_instansi(pemda["org"].instansi):
        penerima = dict(Pemberitahuan.objects.values_list("kunci", "penerima_id"))
    assert penerima[f"skp-pengingat-skp{skp.pk}-2026-10hk-penilai"] == pemda["org"].sekda.pk


def test_daftar_skp_sekda_jumlah_kueri_tidak_bertambah_per_skp(
    client, pemda, django_assert_max_num_queries
):
    """The acting employee's inbox costs the same few queries with one JPT SKP or five."""
    org = pemda["org"]
    with time_machine.travel(WAKTU, tick=False):
        _skp_kadis_diajukan(pemda)
    client.force_login(pemda["sekda"])
    client.get(reverse("skp_bawahan"))  # warm the session and the settings row
    with django_assert_max_num_queries(15) as satu:
        client.get(reverse("skp_bawahan"))
    with lingkup_instansi(org.instansi):
        for i in range(4):
            unit = UnitKerja.objects.create(nama=f"Badan {i}", jenis="badan")
            kepala = org.kepala(unit, f"Kepala Badan {i}", "jpt_pratama", f"Kaban {i}")
            services.skp_buat(
                pengguna=akun(org, kepala, f"kaban{i}"),
                pegawai=kepala, tahun=2026, pendekatan="kualitatif", tanggal=date(2026, 1, 5),
            )  # fmt: skip
    with django_assert_max_num_queries(len(satu.captured_queries)):
        isi = client.get(reverse("skp_bawahan")).content.decode()
    assert isi.count("Pejabat penilai, a.n. Wali Kota Uji") == 5


@time_machine.travel(WAKTU, tick=False)
def test_daftar_skp_saya_menyebut_kepala_daerah_sebagai_penilai(client, pemda):
    _skp_kadis_diajukan(pemda)
    client.force_login(pemda["kadis"])
    isi = client.get(reverse("skp_saya")).content.decode()
    assert f"{WALI_KOTA} (Wali Kota Uji)" in isi


@time_machine.travel(WAKTU, tick=False)
def test_nama_kepala_daerah_baru_tampil_pada_skp_yang_belum_ditetapkan(client, pemda):
    """A new Wali Kota (or a name filled in late) shows on every unset SKP at once; a set
    SKP keeps the name it was set with."""
    from skp.dokumen import pdf_skp

    skp = _skp_kadis_diajukan(pemda)
    with lingkup_instansi(pemda["org"].instansi):
        PengaturanInstansi.objects.update(nama_kepala_daerah="Dr. Siti Aminah, M.Si.")
        assert "Dr. Siti Aminah, M.Si." in teks_pdf(pdf_skp(skp))
    client.force_login(pemda["kadis"])
    assert (
        "Dr. Siti Aminah, M.Si. (Wali Kota Uji)" in client.get(reverse("skp_saya")).content.decode()
    )
    assert (
        "Dr. Siti Aminah, M.Si."
        in client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    )
    with lingkup_instansi(pemda["org"].instansi):
        skp = services.skp_tetapkan(pengguna=pemda["sekda"], skp=skp)
        PengaturanInstansi.objects.update(nama_kepala_daerah="Penjabat Lain")
        assert (
            selectors.identitas_penilai(SKP.objects.get(pk=skp.pk))["nama"]
            == "Dr. Siti Aminah, M.Si."
        )
