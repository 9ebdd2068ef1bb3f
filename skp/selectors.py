"""Reads for SKP, always within the user's agency (the scoped managers ensure it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    prefetch_related_objects,
)
from django.utils import timezone

from organisasi.models import DelegasiPenilai, Pegawai, Penempatan, PengaturanInstansi, Pengguna
from organisasi.pengaturan import pengaturan_instansi
from organisasi.selectors import berlaku_pada
from organisasi.tenancy import instansi_lingkup

from . import aturan, workflow
from .aturan import label_iki  # also read as selectors.label_iki by the MPH views
from .models import (
    SKP,
    STATUS_TERKUNCI,
    ButirLampiran,
    EkspektasiKhusus,
    IndikatorKinerjaIndividu,
    Kelompok,
    RencanaHasilKerja,
    Status,
)


def pegawai_pengguna(pengguna) -> Pegawai | None:
    """The employee behind an account; remembered on the account object (one request's
    `request.user`) so the view, the access check and the service ask once."""
    if not pengguna.is_authenticated or pengguna.instansi_id is None:
        return None
    pegawai = getattr(pengguna, "_pegawai_pengguna", None)
    if pegawai is None:
        relasi = Pengguna.pegawai.related
        if relasi.is_cached(pengguna):
            # Loaded with the account (organisasi.auth get_user): no query; still only
            # an employee of the agency in scope, like the scoped manager below.
            pegawai = relasi.get_cached_value(pengguna)
            if pegawai is not None and pegawai.instansi_id != instansi_lingkup():
                pegawai = None
            pengguna._pegawai_pengguna = pegawai
            return pegawai
        pegawai = Pegawai.objects.filter(pengguna=pengguna).first()
        if pegawai is not None:
            pengguna._pegawai_pengguna = pegawai
    return pegawai


def bertindak_atas_nama_kepala_daerah(pegawai: Pegawai | None) -> bool:
    """The agency named this employee to act for the kepala daerah (who rates the JPT
    and has no account, 003:1316): they take the pejabat penilai's part in the app."""
    return pegawai is not None and pengaturan_instansi().pelaksana_kepala_daerah_id == pegawai.pk


def penilai_efektif_id(skp: SKP) -> int | None:
    """Who acts as pejabat penilai on this SKP in the app: the rater, or for an SKP rated
    by the kepala daerah the employee acting for them (never the ratee himself)."""
    if not skp.penilai_kepala_daerah:
        return skp.penilai_id
    pelaksana = pengaturan_instansi().pelaksana_kepala_daerah_id
    return pelaksana if pelaksana != skp.pegawai_id else None


def identitas_penilai(skp: SKP, pengaturan=None) -> dict:
    """The pejabat penilai as the page and the PDF show them: the snapshot of a set SKP;
    for an unset SKP rated by the kepala daerah, the official the agency names today."""
    ident = dict((skp.identitas or {}).get("penilai") or {})
    if skp.penilai_kepala_daerah and skp.status not in STATUS_TERKUNCI:
        pengaturan = pengaturan or pengaturan_instansi()
        ident = {
            "nama": pengaturan.nama_kepala_daerah,
            "nip": pengaturan.nip_kepala_daerah,
            "jabatan": pengaturan.jabatan_kepala_daerah,
            **({"unit": ident["unit"]} if "unit" in ident else {}),
        }
    return ident


def peran(pengguna, skp: SKP) -> frozenset[workflow.Peran]:
    pegawai = pegawai_pengguna(pengguna)
    return workflow.peran_dalam(
        pegawai_id=pegawai.pk if pegawai else None,
        skp_pegawai_id=skp.pegawai_id,
        penilai_id=penilai_efektif_id(skp),
        atasan_id=skp.atasan_penilai_id,
        tereskalasi=skp.dieskalasi_pada is not None,
    )


def _di_skp(lewat: str, **syarat) -> Q:
    """A condition on an SKP's fields, for the SKP itself (`lewat` "") or for rows that
    reach it through a relation (`lewat` "skp__")."""
    return Q(**{lewat + kolom: nilai for kolom, nilai in syarat.items()})


def _syarat_pelaksana_kepala_daerah(pegawai: Pegawai, lewat: str = "") -> Q:
    """The SKPs rated by the kepala daerah, for the employee the agency named to act for
    them (never their own; `bertindak_atas_nama_kepala_daerah`), as a condition inside the
    query itself: the settings are read by an uncorrelated subquery, evaluated once, so
    the condition costs no query of its own and matches nothing for anyone else."""
    atas_nama = PengaturanInstansi.objects.filter(pelaksana_kepala_daerah=pegawai)
    return (
        _di_skp(lewat, penilai_kepala_daerah=True)
        & ~_di_skp(lewat, pegawai=pegawai)
        & Exists(atas_nama)
    )


# --- Access: which SKP a user may open. The SKP page, its PDFs and the menu all ask here,
# so they never disagree. Acting on an SKP is a separate question (workflow.peran_dalam).


def _syarat_akses(pengguna, lewat: str = "") -> Q | None:
    """The condition `skp_untuk_pengguna` puts on an SKP (reached through `lewat`, see
    `_di_skp`); None when this user may open no SKP at all."""
    if pengguna.admin_instansi:
        return Q()
    pegawai = pegawai_pengguna(pengguna)
    if pegawai is None:
        return None
    return (
        _di_skp(lewat, pegawai=pegawai)
        | _di_skp(lewat, penilai=pegawai)
        | _di_skp(lewat, atasan_penilai=pegawai)
        | _syarat_pelaksana_kepala_daerah(pegawai, lewat)
    )


def skp_untuk_pengguna(pengguna):
    """Every SKP this user may open.

    The employee's own; those they rate (the SKP records its pejabat penilai, also a
    delegated one, DelegasiPenilai); those they are atasan pejabat penilai for, read-only
    until escalated (000:4573-4579); the whole agency for its admin. Another agency's
    SKP never: the tenant-scoped manager and RLS see to that.
    """
    qs = SKP.objects.select_related("pegawai", "penilai", "penempatan__jabatan__unit")
    syarat = _syarat_akses(pengguna)
    return qs.none() if syarat is None else qs.filter(syarat)


def baris_skp_untuk_pengguna(pengguna, qs, skp_pk: int):
    """Rows of one SKP (its RHK, IKI or Lampiran items) for a partial that shows or changes
    one of them, each with its SKP in the same query; only of an SKP this user may open
    (the condition of `skp_untuk_pengguna`, put on the SKP joined to the row)."""
    syarat = _syarat_akses(pengguna, lewat="skp__")
    qs = qs.select_related("skp").filter(skp_id=skp_pk)
    return qs.none() if syarat is None else qs.filter(syarat)


def skp_bawahan_untuk_pengguna(pengguna, *, cari: str = "", status: str = ""):
    """The "SKP bawahan" list: SKPs this user rates or is atasan pejabat penilai for,
    the current versions only; those waiting for this user's decision first.

    `cari` matches the employee's name or the start of the NIP; `status` keeps one status."""
    pegawai = pegawai_pengguna(pengguna)
    if pegawai is None:
        return SKP.objects.none()
    menilai = Q(penilai=pegawai) | Q(atasan_penilai=pegawai, dieskalasi_pada__isnull=False)
    semua = Q(penilai=pegawai) | Q(atasan_penilai=pegawai)
    kepala_daerah = _syarat_pelaksana_kepala_daerah(pegawai)
    menilai |= kepala_daerah
    semua |= kepala_daerah
    menunggu = Q(status=Status.DIAJUKAN) & menilai
    qs = SKP.objects.filter(semua)
    if cari:
        qs = qs.filter(Q(pegawai__nama__icontains=cari) | Q(pegawai__nip__startswith=cari))
    if status:
        qs = qs.filter(status=status)
    return (
        qs.exclude(status=Status.DIGANTI)
        .annotate(menunggu_saya=ExpressionWrapper(menunggu, output_field=BooleanField()))
        .select_related("pegawai", "penempatan__jabatan", "penilai")
        .order_by("-menunggu_saya", "status", "-tahun", "pegawai__nama", "pk")
    )


def menilai_bawahan(pengguna, tanggal: date | None = None) -> bool:
    """Whether the "SKP bawahan" menu applies: the user heads a unit on `tanggal`
    (definitive or Plt/Plh), is named rater or atasan in a delegation in force
    (DelegasiPenilai), acts for the kepala daerah, or already rates or oversees an SKP.
    One query."""
    if not pengguna.is_authenticated or pengguna.instansi_id is None:
        return False
    if tanggal is None:
        # Today's answer is asked by every app's menu on every page: once per request
        # (the account object lives for one request, like `pegawai_pengguna`).
        hasil = getattr(pengguna, "_menilai_bawahan_hari_ini", None)
        if hasil is None:
            hasil = menilai_bawahan(pengguna, timezone.localdate())
            pengguna._menilai_bawahan_hari_ini = hasil
        return hasil
    saya = OuterRef("pk")
    memimpin = Penempatan.objects.filter(
        berlaku_pada(tanggal), pegawai=saya, jabatan__kepala_unit=True
    )
    didelegasikan = DelegasiPenilai.objects.filter(berlaku_pada(tanggal)).filter(
        Q(penilai=saya) | Q(atasan_penilai=saya)
    )
    punya_skp = SKP.objects.filter(Q(penilai=saya) | Q(atasan_penilai=saya)).exclude(
        status=Status.DIGANTI
    )
    atas_nama = PengaturanInstansi.objects.filter(pelaksana_kepala_daerah=saya)
    return (
        Pegawai.objects.filter(pengguna=pengguna)
        .filter(Exists(memimpin) | Exists(didelegasikan) | Exists(punya_skp) | Exists(atas_nama))
        .exists()
    )


# The parts of an SKP a page can load; an HTMX section loads only the one it shows.
ISI_SKP = frozenset({"rhk", "ekspektasi_khusus", "lampiran", "catatan_alur"})


def _muatan(isi: frozenset[str]) -> list:
    iki = IndikatorKinerjaIndividu.objects.select_related("manual").order_by("urutan", "pk")
    muat = {
        "rhk": Prefetch(
            "rhk",
            queryset=RencanaHasilKerja.objects.select_related("rhk_pimpinan__skp", "iki_pimpinan")
            .prefetch_related(Prefetch("iki", queryset=iki))
            .order_by("jenis", "urutan", "pk"),
        ),
        "ekspektasi_khusus": Prefetch(
            "ekspektasi_khusus",
            queryset=EkspektasiKhusus.objects.order_by("nilai", "urutan", "pk"),
        ),
        "lampiran": Prefetch(
            "lampiran", queryset=ButirLampiran.objects.order_by("bagian", "urutan", "pk")
        ),
        "catatan_alur": "catatan_alur__oleh",
    }
    return [muat[bagian] for bagian in sorted(isi)]


def skp_lengkap(pk: int, pengguna, *, isi: frozenset[str] = ISI_SKP) -> SKP:
    """One SKP with its content (the parts named in `isi`), in a fixed number of queries."""
    return (
        skp_untuk_pengguna(pengguna)
        .select_related("atasan_penilai", "ditetapkan_oleh", "pendahulu")
        .prefetch_related(*_muatan(isi))
        .get(pk=pk)
    )


def muat_isi(skp: SKP, isi: frozenset[str]) -> SKP:
    """Load (afresh) the parts named in `isi` onto an SKP already read: one query each."""
    tersimpan = getattr(skp, "_prefetched_objects_cache", {})
    for nama in isi:
        tersimpan.pop(nama, None)
    prefetch_related_objects([skp], *_muatan(isi))
    return skp


def _ada_pilihan(skp: SKP) -> bool:
    """Whether the rater's SKP offers leader RHK to choose from (cached on the SKP)."""
    return (
        skp.kelompok == Kelompok.ADMIN_JF
        and not skp.tugas_belajar
        and bool(pilihan_rhk_pimpinan(skp))
    )


def _data_rhk(r: RencanaHasilKerja, ada_pilihan: bool, *, iki: bool = True) -> aturan.DataRHK:
    """The plain values of one RHK; with `iki=False` without its indicators (for rules
    that read the RHK alone, which then need not load the indicators' Manual IK)."""
    pimpinan_jpt = bool(r.rhk_pimpinan_id and r.rhk_pimpinan.skp.kelompok == Kelompok.JPT_PUKM)
    keadaan = keadaan_pimpinan(r, ada_pilihan)
    return aturan.DataRHK(
        nomor=r.nomor,
        jenis=r.jenis,
        teks=r.teks,
        penugasan_dari=r.penugasan_dari,
        rhk_pimpinan_teks=r.rhk_pimpinan_teks,
        pimpinan_jpt=pimpinan_jpt,
        iki_pimpinan=r.iki_pimpinan_id is not None,
        pimpinan_berubah=keadaan == "berubah",
        pimpinan_belum_dipilih=keadaan == "belum_dipilih",
        dari_mph=r.peran_hasil_id is not None,
        iki=[
            aturan.DataIKI(
                teks=k.teks,
                target=k.target,
                aspek=tuple(k.aspek or ()),
                perspektif=k.perspektif,
                target_mutlak_dikecualikan=k.target_mutlak_dikecualikan,
                punya_manual=hasattr(k, "manual"),
            )
            for k in (r.iki.all() if iki else ())
        ],
    )


# What the content rules read of an RHK, its leader's RHK and its indicators (`_data_rhk`,
# `keadaan_pimpinan`): the check panel's reload reads no other column.
_KOLOM_RHK_ATURAN = (
    "skp_id", "jenis", "urutan", "teks", "penugasan_dari", "rhk_pimpinan_teks", "peran_hasil_id",
    "rhk_pimpinan__teks", "rhk_pimpinan__skp__kelompok", "rhk_pimpinan__skp__status",
    "iki_pimpinan__teks",
)  # fmt: skip
_KOLOM_IKI_ATURAN = (
    "rhk_id", "urutan", "teks", "target", "aspek", "perspektif", "target_mutlak_dikecualikan",
    "manual__id",
)  # fmt: skip


def _dimuat(skp: SKP, bagian: str) -> bool:
    """Whether a page already prefetched this part of the SKP (`skp_lengkap`, `muat_isi`)."""
    return bagian in getattr(skp, "_prefetched_objects_cache", {})


def _rhk_aturan(skp: SKP) -> list[RencanaHasilKerja]:
    """The SKP's RHK, numbered, for the content rules: the rows a page prefetched, or
    (the check panel alone) only the columns the rules read. The RHK are read unordered
    (`beri_nomor` sorts them; ordering a wide joined select costs more to compile than
    sorting 30 rows); the narrow indicator rows keep their order."""
    if _dimuat(skp, "rhk"):
        return rhk_bernomor(skp)
    iki = (
        IndikatorKinerjaIndividu.objects.select_related("manual")
        .only(*_KOLOM_IKI_ATURAN)
        .order_by("urutan", "pk")
    )
    return beri_nomor(
        RencanaHasilKerja.objects.filter(skp=skp)
        .order_by()
        .select_related("rhk_pimpinan__skp", "iki_pimpinan")
        .only(*_KOLOM_RHK_ATURAN)
        .prefetch_related(Prefetch("iki", queryset=iki))
    )


def _jumlah_lampiran(skp: SKP) -> dict[str, int]:
    """Lampiran items per section: counted from the rows a page prefetched, or one
    grouped query."""
    if _dimuat(skp, "lampiran"):
        return dict(Counter(b.bagian for b in skp.lampiran.all()))
    return dict(
        ButirLampiran.objects.filter(skp=skp)
        .order_by()
        .values_list("bagian")
        .annotate(jumlah=Count("pk"))
    )


def data_aturan(skp: SKP) -> aturan.DataSKP:
    """The plain values the content rules read (prefetched rows when a page has them;
    otherwise only what the rules read)."""
    pengaturan = pengaturan_instansi()
    ada_pilihan = _ada_pilihan(skp)
    return aturan.DataSKP(
        kelompok=skp.kelompok,
        pendekatan=skp.pendekatan,
        rhk=[_data_rhk(r, ada_pilihan) for r in _rhk_aturan(skp)],
        lampiran=_jumlah_lampiran(skp),
        aspek_diizinkan=tuple(pengaturan.aspek_diizinkan or ()),
        manual_ik_wajib=pengaturan.manual_ik == "selalu",
        tugas_belajar=skp.tugas_belajar,
    )


def tandai_pimpinan(skp: SKP, daftar_rhk) -> None:
    """Put on each numbered RHK its own warnings about the leader's RHK (V51/V52,
    `aturan.temuan_pimpinan`) and, when the link changed, what the leader's RHK reads now.
    Reads only these RHK, not their indicators (and the rater's SKP once, for the
    choices)."""
    ada_pilihan = not skp.terkunci and _ada_pilihan(skp)
    kuantitatif = skp.pendekatan == "kuantitatif"
    for r in daftar_rhk:
        r.temuan_pimpinan = (
            []
            if skp.terkunci
            else aturan.temuan_pimpinan(_data_rhk(r, ada_pilihan, iki=False), kuantitatif)
        )
        if r.rhk_pimpinan_id and r.temuan_pimpinan:
            r.pimpinan_kini = pilihan_tersimpan(r).teks


def _nomor_dan_iki(skp: SKP, rhk_pk: int) -> tuple[int, list[int]]:
    """An RHK's number among its SKP's RHK and its indicators' ids in order: one plain
    query, each RHK's place joined to its indicators' (an aggregate would return fewer
    rows but costs more to build than the few dozen rows it saves)."""
    baris = list(
        RencanaHasilKerja.objects.filter(skp=skp)
        .order_by()  # sorted below by the rule; the model's ordering would join the SKP
        .values_list("jenis", "urutan", "pk", "iki__urutan", "iki__pk")
    )
    tempat = sorted({b[:3] for b in baris}, key=lambda t: aturan.urutan_rhk(*t))
    urut = [pk for _, _, pk in tempat]
    if rhk_pk not in urut:
        raise RencanaHasilKerja.DoesNotExist
    iki = sorted((urutan, pk) for _, _, r, urutan, pk in baris if r == rhk_pk and pk is not None)
    return urut.index(rhk_pk) + 1, [pk for _, pk in iki]


def beri_label_iki(skp: SKP, rhk: RencanaHasilKerja, iki: IndikatorKinerjaIndividu) -> None:
    """Number one RHK and label one of its indicators as the page does ("IKI 2.1"), for an
    answer that re-renders that indicator's row only: one query."""
    rhk.nomor, iki_urut = _nomor_dan_iki(skp, rhk.pk)
    iki.label = label_iki(rhk.nomor, iki_urut.index(iki.pk) + 1, len(iki_urut))


def rhk_satu(skp: SKP, rhk: int | RencanaHasilKerja) -> RencanaHasilKerja:
    """One RHK of an SKP as the page shows it (its number among the SKP's RHK, its
    indicators labelled), for an answer that re-renders only that RHK, whatever the size
    of the SKP: three queries from its id; two from the row the caller just saved (not
    read again), plus the leader's RHK it links to, if any. Its indicators come without
    their Manual IK: the RHK's own warnings do not read them (`tandai_pimpinan`)."""
    iki = IndikatorKinerjaIndividu.objects.order_by("urutan", "pk")
    if isinstance(rhk, RencanaHasilKerja):
        r = rhk
        prefetch_related_objects([r], Prefetch("iki", queryset=iki))
        if r.rhk_pimpinan_id:  # the leader's RHK as it reads now, whatever was cached
            tautan = RencanaHasilKerja.objects.select_related(
                "rhk_pimpinan__skp", "iki_pimpinan"
            ).get(pk=r.pk)
            r.rhk_pimpinan, r.iki_pimpinan = tautan.rhk_pimpinan, tautan.iki_pimpinan
    else:
        r = (
            RencanaHasilKerja.objects.select_related("rhk_pimpinan__skp", "iki_pimpinan")
            .prefetch_related(Prefetch("iki", queryset=iki))
            .get(pk=rhk, skp=skp)
        )
    r.skp = skp
    r.nomor, _ = _nomor_dan_iki(skp, r.pk)
    semua_iki = list(r.iki.all())
    for ke, k in enumerate(semua_iki, 1):
        k.label = label_iki(r.nomor, ke, len(semua_iki))
    return r


def rhk_berurut(skp: SKP) -> list[RencanaHasilKerja]:
    """UTAMA first, then TAMBAHAN (`aturan.urutan_rhk`); uses prefetched rows."""
    return _berurut(skp.rhk.all())


def _berurut(daftar_rhk) -> list[RencanaHasilKerja]:
    return sorted(daftar_rhk, key=lambda r: aturan.urutan_rhk(r.jenis, r.urutan, r.pk))


def rhk_bernomor(skp: SKP) -> list[RencanaHasilKerja]:
    """The SKP's RHK in order, numbered, their indicators labelled (see `beri_nomor`)."""
    return beri_nomor(skp.rhk.all())


def beri_nomor(daftar_rhk) -> list[RencanaHasilKerja]:
    """RHK rows of one SKP in order, each with `nomor` (1, 2, ... across UTAMA and
    TAMBAHAN) and each of its indicators with `label` ("IKI 1.2"): the one numbering the
    page, the PDFs, the MPH and the leader-RHK choices show. Uses prefetched indicators;
    prefetches them when they are not (the labels live on the objects templates read)."""
    daftar = _berurut(daftar_rhk)
    prefetch_related_objects(daftar, "iki")
    for nomor, r in enumerate(daftar, 1):
        r.nomor = nomor
        semua_iki = list(r.iki.all())
        for ke, k in enumerate(semua_iki, 1):
            k.label = label_iki(nomor, ke, len(semua_iki))
    return daftar


def temuan(skp: SKP) -> list[aturan.Temuan]:
    return aturan.periksa(data_aturan(skp))


def perubahan_penilai(skp: SKP, tanggal) -> str | None:
    """Why this SKP no longer fits the employee on `tanggal`: a transfer or a new
    rater starts a new SKP (000:4581-4593). None when it still fits."""
    from organisasi import selectors as org_selectors

    if tanggal.year != skp.tahun or tanggal < skp.periode_mulai:
        return None
    penempatan = org_selectors.penempatan_definitif([skp.pegawai_id], tanggal).get(skp.pegawai_id)
    if penempatan is None:
        return None
    if penempatan.pk != skp.penempatan_id:
        return (
            f"Anda kini menduduki jabatan {penempatan.jabatan.nama}; "
            "untuk jabatan baru disusun SKP baru (Lampiran Bab II huruf C)."
        )
    hasil = org_selectors.penilai_pegawai(
        [skp.pegawai], tanggal, penempatan={skp.pegawai_id: penempatan}
    )[skp.pegawai_id]
    if hasil and hasil.penilai.pejabat and hasil.penilai.pejabat.pegawai_id != skp.penilai_id:
        return (
            f"Pejabat penilai Anda kini {hasil.penilai.pejabat.label} ({hasil.penilai.alasan}); "
            "SKP baru disusun dan ditetapkan bersama pejabat penilai baru "
            "(Lampiran Bab II huruf C)."
        )
    return None


# --- The leader's RHK an employee's RHK intervenes (A.1.7 column 2) ------------------------


@dataclass(frozen=True)
class PilihanPimpinan:
    kunci: str  # "rhk:<pk>" or, for a JPT/PUKM leader, "iki:<pk>"
    label: str  # as offered in the form
    teks: str  # as printed in column (2), kept on the employee's RHK
    rhk_id: int
    iki_id: int | None = None


def skp_pimpinan(skp: SKP) -> SKP | None:
    """The rater's SKP of the same year, whatever its status: the newest set version if
    any (what the performance tree shows), else the newest draft. None when the rater
    has no SKP in the app (the kepala daerah, a rater outside the agency)."""
    if skp.penilai_id is None or skp.penilai_kepala_daerah:
        return None
    daftar = list(
        SKP.objects.filter(pegawai_id=skp.penilai_id, tahun=skp.tahun)
        .exclude(status=Status.DIGANTI)
        .only("pk", "status", "versi", "nomor_seri", "kelompok")
    )
    if not daftar:
        return None
    return max(daftar, key=lambda s: (s.status in STATUS_TERKUNCI, s.versi, s.nomor_seri))


def pilihan_rhk_pimpinan(skp: SKP) -> list[PilihanPimpinan]:
    """What the employee chooses from: each RHK of the rater's SKP, or for a JPT/PUKM
    rater each of its indicators (catatan kaki * format A.1.7). One query when the rater
    has no SKP in the app, three otherwise (its SKP, RHK and indicators): each is cheaper
    to build than one query picking the rater's SKP inside the RHK query."""
    if hasattr(skp, "_pilihan_pimpinan"):
        return skp._pilihan_pimpinan
    hasil: list[PilihanPimpinan] = []
    pimpinan = skp_pimpinan(skp)
    if pimpinan is not None:
        iki = IndikatorKinerjaIndividu.objects.only("pk", "rhk_id", "teks", "urutan").order_by(
            "urutan", "pk"
        )
        daftar = beri_nomor(
            RencanaHasilKerja.objects.filter(skp=pimpinan)
            .order_by()  # numbered by the rule; the model's ordering would join the SKP
            .only("pk", "jenis", "urutan", "teks", "skp_id")
            .prefetch_related(Prefetch("iki", queryset=iki))
        )
        jpt = pimpinan.kelompok == Kelompok.JPT_PUKM
        for r in daftar:
            semua_iki = list(r.iki.all()) if jpt else []
            if not semua_iki:
                hasil.append(
                    PilihanPimpinan(f"rhk:{r.pk}", f"RHK {r.nomor}: {r.teks}", r.teks.strip(), r.pk)
                )
            for k in semua_iki:
                hasil.append(
                    PilihanPimpinan(
                        f"iki:{k.pk}",
                        f"RHK {r.nomor}: {r.teks} — {k.label}: {k.teks}",
                        aturan.teks_rhk_pimpinan(r.teks, k.teks),
                        r.pk,
                        k.pk,
                    )
                )
    skp._pilihan_pimpinan = hasil
    return hasil


def kunci_pimpinan(rhk: RencanaHasilKerja) -> str:
    """The form value of an RHK's current link ("" when none)."""
    if rhk.iki_pimpinan_id:
        return f"iki:{rhk.iki_pimpinan_id}"
    if rhk.rhk_pimpinan_id:
        return f"rhk:{rhk.rhk_pimpinan_id}"
    return ""


def pilihan_tersimpan(rhk: RencanaHasilKerja) -> PilihanPimpinan | None:
    """The link the RHK holds now as a choice (an MPH team link may point at an RHK that
    is not the rater's: it stays selectable so that saving the form keeps it)."""
    if not rhk.rhk_pimpinan_id:
        return None
    iki = rhk.iki_pimpinan if rhk.iki_pimpinan_id else None
    teks = aturan.teks_rhk_pimpinan(rhk.rhk_pimpinan.teks, iki.teks if iki else None)
    return PilihanPimpinan(
        kunci_pimpinan(rhk), teks, teks, rhk.rhk_pimpinan_id, iki.pk if iki else None
    )


def keadaan_pimpinan(rhk: RencanaHasilKerja, ada_pilihan: bool) -> str:
    """'berubah' when the linked leader RHK no longer reads as chosen (edited, or its SKP
    was replaced by a new version); 'belum_dipilih' when nothing is linked although the
    rater's SKP offers RHK; '' otherwise."""
    if rhk.rhk_pimpinan_id:
        sekarang = pilihan_tersimpan(rhk)
        if rhk.rhk_pimpinan.skp.status == Status.DIGANTI or (
            rhk.rhk_pimpinan_teks.strip() != sekarang.teks
        ):
            return "berubah"
        return ""
    return "belum_dipilih" if ada_pilihan else ""
