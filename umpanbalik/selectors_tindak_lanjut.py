"""Reads for the follow-up of feedback (Pasal 20-21), within the user's agency, in a fixed
number of queries.

Access follows the SKP (`skp.selectors.skp_untuk_pengguna`): the employee, her rater, the
rater's atasan and the agency admin may open the records; acting is a separate question
(`peran` here, the table in `tindak_lanjut.OLEH`). Records belong to the SKP and all its
versions (same `nomor_seri`): a penyesuaian ekspektasi makes a new version, and what was
recorded before it still counts (e.g. for a takeover).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q

from skp import selectors as skp_selectors
from skp.models import SKP
from skp.workflow import BERLAKU, Status

from . import selectors as ub_selectors
from . import tindak_lanjut as tl
from .models import (
    BimbinganKinerja,
    BuktiLaporanPerilaku,
    JenisTindakLanjut,
    LaporanPerilakuKerja,
    PengambilalihanRHK,
    TindakLanjut,
    UmpanBalik,
)


def skp_untuk_pengguna(pengguna):
    """SKPs whose follow-up this user may open (the SKP's own access helper)."""
    return skp_selectors.skp_untuk_pengguna(pengguna)


def peran(pengguna, skp: SKP) -> frozenset[tl.Peran]:
    """This user's parts in the follow-up of one SKP."""
    hasil = set()
    if pengguna.admin_instansi:
        hasil.add(tl.Peran.KEPEGAWAIAN)
    saya = skp_selectors.pegawai_pengguna(pengguna)
    if saya is not None:
        if saya.pk == skp.pegawai_id:
            hasil.add(tl.Peran.PEGAWAI)
        elif saya.pk == skp_selectors.penilai_efektif_id(skp):
            hasil.add(tl.Peran.PIMPINAN)
        if saya.pk == skp.atasan_penilai_id and saya.pk != skp.pegawai_id:
            hasil.add(tl.Peran.ATASAN)
    return frozenset(hasil)


def _seri(skp: SKP, awalan: str = "skp__") -> Q:
    return Q(**{f"{awalan}nomor_seri": skp.nomor_seri, f"{awalan}tahun": skp.tahun})


def ada_perubahan(skp: SKP) -> bool:
    return SKP.objects.filter(pendahulu=skp).exists()


def versi_berlaku(skp: SKP) -> SKP:
    """The version of this SKP now in force (a signed change replaces the old one);
    the SKP itself when none of its versions is."""
    return (
        SKP.objects.filter(nomor_seri=skp.nomor_seri, tahun=skp.tahun, status__in=BERLAKU)
        .order_by("-versi")
        .first()
        or skp
    )


def jumlah_tanpa_kemajuan(skp: SKP) -> int:
    """Pasal 20(3) follow-ups recorded on any version of this SKP. Three queries."""
    sederhana = TindakLanjut.objects.filter(
        _seri(skp),
        jenis__in=[
            JenisTindakLanjut.PENYESUAIAN_EKSPEKTASI,
            JenisTindakLanjut.PENYESUAIAN_SUMBER_DAYA,
        ],
    ).count()
    return (
        sederhana
        + BimbinganKinerja.objects.filter(_seri(skp)).count()
        + LaporanPerilakuKerja.objects.filter(_seri(skp)).count()
    )


def keadaan(skp: SKP, **lain) -> tl.Keadaan:
    return tl.Keadaan(
        skp_berlaku=skp.status in BERLAKU,
        skp_ditandatangani=skp.status == Status.DITANDATANGANI,
        **lain,
    )


def _bukti_laporan() -> Prefetch:
    """The feedback entries a B.1.10 cites, oldest first (one query for all reports)."""
    return Prefetch(
        "bukti_terpilih",
        queryset=BuktiLaporanPerilaku.objects.select_related("umpan_balik").order_by(
            "umpan_balik__dibuat_pada", "umpan_balik__pk"
        ),
    )


def bukti_laporan(laporan: LaporanPerilakuKerja) -> list[UmpanBalik]:
    """The feedback entries cited by one B.1.10 (for its PDF). One query."""
    return [
        b.umpan_balik
        for b in BuktiLaporanPerilaku.objects.filter(laporan=laporan)
        .select_related("umpan_balik")
        .order_by("umpan_balik__dibuat_pada", "umpan_balik__pk")
    ]


def umpan_balik_untuk_laporan(pengguna, skp: SKP):
    """The feedback entries a B.1.10 on this SKP may cite as evidence: given to this
    employee on any version of this SKP (the same assessment period), and readable by
    the reporter (`selectors.umpan_balik_untuk_pengguna`, the record page's own helper).
    Anything else posted as an id is refused by the service."""
    return (
        ub_selectors.umpan_balik_untuk_pengguna(pengguna)
        .filter(_seri(skp), pegawai_id=skp.pegawai_id)
        .select_related("rhk")
        .order_by("dibuat_pada", "pk")
    )


def rekaman(skp: SKP) -> dict:
    """Everything recorded after feedback on this SKP (all versions), newest first.
    Six queries however many records."""
    return {
        "tindak_lanjut": list(
            TindakLanjut.objects.filter(_seri(skp))
            .select_related("rhk", "dicatat_oleh", "skp_perubahan")
            .order_by("-tanggal", "-pk")
        ),
        "bimbingan": list(
            BimbinganKinerja.objects.filter(_seri(skp))
            .select_related("dicatat_oleh", "umpan_balik", "evaluasi_kompetensi", "skp_perubahan")
            .order_by("-tanggal", "-pk")
        ),
        "laporan": list(
            LaporanPerilakuKerja.objects.filter(_seri(skp))
            .select_related("dicatat_oleh")
            .prefetch_related(_bukti_laporan())
            .order_by("-tanggal", "-pk")
        ),
        "pengambilalihan": list(
            PengambilalihanRHK.objects.filter(_seri(skp))
            .select_related("rhk", "diambil_alih_oleh")
            .order_by("-tanggal", "-pk")
        ),
    }


def rhk_diambil_alih(skp: SKP) -> set[int]:
    return set(PengambilalihanRHK.objects.filter(skp=skp).values_list("rhk_id", flat=True))


# --- For the evaluation (evaluasi) --------------------------------------------------------


def pengambilalihan_skp(daftar_skp, akhir: date) -> dict[int, list[PengambilalihanRHK]]:
    """The takeover notes (Pasal 20(7)-(8)) the rater weighs when evaluating each of these
    SKPs for a period ending on `akhir`: every RHK of the SKP, in any version, taken over on
    or before that day. One query for the whole team."""
    daftar_skp = list(daftar_skp)
    if not daftar_skp:
        return {}
    syarat = Q()
    for s in daftar_skp:
        syarat |= _seri(s)
    per_seri: dict[tuple[int, int], list] = {}
    for p in (
        PengambilalihanRHK.objects.filter(syarat, tanggal__lte=akhir)
        .select_related("rhk", "skp")
        # What a team row shows of a note (evaluasi/_baris.html), and its SKP's series.
        .only("tanggal", "catatan", "rhk", "skp", "rhk__teks", "skp__nomor_seri", "skp__tahun")
        .order_by("tanggal", "pk")
    ):
        per_seri.setdefault((p.skp.nomor_seri, p.skp.tahun), []).append(p)
    return {s.pk: per_seri.get((s.nomor_seri, s.tahun), []) for s in daftar_skp}


# --- The period's follow-up, on the same record page (Pasal 20-21, B.1.6-B.1.10) ---------


@dataclass
class ButirTindakLanjut:
    """One follow-up record as the employee's record page lists it; `jangkar` is its
    anchor on the follow-up page, `pdf` which of its formats opens as a PDF."""

    jenis: str
    format: str
    tanggal: date
    ringkasan: str
    oleh: str
    jangkar: str
    pdf: str = ""  # "bimbingan" | "laporan" | ""
    pk: int = 0
    catatan: str = ""
    menunggu_pegawai: bool = False  # the employee has still to sign it


def _gabung(baris: list, kunci: str) -> str:
    return "; ".join(str(b.get(kunci, "")).strip() for b in baris if isinstance(b, dict)).strip()


def tindak_lanjut_periode(skp: SKP, periode: ub_selectors.Periode) -> list[ButirTindakLanjut]:
    """What the pimpinan recorded after feedback in this period, on any version of the
    SKP (a penyesuaian ekspektasi makes a new one), oldest first. Four queries however
    many records (read from the follow-up's own models; its page stays the place to act)."""
    seri = _seri(skp)
    rentang = {"tanggal__gte": periode.mulai, "tanggal__lte": periode.selesai}
    butir = [
        ButirTindakLanjut(
            jenis=t.get_jenis_display(),
            format="",
            tanggal=t.tanggal,
            ringkasan=t.uraian,
            oleh=t.dicatat_oleh.nama_lengkap,
            jangkar=f"tl-{t.pk}",
            pk=t.pk,
            catatan=f"RHK: {t.rhk.teks}" if t.rhk_id else "",
        )
        for t in TindakLanjut.objects.filter(seri, **rentang).select_related("rhk", "dicatat_oleh")
    ]
    for b in BimbinganKinerja.objects.filter(seri, **rentang).select_related("dicatat_oleh"):
        isi = b.isi or {}
        if b.metode == "coaching":
            ringkasan = _gabung(isi.get("langkah", []), "strategi") or str(isi.get("peluang", ""))
            ringkasan = f"Langkah ke depan: {ringkasan}" if ringkasan else ""
        else:
            ringkasan = _gabung(isi.get("tujuan", []), "keahlian")
            ringkasan = f"Tujuan mentoring: {ringkasan}" if ringkasan else ""
        butir.append(
            ButirTindakLanjut(
                jenis=b.get_metode_display(),
                format=b.kode_format,
                tanggal=b.tanggal,
                ringkasan=ringkasan,
                oleh=b.pihak_lain_nama or b.dicatat_oleh.nama_lengkap,
                jangkar=f"bimbingan-{b.pk}",
                pdf="bimbingan",
                pk=b.pk,
                catatan=(
                    "Ditandatangani pegawai"
                    if b.ditandatangani_pegawai_pada
                    else "Menunggu tanda tangan pegawai"
                ),
                menunggu_pegawai=b.ditandatangani_pegawai_pada is None,
            )
        )
    for laporan in LaporanPerilakuKerja.objects.filter(seri, **rentang).select_related(
        "dicatat_oleh"
    ):
        butir.append(
            ButirTindakLanjut(
                jenis="Laporan permasalahan perilaku kerja",
                format="B.1.10",
                tanggal=laporan.tanggal,
                ringkasan=laporan.permasalahan,
                oleh=laporan.dicatat_oleh.nama_lengkap,
                jangkar=f"laporan-{laporan.pk}",
                pdf="laporan",
                pk=laporan.pk,
                catatan=(
                    f"Konseling kinerja {laporan.tanggal_konseling:%d-%m-%Y}"
                    if laporan.tanggal_konseling
                    else "Konseling kinerja belum dicatat"
                ),
            )
        )
    butir += [
        ButirTindakLanjut(
            jenis="Rencana hasil kerja diambil alih",
            format="",
            tanggal=p.tanggal,
            ringkasan=p.catatan,
            oleh=p.diambil_alih_oleh.nama_lengkap,
            jangkar=f"ambil-alih-{p.pk}",
            pk=p.pk,
            catatan=f"RHK: {p.rhk.teks}",
        )
        for p in PengambilalihanRHK.objects.filter(seri, **rentang).select_related(
            "rhk", "diambil_alih_oleh"
        )
    ]
    return sorted(butir, key=lambda b: (b.tanggal, b.jangkar))
