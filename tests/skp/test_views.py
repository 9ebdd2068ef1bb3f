"""SKP pages: who may do what through the browser-facing views, and HTMX partials."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from organisasi.tenancy import lingkup_instansi
from skp.models import SKP, RencanaHasilKerja
from tests.factories import Org, akun, skp_contoh

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def tim(instansi_a):
    org = Org(instansi_a)
    return {
        "org": org,
        "pegawai": akun(org, org.staf, "dedi"),
        "penilai": akun(org, org.kasi, "teguh"),
        "rekan": akun(org, org.kasi2, "wulan"),
    }


@time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False)
def test_pegawai_membuat_skp_dari_halaman(client, tim):
    client.force_login(tim["pegawai"])
    resp = client.post(reverse("skp_saya"), {"tahun": 2026, "pendekatan": "kuantitatif"})
    assert resp.status_code == 302
    with lingkup_instansi(tim["org"].instansi):
        skp = SKP.objects.get()
    assert skp.penilai_id == tim["org"].kasi.pk
    isi = client.get(resp.url).content.decode()
    assert "A.1.7" in isi and "Tambah rencana hasil kerja" in isi


def test_tambah_rhk_dan_iki_lewat_htmx_tanpa_memuat_ulang(client, tim):
    skp = skp_contoh(tim["org"], isi=False)
    client.force_login(tim["pegawai"])
    resp = client.post(
        reverse("rhk_baru", args=[skp.pk]),
        {
            "rhk-teks": "Terbitnya izin trayek tepat waktu",
            "rhk-penugasan_dari": "Kepala Seksi",
            "rhk-rhk_pimpinan_teks": "Meningkatnya layanan angkutan",
        },
        **HX,
    )
    isi = resp.content.decode()
    assert resp["HX-Retarget"] == "#bagian-rhk" and "<html" not in isi
    assert "Terbitnya izin trayek tepat waktu" in isi
    with lingkup_instansi(tim["org"].instansi):
        rhk = RencanaHasilKerja.objects.get(skp=skp)
    resp = client.post(
        reverse("iki_baru", args=[skp.pk, rhk.pk]),
        {"iki-teks": "Izin terbit", "iki-target": "", "iki-aspek": ["waktu"]},
        **HX,
    )
    isi = resp.content.decode()
    assert "Target wajib diisi" in isi  # error shown in the form, nothing saved
    assert "HX-Retarget" not in resp
    resp = client.post(
        reverse("iki_baru", args=[skp.pk, rhk.pk]),
        {"iki-teks": "Izin terbit", "iki-target": "5 hari kerja", "iki-aspek": ["waktu"]},
        **HX,
    )
    assert "IKI 1: Izin terbit" in resp.content.decode()


def test_rhk_kosong_ditolak_dengan_pesan(client, tim):
    skp = skp_contoh(tim["org"], isi=False)
    client.force_login(tim["pegawai"])
    resp = client.post(reverse("rhk_baru", args=[skp.pk]), {"rhk-teks": " "}, **HX)
    assert "wajib diisi" in resp.content.decode()
    with lingkup_instansi(tim["org"].instansi):
        assert not RencanaHasilKerja.objects.filter(skp=skp).exists()


def test_hanya_pemilik_menyunting_draf(client, tim):
    skp = skp_contoh(tim["org"])
    for siapa in ("penilai", "rekan"):
        client.force_login(tim[siapa])
        resp = client.post(reverse("rhk_baru", args=[skp.pk]), {"rhk-teks": "curang"}, **HX)
        assert resp.status_code in (403, 404)
    with lingkup_instansi(tim["org"].instansi):
        assert not RencanaHasilKerja.objects.filter(teks="curang").exists()


def test_rekan_tidak_melihat_skp_orang_lain(client, tim):
    skp = skp_contoh(tim["org"])
    client.force_login(tim["rekan"])
    assert client.get(reverse("skp_detail", args=[skp.pk])).status_code == 404


def test_hanya_penilai_menetapkan(client, tim):
    skp = skp_contoh(tim["org"], status="diajukan")
    client.force_login(tim["pegawai"])
    resp = client.post(reverse("skp_aksi", args=[skp.pk, "tetapkan"]), follow=True)
    assert "tidak berwenang" in resp.content.decode()
    client.force_login(tim["penilai"])
    resp = client.post(reverse("skp_aksi", args=[skp.pk, "tetapkan"]), follow=True)
    assert "SKP ditetapkan" in resp.content.decode()
    with lingkup_instansi(tim["org"].instansi):
        skp.refresh_from_db()
    assert skp.status == "ditetapkan"


def test_kembalikan_tanpa_catatan_ditolak(client, tim):
    skp = skp_contoh(tim["org"], status="diajukan")
    client.force_login(tim["penilai"])
    resp = client.post(
        reverse("skp_aksi", args=[skp.pk, "kembalikan"]), {"catatan": ""}, follow=True
    )
    assert "Tuliskan catatan" in resp.content.decode()
    with lingkup_instansi(tim["org"].instansi):
        skp.refresh_from_db()
    assert skp.status == "diajukan"


def test_penilai_menambah_ekspektasi_khusus(client, tim):
    skp = skp_contoh(tim["org"], status="diajukan")
    client.force_login(tim["penilai"])
    resp = client.post(
        reverse("ekspektasi_tambah", args=[skp.pk]),
        {"ekspektasi-nilai": "adaptif", "ekspektasi-teks": "Mencoba aplikasi perizinan baru"},
        **HX,
    )
    assert "Mencoba aplikasi perizinan baru" in resp.content.decode()


def test_kotak_masuk_penilai(client, tim):
    skp_contoh(tim["org"], status="diajukan")
    client.force_login(tim["penilai"])
    isi = client.get(reverse("skp_bawahan")).content.decode()
    assert "Dedi" in isi and "Diajukan" in isi
    client.force_login(tim["rekan"])
    assert "Dedi" not in client.get(reverse("skp_bawahan")).content.decode()


def test_halaman_skp_jumlah_kueri_tetap(client, tim, django_assert_max_num_queries):
    skp = skp_contoh(tim["org"])
    client.force_login(tim["pegawai"])
    with django_assert_max_num_queries(40):
        client.get(reverse("skp_detail", args=[skp.pk]))


def test_butir_lampiran_kosong_ditolak_dan_pegawai_tidak_menambah_ekspektasi(client, tim):
    skp = skp_contoh(tim["org"])
    client.force_login(tim["pegawai"])
    resp = client.post(
        reverse("lampiran_tambah", args=[skp.pk]),
        {"lampiran-bagian": "skema", "lampiran-teks": ""},
        **HX,
    )
    assert resp.status_code == 200 and "errorlist" in resp.content.decode()
    resp = client.post(
        reverse("ekspektasi_tambah", args=[skp.pk]),
        {"ekspektasi-nilai": "adaptif", "ekspektasi-teks": "Menilai diri sendiri"},
        **HX,
    )
    assert resp.status_code == 403
    with lingkup_instansi(tim["org"].instansi):
        assert skp.lampiran.count() == 3
        assert skp.ekspektasi_khusus.count() == 1


def test_atasan_menetapkan_lewat_halaman_hanya_setelah_eskalasi(client, tim):
    """After the January deadline the atasan may set it (000:4573-4579); before, she
    reads it (tests/skp/test_akses.py) but the page offers no action."""
    from django.utils import timezone

    org = tim["org"]
    atasan = akun(org, org.kabid, "sari")
    skp = skp_contoh(org, status="diajukan")
    client.force_login(atasan)
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "Tetapkan SKP" not in isi
    assert "menunggu Anda" not in client.get(reverse("skp_bawahan")).content.decode()
    with lingkup_instansi(org.instansi):
        SKP.objects.filter(pk=skp.pk).update(dieskalasi_pada=timezone.now())
    isi = client.get(reverse("skp_bawahan")).content.decode()
    assert "Dedi" in isi and "Atasan pejabat penilai" in isi and "lewat batas" in isi
    resp = client.post(reverse("skp_aksi", args=[skp.pk, "tetapkan"]), follow=True)
    assert "SKP ditetapkan" in resp.content.decode()
    with lingkup_instansi(org.instansi):
        skp.refresh_from_db()
    assert skp.status == "ditetapkan" and skp.ditetapkan_sebagai_atasan
