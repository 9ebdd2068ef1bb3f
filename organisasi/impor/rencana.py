"""The import plan (the dry run): the agency's organisation loaded once, then every
row's fate (baru, diperbarui, tetap or galat) with its reasons in Indonesian. Writes
nothing; terapkan.py writes a plan."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from ..models import (
    ImporData,
    Jabatan,
    JenisJabatan,
    JenisPenempatan,
    JenisUnit,
    JenjangFungsional,
    Pegawai,
    Penempatan,
    StatusPegawai,
    UnitKerja,
)
from ..nip import periksa_nip
from ..tanggal import tanggal_id
from ..tenancy import instansi_aktif_id
from .baca import (
    Tabel,
    baca_golongan,
    baca_jenis_jabatan,
    baca_jenis_unit,
    baca_status,
    baca_tanggal,
    kunci,
    nama_kunci,
    nip_dari_sel,
    pisah_gelar,
    teks,
)

# Rows per progress report and per write chunk.
SETIAP_BARIS = 200

BARU = "baru"
DIPERBARUI = "diperbarui"
TETAP = "tetap"
GALAT = "galat"
AKSI = (BARU, DIPERBARUI, TETAP, GALAT)

Progres = Callable[[int], None]


# --- The agency's organisation, loaded once -----------------------------------------


@dataclass(eq=False)
class Simpul:
    """A unit in the tree the plan works on: from the database, or new from this file."""

    nama: str
    jenis: str
    kode: str
    induk: Simpul | None
    unit: UnitKerja | None = None
    baris: int | None = None

    def jalur(self) -> str:
        bagian, s = [], self
        while s is not None and len(bagian) < 50:
            bagian.append(s.nama)
            s = s.induk
        return " / ".join(reversed(bagian))

    def kedalaman(self) -> int:
        n, s = 0, self.induk
        while s is not None and n < 50:
            n, s = n + 1, s.induk
        return n


class PohonUnit:
    """Units indexed by kode, by name and by (parent, name)."""

    def __init__(self, units: Iterable[UnitKerja] = ()):
        self.per_kode: dict[str, Simpul] = {}
        self.per_nama: dict[str, list[Simpul]] = defaultdict(list)
        self.anak: dict[tuple[Simpul | None, str], Simpul] = {}
        self.per_id: dict[int, Simpul] = {}
        units = list(units)
        for u in units:
            self.per_id[u.pk] = Simpul(u.nama, u.jenis, u.kode, None, unit=u)
        for u in units:
            s = self.per_id[u.pk]
            s.induk = self.per_id.get(u.induk_id)
            self._daftar(s)

    def _daftar(self, s: Simpul) -> None:
        if s.kode:
            self.per_kode.setdefault(s.kode.casefold(), s)
        self.per_nama[nama_kunci(s.nama)].append(s)
        self.anak.setdefault((s.induk, nama_kunci(s.nama)), s)

    def tambah(self, s: Simpul) -> None:
        self._daftar(s)

    def ubah(self, s: Simpul, *, nama: str, induk: Simpul | None, kode: str) -> None:
        if self.anak.get((s.induk, nama_kunci(s.nama))) is s:
            del self.anak[(s.induk, nama_kunci(s.nama))]
        self.per_nama[nama_kunci(s.nama)].remove(s)
        if s.kode and self.per_kode.get(s.kode.casefold()) is s:
            del self.per_kode[s.kode.casefold()]
        s.nama, s.induk, s.kode = nama, induk, kode
        self._daftar(s)

    def cari(self, ref: str) -> list[Simpul]:
        """Every unit the reference can mean: a kode, a (tail of a) path, or a name."""
        k = ref.strip().casefold()
        if k in self.per_kode:
            return [self.per_kode[k]]
        kandidat = list(self.per_nama.get(nama_kunci(ref), []))
        bagian = [nama_kunci(b) for b in re.split(r"\s+/\s+", ref.strip()) if b.strip()]
        if len(bagian) > 1:
            for s in self.per_nama.get(bagian[-1], []):
                if s not in kandidat and _jalur_cocok(s, bagian):
                    kandidat.append(s)
        return kandidat


def _jalur_cocok(s: Simpul | None, bagian: list[str]) -> bool:
    for b in reversed(bagian):
        if s is None or nama_kunci(s.nama) != b:
            return False
        s = s.induk
    return True


def _pesan_unit_ganda(ref: str, kandidat: list[Simpul]) -> str:
    jalur = sorted(s.jalur() for s in kandidat)
    daftar = "; ".join(jalur[:3]) + ("; ..." if len(jalur) > 3 else "")
    return (
        f"Unit '{ref}' ada di lebih dari satu tempat ({daftar}). Tulis jalurnya, "
        f"mis. '{jalur[0]}', atau kode unitnya."
    )


def _pesan_unit_tidak_ada(ref: str, peran: str) -> str:
    return (
        f"{peran} '{ref}' tidak ditemukan. Tulis kode unit, jalurnya (mis. 'Dinas Pendidikan "
        "/ Bidang Pendidikan Dasar'), atau namanya bila hanya ada satu."
    )


@dataclass
class DataInstansi:
    """The agency's organisation as it is now, each table read in one query."""

    pohon: PohonUnit
    jabatan: dict[tuple[int, str], Jabatan] = field(default_factory=dict)
    jabatan_per_id: dict[int, Jabatan] = field(default_factory=dict)
    unit_berkepala: set[int] = field(default_factory=set)
    pegawai: dict[str, Pegawai] = field(default_factory=dict)
    penempatan: dict[int, Penempatan] = field(default_factory=dict)  # pegawai id -> current

    @classmethod
    def muat(cls, jenis: str, tanggal: date) -> DataInstansi:
        data = cls(PohonUnit(UnitKerja.objects.all()))
        if jenis == ImporData.Jenis.UNIT:
            return data
        for j in Jabatan.objects.all():
            data.jabatan[(j.unit_id, nama_kunci(j.nama))] = j
            data.jabatan_per_id[j.pk] = j
            if j.kepala_unit:
                data.unit_berkepala.add(j.unit_id)
        data.pegawai = {p.nip: p for p in Pegawai.objects.all()}
        # The definitive placement not ended before the import date; the latest start wins.
        for p in (
            Penempatan.objects.filter(jenis=JenisPenempatan.DEFINITIF)
            .exclude(selesai__lt=tanggal)
            .order_by("mulai", "pk")
        ):
            data.penempatan[p.pegawai_id] = p
        return data


# --- The plan ------------------------------------------------------------------------


@dataclass(eq=False)
class RencanaBaris:
    nomor: int
    data: dict[str, str]
    galat: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    aksi: str = TETAP
    # What applying writes (units file).
    simpul: Simpul | None = None
    unit_diubah: bool = False
    # What applying writes (employees file).
    pegawai: Pegawai | None = None
    pegawai_diubah: bool = False
    jabatan: Jabatan | None = None
    tmt: date | None = None
    akhiri: Penempatan | None = None
    tempatkan: bool = False
    # Parsed values kept between passes.
    nilai: dict = field(default_factory=dict)

    @property
    def berlaku(self) -> bool:
        return not self.galat

    def sebagai_hasil(self) -> dict:
        return {
            "baris": self.nomor,
            "aksi": GALAT if self.galat else self.aksi,
            "data": self.data,
            "galat": self.galat,
            "catatan": self.catatan,
        }


@dataclass
class Rencana:
    jenis: str
    baris: list[RencanaBaris] = field(default_factory=list)
    galat_berkas: list[str] = field(default_factory=list)
    kolom_diabaikan: list[str] = field(default_factory=list)
    # Positions whose kind an explicit jenis_jabatan changes.
    jabatan_diubah: set[int] = field(default_factory=set)

    def ringkasan(self) -> dict:
        hitung = dict.fromkeys(AKSI, 0)
        for b in self.baris:
            hitung[GALAT if b.galat else b.aksi] += 1
        hitung["total"] = len(self.baris)
        if self.kolom_diabaikan:
            hitung["kolom_diabaikan"] = self.kolom_diabaikan
        return hitung

    @property
    def ada_galat(self) -> bool:
        return bool(self.galat_berkas) or any(b.galat for b in self.baris)

    def hasil(self) -> list[dict]:
        return [b.sebagai_hasil() for b in self.baris]


def _data_tampil(tabel: Tabel, sel: list) -> dict[str, str]:
    return {nama: teks(tabel.sel(sel, nama))[:300] for nama in tabel.kolom}


def _laporkan(progres: Progres | None, n: int) -> None:
    if progres is not None and n % SETIAP_BARIS == 0:
        progres(n)


def rencanakan(
    jenis: str, tabel: Tabel, data: DataInstansi, *, tanggal: date, progres: Progres | None = None
) -> Rencana:
    """Every row's fate; reads nothing from the database and writes nothing."""
    rencana = Rencana(jenis, galat_berkas=list(tabel.galat), kolom_diabaikan=tabel.diabaikan)
    if tabel.galat:
        return rencana
    if jenis == ImporData.Jenis.UNIT:
        _rencana_unit(rencana, tabel, data, progres)
    else:
        _rencana_pegawai(rencana, tabel, data, tanggal, progres)
    if progres is not None:
        progres(len(rencana.baris))
    return rencana


# Units file ---------------------------------------------------------------------------

_KODE = re.compile(r"[-a-z0-9_]{1,60}")


def _rencana_unit(rencana: Rencana, tabel: Tabel, data: DataInstansi, progres) -> None:
    pohon = data.pohon
    kode_dipakai: dict[str, int] = {}
    for i, (nomor, sel) in enumerate(tabel.baris, start=1):
        b = RencanaBaris(nomor, _data_tampil(tabel, sel))
        rencana.baris.append(b)
        nama = teks(tabel.sel(sel, "nama"))
        if not nama:
            b.galat.append("Nama unit wajib diisi.")
        elif len(nama) > 200:
            b.galat.append("Nama unit paling panjang 200 karakter.")
        try:
            jenis = baca_jenis_unit(teks(tabel.sel(sel, "jenis")))
        except ValidationError as exc:
            b.galat += exc.messages
            jenis = None
        kode = teks(tabel.sel(sel, "kode")).lower()
        if kode and not _KODE.fullmatch(kode):
            b.galat.append(
                f"Kode '{kode}' tidak sah: pakai huruf kecil, angka dan tanda hubung saja, "
                "paling panjang 60."
            )
        elif kode in kode_dipakai:
            b.galat.append(f"Kode '{kode}' sudah dipakai di baris {kode_dipakai[kode]}.")
        elif kode:
            kode_dipakai[kode] = nomor
        b.nilai = {
            "nama": nama,
            "jenis": jenis,
            "kode": kode,
            "induk": teks(tabel.sel(sel, "induk")),
        }
        _laporkan(progres, i)

    # Rows may name a parent defined further down; resolve until nothing moves. While
    # some row is unresolved, a reference that might mean it waits, so the outcome does
    # not depend on the order of the rows.
    belum = [b for b in rencana.baris if b.berlaku]
    per_baris_galat = {}
    for b in rencana.baris:
        if b.galat:
            for k in (b.nilai["kode"], nama_kunci(b.nilai["nama"])):
                if k:
                    per_baris_galat.setdefault(k, b.nomor)
    menunggu_kode = defaultdict(int)
    menunggu_nama = defaultdict(int)
    for b in belum:
        if b.nilai["kode"]:
            menunggu_kode[b.nilai["kode"]] += 1
        menunggu_nama[nama_kunci(b.nilai["nama"])] += 1
    diklaim: dict[int, int] = {}  # id(simpul) -> row number

    def selesai(b):
        if b.nilai["kode"]:
            menunggu_kode[b.nilai["kode"]] -= 1
        menunggu_nama[nama_kunci(b.nilai["nama"])] -= 1

    def mungkin_menunggu(b, ref):
        sendiri_kode = b.nilai["kode"]
        sendiri_nama = nama_kunci(b.nilai["nama"])
        k = ref.strip().casefold()
        if menunggu_kode.get(k, 0) - (k == sendiri_kode) > 0:
            return True
        ekor = nama_kunci(re.split(r"\s+/\s+", ref.strip())[-1])
        for n in {nama_kunci(ref), ekor}:
            if menunggu_nama.get(n, 0) - (n == sendiri_nama) > 0:
                return True
        return False

    for boleh_menunggu in (True, False):
        bergerak = True
        while belum and bergerak:
            bergerak = False
            sisa = []
            for b in belum:
                ref = b.nilai["induk"]
                if ref and boleh_menunggu and mungkin_menunggu(b, ref):
                    sisa.append(b)
                    continue
                bergerak = True
                selesai(b)
                _tempatkan_unit(b, ref, pohon, diklaim, per_baris_galat)
                if b.galat:
                    for k in (b.nilai["kode"], nama_kunci(b.nilai["nama"])):
                        if k:
                            per_baris_galat.setdefault(k, b.nomor)
            belum = sisa

    for b in rencana.baris:
        if b.berlaku:
            b.catatan.insert(0, f"Jalur: {b.simpul.jalur()}")


def _tempatkan_unit(b: RencanaBaris, ref: str, pohon: PohonUnit, diklaim, per_baris_galat):
    nama, jenis, kode = b.nilai["nama"], b.nilai["jenis"], b.nilai["kode"]
    induk = None
    if ref:
        kandidat = pohon.cari(ref)
        if len(kandidat) > 1:
            b.galat.append(_pesan_unit_ganda(ref, kandidat))
            return
        if not kandidat:
            nomor = per_baris_galat.get(ref.strip().casefold()) or per_baris_galat.get(
                nama_kunci(re.split(r"\s+/\s+", ref.strip())[-1])
            )
            if nomor:
                b.galat.append(f"Unit induk '{ref}' (baris {nomor}) juga bergalat.")
            else:
                b.galat.append(_pesan_unit_tidak_ada(ref, "Unit induk"))
            return
        induk = kandidat[0]

    # Which unit the row is: by kode first, else by parent and name.
    ada = pohon.per_kode.get(kode) if kode else None
    if ada is None:
        ada = pohon.anak.get((induk, nama_kunci(nama)))
    if ada is not None and id(ada) in diklaim:
        b.galat.append(f"Unit ini sama dengan baris {diklaim[id(ada)]}.")
        return
    if ada is None:
        s = Simpul(nama, jenis, kode, induk, baris=b.nomor)
        pohon.tambah(s)
        diklaim[id(s)] = b.nomor
        b.simpul, b.aksi = s, BARU
        return

    # An existing unit: an empty induk keeps its parent (empty cells never erase).
    induk_baru = induk if ref else ada.induk
    kode_baru = kode or ada.kode
    s = induk_baru
    while s is not None:
        if s is ada:
            b.galat.append(f"Unit induk '{ref}' berada di bawah unit ini sendiri.")
            return
        s = s.induk
    saudara = pohon.anak.get((induk_baru, nama_kunci(nama)))
    if saudara is not None and saudara is not ada:
        b.galat.append(
            f"Sudah ada unit '{saudara.nama}' di bawah "
            f"'{induk_baru.jalur() if induk_baru else '(teratas)'}'."
        )
        return
    perubahan = []
    if ada.nama != nama:
        perubahan.append(f"Nama: {ada.nama} → {nama}")
    if ada.induk is not induk_baru:
        lama = ada.induk.jalur() if ada.induk else "(teratas)"
        perubahan.append(f"Induk: {lama} → {induk_baru.jalur() if induk_baru else '(teratas)'}")
    if ada.jenis != jenis:
        perubahan.append(f"Jenis: {JenisUnit(ada.jenis).label} → {JenisUnit(jenis).label}")
    if ada.kode != kode_baru:
        perubahan.append(f"Kode: {ada.kode or '(kosong)'} → {kode_baru}")
    diklaim[id(ada)] = b.nomor
    pohon.ubah(ada, nama=nama, induk=induk_baru, kode=kode_baru)
    ada.jenis = jenis
    b.simpul = ada
    b.catatan += perubahan
    b.aksi = DIPERBARUI if perubahan else TETAP
    b.unit_diubah = bool(perubahan)


# Employees file -----------------------------------------------------------------------

KATA_KEPALA = ("kepala", "sekretaris", "camat", "lurah", "inspektur", "direktur", "asisten")
_SEKOLAH = {JenisUnit.SEKOLAH_TK, JenisUnit.SEKOLAH_SD, JenisUnit.SEKOLAH_SMP}
# The unit kinds each head word (other than "kepala") names the head of.
_KEPALA_SESUAI = {
    "sekretaris": {JenisUnit.SEKRETARIAT, JenisUnit.SEKRETARIAT_DAERAH,
                   JenisUnit.SEKRETARIAT_DPRD},
    "camat": {JenisUnit.KECAMATAN},
    "lurah": {JenisUnit.KELURAHAN},
    "inspektur": {JenisUnit.INSPEKTORAT, JenisUnit.INSPEKTUR_PEMBANTU},
    "direktur": {JenisUnit.RSUD, JenisUnit.DIREKTORAT, JenisUnit.UNIT_ESELON_I},
    "asisten": {JenisUnit.ASISTEN},
}  # fmt: skip
# The kind of position that heads a unit of each kind (when jenis_jabatan is empty).
JENIS_KEPALA_UNIT = {
    **dict.fromkeys(
        [JenisUnit.SEKRETARIAT_DAERAH, JenisUnit.SEKRETARIAT_DPRD, JenisUnit.INSPEKTORAT,
         JenisUnit.DINAS, JenisUnit.DINAS_UPTD, JenisUnit.DINAS_PENDIDIKAN, JenisUnit.BADAN,
         JenisUnit.BADAN_UPTD, JenisUnit.SATPOL_PP, JenisUnit.RSUD, JenisUnit.BPBD,
         JenisUnit.ASISTEN, JenisUnit.DIREKTORAT],
        JenisJabatan.JPT_PRATAMA,
    ),
    JenisUnit.UNIT_ESELON_I: JenisJabatan.JPT_MADYA,
    **dict.fromkeys(
        [JenisUnit.KECAMATAN, JenisUnit.SEKRETARIAT, JenisUnit.BAGIAN, JenisUnit.BIDANG,
         JenisUnit.INSPEKTUR_PEMBANTU, JenisUnit.WAKIL_DIREKTUR, JenisUnit.SUBDIREKTORAT],
        JenisJabatan.ADMINISTRATOR,
    ),
    **dict.fromkeys(
        [JenisUnit.SUB_BAGIAN, JenisUnit.SUB_BIDANG, JenisUnit.SEKSI, JenisUnit.KELURAHAN,
         JenisUnit.UPTD, JenisUnit.INSTALASI, JenisUnit.UPP],
        JenisJabatan.PENGAWAS,
    ),
    **dict.fromkeys(_SEKOLAH, JenisJabatan.FUNGSIONAL),
}  # fmt: skip
_JENJANG = [(kunci(label), nilai) for nilai, label in JenjangFungsional.choices]


def jenjang_dari_nama(nama: str) -> str:
    k = f" {kunci(nama)} "
    return next((nilai for label, nilai in _JENJANG if f" {label} " in k), "")


def fungsional_dari_nama(nama: str) -> bool:
    k = kunci(nama)
    return bool(jenjang_dari_nama(nama)) or k.startswith("guru") or " ahli " in f" {k} "


def kata_kepala(nama: str) -> str | None:
    pertama = kunci(nama).split(" ", 1)[0]
    return pertama if pertama in KATA_KEPALA else None


def nama_sesuai_unit(nama: str, unit: Simpul) -> bool:
    """Whether a head-word position name names the head of this very unit."""
    kata = kata_kepala(nama)
    if kata is None:
        return False
    if kata != "kepala":
        return unit.jenis in _KEPALA_SESUAI[kata]
    sisa = kunci(nama).removeprefix("kepala").replace(" ", "")
    if sisa.startswith("sekolah") and unit.jenis in _SEKOLAH:
        return True
    return bool(sisa) and sisa in kunci(unit.nama).replace(" ", "")


PEGAWAI_DIUBAH = ["nama", "gelar_depan", "gelar_belakang", "status", "golongan", "email", "aktif"]


def _rencana_pegawai(rencana: Rencana, tabel: Tabel, data: DataInstansi, tanggal, progres):
    instansi_id = instansi_aktif_id()
    per_nip: dict[str, list[RencanaBaris]] = defaultdict(list)
    ada_kolom_gelar = "gelar" in tabel.kolom
    for i, (nomor, sel) in enumerate(tabel.baris, start=1):
        b = RencanaBaris(nomor, _data_tampil(tabel, sel))
        rencana.baris.append(b)
        _baca_baris_pegawai(b, tabel, sel, data, tanggal, ada_kolom_gelar)
        if "nip" in b.nilai:
            per_nip[b.nilai["nip"]].append(b)
        _laporkan(progres, i)

    for nip, daftar in per_nip.items():
        if len(daftar) > 1:
            for b in daftar:
                lain = ", ".join(str(x.nomor) for x in daftar if x is not b)
                b.galat.append(
                    f"NIP {nip} muncul lebih dari sekali dalam berkas (juga baris {lain})."
                )

    _rencana_jabatan(rencana, data, instansi_id)
    for b in rencana.baris:
        if b.berlaku:
            _rencana_pegawai_baris(b, data, instansi_id)


def _baca_baris_pegawai(b, tabel, sel, data: DataInstansi, tanggal, ada_kolom_gelar):
    def ambil(nama):
        return teks(tabel.sel(sel, nama))

    try:
        info = periksa_nip(nip_dari_sel(tabel.sel(sel, "nip")), tanggal)
        b.nilai["nip"] = info.nip
    except ValidationError as exc:
        b.galat += exc.messages
        info = None

    nama = ambil("nama")
    if not nama:
        b.galat.append("Nama wajib diisi.")
    elif len(nama) > 200:
        b.galat.append("Nama paling panjang 200 karakter.")

    depan, belakang = ambil("gelar_depan"), ambil("gelar_belakang")
    if ada_kolom_gelar and not (depan or belakang):
        depan, belakang = pisah_gelar(ambil("gelar"))
    if len(depan) > 50:
        b.galat.append("Gelar depan paling panjang 50 karakter.")
    if len(belakang) > 80:
        b.galat.append("Gelar belakang paling panjang 80 karakter.")

    status = None
    try:
        status = baca_status(ambil("status"))
    except ValidationError as exc:
        b.galat += exc.messages
    golongan = None
    if status:
        try:
            golongan = baca_golongan(ambil("golongan"), status)
        except ValidationError as exc:
            b.galat += exc.messages
        if info is not None and info.pppk and status == StatusPegawai.PNS:
            b.galat.append("NIP ini berformat NI PPPK (angka ke-13 adalah 2), tetapi status PNS.")
        elif info is not None and not info.pppk and status == StatusPegawai.PPPK:
            b.galat.append("NIP ini berformat NIP PNS (angka ke-13 dan ke-14 bulan TMT), "
                           "tetapi status PPPK.")  # fmt: skip

    jabatan = ambil("jabatan")
    if not jabatan:
        b.galat.append("Jabatan wajib diisi.")
    elif len(jabatan) > 200:
        b.galat.append("Nama jabatan paling panjang 200 karakter.")
    jenis_jabatan = None
    try:
        jenis_jabatan = baca_jenis_jabatan(ambil("jenis_jabatan"))
    except ValidationError as exc:
        b.galat += exc.messages

    ref = ambil("unit")
    unit = None
    if not ref:
        b.galat.append("Unit kerja wajib diisi.")
    else:
        kandidat = data.pohon.cari(ref)
        if len(kandidat) > 1:
            b.galat.append(_pesan_unit_ganda(ref, kandidat))
        elif not kandidat:
            b.galat.append(
                _pesan_unit_tidak_ada(ref, "Unit kerja") + " Impor unit kerja terlebih dahulu."
            )
        else:
            unit = kandidat[0]

    email = ambil("email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            b.galat.append(f"Email '{email}' tidak valid.")

    try:
        tmt = baca_tanggal(tabel.sel(sel, "tmt_jabatan")) or tanggal
    except ValidationError as exc:
        b.galat += exc.messages
        tmt = tanggal
    b.nilai.update(
        nama=nama, gelar_depan=depan, gelar_belakang=belakang, status=status, golongan=golongan,
        jabatan=jabatan, jenis_jabatan=jenis_jabatan, unit=unit, email=email, tmt=tmt,
    )  # fmt: skip


def _label_jenis(jenis: str) -> str:
    return JenisJabatan(jenis).label


def _rencana_jabatan(rencana: Rencana, data: DataInstansi, instansi_id: int) -> None:
    """Positions by unit and name: reuse, update the kind when given, or plan a new one."""
    eksplisit: dict[tuple[int, str], tuple[str, int]] = {}
    baru: dict[tuple[int, str], list[RencanaBaris]] = defaultdict(list)
    for b in rencana.baris:
        if not b.berlaku:
            continue
        unit = b.nilai["unit"]
        k = (unit.unit.pk, nama_kunci(b.nilai["jabatan"]))
        jenis = b.nilai["jenis_jabatan"]
        if jenis:
            if k in eksplisit and eksplisit[k][0] != jenis:
                nilai, nomor = eksplisit[k]
                b.galat.append(
                    f"Jenis jabatan '{b.nilai['jabatan']}' di unit ini berbeda dengan baris "
                    f"{nomor} ({_label_jenis(nilai)})."
                )
                continue
            eksplisit.setdefault(k, (jenis, b.nomor))
        ada = data.jabatan.get(k)
        if ada is not None:
            b.jabatan = ada
            if jenis and ada.jenis != jenis and ada.pk not in rencana.jabatan_diubah:
                b.catatan.append(
                    f"Jenis jabatan {ada.nama}: {_label_jenis(ada.jenis)} → {_label_jenis(jenis)}"
                )
                ada.jenis = jenis
                ada.jenjang = (
                    jenjang_dari_nama(ada.nama) if jenis == JenisJabatan.FUNGSIONAL else ""
                )
                rencana.jabatan_diubah.add(ada.pk)
                b.aksi = DIPERBARUI
        else:
            baru[k].append(b)

    # Head posts first by explicit kind, then in file order (see the module docstring).
    urutan = sorted(baru.items(), key=lambda kv: (kv[0] not in eksplisit, kv[1][0].nomor))
    for k, daftar in urutan:
        contoh = daftar[0]
        nama, unit = contoh.nilai["jabatan"], contoh.nilai["unit"]
        jenis = eksplisit.get(k, (None,))[0]
        kepala = False
        if kata_kepala(nama) and k[0] not in data.unit_berkepala:
            if jenis:
                kepala = jenis != JenisJabatan.PELAKSANA
            elif nama_sesuai_unit(nama, unit) and unit.jenis in JENIS_KEPALA_UNIT:
                kepala, jenis = True, JENIS_KEPALA_UNIT[unit.jenis]
        if jenis is None:
            jenis = (
                JenisJabatan.FUNGSIONAL if fungsional_dari_nama(nama) else JenisJabatan.PELAKSANA
            )
        jabatan = Jabatan(
            instansi_id=instansi_id,
            nama=nama,
            unit=unit.unit,
            jenis=jenis,
            jenjang=jenjang_dari_nama(nama) if jenis == JenisJabatan.FUNGSIONAL else "",
            kepala_unit=kepala,
        )
        if kepala:
            data.unit_berkepala.add(k[0])
        data.jabatan[k] = jabatan
        keterangan = _label_jenis(jenis) + (", kepala unit" if kepala else "")
        for b in daftar:
            b.jabatan = jabatan
        contoh.catatan.append(f"Jabatan baru: {nama} ({keterangan})")


def _rencana_pegawai_baris(b: RencanaBaris, data: DataInstansi, instansi_id: int) -> None:
    v = b.nilai
    b.tmt = v["tmt"]
    unit_teks = v["unit"].jalur()
    pegawai = data.pegawai.get(v["nip"])
    if pegawai is None:
        b.pegawai = Pegawai(
            instansi_id=instansi_id,
            nip=v["nip"],
            nama=v["nama"],
            gelar_depan=v["gelar_depan"],
            gelar_belakang=v["gelar_belakang"],
            status=v["status"],
            golongan=v["golongan"],
            email=v["email"],
        )
        b.pegawai_diubah = b.tempatkan = True
        b.aksi = BARU
        b.catatan.append(f"Jabatan: {v['jabatan']} di {unit_teks}, mulai {tanggal_id(b.tmt)}")
        return

    b.pegawai = pegawai
    perubahan = []
    for kolom, label in (("nama", "Nama"), ("gelar_depan", "Gelar depan"),
                         ("gelar_belakang", "Gelar belakang"), ("status", "Status"),
                         ("golongan", "Golongan"), ("email", "Email")):  # fmt: skip
        baru, lama = v[kolom], getattr(pegawai, kolom)
        if baru and baru != lama:
            tampil = StatusPegawai(baru).label if kolom == "status" else baru
            tampil_lama = StatusPegawai(lama).label if kolom == "status" and lama else lama
            perubahan.append(f"{label}: {tampil_lama or '(kosong)'} → {tampil}")
            setattr(pegawai, kolom, baru)
    if not pegawai.aktif:
        # Someone in the current export is serving again.
        perubahan.append("Diaktifkan kembali")
        pegawai.aktif = True
    b.pegawai_diubah = bool(perubahan)

    sekarang = data.penempatan.get(pegawai.pk)
    if sekarang is None or sekarang.jabatan_id != b.jabatan.pk:
        if sekarang is not None:
            if b.tmt <= sekarang.mulai:
                b.galat.append(
                    f"TMT jabatan ({tanggal_id(b.tmt)}) harus sesudah mulai jabatan sekarang "
                    f"({tanggal_id(sekarang.mulai)}); isi kolom tmt_jabatan."
                )
                return
            sekarang.selesai = b.tmt - timedelta(days=1)
            b.akhiri = sekarang
            lama = data.jabatan_per_id.get(sekarang.jabatan_id)
            perubahan.append(
                f"Jabatan {lama.nama if lama else ''} berakhir {tanggal_id(sekarang.selesai)}; "
                f"jabatan baru {v['jabatan']} di {unit_teks} mulai {tanggal_id(b.tmt)}"
            )
        else:
            perubahan.append(f"Jabatan: {v['jabatan']} di {unit_teks}, mulai {tanggal_id(b.tmt)}")
        b.tempatkan = True
    b.catatan += perubahan
    if perubahan:
        b.aksi = DIPERBARUI
