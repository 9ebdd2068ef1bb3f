"""SKP documents: the context of each format (A.1.1-A.1.8) built from the database,
rendered by the one renderer (`organisasi.dokumen`), and archived when signed.

Labels are the regulation's, verbatim (000:2094-2470, 2785-2840, 3124-3480,
3798-4127, 4229-4264; spec-planning §2-3). Values come from the SKP's frozen
identity snapshot (`SKP.identitas`) and its rows.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from organisasi import selectors as org_selectors
from organisasi import verifikasi
from organisasi.dokumen import arsip_terakhir, arsipkan, isi_arsip, render_pdf
from organisasi.models import ArsipDokumen
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tanggal import BULAN, tanggal_id

from . import mph, workblock
from .models import (
    SKP,
    STATUS_TERKUNCI,
    Aspek,
    BagianLampiran,
    ButirLampiran,
    ButirWorkblock,
    EkspektasiKhusus,
    IndikatorKinerjaIndividu,
    JenisRHK,
    Kelompok,
    ManualIndikator,
    MatriksPeranHasil,
    PeranMPH,
    Perspektif,
    RencanaHasilKerja,
    Workblock,
)
from .perilaku import PERILAKU
from .selectors import identitas_penilai, rhk_bernomor

JUDUL_SKP = "SASARAN KINERJA PEGAWAI"
BAGI_JPT = "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
BAGI_ADMIN_JF = "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
KUALITATIF = "PENDEKATAN HASIL KERJA KUALITATIF"
KUANTITATIF = "PENDEKATAN HASIL KERJA KUANTITATIF"

# format -> (template, title lines)
FORMAT_SKP = {
    "A.1.1": ("dokumen/a_1_1.html", [JUDUL_SKP, KUALITATIF, BAGI_JPT]),
    "A.1.2": ("dokumen/a_1_2.html", [JUDUL_SKP, KUANTITATIF, BAGI_JPT]),
    "A.1.6": ("dokumen/a_1_6.html", [JUDUL_SKP, KUALITATIF, BAGI_ADMIN_JF]),
    "A.1.7": ("dokumen/a_1_7.html", [JUDUL_SKP, KUANTITATIF, BAGI_ADMIN_JF]),
}
# A tenant's own study-leave form (Perwal Bekasi 38/2023 Format 5, 003:1227-1262): the
# qualitative JPT layout, titled for study leave, rater's row 5 "INSTANSI".
JUDUL_TUGAS_BELAJAR = [JUDUL_SKP, KUALITATIF, "BAGI PEGAWAI TUGAS BELAJAR"]

JUDUL_MANUAL = [
    "MANUAL INDIKATOR KINERJA",
    "SKP PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
]
JUDUL_LAMPIRAN = ["LAMPIRAN SASARAN KINERJA PEGAWAI"]
JUDUL_WORKBLOCK = ["WORKBLOCK UNTUK IDENTIFIKASI STRATEGI PENCAPAIAN HASIL KERJA"]
JUDUL_MPH = ["MATRIKS PEMBAGIAN PERAN DAN HASIL"]

JUDUL_LAMPIRAN_BAGIAN = (
    (BagianLampiran.DUKUNGAN, "DUKUNGAN SUMBER DAYA"),
    (BagianLampiran.SKEMA, "SKEMA PERTANGGUNGJAWABAN"),
    (BagianLampiran.KONSEKUENSI, "KONSEKUENSI"),
)
TAMBAHAN_KOSONG = "- (dapat ditambahkan pada tahun berjalan)"

# What a tenant's form catalogue (PengaturanInstansi.katalog_format) prints differently.
# Perwal Bekasi 38/2023 Format 4, the JA/JF quantitative SKP (003:1028-1047), heads
# column (2) "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI" with no footnote, and asks for
# the assigning post with the RHK in column (3) ("disertai dengan Jabatan Pimpinan yang
# memberikan penugasan"). Formats Bekasi does not have are the national ones.
KATALOG_FORMAT = {
    "nasional": {
        "kolom_rhk_pimpinan": "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI*",
        "catatan_rhk_pimpinan": True,
        "penugasan_di_rhk": False,
    },
    "perwal_bekasi": {
        "kolom_rhk_pimpinan": "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI",
        "catatan_rhk_pimpinan": False,
        "penugasan_di_rhk": True,
    },
}
TIDAK_ADA_PERAN = "TIDAK ADA PERAN"


# --- Shared blocks (spec-planning §2) -----------------------------------------------------


def periode_teks(mulai: date, selesai: date) -> str:
    """'2 JANUARI SD 31 DESEMBER TAHUN 2026' (000:2102; day and month from the SKP, §2.1)."""
    awal = f"{mulai.day} {BULAN[mulai.month - 1].upper()}"
    akhir = f"{selesai.day} {BULAN[selesai.month - 1].upper()}"
    if mulai.year != selesai.year:
        awal += f" {mulai.year}"
    return f"{awal} SD {akhir} TAHUN {selesai.year}"


def _unit_puncak(skp: SKP) -> str:
    """The top unit of the employee's placement (for a Pemda: the Perangkat Daerah)."""
    return org_selectors.jalur_unit(skp.penempatan.jabatan.unit)[0].nama


def nama_entitas_kepala(skp: SKP) -> str:
    """Whose name heads the form: the agency, or, where the agency calls its parts
    'Perangkat Daerah', the employee's Perangkat Daerah (spec-local B20)."""
    ident = skp.identitas or {}
    istilah = (ident.get("istilah_instansi") or pengaturan_instansi().istilah_instansi).strip()
    nama_instansi = ident.get("instansi") or skp.instansi.nama
    if istilah.lower() == "instansi":
        return nama_instansi
    return ident.get("perangkat_daerah") or _unit_puncak(skp) or nama_instansi


def kepala(skp: SKP, judul: list[str], *, terpisah: bool = False, **lain) -> dict:
    return {
        "judul": judul,
        "nama_instansi": nama_entitas_kepala(skp).upper(),
        "periode": periode_teks(skp.periode_mulai, skp.periode_selesai),
        "terpisah": terpisah,  # A.1.8 puts name, label and period on three lines
        "subjudul": [f"VERSI {skp.versi} (PERUBAHAN SKP)"] if skp.versi > 1 else [],
        **lain,
    }


def _orang_langsung(pegawai) -> dict:
    # Only when a (legacy) SKP has no identity snapshot; normally `identitas` is used.
    if pegawai is None:
        return {}
    return {"nama": pegawai.nama_lengkap, "nip": pegawai.nip, "pangkat": pegawai.golongan}


def para_pihak(skp: SKP) -> tuple[dict, dict, dict]:
    ident = skp.identitas or {}
    pegawai = dict(ident.get("pegawai") or _orang_langsung(skp.pegawai))
    penilai = identitas_penilai(skp) or _orang_langsung(skp.penilai)
    atasan = dict(ident.get("atasan") or _orang_langsung(skp.atasan_penilai))
    if skp.penilai_kepala_daerah:
        # The kepala daerah has no rank and no unit of their own: the government is the unit.
        # An unnamed official leaves the name blank, never the title in its place.
        penilai.setdefault("unit", ident.get("instansi") or skp.instansi.nama)
        penilai["kepala_daerah"] = True
    return pegawai, penilai, atasan


def identitas(
    skp: SKP, *, nip_penilai_opsional: bool, unit_penilai: str = "UNIT KERJA",
    penilai: dict | None = None,
) -> list[dict]:  # fmt: skip
    """The NO | PEGAWAI YANG DINILAI | NO | PEJABAT PENILAI KINERJA rows; `penilai`
    replaces the SKP's rater (an evaluation made by another rater than the SKP's)."""
    pegawai, penilai_skp, _ = para_pihak(skp)
    penilai = penilai_skp if penilai is None else penilai
    baris = [
        ("NAMA", "nama"),
        ("NIP", "nip"),
        ("PANGKAT/ GOL. RUANG", "pangkat"),
        ("JABATAN", "jabatan"),
        ("UNIT KERJA", "unit"),
    ]
    hasil = []
    for nomor, (label, kunci) in enumerate(baris, 1):
        label_penilai = label
        if kunci == "nip" and nip_penilai_opsional:
            label_penilai = "NIP (*opsional)"  # A.1.1/A.1.2 only (000:2108, 2234)
        if kunci == "unit":
            label_penilai = unit_penilai
        hasil.append(
            {
                "nomor": nomor,
                "label": label,
                "pegawai": pegawai.get(kunci) or "",
                "label_penilai": label_penilai,
                "penilai": penilai.get(kunci) or ("-" if penilai.get("kepala_daerah") else ""),
            }
        )
    return hasil


def _tanggal(nilai) -> str:
    return tanggal_id(timezone.localdate(nilai)) if nilai else ""


def tanda_tangan(skp: SKP, tempat: str) -> dict:
    """(tempat), (tanggal); employee left, the one who set the SKP right (000:2212-2216)."""
    pegawai, penilai, atasan = para_pihak(skp)
    kanan = {"peran": "Pejabat Penilai Kinerja", **penilai}
    pelaksana = (skp.identitas or {}).get("pelaksana")
    if skp.penilai_kepala_daerah and pelaksana:
        # Set in the app by the employee acting for the kepala daerah: signed the way
        # official letters are, "a.n. Wali Kota Bekasi / Sekretaris Daerah / name / NIP".
        kanan = {"peran": "Pejabat Penilai Kinerja", **pelaksana}
    elif skp.ditetapkan_sebagai_atasan and atasan:
        # Set by the rater's superior after the deadline (000:4573-4579).
        kanan = {"peran": "Atasan Pejabat Penilai Kinerja", **atasan}
    if skp.ditetapkan_pada:
        kanan["keterangan"] = f"Ditetapkan pada {_tanggal(skp.ditetapkan_pada)}"
    kiri = {"peran": "Pegawai yang Dinilai", **pegawai}
    if skp.ditandatangani_pada:
        kiri["keterangan"] = f"Ditandatangani pada {_tanggal(skp.ditandatangani_pada)}"
    return {
        "tempat": tempat,
        "tanggal": _tanggal(skp.ditandatangani_pada or skp.ditetapkan_pada),
        "kiri": kiri,
        "kanan": kanan,
    }


def perilaku(skp: SKP, tanda: str) -> dict:
    """The 7 BerAKHLAK values with their fixed guides and the leader's bullets (§2.3)."""
    khusus: dict[str, list[str]] = {}
    for e in skp.ekspektasi_khusus.all():
        khusus.setdefault(e.nilai, []).append(e.teks)
    return {
        "tanda": tanda,
        "nilai": [
            {
                "kode": n.kode,
                "nomor": n.nomor,
                "label": n.label,
                "panduan": n.panduan,
                "ekspektasi": khusus.get(n.kode, []),
            }
            for n in PERILAKU
        ],
    }


# --- Hasil kerja --------------------------------------------------------------------------

LABEL_ASPEK = dict(Aspek.choices)
LABEL_PERSPEKTIF = dict(Perspektif.choices)


def _teks_pimpinan(r: RencanaHasilKerja) -> list[str]:
    """A.1.7 column (2): the leader's RHK, plus the leader's IKI when one is linked
    (a JPT leader's RHK is written with its IKI, 000:4121-4125)."""
    teks = r.rhk_pimpinan_teks.strip() or (r.rhk_pimpinan.teks if r.rhk_pimpinan_id else "")
    hasil = [teks] if teks else []
    if r.iki_pimpinan_id and r.iki_pimpinan.teks not in teks:
        hasil.append(f"Indikator Kinerja Individu: {r.iki_pimpinan.teks}")
    return hasil


def hasil_kerja(skp: SKP) -> list[dict]:
    """Sections A. UTAMA / B. TAMBAHAN; numbers run on across both (000:11873-11900)."""
    seksi = {JenisRHK.UTAMA: [], JenisRHK.TAMBAHAN: []}
    for r in rhk_bernomor(skp):
        iki = []
        for k in r.iki.all():
            iki.append(
                {
                    "pk": k.pk,
                    "label": k.label,
                    "teks": k.teks,
                    "target": k.target,
                    "aspek": ", ".join(LABEL_ASPEK.get(a, a) for a in (k.aspek or [])),
                    "perspektif": LABEL_PERSPEKTIF.get(k.perspektif, ""),
                    "manual": getattr(k, "manual", None),
                }
            )
        seksi[r.jenis].append(
            {
                "nomor": r.nomor,
                "teks": r.teks,
                "penugasan_dari": r.penugasan_dari,
                "pimpinan": _teks_pimpinan(r),
                "iki": iki,
                "baris": max(1, len(iki)),  # rowspan of the RHK cells
            }
        )
    return [
        {"judul": JenisRHK.UTAMA.label, "rhk": seksi[JenisRHK.UTAMA], "kosong": "-"},
        # An empty TAMBAHAN is written as in the examples (000:11104-11105).
        {
            "judul": JenisRHK.TAMBAHAN.label,
            "rhk": seksi[JenisRHK.TAMBAHAN],
            "kosong": TAMBAHAN_KOSONG,
        },
    ]


LABEL_JENIS_LAMPIRAN = dict(ButirLampiran.Jenis.choices)


def _lampiran(skp: SKP) -> list[dict]:
    """The three parts of A.1.8, each item with its jenis (SDM, anggaran, ...) if chosen."""
    butir: dict[str, list[dict]] = {}
    for b in skp.lampiran.all():
        butir.setdefault(b.bagian, []).append(
            {"jenis": LABEL_JENIS_LAMPIRAN.get(b.jenis, ""), "teks": b.teks}
        )
    return [{"judul": judul, "butir": butir.get(kode, [])} for kode, judul in JUDUL_LAMPIRAN_BAGIAN]


def _pilihan(choices, terpilih: str) -> list[dict]:
    return [{"label": label, "dipilih": kode == terpilih} for kode, label in choices]


def _manual(skp: SKP) -> list[dict]:
    """One A.1.3 table per IKI that has a manual, in SKP order."""
    hasil = []
    for bagian in hasil_kerja(skp):
        for r in bagian["rhk"]:
            for iki in r["iki"]:
                manual = iki["manual"]
                if manual is None:
                    continue
                hasil.append(
                    {
                        "label": iki["label"],
                        "rhk": r["teks"],
                        "iki": iki["teks"],
                        "target": iki["target"],
                        "tujuan": manual.tujuan,
                        "definisi": manual.definisi,
                        "formula": manual.formula,
                        "satuan": manual.satuan,
                        "kendali": _pilihan(
                            ManualIndikator.KualitasKendali.choices, manual.kualitas_kendali
                        ),
                        "sumber_data": manual.sumber_data,
                        "periode": _pilihan(
                            ManualIndikator.PeriodePelaporan.choices, manual.periode_pelaporan
                        ),
                    }
                )
    return hasil


# --- SKP ----------------------------------------------------------------------------------


def muat(skp: SKP) -> SKP:
    """The SKP with everything a document prints, in a fixed number of queries."""
    iki = IndikatorKinerjaIndividu.objects.select_related("manual").order_by("urutan", "pk")
    return (
        SKP.objects.select_related(
            "instansi", "pegawai", "penilai", "atasan_penilai", "penempatan__jabatan__unit"
        )
        .prefetch_related(
            Prefetch(
                "rhk",
                queryset=RencanaHasilKerja.objects.select_related(
                    "rhk_pimpinan", "iki_pimpinan"
                ).prefetch_related(Prefetch("iki", queryset=iki)),
            ),
            Prefetch(
                "ekspektasi_khusus",
                queryset=EkspektasiKhusus.objects.order_by("urutan", "pk"),
            ),
            Prefetch("lampiran", queryset=ButirLampiran.objects.order_by("urutan", "pk")),
        )
        .get(pk=skp.pk)
    )


def draf(skp: SKP) -> bool:
    """Not yet set: every page carries a DRAF watermark."""
    return skp.status not in STATUS_TERKUNCI


def katalog_format(skp: SKP) -> dict:
    """The labels of the tenant's form catalogue, as frozen in the SKP's identity."""
    kode = (skp.identitas or {}).get("katalog_format") or pengaturan_instansi().katalog_format
    return KATALOG_FORMAT.get(kode, KATALOG_FORMAT["nasional"])


def konteks_skp(skp: SKP, *, tempat: str = "") -> dict:
    kode = skp.format
    katalog = katalog_format(skp)
    template, judul = FORMAT_SKP[kode]
    jpt = skp.kelompok == Kelompok.JPT_PUKM
    opsi_identitas = {"nip_penilai_opsional": jpt}
    if (skp.identitas or {}).get("format_tugas_belajar") == "khusus":
        template, judul = "dokumen/a_1_1.html", JUDUL_TUGAS_BELAJAR
        opsi_identitas = {"nip_penilai_opsional": True, "unit_penilai": "INSTANSI"}
    return {
        "template": template,
        "format": kode,
        "kepala": kepala(skp, judul),
        "identitas": identitas(skp, **opsi_identitas),
        "hasil_kerja": hasil_kerja(skp),
        "katalog": katalog,
        # A.1.7's behaviour footnote is the second one when column (2) has the first.
        "perilaku": perilaku(
            skp, "**" if kode == "A.1.7" and katalog["catatan_rhk_pimpinan"] else "*"
        ),
        "ttd": tanda_tangan(skp, tempat),
    }


def konteks_lampiran(skp: SKP, *, tempat: str = "") -> dict:
    pegawai, _, _ = para_pihak(skp)
    return {
        "kepala": kepala(skp, JUDUL_LAMPIRAN, terpisah=True, jabatan=pegawai.get("jabatan", "")),
        "bagian": _lampiran(skp),
        "ttd": tanda_tangan(skp, tempat),
    }


def konteks_manual(skp: SKP) -> dict:
    return {"kepala": kepala(skp, JUDUL_MANUAL), "manual": _manual(skp)}


def judul_skp(skp: SKP) -> str:
    pegawai, _, _ = para_pihak(skp)
    return f"SKP {skp.tahun} {pegawai.get('nama', '')} ({skp.format}, versi {skp.versi})"


def pdf_skp(skp: SKP, *, tempat: str = "", token: str | None = None) -> bytes:
    """The SKP in its format, then its Lampiran (A.1.8) and, for a JPT/PUKM SKP with
    manuals, the Manual IK pages (A.1.3): one PDF. With `token` (archiving), the first
    page carries the QR code of the public verification page."""
    skp = muat(skp)
    utama = konteks_skp(skp, tempat=tempat)
    utama["verifikasi"] = verifikasi.blok_qr(token) if token else None
    bagian = [
        (utama["template"], utama),
        ("dokumen/a_1_8.html", konteks_lampiran(skp, tempat=tempat)),
    ]
    if skp.kelompok == Kelompok.JPT_PUKM:
        manual = konteks_manual(skp)
        if manual["manual"]:
            bagian.append(("dokumen/a_1_3.html", manual))
    return render_pdf(bagian, judul=judul_skp(skp), draf=draf(skp))


def kepala_verifikasi(skp: SKP) -> dict:
    """What the public verification page shows of an archived SKP: its own header."""
    pegawai, _, _ = para_pihak(skp)
    return {
        "format": skp.format,
        "judul": JUDUL_SKP,
        "instansi": nama_entitas_kepala(skp).upper(),
        "periode_penilaian": "PERIODE PENILAIAN: "
        + periode_teks(skp.periode_mulai, skp.periode_selesai),
        "nama": pegawai.get("nama", ""),
        "nip": pegawai.get("nip", ""),
        "tanggal": _tanggal(skp.ditandatangani_pada or skp.ditetapkan_pada),
        "status": skp.get_status_display(),
    }


def arsipkan_skp(skp: SKP, pengguna, *, tempat: str = "") -> ArsipDokumen:
    """Render the signed SKP once and keep those exact bytes (called when it is signed),
    with the key its QR code prints."""
    token = verifikasi.buat_token(skp.instansi_id)
    isi = pdf_skp(skp, tempat=tempat, token=token)
    return arsipkan(
        skp, jenis=skp.format, judul=judul_skp(skp), isi=isi, oleh=pengguna, token=token,
        kepala=kepala_verifikasi(skp),
    )  # fmt: skip


def status_kini(objek_id: int) -> str:
    """The verification page's "status now" for an SKP (registered in apps.py)."""
    skp = SKP.objects.filter(pk=objek_id).only("status").first()
    return skp.get_status_display() if skp else ""


def arsip_skp(skp: SKP) -> ArsipDokumen | None:
    return arsip_terakhir(skp, skp.format)


def pdf_tersimpan(skp: SKP) -> bytes | None:
    """The archived PDF of a signed SKP, byte for byte; None if there is none."""
    arsip = arsip_skp(skp)
    return isi_arsip(arsip) if arsip else None


# --- Workblock (A.1.4) --------------------------------------------------------------------


def konteks_workblock(wb: Workblock) -> dict:
    """Numbered as on the page (`workblock.bernomor`: one counter per type, running on
    from RUTIN into TRANSFORMATIF)."""
    bernomor = workblock.bernomor(wb.butir.all())
    return {
        "kepala": {"judul": JUDUL_WORKBLOCK, "tanpa_periode": True},
        "wb": wb,
        "kegiatan": bernomor[ButirWorkblock.Tipe.KEGIATAN]["bagian"],
        "keluaran": bernomor[ButirWorkblock.Tipe.KELUARAN]["bagian"],
    }


def pdf_workblock(wb: Workblock) -> bytes:
    """A draft SKP's Workblock carries the DRAF mark like the SKP itself."""
    return render_pdf(
        "dokumen/a_1_4.html",
        konteks_workblock(wb),
        judul=f"Workblock {wb.judul[:80]}",
        draf=draf(wb.skp),
    )


def pdf_manual(skp: SKP) -> bytes:
    """The Manual IK pages (A.1.3) on their own, as printed after a JPT/PUKM SKP."""
    skp = muat(skp)
    return render_pdf(
        "dokumen/a_1_3.html",
        konteks_manual(skp),
        judul=f"Manual IK {judul_skp(skp)}",
        draf=draf(skp),
    )


# --- MPH (A.1.5) --------------------------------------------------------------------------


def _tabel_mph(matriks: MatriksPeranHasil) -> dict:
    """One table of the format: the leader (or ketua tim) and her columns on top, then one
    row per person with their role-results, TIDAK ADA PERAN, or '-' when nothing is
    recorded. Columns and cells are read exactly as the page reads them."""
    data = mph.data_matriks(matriks, mph.tanggal_acuan(matriks.skp_pimpinan))
    pimpinan, _, _ = para_pihak(matriks.skp_pimpinan)
    return {
        "tim": matriks.induk_id is not None,
        "nama_tim": matriks.nama_tim,
        "pimpinan": {
            "nama": pimpinan.get("nama", "") or matriks.skp_pimpinan.pegawai.nama_lengkap,
            "jabatan": data.pimpinan_jabatan,
        },
        "kolom": [{"label": k.label, "teks": k.teks} for k in data.kolom],
        "baris": [
            {
                "nama": b.baris.pegawai.nama_lengkap,
                "ketua_tim": b.baris.peran == PeranMPH.KETUA_TIM,
                "jabatan": b.jabatan,
                "sel": [
                    {"tidak_ada": s.tidak_ada_peran, "peran": [p.teks for p in s.peran]}
                    for s in b.sel
                ],
            }
            for b in data.baris
        ],
    }


def konteks_mph(matriks: MatriksPeranHasil, terlihat=None) -> dict:
    """A one-level matrix is one table. Where teams are formed (two-level alignment,
    000:3237-3288), the leader's table comes first and each team's table follows it,
    whichever of them is printed; only the tables among `terlihat` (the matrices the
    reader may open, `mph.mph_untuk_pengguna`) when given."""
    if matriks.induk_id is not None:
        urutan = [matriks.induk, matriks]
    else:
        urutan = [matriks, *MatriksPeranHasil.objects.filter(induk=matriks).order_by("pk")]
    if terlihat is not None:
        boleh = set(terlihat.filter(pk__in=[m.pk for m in urutan]).values_list("pk", flat=True))
        urutan = [m for m in urutan if m.pk == matriks.pk or m.pk in boleh]
    return {
        "kepala": {"judul": JUDUL_MPH, "tanpa_periode": True},
        "tabel": [_tabel_mph(m) for m in urutan],
        "tidak_ada_peran": TIDAK_ADA_PERAN,
    }


def pdf_mph(matriks: MatriksPeranHasil, terlihat=None) -> bytes:
    return render_pdf(
        "dokumen/a_1_5.html",
        konteks_mph(matriks, terlihat),
        judul="Matriks Pembagian Peran dan Hasil",
        draf=draf(matriks.skp_pimpinan),
    )
