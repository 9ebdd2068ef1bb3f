"""The main pages run the same number of queries with 5 subordinates as with 500.

Seeded by the same helper as `make bench` (scripts/data_bench.py), so the benchmark and
this test look at the same data. Each page gets a bound that holds at both sizes, and
the counts at both sizes must be equal: no query per row.
"""

import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from bench_umpanbalik import siapkan as siapkan_umpan_balik  # noqa: E402
from data_bench import isi_rhk, klien, organisasi_bench  # noqa: E402

# page label -> (who, url builder, most queries allowed at any size)
HALAMAN = {
    "SKP bawahan": ("penilai", lambda o: reverse("skp_bawahan"), 15),
    "Detail SKP 30 RHK": ("pegawai", lambda o: reverse("skp_detail", args=[o.skp[0].pk]), 28),
    "Daftar pegawai": ("admin", lambda o: reverse("pegawai_daftar"), 19),
    "Pohon unit": ("admin", lambda o: reverse("unit_pohon"), 11),
    "Anak unit": ("admin", lambda o: reverse("unit_anak", args=[o.bidang.pk]), 11),
    "Siapa menilai siapa": ("admin", lambda o: reverse("unit_detail", args=[o.seksi.pk]), 22),
    "Tabel penilai": ("admin", lambda o: reverse("aturan_penilai"), 11),
    # +1 each: the evaluation steps waiting for this person (evaluasi/beranda.py, one
    # query) and her own keberatan (evaluasi/beranda_keberatan.py, one query); +1 each: the
    # scheduled feedback she owes as a rater (umpanbalik/beranda.py, one SKP query; the
    # cadence, settings and feedback given only when she rates someone).
    "Beranda pegawai": ("pegawai", lambda o: reverse("beranda"), 23),
    "Beranda penilai": ("penilai", lambda o: reverse("beranda"), 24),
    # +1: the keberatan undecided past 7 working days, counted for the agency admin; +1
    # the evaluation steps waiting for her.
    "Beranda admin": ("admin", lambda o: reverse("beranda"), 25),
}


def _kueri(client, url) -> int:
    client.get(url)  # first use: settings row, content types
    with CaptureQueriesContext(connection) as kueri:
        respons = client.get(url)
    assert respons.status_code == 200, url
    return len(kueri)


@pytest.fixture
def dua_ukuran(db):
    orgs = {}
    for n in (5, 500):
        org = organisasi_bench(f"kueri-{n}", n)
        isi_rhk(org, org.skp[0], 30)
        orgs[n] = org
    return orgs


def test_jumlah_kueri_tidak_tumbuh_dengan_jumlah_baris(dua_ukuran):
    hasil = {}
    for label, (siapa, url, _batas) in HALAMAN.items():
        hasil[label] = {
            n: _kueri(klien(getattr(org, siapa)), url(org)) for n, org in dua_ukuran.items()
        }
    tumbuh = {k: v for k, v in hasil.items() if v[5] != v[500]}
    melewati = {k: v for k, v in hasil.items() if max(v.values()) > HALAMAN[k][2]}
    assert not tumbuh, f"jumlah kueri tumbuh dengan jumlah baris: {tumbuh}"
    assert not melewati, f"melewati batas: {melewati}"


# Continuous feedback: n entries in one record, n members on the rater's team page.
HALAMAN_UMPAN_BALIK = {
    # +4: the period's follow-up listed on the record (umpanbalik.selectors.
    # tindak_lanjut_periode: one query each for tindak lanjut, bimbingan, laporan, ambil alih;
    # tests/umpanbalik/test_rekaman_tindak_lanjut.py holds it constant as records grow).
    "Rekaman umpan balik": (lambda o, s: reverse("rekaman_umpan_balik", args=[s.pk]), 26),
    "Umpan balik tim": (lambda o, s: reverse("tim_umpan_balik"), 16),
}


def test_jumlah_kueri_umpan_balik_tetap(db):
    hasil = {}
    for n in (5, 500):
        org, skp = siapkan_umpan_balik(f"kueri-ub-{n}", n)
        for label, (url, _batas) in HALAMAN_UMPAN_BALIK.items():
            hasil.setdefault(label, {})[n] = _kueri(klien(org.penilai), url(org, skp))
    tumbuh = {k: v for k, v in hasil.items() if v[5] != v[500]}
    melewati = {k: v for k, v in hasil.items() if max(v.values()) > HALAMAN_UMPAN_BALIK[k][1]}
    assert not tumbuh, f"jumlah kueri tumbuh dengan jumlah baris: {hasil}"
    assert not melewati, f"melewati batas: {hasil}"


# The SKP editor's HTMX partials people use most (issue 7: at least 0.3x the bare view's
# throughput): exact counts, the same with 5 and 500 subordinates and 30 RHK. A form reads
# the row with its SKP in one query (plus the leader's RHK to choose from, or the
# agency's aspects); a save also writes the row and its history inside a savepoint and
# answers with the part it changed (the RHK, the indicator's row, the Lampiran item).
# In a test the request's transaction is a savepoint (SAVEPOINT/RELEASE for BEGIN/COMMIT).
# Before issue 7's last round: 11, 12, 19, 22 and 17.
PARTIAL = {
    "Form RHK": 8,
    "Form IKI": 8,
    "Simpan RHK": 12,
    "Simpan IKI": 11,
    "Simpan butir lampiran": 10,
}


def _partial(org) -> dict[str, tuple[str, str, dict | None]]:
    from organisasi.tenancy import lingkup_instansi
    from skp.models import ButirLampiran, IndikatorKinerjaIndividu, RencanaHasilKerja

    skp = org.skp[0]
    with lingkup_instansi(org.instansi):
        rhk = RencanaHasilKerja.objects.filter(skp=skp, jenis="utama").order_by("urutan")[0]
        iki = IndikatorKinerjaIndividu.objects.filter(rhk=rhk).order_by("urutan")[0]
        butir = ButirLampiran.objects.filter(skp=skp).order_by("bagian", "urutan")[0]
    url_rhk = reverse("rhk_ubah", args=[skp.pk, rhk.pk])
    url_iki = reverse("iki_ubah", args=[skp.pk, rhk.pk, iki.pk])
    url_butir = reverse("lampiran_ubah", args=[skp.pk, butir.pk])
    p = f"butir-{butir.pk}"
    return {
        "Form RHK": ("get", url_rhk, None),
        "Form IKI": ("get", url_iki, None),
        "Simpan RHK": (
            "post",
            url_rhk,
            {"rhk-teks": rhk.teks, "rhk-penugasan_dari": rhk.penugasan_dari},
        ),
        "Simpan IKI": (
            "post",
            url_iki,
            {"iki-teks": iki.teks, "iki-target": iki.target, "iki-aspek": list(iki.aspek)},
        ),
        "Simpan butir lampiran": (
            "post",
            url_butir,
            {f"{p}-bagian": butir.bagian, f"{p}-jenis": butir.jenis, f"{p}-teks": butir.teks},
        ),
    }


def test_jumlah_kueri_partial_editor_skp_tetap(dua_ukuran):
    hasil = {}
    for n, org in dua_ukuran.items():
        client = klien(org.pegawai)
        for label, (metode, url, data) in _partial(org).items():
            kirim = getattr(client, metode)
            kirim(url, data, HTTP_HX_REQUEST="true")  # first use: settings row, content types
            with CaptureQueriesContext(connection) as kueri:
                respons = kirim(url, data, HTTP_HX_REQUEST="true")
            assert respons.status_code == 200, label
            if metode == "post":  # saved, not answered with the form again
                assert "skp-isi-berubah" in respons.get("HX-Trigger", ""), label
            hasil.setdefault(label, {})[n] = len(kueri)
    berbeda = {k: v for k, v in hasil.items() if set(v.values()) != {PARTIAL[k]}}
    assert not berbeda, f"jumlah kueri partial berubah (harapan {PARTIAL}): {hasil}"
