"""Reads for the follow-up of feedback (Pasal 20-21), within the user's agency, in a fixed
number of queries.

Access follows the SKP (`skp.selectors.skp_untuk_pengguna`): the employee, her rater, the
rater's atasan and the agency admin may open the records; acting is a separate question
(`peran` here, the table in `tindak_lanjut.OLEH`). Records belong to the SKP and all its
versions (same `nomor_seri`): a penyesuaian ekspektasi makes a new version, and what was
recorded before it still counts (e.g. for a takeover).
"""

from __future__ import annotations

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


def pengambilalihan_periode(skp: SKP, periode) -> list[PengambilalihanRHK]:
    """The takeover notes (Pasal 20(7)-(8)) the rater weighs when evaluating `skp` for
    `periode` (anything with `akhir`, e.g. evaluasi.periode.Periode): every RHK of this
    SKP, in any version, taken over on or before the period's last day. One query."""
    return pengambilalihan_skp([skp], periode.akhir).get(skp.pk, [])


def pengambilalihan_skp(daftar_skp, akhir: date) -> dict[int, list[PengambilalihanRHK]]:
    """`pengambilalihan_periode` for many SKPs at once (the rater's team): one query."""
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
