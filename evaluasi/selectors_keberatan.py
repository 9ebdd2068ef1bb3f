"""Reads for keberatan, always within the user's agency, in a fixed number of queries.

Access helper: `keberatan_untuk_pengguna` (the page, its evidence, its D.1.3 PDF and the
home page all ask here): the pegawai, the pejabat penilai and the atasan pejabat penilai
of that keberatan, and the agency admin; no one else, never another agency.

`hasil_berlaku` is the result reports and exports use: the original evaluation's, or the
D.1.3 result once the atasan decided to change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q
from django.utils import timezone

from organisasi.hari_kerja import KalenderKerja
from skp.selectors import pegawai_pengguna

from . import keberatan as aturan
from . import kuadran, selectors
from . import workflow_keberatan as wk
from .models import EvaluasiKinerja, Keberatan
from .periode import Periode
from .workflow import JALUR_ATASAN

# --- Access ---------------------------------------------------------------------------------


def keberatan_untuk_pengguna(pengguna):
    """Every keberatan this user may open: as its pegawai, rater or atasan, or as the
    agency admin. Others (colleagues, other agencies) see none."""
    qs = Keberatan.objects.select_related("evaluasi", "pegawai", "penilai", "atasan")
    if pengguna.admin_instansi:
        return qs
    pegawai = pegawai_pengguna(pengguna)
    if pegawai is None:
        return qs.none()
    return qs.filter(Q(pegawai=pegawai) | Q(penilai=pegawai) | Q(atasan=pegawai))


def peran(pengguna, k: Keberatan) -> frozenset[wk.Peran]:
    pegawai = pegawai_pengguna(pengguna)
    return wk.peran_dalam(
        pegawai_id=pegawai.pk if pegawai else None,
        dinilai_id=k.pegawai_id,
        penilai_id=k.penilai_id,
        atasan_id=k.atasan_id,
    )


# --- Who may file ---------------------------------------------------------------------------


def diterima_pada(evaluasi: EvaluasiKinerja) -> date | None:
    """The day the pegawai received the dokumen evaluasi (the evaluation's delivery)."""
    return timezone.localdate(evaluasi.diserahkan_pada) if evaluasi.diserahkan_pada else None


def syarat_pengajuan(evaluasi: EvaluasiKinerja) -> aturan.SyaratPengajuan:
    """The facts the filing rule needs. Reads the SKP's position (select_related it)."""
    skp = evaluasi.skp
    jabatan = skp.penempatan.jabatan
    sebab_peran = aturan.sebab_final_peran(
        jenis_jabatan=jabatan.jenis,
        instansi_daerah=evaluasi.instansi.jenis == "daerah",
        kepala_unit_mandiri=jabatan.kepala_unit and jabatan.unit.jenis == "mandiri",
        penilai_kepala_daerah=skp.penilai_kepala_daerah,
    )
    return aturan.SyaratPengajuan(
        status=evaluasi.status,
        final=evaluasi.final,
        sebab_final=evaluasi.sebab_final,
        sebab_peran=sebab_peran,
        ada_atasan=evaluasi.atasan_penilai_id is not None,
        penilai_sama_dengan_atasan=evaluasi.atasan_penilai_id == evaluasi.penilai_id,
        diterima_pada=diterima_pada(evaluasi),
    )


def _evaluasi_lengkap():
    return EvaluasiKinerja.objects.select_related(
        "instansi", "pegawai", "penilai", "atasan_penilai", "skp__penempatan__jabatan__unit"
    )


def evaluasi_pegawai(pengguna, pk: int) -> EvaluasiKinerja:
    """The user's own evaluation (DoesNotExist for anyone else's)."""
    pegawai = pegawai_pengguna(pengguna)
    if pegawai is None:
        raise EvaluasiKinerja.DoesNotExist
    return _evaluasi_lengkap().get(pk=pk, pegawai=pegawai)


def q_dapat_diajukan() -> Q:
    """The filing rule as a filter (the window's date aside): delivered, not final by
    the evaluation's path or by role, an atasan who is not the rater, no keberatan yet.
    Built from the same rule (`aturan.jabatan_final`, per kind of agency)."""
    jenis = "skp__penempatan__jabatan__jenis__in"
    return (
        Q(status__in=sorted(aturan.STATUS_DAPAT_DIAJUKAN), final=False, sebab_final="")
        & ~Q(status__in=sorted(JALUR_ATASAN))
        & Q(diserahkan_pada__isnull=False, atasan_penilai__isnull=False)
        & ~Q(atasan_penilai=F("penilai"))
        & Q(skp__penilai_kepala_daerah=False)
        & ~Q(**{jenis: sorted(aturan.jabatan_final(False))})
        & ~(Q(instansi__jenis="daerah") & Q(**{jenis: sorted(aturan.jabatan_final(True))}))
        & ~Q(keberatan__isnull=False)
    )


@dataclass(frozen=True)
class Kesempatan:
    """An evaluation the pegawai may object to now, and until when."""

    evaluasi: EvaluasiKinerja
    batas: object  # JatuhTempo

    @property
    def periode(self) -> Periode:
        return periode_evaluasi(self.evaluasi)


def periode_evaluasi(e: EvaluasiKinerja) -> Periode:
    return Periode(e.tahun, e.periode_jenis, e.periode_nomor)


def kesempatan(e: EvaluasiKinerja, kalender: KalenderKerja, hari_ini: date) -> Kesempatan | None:
    s = syarat_pengajuan(e)
    if aturan.periksa_pengajuan(s, kalender, hari_ini) is not None:
        return None
    return Kesempatan(e, aturan.batas_pengajuan(kalender, s.diterima_pada))


def kesempatan_pegawai(pegawai_id: int, kalender: KalenderKerja, hari_ini: date) -> list:
    """The pegawai's evaluations open to a keberatan today. One query."""
    qs = _evaluasi_lengkap().filter(q_dapat_diajukan(), pegawai_id=pegawai_id)
    daftar = (kesempatan(e, kalender, hari_ini) for e in qs.order_by("-tahun", "-periode_nomor"))
    return [s for s in daftar if s is not None]


# --- Clocks ---------------------------------------------------------------------------------


def akhir_jendela(e: EvaluasiKinerja, kalender: KalenderKerja) -> date:
    return selectors.jendela(periode_evaluasi(e), kalender).akhir


def jadwal(k: Keberatan, kalender: KalenderKerja) -> aturan.Jadwal:
    return aturan.jadwal(
        kalender,
        diajukan_pada=k.tanggal_pengajuan,
        akhir_jendela=akhir_jendela(k.evaluasi, kalender),
    )


# --- Pages ----------------------------------------------------------------------------------


def daftar_untuk_pengguna(pengguna):
    """The keberatan list: the admin's whole agency (flagged first), or the user's own
    part; open ones first. One query."""
    qs = keberatan_untuk_pengguna(pengguna).annotate(
        terbuka=Q(status__in=sorted(wk.TERBUKA)),
    )
    return qs.order_by("-keputusan_terlambat_pada", "-terbuka", "-diajukan_pada", "-pk")


def terlambat_diputuskan():
    """Open keberatan the K2 timer flagged (shown to the agency admin)."""
    return Keberatan.objects.filter(
        status__in=sorted(wk.TERBUKA), keputusan_terlambat_pada__isnull=False
    )


def detail(pengguna, pk: int) -> Keberatan:
    """One keberatan with what its page shows (DoesNotExist for anyone not allowed)."""
    return (
        keberatan_untuk_pengguna(pengguna)
        .select_related(
            "evaluasi__skp__penempatan__jabatan__unit",
            "evaluasi__instansi",
            "evaluasi__atasan_penilai",
        )  # fmt: skip
        .prefetch_related("permintaan", "bukti")
        .get(pk=pk)
    )


# --- The result that applies ----------------------------------------------------------------


@dataclass(frozen=True)
class HasilBerlaku:
    """The result reports and exports use for one evaluation."""

    evaluasi: EvaluasiKinerja
    format: str  # "D.1.1", "D.1.2" or "D.1.3"
    rating_hasil_kerja: str
    rating_perilaku_kerja: str
    predikat: str
    rekomendasi: str
    keberatan: Keberatan | None

    @property
    def predikat_label(self) -> str:
        return kuadran.Predikat(self.predikat).label if self.predikat else ""

    @property
    def diubah(self) -> bool:
        return self.format == "D.1.3"


def _hasil(e: EvaluasiKinerja, k: Keberatan | None) -> HasilBerlaku:
    if k is not None and k.status in wk.DIUBAH_BERLAKU:
        return HasilBerlaku(
            e, "D.1.3", k.rating_hasil_kerja, k.rating_perilaku_kerja, k.predikat,
            k.rekomendasi, k,
        )  # fmt: skip
    fmt = "D.1.2" if e.status in JALUR_ATASAN or e.sebab_final == "atasan" else "D.1.1"
    return HasilBerlaku(
        e, fmt, e.rating_hasil_kerja, e.rating_perilaku_kerja, e.predikat, e.catatan, k
    )


def hasil_berlaku(evaluasi: EvaluasiKinerja) -> HasilBerlaku:
    """The D.1.3 result once the atasan changed it (from the decision on), otherwise the
    evaluation's own. The original stays readable on `evaluasi`. One query."""
    k = Keberatan.objects.filter(evaluasi=evaluasi).first()
    return _hasil(evaluasi, k)


def hasil_berlaku_banyak(evaluasi_qs) -> list[HasilBerlaku]:
    """`hasil_berlaku` for many evaluations (an export): two queries whatever the count."""
    daftar = list(evaluasi_qs)
    per_evaluasi = {
        k.evaluasi_id: k for k in Keberatan.objects.filter(evaluasi__in=[e.pk for e in daftar])
    }
    return [_hasil(e, per_evaluasi.get(e.pk)) for e in daftar]


def laporan_d11_tertahan(evaluasi: EvaluasiKinerja) -> str | None:
    """Why the rater may not report D.1.1 now, or None: an undecided keberatan holds it
    back, and a changed result is reported on D.1.3 by the atasan (spec §5.3 rows 9,
    9K). For the D.1.1 report service to call."""
    k = Keberatan.objects.filter(evaluasi=evaluasi).only("status").first()
    if k is None or k.status == wk.Status.DIKUATKAN:
        return None
    if k.status in wk.TERBUKA:
        return "Dokumen evaluasi dilaporkan setelah keberatan pegawai diputuskan."
    return (
        "Hasil evaluasi ini diubah atas keberatan pegawai; dokumen D.1.3 dilaporkan oleh "
        "atasan pejabat penilai."
    )
