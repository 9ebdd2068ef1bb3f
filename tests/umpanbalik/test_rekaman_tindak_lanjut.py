"""The employee's record of feedback (rekaman) lists the period's follow-up inline: kind,
date, summary, a link to the record on the follow-up page and to its PDF, in a fixed
number of queries; other months' records stay in their own month."""

from datetime import date

import pytest
from django.urls import reverse

from organisasi.tenancy import lingkup_instansi
from umpanbalik import selectors, selectors_tindak_lanjut
from umpanbalik.models import (
    BimbinganKinerja,
    LaporanPerilakuKerja,
    PengambilalihanRHK,
    TindakLanjut,
)

pytestmark = pytest.mark.django_db


def _isi(regu, hari: int, bulan: int = 3, *, ambil_alih=True, n: int = 1):
    org, skp = regu["org"], regu["skp"]
    with lingkup_instansi(org.instansi):
        rhk = skp.rhk.order_by("urutan")
        for i in range(n):
            TindakLanjut.objects.create(
                skp=skp,
                jenis="apresiasi",
                tanggal=date(2026, bulan, hari),
                uraian=f"Apresiasi atas rekayasa simpang {bulan}-{i}",
                rhk=rhk[0],
                dicatat_oleh=org.kasi,
            )
            BimbinganKinerja.objects.create(
                skp=skp,
                metode="coaching",
                tanggal=date(2026, bulan, hari),
                tempat="Ruang rapat",
                isi={"langkah": [{"strategi": f"Akses data kamera ATCS {bulan}-{i}"}]},
                dicatat_oleh=org.kasi,
            )
            BimbinganKinerja.objects.create(
                skp=skp,
                metode="mentoring",
                tanggal=date(2026, bulan, hari),
                tempat="Ruang rapat",
                isi={"tujuan": [{"keahlian": f"Analisis simpang {bulan}-{i}"}]},
                dicatat_oleh=org.kasi,
            )
            LaporanPerilakuKerja.objects.create(
                skp=skp,
                tanggal=date(2026, bulan, hari),
                permasalahan=f"Sering terlambat rapat koordinasi {bulan}-{i}",
                retrospektif="Sudah diingatkan dua kali",
                dikomunikasikan_pada=date(2026, bulan, hari),
                bukti_umpan_balik="Umpan balik insidentil",
                dicatat_oleh=org.kasi,
            )
        if ambil_alih:
            PengambilalihanRHK.objects.create(
                skp=skp,
                rhk=rhk[1],
                tanggal=date(2026, bulan, hari),
                catatan=f"Pegawai tidak dapat menyelesaikan survei {bulan}",
                diambil_alih_oleh=org.kasi,
            )


def test_rekaman_pegawai_memuat_tindak_lanjut_periode(client, regu):
    _isi(regu, 10)
    _isi(regu, 12, bulan=2, ambil_alih=False)
    skp = regu["skp"]
    with lingkup_instansi(regu["org"].instansi):
        b = BimbinganKinerja.objects.get(metode="coaching", tanggal=date(2026, 3, 10))
        laporan = LaporanPerilakuKerja.objects.get(tanggal=date(2026, 3, 10))
    client.force_login(regu["dedi"])
    teks = client.get(reverse("rekaman_umpan_balik", args=[skp.pk]) + "?periode=3")
    teks = teks.content.decode()
    for isi in (
        "Tindak lanjut umpan balik · Maret 2026",
        "Apresiasi atas rekayasa simpang 3-0",
        'Coaching <span class="redup">· format B.1.6',
        "Langkah ke depan: Akses data kamera ATCS 3-0",
        "Tujuan mentoring: Analisis simpang 3-0",
        "Laporan permasalahan perilaku kerja",
        "Sering terlambat rapat koordinasi 3-0",
        "Rencana hasil kerja diambil alih",
        "Pegawai tidak dapat menyelesaikan survei 3",
        "Menunggu tanda tangan pegawai",
        "10-03-2026",
        reverse("bimbingan_pdf", args=[skp.pk, b.pk]),
        reverse("laporan_perilaku_pdf", args=[skp.pk, laporan.pk]),
        reverse("tindak_lanjut", args=[skp.pk]) + f"#bimbingan-{b.pk}",
    ):
        assert isi in teks, isi
    assert "3-0" in teks and "2-0" not in teks  # February's records stay in February
    assert "Buka dan tandatangani B.1.6" in teks  # her next step
    client.force_login(regu["teguh"])
    teks = client.get(reverse("rekaman_umpan_balik", args=[skp.pk]) + "?periode=3")
    assert "Buka dan tandatangani" not in teks.content.decode()
    februari = client.get(reverse("rekaman_umpan_balik", args=[skp.pk]) + "?periode=2")
    assert "Apresiasi atas rekayasa simpang 2-0" in februari.content.decode()
    januari = client.get(reverse("rekaman_umpan_balik", args=[skp.pk]) + "?periode=1")
    assert "Belum ada tindak lanjut yang dicatat pada Januari 2026" in januari.content.decode()


def test_tautan_rekaman_terbuka_bagi_pegawai(client, regu):
    _isi(regu, 10)
    skp = regu["skp"]
    client.force_login(regu["dedi"])
    with lingkup_instansi(regu["org"].instansi):
        butir = selectors_tindak_lanjut.tindak_lanjut_periode(
            skp, selectors.periode_skp(skp, "bulanan")[2]
        )
    assert sorted(b.jenis for b in butir) == [
        "Apresiasi",
        "Coaching",
        "Laporan permasalahan perilaku kerja",
        "Mentoring",
        "Rencana hasil kerja diambil alih",
    ]
    for b in butir:
        if b.pdf == "bimbingan":
            resp = client.get(reverse("bimbingan_pdf", args=[skp.pk, b.pk]))
        elif b.pdf == "laporan":
            resp = client.get(reverse("laporan_perilaku_pdf", args=[skp.pk, b.pk]))
        else:
            continue
        assert resp.status_code == 200 and resp.content.startswith(b"%PDF")


def test_instansi_lain_dan_rekan_tidak_melihat_tindak_lanjut(client, regu, pegawai_b):
    _isi(regu, 10)
    url = reverse("rekaman_umpan_balik", args=[regu["skp"].pk]) + "?periode=3"
    for pengguna in (regu["rina"], pegawai_b):
        client.force_login(pengguna)
        resp = client.get(url)
        assert resp.status_code == 404
        assert b"Sering terlambat" not in resp.content


def test_jumlah_kueri_rekaman_tetap_dengan_banyak_tindak_lanjut(
    client, regu, django_assert_max_num_queries
):
    _isi(regu, 10)
    url = reverse("rekaman_umpan_balik", args=[regu["skp"].pk]) + "?periode=3"
    client.force_login(regu["dedi"])
    client.get(url)
    with django_assert_max_num_queries(40) as awal:
        client.get(url)
    n = len(awal.captured_queries)
    _isi(regu, 20, ambil_alih=False, n=8)
    with django_assert_max_num_queries(n):
        resp = client.get(url)
    assert resp.content.decode().count('class="tl-ringkas"') == 5 + 8 * 4
