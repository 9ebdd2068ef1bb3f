"""Documentation (B.1.1 action plans, B.1.2 realisation with evidence) through the pages:
who may write, who may read and download the evidence, bad input changes nothing."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from organisasi.tenancy import lingkup_instansi
from tests.factories import Org, akun, skp_contoh
from umpanbalik import selectors
from umpanbalik.models import BuktiDukung, Realisasi, RencanaAksi

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture(autouse=True)
def _senin_16_maret_2026():
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        yield


@pytest.fixture
def tim(instansi_a):
    org = Org(instansi_a)
    skp = skp_contoh(org, status="ditetapkan")
    return {
        "org": org,
        "skp": skp,
        "pemilik": akun(org, org.staf, "dedi"),
        "penilai": akun(org, org.kasi, "teguh"),
        "lain": akun(org, org.kasi2, "wulan"),
    }


def _iki(skp):
    with lingkup_instansi(skp.instansi_id):
        rhk = skp.rhk.filter(jenis="utama").order_by("urutan").first()
        return rhk.iki.order_by("urutan").first()


def _kirim(client, skp, *, periode=3, berkas=(), tautan="", uraian="8 dari 12 simpang selesai"):
    return client.post(
        reverse("realisasi_tambah", args=[skp.pk]),
        {
            "periode": periode,
            "iki": _iki(skp).pk,
            "jenis": "progres",
            "uraian": uraian,
            "tautan": tautan,
            "berkas": list(berkas),
        },
    )


def _jumlah(instansi):
    with lingkup_instansi(instansi):
        return Realisasi.objects.count(), BuktiDukung.objects.count()


def test_pegawai_mendokumentasikan_realisasi_dengan_unggahan_dan_tautan(client, tim):
    skp = tim["skp"]
    client.force_login(tim["pemilik"])
    halaman = client.get(reverse("dokumentasi", args=[skp.pk]))
    assert halaman.status_code == 200
    teks = halaman.content.decode()
    assert "Maret 2026" in teks  # the current month is chosen
    assert "bukan bukti aktivitas" in teks
    assert 'capture="environment"' in teks and "accept=" in teks
    resp = _kirim(
        client,
        skp,
        berkas=[SimpleUploadedFile("../../laporan simpang.pdf", PDF, "application/pdf")],
        tautan="https://data.example.go.id/simpang",
    )
    assert resp.status_code == 302, resp.context["form"].errors
    with lingkup_instansi(skp.instansi_id):
        r = Realisasi.objects.get()
        assert (r.periode, r.jenis, r.jenis_periode) == (3, "progres", "bulanan")
        nama = sorted(BuktiDukung.objects.values_list("nama", flat=True))
    assert nama == ["https://data.example.go.id/simpang", "laporan simpang.pdf"]
    teks = client.get(reverse("dokumentasi", args=[skp.pk]) + "?periode=3").content.decode()
    assert "8 dari 12 simpang selesai" in teks and "laporan simpang.pdf" in teks


def test_executable_berganti_nama_ditolak_dan_tidak_ada_yang_tersimpan(client, tim):
    client.force_login(tim["pemilik"])
    resp = _kirim(
        client,
        tim["skp"],
        berkas=[
            SimpleUploadedFile("bukti.pdf", PDF),
            SimpleUploadedFile("foto.jpg", b"MZ\x90\x00" + b"\x00" * 64, "image/jpeg"),
        ],
    )
    assert resp.status_code == 422
    assert "Jenis berkas tidak diterima" in resp.content.decode()
    assert _jumlah(tim["org"].instansi) == (0, 0)


def test_tanpa_bukti_atau_periode_mendatang_ditolak(client, tim):
    client.force_login(tim["pemilik"])
    resp = _kirim(client, tim["skp"])
    assert resp.status_code == 422 and "Lampirkan bukti dukung" in resp.content.decode()
    resp = _kirim(client, tim["skp"], periode=5, tautan="https://x.example.go.id/a")
    assert resp.status_code == 422 and "belum dimulai" in resp.content.decode()
    resp = _kirim(client, tim["skp"], tautan="javascript:alert(1)")
    assert resp.status_code == 422 and "http://" in resp.content.decode()
    assert _jumlah(tim["org"].instansi) == (0, 0)


def test_hanya_pemilik_yang_mendokumentasikan(client, tim):
    client.force_login(tim["penilai"])
    resp = _kirim(client, tim["skp"], tautan="https://x.example.go.id/a")
    assert resp.status_code == 403
    client.force_login(tim["lain"])
    assert _kirim(client, tim["skp"], tautan="https://x.example.go.id/a").status_code == 404
    assert _jumlah(tim["org"].instansi) == (0, 0)


def test_skp_belum_ditetapkan_belum_didokumentasikan(client, instansi_a):
    org = Org(instansi_a)
    skp = skp_contoh(org)  # draf
    client.force_login(akun(org, org.staf, "dedi"))
    assert client.get(reverse("dokumentasi", args=[skp.pk])).status_code == 404
    teks = client.get(reverse("dokumentasi_saya")).content.decode()
    assert "Belum ada SKP yang berlaku" in teks


def _unggah_satu(client, tim):
    client.force_login(tim["pemilik"])
    _kirim(client, tim["skp"], berkas=[SimpleUploadedFile("hasil.pdf", PDF)])
    with lingkup_instansi(tim["org"].instansi):
        return BuktiDukung.objects.get()


def test_bukti_hanya_untuk_yang_boleh_membuka_skp(client, tim, instansi_b, pegawai_b):
    b = _unggah_satu(client, tim)
    url = reverse("bukti_unduh", args=[b.pk])
    for pengguna, status in ((tim["pemilik"], 200), (tim["penilai"], 200), (tim["lain"], 404)):
        client.force_login(pengguna)
        resp = client.get(url)
        assert resp.status_code == status
        if status == 200:
            assert resp.content == PDF
            assert resp["X-Content-Type-Options"] == "nosniff"
            assert "sandbox" in resp["Content-Security-Policy"]
            assert 'filename="hasil.pdf"' in resp["Content-Disposition"]
    client.force_login(pegawai_b)  # another agency: the file does not exist for them
    assert client.get(url).status_code == 404
    # Not under a public URL: nothing was written to MEDIA_ROOT, the bytes live in the row.
    with lingkup_instansi(tim["org"].instansi):
        assert bytes(BuktiDukung.objects.values_list("isi", flat=True).get()) == PDF


def test_foto_dari_ponsel_diperkecil_tanpa_lokasi(client, tim):
    gambar = Image.new("RGB", (3000, 4000), (10, 200, 10))
    exif = Image.Exif()
    exif[0x8825] = {1: "S", 2: (6.0, 14.0, 30.0)}
    keluar = io.BytesIO()
    gambar.save(keluar, "JPEG", exif=exif)
    client.force_login(tim["pemilik"])
    resp = client.post(
        reverse("realisasi_tambah", args=[tim["skp"].pk]),
        {
            "periode": 3,
            "iki": _iki(tim["skp"]).pk,
            "jenis": "akhir",
            "uraian": "Papan rambu terpasang",
            "foto": SimpleUploadedFile("IMG_2041.JPG", keluar.getvalue(), "image/jpeg"),
        },
    )
    assert resp.status_code == 302
    with lingkup_instansi(tim["org"].instansi):
        b = BuktiDukung.objects.get()
    isi = client.get(reverse("bukti_unduh", args=[b.pk])).content
    with Image.open(io.BytesIO(isi)) as g:
        assert g.size == (1500, 2000) and not g.getexif()


def test_rencana_aksi_per_rhk(client, tim):
    skp = tim["skp"]
    with lingkup_instansi(skp.instansi_id):
        rhk = skp.rhk.filter(jenis="utama").order_by("urutan").first()
    client.force_login(tim["pemilik"])
    url = reverse("rencana_aksi_tambah", args=[skp.pk, rhk.pk])
    assert client.post(url, {"teks": "Survei volume simpang"}).status_code == 302
    assert client.post(url, {"teks": "Susun rekomendasi"}).status_code == 302
    assert client.post(url, {"teks": "   "}).status_code == 422
    with lingkup_instansi(skp.instansi_id):
        assert list(RencanaAksi.objects.values_list("urutan", "teks")) == [
            (1, "Survei volume simpang"),
            (2, "Susun rekomendasi"),
        ]
    client.force_login(tim["penilai"])
    assert client.post(url, {"teks": "Bukan milik saya"}).status_code == 403


def test_halaman_dokumentasi_jumlah_kueri_tetap(client, tim, django_assert_max_num_queries):
    client.force_login(tim["pemilik"])
    for i in range(2):
        _kirim(client, tim["skp"], tautan=f"https://x.example.go.id/{i}")
    url = reverse("dokumentasi", args=[tim["skp"].pk]) + "?periode=3"
    client.get(url)
    with django_assert_max_num_queries(25) as awal:
        client.get(url)
    n = len(awal.captured_queries)
    assert n > 0
    for i in range(12):
        _kirim(client, tim["skp"], tautan=f"https://x.example.go.id/b{i}")
    with django_assert_max_num_queries(n):
        client.get(url)


def test_selector_untuk_evaluasi_mengembalikan_realisasi_periode(client, tim):
    client.force_login(tim["pemilik"])
    _kirim(client, tim["skp"], periode=2, tautan="https://x.example.go.id/feb")
    _kirim(client, tim["skp"], periode=3, tautan="https://x.example.go.id/mar")
    with lingkup_instansi(tim["org"].instansi):
        maret = selectors.realisasi_periode(tim["skp"], 3)
        assert [r.periode for r in maret] == [3]
        assert [b.tautan for b in maret[0].bukti.all()] == ["https://x.example.go.id/mar"]
        assert len(selectors.realisasi_periode(tim["skp"])) == 2


def _teks_pdf(isi: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(h.extract_text().split()) for h in PdfReader(io.BytesIO(isi)).pages)


def test_pdf_b_1_1_dan_b_1_2_dibaca_kembali(client, tim):
    skp = tim["skp"]
    with lingkup_instansi(skp.instansi_id):
        rhk = skp.rhk.filter(jenis="utama").order_by("urutan").first()
    client.force_login(tim["pemilik"])
    client.post(
        reverse("rencana_aksi_tambah", args=[skp.pk, rhk.pk]), {"teks": "Survei volume simpang"}
    )
    _kirim(client, skp, berkas=[SimpleUploadedFile("hasil survei.pdf", PDF)])
    client.force_login(tim["penilai"])
    resp = client.get(reverse("rencana_aksi_pdf", args=[skp.pk]))
    assert resp["Content-Type"] == "application/pdf"
    teks = _teks_pdf(resp.content)
    assert "RENCANA AKSI" in teks and "PEGAWAI YANG DINILAI" in teks
    assert "Rencana Aksi: 1. Survei volume simpang" in teks
    assert (
        "Pegawai yang Dinilai" in teks and "Pejabat Penilai Kinerja" not in teks.split("HASIL")[1]
    )
    teks = _teks_pdf(client.get(reverse("pendokumentasian_pdf", args=[skp.pk, 3])).content)
    assert "PENDOKUMENTASIAN KINERJA" in teks and "MARET 2026" in teks
    assert "Realisasi dan Bukti Dukung:" in teks
    assert "IKI 1.1 (Progres): 8 dari 12 simpang selesai" in teks
    assert "Bukti dukung: hasil survei.pdf" in teks
    assert client.get(reverse("pendokumentasian_pdf", args=[skp.pk, 13])).status_code == 404
    client.force_login(tim["lain"])
    assert client.get(reverse("rencana_aksi_pdf", args=[skp.pk])).status_code == 404
