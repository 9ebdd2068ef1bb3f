"""The Matriks Pembagian Peran dan Hasil (MPH, format A.1.5) and its cascade into the
subordinates' SKPs: who may open it, when it is available, its columns and cells, and
the writes. Reads and writes in the style of `skp.services`: each write is one
transaction, locks the SKP row, checks who may act, and is audited.

The performance tree is in `skp.pohon_kinerja`, the Manual IK (A.1.3) in
`skp.manual_ik` and the Workblock (A.1.4) in `skp.workblock`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Max, Prefetch, Q
from django.utils import timezone

from organisasi import selectors as org_selectors
from organisasi.audit import catat
from organisasi.models import (
    JABATAN_MANAJERIAL,
    JenisPenempatan,
    Pegawai,
    Penempatan,
)
from organisasi.tanggal import tanggal_id

from . import aturan, selectors, services, workflow
from .models import (
    SKP,
    BarisMPH,
    IndikatorKinerjaIndividu,
    JenisRHK,
    Kelompok,
    MatriksPeranHasil,
    PeranHasil,
    PeranMPH,
    RencanaHasilKerja,
    Status,
)
from .services import _kunci

# The regulation orders the steps as: the leader writes her SKP (Tahap 2, or Tahap 7 for a
# leader below a JPT), then divides roles in the MPH (Tahap 5), then the subordinates write
# theirs (Tahap 7); setting (penetapan) comes after, for everyone by the end of January
# (000:1666-1696, 4535-4567). So the MPH does not wait for the leader's SKP to be set:
# any version in force will do. A superseded one is history.
STATUS_MPH = frozenset(Status.values) - {Status.DIGANTI}
# Rows per page of a matrix on screen (the PDF prints them all).
BARIS_PER_HALAMAN = 25
# Where the workflow lets content change (draft or returned): the only SKPs a cascade writes.
DAPAT_DISUNTING = frozenset(workflow.DAPAT_DISUNTING)


def tanggal_acuan(skp: SKP, hari_ini: date | None = None) -> date:
    """The date placements and raters are read on: today, kept inside the SKP period."""
    hari_ini = hari_ini or timezone.localdate()
    return min(max(hari_ini, skp.periode_mulai), skp.periode_selesai)


def _pemilik(pengguna, skp: SKP) -> Pegawai:
    saya = selectors.pegawai_pengguna(pengguna)
    if saya is None or saya.pk != skp.pegawai_id:
        raise PermissionDenied("Hanya pimpinan pemilik SKP ini yang dapat mengubah matriksnya.")
    return saya


def _status_mph(skp: SKP) -> None:
    if skp.status not in STATUS_MPH:
        raise ValidationError(
            "SKP ini sudah diganti versi baru; matriks disusun dari SKP yang berlaku."
        )


def _rhk_turunan(ph: PeranHasil) -> RencanaHasilKerja | None:
    """The RHK a role-result became, if any (reverse one-to-one; None when absent)."""
    return getattr(ph, "rhk", None)


def _nama_status(skp: SKP) -> str:
    return skp.get_status_display().lower()


# --- Columns ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    """One column of a matrix: a leader IKI (JPT/PUKM matrix) or a leader RHK."""

    pk: int
    label: str
    teks: str
    target: str
    rhk: RencanaHasilKerja
    iki: IndikatorKinerjaIndividu | None = None


def kolom_iki(matriks: MatriksPeranHasil) -> bool:
    """A JPT/PUKM's own matrix divides its IKI; every other (and every team matrix)
    divides the owner's RHK (000:3162-3192, 3404-3428; V40)."""
    return matriks.induk_id is None and matriks.skp_pimpinan.kelompok == Kelompok.JPT_PUKM


def kolom_matriks(matriks: MatriksPeranHasil) -> list[Kolom]:
    """The columns in SKP order, labelled as the SKP numbers them (`selectors.beri_nomor`)."""
    iki = IndikatorKinerjaIndividu.objects.order_by("urutan", "pk")
    daftar = selectors.beri_nomor(
        RencanaHasilKerja.objects.filter(skp_id=matriks.skp_pimpinan_id).prefetch_related(
            Prefetch("iki", queryset=iki)
        )
    )
    if kolom_iki(matriks):
        return [Kolom(k.pk, k.label, k.teks, k.target, r, k) for r in daftar for k in r.iki.all()]
    return [Kolom(r.pk, f"RHK {r.nomor}", r.teks, "", r) for r in daftar]


def _kolom_sel(matriks: MatriksPeranHasil, ph: PeranHasil) -> int | None:
    return ph.iki_pimpinan_id if kolom_iki(matriks) else ph.rhk_pimpinan_id


def jabatan_skp(skp: SKP) -> str:
    """The post as printed on the SKP (snapshot), else the placement's post."""
    return (skp.identitas or {}).get("pegawai", {}).get("jabatan") or skp.penempatan.jabatan.nama


def label_penugasan(matriks: MatriksPeranHasil) -> str:
    """The "penugasan dari" label: the leader's post, or for a team matrix the team (000:3825)."""
    if matriks.induk_id is not None and matriks.nama_tim:
        return matriks.nama_tim
    return jabatan_skp(matriks.skp_pimpinan)


def teks_rhk_pimpinan(kolom: Kolom) -> str:
    """A.1.7 column (2) for a matrix column: the rule itself is `aturan.teks_rhk_pimpinan`."""
    return aturan.teks_rhk_pimpinan(kolom.rhk.teks, kolom.iki.teks if kolom.iki else None)


# --- Reading a matrix -----------------------------------------------------------------------


@dataclass
class Sel:
    baris: BarisMPH
    kolom: Kolom
    peran: list[PeranHasil] = field(default_factory=list)
    tidak_ada_peran: bool = False

    @property
    def kosong(self) -> bool:
        return not self.peran and not self.tidak_ada_peran


@dataclass
class BarisTampil:
    baris: BarisMPH
    jabatan: str
    sel: list[Sel]


@dataclass
class DataMatriks:
    matriks: MatriksPeranHasil
    kolom: list[Kolom]
    baris: list[BarisTampil]  # the rows of this page (all rows when not paged)
    kolom_kosong: list[Kolom]  # V39: nobody carries this column yet (over every row)
    pimpinan_jabatan: str
    sub_matriks: list[MatriksPeranHasil]
    halaman: Page | None = None  # None: every row


def _sel_prefetch() -> Prefetch:
    return Prefetch(
        "sel", queryset=PeranHasil.objects.select_related("rhk__skp").order_by("urutan", "pk")
    )


def _isi_sel(matriks, b: BarisMPH, kolom: Kolom, daftar_ph) -> Sel:
    sel = Sel(b, kolom)
    for ph in daftar_ph:
        if _kolom_sel(matriks, ph) != kolom.pk:
            continue
        if ph.tidak_ada_peran:
            sel.tidak_ada_peran = True
        else:
            ph.turunan = _rhk_turunan(ph)
            sel.peran.append(ph)
    return sel


def _kolom_terisi(matriks: MatriksPeranHasil) -> set[int]:
    """Columns someone carries, over every row of the matrix (one query)."""
    kunci = "iki_pimpinan_id" if kolom_iki(matriks) else "rhk_pimpinan_id"
    return set(
        PeranHasil.objects.filter(baris__matriks=matriks, tidak_ada_peran=False)
        .order_by()
        .values_list(kunci, flat=True)
        .distinct()
    )


def data_matriks(
    matriks: MatriksPeranHasil, tanggal: date, *, halaman=1, per_halaman: int | None = None
) -> DataMatriks:
    """The matrix, one page of rows at a time when `per_halaman` is given, in a fixed
    number of queries whatever the number of rows."""
    kolom = kolom_matriks(matriks)
    semua = matriks.baris.select_related("pegawai").order_by("urutan", "pk")
    lembar = None
    if per_halaman:
        lembar = Paginator(semua, per_halaman).get_page(halaman)
        semua = lembar.object_list
    daftar = list(semua.prefetch_related(_sel_prefetch()))
    penempatan = org_selectors.penempatan_definitif([b.pegawai_id for b in daftar], tanggal)
    baris = []
    for b in daftar:
        isi = list(b.sel.all())
        p = penempatan.get(b.pegawai_id)
        baris.append(
            BarisTampil(
                b, p.jabatan.nama if p else "", [_isi_sel(matriks, b, k, isi) for k in kolom]
            )
        )
    terisi = _kolom_terisi(matriks)
    sub = list(
        MatriksPeranHasil.objects.filter(induk=matriks)
        .select_related("skp_pimpinan__pegawai")
        .order_by("pk")
    )
    return DataMatriks(
        matriks=matriks,
        kolom=kolom,
        baris=baris,
        kolom_kosong=[k for k in kolom if k.pk not in terisi],
        pimpinan_jabatan=jabatan_skp(matriks.skp_pimpinan),
        sub_matriks=sub,
        halaman=lembar,
    )


def sel_tunggal(matriks: MatriksPeranHasil, baris: BarisMPH, kolom: Kolom) -> Sel:
    daftar = list(
        PeranHasil.objects.filter(baris=baris).select_related("rhk__skp").order_by("urutan", "pk")
    )
    return _isi_sel(matriks, baris, kolom, daftar)


def cari_kolom(matriks: MatriksPeranHasil, pk: int) -> Kolom | None:
    return next((k for k in kolom_matriks(matriks) if k.pk == pk), None)


def boleh_sunting(pengguna, matriks: MatriksPeranHasil) -> bool:
    saya = selectors.pegawai_pengguna(pengguna)
    skp = matriks.skp_pimpinan
    return saya is not None and saya.pk == skp.pegawai_id and skp.status in STATUS_MPH


# --- Who may see a matrix, and when one can be made -----------------------------------------


def mph_untuk_pengguna(pengguna):
    """The matrices this user may open, as page or PDF: those of an SKP the user may see
    (its owner, her rater, the agency admin), the team matrices under the user's own
    matrix, and any matrix that lists the user (each needs their role-results,
    000:3152-3154)."""
    syarat = Q(skp_pimpinan__in=selectors.skp_untuk_pengguna(pengguna).values("pk"))
    pegawai = selectors.pegawai_pengguna(pengguna)
    if pegawai is not None:
        syarat |= Q(baris__pegawai=pegawai) | Q(induk__skp_pimpinan__pegawai=pegawai)
    return MatriksPeranHasil.objects.filter(
        pk__in=MatriksPeranHasil.objects.filter(syarat).values("pk")
    )


def skp_mph_untuk_pengguna(pengguna, terlihat=None):
    """SKPs whose MPH page this user may open: an SKP they may see, or the SKP of a
    matrix they may open (`terlihat`: `mph_untuk_pengguna(pengguna)` if already made)."""
    if terlihat is None:
        terlihat = mph_untuk_pengguna(pengguna)
    return SKP.objects.select_related("pegawai", "penempatan__jabatan__unit").filter(
        Q(pk__in=selectors.skp_untuk_pengguna(pengguna).values("pk"))
        | Q(pk__in=terlihat.values("skp_pimpinan_id"))
    )


@dataclass(frozen=True)
class Ketersediaan:
    """Whether a matrix can be opened on this SKP, and if not why and what to do."""

    tersedia: bool
    alasan: str = ""
    langkah: str = ""


def ketersediaan_mph(
    skp: SKP, *, jumlah_kolom: int, pemimpin: bool, ketua_tim: bool
) -> Ketersediaan:
    """Pure rule: the owner of an SKP in force, with results to divide, who leads a unit
    (or is a ketua tim in a matrix above) can open a matrix."""
    if skp.status not in STATUS_MPH:
        return Ketersediaan(
            False,
            "SKP ini sudah diganti versi baru.",
            "Buka matriks dari SKP versi terbaru.",
        )
    if not pemimpin and not ketua_tim:
        return Ketersediaan(
            False,
            "Matriks pembagian peran dan hasil disusun oleh pejabat yang memimpin unit kerja, "
            "atau oleh ketua tim yang ditunjuk dalam matriks pimpinannya.",
            "Bila Anda ketua tim, minta pimpinan mencatat peran Anda sebagai ketua tim "
            "dalam matriksnya.",
        )
    if jumlah_kolom == 0:
        apa = (
            "indikator kinerja individu"
            if skp.kelompok == Kelompok.JPT_PUKM
            else "rencana hasil kerja"
        )
        return Ketersediaan(
            False,
            f"SKP ini belum memiliki {apa} untuk dibagi.",
            f"Tuliskan {apa} di SKP ini, lalu kembali ke halaman ini.",
        )
    return Ketersediaan(True)


def matriks_skp(skp: SKP, terlihat=None) -> list[MatriksPeranHasil]:
    """The matrices of one SKP (among `terlihat`, e.g. `mph_untuk_pengguna(user)`): its
    own (induk empty) first, then its team matrices."""
    return list(
        (terlihat if terlihat is not None else MatriksPeranHasil.objects)
        .filter(skp_pimpinan=skp)
        .select_related("induk__skp_pimpinan__pegawai", "skp_pimpinan__penempatan__jabatan")
        .order_by("induk_id", "pk")
    )


def induk_tersedia(skp: SKP) -> list[MatriksPeranHasil]:
    """Matrices of the same year where this SKP's owner is a ketua tim and that have no
    team matrix of this SKP yet: where a team matrix (two-level MPH) can hang."""
    sudah = MatriksPeranHasil.objects.filter(skp_pimpinan=skp, induk__isnull=False).values(
        "induk_id"
    )
    return list(
        MatriksPeranHasil.objects.filter(
            skp_pimpinan__tahun=skp.tahun,
            baris__pegawai_id=skp.pegawai_id,
            baris__peran=PeranMPH.KETUA_TIM,
        )
        .exclude(pk__in=sudah)
        .exclude(skp_pimpinan=skp)
        .select_related("skp_pimpinan__pegawai", "skp_pimpinan__penempatan__jabatan")
        .distinct()
    )


def boleh_matriks_pimpinan(skp: SKP) -> bool:
    """Only someone who leads (a managerial post or the head of a unit) divides results
    among subordinates; anyone else does it as a ketua tim, in a team matrix."""
    jabatan = skp.penempatan.jabatan
    return jabatan.jenis in JABATAN_MANAJERIAL or jabatan.kepala_unit


def bawahan_langsung(skp: SKP, tanggal: date) -> list[Pegawai]:
    """Everyone in the leader's unit subtree whose rater on the date is the leader."""
    unit_ids = org_selectors.subpohon_unit(skp.penempatan.jabatan.unit)
    penempatan = Penempatan.objects.filter(
        org_selectors.berlaku_pada(tanggal),
        jenis=JenisPenempatan.DEFINITIF,
        jabatan__unit_id__in=unit_ids,
    )
    calon = list(
        Pegawai.objects.filter(aktif=True, pk__in=penempatan.values("pegawai_id"))
        .exclude(pk=skp.pegawai_id)
        .order_by("nama", "pk")
    )
    hasil = org_selectors.penilai_pegawai(calon, tanggal)
    return [
        p
        for p in calon
        if (h := hasil.get(p.pk)) is not None
        and h.penilai.pejabat is not None
        and h.penilai.pejabat.pegawai_id == skp.pegawai_id
    ]


# --- Writing a matrix -----------------------------------------------------------------------


def _baris_baru(pengguna, matriks, pegawai, peran, urutan) -> BarisMPH:
    b = BarisMPH(matriks=matriks, pegawai=pegawai, peran=peran, urutan=urutan)
    catat(b, pengguna, "Baris matriks peran dan hasil ditambahkan")
    b.save()
    return b


@transaction.atomic
def mph_buat(
    *, pengguna, skp: SKP, tanggal: date, induk: MatriksPeranHasil | None = None,
    nama_tim: str = "",
) -> MatriksPeranHasil:  # fmt: skip
    """Open the leader's matrix (induk empty) or a ketua tim's team matrix under `induk`.
    Rows start with everyone the owner rates on `tanggal`."""
    skp = _kunci(skp)
    _pemilik(pengguna, skp)
    _status_mph(skp)
    nama_tim = nama_tim.strip()
    if induk is None:
        if not boleh_matriks_pimpinan(skp):
            raise ValidationError(
                "Matriks pimpinan disusun pejabat yang memimpin unit. Sebagai ketua tim, "
                "susun matriks tim dari matriks pimpinan yang menunjuk Anda."
            )
    else:
        if (
            induk.skp_pimpinan.tahun != skp.tahun
            or not induk.baris.filter(pegawai_id=skp.pegawai_id, peran=PeranMPH.KETUA_TIM).exists()
        ):
            raise ValidationError("Anda tidak tercatat sebagai ketua tim pada matriks induk itu.")
        if not nama_tim:
            raise ValidationError({"nama_tim": "Nama tim kerja wajib diisi."})
    if MatriksPeranHasil.objects.filter(skp_pimpinan=skp, induk=induk).exists():
        raise ValidationError("Matriks ini sudah ada; buka matriks tersebut.")
    matriks = MatriksPeranHasil(skp_pimpinan=skp, induk=induk, nama_tim=nama_tim)
    catat(matriks, pengguna, "Matriks peran dan hasil dibuat")
    matriks.save()
    peran = PeranMPH.ANGGOTA_TIM if induk else PeranMPH.MANDIRI
    for n, p in enumerate(bawahan_langsung(skp, tanggal), 1):
        _baris_baru(pengguna, matriks, p, peran, n)
    return matriks


def _kunci_matriks(pengguna, matriks: MatriksPeranHasil) -> SKP:
    skp = _kunci(matriks.skp_pimpinan)
    _pemilik(pengguna, skp)
    _status_mph(skp)
    return skp


@transaction.atomic
def baris_tambah(
    *, pengguna, matriks: MatriksPeranHasil, pegawai: Pegawai, tanggal: date, peran: str = ""
) -> BarisMPH:
    """Add anyone of the agency, e.g. a cross-unit team member: the role is recorded in
    the host unit's matrix before it enters their SKP (000:3112-3120, V41)."""
    skp = _kunci_matriks(pengguna, matriks)
    if pegawai.pk == skp.pegawai_id:
        raise ValidationError("Pimpinan tidak menjadi baris dalam matriksnya sendiri.")
    if matriks.baris.filter(pegawai=pegawai).exists():
        raise ValidationError(f"{pegawai.nama_lengkap} sudah ada dalam matriks ini.")
    if not org_selectors.penempatan_definitif([pegawai.pk], tanggal):
        # V37: placement (and so a rater) first (000:2993-2997).
        raise ValidationError(
            f"{pegawai.nama_lengkap} belum memiliki penempatan definitif pada "
            f"{tanggal_id(tanggal)}; hubungi admin BKD."
        )
    peran = peran or (PeranMPH.ANGGOTA_TIM if matriks.induk_id else PeranMPH.MANDIRI)
    if peran not in PeranMPH.values:
        raise ValidationError({"peran": "Peran tidak dikenal."})
    urutan = (matriks.baris.aggregate(m=Max("urutan"))["m"] or 0) + 1
    return _baris_baru(pengguna, matriks, pegawai, peran, urutan)


@transaction.atomic
def baris_isi_bawahan(*, pengguna, matriks: MatriksPeranHasil, tanggal: date) -> int:
    """Add the subordinates missing from the matrix (e.g. someone who joined later)."""
    skp = _kunci_matriks(pengguna, matriks)
    ada = set(matriks.baris.values_list("pegawai_id", flat=True))
    urutan = matriks.baris.aggregate(m=Max("urutan"))["m"] or 0
    peran = PeranMPH.ANGGOTA_TIM if matriks.induk_id else PeranMPH.MANDIRI
    jumlah = 0
    for p in bawahan_langsung(skp, tanggal):
        if p.pk not in ada:
            urutan += 1
            jumlah += 1
            _baris_baru(pengguna, matriks, p, peran, urutan)
    return jumlah


def _punya_matriks_tim(baris: BarisMPH) -> bool:
    return MatriksPeranHasil.objects.filter(
        induk_id=baris.matriks_id, skp_pimpinan__pegawai_id=baris.pegawai_id
    ).exists()


@transaction.atomic
def baris_ubah_peran(*, pengguna, baris: BarisMPH, peran: str) -> BarisMPH:
    _kunci_matriks(pengguna, baris.matriks)
    if peran not in PeranMPH.values:
        raise ValidationError({"peran": "Peran tidak dikenal."})
    if (
        baris.peran == PeranMPH.KETUA_TIM
        and peran != PeranMPH.KETUA_TIM
        and _punya_matriks_tim(baris)
    ):
        raise ValidationError(
            f"{baris.pegawai.nama_lengkap} sudah menyusun matriks tim di bawah matriks ini; "
            "perannya tetap ketua tim."
        )
    if baris.peran != peran:
        baris.peran = peran
        catat(baris, pengguna, "Peran dalam matriks diubah")
        baris.save(update_fields=["peran"])
    return baris


def _hapus_peran(pengguna, ph: PeranHasil) -> str | None:
    """Remove one role-result. Its draft RHK goes with it (the employee cannot delete an
    RHK that came from the matrix, `services.rhk_hapus`); a set SKP is never touched."""
    rhk = RencanaHasilKerja.objects.filter(peran_hasil=ph).select_related("skp__pegawai").first()
    catatan = None
    if rhk is not None:
        sub = _kunci(rhk.skp)
        if sub.status not in DAPAT_DISUNTING:
            raise ValidationError(
                f"Peran hasil “{ph.teks}” sudah menjadi rencana hasil kerja dalam SKP "
                f"{rhk.skp.pegawai.nama_lengkap} yang berstatus {_nama_status(sub)}; "
                "ubah melalui perubahan SKP pegawai itu."
            )
        catat(rhk, pengguna, "Dihapus: peran hasil ditarik pimpinan dari matriks")
        rhk.delete()
        catatan = (
            f"Rencana hasil kerja “{rhk.teks}” dihapus dari draf SKP "
            f"{rhk.skp.pegawai.nama_lengkap}."
        )
    catat(ph, pengguna, "Peran hasil dihapus")
    ph.delete()
    return catatan


@transaction.atomic
def baris_hapus(*, pengguna, baris: BarisMPH) -> list[str]:
    _kunci_matriks(pengguna, baris.matriks)
    if _punya_matriks_tim(baris):
        raise ValidationError(
            f"{baris.pegawai.nama_lengkap} sudah menyusun matriks tim di bawah matriks ini; "
            "baris tidak dapat dihapus."
        )
    catatan = [c for ph in baris.sel.all() if (c := _hapus_peran(pengguna, ph))]
    catat(baris, pengguna, "Baris matriks dihapus")
    baris.delete()
    return catatan


def _pasangkan(lama: list[PeranHasil], baru: list[str]):
    """Match the new lines to the existing role-results: same text first (so deleting
    or reordering a line does not move texts between RHKs), then by position."""
    sisa = list(lama)
    pasangan: list[PeranHasil | None] = [None] * len(baru)
    for i, teks in enumerate(baru):
        cocok = next((ph for ph in sisa if ph.teks == teks), None)
        if cocok is not None:
            pasangan[i] = cocok
            sisa.remove(cocok)
    for i in range(len(baru)):
        if pasangan[i] is None and sisa:
            pasangan[i] = sisa.pop(0)
    return pasangan, sisa


@transaction.atomic
def sel_simpan(
    *, pengguna, matriks: MatriksPeranHasil, baris: BarisMPH, kolom: Kolom,
    teks: list[str], tidak_ada_peran: bool = False,
) -> list[str]:  # fmt: skip
    """Set one cell: role-results in the language of results (one per item), or the
    explicit TIDAK ADA PERAN (000:3198-3212). Returns notes on side effects."""
    _kunci_matriks(pengguna, matriks)
    if baris.matriks_id != matriks.pk:
        raise PermissionDenied("Baris ini bukan bagian matriks ini.")
    teks = [t.strip() for t in teks if t.strip()]
    if tidak_ada_peran and teks:
        raise ValidationError("Pilih salah satu: isi peran hasil atau tandai TIDAK ADA PERAN.")
    kolom_fk = {"iki_pimpinan": kolom.iki} if kolom.iki is not None else {"rhk_pimpinan": kolom.rhk}
    semua = list(PeranHasil.objects.filter(baris=baris, **kolom_fk).order_by("urutan", "pk"))
    tanda = [ph for ph in semua if ph.tidak_ada_peran]
    lama = [ph for ph in semua if not ph.tidak_ada_peran]
    catatan: list[str] = []
    if tidak_ada_peran:
        for ph in lama:
            if c := _hapus_peran(pengguna, ph):
                catatan.append(c)
        if not tanda:
            ph = PeranHasil(baris=baris, tidak_ada_peran=True, urutan=0, **kolom_fk)
            catat(ph, pengguna, "Ditandai TIDAK ADA PERAN")
            ph.save()
        return catatan
    for ph in tanda:
        catat(ph, pengguna, "Tanda TIDAK ADA PERAN dihapus")
        ph.delete()
    pasangan, sisa = _pasangkan(lama, teks)
    for ph in sisa:
        if c := _hapus_peran(pengguna, ph):
            catatan.append(c)
    for urutan, (t, ph) in enumerate(zip(teks, pasangan, strict=True), 1):
        if ph is None:
            ph = PeranHasil(baris=baris, teks=t, urutan=urutan, **kolom_fk)
            catat(ph, pengguna, "Peran hasil ditambahkan")
            ph.save()
        elif (ph.teks, ph.urutan) != (t, urutan):
            ph.teks, ph.urutan = t, urutan
            catat(ph, pengguna, "Peran hasil diubah")
            ph.save(update_fields=["teks", "urutan"])
    return catatan


# --- Cascade: every role-result becomes a draft RHK in the subordinate's SKP --------------


@dataclass
class HasilTurunkan:
    skp_dibuat: list[str] = field(default_factory=list)
    rhk_dibuat: list[str] = field(default_factory=list)
    rhk_diperbarui: list[str] = field(default_factory=list)
    dilewati: list[str] = field(default_factory=list)
    sudah_sesuai: int = 0
    tidak_ada_peran: int = 0

    @property
    def ringkasan(self) -> str:
        return (
            f"{len(self.rhk_dibuat)} rencana hasil kerja dibuat, "
            f"{len(self.rhk_diperbarui)} diperbarui, {self.sudah_sesuai} sudah sesuai, "
            f"{len(self.dilewati)} dilewati; {len(self.skp_dibuat)} draf SKP baru; "
            f"{self.tidak_ada_peran} sel TIDAK ADA PERAN."
        )


def _skp_draf(pengguna, pegawai, skp_pimpinan, penempatan, hasil, tanggal) -> SKP:
    """`services.skp_buat` run by the leader for a subordinate, recorded as made from
    the matrix; the leader's approach is kept down the chain [DESIGN]."""
    skp = services.susun_skp_baru(
        pegawai=pegawai,
        penempatan=penempatan,
        tahun=skp_pimpinan.tahun,
        pendekatan=skp_pimpinan.pendekatan,
        hasil=hasil,
        tanggal=tanggal,
    )
    catat(skp, pengguna, f"SKP dibuat dari matriks peran dan hasil {skp_pimpinan.pegawai}")
    skp.full_clean()
    skp.save()
    return skp


def _skp_sasaran(pengguna, daftar: list[Pegawai], skp_pimpinan, tanggal, hasil: HasilTurunkan):
    """Each employee's SKP for the year, placement and rater of `tanggal` (the one a new
    RHK goes into), created as a draft when missing; None (with the reason) if it cannot
    take a new RHK."""
    if not daftar:
        return {}
    ids = [p.pk for p in daftar]
    penempatan = org_selectors.penempatan_definitif(ids, tanggal)
    penilai = org_selectors.penilai_pegawai([p for p in daftar if p.pk in penempatan], tanggal)
    ada = defaultdict(list)
    # Locked in pk order (a stable order between two leaders cascading at once), newest
    # version first per employee.
    terkunci = SKP.objects.select_for_update().filter(pegawai_id__in=ids, tahun=skp_pimpinan.tahun)
    for s in sorted(
        terkunci.exclude(status=Status.DIGANTI).order_by("pk"), key=lambda s: (-s.versi, -s.pk)
    ):
        ada[s.pegawai_id].append(s)
    sasaran = {}
    for p in daftar:
        sasaran[p.pk] = None
        pen = penempatan.get(p.pk)
        h = penilai.get(p.pk)
        if pen is None:
            hasil.dilewati.append(
                f"{p.nama_lengkap}: belum memiliki penempatan definitif pada {tanggal_id(tanggal)}."
            )
            continue
        if h is None or h.penilai.pejabat is None:
            hasil.dilewati.append(f"{p.nama_lengkap}: pejabat penilai belum dapat ditentukan.")
            continue
        penilai_id = h.penilai.pejabat.pegawai_id
        cocok = [s for s in ada[p.pk] if s.penempatan_id == pen.pk and s.penilai_id == penilai_id]
        if not cocok:
            sasaran[p.pk] = _skp_draf(pengguna, p, skp_pimpinan, pen, h, tanggal)
            hasil.skp_dibuat.append(p.nama_lengkap)
        elif cocok[0].status not in DAPAT_DISUNTING:
            hasil.dilewati.append(
                f"{p.nama_lengkap}: SKP {skp_pimpinan.tahun} berstatus "
                f"{_nama_status(cocok[0])}; peran hasil baru masuk setelah pegawai membuat "
                "perubahan SKP (atau SKP dikembalikan)."
            )
        else:
            sasaran[p.pk] = cocok[0]
    return sasaran


@transaction.atomic
def mph_turunkan(*, pengguna, matriks: MatriksPeranHasil, tanggal: date) -> HasilTurunkan:
    """Make every role-result a draft RHK in its holder's SKP (000:3152-3154, 3286-3288).
    Idempotent: a cell already carried is only brought up to date, and only while that
    SKP is still editable; TIDAK ADA PERAN creates nothing."""
    skp_pimpinan = _kunci_matriks(pengguna, matriks)
    skp_pimpinan = SKP.objects.select_related("pegawai", "penempatan__jabatan").get(
        pk=skp_pimpinan.pk
    )
    matriks.skp_pimpinan = skp_pimpinan
    kolom = {k.pk: k for k in kolom_matriks(matriks)}
    penugasan = label_penugasan(matriks)
    hasil = HasilTurunkan()
    daftar = list(
        matriks.baris.select_related("pegawai")
        .prefetch_related(_sel_prefetch())
        .order_by("urutan", "pk")
    )
    perlu = [
        b.pegawai
        for b in daftar
        if any(not ph.tidak_ada_peran and _rhk_turunan(ph) is None for ph in b.sel.all())
    ]
    sasaran = _skp_sasaran(pengguna, perlu, skp_pimpinan, tanggal, hasil)
    urutan: dict[int, int] = {}
    terkunci: dict[int, SKP] = {}
    for b in daftar:
        nama = b.pegawai.nama_lengkap
        for ph in b.sel.all():
            if ph.tidak_ada_peran:
                hasil.tidak_ada_peran += 1
                continue
            k = kolom.get(_kolom_sel(matriks, ph))
            if k is None:
                hasil.dilewati.append(f"{nama}: kolom peran hasil “{ph.teks}” tidak ditemukan.")
                continue
            nilai = {
                "teks": ph.teks,
                "rhk_pimpinan_id": k.rhk.pk,
                "iki_pimpinan_id": k.iki.pk if k.iki else None,
                "rhk_pimpinan_teks": teks_rhk_pimpinan(k),
                "penugasan_dari": penugasan,
            }
            rhk = _rhk_turunan(ph)
            if rhk is None:
                sub = sasaran.get(b.pegawai_id)
                if sub is None:
                    continue  # the reason is reported once per employee
                if sub.pk not in urutan:
                    urutan[sub.pk] = (
                        sub.rhk.filter(jenis=JenisRHK.UTAMA).aggregate(m=Max("urutan"))["m"] or 0
                    )
                urutan[sub.pk] += 1
                # UTAMA until the rater sets priorities (000:3398-3400).
                baru = RencanaHasilKerja(
                    skp=sub, jenis=JenisRHK.UTAMA, urutan=urutan[sub.pk], peran_hasil=ph, **nilai
                )
                catat(baru, pengguna, "Dibuat dari matriks peran dan hasil pimpinan")
                baru.save()
                hasil.rhk_dibuat.append(f"{nama}: {ph.teks}")
                continue
            beda = [f for f, v in nilai.items() if getattr(rhk, f) != v]
            if not beda:
                hasil.sudah_sesuai += 1
                continue
            if rhk.skp_id not in terkunci:
                terkunci[rhk.skp_id] = _kunci(rhk.skp)  # its status as of now, held
            if terkunci[rhk.skp_id].status not in DAPAT_DISUNTING:
                hasil.dilewati.append(
                    f"{nama}: rencana hasil kerja “{rhk.teks}” berbeda dari matriks, tetapi "
                    f"SKP-nya berstatus {_nama_status(terkunci[rhk.skp_id])}; tidak diubah."
                )
                continue
            for f in beda:
                setattr(rhk, f, nilai[f])
            catat(rhk, pengguna, "Diperbarui dari matriks peran dan hasil pimpinan")
            rhk.save(update_fields=beda)
            hasil.rhk_diperbarui.append(f"{nama}: {ph.teks}")
    return hasil
