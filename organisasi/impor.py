"""The BKD admin's import of units and employees from a SIASN export (CSV or XLSX).

Two steps, both run by the worker (organisasi.tasks):
1. Pratinjau (dry run): every row's fate — baru, diperbarui, tetap or galat, with the
   reasons in Indonesian — and nothing written.
2. Terapkan: the same plan is made again against the data as it is now and written in
   one transaction; a file with errors changes nothing unless the admin chose to apply
   only the valid rows.

Lookups never query per row: the agency's units, positions, employees and open
placements are loaded once into dicts, and writes are bulk per chunk of rows, so 10,000
rows cost a few hundred queries. Every write keeps its audit record (simple-history,
change reason "Impor <nama_berkas>").

Units are named by `kode`, by a path "Dinas Pendidikan / Bidang Pendidikan Dasar /
Seksi SD" (its tail is enough when that is unique), or by a name unique in the agency.

Positions are matched by unit and name. A new position's kind (jenis) comes from the
jenis_jabatan column; when that is empty: a name with a functional grade (Ahli, Terampil,
Mahir, Penyelia, Pemula) or starting with "Guru" is fungsional, otherwise pelaksana.
A new position heads its unit (kepala_unit) only when the unit has no head yet (in the
database or from an earlier row; rows with jenis_jabatan filled in go first) and its name
starts with a head word (Kepala, Sekretaris, Camat, Lurah, Inspektur, Direktur, Asisten)
and either jenis_jabatan gives a kind other than Pelaksana, or — jenis_jabatan empty —
the name fits the unit (after "Kepala" comes the unit's name, e.g. "Kepala Seksi SD" in
"Seksi SD", or "Kepala Sekolah" in a school; Camat in a kecamatan, Lurah in a kelurahan,
Sekretaris in a sekretariat, ...), and then the kind follows the unit's kind (Dinas: JPT
Pratama, Bidang: Administrator, Seksi: Pengawas, school: Fungsional). An existing
position's head flag is never changed by an import.

An empty optional cell never erases a stored value; it is left as it is.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from .models import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
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
from .nip import periksa_nip
from .tanggal import tanggal_id
from .tenancy import PENGATURAN_DB, instansi_aktif_id

logger = logging.getLogger(__name__)

MAKS_UKURAN = 10 * 1024 * 1024
MAKS_BARIS = 20_000
# Rows per progress report and per write chunk.
SETIAP_BARIS = 200

BARU = "baru"
DIPERBARUI = "diperbarui"
TETAP = "tetap"
GALAT = "galat"
AKSI = (BARU, DIPERBARUI, TETAP, GALAT)

Progres = Callable[[int], None]


# --- Column spec ---------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    nama: str
    wajib: bool
    alias: tuple[str, ...]
    keterangan: str


KOLOM_UNIT = (
    Kolom(
        "nama",
        True,
        ("nama unit", "nama unit kerja", "unit kerja", "unor", "nama unor", "unor nama"),
        "Nama unit kerja, mis. Seksi Kurikulum SD.",
    ),
    Kolom(
        "induk",
        False,
        (
            "unit induk",
            "induk unit",
            "kode induk",
            "unor induk",
            "unor induk nama",
            "nama unor induk",
            "diatasan",
            "atasan",
        ),
        "Unit di atasnya: kodenya, jalurnya (Dinas Pendidikan / Bidang Pendidikan Dasar), "
        "atau namanya bila hanya satu. Kosong untuk unit teratas.",
    ),  # fmt: skip
    Kolom(
        "jenis",
        True,
        ("jenis unit", "tipe unit", "tipe"),
        "Jenis unit, mis. Dinas, Badan, Bidang, Seksi, Sub Bagian, Kecamatan, Kelurahan, "
        "UPTD, Sekolah Dasar.",
    ),
    Kolom(
        "kode",
        False,
        ("kode unit", "kode unor", "id unor", "unor id"),
        "Kode singkat yang unik, mis. seksi-kurikulum-sd (huruf kecil, angka, tanda hubung).",
    ),
)

KOLOM_PEGAWAI = (
    Kolom(
        "nip",
        True,
        ("nip baru", "nip ni pppk", "ni pppk", "nip pppk", "nomor induk pegawai"),
        "18 angka (NIP PNS atau NI PPPK). Di Excel, format kolom ini sebagai Teks.",
    ),
    Kolom("nama", True, ("nama pegawai", "nama lengkap"), "Nama tanpa gelar."),
    Kolom("gelar_depan", False, ("gelar depan",), "Mis. Dr., dr., Ir., Drs."),
    Kolom("gelar_belakang", False, ("gelar belakang",), "Mis. S.Kom., M.Si."),
    Kolom(
        "gelar",
        False,
        ("gelar akademik",),
        "Bila gelar dalam satu kolom: gelar depan dikenali (Dr., dr., Ir., Drs., Prof., H., "
        "Hj., Ns., apt.), sisanya menjadi gelar belakang.",
    ),
    Kolom(
        "status",
        True,
        ("status pegawai", "jenis pegawai", "status asn", "jenis asn"),
        "PNS atau PPPK (CPNS dicatat sebagai PNS).",
    ),
    Kolom(
        "golongan",
        True,
        (
            "gol",
            "gol ruang",
            "golongan ruang",
            "pangkat golongan",
            "gol akhir",
            "gol akhir nama",
            "golongan akhir",
        ),
        "PNS: III/a (juga III/A, IIIa, 3a); PPPK: I sampai XVII (juga 9).",
    ),  # fmt: skip
    Kolom(
        "jabatan",
        True,
        ("jabatan nama", "nama jabatan"),
        "Nama jabatan, mis. Analis Kepegawaian Ahli Muda.",
    ),
    Kolom(
        "jenis_jabatan",
        False,
        ("jenis jabatan", "jenis jabatan nama"),
        "JPT Pratama, Administrator, Pengawas, Pelaksana atau Fungsional. Kosong: "
        "ditentukan dari nama jabatan.",
    ),
    Kolom(
        "unit",
        True,
        ("unit kerja", "unor", "unor nama", "nama unor", "kode unit"),
        "Kode unit, jalurnya (Dinas Pendidikan / Bidang Pendidikan Dasar / Seksi SD), atau "
        "namanya bila hanya ada satu unit bernama itu.",
    ),
    Kolom("email", False, ("e mail", "surel", "alamat email"), "Alamat email pegawai."),
    Kolom(
        "tmt_jabatan",
        False,
        ("tmt jabatan", "tmt", "tanggal mulai jabatan"),
        "Tanggal mulai jabatan: hh-bb-tttt atau tttt-bb-hh. Kosong: tanggal unggah.",
    ),
)

SPESIFIKASI = {ImporData.Jenis.UNIT: KOLOM_UNIT, ImporData.Jenis.PEGAWAI: KOLOM_PEGAWAI}


def kunci(teks: str) -> str:
    """Compare text the way people mean it: case, spacing and punctuation ignored."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", teks.casefold()).split())


def nama_kunci(teks: str) -> str:
    """Names of units and positions: case and spacing ignored, punctuation kept."""
    return " ".join(teks.split()).casefold()


def kolom_templat(jenis: str) -> list[str]:
    """Headers of the downloadable template (the single `gelar` column is an alternative)."""
    return [k.nama for k in SPESIFIKASI[jenis] if k.nama != "gelar"]


# --- Reading files -------------------------------------------------------------------


@dataclass
class Tabel:
    kolom: dict[str, int] = field(default_factory=dict)  # column name -> cell index
    baris: list[tuple[int, list]] = field(default_factory=list)  # (row number, cells)
    diabaikan: list[str] = field(default_factory=list)  # headers not recognised
    galat: list[str] = field(default_factory=list)  # errors that reject the whole file

    def sel(self, sel: list, nama: str):
        i = self.kolom.get(nama)
        return sel[i] if i is not None and i < len(sel) else None


def teks(nilai) -> str:
    """A cell as text, spaces collapsed (Excel cells carry non-breaking spaces too)."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    if isinstance(nilai, datetime):
        return nilai.date().isoformat()
    return " ".join(str(nilai).replace("\xa0", " ").split())


def _baris_csv(isi: bytes) -> list[list]:
    try:
        tulisan = isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "Berkas CSV harus berenkode UTF-8. Di Excel, simpan dengan pilihan "
            "'CSV UTF-8 (Comma delimited)'."
        ) from None
    baris_pertama = next((b for b in tulisan.splitlines() if b.strip()), "")
    # Excel writes ';' where the list separator is ',' for decimals (Indonesian locale).
    pemisah = max((";", ",", "\t"), key=baris_pertama.count)
    try:
        return list(csv.reader(io.StringIO(tulisan, newline=""), delimiter=pemisah))
    except csv.Error as exc:
        raise ValidationError(f"Berkas CSV tidak dapat dibaca: {exc}.") from None


def _baris_xlsx(isi: bytes) -> list[list]:
    import openpyxl

    try:
        buku = openpyxl.load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(
            "Berkas Excel tidak dapat dibaca; simpan ulang sebagai .xlsx (Excel Workbook)."
        ) from exc
    try:
        lembar = buku.active or buku.worksheets[0]
        hasil = []
        for sel in lembar.iter_rows(values_only=True):
            hasil.append(list(sel))
            if len(hasil) > MAKS_BARIS + 20:
                break
        return hasil
    finally:
        buku.close()


def _cocokkan_judul(judul: list, spesifikasi) -> tuple[dict[str, int], dict[str, list[str]]]:
    peta = {}
    for k in spesifikasi:
        for nama in (k.nama, *k.alias):
            peta[kunci(nama)] = k.nama
    kolom, asal = {}, defaultdict(list)
    for i, j in enumerate(judul):
        nama = peta.get(kunci(teks(j)))
        if nama:
            asal[nama].append(teks(j))
            kolom.setdefault(nama, i)
    return kolom, asal


def baca_tabel(nama_berkas: str, isi: bytes, jenis: str) -> Tabel:
    """The file's header and data rows; file-level problems land in `galat`, not exceptions."""
    spesifikasi = SPESIFIKASI[jenis]
    tabel = Tabel()
    try:
        xlsx = nama_berkas.lower().endswith(".xlsx")
        semua = _baris_xlsx(isi) if xlsx else _baris_csv(isi)
    except ValidationError as exc:
        tabel.galat = exc.messages
        return tabel

    # The header is the first row naming at least two known columns (an export may
    # carry a title above it).
    for indeks in range(min(10, len(semua))):
        judul = semua[indeks]
        kolom, asal = _cocokkan_judul(judul, spesifikasi)
        if len(kolom) >= 2:
            break
    else:
        tabel.galat = [
            "Baris judul kolom tidak ditemukan. Baris pertama berkas harus berisi nama kolom, "
            "mis. " + ", ".join(kolom_templat(jenis)) + "."
        ]
        return tabel

    tabel.kolom = kolom
    tabel.diabaikan = [teks(j) for i, j in enumerate(judul) if teks(j) and i not in kolom.values()]
    for nama, daftar in asal.items():
        if len(daftar) > 1:
            tabel.galat.append(
                f"Kolom {nama} muncul lebih dari sekali ({', '.join(daftar)}); sisakan satu."
            )
    for k in spesifikasi:
        if k.wajib and k.nama not in kolom:
            alias = ", ".join(k.alias[:3])
            tabel.galat.append(
                f"Kolom wajib '{k.nama}' tidak ada. Tambahkan kolom berjudul {k.nama}"
                + (f" (atau {alias})." if alias else ".")
            )
    for nomor, sel in enumerate(semua[indeks + 1 :], start=indeks + 2):
        if any(teks(s) for s in sel):
            tabel.baris.append((nomor, sel))
    if len(tabel.baris) > MAKS_BARIS:
        tabel.galat.append(
            f"Berkas berisi lebih dari {MAKS_BARIS:,} baris data; pecah menjadi beberapa "
            "berkas.".replace(",", ".")
        )
    elif not tabel.baris and not tabel.galat:
        tabel.galat.append("Berkas tidak berisi baris data di bawah judul kolom.")
    return tabel


# --- Values --------------------------------------------------------------------------

_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
           "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]  # fmt: skip
_GOL_PNS = re.compile(r"(?<![a-z])(iv|iii|ii|i|[1-4])\s*[/.\-]?\s*([a-e])(?![a-z])", re.I)
_GOL_PPPK = re.compile(r"(?:gol(?:ongan)?\.?\s*)?([ivx]+|\d{1,2})", re.I)
_ANGKA_ROMAWI = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def baca_status(nilai: str) -> str:
    k = kunci(nilai).replace(" ", "")
    if k in {"pns", "cpns"}:
        return StatusPegawai.PNS
    if k in {"pppk", "p3k"}:
        return StatusPegawai.PPPK
    if not k:
        raise ValidationError("Status wajib diisi: PNS atau PPPK.")
    raise ValidationError(f"Status '{nilai}' tidak dikenal; tulis PNS atau PPPK.")


def baca_golongan(nilai: str, status: str) -> str:
    """Normalise a golongan as people write it ("III/A", "IIIa", "3a"; PPPK "IX", "9")."""
    if not nilai:
        raise ValidationError("Golongan wajib diisi.")
    pns = _GOL_PNS.search(nilai)
    pppk = _GOL_PPPK.fullmatch(nilai.strip())
    gol_pns = None
    if pns:
        gol_pns = f"{_ANGKA_ROMAWI.get(pns[1], pns[1].upper())}/{pns[2].lower()}"
    gol_pppk = None
    if pppk:
        g = pppk[1].upper()
        if g.isdigit():
            g = _ROMAWI[int(g) - 1] if 1 <= int(g) <= len(_ROMAWI) else f"{g}?"
        gol_pppk = g
    if status == StatusPegawai.PNS:
        if gol_pns in GOLONGAN_PNS:
            return gol_pns
        if gol_pns:
            raise ValidationError(
                f"Golongan {gol_pns} tidak ada; golongan PNS I/a sampai IV/e "
                "(ruang e hanya untuk golongan IV)."
            )
        if gol_pppk in GOLONGAN_PPPK:
            raise ValidationError(
                f"Golongan '{nilai}' bukan golongan PNS; tulis golongan dan ruangnya, mis. III/a."
            )
        raise ValidationError(
            f"Golongan '{nilai}' tidak dikenal; golongan PNS ditulis seperti III/a."
        )
    if gol_pppk in GOLONGAN_PPPK:
        return gol_pppk
    if gol_pns in GOLONGAN_PNS:
        raise ValidationError(
            f"Golongan {gol_pns} adalah golongan PNS; golongan PPPK ditulis I sampai XVII."
        )
    raise ValidationError(
        f"Golongan '{nilai}' tidak dikenal; golongan PPPK ditulis I sampai XVII, mis. IX."
    )


def _peta_jenis_unit() -> dict[str, str]:
    peta = {}
    for nilai, label in JenisUnit.choices:
        peta.setdefault(kunci(nilai), nilai)
        peta.setdefault(kunci(label), nilai)
    # Parts of labels like "UPTD/UPT" and spellings without spaces ("Subbagian").
    for nilai, label in JenisUnit.choices:
        for bagian in re.split(r"[/()]", label):
            if kunci(bagian):
                peta.setdefault(kunci(bagian), nilai)
    for k, nilai in list(peta.items()):
        peta.setdefault(k.replace(" ", ""), nilai)
    peta.update(
        {
            "sd": JenisUnit.SEKOLAH_SD,
            "sdn": JenisUnit.SEKOLAH_SD,
            "smp": JenisUnit.SEKOLAH_SMP,
            "smpn": JenisUnit.SEKOLAH_SMP,
            "tk": JenisUnit.SEKOLAH_TK,
            "rumah sakit": JenisUnit.RSUD,
            "satpol pp": JenisUnit.SATPOL_PP,
            "irban": JenisUnit.INSPEKTUR_PEMBANTU,
            "inspektorat": JenisUnit.INSPEKTORAT,
            "kelompok": JenisUnit.NONSTRUKTURAL,
            "subkelompok": JenisUnit.NONSTRUKTURAL,
        }
    )
    return peta


_JENIS_UNIT = _peta_jenis_unit()


def baca_jenis_unit(nilai: str) -> str:
    if not nilai:
        raise ValidationError("Jenis unit wajib diisi, mis. Dinas, Bidang, Seksi.")
    jenis = _JENIS_UNIT.get(kunci(nilai)) or _JENIS_UNIT.get(kunci(nilai).replace(" ", ""))
    if jenis is None:
        raise ValidationError(
            f"Jenis unit '{nilai}' tidak dikenal. Contoh yang dikenali: Dinas, Badan, Bidang, "
            "Seksi, Sub Bagian, Kecamatan, Kelurahan, UPTD, Sekolah Dasar (daftar lengkap "
            "di halaman impor)."
        )
    return jenis


def _peta_jenis_jabatan() -> dict[str, str]:
    peta = {}
    for nilai, label in JenisJabatan.choices:
        peta[kunci(nilai)] = nilai
        peta[kunci(label)] = nilai
    for awalan in ("jabatan pimpinan tinggi", "pimpinan tinggi"):
        peta[f"{awalan} utama"] = JenisJabatan.JPT_UTAMA
        peta[f"{awalan} madya"] = JenisJabatan.JPT_MADYA
        peta[f"{awalan} pratama"] = JenisJabatan.JPT_PRATAMA
    for eselon, jenis in (
        ("i", JenisJabatan.JPT_MADYA),
        ("ii", JenisJabatan.JPT_PRATAMA),
        ("iii", JenisJabatan.ADMINISTRATOR),
        ("iv", JenisJabatan.PENGAWAS),
    ):
        for akhiran in ("", " a", " b", "a", "b"):
            peta[f"eselon {eselon}{akhiran}"] = jenis
    for nama in ("jabatan administrator", "jabatan pengawas", "jabatan pelaksana",
                 "jabatan fungsional"):  # fmt: skip
        peta[nama] = peta[nama.removeprefix("jabatan ")]
    for nama in ("jft", "fungsional tertentu", "jabatan fungsional tertentu"):
        peta[nama] = JenisJabatan.FUNGSIONAL
    for nama in ("jfu", "fungsional umum", "jabatan fungsional umum", "staf", "staff"):
        peta[nama] = JenisJabatan.PELAKSANA
    return peta


_JENIS_JABATAN = _peta_jenis_jabatan()


def baca_jenis_jabatan(nilai: str) -> str | None:
    if not nilai:
        return None
    k = kunci(nilai)
    if k in {"struktural", "jabatan struktural"}:
        raise ValidationError(
            "Jenis jabatan 'Struktural' terlalu umum; tulis JPT Pratama, Administrator atau "
            "Pengawas."
        )
    jenis = _JENIS_JABATAN.get(k)
    if jenis is None:
        raise ValidationError(
            f"Jenis jabatan '{nilai}' tidak dikenal; tulis JPT Pratama, Administrator, "
            "Pengawas, Pelaksana atau Fungsional."
        )
    return jenis


_FORMAT_TANGGAL = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d")


def baca_tanggal(nilai) -> date | None:
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    t = teks(nilai)
    if not t:
        return None
    # "2024-01-15 00:00:00": a date cell saved to CSV with its time.
    t = re.sub(r"[ T]00:00(:00)?$", "", t)
    for fmt in _FORMAT_TANGGAL:
        try:
            return datetime.strptime(t, fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"TMT jabatan '{t}' bukan tanggal; tulis hh-bb-tttt atau tttt-bb-hh.")


# Front titles (gelar depan); whatever follows them is the gelar belakang.
GELAR_DEPAN = frozenset(
    {"prof", "dr", "drs", "dra", "drg", "drh", "ir", "h", "hj", "ns", "apt", "kh", "hc"}
)


def pisah_gelar(gelar: str) -> tuple[str, str]:
    """Split one gelar cell: "Dr. S.Kom., M.Si." -> ("Dr.", "S.Kom., M.Si.")."""
    depan, sisa = [], gelar.strip()
    while True:
        m = re.match(r"[\s,;/|]*([^\s,;/|]+)", sisa)
        if not m or m[1].rstrip(".").casefold() not in GELAR_DEPAN:
            break
        depan.append(m[1])
        sisa = sisa[m.end() :]
    return " ".join(depan), " ".join(sisa.lstrip(" ,;/|").split())


_NIP_ILMIAH = re.compile(r"\d(?:[.,]\d+)?e\+?\d+", re.I)


def _nip_dari_sel(nilai) -> str:
    # Excel stores numbers as 15 significant digits: an 18-digit NIP typed as a number
    # has lost its last digits and cannot be recovered.
    if isinstance(nilai, float) or (
        isinstance(nilai, str) and _NIP_ILMIAH.fullmatch(nilai.strip())
    ):
        raise ValidationError(
            "NIP tersimpan sebagai angka di Excel sehingga angka terakhirnya hilang; ubah "
            "format kolom NIP menjadi Teks lalu isi ulang NIP-nya."
        )
    return teks(nilai)


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
        info = periksa_nip(_nip_dari_sel(tabel.sel(sel, "nip")), tanggal)
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


# --- Applying --------------------------------------------------------------------------


def _alasan(nama_berkas: str) -> str:
    # history_change_reason is 100 characters.
    return f"Impor {nama_berkas}"[:100]


def terapkan_rencana(
    rencana: Rencana, *, pengguna, nama_berkas: str, progres: Progres | None = None
) -> None:
    """Write the valid rows of a plan. The caller holds the transaction."""
    alasan = _alasan(nama_berkas)
    riwayat = {"default_user": pengguna, "default_change_reason": alasan}
    if rencana.jenis == ImporData.Jenis.UNIT:
        _terapkan_unit(rencana, riwayat, progres)
    else:
        _terapkan_pegawai(rencana, riwayat, nama_berkas, progres)


def _terapkan_unit(rencana: Rencana, riwayat: dict, progres) -> None:
    instansi_id = instansi_aktif_id()
    berlaku = [b for b in rencana.baris if b.berlaku and b.aksi != TETAP]
    per_kedalaman = defaultdict(list)
    for b in berlaku:
        if b.aksi == BARU:
            per_kedalaman[b.simpul.kedalaman()].append(b)
    # Parents before children: one depth at a time, so a chunk only points at saved units.
    potongan_baru = [
        per_kedalaman[k][awal : awal + SETIAP_BARIS]
        for k in sorted(per_kedalaman)
        for awal in range(0, len(per_kedalaman[k]), SETIAP_BARIS)
    ]
    diubah = [b for b in berlaku if b.unit_diubah]
    selesai = 0
    for potongan in potongan_baru:
        objek = []
        for b in potongan:
            s = b.simpul
            s.unit = UnitKerja(
                instansi_id=instansi_id,
                nama=s.nama,
                jenis=s.jenis,
                kode=s.kode,
                induk=s.induk.unit if s.induk else None,
            )
            objek.append(s.unit)
        bulk_create_with_history(objek, UnitKerja, **riwayat)
        selesai += len(potongan)
        if progres:
            progres(selesai)
    for awal in range(0, len(diubah), SETIAP_BARIS):
        potongan = diubah[awal : awal + SETIAP_BARIS]
        for b in potongan:
            s = b.simpul
            s.unit.nama, s.unit.jenis, s.unit.kode = s.nama, s.jenis, s.kode
            s.unit.induk = s.induk.unit if s.induk else None
        bulk_update_with_history(
            [b.simpul.unit for b in potongan],
            UnitKerja,
            ["nama", "jenis", "kode", "induk"],
            **riwayat,
        )
        selesai += len(potongan)
        if progres:
            progres(selesai)


def _terapkan_pegawai(rencana: Rencana, riwayat: dict, nama_berkas: str, progres) -> None:
    instansi_id = instansi_aktif_id()
    dasar = f"Impor {nama_berkas}"[:200]
    jabatan_diubah = set(rencana.jabatan_diubah)
    for awal in range(0, len(rencana.baris), SETIAP_BARIS):
        potongan = [
            b for b in rencana.baris[awal : awal + SETIAP_BARIS] if b.berlaku and b.aksi != TETAP
        ]
        # Decide everything before writing: a saved object gets a pk.
        jabatan_baru, jabatan_ubah = {}, {}
        for b in potongan:
            if b.jabatan.pk is None:
                jabatan_baru[id(b.jabatan)] = b.jabatan
            elif b.jabatan.pk in jabatan_diubah:
                jabatan_ubah[b.jabatan.pk] = b.jabatan
                jabatan_diubah.discard(b.jabatan.pk)
        pegawai_baru = [b.pegawai for b in potongan if b.pegawai.pk is None]
        pegawai_ubah = [b.pegawai for b in potongan if b.pegawai_diubah and b.pegawai.pk]
        if jabatan_baru:
            bulk_create_with_history(list(jabatan_baru.values()), Jabatan, **riwayat)
        if jabatan_ubah:
            bulk_update_with_history(
                list(jabatan_ubah.values()), Jabatan, ["jenis", "jenjang"], **riwayat
            )
        if pegawai_baru:
            bulk_create_with_history(pegawai_baru, Pegawai, **riwayat)
        if pegawai_ubah:
            bulk_update_with_history(pegawai_ubah, Pegawai, PEGAWAI_DIUBAH, **riwayat)
        akhiri = [b.akhiri for b in potongan if b.akhiri is not None]
        if akhiri:
            bulk_update_with_history(akhiri, Penempatan, ["selesai"], **riwayat)
        tempat = [
            Penempatan(
                instansi_id=instansi_id,
                pegawai=b.pegawai,
                jabatan=b.jabatan,
                jenis=JenisPenempatan.DEFINITIF,
                mulai=b.tmt,
                dasar=dasar,
            )
            for b in potongan
            if b.tempatkan
        ]
        if tempat:
            bulk_create_with_history(tempat, Penempatan, **riwayat)
        if progres:
            progres(min(awal + SETIAP_BARIS, len(rencana.baris)))


# --- The job: upload, preview, apply ---------------------------------------------------


def _pastikan_admin(pengguna) -> None:
    # Views check this too; services may be called from elsewhere (shell, tasks).
    if not pengguna.admin_instansi or pengguna.instansi_id != instansi_aktif_id():
        raise PermissionDenied("Hanya admin BKD/BKPSDM instansi ini yang boleh mengimpor data.")


@transaction.atomic
def buat_impor(*, pengguna, jenis: str, nama_berkas: str, isi: bytes) -> ImporData:
    """Store an uploaded file and queue its preview once the upload is committed."""
    _pastikan_admin(pengguna)
    impor = ImporData(jenis=jenis, nama_berkas=nama_berkas[:255], isi=isi, dibuat_oleh=pengguna)
    # The file is the job's own record; copying it into the history table is waste.
    impor.save_without_historical_record()

    def antrekan():
        from .tasks import impor_pratinjau

        impor_pratinjau.delay(impor.instansi_id, impor.pk)

    transaction.on_commit(antrekan)
    return impor


def tanggal_impor(impor: ImporData) -> date:
    """The date the upload means by "now": default TMT, and today for NIP checks."""
    return timezone.localdate(impor.dibuat_pada)


def susun_rencana(impor: ImporData, progres: LaporanProgres | None = None) -> Rencana:
    tanggal = tanggal_impor(impor)
    tabel = baca_tabel(impor.nama_berkas, bytes(impor.isi), impor.jenis)
    if tabel.galat:
        return Rencana(impor.jenis, galat_berkas=tabel.galat, kolom_diabaikan=tabel.diabaikan)
    if progres is not None:
        progres.total(len(tabel.baris))
    data = DataInstansi.muat(impor.jenis, tanggal)
    return rencanakan(impor.jenis, tabel, data, tanggal=tanggal, progres=progres)


def _simpan_hasil(impor_id: int, rencana: Rencana, *, dari: str, ke: str, **lain) -> int:
    return ImporData.objects.filter(pk=impor_id, status=dari).update(
        status=ke,
        hasil=rencana.hasil(),
        ringkasan=rencana.ringkasan(),
        galat_berkas=rencana.galat_berkas,
        total_baris=len(rencana.baris),
        diproses=len(rencana.baris),
        **lain,
    )


def jalankan_pratinjau(impor_id: int, progres: LaporanProgres | None = None) -> str:
    """The dry run: every row's fate, stored on the job. Runs inside the tenant scope."""
    impor = ImporData.objects.get(pk=impor_id)
    if impor.status != ImporData.Status.MENUNGGU_PRATINJAU:
        return impor.status  # already done: a redelivered task changes nothing
    rencana = susun_rencana(impor, progres)
    status = ImporData.Status.GAGAL if rencana.galat_berkas else ImporData.Status.PRATINJAU
    _simpan_hasil(impor_id, rencana, dari=ImporData.Status.MENUNGGU_PRATINJAU, ke=status)
    return status


@transaction.atomic
def mulai_terapkan(*, pengguna, impor: ImporData, terapkan_yang_valid: bool) -> None:
    """The admin's "Terapkan": claim the job (compare-and-set) and queue the apply."""
    _pastikan_admin(pengguna)
    if impor.status != ImporData.Status.PRATINJAU:
        raise ValidationError(
            f"Impor ini tidak dapat diterapkan lagi (status: {impor.get_status_display()})."
        )
    ringkasan = impor.ringkasan or {}
    if ringkasan.get(GALAT) and not terapkan_yang_valid:
        raise ValidationError(
            "Berkas masih berisi baris bergalat. Perbaiki lalu unggah ulang, atau centang "
            "'Terapkan hanya baris yang valid'."
        )
    if not (ringkasan.get(BARU) or ringkasan.get(DIPERBARUI)):
        raise ValidationError("Tidak ada baris baru atau berubah yang dapat diterapkan.")
    diklaim = ImporData.objects.filter(pk=impor.pk, status=ImporData.Status.PRATINJAU).update(
        status=ImporData.Status.MENERAPKAN,
        terapkan_yang_valid=terapkan_yang_valid,
        diterapkan_oleh=pengguna,
        diproses=0,
    )
    if not diklaim:
        raise ValidationError("Impor ini sudah diterapkan atau sedang diterapkan.")
    impor.status = ImporData.Status.MENERAPKAN

    def antrekan():
        from .tasks import impor_terapkan

        impor_terapkan.delay(impor.instansi_id, impor.pk)

    transaction.on_commit(antrekan)


# Advisory-lock namespace for import jobs (an arbitrary constant: "IM").
_KUNCI_IMPOR = 0x494D


@transaction.atomic
def jalankan_penerapan(impor_id: int, progres: Progres | None = None) -> str:
    """Apply a claimed job in one transaction. Runs inside the tenant scope.

    Two deliveries of the same task queue up on an advisory lock; the second then sees
    the status the first committed and does nothing. The job row itself is not locked,
    so progress reports (another connection) can still update it meanwhile.
    """
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_KUNCI_IMPOR, impor_id % 2**31])
    impor = ImporData.objects.get(pk=impor_id)
    if impor.status != ImporData.Status.MENERAPKAN:
        return impor.status
    # Planned again: the organisation may have changed since the preview.
    rencana = susun_rencana(impor)
    if rencana.galat_berkas or (rencana.ada_galat and not impor.terapkan_yang_valid):
        _simpan_hasil(
            impor_id, rencana, dari=ImporData.Status.MENERAPKAN, ke=ImporData.Status.GAGAL
        )
        if not rencana.galat_berkas:
            ImporData.objects.filter(pk=impor_id).update(
                galat_berkas=[
                    "Data instansi berubah sejak pratinjau sehingga ada baris bergalat; tidak "
                    "ada data yang diubah. Unggah ulang berkasnya."
                ]
            )
        return ImporData.Status.GAGAL
    pengguna = impor.diterapkan_oleh or impor.dibuat_oleh
    terapkan_rencana(rencana, pengguna=pengguna, nama_berkas=impor.nama_berkas, progres=progres)
    _simpan_hasil(
        impor_id,
        rencana,
        dari=ImporData.Status.MENERAPKAN,
        ke=ImporData.Status.DITERAPKAN,
        diterapkan_pada=timezone.now(),
    )
    return ImporData.Status.DITERAPKAN


def tandai_gagal(impor_id: int, pesan: str) -> None:
    """After an unexpected error (its transaction rolled back): let the page stop polling."""
    ImporData.objects.filter(
        pk=impor_id,
        status__in=[ImporData.Status.MENUNGGU_PRATINJAU, ImporData.Status.MENERAPKAN],
    ).update(status=ImporData.Status.GAGAL, galat_berkas=[pesan])


class LaporanProgres:
    """Reports `diproses` on a database connection of its own, committed at once.

    The job runs in one long transaction (the tenant scope of the task), whose writes
    nobody sees until it ends; a second connection makes the progress visible to the
    page polling it. Row-level security applies there too, so each report sets the
    tenant in its own short transaction.
    """

    def __init__(self, instansi_id: int, impor_id: int):
        self.instansi_id = instansi_id
        self.impor_id = impor_id
        self._koneksi = None
        self._tabel = ImporData._meta.db_table

    def __enter__(self) -> LaporanProgres:
        return self

    def __exit__(self, *exc) -> None:
        if self._koneksi is not None:
            self._koneksi.close()
            self._koneksi = None

    def _tulis(self, kolom: str, nilai: int) -> None:
        try:
            if self._koneksi is None:
                utama = connections[DEFAULT_DB_ALIAS]
                self._koneksi = type(utama)(dict(utama.settings_dict), "progres_impor")
                self._koneksi.ensure_connection()
                self._koneksi.set_autocommit(False)
            with self._koneksi.cursor() as cur:
                cur.execute(
                    "SELECT set_config(%s, %s, true)", [PENGATURAN_DB, str(self.instansi_id)]
                )
                cur.execute(
                    f'UPDATE "{self._tabel}" SET "{kolom}" = %s WHERE id = %s',
                    [nilai, self.impor_id],
                )
            self._koneksi.commit()
        except Exception:
            # Progress is a courtesy: never let it break the import itself.
            logger.warning("Progres impor %s tidak dapat dicatat", self.impor_id, exc_info=True)
            if self._koneksi is not None:
                self._koneksi.close()
                self._koneksi = None

    def total(self, total: int) -> None:
        self._tulis("total_baris", total)

    def __call__(self, diproses: int) -> None:
        self._tulis("diproses", diproses)
