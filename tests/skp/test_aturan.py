"""Content rules of the SKP (spec-planning §6), each with the regulation line it enforces."""

import pytest

from skp.aturan import DataIKI, DataRHK, DataSKP, Tingkat, ada_pelanggaran, periksa


def _iki(**kw):
    dasar = {"teks": "Jumlah laporan", "target": "12 laporan", "aspek": ("kuantitas",)}
    return DataIKI(**{**dasar, **kw})


def _rhk(nomor=1, jenis="utama", iki=None, **kw):
    dasar = {
        "teks": "Tersusunnya laporan",
        "penugasan_dari": "Kepala Seksi",
        "rhk_pimpinan_teks": "Meningkatnya layanan",
        "dari_mph": True,
    }
    return DataRHK(
        nomor=nomor, jenis=jenis, iki=[_iki()] if iki is None else iki, **{**dasar, **kw}
    )


def _skp(rhk=None, kelompok="admin_jf", pendekatan="kuantitatif", **kw):
    lampiran = kw.pop("lampiran", {"dukungan": 1, "skema": 1, "konsekuensi": 1})
    return DataSKP(
        kelompok=kelompok,
        pendekatan=pendekatan,
        rhk=[_rhk()] if rhk is None else rhk,
        lampiran=lampiran,
        **kw,
    )


def _kode(temuan, tingkat=None):
    return {t.kode for t in temuan if tingkat is None or t.tingkat == tingkat}


def test_skp_lengkap_tanpa_temuan():
    assert periksa(_skp()) == []


def test_v01_wajib_ada_hasil_kerja_utama():
    """000:1729-1733: RHK terdiri atas hasil kerja utama dan dapat memuat tambahan."""
    assert "V01" in _kode(periksa(_skp([_rhk(jenis="tambahan")])), Tingkat.WAJIB)
    assert "V01" in _kode(periksa(_skp([])), Tingkat.WAJIB)


def test_v02_setiap_rhk_punya_indikator():
    """000:368-372: rencana hasil kerja beserta indikator dan target."""
    t = periksa(_skp([_rhk(iki=[])]))
    assert "V02" in _kode(t, Tingkat.WAJIB)
    assert ada_pelanggaran(t)


def test_v15_target_kuantitatif_wajib_terpisah():
    """000:3543-3545."""
    assert "V15" in _kode(periksa(_skp([_rhk(iki=[_iki(target="")])])), Tingkat.WAJIB)
    assert "V15" not in _kode(periksa(_skp([_rhk(iki=[_iki(target="")])], pendekatan="kualitatif")))


def test_v16_target_tanpa_satuan_hanya_saran():
    t = periksa(_skp([_rhk(iki=[_iki(teks="Mutu", target="baik")])]))
    assert "V16" in _kode(t, Tingkat.SARAN) and not ada_pelanggaran(t)


def test_v17_kualitatif_target_satu_narasi():
    t = periksa(_skp(pendekatan="kualitatif"))
    assert "V17" in _kode(t, Tingkat.SARAN)


@pytest.mark.parametrize("kata", ["semua", "Selalu", "tidak pernah", "setiap", "seluruh"])
def test_v18_target_mutlak_diperingatkan(kata):
    """000:3572-3594: kata seperti semua, selalu, tidak pernah, setiap."""
    iki = _iki(teks=f"Laporan {kata} tepat waktu")
    assert "V18" in _kode(periksa(_skp([_rhk(iki=[iki])])), Tingkat.SARAN)
    iki.target_mutlak_dikecualikan = True
    assert "V18" not in _kode(periksa(_skp([_rhk(iki=[iki])])))


def test_v14_aspek_wajib_dan_hanya_yang_diizinkan_instansi():
    """000:3984-3988; a tenant may drop Biaya (spec-local D4)."""
    assert "V14" in _kode(periksa(_skp([_rhk(iki=[_iki(aspek=())])])), Tingkat.WAJIB)
    t = periksa(
        _skp(
            [_rhk(iki=[_iki(aspek=("biaya",))])], aspek_diizinkan=("kuantitas", "kualitas", "waktu")
        )
    )
    assert "V14" in _kode(t, Tingkat.WAJIB)


def test_v19_v20_kolom_rhk_pimpinan_a17():
    """A.1.7 column (2) (000:3947-3976) and the JPT leader's IKI (000:4121-4125)."""
    assert "V19" in _kode(periksa(_skp([_rhk(rhk_pimpinan_teks="")])), Tingkat.WAJIB)
    jpt = _rhk(pimpinan_jpt=True, iki_pimpinan=False)
    assert "V20" in _kode(periksa(_skp([jpt])), Tingkat.WAJIB)
    jpt.iki_pimpinan = True
    assert "V20" not in _kode(periksa(_skp([jpt])))


def test_v21_rhk_bukan_dari_mph_hanya_saran():
    assert "V21" in _kode(periksa(_skp([_rhk(dari_mph=False)])), Tingkat.SARAN)


def test_v25_penugasan_dari_wajib_pada_format_naratif():
    """000:2120, 3825: disertai jabatan pimpinan yang memberikan penugasan."""
    t = periksa(_skp([_rhk(penugasan_dari="")], pendekatan="kualitatif"))
    assert "V25" in _kode(t, Tingkat.WAJIB)


def test_jpt_perspektif_dan_anggaran():
    """V06 (000:2262-2272), V07 Anggaran harus ada (000:1933-1939), V08 saran."""
    iki = _iki(perspektif="", aspek=())
    t = periksa(_skp([_rhk(iki=[iki])], kelompok="jpt_pukm"))
    assert {"V06", "V07"} <= _kode(t, Tingkat.WAJIB)
    iki.perspektif = "anggaran"
    t = periksa(_skp([_rhk(iki=[iki])], kelompok="jpt_pukm"))
    assert _kode(t, Tingkat.WAJIB) == set() and "V08" in _kode(t, Tingkat.SARAN)


def test_manual_ik_wajib_bila_instansi_mewajibkan():
    iki = _iki(perspektif="anggaran", aspek=())
    t = periksa(_skp([_rhk(iki=[iki])], kelompok="jpt_pukm", manual_ik_wajib=True))
    assert "V11" in _kode(t, Tingkat.WAJIB)
    iki.punya_manual = True
    assert "V11" not in _kode(
        periksa(_skp([_rhk(iki=[iki])], kelompok="jpt_pukm", manual_ik_wajib=True))
    )


def test_lampiran_wajib_ada_dan_setiap_bagian_disarankan():
    """000:4221-4227 (V28) and 000:579-629 (V29)."""
    assert "V28" in _kode(periksa(_skp(lampiran={})), Tingkat.WAJIB)
    t = periksa(_skp(lampiran={"dukungan": 2}))
    assert "V28" not in _kode(t) and "V29" in _kode(t, Tingkat.SARAN)


def test_temuan_wajib_diurutkan_lebih_dulu():
    t = periksa(_skp([_rhk(dari_mph=False, iki=[_iki(target="")])]))
    assert t[0].tingkat == Tingkat.WAJIB and t[-1].tingkat == Tingkat.SARAN


def test_v46_tugas_belajar_evaluasi_akademik_dan_kelulusan():
    """000:4275-4279: hasil evaluasi akademik dan ketepatan waktu kelulusan."""
    t = periksa(_skp(tugas_belajar=True))
    assert [x.kode for x in t].count("V46") == 2
    rhk = _rhk(
        teks="Tercapainya IPK di atas 3,5",
        iki=[_iki(teks="Lulus tepat waktu", target="8 semester")],
    )
    assert "V46" not in _kode(periksa(_skp([rhk], tugas_belajar=True)))
