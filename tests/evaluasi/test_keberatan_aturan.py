"""Keberatan rules without a database: who may file, K1/K2/K3 on the working-day calendar
(holidays move them), the K3-before-K2 conflict, the decision and the workflow."""

from datetime import date

import pytest

from evaluasi import keberatan as a
from evaluasi import workflow_keberatan as wk
from evaluasi.periode import SebabFinal
from organisasi.hari_kerja import KalenderKerja

KAL = KalenderKerja()


def _syarat(**ubah):
    dasar = {"status": "d11_diserahkan", "final": False, "sebab_final": "",
             "sebab_peran": None, "ada_atasan": True, "penilai_sama_dengan_atasan": False,
             "diterima_pada": date(2026, 2, 2)}  # fmt: skip
    dasar.update(ubah)
    return a.SyaratPengajuan(**dasar)


def test_k1_000_8526_empat_belas_hari_kerja_imlek_menggeser():
    # 2 Feb 2026 + 14 working days; Imlek (16-17 Feb) moves it from 20 to 24 February.
    batas = a.batas_pengajuan(KAL, date(2026, 2, 2))
    assert batas.tanggal == date(2026, 2, 24)
    assert any("Imlek" in h.alasan for h in batas.libur)
    assert a.periksa_pengajuan(_syarat(), KAL, date(2026, 2, 24)) is None
    pesan = a.periksa_pengajuan(_syarat(), KAL, date(2026, 2, 25))
    assert "paling lambat 24 Februari 2026" in pesan and "2 Februari 2026" in pesan


def test_libur_instansi_dalam_jendela_menggeser_batas():
    kal = KalenderKerja(libur_instansi={date(2026, 2, 10): "HUT Kota"})
    assert a.batas_pengajuan(kal, date(2026, 2, 2)).tanggal == date(2026, 2, 25)
    assert a.periksa_pengajuan(_syarat(), kal, date(2026, 2, 25)) is None


@pytest.mark.parametrize(
    ("ubah", "kata"),
    [
        ({"status": "d12_diserahkan"}, "atasan pejabat penilai"),
        ({"sebab_final": "atasan", "final": True}, "bersifat final"),
        ({"sebab_peran": SebabFinal.JPT_DAERAH}, "kepala daerah"),
        ({"final": True, "sebab_final": "jpt_utama"}, "menteri koordinator"),
        ({"status": "d11_ditandatangani", "diterima_pada": None}, "setelah Anda menerima"),
        ({"ada_atasan": False}, "Tidak ada atasan"),
        ({"penilai_sama_dengan_atasan": True}, "Tidak ada atasan"),
    ],
)
def test_yang_tidak_dapat_diajukan(ubah, kata):
    pesan = a.sebab_tidak_dapat_diajukan(_syarat(**ubah))
    assert pesan and kata in pesan
    assert a.periksa_pengajuan(_syarat(**ubah), KAL, date(2026, 2, 3)) == pesan


def test_peran_final_spec_3_6_dan_kepala_dinas_bekasi_003_1316():
    f = a.sebab_final_peran
    # Kepala Dinas (JPT pratama, daerah) rated by the Wali Kota: final.
    assert f(jenis_jabatan="jpt_pratama", instansi_daerah=True, kepala_unit_mandiri=False,
             penilai_kepala_daerah=True) == SebabFinal.JPT_DAERAH  # fmt: skip
    # A JPT pratama at a central agency is rated by a JPT madya: not final.
    assert f(jenis_jabatan="jpt_pratama", instansi_daerah=False, kepala_unit_mandiri=False,
             penilai_kepala_daerah=False) is None  # fmt: skip
    # Kepala Puskesmas / UPTD rated by the Kepala Dinas (spec §7 case 6): not final.
    assert f(jenis_jabatan="administrator", instansi_daerah=True, kepala_unit_mandiri=True,
             penilai_kepala_daerah=False) is None  # fmt: skip
    assert f(jenis_jabatan="jpt_madya", instansi_daerah=False, kepala_unit_mandiri=False,
             penilai_kepala_daerah=False) == SebabFinal.JPT_MADYA_PUSAT  # fmt: skip
    assert a.jabatan_final(True) == {"jpt_utama", "jpt_madya", "jpt_pratama"}
    assert a.jabatan_final(False) == {"jpt_utama", "jpt_madya"}


def test_k2_k3_dan_benturan_ambig_17():
    # Delivered late (3 March), filed on K1's last day (30 March): K2 on 9 April falls
    # after K3 (30 working days from the window's end, 13 February) on 8 April.
    assert a.batas_pengajuan(KAL, date(2026, 3, 3)).tanggal == date(2026, 3, 30)
    j = a.jadwal(KAL, diajukan_pada=date(2026, 3, 30), akhir_jendela=date(2026, 2, 13))
    assert (j.keputusan.tanggal, j.pelaporan.tanggal) == (date(2026, 4, 9), date(2026, 4, 8))
    assert (
        j.bertabrakan and "8 April 2026" in j.pesan_tabrakan and "9 April 2026" in j.pesan_tabrakan
    )
    biasa = a.jadwal(KAL, diajukan_pada=date(2026, 2, 10), akhir_jendela=date(2026, 2, 13))
    assert biasa.keputusan.tanggal == date(2026, 2, 23) and not biasa.bertabrakan
    assert biasa.pesan_tabrakan == ""


SEMULA = ("sesuai", "sesuai", "baik")


def test_keputusan_menguatkan_dan_mengubah_predikat_dari_kuadran():
    assert a.periksa_keputusan("menguatkan", rekomendasi="Sesuai bukti.", semula=SEMULA) is None
    baru = a.periksa_keputusan("mengubah", rekomendasi="Naik.", rating_hasil_kerja="diatas",
                               rating_perilaku_kerja="diatas", semula=SEMULA)  # fmt: skip
    assert baru.predikat == "sangat_baik"
    # Only the behaviour changes: still Baik (quadrant row Sesuai), but the result changed.
    assert (
        a.periksa_keputusan(
            "mengubah",
            rekomendasi="x",
            rating_hasil_kerja="sesuai",
            rating_perilaku_kerja="diatas",
            semula=SEMULA,
        ).predikat
        == "baik"
    )


@pytest.mark.parametrize(
    ("keputusan", "isian", "kata"),
    [
        ("lain", {}, "menguatkan atau mengubah"),
        ("menguatkan", {"rekomendasi": ""}, "pertimbangan"),
        ("mengubah", {"rekomendasi": ""}, "rekomendasi baru"),
        ("mengubah", {"rating_hasil_kerja": "diatas"}, "rating"),
        ("mengubah", {"rating_hasil_kerja": "sesuai", "rating_perilaku_kerja": "sesuai"}, "sama"),
        ("mengubah", {"rating_hasil_kerja": "hebat", "rating_perilaku_kerja": "sesuai"}, "di atas"),
        ("menguatkan", {"rekomendasi": "x" * 4001}, "4000"),
    ],
)
def test_keputusan_tidak_sah(keputusan, isian, kata):
    isian = {"rekomendasi": "Pertimbangan.", **isian}
    with pytest.raises(a.KeputusanTidakSah, match=kata):
        a.periksa_keputusan(keputusan, semula=SEMULA, **isian)


def test_tugas_belajar_gagal_hanya_kurang():
    with pytest.raises(a.KeputusanTidakSah, match="Kurang atau Sangat Kurang"):
        a.periksa_keputusan("mengubah", rekomendasi="x", predikat_gagal="baik",
                            semula=("", "", "kurang"), gagal_tugas_belajar=True)  # fmt: skip
    baru = a.periksa_keputusan("mengubah", rekomendasi="x", predikat_gagal="sangat_kurang",
                               semula=("", "", "kurang"), gagal_tugas_belajar=True)  # fmt: skip
    assert baru.predikat == "sangat_kurang"


def test_workflow_peran_dan_transisi():
    peran = wk.peran_dalam(pegawai_id=3, dinilai_id=1, penilai_id=3, atasan_id=3)
    assert peran == {wk.Peran.PENILAI}  # never the atasan of her own result
    with pytest.raises(wk.AksiDitolak, match="tidak berwenang"):
        wk.periksa_aksi(wk.Aksi.PUTUSKAN, wk.Status.PENJELASAN_DIBERIKAN, peran)
    atasan = frozenset({wk.Peran.ATASAN})
    for s in wk.TERBUKA:
        assert wk.boleh(wk.Aksi.PUTUSKAN, s, atasan)
    with pytest.raises(wk.AksiDitolak, match="sudah diputuskan"):
        wk.periksa_aksi(wk.Aksi.PUTUSKAN, wk.Status.DIKUATKAN, atasan)
    assert wk.periksa_aksi(wk.Aksi.LAPORKAN, wk.Status.D13_DITANDATANGANI, atasan) == "dilaporkan"
    assert wk.aksi_tersedia(wk.Status.PENJELASAN_DIMINTA, frozenset({wk.Peran.PEGAWAI})) == []
    assert wk.status_setelah_tanda_tangan({wk.Peran.PENILAI, wk.Peran.PEGAWAI}) == "diubah"
    assert wk.status_setelah_tanda_tangan(set(wk.PENANDA_TANGAN)) == "d13_ditandatangani"
