"""Reads for the year's execution, within the user's agency, in a fixed number of queries.

Access follows the SKP: whoever may open an SKP (`skp.selectors.skp_untuk_pengguna`:
the employee, the rater, the atasan, the agency admin) may read its documentation and
its evidence; the page, the PDF and the evidence download all ask here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, prefetch_related_objects

from organisasi.models import JABATAN_MANAJERIAL, JenisJabatan, JenisUnit, Pegawai
from organisasi.pengaturan import pengaturan_instansi
from organisasi.selectors import jalur_unit, penempatan_definitif, subpohon_unit
from skp import selectors as skp_selectors
from skp.models import SKP, JenisRHK, NilaiBerakhlak
from skp.perilaku import PERILAKU
from skp.workflow import BERLAKU

from . import aturan
from .models import BuktiDukung, BuktiUmpanBalik, Realisasi, RencanaAksi, UmpanBalik


def skp_dokumentasi_untuk_pengguna(pengguna):
    """SKPs in force whose documentation this user may open."""
    return skp_selectors.skp_untuk_pengguna(pengguna).filter(status__in=BERLAKU)


def bukti_untuk_pengguna(pengguna):
    """Evidence this user may download: that of an SKP they may open. Bytes deferred."""
    return BuktiDukung.objects.defer("isi").filter(
        realisasi__skp__in=skp_selectors.skp_untuk_pengguna(pengguna).values("pk")
    )


def jenis_periode() -> str:
    return pengaturan_instansi().periode_dokumentasi


@dataclass
class Periode:
    nomor: int
    label: str
    mulai: date
    selesai: date


def periode_skp(skp: SKP, jenis: str) -> list[Periode]:
    daftar = []
    for n in aturan.periode_dalam_skp(jenis, skp.periode_mulai, skp.periode_selesai):
        mulai, selesai = aturan.rentang_periode(jenis, skp.tahun, n)
        daftar.append(Periode(n, aturan.label_periode(jenis, skp.tahun, n), mulai, selesai))
    return daftar


def _bukti_tanpa_isi():
    return Prefetch("bukti", queryset=BuktiDukung.objects.defer("isi").order_by("pk"))


def realisasi_periode(skp: SKP, periode: int | None = None) -> list[Realisasi]:
    """The realisation entries of an SKP (one period, or all), with their evidence.

    Read by the evaluation (evaluasi) when it rates a period; two queries."""
    qs = Realisasi.objects.filter(skp=skp).select_related("iki__rhk")
    if periode is not None:
        qs = qs.filter(periode=periode)
    return list(qs.prefetch_related(_bukti_tanpa_isi()).order_by("periode", "iki_id", "pk"))


@dataclass
class BarisIKI:
    iki: object
    realisasi: list = field(default_factory=list)


def dokumentasi(skp: SKP, periode: int) -> list:
    """The B.1.2 page/PDF body: RHK in the SKP's order, each with its action plan and its
    indicators with the period's realisation and evidence. Fixed number of queries."""
    rhk = skp_selectors.rhk_bernomor(skp)
    prefetch_related_objects(
        rhk, Prefetch("rencana_aksi", queryset=RencanaAksi.objects.order_by("urutan"))
    )
    per_iki: dict[int, list] = {}
    for r in realisasi_periode(skp, periode):
        per_iki.setdefault(r.iki_id, []).append(r)
    for r in rhk:
        r.baris = [BarisIKI(i, per_iki.get(i.pk, [])) for i in r.iki.all()]
        r.ada_realisasi = any(b.realisasi for b in r.baris)
    return rhk


def periode_belum_didokumentasikan(skp: SKP, jenis: str, hari_ini: date) -> list[Periode]:
    """Closed periods of the SKP in which nothing was documented (for reminders)."""
    ada = set(Realisasi.objects.filter(skp=skp).values_list("periode", flat=True))
    return [p for p in periode_skp(skp, jenis) if p.selesai < hari_ini and p.nomor not in ada]


# --- Whether a period's documentation is still open ----------------------------------------
#
# The evaluation decides when a period has been evaluated, and `evaluasi` imports this app,
# never the other way round: it registers its reader here in `AppConfig.ready`
# (`daftarkan_penilaian_periode`), like the pages organisasi composes from the apps above it.

_PENILAIAN_PERIODE: list[Callable[[int, date, date], str | None]] = []


def daftarkan_penilaian_periode(fungsi: Callable[[int, date, date], str | None]) -> None:
    """`fungsi(pegawai_id, mulai, akhir)` names an evaluation of that employee covering any
    day from `mulai` to `akhir` that has been rated or signed ("Maret 2026"), or None.
    One query."""
    if fungsi not in _PENILAIAN_PERIODE:
        _PENILAIAN_PERIODE.append(fungsi)


def periode_dinilai(skp: SKP, mulai: date, akhir: date) -> str | None:
    """The evaluation that closed these days of the SKP's employee, or None while none has."""
    for fungsi in _PENILAIAN_PERIODE:
        if label := fungsi(skp.pegawai_id, mulai, akhir):
            return label
    return None


# === Continuous feedback (Lampiran BAB III huruf C; B.1.3-B.1.5) ==========================

# --- Who the giver is ---------------------------------------------------------------------


def hubungan(pemberi: Pegawai | None, skp: SKP, tanggal: date) -> aturan.Hubungan:
    """The giver's relation to the SKP's employee on the day, from the organisation."""
    if pemberi is None:
        return aturan.Hubungan(satu_instansi=False)
    if pemberi.pk == skp.pegawai_id:
        return aturan.Hubungan(diri_sendiri=True)
    if pemberi.pk == skp_selectors.penilai_efektif_id(skp):
        return aturan.Hubungan(penilai=True)
    tempat = penempatan_definitif([pemberi.pk, skp.pegawai_id], tanggal)
    milik_pemberi, milik_pegawai = tempat.get(pemberi.pk), tempat.get(skp.pegawai_id)
    unit_pegawai = (milik_pegawai or skp.penempatan).jabatan.unit
    rantai = {u.pk for u in jalur_unit(unit_pegawai)}
    ketua = memimpin = bawahan = False
    if milik_pemberi is not None:
        jabatan = milik_pemberi.jabatan
        ketua = (
            jabatan.kepala_unit
            and jabatan.jenis == JenisJabatan.FUNGSIONAL
            and jabatan.unit.jenis == JenisUnit.NONSTRUKTURAL
            and jabatan.unit_id in rantai
        )
        memimpin = jabatan.kepala_unit and jabatan.jenis in JABATAN_MANAJERIAL
        if milik_pegawai is not None and milik_pegawai.jabatan.kepala_unit:
            bawahan = jabatan.unit_id in subpohon_unit(milik_pegawai.jabatan.unit)
    return aturan.Hubungan(
        atasan_penilai=pemberi.pk == skp.atasan_penilai_id,
        ketua_kelompok=ketua,
        memimpin_unit_lain=memimpin,
        bawahan=bawahan,
    )


def sumber_untuk(pengguna, skp: SKP, tanggal: date) -> str | None:
    """Under which source this user's feedback on the SKP is recorded (None: may not)."""
    return aturan.sumber_pemberi(hubungan(skp_selectors.pegawai_pengguna(pengguna), skp, tanggal))


def skp_dapat_diberi_umpan_balik():
    """SKPs in force in the agency: anyone linked to an employee's work may give feedback
    (000:4881-4885); `sumber_untuk` decides for the one giver."""
    return SKP.objects.filter(status__in=BERLAKU).select_related(
        "pegawai", "penilai", "penempatan__jabatan__unit"
    )


# --- The period's feedback ----------------------------------------------------------------


def _bukti_umpan_balik_tanpa_isi():
    return Prefetch("bukti", queryset=BuktiUmpanBalik.objects.defer("isi").order_by("pk"))


def umpan_balik_periode(skp: SKP, periode: int | None = None) -> list[UmpanBalik]:
    """The feedback an SKP received in one period (or all), with its evidence, oldest
    first. Read by the rekaman informasi and by the evaluation (evaluasi). Two queries."""
    qs = UmpanBalik.objects.filter(skp=skp).select_related("rhk")
    if periode is not None:
        qs = qs.filter(periode=periode)
    return list(
        qs.prefetch_related(_bukti_umpan_balik_tanpa_isi()).order_by("periode", "dibuat_pada", "pk")
    )


def umpan_balik_untuk_pengguna(pengguna):
    """Feedback this user may read: that on an SKP they may open, and what they gave."""
    saya = skp_selectors.pegawai_pengguna(pengguna)
    syarat = Q(skp__in=skp_selectors.skp_untuk_pengguna(pengguna).values("pk"))
    if saya is not None:
        syarat |= Q(pemberi=saya)
    return UmpanBalik.objects.filter(syarat)


def bukti_umpan_balik_untuk_pengguna(pengguna):
    return BuktiUmpanBalik.objects.defer("isi").filter(
        umpan_balik__in=umpan_balik_untuk_pengguna(pengguna).values("pk")
    )


def diberikan_oleh(pengguna, skp: SKP, periode: int) -> list[UmpanBalik]:
    saya = skp_selectors.pegawai_pengguna(pengguna)
    if saya is None:
        return []
    return list(
        UmpanBalik.objects.filter(skp=skp, periode=periode, pemberi=saya)
        .select_related("rhk")
        .prefetch_related(_bukti_umpan_balik_tanpa_isi())
    )


# --- Rekaman informasi umpan balik berkelanjutan (B.1.3 / B.1.4 / B.1.5) ----------------

FORMAT_REKAMAN = {"A.1.1": "B.1.3", "A.1.6": "B.1.3", "A.1.2": "B.1.4", "A.1.7": "B.1.5"}


def format_rekaman(skp: SKP) -> str:
    """B.1.3 for a qualitative SKP; B.1.4 quantitative JPT/PUKM; B.1.5 quantitative JA/JF."""
    return FORMAT_REKAMAN[skp.format]


@dataclass
class Rekaman:
    skp: SKP
    periode: Periode
    format: str
    rhk: list  # numbered RHK, each with .baris (IKI + realisasi) and .umpan_balik
    perilaku: list  # per BerAKHLAK value: label, panduan, ekspektasi, umpan_balik
    rekomendasi: list = field(default_factory=list)  # ketua kelompok, for the rater
    jumlah: int = 0


def rekaman(skp: SKP, periode: Periode) -> Rekaman:
    """Everything given in the period, placed where the format puts it: feedback on an
    RHK beside its realisation, on a BerAKHLAK value beside the value; a ketua
    kelompok's recommendation apart, addressed to the rater. Fixed number of queries."""
    rhk = dokumentasi(skp, periode.nomor)
    semua = umpan_balik_periode(skp, periode.nomor)
    per_rhk: dict[int, list] = {}
    per_nilai: dict[str, list] = {}
    rekomendasi = []
    for u in semua:
        if u.rekomendasi:
            rekomendasi.append(u)
        elif u.rhk_id:
            per_rhk.setdefault(u.rhk_id, []).append(u)
        else:
            per_nilai.setdefault(u.nilai_berakhlak, []).append(u)
    for r in rhk:
        r.umpan_balik = per_rhk.get(r.pk, [])
    khusus: dict[str, list[str]] = {}
    for e in skp.ekspektasi_khusus.all():
        khusus.setdefault(e.nilai, []).append(e.teks)
    perilaku = [
        {
            "nomor": n.nomor,
            "kode": n.kode,
            "label": n.label,
            "panduan": n.panduan,
            "ekspektasi": khusus.get(n.kode, []),
            "umpan_balik": per_nilai.get(n.kode, []),
        }
        for n in PERILAKU
    ]
    return Rekaman(
        skp=skp,
        periode=periode,
        format=format_rekaman(skp),
        rhk=rhk,
        perilaku=perilaku,
        rekomendasi=rekomendasi,
        jumlah=len(semua),
    )


def seksi_rhk(rhk: list) -> list[dict]:
    return [
        {"judul": JenisRHK.UTAMA.label, "rhk": [r for r in rhk if r.jenis == JenisRHK.UTAMA]},
        {"judul": JenisRHK.TAMBAHAN.label, "rhk": [r for r in rhk if r.jenis == JenisRHK.TAMBAHAN]},
    ]


def pilihan_tentang(rhk: list) -> list[tuple[str, str]]:
    """What a feedback can be about: an RHK of this SKP or a BerAKHLAK value."""
    return [(f"rhk-{r.pk}", f"RHK {r.nomor}: {r.teks}") for r in rhk] + [
        (f"nilai-{k}", f"Perilaku kerja: {label}") for k, label in NilaiBerakhlak.choices
    ]


# --- For the evaluation (evaluasi.selectors.pelaksanaan_periode) -------------------------


@dataclass(frozen=True)
class Pelaksanaan:
    realisasi: list = field(default_factory=list)
    umpan_balik: list = field(default_factory=list)
    catatan_ambil_alih: list = field(default_factory=list)


def pelaksanaan_periode(*, skp_ids: list[int], mulai: date, akhir: date) -> dict[int, Pelaksanaan]:
    """Realisasi (with evidence) and feedback per SKP for the documentation periods an
    evaluation period covers. Three queries whatever the number of SKPs.

    Each item prints as one line on the rater's evaluation page."""
    jenis = jenis_periode()
    nomor = aturan.periode_dalam_skp(jenis, mulai, akhir) if mulai.year == akhir.year else []
    realisasi: dict[int, list] = {}
    for r in (
        Realisasi.objects.filter(skp_id__in=skp_ids, periode__in=nomor, jenis_periode=jenis)
        .select_related("iki")
        .annotate(n_bukti=Count("bukti"))
        .order_by("periode", "iki_id", "pk")
    ):
        realisasi.setdefault(r.skp_id, []).append(
            f"{r.iki.teks} ({r.get_jenis_display().lower()}): {r.uraian} [{r.n_bukti} bukti dukung]"
        )
    umpan: dict[int, list] = {}
    for u in (
        UmpanBalik.objects.filter(skp_id__in=skp_ids, periode__in=nomor, jenis_periode=jenis)
        .select_related("rhk")
        .order_by("periode", "dibuat_pada", "pk")
    ):
        umpan.setdefault(u.skp_id, []).append(
            f"{u.get_sumber_display()}, {u.get_sifat_display().lower()}, "
            f"{u.get_arah_display().lower()} ({u.tentang}): {u.teks}"
        )
    return {
        pk: Pelaksanaan(realisasi=realisasi.get(pk, []), umpan_balik=umpan.get(pk, []))
        for pk in set(realisasi) | set(umpan)
    }


# --- The rater's team page ----------------------------------------------------------------


def tim_umpan_balik(penilai: Pegawai, jenis: str, tahun: int, nomor: int, *, cari: str = ""):
    """The SKPs in force this rater rates whose term touches the period, annotated with
    whether the period is documented and whether the rater has given scheduled feedback,
    and how many entries the period holds. One query (plus the page's count)."""
    mulai, akhir = aturan.rentang_periode(jenis, tahun, nomor)
    ub = UmpanBalik.objects.filter(skp=OuterRef("pk"), periode=nomor, jenis_periode=jenis)
    qs = (
        SKP.objects.filter(
            status__in=BERLAKU,
            tahun=tahun,
            periode_mulai__lte=akhir,
            periode_selesai__gte=mulai,
        )
        .filter(
            Q(penilai=penilai)
            | (
                Q(penilai_kepala_daerah=True)
                if skp_selectors.bertindak_atas_nama_kepala_daerah(penilai)
                else Q(pk__in=[])
            )
        )
        .exclude(pegawai=penilai)
        .select_related("pegawai", "penempatan__jabatan")
        .annotate(
            terdokumentasi=Exists(
                Realisasi.objects.filter(skp=OuterRef("pk"), periode=nomor, jenis_periode=jenis)
            ),
            berkala_diberikan=Exists(ub.filter(sumber=aturan.PENILAI, sifat=aturan.BERKALA)),
            jumlah_umpan_balik=Count(
                "umpan_balik",
                filter=Q(umpan_balik__periode=nomor, umpan_balik__jenis_periode=jenis),
            ),
        )
        .order_by("pegawai__nama", "pk")
    )
    if cari:
        qs = qs.filter(Q(pegawai__nama__icontains=cari) | Q(pegawai__nip__startswith=cari))
    return qs
