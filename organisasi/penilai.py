"""Who rates whom, and why: the pejabat penilai kinerja and the atasan pejabat penilai.

The one module for this rule. It answers for one employee and one date from a
snapshot of the agency's organisation (`PetaOrganisasi`), with no database
access, so every rule is tested without a server and a page of 1,000
employees costs the same few queries as one.

Order of the rules, first that applies wins:
1. A per-person delegation (DelegasiPenilai) valid on the date.
2. The agency's rater table (AturanPenilai; for Bekasi the Perwal 38/2023
   Lampiran II), matched by the kind of organisation and the position.
3. The national default: the head of the employee's own unit, or for a head
   the head of the unit above; at least a pejabat pengawas (000:216-220).
Whichever rule names a position, a vacant post goes to its Plt/Plh when the
agency lets them rate (automatic, Perwal Bekasi 003:357; or by delegation,
000:6358-6362), otherwise one level up (003:358; 000:6352-6356).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .tanggal import tanggal_id

# Kinds of unit, spelled as in organisasi.models.JenisUnit (kept as strings so
# this module has no Django import).
KELOMPOK = frozenset(
    {
        "setda",
        "setwan",
        "inspektorat",
        "dinas",
        "dinas_uptd",
        "dinas_pendidikan",
        "badan",
        "badan_uptd",
        "satpol_pp",
        "rsud",
        "kecamatan",
        "kelurahan",
        "bpbd",
        "kementerian",
        "eselon_i",
        "mandiri",
    }
)
MANAJERIAL = frozenset({"jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"})
JPT = frozenset({"jpt_utama", "jpt_madya", "jpt_pratama"})
_BATAS_NAIK = 12  # deeper than any real organisation; stops a cycle in bad data
_CATATAN_FINAL = "; hasil evaluasi bersifat final"


# --- The snapshot ------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    id: int
    nama: str
    induk_id: int | None
    jenis: str
    kode: str = ""


@dataclass(frozen=True)
class Jabatan:
    id: int
    nama: str
    unit_id: int
    jenis: str
    kepala_unit: bool = False


@dataclass(frozen=True)
class Pemegang:
    """Someone holding a position on the snapshot's date."""

    pegawai_id: int
    nama: str
    nip: str
    jabatan_id: int
    jabatan_nama: str = ""
    jenis: str = "definitif"  # definitif | plt | plh
    berwenang_menilai: bool = False


@dataclass(frozen=True)
class Aturan:
    nomor: str
    kelompok: str
    dinilai: str
    peran: str  # kepala | staf | semua
    tipe_unit: tuple[str, ...]
    penilai: tuple[dict, ...]
    penilai_teks: str
    atasan: tuple[dict, ...]
    atasan_teks: str
    pola_jabatan: str = ""
    hanya_diperbantukan: bool = False
    keterangan: str = ""
    sumber: str = ""


@dataclass(frozen=True)
class Kebijakan:
    """The agency settings this rule reads."""

    plt_plh_otomatis: bool = False
    jf_wajib_manajerial: bool = False
    pengecualian_manajerial: tuple[dict, ...] = ()
    jf_kepala_boleh_menilai: bool = True
    jabatan_kepala_daerah: str = "Wali Kota"
    nama_kepala_daerah: str = ""
    nip_kepala_daerah: str = ""


@dataclass(frozen=True)
class Delegasi:
    penilai: Pemegang
    atasan: Pemegang | None
    dasar: str
    mulai: date


@dataclass(frozen=True)
class Dinilai:
    """The employee being rated, in the placement that counts on the date."""

    pegawai_id: int
    nama: str
    status: str  # pns | pppk
    jabatan: Jabatan
    diperbantukan: bool = False
    delegasi: Delegasi | None = None


@dataclass
class PetaOrganisasi:
    unit: dict[int, Unit]
    jabatan: dict[int, Jabatan]
    pemegang: list[Pemegang]
    aturan: list[Aturan] = field(default_factory=list)
    kebijakan: Kebijakan = field(default_factory=Kebijakan)

    def __post_init__(self):
        self.kepala = {j.unit_id: j for j in self.jabatan.values() if j.kepala_unit}
        self.anak: dict[int | None, list[Unit]] = defaultdict(list)
        for u in sorted(self.unit.values(), key=lambda u: u.id):
            self.anak[u.induk_id].append(u)
        self.definitif: dict[int, Pemegang] = {}
        self.pelaksana: dict[int, list[Pemegang]] = defaultdict(list)
        for p in self.pemegang:
            if p.jenis == "definitif":
                self.definitif.setdefault(p.jabatan_id, p)
            else:
                self.pelaksana[p.jabatan_id].append(p)
        for daftar in self.pelaksana.values():
            daftar.sort(key=lambda p: p.jenis != "plt")  # a Plt before a Plh
        self.aturan_per_kelompok: dict[str, list[Aturan]] = defaultdict(list)
        for a in self.aturan:
            self.aturan_per_kelompok[a.kelompok].append(a)

    # Walking the tree

    def rantai(self, unit_id: int | None):
        """The unit and every unit above it, nearest first."""
        for _ in range(_BATAS_NAIK * 4):
            if unit_id is None:
                return
            unit = self.unit[unit_id]
            yield unit
            unit_id = unit.induk_id

    def kelompok(self, unit_id: int) -> Unit | None:
        return next((u for u in self.rantai(unit_id) if u.jenis in KELOMPOK), None)

    def cari_dalam(self, akar: Unit, tipe: str, kode: str = "") -> Unit | None:
        """The shallowest unit of a kind (and code) inside `akar`'s subtree."""
        lapis = [akar]
        while lapis:
            for u in lapis:
                if u is not akar and u.jenis == tipe and (not kode or u.kode == kode):
                    return u
            lapis = [a for u in lapis for a in self.anak.get(u.id, [])]
        return None


# --- The answer --------------------------------------------------------------------


@dataclass(frozen=True)
class Pejabat:
    nama: str
    jabatan: str
    nip: str = ""
    pegawai_id: int | None = None
    jabatan_id: int | None = None
    sebutan: str = ""  # "Plt." / "Plh." for an acting holder
    kepala_daerah: bool = False

    @property
    def label(self) -> str:
        awalan = f"{self.sebutan} " if self.sebutan else ""
        return f"{self.nama} ({awalan}{self.jabatan})" if self.nama else f"{awalan}{self.jabatan}"


@dataclass(frozen=True)
class Penetapan:
    pejabat: Pejabat | None
    alasan: str
    final: bool = False  # the result of the evaluation cannot be objected to (spec-eval §3.6)


@dataclass(frozen=True)
class HasilPenilai:
    penilai: Penetapan
    atasan: Penetapan
    # The rule itself names one post for both (Lampiran II "Kepala Dinas: Wali Kota, Wali
    # Kota"; the agency's highest official); otherwise one person in both is an accident.
    rangkap_menurut_aturan: bool = False

    @property
    def rangkap(self) -> bool:
        """One person is both the pejabat penilai and the atasan pejabat penilai."""
        p, a = self.penilai.pejabat, self.atasan.pejabat
        if p is None or a is None:
            return False
        if p.kepala_daerah or a.kepala_daerah:
            return p.kepala_daerah and a.kepala_daerah
        return p.pegawai_id is not None and p.pegawai_id == a.pegawai_id

    @property
    def peringatan_rangkap(self) -> str:
        """Why the admin should look, or "" when nothing is wrong (003:1292-1411 names a
        different atasan for every post it does not give to the Wali Kota twice)."""
        if not self.rangkap or self.rangkap_menurut_aturan:
            return ""
        atasan = self.atasan.pejabat
        sebagai = f"{atasan.sebutan} {atasan.jabatan}".strip()
        return (
            f"{self.penilai.pejabat.label} menjadi pejabat penilai sekaligus atasan pejabat "
            f"penilai (sebagai {sebagai}), padahal aturan penilai menyebut dua pejabat "
            "berbeda. Biasanya karena jabatan penilai kosong atau dirangkap satu orang "
            "(mis. Plt.); tetapkan atasan pejabat penilai lewat delegasi penilai."
        )


class _Naik(Exception):
    """The named post cannot rate; its own rater takes over."""


# --- The rule ----------------------------------------------------------------------


def tentukan(peta: PetaOrganisasi, dinilai: Dinilai) -> HasilPenilai:
    """The rater and the rater's superior for one employee, each with its reason."""
    if dinilai.delegasi is not None:
        d = dinilai.delegasi
        alasan = f"didelegasikan berdasarkan {d.dasar} sejak {tanggal_id(d.mulai)}"
        penilai = Penetapan(_pejabat(peta, d.penilai), alasan)
        if d.atasan is not None:
            atasan = Penetapan(_pejabat(peta, d.atasan), alasan)
        else:
            atasan = _tentukan_aturan(peta, dinilai.jabatan, dinilai, 0).atasan
        return HasilPenilai(penilai, atasan)
    return _tentukan_aturan(peta, dinilai.jabatan, dinilai, 0)


def _tentukan_aturan(peta, jabatan: Jabatan, dinilai: Dinilai | None, kedalaman: int):
    if kedalaman > _BATAS_NAIK:
        kosong = Penetapan(None, "hierarki tidak dapat ditelusuri (periksa struktur unit)")
        return HasilPenilai(kosong, kosong)
    aturan = _cocokkan(peta, jabatan, dinilai)
    if aturan is not None:
        hasil = _dari_tabel(peta, jabatan, dinilai, aturan, kedalaman)
        if hasil is not None:
            return hasil
    return _bawaan(peta, jabatan, dinilai, kedalaman)


def _cocokkan(peta, jabatan: Jabatan, dinilai: Dinilai | None) -> Aturan | None:
    kelompok = peta.kelompok(jabatan.unit_id)
    if kelompok is None:
        return None
    rantai = list(peta.rantai(jabatan.unit_id))
    rantai = rantai[: rantai.index(kelompok) + 1]
    diperbantukan = bool(dinilai and dinilai.diperbantukan)
    terbaik, skor_terbaik = None, None
    for a in peta.aturan_per_kelompok.get(kelompok.jenis, ()):
        if a.hanya_diperbantukan and not diperbantukan:
            continue
        if a.pola_jabatan and not re.search(a.pola_jabatan, jabatan.nama, re.IGNORECASE):
            continue
        if a.peran == "kepala" and not jabatan.kepala_unit:
            continue
        if a.peran == "staf" and jabatan.kepala_unit:
            continue
        if a.peran == "kepala":
            jarak = 0 if not a.tipe_unit or rantai[0].jenis in a.tipe_unit else None
        elif a.tipe_unit:
            jarak = next((i for i, u in enumerate(rantai) if u.jenis in a.tipe_unit), None)
        else:
            jarak = len(rantai)  # a row for "every JF/Pelaksana" of the organisation
        if jarak is None:
            continue
        skor = (not a.pola_jabatan, not a.hanya_diperbantukan, jarak)
        if skor_terbaik is None or skor < skor_terbaik:
            terbaik, skor_terbaik = a, skor
    return terbaik


def _dari_tabel(peta, jabatan, dinilai, aturan: Aturan, kedalaman) -> HasilPenilai | None:
    dasar = f"{aturan.sumber or 'tabel penilai instansi'} no. {aturan.nomor}: "
    dasar += f"{aturan.dinilai} dinilai oleh {aturan.penilai_teks}"
    for i, sasaran in enumerate(aturan.penilai):
        unit = _sasaran(peta, sasaran, jabatan)
        if unit is None:
            continue
        penilai = _kepala(peta, unit, jabatan, dinilai, dasar, kedalaman, dari_tabel=True)
        atasan_sasaran = aturan.atasan[min(i, len(aturan.atasan) - 1)]
        dasar_atasan = f"{aturan.sumber or 'tabel penilai instansi'} no. {aturan.nomor}: "
        dasar_atasan += f"atasan pejabat penilai {aturan.atasan_teks}"
        unit_atasan = _sasaran(peta, atasan_sasaran, jabatan)
        if unit_atasan is None:
            atasan = Penetapan(None, dasar_atasan + "; unit itu tidak ada dalam struktur")
        else:
            atasan = _sebagai_atasan(
                _kepala(peta, unit_atasan, jabatan, None, dasar_atasan, kedalaman, dari_tabel=True)
            )
        return HasilPenilai(penilai, atasan, rangkap_menurut_aturan=sasaran == atasan_sasaran)
    return None


def _bawaan(peta, jabatan: Jabatan, dinilai, kedalaman) -> HasilPenilai:
    unit = peta.unit[jabatan.unit_id]
    if jabatan.kepala_unit:
        sasaran = peta.unit.get(unit.induk_id) if unit.induk_id else "kepala_daerah"
        dasar = "ketentuan nasional: kepala unit dinilai oleh atasan langsungnya"
    else:
        sasaran = unit
        dasar = "ketentuan nasional: dinilai oleh atasan langsung, kepala unit kerjanya"
    penilai = _kepala(peta, sasaran, jabatan, dinilai, dasar, kedalaman)
    # The atasan is the rater's own rater.
    if penilai.pejabat is None or penilai.pejabat.kepala_daerah:
        atasan = Penetapan(penilai.pejabat, "pejabat penilai adalah pimpinan tertinggi")
        return HasilPenilai(penilai, atasan, rangkap_menurut_aturan=True)
    jabatan_penilai = peta.jabatan.get(penilai.pejabat.jabatan_id)
    if jabatan_penilai is None:
        atasan = Penetapan(None, "jabatan pejabat penilai tidak ditemukan")
    else:
        atas = _tentukan_aturan(peta, jabatan_penilai, None, kedalaman + 1).penilai
        atasan = _sebagai_atasan(
            Penetapan(atas.pejabat, f"atasan langsung pejabat penilai ({atas.alasan})")
        )
    return HasilPenilai(penilai, atasan)


def _sebagai_atasan(p: Penetapan) -> Penetapan:
    """Finality belongs to the rating, which the penilai gives, never to the atasan."""
    return Penetapan(p.pejabat, p.alasan.replace(_CATATAN_FINAL, ""))


def _sasaran(peta, sasaran: dict, jabatan: Jabatan):
    """The unit (or the agency head) a table target names, seen from `jabatan`."""
    cara = sasaran["cara"]
    if cara == "kepala_daerah":
        return "kepala_daerah"
    unit = peta.unit[jabatan.unit_id]
    awal = unit.induk_id if jabatan.kepala_unit else unit.id  # a head is not his own rater
    if cara == "kepala_kelompok":
        kelompok = peta.kelompok(unit.id)
        if kelompok is not None and kelompok.id == unit.id and jabatan.kepala_unit:
            kelompok = peta.kelompok(unit.induk_id) if unit.induk_id else None
        return kelompok
    if cara == "leluhur":
        return next((u for u in peta.rantai(awal) if u.jenis == sasaran["tipe"]), None)
    if cara == "dalam":
        if sasaran.get("induk"):
            akar = next((u for u in peta.rantai(awal) if u.jenis == sasaran["induk"]), None)
        else:
            akar = peta.kelompok(unit.id)
        if akar is None:
            return None
        return peta.cari_dalam(akar, sasaran["tipe"], sasaran.get("kode", ""))
    if cara == "instansi":
        for akar in peta.anak.get(None, []):
            if akar.jenis == sasaran["tipe"]:
                return akar
            if found := peta.cari_dalam(akar, sasaran["tipe"]):
                return found
        return None
    raise ValueError(f"Cara sasaran tidak dikenal: {cara}")


def _kepala(
    peta, unit, jabatan_dinilai, dinilai, dasar: str, kedalaman, dari_tabel=False
) -> Penetapan:
    """The person who heads `unit` on the date, or who stands in for a vacant head."""
    if unit == "kepala_daerah" or unit is None:
        kebijakan = peta.kebijakan
        pejabat = Pejabat(
            kebijakan.nama_kepala_daerah,
            kebijakan.jabatan_kepala_daerah,
            nip=kebijakan.nip_kepala_daerah,
            kepala_daerah=True,
        )
        final = jabatan_dinilai.jenis in JPT
        catatan = _CATATAN_FINAL if final else ""
        return Penetapan(pejabat, dasar + catatan, final=final)
    jabatan_kepala = peta.kepala.get(unit.id)
    if jabatan_kepala is None:
        return _naik_unit(peta, unit, jabatan_dinilai, dinilai, dasar, kedalaman, "tidak punya")
    pemegang = peta.definitif.get(jabatan_kepala.id)
    sebab_kosong = ""
    if pemegang is None:
        for p in peta.pelaksana.get(jabatan_kepala.id, []):
            if peta.kebijakan.plt_plh_otomatis:
                pemegang = p
                dasar += f"; jabatan {jabatan_kepala.nama} kosong, {_sebutan(p)} berwenang menilai"
                break
            if p.berwenang_menilai:
                pemegang = p
                dasar += (
                    f"; jabatan {jabatan_kepala.nama} kosong, {_sebutan(p)} diberi delegasi menilai"
                )
                break
            sebab_kosong = f", {_sebutan(p)} tidak diberi delegasi menilai"
    if pemegang is None:
        alasan = f"{dasar}; jabatan {jabatan_kepala.nama} kosong{sebab_kosong}"
        return _naik_jabatan(peta, jabatan_kepala, jabatan_dinilai, alasan, kedalaman)
    if dinilai is not None and pemegang.pegawai_id == dinilai.pegawai_id:
        alasan = f"{dasar}; {pemegang.nama} tidak menilai dirinya sendiri"
        return _naik_jabatan(peta, jabatan_kepala, jabatan_dinilai, alasan, kedalaman)
    if jabatan_kepala.jenis not in MANAJERIAL and not _boleh_non_manajerial(
        peta, pemegang, dinilai, jabatan_dinilai, dari_tabel
    ):
        alasan = (
            f"{dasar}; {jabatan_kepala.nama} bukan pejabat manajerial dan tidak diberi delegasi"
            " (penilai paling rendah pejabat pengawas, Pasal 1 angka 9)"
        )
        return _naik_jabatan(peta, jabatan_kepala, jabatan_dinilai, alasan, kedalaman)
    return Penetapan(_pejabat(peta, pemegang), dasar)


def _boleh_non_manajerial(peta, pemegang, dinilai, jabatan_dinilai, dari_tabel) -> bool:
    """A JF/pelaksana heading a unit may rate only by delegation (000:6384-6402): one
    given to the person, or the agency's rater table naming the post (a kepala sekolah
    in Perwal Bekasi 003:1347-1349). Never where the agency requires managerial raters,
    unless the ratee is exempt (Guru PPPK, 002:415)."""
    kebijakan = peta.kebijakan
    if kebijakan.jf_wajib_manajerial and not _dikecualikan(kebijakan, dinilai, jabatan_dinilai):
        return False
    return kebijakan.jf_kepala_boleh_menilai and (dari_tabel or pemegang.berwenang_menilai)


def _dikecualikan(kebijakan, dinilai, jabatan_dinilai) -> bool:
    for p in kebijakan.pengecualian_manajerial:
        status_cocok = not p.get("status") or (dinilai and dinilai.status == p["status"])
        # Plain words typed by an admin ("Guru"), so a substring, not a pattern.
        pola = p.get("pola_jabatan", "").casefold()
        if status_cocok and (not pola or pola in jabatan_dinilai.nama.casefold()):
            return True
    return False


def _naik_unit(peta, unit, jabatan_dinilai, dinilai, dasar, kedalaman, _sebab) -> Penetapan:
    induk = peta.unit.get(unit.induk_id) if unit.induk_id else "kepala_daerah"
    dasar = f"{dasar}; unit {unit.nama} tidak memiliki jabatan kepala, naik satu tingkat"
    if kedalaman > _BATAS_NAIK:
        return Penetapan(None, dasar)
    return _kepala(peta, induk, jabatan_dinilai, dinilai, dasar, kedalaman + 1)


def _naik_jabatan(
    peta, jabatan_kepala: Jabatan, jabatan_dinilai: Jabatan, alasan: str, kedalaman
) -> Penetapan:
    """Vacant or unable post: the post's own rater takes over (003:358; 000:6352-6356)."""
    atas = _tentukan_aturan(peta, jabatan_kepala, None, kedalaman + 1).penilai
    # Final depends on who is rated, not on the post skipped: an administrator rated by
    # the kepala daerah because the JPT post above him is vacant keeps his objection.
    final = bool(atas.pejabat and atas.pejabat.kepala_daerah and jabatan_dinilai.jenis in JPT)
    alasan_atas = atas.alasan.removesuffix(_CATATAN_FINAL)
    return Penetapan(
        atas.pejabat,
        f"{alasan}, sehingga dinilai atasan pejabat tersebut secara hierarki ({alasan_atas})"
        + (_CATATAN_FINAL if final else ""),
        final=final,
    )


def _pejabat(peta, p: Pemegang) -> Pejabat:
    jabatan = peta.jabatan.get(p.jabatan_id)
    return Pejabat(
        nama=p.nama,
        jabatan=p.jabatan_nama or (jabatan.nama if jabatan else ""),
        nip=p.nip,
        pegawai_id=p.pegawai_id,
        jabatan_id=p.jabatan_id,
        sebutan={"plt": "Plt.", "plh": "Plh."}.get(p.jenis, ""),
    )


def _sebutan(p: Pemegang) -> str:
    return f"{'Plt.' if p.jenis == 'plt' else 'Plh.'} {p.nama}"
