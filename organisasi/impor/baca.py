"""Reading an import file: the columns (with the header aliases SIASN exports use),
CSV/XLSX rows, and each cell's value parsed into what the models store."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError

from ..models import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    ImporData,
    JenisJabatan,
    JenisUnit,
    StatusPegawai,
)

MAKS_UKURAN = 10 * 1024 * 1024
MAKS_BARIS = 20_000


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


def nip_dari_sel(nilai) -> str:
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
