"""The follow-up rules (umpanbalik/tindak_lanjut.py), pure, walked exhaustively: every
action against every combination of roles and of recorded state (seed 000 Pasal 20-21,
L4898-4936, L5439-6332)."""

from __future__ import annotations

import itertools
from dataclasses import fields
from datetime import date

import pytest

from umpanbalik import tindak_lanjut as tl
from umpanbalik.tindak_lanjut import Aksi, Jenis, Keadaan, Peran

SEMUA_PERAN = list(Peran)
KOMBINASI_PERAN = [
    frozenset(c)
    for n in range(len(SEMUA_PERAN) + 1)
    for c in itertools.combinations(SEMUA_PERAN, n)
]

# Who fills/signs per spec-evaluation §1.1 and L6273-6307.
DIHARAPKAN = {
    Aksi.CATAT: {Peran.PIMPINAN},
    Aksi.CATAT_BIMBINGAN: {Peran.PIMPINAN},
    Aksi.TANDATANGANI_BIMBINGAN: {Peran.PEGAWAI},
    Aksi.ISI_UMPAN_BALIK: {Peran.PEGAWAI},
    Aksi.ISI_EVALUASI_KOMPETENSI: {Peran.PIMPINAN},
    Aksi.LAPOR_PERILAKU: {Peran.PIMPINAN},
    Aksi.CATAT_KONSELING: {Peran.PIMPINAN, Peran.KEPEGAWAIAN},
    Aksi.AMBIL_ALIH: {Peran.PIMPINAN},
}


@pytest.mark.parametrize("aksi", list(Aksi))
def test_siapa_boleh_setiap_aksi_pada_setiap_kombinasi_peran(aksi):
    for peran in KOMBINASI_PERAN:
        harap = bool(DIHARAPKAN[aksi] & peran)
        assert tl.boleh(aksi, peran) is harap, (aksi, peran)
        pesan = tl.galat_peran(aksi, peran)
        assert (pesan is None) is harap
        if pesan:
            assert pesan == tl.PESAN_PERAN[aksi]


def test_pegawai_dan_atasan_tidak_pernah_mencatat_tindak_lanjut_atas_pegawai():
    for aksi in (Aksi.CATAT, Aksi.CATAT_BIMBINGAN, Aksi.LAPOR_PERILAKU, Aksi.AMBIL_ALIH):
        assert not tl.boleh(aksi, {Peran.PEGAWAI, Peran.ATASAN, Peran.KEPEGAWAIAN})


def test_kemajuan_dan_tanpa_kemajuan_membagi_semua_jenis():
    assert set(Jenis) == tl.BILA_KEMAJUAN | tl.BILA_TIDAK_KEMAJUAN
    assert not tl.BILA_KEMAJUAN & tl.BILA_TIDAK_KEMAJUAN
    for j in Jenis:
        assert tl.menunjukkan_kemajuan(j) is (j in {Jenis.APRESIASI, Jenis.PENUGASAN_BARU})
    assert set(tl.LABEL_JENIS) == set(Jenis)


@pytest.mark.parametrize("jenis", list(Jenis))
@pytest.mark.parametrize("penyesuaian", [False, True])
def test_hanya_penyesuaian_ekspektasi_dan_coaching_dengan_penyesuaian_target_membuka_perubahan(
    jenis, penyesuaian
):
    harap = jenis == Jenis.PENYESUAIAN_EKSPEKTASI or (jenis == Jenis.COACHING and penyesuaian)
    assert tl.membuka_perubahan_skp(jenis, penyesuaian_target=penyesuaian) is harap


def _semua_keadaan():
    nama = [f.name for f in fields(Keadaan) if f.name != "tindak_lanjut_tanpa_kemajuan"]
    for nilai in itertools.product([False, True], repeat=len(nama)):
        for jumlah in (0, 1, 3):
            yield Keadaan(
                **dict(zip(nama, nilai, strict=True)), tindak_lanjut_tanpa_kemajuan=jumlah
            )


def _harap(aksi, k: Keadaan, jenis="", penyesuaian=False) -> list[str]:
    """The rules written out independently, case by case."""
    galat = []
    perlu_berlaku = {
        Aksi.CATAT,
        Aksi.CATAT_BIMBINGAN,
        Aksi.LAPOR_PERILAKU,
        Aksi.AMBIL_ALIH,
        Aksi.ISI_EVALUASI_KOMPETENSI,
    }
    if aksi in perlu_berlaku and not k.skp_berlaku:
        galat.append(tl.PESAN_SKP_BELUM_BERLAKU)
    buka = (aksi == Aksi.CATAT and jenis == Jenis.PENYESUAIAN_EKSPEKTASI) or (
        aksi == Aksi.CATAT_BIMBINGAN and jenis == Jenis.COACHING and penyesuaian
    )
    if buka:
        if k.ada_perubahan:
            galat.append(tl.PESAN_PERUBAHAN_ADA)
        elif not k.skp_ditandatangani:
            galat.append(tl.PESAN_PERUBAHAN_BELUM_DITANDATANGANI)
    if aksi == Aksi.TANDATANGANI_BIMBINGAN and k.bimbingan_ditandatangani_pegawai:
        galat.append("x")
    if aksi == Aksi.ISI_UMPAN_BALIK:
        if not k.bimbingan_ditandatangani_pegawai:
            galat.append("x")
        if k.ada_umpan_balik:
            galat.append("x")
    if aksi == Aksi.ISI_EVALUASI_KOMPETENSI and k.ada_evaluasi_kompetensi:
        galat.append("x")
    if aksi == Aksi.CATAT_KONSELING and k.ada_hasil_konseling:
        galat.append("x")
    if aksi == Aksi.AMBIL_ALIH:
        if k.tindak_lanjut_tanpa_kemajuan == 0:
            galat.append(tl.PESAN_AMBIL_ALIH_TANPA_TINDAK_LANJUT)
        if k.rhk_sudah_diambil_alih:
            galat.append("x")
    return galat


@pytest.mark.parametrize("aksi", list(Aksi))
def test_syarat_setiap_aksi_pada_setiap_keadaan(aksi):
    jenis_uji = {
        Aksi.CATAT: [j.value for j in tl.JENIS_SEDERHANA],
        Aksi.CATAT_BIMBINGAN: [Jenis.COACHING.value, Jenis.MENTORING.value],
    }.get(aksi, [""])
    n = 0
    for k in _semua_keadaan():
        for jenis in jenis_uji:
            for penyesuaian in (False, True):
                hasil = tl.syarat(aksi, k, jenis=jenis, penyesuaian_target=penyesuaian)
                harap = _harap(aksi, k, jenis, penyesuaian)
                assert len(hasil) == len(harap), (aksi, k, jenis, penyesuaian, hasil)
                for h, e in zip(hasil, harap, strict=True):
                    if e != "x":
                        assert h == e
                n += 1
    assert n >= 2 ** (len(fields(Keadaan)) - 1) * 3


def test_ambil_alih_sesudah_tindak_lanjut_tanpa_kemajuan_saja():
    assert tl.syarat_ambil_alih(Keadaan(tindak_lanjut_tanpa_kemajuan=0)) == [
        tl.PESAN_AMBIL_ALIH_TANPA_TINDAK_LANJUT
    ]
    assert tl.syarat_ambil_alih(Keadaan(tindak_lanjut_tanpa_kemajuan=1)) == []
    assert len(tl.syarat_ambil_alih(Keadaan(rhk_sudah_diambil_alih=True))) == 2


@pytest.mark.parametrize(
    ("catatan", "sah"),
    [
        ("", False),
        ("   \n ", False),
        ("Tidak selesai", False),  # too short to say what was not completed
        ("x" * (tl.CATATAN_MIN - 1), False),
        ("x" * tl.CATATAN_MIN, True),
        ("Pegawai tidak dapat menyelesaikan rekayasa simpang", True),
        ("x" * 2000, True),
        ("x" * 2001, False),
    ],
)
def test_catatan_ambil_alih_wajib(catatan, sah):
    assert (tl.galat_catatan_ambil_alih(catatan) is None) is sah


def test_format_b18_sembilan_kriteria_dan_b19_sembilan_kompetensi_tetap():
    assert tl.JUMLAH_KRITERIA_B18 == 9
    assert [len(k) for _, k in tl.KRITERIA_B18] == [3, 3, 3]
    assert len(tl.KODE_KOMPETENSI) == 9 and len(set(tl.KODE_KOMPETENSI)) == 9
    assert [n for n, _, _ in tl.SKALA_B19] == [1, 2, 3, 4, 5]
    assert [lbl for _, lbl in tl.BENTUK_MENTORING] == [
        "Shadowing Events",
        "Work Sharing",
        "Hands-on-training",
        "Introducing",
    ]
    assert set(tl.FORMAT) == {"B.1.6", "B.1.7", "B.1.8", "B.1.9", "B.1.10"}


@pytest.mark.parametrize(
    ("jawaban", "sah"),
    [
        (["ya"] * 9, True),
        (["ya"] * 8, False),
        (["ya"] * 10, False),
        (["ya"] * 8 + [" "], False),
        (["ya"] * 8 + ["x" * 1001], False),
    ],
)
def test_umpan_balik_b18(jawaban, sah):
    assert (tl.galat_umpan_balik(jawaban) is None) is sah


def test_evaluasi_kompetensi_b19():
    penuh = {k: {"nilai": 3} for k in tl.KODE_KOMPETENSI}
    assert tl.galat_evaluasi_kompetensi(penuh, []) == {}
    for salah in (0, 6, None, "3", 2.5):
        g = tl.galat_evaluasi_kompetensi({**penuh, "integritas": {"nilai": salah}}, [])
        assert set(g) == {"integritas"}
    assert tl.galat_evaluasi_kompetensi(penuh, [{"nama": "", "nilai": 3}]) == {
        "teknis_0": "Tuliskan nama kompetensi teknisnya."
    }
    assert "teknis_0" in tl.galat_evaluasi_kompetensi(penuh, [{"nama": "GIS", "nilai": 7}])
    assert tl.galat_evaluasi_kompetensi(penuh, [{"nama": "GIS", "nilai": 5}]) == {}


BARIS_COACHING = {
    "tujuan": [{"iki": "IKI 1", "baseline": "", "target": "12", "strategi": "s"}],
    "fakta": [{"target": "12", "progres": "5", "masalah": "m", "penyebab": "p"}],
    "peluang": "ATCS",
    "langkah": [{"iki": "IKI 1", "strategi": "s", "penyesuaian": False}],
}


def test_isi_coaching_lengkap_baseline_boleh_kosong():
    assert tl.galat_isi_coaching(BARIS_COACHING) == {}
    assert not tl.ada_penyesuaian_target(BARIS_COACHING)
    ya = {**BARIS_COACHING, "langkah": [{"iki": "IKI 1", "strategi": "s", "penyesuaian": True}]}
    assert tl.ada_penyesuaian_target(ya)


@pytest.mark.parametrize(
    ("ubah", "kolom"),
    [
        ({"peluang": " "}, "peluang"),
        ({"tujuan": []}, "tujuan"),
        ({"fakta": [{"target": "12", "progres": "", "masalah": "m", "penyebab": "p"}]}, "fakta"),
        ({"langkah": [{"iki": "IKI 1", "strategi": "s", "penyesuaian": "ya"}]}, "langkah"),
        ({"langkah": [{"iki": "IKI 1", "strategi": "", "penyesuaian": False}]}, "langkah"),
    ],
)
def test_isi_coaching_kurang(ubah, kolom):
    assert kolom in tl.galat_isi_coaching({**BARIS_COACHING, **ubah})


def test_isi_coaching_beberapa_baris_setiap_baris_diperiksa():
    """The format's tables repeat their rows (L5604-5668): several issues, goals and
    steps in one session; each row is checked and the message names it."""
    tujuan2 = {"iki": "IKI 2", "baseline": "3", "target": "10", "strategi": "s2"}
    fakta2 = {"target": "10", "progres": "4", "masalah": "m2", "penyebab": "p2"}
    langkah2 = {"iki": "IKI 2", "strategi": "s2", "penyesuaian": True}
    isi = {
        **BARIS_COACHING,
        "tujuan": [*BARIS_COACHING["tujuan"], tujuan2],
        "fakta": [*BARIS_COACHING["fakta"], fakta2],
        "langkah": [*BARIS_COACHING["langkah"], langkah2],
    }
    assert tl.galat_isi_coaching(isi) == {}
    assert tl.ada_penyesuaian_target(isi)  # any row agreeing to adjust opens a change
    kurang = {**isi, "fakta": [*BARIS_COACHING["fakta"], {**fakta2, "penyebab": " "}]}
    assert tl.galat_isi_coaching(kurang)["fakta"].startswith("Baris 2: ")
    tanpa_pilihan = {**isi, "langkah": [langkah2, {**langkah2, "penyesuaian": None}]}
    assert tl.galat_isi_coaching(tanpa_pilihan)["langkah"].startswith("Baris 2: Pilih YA")
    banyak = {**isi, "tujuan": [tujuan2] * (tl.MAKS_BARIS + 1)}
    assert "Paling banyak" in tl.galat_isi_coaching(banyak)["tujuan"]
    panjang = {**isi, "tujuan": [tujuan2, {**tujuan2, "strategi": "x" * 1001}]}
    assert tl.galat_isi_coaching(panjang)["tujuan"].startswith("Baris 2: Setiap isian")


def test_isi_mentoring():
    isi = {
        "bentuk": ["work_sharing"],
        "tujuan": [{"keahlian": "k", "jangka_waktu": "3 bulan", "perubahan": "p", "ukuran": "u"}],
        "jurnal": [{"waktu_tempat": "w", "materi": "m", "rencana_aksi": "r", "target_waktu": "t"}],
    }
    assert tl.galat_isi_mentoring(isi) == {}
    assert set(tl.galat_isi_mentoring({**isi, "bentuk": ["menonton"]})) == {"bentuk"}
    assert set(tl.galat_isi_mentoring({**isi, "jurnal": []})) == {"jurnal"}
    # A journal of several meetings; the second one incomplete is named.
    jurnal2 = {"waktu_tempat": "w2", "materi": "m2", "rencana_aksi": "r2", "target_waktu": "t2"}
    assert tl.galat_isi_mentoring({**isi, "jurnal": [*isi["jurnal"], jurnal2]}) == {}
    galat = tl.galat_isi_mentoring({**isi, "jurnal": [*isi["jurnal"], {**jurnal2, "materi": ""}]})
    assert galat["jurnal"].startswith("Baris 2: Isi jurnal mentoring")


def _laporan(**ubah):
    data = {
        "tanggal": date(2026, 3, 16),
        "dikomunikasikan_pada": date(2026, 3, 1),
        "permasalahan": "p",
        "retrospektif": "r",
        "bukti_umpan_balik": "b",
        "punya_ekspektasi_khusus": False,
        "ekspektasi_khusus": "",
    }
    return tl.galat_laporan_perilaku(**{**data, **ubah})


def test_laporan_b110_setelah_dikomunikasikan_dengan_bukti_umpan_balik():
    assert _laporan() == {}
    assert _laporan(dikomunikasikan_pada=date(2026, 3, 16)) == {}
    assert set(_laporan(dikomunikasikan_pada=None)) == {"dikomunikasikan_pada"}
    assert set(_laporan(dikomunikasikan_pada=date(2026, 3, 17))) == {"dikomunikasikan_pada"}
    # Evidence: feedback entries picked from the record, a short text, or both.
    assert _laporan(bukti_umpan_balik=" ") == {"umpan_balik": tl.PESAN_BUKTI_LAPORAN}
    assert _laporan(bukti_umpan_balik="", jumlah_umpan_balik=2) == {}
    # Evidence is feedback already given: none dated after the report.
    sebelum = (date(2026, 2, 5), date(2026, 3, 16))
    assert _laporan(jumlah_umpan_balik=2, tanggal_umpan_balik=sebelum) == {}
    sesudah = (date(2026, 2, 5), date(2026, 3, 17))
    assert set(_laporan(jumlah_umpan_balik=2, tanggal_umpan_balik=sesudah)) == {"umpan_balik"}
    assert set(_laporan(bukti_umpan_balik="x" * 2001, jumlah_umpan_balik=1)) == {
        "bukti_umpan_balik"
    }
    assert set(_laporan(permasalahan="", retrospektif="")) == {"permasalahan", "retrospektif"}
    assert set(_laporan(punya_ekspektasi_khusus=True)) == {"ekspektasi_khusus"}
    assert _laporan(punya_ekspektasi_khusus=True, ekspektasi_khusus="Tepat waktu") == {}
