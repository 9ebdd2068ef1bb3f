"""Content rules of an SKP (spec-planning §6): binding ones block submission and
penetapan, guidance ones warn. Each rule cites the regulation line it comes from.

Pure: works on plain values (`DataSKP`), so every rule is tested without a database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

# Length limits of what people type, the same in the forms, the services and the columns.
BATAS_TEKS = 1000  # an RHK, an indicator, a Lampiran item
BATAS_TARGET = 300
BATAS_PENUGASAN = 200
BATAS_RHK_PIMPINAN = 2100  # a leader's RHK and, for a JPT leader, its indicator

# Which kinds of item each part of the Lampiran SKP holds (Lampiran Bab II huruf A,
# Tahap Kedelapan): resources (a)-(e), consequences positive/negative; "lainnya" anywhere
# a tenant's practice needs it, and the accountability scheme has no kinds.
JENIS_LAMPIRAN = {
    "dukungan": ("sdm", "anggaran", "peralatan", "pendampingan", "sarana", "lainnya"),
    "skema": ("lainnya",),
    "konsekuensi": ("positif", "negatif", "lainnya"),
}


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
    # The leader's RHK as chosen differs from what the leader's SKP says now (edited,
    # or the leader's SKP has a newer version), or was removed / never chosen although
    # the rater's SKP offers RHK to choose from.
    pimpinan_berubah: bool = False
    pimpinan_belum_dipilih: bool = False
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


def temuan_pimpinan(r: DataRHK, kuantitatif: bool) -> list[Temuan]:
    """The warnings about one RHK's link to the leader's RHK (V51 changed by the leader,
    V52 not chosen from the rater's SKP): they read this RHK alone, so the page shows
    them on the RHK itself and an edit of one RHK recomputes only its own."""
    t: list[Temuan] = []
    kolom2_kosong = not r.rhk_pimpinan_teks.strip()
    if r.pimpinan_berubah:
        t.append(
            Temuan(
                "V51",
                Tingkat.SARAN,
                f"Rencana hasil kerja {r.nomor}: rencana hasil kerja pimpinan yang "
                "diintervensi telah diubah pimpinan; periksa lalu simpan ulang pilihan Anda.",
                r.nomor,
            )
        )
    elif r.pimpinan_belum_dipilih and not (kolom2_kosong and kuantitatif):  # else V19
        t.append(
            Temuan(
                "V52",
                Tingkat.SARAN,
                f"Rencana hasil kerja {r.nomor}: pilih rencana hasil kerja pimpinan yang "
                "diintervensi dari SKP pejabat penilai Anda.",
                r.nomor,
            )
        )
    return t


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
                "SKP harus memuat paling sedikit satu rencana hasil kerja utama "
                "(Lampiran Bab II huruf A, Tahap Kedua).",
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
                    "dan target (Pasal 7 ayat (3) huruf a).",
                    r.nomor,
                )
            )
        if (skp.pendekatan == "kualitatif" or jpt) and not r.penugasan_dari.strip():
            t.append(
                Temuan(
                    "V25",
                    Tingkat.WAJIB,
                    f"Rencana hasil kerja {r.nomor}: tuliskan jabatan pimpinan/tim kerja yang "
                    "memberikan penugasan (format A.1.1, A.1.2 dan A.1.6).",
                    r.nomor,
                )
            )
        kolom2_kosong = not r.rhk_pimpinan_teks.strip()
        if not jpt and kuantitatif and not skp.tugas_belajar:
            if kolom2_kosong:
                t.append(
                    Temuan(
                        "V19",
                        Tingkat.WAJIB,
                        f"Rencana hasil kerja {r.nomor}: isi rencana hasil kerja pimpinan yang "
                        "diintervensi (kolom 2 format A.1.7).",
                        r.nomor,
                    )
                )
            elif r.pimpinan_jpt and not r.iki_pimpinan:
                t.append(
                    Temuan(
                        "V20",
                        Tingkat.WAJIB,
                        f"Rencana hasil kerja {r.nomor}: pimpinan yang diintervensi adalah JPT, "
                        "sehingga indikator kinerja individunya juga dituliskan "
                        "(catatan kaki * format A.1.7).",
                        r.nomor,
                    )
                )
        t += temuan_pimpinan(r, kuantitatif)
        if not jpt and not r.dari_mph and not skp.tugas_belajar:
            t.append(
                Temuan(
                    "V21",
                    Tingkat.SARAN,
                    f"Rencana hasil kerja {r.nomor} tidak berasal dari Matriks Pembagian Peran "
                    "dan Hasil pimpinan (kolom 3 format A.1.7).",
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
                    "SKP pejabat pimpinan tinggi wajib memuat perspektif Anggaran "
                    "(Lampiran Bab II huruf A, Tahap Kedua).",
                )
            )
        kurang = [LABEL_PERSPEKTIF[p] for p in PERSPEKTIF if p not in ada and p != "anggaran"]
        if kurang:
            t.append(
                Temuan(
                    "V08",
                    Tingkat.SARAN,
                    "Perspektif belum terwakili: "
                    + ", ".join(kurang)
                    + " (Lampiran Bab II huruf A, Tahap Kedua).",
                )
            )

    if sum(skp.lampiran.values()) == 0:
        t.append(
            Temuan(
                "V28",
                Tingkat.WAJIB,
                "Lampiran SKP (dukungan sumber daya, skema pertanggungjawaban, konsekuensi) "
                "belum diisi; lampiran tidak terpisahkan dari SKP "
                "(Pasal 11 dan Lampiran Bab II huruf A, Tahap Kedelapan).",
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
                        f"Lampiran SKP belum memuat {label} (Pasal 11 dan Pasal 12).",
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
        galat["target"] = (
            "V15",
            "target wajib diisi terpisah dari indikatornya "
            "(Lampiran Bab II huruf A, Tahap Ketujuh)",
        )
    if len(k.teks) > BATAS_TEKS:
        galat["teks"] = ("V47", _terlalu_panjang("indikator kinerja individu", BATAS_TEKS, k.teks))
    if len(k.target) > BATAS_TARGET:
        galat["target"] = ("V47", _terlalu_panjang("target", BATAS_TARGET, k.target))
    elif target_negatif(k.target):
        galat["target"] = ("V48", "target tidak boleh bernilai negatif")
    if asing := [a for a in k.aspek if a not in skp.aspek_diizinkan]:
        galat["aspek"] = ("V14", f"aspek {', '.join(asing)} tidak dipakai di instansi ini")
    if skp.kelompok != "jpt_pukm" and k.perspektif:
        galat["perspektif"] = (
            "V09",
            "perspektif hanya untuk SKP pejabat pimpinan tinggi (format A.1.1 dan A.1.2)",
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
                f"{label}: target sebaiknya menyebut satuan pengukuran "
                "(Lampiran Bab II huruf A, Tahap Ketujuh).",
                r.nomor,
                i,
            )
        )
    if (persen := persen_terbesar(k.target)) is not None and persen > BATAS_PERSEN_WAJAR:
        t.append(
            Temuan(
                "V49",
                Tingkat.SARAN,
                f"{label}: target {persen:g}% tidak lazim; periksa kembali angkanya.",
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
                "bersama (Lampiran Bab II huruf A, Tahap Ketujuh).",
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
                "Anggaran) (format A.1.2).",
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
                f"{label}: pilih aspek (Kuantitas/ Kualitas/ Waktu/ Biaya) (kolom 4 format A.1.7).",
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
                    "besar (Lampiran Bab II huruf A, Tahap Ketujuh).",
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
                "(Lampiran Bab II huruf B).",
            )
        )
    if not _KELULUSAN.search(teks):
        t.append(
            Temuan(
                "V46",
                Tingkat.SARAN,
                "SKP tugas belajar memuat ketepatan waktu kelulusan (Lampiran Bab II huruf B).",
            )
        )
    return t


def ada_pelanggaran(temuan: list[Temuan]) -> bool:
    return any(x.tingkat == Tingkat.WAJIB for x in temuan)


# --- Input limits and checks on what people type --------------------------------------------

BATAS_PERSEN_WAJAR = 1000
# A minus sign that belongs to a number: at the start or after a space/bracket, and not
# the dash of a range ("80 - 90%", "2-3 hari").
_NEGATIF = re.compile(r"(?:^|(?<=[\s(:=]))[-\u2212](?=\d)")
_PERSEN = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(?:%|persen\b)", re.IGNORECASE)


def _terlalu_panjang(apa: str, batas: int, teks: str) -> str:
    return f"{apa} paling panjang {batas} karakter (kini {len(teks)})"


def target_negatif(target: str) -> bool:
    """A target amount below zero ("-5 dokumen"); a range's dash is not a sign."""
    for m in _NEGATIF.finditer(target):
        sebelum = target[: m.start()].rstrip()
        if not sebelum or not (sebelum[-1].isdigit() or sebelum[-1] == "%"):
            return True
    return False


def persen_terbesar(target: str) -> float | None:
    """The largest percentage in a target, Indonesian notation ("1.500%", "87,5 persen")."""
    nilai = [
        float(bulat.replace(".", "") + (f".{pecahan}" if pecahan else ""))
        for bulat, pecahan in _PERSEN.findall(target)
    ]
    return max(nilai) if nilai else None


def galat_isian_rhk(teks: str, penugasan_dari: str = "", rhk_pimpinan_teks: str = "") -> dict:
    """Field -> message for an RHK as typed; empty when it may be saved."""
    galat = {}
    if not teks.strip():
        galat["teks"] = "Rencana hasil kerja wajib diisi."
    elif len(teks) > BATAS_TEKS:
        galat["teks"] = _kalimat(_terlalu_panjang("rencana hasil kerja", BATAS_TEKS, teks))
    if len(penugasan_dari) > BATAS_PENUGASAN:
        galat["penugasan_dari"] = _kalimat(
            _terlalu_panjang("penugasan dari", BATAS_PENUGASAN, penugasan_dari)
        )
    if len(rhk_pimpinan_teks) > BATAS_RHK_PIMPINAN:
        galat["rhk_pimpinan_teks"] = _kalimat(
            _terlalu_panjang("rencana hasil kerja pimpinan", BATAS_RHK_PIMPINAN, rhk_pimpinan_teks)
        )
    return galat


def galat_isian_lampiran(bagian: str, jenis: str, teks: str) -> dict:
    """Field -> message for a Lampiran item as typed; empty when it may be saved."""
    galat = {}
    if bagian not in JENIS_LAMPIRAN:
        galat["bagian"] = "Bagian lampiran tidak dikenal."
    elif jenis and jenis not in JENIS_LAMPIRAN[bagian]:
        galat["jenis"] = "Jenis ini bukan bagian dari " + _LABEL_BAGIAN[bagian] + "."
    if not teks.strip():
        galat["teks"] = "Isi butir lampiran wajib diisi."
    elif len(teks) > BATAS_TEKS:
        galat["teks"] = _kalimat(_terlalu_panjang("butir lampiran", BATAS_TEKS, teks))
    return galat


_LABEL_BAGIAN = {
    "dukungan": "dukungan sumber daya",
    "skema": "skema pertanggungjawaban",
    "konsekuensi": "konsekuensi",
}


def _kalimat(pesan: str) -> str:
    return pesan[0].upper() + pesan[1:] + "."


def teks_rhk_pimpinan(rhk_teks: str, iki_teks: str | None = None) -> str:
    """Column (2) of A.1.7: the leader's RHK, and for a JPT/PUKM leader its indicator
    too (catatan kaki * format A.1.7; 000:4121-4125, written as in 000:10937-10947)."""
    if iki_teks is None:
        return rhk_teks.strip()
    return f"{rhk_teks.strip().rstrip('.')}. Indikator Kinerja Individu: {iki_teks.strip()}"
