"""Correcting a documented realisation (B.1.2) through the pages: the author changes the
kind, the text and the evidence in place (HTMX), until the period's evaluation is made;
nobody else can, bad input changes nothing, every change leaves a history row."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from evaluasi.models import EvaluasiKinerja
from organisasi.tenancy import lingkup_instansi
from tests.factories import Org, akun, skp_contoh
from umpanbalik import services
from umpanbalik.models import BuktiDukung, Realisasi

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _senin_16_maret_2026():
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        yield


@pytest.fixture
def tim(instansi_a, client):
    org = Org(instansi_a)
    skp = skp_contoh(org, status="ditetapkan")
    t = {
        "org": org,
        "skp": skp,
        "pemilik": akun(org, org.staf, "dedi"),
        "penilai": akun(org, org.kasi, "teguh"),
        "lain": akun(org, org.kasi2, "wulan"),
    }
    with lingkup_instansi(instansi_a):
        iki = skp.rhk.filter(jenis="utama").order_by("urutan").first().iki.order_by("urutan")[0]
    client.force_login(t["pemilik"])
    client.post(
        reverse("realisasi_tambah", args=[skp.pk]),
        {
            "periode": 3,
            "iki": iki.pk,
            "jenis": "progres",
            "uraian": "8 dari 12 simpang selesai",
            "tautan": "https://x.example.go.id/rekap",
            "berkas": [SimpleUploadedFile("salah unggah.pdf", PDF, "application/pdf")],
        },
    )
    with lingkup_instansi(instansi_a):
        t["realisasi"] = Realisasi.objects.get()
        t["bukti"] = {b.nama: b.pk for b in BuktiDukung.objects.all()}
    client.logout()
    return t


def _url(t, nama="realisasi_ubah"):
    return reverse(nama, args=[t["skp"].pk, t["realisasi"].pk])


def _isian(t, **lain):
    awalan = f"ubah-{t['realisasi'].pk}-"
    data = {"jenis": "akhir", "uraian": "12 dari 12 simpang selesai", "tautan": ""}
    data.update(lain)
    return {awalan + k: v for k, v in data.items()}


def _keadaan(t):
    with lingkup_instansi(t["org"].instansi):
        r = Realisasi.objects.get()
        return (
            r.jenis,
            r.uraian,
            sorted(BuktiDukung.objects.values_list("nama", flat=True)),
            r.history.count(),
        )


def test_pemilik_mengubah_di_tempat_menambah_dan_menghapus_bukti(client, tim):
    client.force_login(tim["pemilik"])
    halaman = client.get(reverse("dokumentasi", args=[tim["skp"].pk]) + "?periode=3")
    assert _url(tim) in halaman.content.decode()  # the "Ubah" button beside the entry
    form = client.get(_url(tim), **HX)
    teks = form.content.decode()
    assert form.status_code == 200 and "<html" not in teks
    assert 'hx-encoding="multipart/form-data"' in teks and "salah unggah.pdf" in teks
    assert "12 dari 12" not in teks and "8 dari 12 simpang selesai" in teks

    resp = client.post(
        _url(tim),
        _isian(
            tim,
            hapus_bukti=[tim["bukti"]["salah unggah.pdf"]],
            berkas=[SimpleUploadedFile("rekap benar.pdf", PDF, "application/pdf")],
        ),
        **HX,
    )
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "12 dari 12 simpang selesai" in teks and "Realisasi akhir" in teks
    assert "rekap benar.pdf" in teks and "salah unggah.pdf" not in teks
    assert "Perubahan realisasi tersimpan." in teks  # the message, out of band
    jenis, uraian, bukti, riwayat = _keadaan(tim)
    assert (jenis, uraian) == ("akhir", "12 dari 12 simpang selesai")
    assert bukti == ["https://x.example.go.id/rekap", "rekap benar.pdf"]
    assert riwayat == 2
    with lingkup_instansi(tim["org"].instansi):
        awal, h = Realisasi.history.order_by("history_id")
        assert h.history_user_id == tim["pemilik"].pk
        assert h.history_change_reason == (
            "Realisasi diubah; 1 bukti ditambah; bukti dihapus: salah unggah.pdf"
        )
        assert (awal.jenis, awal.uraian) == ("progres", "8 dari 12 simpang selesai")


def test_tanpa_javascript_halaman_sendiri_lalu_kembali_ke_dokumentasi(client, tim):
    client.force_login(tim["pemilik"])
    halaman = client.get(_url(tim))
    assert halaman.status_code == 200 and "Ubah realisasi · Maret 2026" in halaman.content.decode()
    resp = client.post(_url(tim), _isian(tim))
    assert resp.status_code == 302
    assert resp["Location"].endswith("?periode=3#realisasi")
    assert _keadaan(tim)[:2] == ("akhir", "12 dari 12 simpang selesai")
    batal = client.get(_url(tim, "realisasi_butir"), **HX)
    assert "12 dari 12 simpang selesai" in batal.content.decode()


def test_tanpa_perubahan_tidak_ada_riwayat(client, tim):
    client.force_login(tim["pemilik"])
    resp = client.post(_url(tim), _isian(tim, jenis="progres", uraian="8 dari 12 simpang selesai"))
    assert resp.status_code == 302
    assert _keadaan(tim)[3] == 1


@pytest.mark.parametrize(
    "isian,pesan",
    [
        ({"uraian": "   "}, "Bidang ini tidak boleh kosong."),
        ({"jenis": "selesai"}, "Masukkan pilihan yang valid"),
        ({"uraian": "x" * 2001}, "2000"),
        ({"tautan": "javascript:alert(1)"}, "Tautan"),
        (
            {"berkas": [SimpleUploadedFile("skrip.pdf", b"MZ\x90\x00" * 20, "application/pdf")]},
            "skrip.pdf",
        ),
    ],
)
def test_isian_buruk_ditolak_tanpa_perubahan(client, tim, isian, pesan):
    sebelum = _keadaan(tim)
    client.force_login(tim["pemilik"])
    data = _isian(tim, hapus_bukti=[tim["bukti"]["salah unggah.pdf"]], **isian)
    resp = client.post(_url(tim), data, **HX)
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "errorlist" in teks and pesan in teks
    assert _keadaan(tim) == sebelum


def test_bukti_terakhir_tidak_dapat_dihapus_tanpa_pengganti(client, tim):
    sebelum = _keadaan(tim)
    client.force_login(tim["pemilik"])
    semua = list(tim["bukti"].values())
    resp = client.post(_url(tim), _isian(tim, hapus_bukti=semua), **HX)
    assert "harus tetap memiliki bukti dukung" in resp.content.decode()
    assert _keadaan(tim) == sebelum
    # With a replacement link the old two may go.
    resp = client.post(
        _url(tim), _isian(tim, hapus_bukti=semua, tautan="https://x.example.go.id/baru"), **HX
    )
    assert _keadaan(tim)[2] == ["https://x.example.go.id/baru"]


def test_bukti_realisasi_lain_tidak_dapat_dihapus_lewat_formulir_ini(client, tim):
    client.force_login(tim["pemilik"])
    client.post(
        reverse("realisasi_tambah", args=[tim["skp"].pk]),
        {
            "periode": 2,
            "iki": tim["realisasi"].iki_id,
            "jenis": "progres",
            "uraian": "Februari",
            "tautan": "https://x.example.go.id/feb",
        },
    )
    with lingkup_instansi(tim["org"].instansi):
        lain = BuktiDukung.objects.get(nama="https://x.example.go.id/feb")
    sebelum = _keadaan_semua(tim)
    resp = client.post(_url(tim), _isian(tim, hapus_bukti=[lain.pk]), **HX)
    assert "errorlist" in resp.content.decode()
    assert _keadaan_semua(tim) == sebelum
    # Straight to the service, past the form's choices: refused the same.
    with lingkup_instansi(tim["org"].instansi), pytest.raises(services.ValidationError) as g:
        services.realisasi_ubah(
            pengguna=tim["pemilik"],
            realisasi=tim["realisasi"],
            jenis="akhir",
            uraian="x",
            hapus_bukti=[lain.pk],
        )
    assert "Hanya bukti yang Anda unggah" in " ".join(g.value.messages)
    assert _keadaan_semua(tim) == sebelum


def _keadaan_semua(t):
    with lingkup_instansi(t["org"].instansi):
        return (
            sorted(Realisasi.objects.values_list("pk", "jenis", "uraian")),
            sorted(BuktiDukung.objects.values_list("pk", flat=True)),
        )


def test_hanya_pemilik(client, tim, pegawai_b, admin_a):
    sebelum = _keadaan(tim)
    # The rater and the agency admin may read the SKP, not correct the employee's record.
    for pengguna in (tim["penilai"], admin_a):
        client.force_login(pengguna)
        assert client.get(_url(tim), **HX).status_code == 403
        assert client.post(_url(tim), _isian(tim), **HX).status_code == 403
        halaman = client.get(reverse("dokumentasi", args=[tim["skp"].pk]) + "?periode=3")
        assert _url(tim) not in halaman.content.decode()
    # Another employee of the agency, and another agency: nothing there at all.
    for pengguna in (tim["lain"], pegawai_b):
        client.force_login(pengguna)
        assert client.get(_url(tim), **HX).status_code == 404
        assert client.post(_url(tim), _isian(tim), **HX).status_code == 404
        assert client.get(_url(tim, "realisasi_butir")).status_code == 404
    assert _keadaan(tim) == sebelum
    # The service itself refuses the rater.
    with lingkup_instansi(tim["org"].instansi), pytest.raises(services.PermissionDenied):
        services.realisasi_ubah(
            pengguna=tim["penilai"], realisasi=tim["realisasi"], jenis="akhir", uraian="x"
        )
    assert _keadaan(tim) == sebelum


def test_peran_aplikasi_instansi_lain_tidak_melihat_atau_mengubah(tim, instansi_b):
    """From the app role's own connection, another agency's scope neither sees nor
    changes the realisation or its evidence (row-level security, not only the views)."""
    with lingkup_instansi(instansi_b), connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM umpanbalik_realisasi")
        assert cur.fetchone()[0] == 0
        cur.execute("UPDATE umpanbalik_realisasi SET uraian = 'x'")
        assert cur.rowcount == 0
        cur.execute("DELETE FROM umpanbalik_buktidukung")
        assert cur.rowcount == 0
    assert _keadaan(tim)[:3] == (
        "progres",
        "8 dari 12 simpang selesai",
        ["https://x.example.go.id/rekap", "salah unggah.pdf"],
    )


def _evaluasi(t, *, jenis="bulanan", nomor=3, status="draf", predikat=""):
    org = t["org"]
    with lingkup_instansi(org.instansi):
        return EvaluasiKinerja.objects.create(
            pegawai=org.staf,
            skp=t["skp"],
            tahun=2026,
            periode_jenis=jenis,
            periode_nomor=nomor,
            penilai=org.kasi,
            status=status,
            predikat=predikat,
            rating_hasil_kerja="sesuai" if predikat else "",
            rating_perilaku_kerja="sesuai" if predikat else "",
        )


@pytest.mark.parametrize(
    "jenis,nomor,status,predikat,terkunci",
    [
        ("bulanan", 3, "draf", "", False),  # being evaluated, not yet rated
        ("bulanan", 3, "draf", "baik", True),  # rated
        ("bulanan", 3, "d11_ditandatangani", "baik", True),  # signed
        ("bulanan", 3, "diambil_alih", "", True),  # the atasan took it over
        ("bulanan", 2, "d11_ditandatangani", "baik", False),  # another month
        ("triwulanan", 1, "d11_ditandatangani", "baik", True),  # the quarter holding March
        ("triwulanan", 2, "d11_ditandatangani", "baik", False),
        ("tahunan", 0, "d11_ditandatangani", "baik", True),
    ],
)
def test_dokumentasi_tertutup_setelah_evaluasi_periode_dinilai(
    client, tim, jenis, nomor, status, predikat, terkunci
):
    _evaluasi(tim, jenis=jenis, nomor=nomor, status=status, predikat=predikat)
    sebelum = _keadaan(tim)
    client.force_login(tim["pemilik"])
    halaman = client.get(reverse("dokumentasi", args=[tim["skp"].pk]) + "?periode=3")
    teks = halaman.content.decode()
    assert (_url(tim) in teks) is not terkunci
    assert ("Simpan realisasi" in teks) is not terkunci
    resp = client.post(_url(tim), _isian(tim), **HX)
    if terkunci:
        assert "sudah dinilai pejabat penilai" in resp.content.decode()
        assert _keadaan(tim) == sebelum
        # Nor can a new entry be added to the evaluated period.
        baru = client.post(
            reverse("realisasi_tambah", args=[tim["skp"].pk]),
            {
                "periode": 3,
                "iki": tim["realisasi"].iki_id,
                "jenis": "akhir",
                "uraian": "Terlambat",
                "tautan": "https://x.example.go.id/telat",
            },
        )
        assert baru.status_code == 422 and "sudah dinilai" in baru.content.decode()
        with lingkup_instansi(tim["org"].instansi):
            assert Realisasi.objects.count() == 1
        # The GET form sends the author back with the reason.
        kembali = client.get(_url(tim))
        assert kembali.status_code == 302
    else:
        assert _keadaan(tim)[:2] == ("akhir", "12 dari 12 simpang selesai")


def test_jumlah_kueri_halaman_dan_parsial_tetap(client, tim, django_assert_max_num_queries):
    client.force_login(tim["pemilik"])
    url_halaman = reverse("dokumentasi", args=[tim["skp"].pk]) + "?periode=3"
    ukur = {}
    for nama, url, hx in (
        ("halaman", url_halaman, {}),
        ("form", _url(tim), HX),
        ("butir", _url(tim, "realisasi_butir"), HX),
    ):
        client.get(url, **hx)
        with django_assert_max_num_queries(30) as q:
            client.get(url, **hx)
        ukur[nama] = len(q.captured_queries)
    # More evidence on this entry and more entries in the period: the counts stay.
    client.post(
        _url(tim),
        _isian(tim, tautan="\n".join(f"https://x.example.go.id/{i}" for i in range(6))),
        **HX,
    )
    for i in range(5):
        client.post(
            reverse("realisasi_tambah", args=[tim["skp"].pk]),
            {
                "periode": 3,
                "iki": tim["realisasi"].iki_id,
                "jenis": "progres",
                "uraian": f"Tambahan {i}",
                "tautan": f"https://x.example.go.id/t{i}",
            },
        )
    for nama, url, hx in (
        ("halaman", url_halaman, {}),
        ("form", _url(tim), HX),
        ("butir", _url(tim, "realisasi_butir"), HX),
    ):
        with django_assert_max_num_queries(ukur[nama]):
            client.get(url, **hx)
