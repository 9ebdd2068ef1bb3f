"""Pure evaluation rules: the quadrant, the distribution pattern, periods and windows,
finality. No database."""

from datetime import date

import pytest

from evaluasi.distribusi import (
    PREDIKAT_MODAL,
    CapaianOrganisasi,
    hitung,
    kurva,
    periksa_sebaran,
)
from evaluasi.kuadran import (
    KUADRAN,
    PANDUAN_HASIL_KERJA,
    PANDUAN_PERILAKU_KERJA,
    Predikat,
    PredikatTidakSah,
    Rating,
    predikat,
    predikat_dipilih,
)
from evaluasi.periode import (
    Jenis,
    Periode,
    SebabFinal,
    Siklus,
    capaian_tahunan_berlaku,
    jendela_evaluasi,
    penilai_pindah_tetap_menilai,
    periode_pada,
    periode_tahun,
    sebab_final,
)
from organisasi.hari_kerja import KalenderKerja

D, S, B = Rating.DIATAS, Rating.SESUAI, Rating.DIBAWAH
P = Predikat


# --- The quadrant (000:7165-7263; annual 000:7548-7590) ----------------------------------


@pytest.mark.parametrize(
    "hasil, perilaku, harapan",
    [
        (D, B, P.KURANG),
        (D, S, P.BAIK),
        (D, D, P.SANGAT_BAIK),
        (S, B, P.KURANG),
        (S, S, P.BAIK),
        (S, D, P.BAIK),
        (B, B, P.SANGAT_KURANG),
        (B, S, P.BUTUH_PERBAIKAN),
        (B, D, P.BUTUH_PERBAIKAN),
    ],
)
def test_kuadran_000_7165_7263_sembilan_sel(hasil, perilaku, harapan):
    assert predikat(hasil, perilaku) == harapan
    assert predikat(hasil.value, perilaku.value) == harapan  # stored strings too


def test_kuadran_lengkap_tanpa_sel_lebih():
    assert set(KUADRAN) == {(h, p) for h in Rating for p in Rating}
    # Sangat Baik only in the corner; Sangat Kurang only in the opposite corner.
    assert [k for k, v in KUADRAN.items() if v == P.SANGAT_BAIK] == [(D, D)]
    assert [k for k, v in KUADRAN.items() if v == P.SANGAT_KURANG] == [(B, B)]


def test_rating_tidak_dikenal_ditolak_dengan_pesan():
    with pytest.raises(PredikatTidakSah, match="di atas, sesuai, atau di bawah"):
        predikat("baik sekali", S)


def test_panduan_ada_untuk_setiap_rating_tanpa_nomor_baris():
    for panduan in (PANDUAN_HASIL_KERJA, PANDUAN_PERILAKU_KERJA):
        assert set(panduan) == set(Rating)
        assert not any("000:" in t or "(L" in t for t in panduan.values())


# --- Bekasi Lampiran I worked examples (spec-local §4.1) ----------------------------------


@pytest.mark.parametrize(
    "kasus, capaian, hasil, perilaku",
    [
        ("E1_003_588_617_format1_jpt_kualitatif", "baik", D, S),
        ("E2_003_767_802_format2_jpt_kuantitatif", "baik", S, S),
        ("E3_003_951_973_format3_jajf_kualitatif", "baik", D, S),
        ("E4_003_1129_1170_format4_jajf_kuantitatif", "butuh_perbaikan", S, S),
    ],
)
def test_contoh_bekasi_E1_E4_berpredikat_baik(kasus, capaian, hasil, perilaku):
    assert predikat_dipilih(hasil, perilaku) == P.BAIK


def test_E4_003_1131_1170_kurva_hanya_panduan_memperingatkan_tidak_memblokir():
    # Organisation Butuh Perbaikan, the pegawai Baik: allowed (predikat computed), warned.
    assert predikat_dipilih(S, S) == P.BAIK
    peringatan = periksa_sebaran("butuh_perbaikan", hitung([P.BAIK]))
    assert len(peringatan) == 1
    assert "idealnya sebagian besar pegawai berpredikat Butuh Perbaikan" in peringatan[0].pesan
    assert "tetap dapat disimpan" in peringatan[0].pesan


# --- Tugas belajar drop-out (000:7266-7274, 7592-7600) -------------------------------------


@pytest.mark.parametrize("pilihan", [P.KURANG, P.SANGAT_KURANG])
def test_tugas_belajar_gagal_000_7266_hanya_kurang_atau_sangat_kurang(pilihan):
    # The quadrant would say Sangat Baik; the override replaces it.
    assert predikat_dipilih(D, D, gagal_tugas_belajar=True, pilihan_gagal=pilihan) == pilihan


@pytest.mark.parametrize("pilihan", [P.SANGAT_BAIK, P.BAIK, P.BUTUH_PERBAIKAN, "ngawur"])
def test_tugas_belajar_gagal_000_7266_menolak_predikat_lain(pilihan):
    with pytest.raises(PredikatTidakSah, match="Kurang atau Sangat Kurang"):
        predikat_dipilih(S, S, gagal_tugas_belajar=True, pilihan_gagal=pilihan)


def test_predikat_belum_ada_selama_rating_belum_lengkap():
    assert predikat_dipilih(None, S) is None
    assert predikat_dipilih(D, "") is None
    assert predikat_dipilih(D, D, gagal_tugas_belajar=True) is None


# --- Distribution pattern (000:6712-6963) --------------------------------------------------


def test_pola_distribusi_000_6712_6963_puncak_pada_predikat_modal():
    for capaian, modal in PREDIKAT_MODAL.items():
        titik = kurva(capaian)
        assert [t.predikat for t in titik] == [
            P.SANGAT_BAIK, P.BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG
        ]  # fmt: skip
        puncak = max(titik, key=lambda t: t.tinggi)
        assert puncak.predikat == modal and puncak.tinggi == 1.0
        # Every other predikat stays possible ("tidak menutup kemungkinan").
        assert all(t.tinggi > 0 for t in titik)


def test_istimewa_000_6767_berpuncak_sangat_baik():
    assert PREDIKAT_MODAL[CapaianOrganisasi.ISTIMEWA] == P.SANGAT_BAIK


def test_sebaran_sebagian_besar_di_modal_tanpa_peringatan():
    assert periksa_sebaran("baik", hitung([P.BAIK, P.BAIK, P.SANGAT_BAIK])) == []
    assert periksa_sebaran("baik", hitung([])) == []


def test_sebaran_separuh_belum_sebagian_besar():
    peringatan = periksa_sebaran("baik", hitung([P.BAIK, P.SANGAT_BAIK]))
    assert len(peringatan) == 1 and "1 dari 2 (50%)" in peringatan[0].pesan


def test_spec7_E4_banyak_sangat_baik_pada_organisasi_baik_diperingatkan():
    jumlah = hitung([P.SANGAT_BAIK] * 4 + [P.BAIK] * 2 + [None])
    assert jumlah[P.SANGAT_BAIK] == 4 and sum(jumlah.values()) == 6
    (peringatan,) = periksa_sebaran("baik", jumlah)
    assert "2 dari 6" in peringatan.pesan
    assert "Predikat terbanyak adalah Sangat Baik (4 pegawai)" in peringatan.pesan


def test_sebaran_tanpa_capaian_organisasi_mengatakannya():
    (peringatan,) = periksa_sebaran(None, hitung([P.BAIK]))
    assert "belum ditetapkan" in peringatan.pesan


# --- Periods (Pasal 24(2)-(3); Bekasi monthly 003:335) ------------------------------------


def test_periode_bulanan_bekasi_003_335_label_bulan_bukan_triwulan():
    daftar = periode_tahun(2026, Siklus.BULANAN)
    assert [p.label for p in daftar][:3] == ["Januari", "Februari", "Maret"]
    assert daftar[11].label == "Desember"
    assert daftar[-1].tahunan and daftar[-1].label == "Tahunan"
    assert len(daftar) == 13
    assert not any("Triwulan" in p.label for p in daftar)


def test_periode_triwulanan_label_romawi():
    daftar = periode_tahun(2026, "triwulanan")
    assert [p.label for p in daftar] == [
        "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Tahunan"
    ]  # fmt: skip
    assert daftar[2].mulai == date(2026, 7, 1) and daftar[2].akhir == date(2026, 9, 30)


def test_periode_rentang_dan_kode():
    feb = Periode(2028, Jenis.BULANAN, 2)
    assert feb.akhir == date(2028, 2, 29)  # leap year
    assert Periode.dari_kode(feb.kode) == feb
    assert Periode(2026, Jenis.TAHUNAN, 0).akhir == date(2026, 12, 31)
    assert periode_pada(date(2026, 8, 25), "triwulanan") == Periode(2026, Jenis.TRIWULANAN, 3)
    assert periode_pada(date(2026, 8, 25), "bulanan") == Periode(2026, Jenis.BULANAN, 8)
    with pytest.raises(ValueError):
        Periode(2026, Jenis.BULANAN, 13)
    with pytest.raises(ValueError):
        Periode.dari_kode("2026-mingguan-1")


def test_jendela_periodik_dihitung_pada_hari_kerja():
    kal = KalenderKerja()
    # January 2026 ends on a Saturday; 10 working days after it:
    # Feb 2,3,4,5,6,9,10,11,12,13 -> 13 Feb.
    j = jendela_evaluasi(Periode(2026, Jenis.BULANAN, 1), kal, mulai_hari=7, lama_hari_kerja=10)
    assert j.mulai == date(2026, 1, 24)
    assert j.akhir == date(2026, 2, 13)
    # A holiday the agency adds inside the count moves the end past the weekend and
    # the Imlek holidays (16-17 February 2026) to Wednesday 18 February.
    kal2 = KalenderKerja(libur_instansi={date(2026, 2, 10): "Hari jadi kota"})
    assert jendela_evaluasi(Periode(2026, Jenis.BULANAN, 1), kal2).akhir == date(2026, 2, 18)


def test_jendela_tahunan_000_6413_6417_sampai_akhir_januari():
    kal = KalenderKerja()
    j = jendela_evaluasi(Periode(2026, Jenis.TAHUNAN, 0), kal)
    # 31 January 2027 is a Sunday: the last working day before it, Friday 29 January.
    assert j.akhir == date(2027, 1, 29)
    assert j.memuat(date(2026, 12, 31)) and not j.memuat(date(2026, 12, 1))


def test_purnama_000_6522_6550_pindah_25_agustus_tidak_25_september_menilai():
    q3 = Periode(2026, Jenis.TRIWULANAN, 3)
    j = jendela_evaluasi(q3, KalenderKerja())
    assert not penilai_pindah_tetap_menilai(date(2026, 8, 25), j)
    assert penilai_pindah_tetap_menilai(date(2026, 9, 25), j)


def test_jendela_menolak_panjang_tidak_masuk_akal():
    with pytest.raises(ValueError):
        jendela_evaluasi(Periode(2026, Jenis.BULANAN, 1), KalenderKerja(), lama_hari_kerja=0)


# --- Annual org result released late (000:6698-6704) --------------------------------------


def test_capaian_tahunan_000_6698_terbit_setelah_januari_pakai_tahun_lalu():
    args = {"tahun": 2026, "capaian_tahun_ini": "baik", "capaian_tahun_lalu": "istimewa"}
    assert capaian_tahunan_berlaku(**args, ditetapkan_pada=date(2027, 1, 31)) == ("baik", False)
    assert capaian_tahunan_berlaku(**args, ditetapkan_pada=date(2027, 2, 1)) == (
        "istimewa",
        True,
    )
    assert capaian_tahunan_berlaku(
        tahun=2026, capaian_tahun_ini=None, ditetapkan_pada=None, capaian_tahun_lalu="kurang"
    ) == ("kurang", True)
    assert capaian_tahunan_berlaku(
        tahun=2026, capaian_tahun_ini=None, ditetapkan_pada=None, capaian_tahun_lalu=None
    ) == (None, False)


# --- Final results (000:6439-6469) --------------------------------------------------------

_BIASA = {
    "dievaluasi_atasan": False, "jenis_jabatan": "pelaksana", "instansi_daerah": True,
    "kepala_unit_mandiri": False, "penilai_pimpinan_instansi": False,
}  # fmt: skip


@pytest.mark.parametrize(
    "ubah, harapan",
    [
        ({}, None),
        ({"dievaluasi_atasan": True}, SebabFinal.ATASAN_MENGAMBIL_ALIH),  # 000:6439-6447
        ({"jenis_jabatan": "jpt_utama", "instansi_daerah": False}, SebabFinal.JPT_UTAMA),
        ({"jenis_jabatan": "jpt_madya", "instansi_daerah": False}, SebabFinal.JPT_MADYA_PUSAT),
        ({"jenis_jabatan": "jpt_madya"}, SebabFinal.JPT_DAERAH),  # 000:6459-6461
        ({"jenis_jabatan": "jpt_pratama"}, SebabFinal.JPT_DAERAH),
        ({"jenis_jabatan": "jpt_pratama", "instansi_daerah": False}, None),
        (
            {"kepala_unit_mandiri": True, "penilai_pimpinan_instansi": True},
            SebabFinal.KEPALA_UKM,
        ),
        # Spec §7 case 6: Kepala Puskesmas rated by the Kepala Dinas: not final.
        ({"kepala_unit_mandiri": True}, None),
    ],
)
def test_bersifat_final_000_6439_6469(ubah, harapan):
    assert sebab_final(**{**_BIASA, **ubah}) == harapan
