"""One person as both pejabat penilai and atasan pejabat penilai: expected where the rule
names one post twice (Lampiran II: "Kepala Dinas — Wali Kota — Wali Kota", 003:1316; the
agency's highest official under the national rule), a warning for the admin otherwise
(e.g. the Sekretaris Kelurahan who is also Plt. Lurah, 003:1404)."""

from __future__ import annotations

import pytest

from organisasi import penilai as p
from organisasi.data.lampiran_ii_bekasi import aturan_bekasi
from tests.organisasi.test_penilai_aturan import kabupaten
from tests.organisasi.test_penilai_bekasi import KASUS, KOTA, PETA, kota_bekasi


@pytest.mark.parametrize("kasus", [pytest.param(k, id=k.id) for k in KASUS])
def test_tanpa_peringatan_bila_setiap_jabatan_terisi(kasus):
    """Every post filled by its own holder: one person in both roles only where the row
    itself says so, and never a warning."""
    hasil = p.tentukan(PETA, KOTA.dinilai(kasus.dinilai, diperbantukan=kasus.diperbantukan))
    assert hasil.rangkap == (kasus.penilai == kasus.atasan)
    assert hasil.peringatan_rangkap == ""


def test_kepala_dinas_wali_kota_dua_kali_sesuai_aturan():
    hasil = p.tentukan(PETA, KOTA.dinilai("dinas"))
    assert hasil.rangkap and hasil.rangkap_menurut_aturan
    assert hasil.peringatan_rangkap == ""


def test_sekretaris_kelurahan_merangkap_plt_lurah_diperingatkan():
    kota = kota_bekasi()
    lurah = kota.jabatan["kel"]
    sekkel = next(x for x in kota.pemegang if x.jabatan_id == kota.jabatan["kel.sekr"].id)
    kota.pemegang = [x for x in kota.pemegang if x.jabatan_id != lurah.id]
    kota.pemegang.append(
        p.Pemegang(sekkel.pegawai_id, sekkel.nama, sekkel.nip, lurah.id, lurah.nama, "plt")
    )
    hasil = p.tentukan(kota.peta(aturan_bekasi()), kota.dinilai("jf.kel.sekr"))
    assert hasil.penilai.pejabat.nama == hasil.atasan.pejabat.nama == "Ika Rahayu"
    assert hasil.rangkap and not hasil.rangkap_menurut_aturan
    assert hasil.peringatan_rangkap.startswith("Ika Rahayu (Sekretaris Kelurahan) menjadi")
    assert "delegasi penilai" in hasil.peringatan_rangkap
    # The Seksi staff of the same Kelurahan: rater the Kasi, atasan the (Plt.) Lurah.
    assert p.tentukan(kota.peta(aturan_bekasi()), kota.dinilai("jf.kel.seksi")).rangkap is False


def test_ketentuan_nasional_pimpinan_tertinggi_tanpa_peringatan():
    s = kabupaten()
    hasil = p.tentukan(s.peta(), s.dinilai("dinkes", "Ahmad Fauzi"))
    assert hasil.penilai.pejabat.kepala_daerah and hasil.rangkap
    assert hasil.peringatan_rangkap == ""


def test_ketentuan_nasional_plt_merangkap_diperingatkan():
    """The Kasi next door is Plt. Kepala Bidang: his own staff get him twice."""
    s = kabupaten()
    s.kosongkan("bidang")
    s.tempatkan("Candra Wijaya", "bidang", "plt")
    hasil = p.tentukan(s.peta(plt_plh_otomatis=True), s.dinilai("epidemiolog"))
    assert hasil.penilai.pejabat.nama == hasil.atasan.pejabat.nama == "Candra Wijaya"
    assert hasil.peringatan_rangkap
