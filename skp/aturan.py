"""Content rules of an SKP (spec-planning §6): binding ones block submission and
penetapan, guidance ones warn. Each rule cites the regulation line it comes from.

Pure: works on plain values (`DataSKP`), so every rule is tested without a database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Tingkat(StrEnum):
    WAJIB = "wajib"  # blocks
    SARAN = "saran"  # warns


@dataclass(frozen=True)
class Temuan:
    kode: str
    tingkat: Tingkat
    pesan: str
    rhk: int | None = None  # position (urutan) of the RHK concerned, for the page
    iki: int | None = None


@dataclass
class DataIKI:
    teks: str
    target: str = ""
    aspek: tuple[str, ...] = ()
    perspektif: str = ""
    target_mutlak_dikecualikan: bool = False
    punya_manual: bool = False


@dataclass
class DataRHK:
    nomor: int
    jenis: str  # utama | tambahan
    teks: str
    penugasan_dari: str = ""
    rhk_pimpinan_teks: str = ""
    pimpinan_jpt: bool = False  # the intervened leader is a JPT/PUKM
    iki_pimpinan: bool = False
    dari_mph: bool = False
    iki: list[DataIKI] = field(default_factory=list)


@dataclass
class DataSKP:
    kelompok: str  # jpt_pukm | admin_jf
    pendekatan: str  # kualitatif | kuantitatif
    rhk: list[DataRHK]
    lampiran: dict[str, int] = field(default_factory=dict)  # bagian -> number of items
    aspek_diizinkan: tuple[str, ...] = ("kuantitas", "kualitas", "waktu", "biaya")
    manual_ik_wajib: bool = False
    tugas_belajar: bool = False


PERSPEKTIF = ("penerima_layanan", "proses_bisnis", "penguatan_internal", "anggaran")
LABEL_PERSPEKTIF = {
    "penerima_layanan": "Penerima Layanan",
    "proses_bisnis": "Proses Bisnis",
    "penguatan_internal": "Penguatan Internal",
    "anggaran": "Anggaran",
}
# Absolute wording a target should avoid (000:3572-3594); "seluruh" added as a synonym.
_KATA_MUTLAK = re.compile(r"\b(semua|selalu|tidak pernah|setiap|seluruh)\b", re.IGNORECASE)
# A quantitative target should name a measure (000:3547-3549): a number, %, or a unit word.
_SATUAN = re.compile(
    r"\d|%|persen|dokumen|laporan|kali|orang|unit|buah|hari|bulan|minggu|jam|nilai|predikat|skala",
    re.IGNORECASE,
)


# --- Numbering: one order and one label for the page, the PDFs and the MPH ----------------


def urutan_rhk(jenis: str, urutan: int, pk: int | None) -> tuple:
    """Sort key of an RHK in its SKP: UTAMA first, then TAMBAHAN, each by its position;
    the numbers then run on from UTAMA into TAMBAHAN (000:11873-11900)."""
    return (jenis != "utama", urutan, pk or 0)


def label_iki(nomor_rhk: int, ke: int, jumlah: int) -> str:
    """ "IKI 1.2" when the RHK has several indicators, "IKI 1" when it has one (000:2262-2290)."""
    return f"IKI {nomor_rhk}.{ke}" if jumlah > 1 else f"IKI {nomor_rhk}"


def periksa(skp: DataSKP) -> list[Temuan]:
    """All findings for one SKP, binding ones first."""
    t: list[Temuan] = []
    jpt = skp.kelompok == "jpt_pukm"
    kuantitatif = skp.pendekatan == "kuantitatif"

    if not any(r.jenis == "utama" for r in skp.rhk):
        t.append(
            Temuan(
                "V01",
                Tingkat.WAJIB,
                "SKP harus memuat paling sedikit satu rencana hasil kerja utama (000:1729-1733).",
            )
        )
    for r in skp.rhk:
        if not r.teks.strip():
            t.append(Temuan("V02", Tingkat.WAJIB, "Rencana hasil kerja belum diisi.", r.nomor))
        if not r.iki:
            t.append(
                Temuan(
                    "V02",
                    Tingkat.WAJIB,
                    f"Rencana hasil kerja {r.nomor} belum memiliki indikator kinerja individu "
                    "dan target (000:368-372).",
                    r.nomor,
                )
            )
        if (skp.pendekatan == "kualitatif" or jpt) and not r.penugasan_dari.strip():
            t.append(
                Temuan(
                    "V25",
                    Tingkat.WAJIB,
                    f"Rencana hasil kerja {r.nomor}: tuliskan jabatan pimpinan/tim kerja yang "
                    "memberikan penugasan (000:2120, 3825).",
                    r.nomor,
                )
            )
        if not jpt and kuantitatif and not skp.tugas_belajar:
            if not r.rhk_pimpinan_teks.strip():
                t.append(
                    Temuan(
                        "V19",
                        Tingkat.WAJIB,
                        f"Rencana hasil kerja {r.nomor}: isi rencana hasil kerja pimpinan yang "
                        "diintervensi (kolom 2 format A.1.7, 000:3947-3976).",
                        r.nomor,
                    )
                )
            elif r.pimpinan_jpt and not r.iki_pimpinan:
                t.append(
                    Temuan(
                        "V20",
                        Tingkat.WAJIB,
                        f"Rencana hasil kerja {r.nomor}: pimpinan yang diintervensi adalah JPT, "
                        "sehingga indikator kinerja individunya juga dituliskan (000:4121-4125).",
                        r.nomor,
                    )
                )
        if not jpt and not r.dari_mph and not skp.tugas_belajar:
            t.append(
                Temuan(
                    "V21",
                    Tingkat.SARAN,
                    f"Rencana hasil kerja {r.nomor} tidak berasal dari Matriks Pembagian Peran "
                    "dan Hasil pimpinan (000:3980-3982).",
                    r.nomor,
                )
            )
        for i, k in enumerate(r.iki, 1):
            t += _periksa_iki(skp, r, i, k)

    if skp.tugas_belajar:
        t += _periksa_tugas_belajar(skp)
    semua_iki = [k for r in skp.rhk for k in r.iki]
    if jpt and semua_iki:
        ada = {k.perspektif for k in semua_iki}
        if "anggaran" not in ada:
            t.append(
                Temuan(
                    "V07",
                    Tingkat.WAJIB,
                    "SKP pejabat pimpinan tinggi wajib memuat perspektif Anggaran (000:1933-1939).",
                )
            )
        kurang = [LABEL_PERSPEKTIF[p] for p in PERSPEKTIF if p not in ada and p != "anggaran"]
        if kurang:
            t.append(
                Temuan(
                    "V08",
                    Tingkat.SARAN,
                    "Perspektif belum terwakili: " + ", ".join(kurang) + " (000:1903-1909).",
                )
            )

    if sum(skp.lampiran.values()) == 0:
        t.append(
            Temuan(
                "V28",
                Tingkat.WAJIB,
                "Lampiran SKP (dukungan sumber daya, skema pertanggungjawaban, konsekuensi) "
                "belum diisi; lampiran tidak terpisahkan dari SKP (000:4221-4227).",
            )
        )
    else:
        for bagian, label in (
            ("dukungan", "dukungan sumber daya"),
            ("skema", "skema pertanggungjawaban"),
            ("konsekuensi", "konsekuensi"),
        ):
            if not skp.lampiran.get(bagian):
                t.append(
                    Temuan(
                        "V29",
                        Tingkat.SARAN,
                        f"Lampiran SKP belum memuat {label} (000:579-629).",
                    )
                )
    return sorted(t, key=lambda x: (x.tingkat != Tingkat.WAJIB, x.rhk or 0, x.iki or 0))


def galat_isian_iki(skp: DataSKP, k: DataIKI) -> dict[str, tuple[str, str]]:
    """Binding rules one indicator must meet on its own: field -> (rule, message).

    The service refuses to save an indicator that breaks them; `periksa` reports the
    same rules for the whole SKP, so each lives only here."""
    galat = {}
    if not k.teks.strip():
        galat["teks"] = ("V02", "indikator kinerja individu wajib diisi")
    if skp.pendekatan == "kuantitatif" and not k.target.strip():
        galat["target"] = ("V15", "target wajib diisi terpisah dari indikatornya (000:3543-3545)")
    if asing := [a for a in k.aspek if a not in skp.aspek_diizinkan]:
        galat["aspek"] = ("V14", f"aspek {', '.join(asing)} tidak dipakai di instansi ini")
    if skp.kelompok != "jpt_pukm" and k.perspektif:
        galat["perspektif"] = (
            "V09",
            "perspektif hanya untuk SKP pejabat pimpinan tinggi (000:3821-3833, 3947-3968)",
        )
    return galat


def _periksa_iki(skp: DataSKP, r: DataRHK, i: int, k: DataIKI) -> list[Temuan]:
    jpt = skp.kelompok == "jpt_pukm"
    kuantitatif = skp.pendekatan == "kuantitatif"
    label = f"Indikator {r.nomor}.{i}"
    t = [
        Temuan(kode, Tingkat.WAJIB, f"{label}: {pesan}.", r.nomor, i)
        for kode, pesan in galat_isian_iki(skp, k).values()
    ]
    if kuantitatif and k.target.strip() and not _SATUAN.search(k.target + " " + k.teks):
        t.append(
            Temuan(
                "V16",
                Tingkat.SARAN,
                f"{label}: target sebaiknya menyebut satuan pengukuran (000:3547-3549).",
                r.nomor,
                i,
            )
        )
    if not kuantitatif and k.target.strip():
        t.append(
            Temuan(
                "V17",
                Tingkat.SARAN,
                f"{label}: pada pendekatan kualitatif indikator dan target dinarasikan "
                "bersama (000:3533-3535).",
                r.nomor,
                i,
            )
        )
    if jpt and k.perspektif not in PERSPEKTIF:
        t.append(
            Temuan(
                "V06",
                Tingkat.WAJIB,
                f"{label}: pilih perspektif (Penerima Layanan/ Proses Bisnis/ Penguatan Internal/ "
                "Anggaran) (000:2262-2272).",
                r.nomor,
                i,
            )
        )
    if jpt and skp.manual_ik_wajib and not k.punya_manual:
        t.append(
            Temuan(
                "V11",
                Tingkat.WAJIB,
                f"{label}: instansi mewajibkan manual indikator kinerja (format A.1.3).",
                r.nomor,
                i,
            )
        )
    if not jpt and kuantitatif and not k.aspek:
        t.append(
            Temuan(
                "V14",
                Tingkat.WAJIB,
                f"{label}: pilih aspek (Kuantitas/ Kualitas/ Waktu/ Biaya) (000:3984-3988).",
                r.nomor,
                i,
            )
        )
    if not jpt and not k.target_mutlak_dikecualikan:
        kata = _KATA_MUTLAK.search(f"{k.teks} {k.target}")
        if kata:
            t.append(
                Temuan(
                    "V18",
                    Tingkat.SARAN,
                    f"{label}: target idealnya tidak mutlak (“{kata.group(0)}”), kecuali "
                    "berkaitan dengan nyawa, cedera, keamanan nasional, atau kerugian moneter "
                    "besar (000:3572-3594).",
                    r.nomor,
                    i,
                )
            )
    return t


_AKADEMIK = re.compile(r"\b(ipk|indeks prestasi|evaluasi akademik|predikat akademik)\b", re.I)
_KELULUSAN = re.compile(r"\b(lulus|kelulusan|wisuda)\b", re.IGNORECASE)


def _periksa_tugas_belajar(skp: DataSKP) -> list[Temuan]:
    """Study leave: results are the academic evaluation and on-time graduation
    (000:4275-4279). Wording varies, so a missing one is a strong hint, not a block."""
    teks = " ".join(f"{r.teks} " + " ".join(f"{k.teks} {k.target}" for k in r.iki) for r in skp.rhk)
    t = []
    if not _AKADEMIK.search(teks):
        t.append(
            Temuan(
                "V46",
                Tingkat.SARAN,
                "SKP tugas belajar memuat hasil evaluasi akademik (IPK atau predikat) "
                "(000:4275-4279).",
            )
        )
    if not _KELULUSAN.search(teks):
        t.append(
            Temuan(
                "V46",
                Tingkat.SARAN,
                "SKP tugas belajar memuat ketepatan waktu kelulusan (000:4275-4279).",
            )
        )
    return t


def ada_pelanggaran(temuan: list[Temuan]) -> bool:
    return any(x.tingkat == Tingkat.WAJIB for x in temuan)
