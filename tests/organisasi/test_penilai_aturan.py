"""The rater rule without a local table: the national default chain, acting officials,
vacant posts, JF heads and per-person delegation (organisasi/penilai.py).

Sources: Permenpan RB 6/2022 Lampiran (seed 000): the rater is the direct superior,
at least a pejabat pengawas (000:216-220); a vacant or unable rater is replaced by
his own superior (000:6352-6356); a Plt/Plh rates when delegated (000:6358-6362);
a JF heading a unit (a kepala sekolah) may be delegated (000:6384-6402).
Perwal Bekasi 38/2023 (seed 003): a Plt/Plh rates by right (003:357); a vacant
post without one goes up the hierarchy (003:358). Regional practice (seed 002):
JF/Pelaksana raters must be manajerial, except for Guru PPPK (002:415).
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from organisasi import penilai as p

BUPATI = "Aditya Nugraha"


class Struktur:
    """A small regency built by key; a unit's key also names its head post."""

    def __init__(self):
        self._id = itertools.count(1)
        self.unit: dict[str, p.Unit] = {}
        self.jabatan: dict[str, p.Jabatan] = {}
        self.pemegang: list[p.Pemegang] = []
        self.orang: dict[str, p.Pemegang] = {}  # by person's name

    def tambah_unit(self, kunci, nama, jenis, induk=None, kepala=None):
        """kepala: (position name, position kind, holder's name or None for vacant)."""
        self.unit[kunci] = p.Unit(
            next(self._id), nama, self.unit[induk].id if induk else None, jenis
        )
        if kepala:
            self.tambah_jabatan(kunci, kunci, kepala[0], kepala[1], kepala_unit=True)
            if kepala[2]:
                self.tempatkan(kepala[2], kunci)

    def tambah_jabatan(self, kunci, unit, nama, jenis="fungsional", kepala_unit=False):
        unit_id = self.unit[unit].id
        self.jabatan[kunci] = p.Jabatan(next(self._id), nama, unit_id, jenis, kepala_unit)

    def tempatkan(self, nama, jabatan, jenis="definitif", berwenang_menilai=False, pegawai_id=None):
        """Put a person in a post (definitif, plt or plh); returns the holding."""
        if pegawai_id is None:
            pegawai_id = self.orang[nama].pegawai_id if nama in self.orang else next(self._id)
        j = self.jabatan[jabatan]
        pemegang = p.Pemegang(
            pegawai_id, nama, f"19850101201001{pegawai_id:04d}", j.id, j.nama, jenis,
            berwenang_menilai,
        )  # fmt: skip
        self.pemegang.append(pemegang)
        self.orang.setdefault(nama, pemegang)
        return pemegang

    def kosongkan(self, jabatan):
        j = self.jabatan[jabatan]
        self.pemegang = [x for x in self.pemegang if x.jabatan_id != j.id]

    def peta(self, aturan=(), **kebijakan) -> p.PetaOrganisasi:
        kebijakan = {"jabatan_kepala_daerah": "Bupati", "nama_kepala_daerah": BUPATI} | kebijakan
        return p.PetaOrganisasi(
            unit={u.id: u for u in self.unit.values()},
            jabatan={j.id: j for j in self.jabatan.values()},
            pemegang=list(self.pemegang),
            aturan=list(aturan),
            kebijakan=p.Kebijakan(**kebijakan),
        )

    def dinilai(self, jabatan, nama=None, status="pns", delegasi=None) -> p.Dinilai:
        """The employee in `jabatan`: the named holder, or a new staff member."""
        orang = self.orang.get(nama) if nama else None
        return p.Dinilai(
            pegawai_id=orang.pegawai_id if orang else next(self._id),
            nama=nama or f"Pegawai {jabatan}",
            status=status,
            jabatan=self.jabatan[jabatan],
            delegasi=delegasi,
        )


def kabupaten() -> Struktur:
    s = Struktur()
    # fmt: off
    s.tambah_unit("dinkes", "Dinas Kesehatan", "dinas",
                  kepala=("Kepala Dinas Kesehatan", "jpt_pratama", "Ahmad Fauzi"))
    s.tambah_unit("bidang", "Bidang Pelayanan Kesehatan", "bidang", "dinkes",
                  kepala=("Kepala Bidang Pelayanan Kesehatan", "administrator", "Berliana Putri"))
    s.tambah_unit("seksi", "Seksi Pelayanan Kesehatan Primer", "seksi", "bidang",
                  kepala=("Kepala Seksi Pelayanan Kesehatan Primer", "pengawas", "Candra Wijaya"))
    s.tambah_unit("seksi2", "Seksi Pelayanan Kesehatan Rujukan", "seksi", "bidang",
                  kepala=("Kepala Seksi Pelayanan Kesehatan Rujukan", "pengawas", "Dewi Anjani"))
    # A non-structural group with no head post of its own.
    s.tambah_unit("kelompok", "Kelompok Substansi Kesehatan Keluarga", "nonstruktural", "bidang")
    # A laboratory headed by a JF (not a manajerial post).
    s.tambah_unit("labkesda", "UPTD Laboratorium Kesehatan Daerah", "uptd", "dinkes",
                  kepala=("Kepala UPTD Laboratorium Kesehatan Daerah", "fungsional",
                          "Eka Pranata"))
    s.tambah_jabatan("epidemiolog", "seksi", "Epidemiolog Kesehatan Ahli Pertama")
    s.tambah_jabatan("pelaksana.seksi", "seksi", "Pengelola Layanan Kesehatan", "pelaksana")
    s.tambah_jabatan("nutrisionis", "kelompok", "Nutrisionis Ahli Muda")
    s.tambah_jabatan("pranata_lab", "labkesda", "Pranata Laboratorium Kesehatan Terampil")
    # A school under the Dinas Pendidikan, headed by a JF guru as kepala sekolah.
    s.tambah_unit("disdik", "Dinas Pendidikan", "dinas_pendidikan",
                  kepala=("Kepala Dinas Pendidikan", "jpt_pratama", "Fajar Ramadhan"))
    s.tambah_unit("bidang_sd", "Bidang Pembinaan Sekolah Dasar", "bidang", "disdik",
                  kepala=("Kepala Bidang Pembinaan Sekolah Dasar", "administrator",
                          "Galih Saputra"))
    s.tambah_unit("sdn", "SD Negeri Karawang Kulon I", "sekolah_sd", "bidang_sd",
                  kepala=("Kepala Sekolah SDN Karawang Kulon I", "fungsional", None))
    s.tempatkan("Hesti Purwanti", "sdn", berwenang_menilai=True)
    s.tambah_jabatan("guru", "sdn", "Guru Kelas Ahli Pertama")
    s.tambah_jabatan("pelaksana.sdn", "sdn", "Pengadministrasi Sekolah", "pelaksana")
    # A Camat (administrator) heading an organisation directly under the Bupati.
    s.tambah_unit("kecamatan", "Kecamatan Telukjambe Timur", "kecamatan",
                  kepala=("Camat Telukjambe Timur", "administrator", "Indra Kusuma"))
    # fmt: on
    return s


def _nama(penetapan: p.Penetapan) -> str:
    assert penetapan.pejabat is not None, penetapan.alasan
    return penetapan.pejabat.nama


# --- The national chain --------------------------------------------------------------


def test_staf_dinilai_kepala_unitnya_atasan_adalah_penilai_dari_penilai():
    s = kabupaten()
    hasil = p.tentukan(s.peta(), s.dinilai("epidemiolog"))
    assert _nama(hasil.penilai) == "Candra Wijaya"
    assert "ketentuan nasional" in hasil.penilai.alasan
    assert _nama(hasil.atasan) == "Berliana Putri"
    assert hasil.atasan.alasan.startswith("atasan langsung pejabat penilai")
    assert not hasil.penilai.final


@pytest.mark.parametrize(
    ("kepala", "penilai", "atasan"),
    [
        ("Candra Wijaya", "Berliana Putri", "Ahmad Fauzi"),  # Kasi -> Kabid -> Kadis
        ("Berliana Putri", "Ahmad Fauzi", BUPATI),  # Kabid -> Kadis -> Bupati
    ],
)
def test_kepala_dinilai_kepala_unit_induknya(kepala, penilai, atasan):
    s = kabupaten()
    jabatan = {"Candra Wijaya": "seksi", "Berliana Putri": "bidang"}[kepala]
    hasil = p.tentukan(s.peta(), s.dinilai(jabatan, kepala))
    assert _nama(hasil.penilai) == penilai
    assert _nama(hasil.atasan) == atasan
    assert not hasil.penilai.final


def test_kepala_puncak_jpt_dinilai_kepala_daerah_dan_final():
    """A regional JPT rated by the kepala daerah: final, no objection (000:6459-6461)."""
    s = kabupaten()
    hasil = p.tentukan(s.peta(), s.dinilai("dinkes", "Ahmad Fauzi"))
    assert hasil.penilai.pejabat.kepala_daerah
    assert hasil.penilai.pejabat.nama == BUPATI
    assert hasil.penilai.pejabat.jabatan == "Bupati"
    assert hasil.penilai.final
    assert "final" in hasil.penilai.alasan
    # No one above the kepala daerah: he is also the atasan.
    assert hasil.atasan.pejabat.kepala_daerah
    assert "pimpinan tertinggi" in hasil.atasan.alasan


def test_kepala_puncak_bukan_jpt_dinilai_kepala_daerah_tidak_final():
    s = kabupaten()
    hasil = p.tentukan(s.peta(), s.dinilai("kecamatan", "Indra Kusuma"))
    assert hasil.penilai.pejabat.kepala_daerah
    assert not hasil.penilai.final


def test_unit_tanpa_jabatan_kepala_naik_satu_tingkat():
    s = kabupaten()
    hasil = p.tentukan(s.peta(), s.dinilai("nutrisionis"))
    assert _nama(hasil.penilai) == "Berliana Putri"
    assert "tidak memiliki jabatan kepala" in hasil.penilai.alasan
    assert "naik satu tingkat" in hasil.penilai.alasan
    assert _nama(hasil.atasan) == "Ahmad Fauzi"


# --- Vacant posts and acting officials (Plt/Plh) ---------------------------------------


@pytest.mark.parametrize("otomatis", [True, False])
def test_jabatan_kosong_tanpa_plt_plh_naik_satu_tingkat(otomatis):
    """003:358 and 000:6352-6356, in both modes."""
    s = kabupaten()
    s.kosongkan("seksi")
    hasil = p.tentukan(s.peta(plt_plh_otomatis=otomatis), s.dinilai("epidemiolog"))
    assert _nama(hasil.penilai) == "Berliana Putri"
    assert "Kepala Seksi Pelayanan Kesehatan Primer kosong" in hasil.penilai.alasan
    assert "secara hierarki" in hasil.penilai.alasan
    assert _nama(hasil.atasan) == "Ahmad Fauzi"


def test_kepala_kosong_di_bawah_kepala_daerah_tidak_membuat_final_bukan_jpt():
    """Kadis vacant: his Kabid is rated by the Bupati, but an administrator's result
    stays open to objection; only a JPT's is final (spec-evaluation §3.6)."""
    s = kabupaten()
    s.kosongkan("dinkes")
    hasil = p.tentukan(s.peta(), s.dinilai("bidang", "Berliana Putri"))
    assert hasil.penilai.pejabat.kepala_daerah
    assert "kosong" in hasil.penilai.alasan
    assert not hasil.penilai.final
    assert "final" not in hasil.penilai.alasan


def test_plt_otomatis_menilai():
    """Bekasi: a Plt rates by right (003:357)."""
    s = kabupaten()
    s.kosongkan("seksi")
    s.tempatkan("Dewi Anjani", "seksi", "plt")  # the Kasi next door acts
    hasil = p.tentukan(s.peta(plt_plh_otomatis=True), s.dinilai("epidemiolog"))
    assert _nama(hasil.penilai) == "Dewi Anjani"
    assert hasil.penilai.pejabat.sebutan == "Plt."
    assert hasil.penilai.pejabat.label.startswith("Dewi Anjani (Plt. ")
    assert "kosong, Plt. Dewi Anjani berwenang menilai" in hasil.penilai.alasan
    # The atasan is the rater of the post the Plt holds.
    assert _nama(hasil.atasan) == "Berliana Putri"


def test_plt_didahulukan_dari_plh():
    s = kabupaten()
    s.kosongkan("seksi")
    s.tempatkan("Joko Waluyo", "epidemiolog")
    s.tempatkan("Joko Waluyo", "seksi", "plh")
    s.tempatkan("Dewi Anjani", "seksi", "plt")
    hasil = p.tentukan(s.peta(plt_plh_otomatis=True), s.dinilai("pelaksana.seksi"))
    assert _nama(hasil.penilai) == "Dewi Anjani"


def test_mode_delegasi_plt_tanpa_delegasi_tidak_menilai():
    """National rule: a Plt rates only when delegated (000:6358-6362); otherwise the
    post's own rater takes over, and the reason says why."""
    s = kabupaten()
    s.kosongkan("seksi")
    s.tempatkan("Dewi Anjani", "seksi", "plt", berwenang_menilai=False)
    hasil = p.tentukan(s.peta(plt_plh_otomatis=False), s.dinilai("epidemiolog"))
    assert _nama(hasil.penilai) == "Berliana Putri"
    assert "kosong, Plt. Dewi Anjani tidak diberi delegasi menilai" in hasil.penilai.alasan
    assert "secara hierarki" in hasil.penilai.alasan


def test_mode_delegasi_plt_dengan_delegasi_menilai():
    s = kabupaten()
    s.kosongkan("seksi")
    s.tempatkan("Dewi Anjani", "seksi", "plt", berwenang_menilai=True)
    hasil = p.tentukan(s.peta(plt_plh_otomatis=False), s.dinilai("epidemiolog"))
    assert _nama(hasil.penilai) == "Dewi Anjani"
    assert hasil.penilai.pejabat.sebutan == "Plt."
    assert "diberi delegasi menilai" in hasil.penilai.alasan


def test_mode_delegasi_plh_dengan_delegasi_menilai():
    s = kabupaten()
    s.kosongkan("seksi")
    s.tempatkan("Dewi Anjani", "seksi", "plh", berwenang_menilai=True)
    hasil = p.tentukan(s.peta(plt_plh_otomatis=False), s.dinilai("epidemiolog"))
    assert _nama(hasil.penilai) == "Dewi Anjani"
    assert hasil.penilai.pejabat.sebutan == "Plh."


@pytest.mark.parametrize("otomatis", [True, False])
def test_plt_tidak_menilai_dirinya_sendiri(otomatis):
    """A staff member acting as head of his own unit is rated one level up; his
    colleagues are rated by him."""
    s = kabupaten()
    s.kosongkan("seksi")
    s.tempatkan("Joko Waluyo", "epidemiolog")
    s.tempatkan("Joko Waluyo", "seksi", "plt", berwenang_menilai=True)
    peta = s.peta(plt_plh_otomatis=otomatis)
    diri = p.tentukan(peta, s.dinilai("epidemiolog", "Joko Waluyo"))
    assert _nama(diri.penilai) == "Berliana Putri"
    assert "Joko Waluyo tidak menilai dirinya sendiri" in diri.penilai.alasan
    rekan = p.tentukan(peta, s.dinilai("pelaksana.seksi"))
    assert _nama(rekan.penilai) == "Joko Waluyo"


# --- A JF heading a unit ----------------------------------------------------------------


def test_kepala_unit_jf_tanpa_delegasi_dilewati():
    """At least a pejabat pengawas rates (000:216-220)."""
    s = kabupaten()
    hasil = p.tentukan(s.peta(), s.dinilai("pranata_lab"))
    assert _nama(hasil.penilai) == "Ahmad Fauzi"
    assert "bukan pejabat manajerial dan tidak diberi delegasi" in hasil.penilai.alasan


def test_kepala_unit_jf_dengan_delegasi_menilai():
    s = kabupaten()
    s.kosongkan("labkesda")
    s.tempatkan("Eka Pranata", "labkesda", berwenang_menilai=True)
    hasil = p.tentukan(s.peta(), s.dinilai("pranata_lab"))
    assert _nama(hasil.penilai) == "Eka Pranata"
    # His own rater is the atasan.
    assert _nama(hasil.atasan) == "Ahmad Fauzi"


def test_kepala_unit_jf_dengan_delegasi_dilewati_bila_instansi_tidak_membolehkan():
    s = kabupaten()
    s.kosongkan("labkesda")
    s.tempatkan("Eka Pranata", "labkesda", berwenang_menilai=True)
    hasil = p.tentukan(s.peta(jf_kepala_boleh_menilai=False), s.dinilai("pranata_lab"))
    assert _nama(hasil.penilai) == "Ahmad Fauzi"


PENGECUALIAN_GURU_PPPK = ({"pola_jabatan": "Guru", "status": "pppk"},)


def test_kepala_sekolah_jf_dengan_delegasi_menilai_guru_dan_pelaksana():
    """Without the managerial requirement, a delegated kepala sekolah rates everyone
    in his school (000:6390-6396)."""
    s = kabupaten()
    peta = s.peta()
    for jabatan in ("guru", "pelaksana.sdn"):
        assert _nama(p.tentukan(peta, s.dinilai(jabatan)).penilai) == "Hesti Purwanti"


@pytest.mark.parametrize(
    ("jabatan", "status", "penilai"),
    [
        # Exempt (002:415): a Guru PPPK may be rated by the delegated kepala sekolah.
        ("guru", "pppk", "Hesti Purwanti"),
        # Not exempt: a PNS guru, and a pelaksana (even PPPK) of the same school.
        ("guru", "pns", "Galih Saputra"),
        ("pelaksana.sdn", "pns", "Galih Saputra"),
        ("pelaksana.sdn", "pppk", "Galih Saputra"),
    ],
)
def test_jf_wajib_manajerial_dengan_pengecualian_guru_pppk(jabatan, status, penilai):
    s = kabupaten()
    peta = s.peta(jf_wajib_manajerial=True, pengecualian_manajerial=PENGECUALIAN_GURU_PPPK)
    hasil = p.tentukan(peta, s.dinilai(jabatan, status=status))
    assert _nama(hasil.penilai) == penilai
    if penilai == "Galih Saputra":
        assert "bukan pejabat manajerial" in hasil.penilai.alasan


# --- Tables and per-person delegation ---------------------------------------------------

# An agency table that departs from the national chain: JF in a Seksi rated by the
# Kepala Bidang, with the Kepala Dinas as atasan.
ATURAN_CONTOH = p.Aturan(
    nomor="X.1",
    kelompok="dinas",
    dinilai="JF/Pelaksana pada Seksi",
    peran="staf",
    tipe_unit=("seksi",),
    penilai=({"cara": "leluhur", "tipe": "bidang"},),
    penilai_teks="Kepala Bidang",
    atasan=({"cara": "kepala_kelompok"},),
    atasan_teks="Kepala Dinas",
    sumber="Peraturan Bupati (contoh)",
)


def test_tabel_instansi_mengalahkan_ketentuan_nasional():
    s = kabupaten()
    hasil = p.tentukan(s.peta([ATURAN_CONTOH]), s.dinilai("epidemiolog"))
    assert _nama(hasil.penilai) == "Berliana Putri"
    assert "Peraturan Bupati (contoh) no. X.1:" in hasil.penilai.alasan
    assert _nama(hasil.atasan) == "Ahmad Fauzi"


def test_jabatan_yang_disebut_tabel_kosong_naik_satu_tingkat():
    s = kabupaten()
    s.kosongkan("bidang")
    hasil = p.tentukan(s.peta([ATURAN_CONTOH]), s.dinilai("epidemiolog"))
    assert _nama(hasil.penilai) == "Ahmad Fauzi"
    assert "no. X.1:" in hasil.penilai.alasan
    assert "Kepala Bidang Pelayanan Kesehatan kosong" in hasil.penilai.alasan


def test_delegasi_perorangan_mengalahkan_tabel():
    s = kabupaten()
    delegasi = p.Delegasi(
        penilai=s.orang["Dewi Anjani"],
        atasan=None,
        dasar="Surat Kepala Dinas Kesehatan Nomor 800/125/Dinkes",
        mulai=date(2026, 1, 5),
    )
    hasil = p.tentukan(s.peta([ATURAN_CONTOH]), s.dinilai("epidemiolog", delegasi=delegasi))
    assert _nama(hasil.penilai) == "Dewi Anjani"
    assert hasil.penilai.alasan == (
        "didelegasikan berdasarkan Surat Kepala Dinas Kesehatan Nomor 800/125/Dinkes "
        "sejak 5 Januari 2026"
    )
    # No atasan in the delegation: the table's atasan still applies.
    assert _nama(hasil.atasan) == "Ahmad Fauzi"
    assert "no. X.1:" in hasil.atasan.alasan


def test_delegasi_perorangan_dengan_atasan():
    s = kabupaten()
    delegasi = p.Delegasi(
        penilai=s.orang["Dewi Anjani"],
        atasan=s.orang["Berliana Putri"],
        dasar="Surat Kepala Dinas Kesehatan Nomor 800/126/Dinkes",
        mulai=date(2026, 2, 2),
    )
    hasil = p.tentukan(s.peta([ATURAN_CONTOH]), s.dinilai("epidemiolog", delegasi=delegasi))
    assert _nama(hasil.penilai) == "Dewi Anjani"
    assert _nama(hasil.atasan) == "Berliana Putri"
    assert "didelegasikan berdasarkan" in hasil.atasan.alasan


def test_atasan_tidak_pernah_membawa_sifat_final():
    """Finality is of the rating (by the penilai); a JPT rated by the Sekda whose
    atasan is the Wali Kota (Lampiran II 1.b, 003:1297) is not final at all."""
    from organisasi.data.lampiran_ii_bekasi import aturan_bekasi
    from organisasi.penilai import (
        Dinilai,
        Jabatan,
        Kebijakan,
        Pemegang,
        PetaOrganisasi,
        Unit,
        tentukan,
    )

    unit = {1: Unit(1, "Sekretariat Daerah", None, "setda"), 2: Unit(2, "Asisten I", 1, "asisten")}
    jabatan = {
        10: Jabatan(10, "Sekretaris Daerah", 1, "jpt_madya", True),
        20: Jabatan(20, "Asisten Pemerintahan", 2, "jpt_pratama", True),
    }
    pemegang = [Pemegang(1, "Sekda", "1", 10), Pemegang(2, "Asisten", "2", 20)]
    peta = PetaOrganisasi(unit, jabatan, pemegang, aturan_bekasi(), Kebijakan())
    hasil = tentukan(peta, Dinilai(2, "Asisten", "pns", jabatan[20]))
    assert hasil.penilai.pejabat.nama == "Sekda" and not hasil.penilai.final
    assert hasil.atasan.pejabat.kepala_daerah
    assert not hasil.atasan.final and "final" not in hasil.atasan.alasan
    sekda = tentukan(peta, Dinilai(1, "Sekda", "pns", jabatan[10]))
    assert sekda.penilai.final and "final" in sekda.penilai.alasan
    assert not sekda.atasan.final
