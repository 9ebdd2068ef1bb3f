"""What to do next on each role's home page: every app's pending work, nearest due date
first, each due date with its explanation, and a fixed number of queries."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisasi.beranda import Tugas, urutkan
from organisasi.hari_kerja import KalenderKerja
from organisasi.models import Pegawai, Penempatan
from organisasi.tenancy import lingkup_instansi
from organisasi.tenggat import hitung_jatuh_tempo
from skp.models import SKP, MatriksPeranHasil
from tests.factories import AWAL, Org, acuan_tersimpan, akun, skp_contoh

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


@pytest.fixture
def januari(time_machine):
    time_machine.move_to(datetime(2026, 1, 5, 9, 0, tzinfo=WIB), tick=False)


def _beranda(client, masuk_sebagai, pengguna) -> str:
    masuk_sebagai(pengguna)
    return _tugas(client)


def _tugas(client) -> str:
    """The "what to do next" part of the home page."""
    resp = client.get(reverse("beranda"))
    assert resp.status_code == 200
    isi = resp.content.decode()
    return isi[isi.index("Yang perlu Anda kerjakan") : isi.index("<h2>Menu</h2>")]


def _ubah(org, skp, **nilai):
    with lingkup_instansi(org.instansi):
        SKP.objects.filter(pk=skp.pk).update(**nilai)


def test_pegawai_tanpa_skp_diminta_menyusun_dengan_batas_yang_dijelaskan(
    client, masuk_sebagai, org, januari
):
    isi = _beranda(client, masuk_sebagai, akun(org, org.staf, "dedi.staf"))
    assert "Susun SKP tahun 2026" in isi
    assert f'href="{reverse("skp_saya")}"' in isi
    assert "Batas 30 Januari 2026 · 18 hari kerja lagi" in isi
    assert "Mengapa tanggal ini?" in isi
    assert "SKP ditetapkan paling lambat akhir bulan Januari, Sabtu, 31 Januari 2026" in isi
    assert "maka batasnya hari kerja terakhir sebelumnya: Jumat, 30 Januari 2026" in isi


@pytest.mark.parametrize(
    ("status", "judul", "bertanggal"),
    [
        ("draf", "Lengkapi dan ajukan SKP 2026", True),
        ("dikembalikan", "Perbaiki SKP 2026 yang dikembalikan", True),
        ("ditetapkan", "Tandatangani SKP 2026", False),
    ],
)
def test_pekerjaan_pegawai_menurut_status_skp(
    client, masuk_sebagai, org, januari, status, judul, bertanggal
):
    skp = skp_contoh(org)
    _ubah(org, skp, catatan_penilai="Target IKI 1 belum terukur", status=status)
    isi = _beranda(client, masuk_sebagai, akun(org, org.staf, "dedi.staf"))
    assert judul in isi
    assert f'href="{reverse("skp_detail", args=[skp.pk])}"' in isi
    # Only this item's own date (a set SKP also brings the documentation item, dated).
    butir = next(b for b in isi.split('<li class="kartu tugas">') if judul in b)
    assert ("Batas 30 Januari 2026" in butir) is bertanggal
    assert ("Target IKI 1 belum terukur" in isi) is (status == "dikembalikan")
    assert "Susun SKP tahun" not in isi


def test_pegawai_yang_skp_nya_diajukan_tidak_punya_pekerjaan(client, masuk_sebagai, org, januari):
    skp_contoh(org, status="diajukan")
    isi = _beranda(client, masuk_sebagai, akun(org, org.staf, "dedi.staf"))
    assert "Tidak ada pekerjaan yang menunggu Anda saat ini." in isi


def test_penilai_meninjau_dan_mengisi_mph(client, masuk_sebagai, org, januari):
    diajukan = skp_contoh(org, status="diajukan")
    sendiri = skp_contoh(org, pegawai=org.kasi, status="ditetapkan")
    isi = _beranda(client, masuk_sebagai, akun(org, org.kasi, "teguh.kasi"))
    assert "Tinjau dan tetapkan SKP 2026" in isi and "Untuk: Dedi" in isi
    assert f'href="{reverse("skp_detail", args=[diajukan.pk])}"' in isi
    assert "Isi MPH (A.1.5) tahun 2026" in isi
    assert f'href="{reverse("mph", args=[sendiri.pk])}"' in isi
    assert "Tandatangani SKP 2026" in isi
    with lingkup_instansi(org.instansi):
        MatriksPeranHasil.objects.create(skp_pimpinan=sendiri)
    assert "Isi MPH" not in _beranda(client, masuk_sebagai, akun(org, org.kasi2, "wulan"))
    isi = _tugas(client)
    assert "Isi MPH" not in isi


def test_atasan_dan_pegawai_setelah_eskalasi(client, masuk_sebagai, org, januari):
    skp = skp_contoh(org, status="diajukan")
    kabid = akun(org, org.kabid, "sari.kabid")
    assert "melewati batas" not in _beranda(client, masuk_sebagai, kabid)
    _ubah(org, skp, dieskalasi_pada=timezone.now())
    isi = _tugas(client)
    assert "SKP 2026 melewati batas: lakukan dialog kinerja dan tetapkan" in isi
    assert "Untuk: Dedi" in isi
    isi = _beranda(client, masuk_sebagai, akun(org, org.staf, "dedi.staf"))
    assert "SKP 2026 melewati batas: lakukan dialog kinerja" in isi
    assert "Lakukan dialog kinerja dengan Sari, yang kini dapat menetapkannya." in isi


def test_admin_melihat_pegawai_tanpa_penilai_dan_skp_lewat_batas(
    client, masuk_sebagai, org, time_machine
):
    skp_contoh(org, status="diajukan")
    with lingkup_instansi(org.instansi):
        org.orang("Yanto")  # no placement yet: nobody can rate him
    admin = akun(org, org.kadis, "admin.uji", admin=True)
    time_machine.move_to(datetime(2026, 1, 5, 9, 0, tzinfo=WIB), tick=False)
    isi = _beranda(client, masuk_sebagai, admin)
    assert "1 pegawai belum punya pejabat penilai" in isi
    assert "Yanto" in isi and "?tanpa_penilai=1" in isi
    assert "belum ditetapkan melewati batas" not in isi  # not yet past the deadline

    time_machine.move_to(datetime(2026, 2, 3, 9, 0, tzinfo=WIB), tick=False)
    isi = _beranda(client, masuk_sebagai, admin)  # a new day, a new session
    assert "SKP 2026 belum ditetapkan melewati batas (diajukan ke pejabat penilai)" in isi
    assert "4 pegawai belum menyusun SKP 2026" in isi  # the heads; Yanto has no placement
    assert "lewat 2 hari kerja" in isi
    # Overdue first, undated last.
    assert isi.index("melewati batas") < isi.index("belum punya pejabat penilai")


def test_urutan_batas_terdekat_dulu_tanpa_tanggal_terakhir():
    kalender = KalenderKerja()
    dekat = hitung_jatuh_tempo(kalender, peristiwa="a", mulai=date(2026, 2, 2), hari_kerja=3)
    jauh = hitung_jatuh_tempo(kalender, peristiwa="b", mulai=date(2026, 2, 2), hari_kerja=14)
    daftar = [
        Tugas("tanpa", "x", "/"),
        Tugas("jauh", "x", "/", jauh),
        Tugas("dekat", "x", "/", dekat),
    ]
    assert [t.judul for t in urutkan(daftar)] == ["dekat", "jauh", "tanpa"]


def test_jumlah_kueri_beranda_tidak_tumbuh_dengan_jumlah_skp(client, masuk_sebagai, org, januari):
    kasi = akun(org, org.kasi, "teguh.kasi", admin=True)
    masuk_sebagai(kasi)
    acuan_tersimpan(org.instansi)
    hitung = []
    for tambahan in (9, 12):  # 10, then 22 submitted
        with lingkup_instansi(org.instansi):
            for i in range(tambahan):
                p = org.orang(f"Staf {len(hitung)}-{i}")
                Penempatan.objects.create(pegawai=p, jabatan=org.jabatan_staf, mulai=AWAL)
        with lingkup_instansi(org.instansi):
            tanpa_skp = list(
                Pegawai.objects.filter(penempatan__jabatan=org.jabatan_staf, skp__isnull=True)
            )
        for p in tanpa_skp:
            skp = skp_contoh(org, pegawai=p, isi=False)
            _ubah(org, skp, status="diajukan", penilai=org.kasi)
        with CaptureQueriesContext(connection) as kueri:
            isi = client.get(reverse("beranda")).content.decode()
        hitung.append(len(kueri))
    assert "SKP diajukan lainnya" in isi  # 15 submitted: 8 listed, the rest counted
    assert hitung[0] == hitung[1], hitung
