"""Evaluation documents: hasil evaluasi kinerja C.1.1/C.1.2/C.1.3 (Lampiran BAB IV,
000:7643-8237) and dokumen evaluasi kinerja D.1.1/D.1.2 (Lampiran BAB V, 000:8307-8482),
rendered by the one renderer (`organisasi.dokumen`) and archived when signed.

- The C format follows the SKP: qualitative -> C.1.1 (any post), quantitative -> C.1.2 for
  a JPT / pimpinan unit kerja mandiri, C.1.3 for administrasi/fungsional (000:7276-7286).
  Its RHK rows are the SKP's, in the SKP's numbering; the realisasi column reads what was
  documented for the period (umpanbalik), the feedback column the feedback of the period.
- The pola distribusi is drawn from the capaian kinerja organisasi of the unit the rater
  leads (000:6706-6710), as the regulation's curve with that title and axes
  (000:6718-6963): predikat on the x axis from Sangat Kurang to Sangat Baik.
- D.1.1 on the rater's path, D.1.2 once the atasan took the case over (000:8387-8414);
  both have the same fields 1-5, built once (`konteks_d1`, `_d1_isi.html`) so the
  keberatan form D.1.3 (000:8561-8641) can print the same body and add its own fields.
- The tenant's catalogue (PengaturanInstansi.katalog_format) picks the labels: Perwal
  Bekasi 38/2023 Formats 1-4 title the result "EVALUASI KINERJA PEGAWAI" with a "BAGI
  ..." line, write "PANGKAT/GOL. RUANG", "DI ATAS EKSPEKTASI" and the rater's field 5 of
  Format 4 as "INSTANSI" (003:571-667, 935-1025, 1110-1225).
- `arsipkan_evaluasi` is called by the signing services after every signature: each call
  archives a new version (D.1.x with its C.1.x attached, 000:8264-8278) carrying a QR code
  to the public verification page; downloads of a signed evaluation serve those bytes.

Catatan/rekomendasi are printed on D.1.x only, never on C.1.x (000:7294-7300).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from organisasi import selectors as org_selectors
from organisasi import verifikasi
from organisasi.dokumen import arsip_terakhir, arsipkan, isi_arsip, render_pdf
from organisasi.lambang import url_lambang
from organisasi.models import PANGKAT, ArsipDokumen
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tanggal import tanggal_id
from skp import dokumen as skp_dokumen
from skp.models import SKP, Kelompok
from umpanbalik import aturan as ub_aturan
from umpanbalik import selectors as ub_selectors
from umpanbalik.models import JenisRealisasi

from . import distribusi, periode, selectors, workflow
from .kuadran import URUTAN_PREDIKAT, Predikat, Rating
from .models import EvaluasiKinerja

JUDUL_D = "DOKUMEN EVALUASI KINERJA PEGAWAI"
KUALITATIF = skp_dokumen.KUALITATIF
KUANTITATIF = skp_dokumen.KUANTITATIF
BAGI_JPT = skp_dokumen.BAGI_JPT
BAGI_ADMIN_JF = skp_dokumen.BAGI_ADMIN_JF

FORMAT_C = {
    "C.1.1": "evaluasi/dokumen/c_1_1.html",
    "C.1.2": "evaluasi/dokumen/c_1_2.html",
    "C.1.3": "evaluasi/dokumen/c_1_3.html",
}
FORMAT_D = {"D.1.1": "evaluasi/dokumen/d_1_1.html", "D.1.2": "evaluasi/dokumen/d_1_2.html"}

CATATAN_PILIH = "* pilih salah satu"
CATATAN_POLA = (
    "** rating hasil dan rating perilaku kerja Pegawai ditetapkan dengan mempertimbangkan "
    "pola distribusi predikat Kinerja Pegawai berdasarkan capaian kinerja organisasi serta "
    "kontribusi Pegawai terhadap Kinerja Organisasi"
)
CATATAN_PERIODE_C = (
    "*** periode disesuaikan dengan periode evaluasi kinerja Pegawai yang berlaku pada "
    "Instansi Pemerintah"
)
CATATAN_PERSPEKTIF = (
    "**** perspektif hanya digunakan untuk pejabat pimpinan tinggi dan pimpinan unit kerja mandiri"
)
CATATAN_PERIODE_D = (
    "* periode disesuaikan dengan periode evaluasi kinerja Pegawai yang berlaku pada "
    "Instansi Pemerintah"
)
CATATAN_PILIH_D = "** pilih salah satu"

# The printed values (000:7669, 7690, 7803; Bekasi's filled examples 003:588-617, 951-973).
CETAK_CAPAIAN = {c: c.label.upper() for c in distribusi.CapaianOrganisasi}
CETAK_PREDIKAT = {
    Predikat.SANGAT_BAIK: "SANGAT BAIK",
    Predikat.BAIK: "BAIK",
    Predikat.BUTUH_PERBAIKAN: "BUTUH PERBAIKAN",
    Predikat.KURANG: "KURANG (MISCONDUCT)",
    Predikat.SANGAT_KURANG: "SANGAT KURANG",
}

# What a tenant's catalogue prints differently (see the module docstring).
KATALOG_EVALUASI = {
    "nasional": {
        "judul_hasil": "HASIL EVALUASI KINERJA PEGAWAI",
        "bagi_kualitatif": False,  # C.1.1 serves every post
        "label_periode_c": "PERIODE***",
        "label_periode_d": "PERIODE*",
        "nip_opsional_kualitatif": True,
        "unit_penilai_c13": "UNIT KERJA",
        "ket_iki_kualitatif_jpt": "Ukuran Keberhasilan/ Indikator Kinerja Individu, Target, "
        "dan Perspektif****:",
        "ket_iki_kualitatif": "Ukuran Keberhasilan/ Indikator Kinerja Individu, Target, dan "
        "Perspektif****:",
        "pangkat_d": "PANGKAT/GOL RUANG",
        "rating": {
            Rating.DIATAS: "DIATAS EKSPEKTASI",
            Rating.SESUAI: "SESUAI EKSPEKTASI",
            Rating.DIBAWAH: "DIBAWAH EKSPEKTASI",
        },
        "catatan_kaki": True,
    },
    "perwal_bekasi": {
        "judul_hasil": "EVALUASI KINERJA PEGAWAI",
        "bagi_kualitatif": True,  # Format 1 (JPT) / Format 3 (JA/JF)
        "label_periode_c": "PERIODE",
        "label_periode_d": "PERIODE",
        "nip_opsional_kualitatif": False,
        "unit_penilai_c13": "INSTANSI",
        "ket_iki_kualitatif_jpt": "Ukuran keberhasilan/ indikator kinerja individu dan Target:",
        "ket_iki_kualitatif": "Ukuran keberhasilan/ indikator kinerja individu dan Target:",
        "pangkat_d": "PANGKAT/GOL. RUANG",
        "rating": {
            Rating.DIATAS: "DI ATAS EKSPEKTASI",
            Rating.SESUAI: "SESUAI EKSPEKTASI",
            Rating.DIBAWAH: "DI BAWAH EKSPEKTASI",
        },
        "catatan_kaki": False,
    },
}


def katalog(skp: SKP) -> dict:
    kode = (skp.identitas or {}).get("katalog_format") or pengaturan_instansi().katalog_format
    return KATALOG_EVALUASI.get(kode, KATALOG_EVALUASI["nasional"])


# --- Which format ------------------------------------------------------------------------


def format_c(skp: SKP) -> str:
    if skp.pendekatan == "kualitatif":
        return "C.1.1"
    return "C.1.2" if skp.kelompok == Kelompok.JPT_PUKM else "C.1.3"


def jalur_atasan(evaluasi: EvaluasiKinerja) -> bool:
    """Evaluated by the atasan pejabat penilai (taken over): D.1.2. A reported case keeps
    the path it took (`diambil_alih_pada`)."""
    return evaluasi.status in workflow.JALUR_ATASAN or evaluasi.diambil_alih_pada is not None


def format_d(evaluasi: EvaluasiKinerja) -> str:
    return "D.1.2" if jalur_atasan(evaluasi) else "D.1.1"


def ditandatangani(evaluasi: EvaluasiKinerja) -> bool:
    return evaluasi.status in workflow.DITANDATANGANI


def periode_evaluasi(evaluasi: EvaluasiKinerja) -> periode.Periode:
    return periode.Periode(evaluasi.tahun, periode.Jenis(evaluasi.periode_jenis),
                           evaluasi.periode_nomor)  # fmt: skip


def label_periode(p: periode.Periode) -> str:
    """The value of the PERIODE line: the agency's own period ("JANUARI", "TRIWULAN I");
    the annual evaluation is the forms' "AKHIR" (000:7647)."""
    return "AKHIR (TAHUNAN)" if p.tahunan else p.label.upper()


# --- The people --------------------------------------------------------------------------


def _orang(pegawai, penempatan) -> dict:
    if pegawai is None:
        return {}
    golongan = pegawai.golongan
    return {
        "nama": pegawai.nama_lengkap,
        "nip": pegawai.nip,
        "pangkat": f"{PANGKAT[golongan]}, {golongan}" if golongan in PANGKAT else golongan,
        "jabatan": penempatan.jabatan.nama if penempatan else "",
        "unit": penempatan.jabatan.unit.nama if penempatan else "",
    }


def para_pihak(evaluasi: EvaluasiKinerja) -> tuple[dict, dict, dict]:
    """(pegawai, pejabat penilai, atasan pejabat penilai) as printed: the SKP's frozen
    identity where the evaluation has the SKP's rater and atasan, otherwise the person the
    evaluation names in her definitive post at the period's end (a rater who moved, a
    new rater after a transfer, 000:6470-6550)."""
    skp = evaluasi.skp
    pegawai, penilai, atasan = skp_dokumen.para_pihak(skp)
    lain = [
        pk
        for pk, sama in (
            (evaluasi.penilai_id, evaluasi.penilai_id == skp.penilai_id),
            (evaluasi.atasan_penilai_id, evaluasi.atasan_penilai_id == skp.atasan_penilai_id),
        )
        if pk and not sama
    ]
    if lain:
        akhir = periode_evaluasi(evaluasi).akhir
        penempatan = org_selectors.penempatan_definitif(lain, akhir)
        if evaluasi.penilai_id in lain:
            penilai = _orang(evaluasi.penilai, penempatan.get(evaluasi.penilai_id))
        if evaluasi.atasan_penilai_id in lain:
            atasan = _orang(evaluasi.atasan_penilai, penempatan.get(evaluasi.atasan_penilai_id))
    if evaluasi.atasan_penilai_id is None:
        atasan = {}  # evaluated by a minister or kepala daerah: no atasan (spec §5.3)
    return pegawai, penilai, atasan


def _tanggal(nilai) -> str:
    return tanggal_id(timezone.localdate(nilai)) if nilai else ""


# --- Capaian organisasi and its curve ----------------------------------------------------


@dataclass(frozen=True)
class Capaian:
    nilai: distribusi.CapaianOrganisasi | None
    tahun_lalu: bool

    @property
    def cetak(self) -> str:
        if self.nilai is None:
            return "BELUM DITETAPKAN"
        teks = CETAK_CAPAIAN[self.nilai]
        return f"{teks} (CAPAIAN TAHUN SEBELUMNYA)" if self.tahun_lalu else teks


def capaian(evaluasi: EvaluasiKinerja) -> Capaian:
    """The organisation's result of the unit the evaluation's rater leads (000:6706-6710)."""
    p = periode_evaluasi(evaluasi)
    unit = selectors.unit_dipimpin(evaluasi.penilai_id, p.akhir)
    berlaku = selectors.capaian_berlaku(unit, p)
    return Capaian(berlaku.capaian, berlaku.tahun_lalu)


# The curve as the regulation draws it: x from Sangat Kurang to Sangat Baik (000:6722-6735).
SUMBU_X = tuple(reversed(URUTAN_PREDIKAT))
LABEL_SUMBU = {
    Predikat.SANGAT_KURANG: ("Sangat", "Kurang"),
    Predikat.KURANG: ("Kurang/", "Misconduct"),
    Predikat.BUTUH_PERBAIKAN: ("Butuh", "Perbaikan"),
    Predikat.BAIK: ("Baik",),
    Predikat.SANGAT_BAIK: ("Sangat", "Baik"),
}
KURVA_LEBAR, KURVA_TINGGI = 400, 170
KURVA_KIRI, KURVA_KANAN, KURVA_ATAS, KURVA_BAWAH = 46, 10, 10, 44


def pola_distribusi(nilai: distribusi.CapaianOrganisasi | None) -> dict | None:
    """The guide curve for the capaian, as SVG geometry (drawn inline; a picture of the
    shape, not a quota)."""
    if nilai is None:
        return None
    tinggi = {t.predikat: t.tinggi for t in distribusi.kurva(nilai)}
    dasar = KURVA_TINGGI - KURVA_BAWAH
    ruang = dasar - KURVA_ATAS
    langkah = (KURVA_LEBAR - KURVA_KIRI - KURVA_KANAN) / len(SUMBU_X)
    xs = [KURVA_KIRI + langkah * (i + 0.5) for i in range(len(SUMBU_X))]
    pts = [(x, dasar - ruang * 0.95 * tinggi[p]) for x, p in zip(xs, SUMBU_X, strict=True)]
    # A smooth line through the points (Catmull-Rom as cubic Bezier segments).
    jalur = f"M {pts[0][0]:.1f} {pts[0][1]:.1f}"
    for k in range(len(pts) - 1):
        p0, p1, p2 = pts[max(k - 1, 0)], pts[k], pts[k + 1]
        p3 = pts[min(k + 2, len(pts) - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, min(p1[1] + (p2[1] - p0[1]) / 6, dasar))
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, min(p2[1] - (p3[1] - p1[1]) / 6, dasar))
        jalur += f" C {c1[0]:.1f} {c1[1]:.1f} {c2[0]:.1f} {c2[1]:.1f} {p2[0]:.1f} {p2[1]:.1f}"
    return {
        "judul": "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA "
        f"ORGANISASI {CETAK_CAPAIAN[nilai]}",
        "lebar": KURVA_LEBAR,
        "tinggi": KURVA_TINGGI,
        "kiri": KURVA_KIRI,
        "dasar": dasar,
        "atas": KURVA_ATAS,
        "kanan": KURVA_LEBAR - KURVA_KANAN,
        "tengah_y": (dasar + KURVA_ATAS) / 2,
        "jalur": jalur,
        "titik": [{"predikat": p, "y": y} for p, (_, y) in zip(SUMBU_X, pts, strict=True)],
        "label": [
            {"x": f"{x:.1f}", "baris": LABEL_SUMBU[p]} for x, p in zip(xs, SUMBU_X, strict=True)
        ],
    }


# --- Realisasi and feedback of the period ------------------------------------------------


def _realisasi(skp: SKP, p: periode.Periode) -> dict[int, list[str]]:
    """Per IKI: what was documented in the documentation periods that fall in the
    evaluation period, with the names of its evidence (000:6973-6981). The annual
    evaluation reads the final realisation where there is one (000:7306-7310)."""
    per_iki: dict[int, list] = {}
    for r in ub_selectors.realisasi_periode(skp):
        mulai, akhir = ub_aturan.rentang_periode(r.jenis_periode, skp.tahun, r.periode)
        if mulai <= p.akhir and akhir >= p.mulai:
            per_iki.setdefault(r.iki_id, []).append(r)
    hasil = {}
    for iki_id, daftar in per_iki.items():
        if p.tahunan and any(r.jenis == JenisRealisasi.AKHIR for r in daftar):
            daftar = [r for r in daftar if r.jenis == JenisRealisasi.AKHIR]
        teks = []
        for r in daftar:
            label = ub_aturan.label_periode(r.jenis_periode, skp.tahun, r.periode)
            baris = f"{label} ({r.get_jenis_display().lower()}): {r.uraian}"
            bukti = [b.nama for b in r.bukti.all()]
            if bukti:
                baris += f" Bukti dukung: {'; '.join(bukti)}."
            teks.append(baris)
        hasil[iki_id] = teks
    return hasil


def _teks(butir) -> str:
    return str(getattr(butir, "teks", None) or butir)


def umpan_balik(skp: SKP, p: periode.Periode) -> tuple[dict[int, list[str]], dict[str, list[str]]]:
    """The period's continuous feedback, (per IKI id, per BerAKHLAK value code), from the
    umpanbalik hook `selectors.pelaksanaan_periode`: each feedback item names the IKI it
    is about (`iki_id`) or the behaviour value (`perilaku`, the code of skp.perilaku) and
    prints as its `teks` (or str). Items naming neither are not placed in a row."""
    pelaksanaan = selectors.pelaksanaan_periode([skp.pk], p).get(skp.pk)
    per_iki: dict[int, list[str]] = {}
    per_perilaku: dict[str, list[str]] = {}
    for u in getattr(pelaksanaan, "umpan_balik", None) or []:
        iki_id = getattr(u, "iki_id", None)
        kode = getattr(u, "perilaku", "") or ""
        if iki_id:
            per_iki.setdefault(iki_id, []).append(_teks(u))
        elif kode:
            per_perilaku.setdefault(kode, []).append(_teks(u))
    return per_iki, per_perilaku


# --- Context -----------------------------------------------------------------------------


def muat(evaluasi: EvaluasiKinerja) -> EvaluasiKinerja:
    """The evaluation with its SKP loaded for printing (fixed number of queries). The
    evaluation itself is printed as given, so a caller's unsaved signature is printed
    too."""
    evaluasi.skp = skp_dokumen.muat(evaluasi.skp)
    return evaluasi


def draf(evaluasi: EvaluasiKinerja) -> bool:
    return not ditandatangani(evaluasi)


def _kepala(evaluasi, judul: list[str], label_periode_baris: str, **lain) -> dict:
    p = periode_evaluasi(evaluasi)
    return skp_dokumen.kepala(
        evaluasi.skp, judul, subjudul=[f"{label_periode_baris}: {label_periode(p)}"], **lain
    )


def _penanda_tangan_c(evaluasi, penilai: dict, atasan: dict) -> dict:
    if jalur_atasan(evaluasi):
        return {"peran": "Atasan Pejabat Penilai Kinerja", **atasan}
    return {"peran": "Pejabat Penilai Kinerja", **penilai}


def konteks_c(evaluasi: EvaluasiKinerja, *, tempat: str | None = None) -> dict:
    """Hasil evaluasi kinerja pegawai, C.1.1/C.1.2/C.1.3 (000:7643-8237)."""
    skp = evaluasi.skp
    kode = format_c(skp)
    kat = katalog(skp)
    jpt = skp.kelompok == Kelompok.JPT_PUKM
    p = periode_evaluasi(evaluasi)
    pegawai, penilai, atasan = para_pihak(evaluasi)
    if kode == "C.1.1":
        judul = [kat["judul_hasil"], KUALITATIF]
        if kat["bagi_kualitatif"]:
            judul.append(BAGI_JPT if jpt else BAGI_ADMIN_JF)
        opsi = {"nip_penilai_opsional": kat["nip_opsional_kualitatif"]}
    elif kode == "C.1.2":
        judul = [kat["judul_hasil"], KUANTITATIF, BAGI_JPT]
        opsi = {"nip_penilai_opsional": True, "unit_penilai": "INSTANSI"}
    else:
        judul = [kat["judul_hasil"], KUANTITATIF, BAGI_ADMIN_JF]
        opsi = {"nip_penilai_opsional": False, "unit_penilai": kat["unit_penilai_c13"]}
    realisasi = _realisasi(skp, p)
    ub_iki, ub_perilaku = umpan_balik(skp, p)
    hasil = skp_dokumen.hasil_kerja(skp)
    for seksi in hasil:
        for r in seksi["rhk"]:
            for k in r["iki"]:
                k["realisasi"] = realisasi.get(k["pk"], [])
                k["umpan_balik"] = ub_iki.get(k["pk"], [])
    perilaku = skp_dokumen.perilaku(skp, "")
    for n in perilaku["nilai"]:
        n["umpan_balik"] = ub_perilaku.get(n["kode"], [])
    nilai_capaian = capaian(evaluasi)
    rating = kat["rating"]
    tanda_tangan = _penanda_tangan_c(evaluasi, penilai, atasan)
    if evaluasi.ditandatangani_pada:
        tanda_tangan["keterangan"] = f"Ditandatangani pada {_tanggal(evaluasi.ditandatangani_pada)}"
    catatan = [CATATAN_PILIH, CATATAN_POLA, CATATAN_PERIODE_C]
    if kode == "C.1.1":
        catatan.append(CATATAN_PERSPEKTIF)
    return {
        "template": FORMAT_C[kode],
        "format": kode,
        "kepala": _kepala(evaluasi, judul, kat["label_periode_c"]),
        "identitas": skp_dokumen.identitas(skp, penilai=penilai, **opsi),
        "capaian": nilai_capaian.cetak,
        "pola": pola_distribusi(nilai_capaian.nilai),
        "hasil_kerja": hasil,
        "jpt": jpt,
        "ket_iki": kat["ket_iki_kualitatif_jpt"] if jpt else kat["ket_iki_kualitatif"],
        "perilaku": perilaku,
        "rating_hasil_kerja": rating.get(evaluasi.rating_hasil_kerja, ""),
        "rating_perilaku_kerja": rating.get(evaluasi.rating_perilaku_kerja, ""),
        "predikat": CETAK_PREDIKAT.get(evaluasi.predikat, ""),
        "gagal_tugas_belajar": evaluasi.gagal_tugas_belajar,
        "ttd": {
            "tempat": pengaturan_instansi().tempat_dokumen if tempat is None else tempat,
            "tanggal": _tanggal(evaluasi.ditandatangani_pada),
            "kanan": tanda_tangan,
        },
        "catatan_kaki": catatan if kat["catatan_kaki"] else [CATATAN_PILIH],
    }


def _blok_pihak(judul: str, nomor: int, orang: dict, label_pangkat: str) -> dict:
    return {
        "nomor": nomor,
        "judul": judul,
        "baris": [
            ("NAMA", orang.get("nama", "")),
            ("NIP", orang.get("nip", "")),
            (label_pangkat, orang.get("pangkat", "")),
            ("JABATAN", orang.get("jabatan", "")),
            ("UNIT KERJA", orang.get("unit", "")),
        ],
    }


def konteks_d1(evaluasi: EvaluasiKinerja) -> dict:
    """Fields 1-5 of the dokumen evaluasi (000:8307-8348), shared by D.1.1, D.1.2 and the
    keberatan form D.1.3 (000:8561-8641). D.1.3 extends this context: its fields 6-8 go in
    `bidang_tambahan` (printed after field 5 by `evaluasi/dokumen/_d1_isi.html`), its
    signatures 9/10 and 11 through `_d1_tanda_tangan.html` with `ttd_urut` (and `ttd.tempat`),
    and `verifikasi` (organisasi.verifikasi.blok_qr) for `dokumen/_qr.html`."""
    skp = evaluasi.skp
    kat = katalog(skp)
    pegawai, penilai, atasan = para_pihak(evaluasi)
    return {
        # "(LAMBANG GARUDA)" opens D.1.1-D.1.3 (000:8307, 8416, 8561), not C.1.x: the
        # agency's uploaded emblem, or nothing in its place when it has none.
        "kepala": _kepala(
            evaluasi, [JUDUL_D], kat["label_periode_d"], terpisah=True, lambang=url_lambang()
        ),
        "pihak": [
            _blok_pihak("PEGAWAI YANG DINILAI", 1, pegawai, kat["pangkat_d"]),
            _blok_pihak("PEJABAT PENILAI KINERJA", 2, penilai, kat["pangkat_d"]),
            _blok_pihak("ATASAN PEJABAT PENILAI KINERJA", 3, atasan, kat["pangkat_d"]),
        ],
        "capaian": capaian(evaluasi).cetak,
        "predikat": CETAK_PREDIKAT.get(evaluasi.predikat, ""),
        "catatan": evaluasi.catatan,
        # D.1.3's fields 6-8 as [{"nomor", "judul", "isi"}], printed after field 5.
        "bidang_tambahan": [],
        "orang": {"pegawai": pegawai, "penilai": penilai, "atasan": atasan},
        "catatan_kaki": [CATATAN_PERIODE_D, CATATAN_PILIH_D] if kat["catatan_kaki"] else [],
    }


def konteks_d(
    evaluasi: EvaluasiKinerja, *, tempat: str | None = None, verifikasi_qr: dict | None = None
) -> dict:
    """D.1.1 (signed 6. Pejabat Penilai Kinerja) or D.1.2 (6. Atasan Pejabat Penilai
    Kinerja), with 7. Pegawai yang Dinilai (000:8364-8376, 8478-8486)."""
    kode = format_d(evaluasi)
    konteks = konteks_d1(evaluasi)
    orang = konteks["orang"]
    tempat = pengaturan_instansi().tempat_dokumen if tempat is None else tempat
    if kode == "D.1.2":
        kanan = {"nomor": 6, "peran": "Atasan Pejabat Penilai Kinerja", **orang["atasan"]}
    else:
        kanan = {"nomor": 6, "peran": "Pejabat Penilai Kinerja", **orang["penilai"]}
    kiri = {"nomor": 7, "peran": "Pegawai yang Dinilai", **orang["pegawai"]}
    if evaluasi.ditandatangani_pada:
        kanan["tanggal"] = _tanggal(evaluasi.ditandatangani_pada)
        kanan["keterangan"] = f"Ditandatangani pada {kanan['tanggal']}"
    if evaluasi.dikembalikan_pada:
        kiri["tanggal"] = _tanggal(evaluasi.dikembalikan_pada)
        kiri["keterangan"] = f"Ditandatangani pada {kiri['tanggal']}"
    konteks.update(
        template=FORMAT_D[kode],
        format=kode,
        ttd={"tempat": tempat, "kiri": kiri, "kanan": kanan},
        ttd_urut=[kiri, kanan],
        verifikasi=verifikasi_qr,
    )
    return konteks


# --- PDF and archive ---------------------------------------------------------------------


def judul_evaluasi(evaluasi: EvaluasiKinerja, kode: str) -> str:
    p = periode_evaluasi(evaluasi)
    return f"{kode} {evaluasi.pegawai.nama_lengkap} {p.label_lengkap}"


def pdf_hasil(evaluasi: EvaluasiKinerja, *, tempat: str | None = None) -> bytes:
    """C.1.x on its own (a preview while the evaluation is not signed)."""
    evaluasi = muat(evaluasi)
    c = konteks_c(evaluasi, tempat=tempat)
    return render_pdf(
        c["template"], c, judul=judul_evaluasi(evaluasi, c["format"]), draf=draf(evaluasi)
    )


def pdf_dokumen(
    evaluasi: EvaluasiKinerja, *, tempat: str | None = None, token: str | None = None
) -> bytes:
    """D.1.x followed by its attachment C.1.x (000:8264-8278), one PDF. With `token`, the
    D page carries the QR code of the verification page."""
    evaluasi = muat(evaluasi)
    qr = verifikasi.blok_qr(token) if token else None
    d = konteks_d(evaluasi, tempat=tempat, verifikasi_qr=qr)
    c = konteks_c(evaluasi, tempat=tempat)
    return render_pdf(
        [(d["template"], d), (c["template"], c)],
        judul=judul_evaluasi(evaluasi, d["format"]),
        draf=draf(evaluasi),
    )


def kepala_verifikasi(evaluasi: EvaluasiKinerja) -> dict:
    """What the public verification page shows: the D page's own header (format, title,
    period, agency, the employee's name and NIP as printed), the date and the status."""
    d = konteks_d1(evaluasi)
    pegawai = d["orang"]["pegawai"]
    ttd = evaluasi.dikembalikan_pada or evaluasi.ditandatangani_pada
    return {
        "format": format_d(evaluasi),
        "judul": JUDUL_D,
        "periode": d["kepala"]["subjudul"][0],
        "instansi": d["kepala"]["nama_instansi"],
        "periode_penilaian": d["kepala"]["periode"],
        "nama": pegawai.get("nama", ""),
        "nip": pegawai.get("nip", ""),
        "tanggal": _tanggal(ttd),
        "status": workflow.Status(evaluasi.status).label,
    }


def arsipkan_evaluasi(evaluasi: EvaluasiKinerja, pengguna) -> ArsipDokumen:
    """Render the signed dokumen evaluasi (D.1.1 or D.1.2, with its C.1.x) once and keep
    those exact bytes with their SHA-256 and a verification key. Called by the signing
    services after each signature; a later signature (the employee's) archives a new
    version showing both, and the latest version is the one served."""
    if not ditandatangani(evaluasi):
        raise ValidationError(
            "Dokumen evaluasi diarsipkan setelah ditandatangani pejabat penilai atau atasannya."
        )
    token = verifikasi.buat_token(evaluasi.instansi_id)
    isi = pdf_dokumen(evaluasi, token=token)  # loads the SKP onto `evaluasi`
    kode = format_d(evaluasi)
    return arsipkan(
        evaluasi,
        jenis=kode,
        judul=judul_evaluasi(evaluasi, kode),
        isi=isi,
        oleh=pengguna,
        token=token,
        kepala=kepala_verifikasi(evaluasi),
    )


def arsip_evaluasi(evaluasi: EvaluasiKinerja) -> ArsipDokumen | None:
    """The latest archived dokumen evaluasi (D.1.1 or D.1.2) of the evaluation."""
    return arsip_terakhir(evaluasi, format_d(evaluasi))


def pdf_tersimpan(evaluasi: EvaluasiKinerja) -> bytes | None:
    arsip = arsip_evaluasi(evaluasi)
    return isi_arsip(arsip) if arsip else None


def status_kini(objek_id: int) -> str:
    """The verification page's "status now" for an evaluation (registered in apps.py)."""
    e = EvaluasiKinerja.objects.filter(pk=objek_id).only("status", "final").first()
    if e is None:
        return ""
    teks = workflow.Status(e.status).label
    return f"{teks}; hasil bersifat final" if e.final else teks
