"""Who may give which continuous feedback (000:4877-4885; ketua kelompok 002:416), and the
scheduled-feedback cadence read from the SKP's skema pertanggungjawaban. Pure, exhaustive."""

import itertools

import pytest

from umpanbalik import aturan
from umpanbalik.aturan import (
    BAWAHAN,
    BERKALA,
    INSIDENTIL,
    KETUA_KELOMPOK,
    PENILAI,
    PIHAK_LAIN,
    PIMPINAN_LAIN,
    REKAN,
    Hubungan,
    boleh_menilai,
    kadensi_berkala,
    periksa_umpan_balik,
    sumber_pemberi,
)

_BENDERA = (
    "diri_sendiri",
    "penilai",
    "atasan_penilai",
    "ketua_kelompok",
    "memimpin_unit_lain",
    "bawahan",
)


def _harapan(b: dict, satu_instansi: bool) -> str | None:
    """The rule written out once more, by precedence, to compare every combination."""
    if b["diri_sendiri"] or not satu_instansi:
        return None
    if b["penilai"]:
        return PENILAI
    if b["ketua_kelompok"]:
        return KETUA_KELOMPOK
    if b["atasan_penilai"] or b["memimpin_unit_lain"]:
        return PIMPINAN_LAIN
    if b["bawahan"]:
        return BAWAHAN
    return REKAN


@pytest.mark.parametrize("satu_instansi", [True, False])
def test_sumber_setiap_kombinasi_hubungan(satu_instansi):
    for nilai in itertools.product([False, True], repeat=len(_BENDERA)):
        b = dict(zip(_BENDERA, nilai, strict=True))
        h = Hubungan(**b, satu_instansi=satu_instansi)
        assert sumber_pemberi(h) == _harapan(b, satu_instansi), b


@pytest.mark.parametrize("tamu", [PIMPINAN_LAIN, PIHAK_LAIN])
def test_tamu_tercatat_sebagai_pilihan_undangan_apa_pun_benderanya(tamu):
    for nilai in itertools.product([False, True], repeat=len(_BENDERA)):
        b = dict(zip(_BENDERA, nilai, strict=True))
        assert sumber_pemberi(Hubungan(**b, tamu=tamu, satu_instansi=False)) == tamu


@pytest.mark.parametrize("tamu", [PENILAI, REKAN, KETUA_KELOMPOK, "lain"])
def test_undangan_hanya_untuk_pimpinan_lain_atau_pihak_lain(tamu):
    assert sumber_pemberi(Hubungan(tamu=tamu)) is None


def test_diri_sendiri_tidak_pernah_walau_penilai():
    assert sumber_pemberi(Hubungan(diri_sendiri=True, penilai=True)) is None


BOLEH = {  # within the agency (an account)
    (PENILAI, BERKALA),
    (PENILAI, INSIDENTIL),
    (PIMPINAN_LAIN, BERKALA),
    (PIMPINAN_LAIN, INSIDENTIL),
    (REKAN, BERKALA),
    (REKAN, INSIDENTIL),
    (BAWAHAN, BERKALA),
    (BAWAHAN, INSIDENTIL),
    (KETUA_KELOMPOK, INSIDENTIL),
}
BOLEH_TAMU = {(PIMPINAN_LAIN, INSIDENTIL), (PIHAK_LAIN, INSIDENTIL)}  # through a guest link


@pytest.mark.parametrize("tamu", [False, True])
@pytest.mark.parametrize("sumber", [s for s, _ in aturan.SUMBER] + [None])
@pytest.mark.parametrize("sifat", [BERKALA, INSIDENTIL, "", "bulanan"])
def test_siapa_boleh_memberi_yang_mana(sumber, sifat, tamu):
    alasan = periksa_umpan_balik(sumber, sifat, tamu=tamu)
    if (sumber, sifat) in (BOLEH_TAMU if tamu else BOLEH):
        assert alasan is None
    else:
        assert alasan and isinstance(alasan, str)


def test_pesan_ketua_kelompok_menyebut_rekomendasi():
    assert "rekomendasi" in periksa_umpan_balik(KETUA_KELOMPOK, BERKALA)
    assert "tidak dapat" in periksa_umpan_balik(None, INSIDENTIL)
    assert "insidentil" in periksa_umpan_balik(PIHAK_LAIN, BERKALA, tamu=True)
    assert "tautan undangan" in periksa_umpan_balik(PIHAK_LAIN, INSIDENTIL)


@pytest.mark.parametrize("sumber", [s for s, _ in aturan.SUMBER] + [None])
def test_hanya_pejabat_penilai_yang_menilai(sumber):
    assert boleh_menilai(sumber) is (sumber == PENILAI)


@pytest.mark.parametrize(
    ("skema", "harapan"),
    [
        (["Dilaporkan setiap bulan berupa laporan kemajuan"], "bulanan"),
        (["Laporan capaian kinerja setiap triwulan kepada kepala daerah"], "triwulanan"),
        (["Laporan setiap 3 bulan"], "triwulanan"),
        (["Rapat evaluasi per semester"], "semesteran"),
        (["Dilaporkan setiap enam bulan"], "semesteran"),
        (["Laporan mingguan"], "mingguan"),
        (["Apel setiap hari"], "harian"),
        (["Laporan kemajuan setiap bulan", "rekap akhir tahun"], "bulanan"),
        (["Laporan akhir tahun"], "tahunan"),
        (["Sesuai kesepakatan"], "triwulanan"),
        ([], "bulanan"),
    ],
)
def test_kadensi_dari_skema_pertanggungjawaban(skema, harapan):
    bawaan = "triwulanan" if skema == ["Sesuai kesepakatan"] else "bulanan"
    assert kadensi_berkala(skema, bawaan) == harapan
