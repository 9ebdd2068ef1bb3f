"""What follows continuous feedback (Pasal 20-21; Lampiran BAB III C.10-14 and D), as rules
on plain values: which follow-up fits which finding, who fills and signs each format
(B.1.6-B.1.10), what must come before what, and when a pimpinan may take over an RHK.

Pure: no database. `services_tindak_lanjut` asks here before it writes, the pages ask
here what to offer, and the tests walk every combination.

Sources (seed 000): Pasal 20(1)-(8) L786-855, Pasal 21 L858-866; Lampiran L4898-4936
(outcomes), L5439-6332 (pembinaan: coaching L5499-5681, mentoring L5683-5862, B.1.8
L5863-5975, B.1.9 L5976-6147, konseling and B.1.10 L6149-6332).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# --- Follow-up kinds (Pasal 20(2)-(3)) ------------------------------------------------------


class Jenis(StrEnum):
    APRESIASI = "apresiasi"
    PENUGASAN_BARU = "penugasan_baru"
    PENYESUAIAN_EKSPEKTASI = "penyesuaian_ekspektasi"
    PENYESUAIAN_SUMBER_DAYA = "penyesuaian_sumber_daya"
    COACHING = "coaching"
    MENTORING = "mentoring"
    KONSELING = "konseling"  # after a laporan permasalahan perilaku kerja (B.1.10)


LABEL_JENIS = {
    Jenis.APRESIASI: "Apresiasi",
    Jenis.PENUGASAN_BARU: "Penugasan baru",
    Jenis.PENYESUAIAN_EKSPEKTASI: "Penyesuaian ekspektasi",
    Jenis.PENYESUAIAN_SUMBER_DAYA: "Penyesuaian dukungan sumber daya",
    Jenis.COACHING: "Bimbingan kinerja: coaching (format B.1.6)",
    Jenis.MENTORING: "Bimbingan kinerja: mentoring (format B.1.7)",
    Jenis.KONSELING: "Konseling kinerja (laporan format B.1.10)",
}

# Pasal 20(2): the employee shows progress -> appreciation and/or a new assignment.
BILA_KEMAJUAN = frozenset({Jenis.APRESIASI, Jenis.PENUGASAN_BARU})
# Pasal 20(3): no progress -> adjust expectations, adjust resources, pembinaan (Pasal 21).
PEMBINAAN = frozenset({Jenis.COACHING, Jenis.MENTORING, Jenis.KONSELING})
BILA_TIDAK_KEMAJUAN = frozenset(
    {Jenis.PENYESUAIAN_EKSPEKTASI, Jenis.PENYESUAIAN_SUMBER_DAYA} | PEMBINAAN
)
# Recorded as one plain entry (the others have their own format).
JENIS_SEDERHANA = (
    Jenis.APRESIASI,
    Jenis.PENUGASAN_BARU,
    Jenis.PENYESUAIAN_EKSPEKTASI,
    Jenis.PENYESUAIAN_SUMBER_DAYA,
)


def menunjukkan_kemajuan(jenis: str) -> bool:
    """What the pimpinan found when choosing this follow-up (Pasal 20(1))."""
    return Jenis(jenis) in BILA_KEMAJUAN


def membuka_perubahan_skp(jenis: str, *, penyesuaian_target: bool = False) -> bool:
    """Adjusting expectations goes through the setting process again (Pasal 20(4)): a new
    SKP version. So does a coaching that agrees to adjust a measure or target (B.1.6
    footnote, L5670: "maka dilakukan perubahan SKP")."""
    return Jenis(jenis) == Jenis.PENYESUAIAN_EKSPEKTASI or (
        Jenis(jenis) == Jenis.COACHING and penyesuaian_target
    )


# --- Who fills and signs (spec-evaluation §1.1) ---------------------------------------------


class Peran(StrEnum):
    PIMPINAN = "pimpinan"  # the SKP's pejabat penilai (the one acting for them)
    PEGAWAI = "pegawai"  # the employee whose SKP it is
    ATASAN = "atasan"  # atasan dari pejabat penilai
    KEPEGAWAIAN = "kepegawaian"  # unit kepegawaian: the agency admin


class Aksi(StrEnum):
    CATAT = "catat"  # apresiasi .. penyesuaian sumber daya
    CATAT_BIMBINGAN = "catat_bimbingan"  # B.1.6 / B.1.7, signed by the coach or mentor
    TANDATANGANI_BIMBINGAN = "tandatangani_bimbingan"  # the employee co-signs B.1.6/B.1.7
    ISI_UMPAN_BALIK = "isi_umpan_balik"  # B.1.8
    ISI_EVALUASI_KOMPETENSI = "isi_evaluasi_kompetensi"  # B.1.9
    LAPOR_PERILAKU = "lapor_perilaku"  # B.1.10
    CATAT_KONSELING = "catat_konseling"  # rekaman hasil konseling kinerja
    AMBIL_ALIH = "ambil_alih"  # Pasal 20(6)-(7)


@dataclass(frozen=True)
class Format:
    kode: str
    judul: str
    diisi: str
    ditandatangani: str


FORMAT = {
    "B.1.6": Format(
        "B.1.6",
        "PELAKSANAAN COACHING",
        "Pegawai (tujuan, fakta, peluang) dan pimpinan/pihak lain bersama pegawai "
        "(langkah ke depan)",
        "Pegawai yang dinilai dan pimpinan/pihak lain yang diberikan penugasan khusus",
    ),
    "B.1.7": Format(
        "B.1.7",
        "PELAKSANAAN MENTORING",
        "Pegawai (tujuan) dan mentor bersama pegawai (jurnal mentoring)",
        "Pegawai yang dinilai dan pimpinan/pihak lain yang diberikan penugasan khusus",
    ),
    "B.1.8": Format(
        "B.1.8",
        "UMPAN BALIK PELAKSANAAN BIMBINGAN KINERJA",
        "Pegawai",
        "Pegawai yang dinilai; diserahkan kepada atasan dari pimpinan",
    ),
    "B.1.9": Format(
        "B.1.9",
        "EVALUASI KOMPETENSI PEGAWAI SEBAGAI TINDAK LANJUT BIMBINGAN KINERJA",
        "Pimpinan atau pihak lain yang diberikan penugasan khusus",
        "Pimpinan atau pihak lain yang diberikan penugasan khusus",
    ),
    "B.1.10": Format(
        "B.1.10",
        "LAPORAN PERMASALAHAN PERILAKU KERJA",
        "Pejabat penilai kinerja",
        "Pejabat penilai kinerja; dilaporkan kepada unit kepegawaian",
    ),
}

# Who may take each action (the employee never records follow-up on herself; another
# employee, another agency's anyone: nothing).
OLEH: dict[Aksi, frozenset[Peran]] = {
    Aksi.CATAT: frozenset({Peran.PIMPINAN}),
    Aksi.CATAT_BIMBINGAN: frozenset({Peran.PIMPINAN}),
    Aksi.TANDATANGANI_BIMBINGAN: frozenset({Peran.PEGAWAI}),
    Aksi.ISI_UMPAN_BALIK: frozenset({Peran.PEGAWAI}),
    Aksi.ISI_EVALUASI_KOMPETENSI: frozenset({Peran.PIMPINAN}),
    Aksi.LAPOR_PERILAKU: frozenset({Peran.PIMPINAN}),
    # The independent counsellor is appointed by the PyB / unit kepegawaian, or the rater
    # trained in counselling counsels (L6273-6307).
    Aksi.CATAT_KONSELING: frozenset({Peran.KEPEGAWAIAN, Peran.PIMPINAN}),
    Aksi.AMBIL_ALIH: frozenset({Peran.PIMPINAN}),
}

PESAN_PERAN = {
    Aksi.CATAT: "Tindak lanjut umpan balik dicatat oleh pejabat penilai pegawai ini.",
    Aksi.CATAT_BIMBINGAN: "Bimbingan kinerja dicatat oleh pejabat penilai pegawai ini.",
    Aksi.TANDATANGANI_BIMBINGAN: "Hanya pegawai yang dibimbing yang menandatangani format ini.",
    Aksi.ISI_UMPAN_BALIK: "Format B.1.8 diisi oleh pegawai yang dibimbing.",
    Aksi.ISI_EVALUASI_KOMPETENSI: "Format B.1.9 diisi oleh pimpinan yang membimbing.",
    Aksi.LAPOR_PERILAKU: "Format B.1.10 diisi oleh pejabat penilai kinerja pegawai ini.",
    Aksi.CATAT_KONSELING: "Hasil konseling dicatat oleh unit kepegawaian atau pejabat penilai.",
    Aksi.AMBIL_ALIH: "Rencana hasil kerja diambil alih oleh pimpinan pegawai ini.",
}


def boleh(aksi: Aksi, peran: frozenset[Peran] | set[Peran]) -> bool:
    return bool(OLEH[aksi] & set(peran))


def galat_peran(aksi: Aksi, peran) -> str | None:
    return None if boleh(aksi, peran) else PESAN_PERAN[aksi]


# --- Preconditions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Keadaan:
    """What is already recorded on an SKP (all its versions) and about one record."""

    skp_berlaku: bool = True  # the SKP is set (ditetapkan) or signed
    skp_ditandatangani: bool = False  # a change version is made from a signed SKP only
    ada_perubahan: bool = False  # a newer version already exists
    # A bimbingan record, for B.1.8/B.1.9 and the employee's signature:
    bimbingan_ditandatangani_pegawai: bool = False
    ada_umpan_balik: bool = False  # B.1.8 already filled for this bimbingan
    ada_evaluasi_kompetensi: bool = False  # B.1.9 already filled for this bimbingan
    # A B.1.10 report, for the counselling record:
    ada_hasil_konseling: bool = False
    # Takeover:
    tindak_lanjut_tanpa_kemajuan: int = 0  # recorded Pasal 20(3) follow-ups
    rhk_sudah_diambil_alih: bool = False


PESAN_SKP_BELUM_BERLAKU = (
    "Tindak lanjut umpan balik dicatat pada SKP yang sudah ditetapkan dan masih berlaku."
)
PESAN_PERUBAHAN_BELUM_DITANDATANGANI = (
    "Penyesuaian ekspektasi membuka perubahan SKP, yang hanya dapat dibuat dari SKP yang "
    "sudah ditandatangani pegawai. Minta pegawai menandatangani SKP-nya lebih dulu."
)
PESAN_PERUBAHAN_ADA = (
    "Perubahan SKP untuk pegawai ini sudah dibuat dan sedang berjalan; "
    "lanjutkan penyesuaian ekspektasi pada versi terbarunya."
)


def syarat(
    aksi: Aksi, k: Keadaan, *, jenis: str = "", penyesuaian_target: bool = False
) -> list[str]:
    """Why the action cannot be taken now (empty: it can). Roles are checked apart."""
    galat = []
    if (
        aksi
        in (
            Aksi.CATAT,
            Aksi.CATAT_BIMBINGAN,
            Aksi.LAPOR_PERILAKU,
            Aksi.AMBIL_ALIH,
            Aksi.ISI_EVALUASI_KOMPETENSI,
        )
        and not k.skp_berlaku
    ):
        galat.append(PESAN_SKP_BELUM_BERLAKU)
    if (
        aksi in (Aksi.CATAT, Aksi.CATAT_BIMBINGAN)
        and jenis
        and membuka_perubahan_skp(jenis, penyesuaian_target=penyesuaian_target)
    ):
        if k.ada_perubahan:
            galat.append(PESAN_PERUBAHAN_ADA)
        elif not k.skp_ditandatangani:
            galat.append(PESAN_PERUBAHAN_BELUM_DITANDATANGANI)
    if aksi == Aksi.TANDATANGANI_BIMBINGAN and k.bimbingan_ditandatangani_pegawai:
        galat.append("Format ini sudah Anda tandatangani.")
    if aksi == Aksi.ISI_UMPAN_BALIK:
        if not k.bimbingan_ditandatangani_pegawai:
            galat.append(
                "Tandatangani dulu catatan pelaksanaan bimbingannya; umpan balik (format B.1.8) "
                "diisi setelah bimbingan kinerja dilaksanakan."
            )
        if k.ada_umpan_balik:
            galat.append("Umpan balik atas bimbingan ini sudah diisi dan tidak dapat diubah.")
    if aksi == Aksi.ISI_EVALUASI_KOMPETENSI and k.ada_evaluasi_kompetensi:
        galat.append("Evaluasi kompetensi atas bimbingan ini sudah dibuat dan tidak dapat diubah.")
    if aksi == Aksi.CATAT_KONSELING and k.ada_hasil_konseling:
        galat.append("Hasil konseling atas laporan ini sudah dicatat.")
    if aksi == Aksi.AMBIL_ALIH:
        galat.extend(syarat_ambil_alih(k))
    return galat


PESAN_AMBIL_ALIH_TANPA_TINDAK_LANJUT = (
    "Rencana hasil kerja baru dapat diambil alih setelah tindak lanjut atas pegawai yang "
    "tidak menunjukkan kemajuan dicatat: penyesuaian ekspektasi, penyesuaian dukungan "
    "sumber daya, atau pembinaan kinerja (Pasal 20 ayat (6))."
)


def syarat_ambil_alih(k: Keadaan) -> list[str]:
    galat = []
    if k.tindak_lanjut_tanpa_kemajuan < 1:
        galat.append(PESAN_AMBIL_ALIH_TANPA_TINDAK_LANJUT)
    if k.rhk_sudah_diambil_alih:
        galat.append("Rencana hasil kerja ini sudah diambil alih.")
    return galat


CATATAN_MIN = 20


def galat_catatan_ambil_alih(catatan: str) -> str | None:
    """The note is mandatory and says the employee could not complete the RHK
    (Pasal 20(7)); it is what the rater weighs at evaluation (Pasal 20(8))."""
    teks = (catatan or "").strip()
    if not teks:
        return (
            "Catatan wajib diisi: tuliskan bahwa pegawai tidak dapat menyelesaikan rencana "
            "hasil kerja ini dan sebabnya (Pasal 20 ayat (7))."
        )
    if len(teks) < CATATAN_MIN:
        return (
            f"Catatan terlalu singkat (paling sedikit {CATATAN_MIN} karakter): jelaskan apa "
            "yang tidak dapat diselesaikan pegawai."
        )
    if len(teks) > 2000:
        return "Catatan paling panjang 2000 karakter."
    return None


# --- The fixed content of the formats -------------------------------------------------------

BENTUK_MENTORING = (
    ("shadowing", "Shadowing Events"),
    ("work_sharing", "Work Sharing"),
    ("hands_on", "Hands-on-training"),
    ("introducing", "Introducing"),
)

# B.1.8 (L5900-5964): subject, then its criteria numbered 1..9.
KRITERIA_B18 = (
    (
        "TENTANG PEGAWAI",
        (
            "Saya merasa diperhatikan dan dipahami",
            "Saya merasa tindakan/langkah yang telah saya lakukan dihargai",
            "Saya merasa dapat dengan bebas mengemukakan pendapat/pemikiran saya",
        ),
    ),
    (
        "TENTANG PIMPINAN/ PIHAK LAIN YANG DIBERIKAN PENUGASAN KHUSUS",
        (
            "Saya merasa bahwa pandangan yang diberikan berdasarkan data/fakta yang akurat",
            "Saya merasa bahwa pandangan/pendapat yang diberikan kepada saya bersifat positif",
            "Lebih banyak menggunakan metode bertanya dibandingkan menggurui",
        ),
    ),
    (
        "TENTANG PEGAWAI DAN PIMPINAN/ PIHAK LAIN YANG DIBERIKAN PENUGASAN KHUSUS",
        (
            "Saya merasa dibantu dalam mencari solusi dan aksi tindak lanjut",
            "Saya tahu apa yang harus saya lakukan setelah mengikuti kegiatan bimbingan "
            "kinerja ini",
            "Saya memahami maksud dan tujuan kegiatan bimbingan kinerja ini",
        ),
    ),
)
JUMLAH_KRITERIA_B18 = sum(len(k) for _, k in KRITERIA_B18)

# B.1.9 (L6029-6059): group, fixed competencies (kode, label); Teknis rows are free.
KOMPETENSI_B19 = (
    (
        "Manajerial",
        (
            ("integritas", "Integritas"),
            ("kerjasama", "Kerjasama"),
            ("komunikasi", "Komunikasi"),
            ("orientasi_hasil", "Orientasi pada Hasil"),
            ("pelayanan_publik", "Pelayanan Publik"),
            ("pengembangan_diri", "Pengembangan Diri dan Orang Lain"),
            ("mengelola_perubahan", "Mengelola Perubahan"),
            ("pengambilan_keputusan", "Pengambilan Keputusan"),
        ),
    ),
    ("Sosio Kultural", (("perekat_bangsa", "Perekat dan Pemersatu Bangsa"),)),
)
KODE_KOMPETENSI = tuple(kode for _, daftar in KOMPETENSI_B19 for kode, _ in daftar)

# DESKRIPSI SKALA PENILAIAN (L6064-6109).
SKALA_B19 = (
    (1, "Sangat Kurang", "Tidak ada indikator kompetensi yang dipenuhi"),
    (2, "Kurang memadai", "1-2 indikator kompetensi dipenuhi"),
    (3, "Memadai", "3 indikator kompetensi dipenuhi"),
    (4, "Diatas Memadai", "3 indikator dipenuhi dan perilaku di atas level kompetensinya"),
    (5, "Istimewa", "3 indikator dipenuhi dan perilaku jauh di atas level kompetensinya"),
)


def galat_evaluasi_kompetensi(nilai: dict, teknis: list[dict]) -> dict[str, str]:
    """Every fixed competency rated 1-5; a technical row needs its name and a rating."""
    galat = {}
    for kode in KODE_KOMPETENSI:
        n = (nilai.get(kode) or {}).get("nilai")
        if n not in (1, 2, 3, 4, 5):
            galat[kode] = "Beri nilai 1 sampai 5."
    for i, t in enumerate(teknis):
        if not (t.get("nama") or "").strip():
            galat[f"teknis_{i}"] = "Tuliskan nama kompetensi teknisnya."
        elif t.get("nilai") not in (1, 2, 3, 4, 5):
            galat[f"teknis_{i}"] = "Beri nilai 1 sampai 5 untuk kompetensi teknis."
    return galat


def galat_umpan_balik(jawaban: list[str]) -> str | None:
    """B.1.8: one answer per criterion, in the employee's words (no scale is given, AMBIG-5)."""
    if len(jawaban) != JUMLAH_KRITERIA_B18 or any(not (j or "").strip() for j in jawaban):
        return f"Isi umpan balik untuk setiap kriteria ({JUMLAH_KRITERIA_B18} kriteria)."
    if any(len(j) > 1000 for j in jawaban):
        return "Setiap umpan balik paling panjang 1000 karakter."
    return None


PANJANG_KUTIPAN = 300


def kutipan(teks: str, panjang: int = PANJANG_KUTIPAN) -> str:
    """The excerpt of a feedback entry quoted as B.1.10 evidence (page, form and PDF)."""
    teks = " ".join((teks or "").split())
    return teks if len(teks) <= panjang else teks[: panjang - 1].rstrip() + "…"


PESAN_BUKTI_LAPORAN = (
    "Pilih umpan balik berkelanjutan yang sudah diberikan kepada pegawai sebagai bukti, "
    "atau sebutkan buktinya bila umpan balik diberikan di luar aplikasi."
)


def galat_laporan_perilaku(
    *,
    tanggal: date,
    dikomunikasikan_pada: date | None,
    permasalahan: str,
    retrospektif: str,
    bukti_umpan_balik: str,
    punya_ekspektasi_khusus: bool,
    ekspektasi_khusus: str,
    jumlah_umpan_balik: int = 0,
    tanggal_umpan_balik: tuple[date, ...] = (),
) -> dict[str, str]:
    """B.1.10: the rater told the employee first and reports with the evidence that
    continuous feedback was given (L6180-6198): feedback entries picked from the
    employee's record (`jumlah_umpan_balik`, given on `tanggal_umpan_balik`, none after
    the report) and/or a short text (e.g. feedback given outside the application)."""
    galat = {}
    if dikomunikasikan_pada is None:
        galat["dikomunikasikan_pada"] = (
            "Isi tanggal permasalahan perilaku ini dikomunikasikan kepada pegawai: pejabat "
            "penilai wajib menyampaikannya sebelum melapor."
        )
    elif dikomunikasikan_pada > tanggal:
        galat["dikomunikasikan_pada"] = (
            "Permasalahan dikomunikasikan kepada pegawai sebelum dilaporkan, bukan sesudahnya."
        )
    if not permasalahan.strip():
        galat["permasalahan"] = "Jelaskan secara detil permasalahan perilaku kerjanya."
    if not retrospektif.strip():
        galat["retrospektif"] = "Tuliskan yang sudah Anda lakukan untuk memperbaikinya."
    if not bukti_umpan_balik.strip() and jumlah_umpan_balik < 1:
        galat["umpan_balik"] = PESAN_BUKTI_LAPORAN
    elif any(t > tanggal for t in tanggal_umpan_balik):
        galat["umpan_balik"] = (
            "Bukti adalah umpan balik yang sudah diberikan: pilih umpan balik yang diberikan "
            "pada atau sebelum tanggal laporan."
        )
    if len(bukti_umpan_balik.strip()) > 2000:
        galat["bukti_umpan_balik"] = "Keterangan bukti paling panjang 2000 karakter."
    if punya_ekspektasi_khusus and not ekspektasi_khusus.strip():
        galat["ekspektasi_khusus"] = "Tuliskan ekspektasi khusus tersebut."
    return galat


# --- The rows of B.1.6 and B.1.7 (`BimbinganKinerja.isi`) ------------------------------------

KOLOM_COACHING = {
    "tujuan": ("iki", "baseline", "target", "strategi"),
    "fakta": ("target", "progres", "masalah", "penyebab"),
    "langkah": ("iki", "strategi"),  # + "penyesuaian": bool
}
KOLOM_MENTORING = {
    "tujuan": ("keahlian", "jangka_waktu", "perubahan", "ukuran"),
    "jurnal": ("waktu_tempat", "materi", "rencana_aksi", "target_waktu"),
}
# Columns that may stay empty: "BASELINE TARGET (JIKA ADA)" (L5608).
KOLOM_OPSIONAL = frozenset({"baseline"})
# The formats' tables repeat their rows (L5604-5668, L5809-5849); a session's record
# holds at most this many rows per table.
MAKS_BARIS = 20


def _galat_baris(isi: dict, kolom: dict, pesan: dict) -> dict[str, str]:
    """Every table has at least one row and every row is checked on its own: the
    message names the first row that is incomplete."""
    galat = {}
    for bagian, nama_kolom in kolom.items():
        baris = isi.get(bagian) or []
        if not baris:
            galat[bagian] = pesan[bagian]
            continue
        if len(baris) > MAKS_BARIS:
            galat[bagian] = f"Paling banyak {MAKS_BARIS} baris untuk setiap tabel."
            continue
        for nomor, b in enumerate(baris, 1):
            awalan = f"Baris {nomor}: " if len(baris) > 1 else ""
            if any(len(str(b.get(k) or "")) > 1000 for k in nama_kolom):
                galat[bagian] = f"{awalan}Setiap isian paling panjang 1000 karakter."
                break
            if any(not str(b.get(k) or "").strip() for k in nama_kolom if k not in KOLOM_OPSIONAL):
                galat[bagian] = awalan + pesan[bagian]
                break
    return galat


def galat_isi_coaching(isi: dict) -> dict[str, str]:
    """B.1.6: every section filled (baseline only "jika ada"); each agreed step says
    whether the measure and target are adjusted (YA/TIDAK)."""
    galat = _galat_baris(
        isi,
        KOLOM_COACHING,
        {
            "tujuan": "Isi tujuan: indikator, target dan strategi pencapaiannya.",
            "fakta": "Isi fakta: target SKP, progres, masalah/hambatan dan penyebabnya.",
            "langkah": "Isi langkah ke depan: indikator dan strategi mengatasi hambatan.",
        },
    )
    if not str(isi.get("peluang") or "").strip():
        galat["peluang"] = "Isi peluang: apa yang dapat dilakukan pegawai."
    langkah = isi.get("langkah") or []
    for nomor, b in enumerate(langkah, 1):
        if "langkah" not in galat and not isinstance(b.get("penyesuaian"), bool):
            awalan = f"Baris {nomor}: " if len(langkah) > 1 else ""
            galat["langkah"] = awalan + "Pilih YA atau TIDAK untuk penyesuaian ukuran keberhasilan."
    return galat


def galat_isi_mentoring(isi: dict) -> dict[str, str]:
    """B.1.7: the mentoring goal rows, the journal rows, and the form(s) of mentoring."""
    galat = _galat_baris(
        isi,
        KOLOM_MENTORING,
        {
            "tujuan": "Isi tujuan mentoring: keahlian, jangka waktu, perubahan dan ukuran "
            "keberhasilannya.",
            "jurnal": "Isi jurnal mentoring: waktu dan tempat, materi, rencana aksi dan "
            "target waktunya.",
        },
    )
    kode = {k for k, _ in BENTUK_MENTORING}
    bentuk = isi.get("bentuk") or []
    if not bentuk or any(b not in kode for b in bentuk):
        galat["bentuk"] = "Pilih bentuk kegiatan mentoring."
    return galat


def ada_penyesuaian_target(isi: dict) -> bool:
    return any(b.get("penyesuaian") is True for b in isi.get("langkah") or [])
