"""Reads for organisasi, always scoped to the user's agency."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.http import Http404

from . import penilai
from .models import (
    AturanPenilai,
    DelegasiPenilai,
    Jabatan,
    JenisPenempatan,
    Penempatan,
    PengaturanInstansi,
    UnitKerja,
)
from .tenancy import ModelInstansi, instansi_aktif_id


def pengguna_instansi(*, admin) -> models.QuerySet:
    """Accounts an agency admin manages: those of the admin's own agency."""
    return (
        get_user_model().objects.filter(instansi_id=admin.instansi_id).order_by("nama", "username")
    )


@dataclass(frozen=True)
class Perubahan:
    kolom: str
    sebelum: object
    sesudah: object


@dataclass(frozen=True)
class EntriRiwayat:
    waktu: object
    oleh: object
    jenis: str
    alasan: str | None
    perubahan: list[Perubahan]


_JENIS = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}


def objek_beraudit(*, label_model: str, pk: int) -> models.Model:
    """The tenant object whose history is asked for; 404 for anything not ours."""
    try:
        model = apps.get_model(label_model)
    except (LookupError, ValueError) as exc:
        raise Http404 from exc
    if not issubclass(model, ModelInstansi):
        raise Http404
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist as exc:
        raise Http404 from exc


def riwayat_objek(obj: models.Model) -> list[EntriRiwayat]:
    """Every recorded change of one object, newest first, with before/after per field."""
    catatan = list(obj.history.select_related("history_user").order_by("history_id"))
    hasil = []
    sebelumnya = None
    for rec in catatan:
        perubahan = []
        if sebelumnya is not None:
            delta = rec.diff_against(sebelumnya)
            for c in delta.changes:
                nama = obj._meta.get_field(c.field).verbose_name
                perubahan.append(Perubahan(str(nama), c.old, c.new))
        else:
            for field in obj._meta.concrete_fields:
                if field.name in {"id", "instansi"}:
                    continue
                perubahan.append(
                    Perubahan(str(field.verbose_name), None, getattr(rec, field.attname, None))
                )
        hasil.append(
            EntriRiwayat(
                waktu=rec.history_date,
                oleh=rec.history_user,
                jenis=_JENIS.get(rec.history_type, rec.history_type),
                alasan=rec.history_change_reason,
                perubahan=perubahan,
            )
        )
        sebelumnya = rec
    hasil.reverse()
    return hasil


# --- Organisation and raters -----------------------------------------------------------


def berlaku_pada(tanggal, awalan: str = "") -> Q:
    """Rows with mulai/selesai (selesai empty: still running) in force on `tanggal`.

    `awalan` filters through a relation, e.g. "penempatan__" on Pegawai. The one
    definition of "in force on a date" for placements, delegations and the like
    (`Penempatan.berlaku_pada` is the same rule on one loaded row)."""
    return Q(**{f"{awalan}mulai__lte": tanggal}) & (
        Q(**{f"{awalan}selesai__isnull": True}) | Q(**{f"{awalan}selesai__gte": tanggal})
    )


def _kebijakan() -> penilai.Kebijakan:
    from .pengaturan import pengaturan_instansi

    p = pengaturan_instansi()
    return penilai.Kebijakan(
        plt_plh_otomatis=p.plt_plh_menilai == PengaturanInstansi.PltPlh.OTOMATIS,
        jf_wajib_manajerial=p.penilai_jf_wajib_manajerial,
        pengecualian_manajerial=tuple(p.pengecualian_manajerial or ()),
        jf_kepala_boleh_menilai=p.jf_kepala_unit_boleh_menilai,
        jabatan_kepala_daerah=p.jabatan_kepala_daerah,
        nama_kepala_daerah=p.nama_kepala_daerah,
        nip_kepala_daerah=p.nip_kepala_daerah,
    )


def _pemegang(p: Penempatan) -> penilai.Pemegang:
    return penilai.Pemegang(
        pegawai_id=p.pegawai_id,
        nama=p.pegawai.nama_lengkap,
        nip=p.pegawai.nip,
        jabatan_id=p.jabatan_id,
        jabatan_nama=p.jabatan.nama,
        jenis=p.jenis,
        berwenang_menilai=p.berwenang_menilai,
    )


def _jabatan(j: Jabatan) -> penilai.Jabatan:
    return penilai.Jabatan(j.id, j.nama, j.unit_id, j.jenis, j.kepala_unit)


def peta_organisasi(tanggal) -> penilai.PetaOrganisasi:
    """The agency's structure and head-post holders on a date: a handful of queries,
    independent of how many employees are then resolved against it."""
    unit = {
        u["id"]: penilai.Unit(u["id"], u["nama"], u["induk_id"], u["jenis"], u["kode"])
        for u in UnitKerja.objects.filter(aktif=True).values(
            "id", "nama", "induk_id", "jenis", "kode"
        )
    }
    jabatan = {
        j.id: _jabatan(j) for j in Jabatan.objects.filter(kepala_unit=True, unit_id__in=unit)
    }
    pemegang = [
        _pemegang(p)
        for p in Penempatan.objects.filter(berlaku_pada(tanggal), jabatan_id__in=jabatan)
        .select_related("pegawai", "jabatan")
        .order_by("mulai", "pk")
    ]
    aturan = [
        penilai.Aturan(
            nomor=a.nomor,
            kelompok=a.kelompok,
            dinilai=a.dinilai,
            peran=a.peran,
            tipe_unit=tuple(a.tipe_unit),
            penilai=tuple(a.penilai),
            penilai_teks=a.penilai_teks,
            atasan=tuple(a.atasan),
            atasan_teks=a.atasan_teks,
            pola_jabatan=a.pola_jabatan,
            hanya_diperbantukan=a.hanya_diperbantukan,
            keterangan=a.keterangan,
            sumber=a.sumber,
        )
        for a in AturanPenilai.objects.all()
    ]
    return penilai.PetaOrganisasi(unit, jabatan, pemegang, aturan, _kebijakan())


def penempatan_definitif(pegawai_ids, tanggal) -> dict[int, Penempatan]:
    """Each employee's definitive placement on the date (one query)."""
    hasil = {}
    for p in (
        Penempatan.objects.filter(
            berlaku_pada(tanggal), pegawai_id__in=pegawai_ids, jenis=JenisPenempatan.DEFINITIF
        )
        .select_related("jabatan__unit")
        .order_by("mulai", "pk")
    ):
        hasil[p.pegawai_id] = p  # the latest start wins if data overlaps
    return hasil


def penilai_pegawai(
    daftar_pegawai, tanggal, peta=None, penempatan: dict[int, Penempatan] | None = None
) -> dict[int, penilai.HasilPenilai | None]:
    """Rater and atasan for many employees on a date; None for one with no placement.

    `penempatan`: the employees' definitive placements on that date
    (`penempatan_definitif`) when the caller already holds them, so they are not
    queried twice."""
    daftar_pegawai = list(daftar_pegawai)
    ids = [p.pk for p in daftar_pegawai]
    peta = peta or peta_organisasi(tanggal)
    if penempatan is None:
        penempatan = penempatan_definitif(ids, tanggal)
    delegasi = {}
    for d in (
        DelegasiPenilai.objects.filter(berlaku_pada(tanggal), pegawai_id__in=ids)
        .select_related("penilai", "atasan_penilai")
        .order_by("mulai", "pk")
    ):
        delegasi[d.pegawai_id] = d
    jabatan_delegasi = {
        p.pegawai_id: p
        for p in Penempatan.objects.filter(
            berlaku_pada(tanggal),
            jenis=JenisPenempatan.DEFINITIF,
            pegawai_id__in=[
                x for d in delegasi.values() for x in (d.penilai_id, d.atasan_penilai_id) if x
            ],
        ).select_related("pegawai", "jabatan")
    }
    hasil = {}
    for pegawai in daftar_pegawai:
        p = penempatan.get(pegawai.pk)
        if p is None:
            hasil[pegawai.pk] = None
            continue
        d = delegasi.get(pegawai.pk)
        hasil[pegawai.pk] = penilai.tentukan(
            peta,
            penilai.Dinilai(
                pegawai_id=pegawai.pk,
                nama=pegawai.nama_lengkap,
                status=pegawai.status,
                jabatan=_jabatan(p.jabatan),
                diperbantukan=p.diperbantukan,
                delegasi=_delegasi(d, jabatan_delegasi) if d else None,
            ),
        )
    return hasil


def _delegasi(d: DelegasiPenilai, jabatan_delegasi) -> penilai.Delegasi:
    def orang(pegawai):
        if pegawai is None:
            return None
        p = jabatan_delegasi.get(pegawai.pk)
        return penilai.Pemegang(
            pegawai_id=pegawai.pk,
            nama=pegawai.nama_lengkap,
            nip=pegawai.nip,
            jabatan_id=p.jabatan_id if p else 0,
            jabatan_nama=p.jabatan.nama if p else "",
        )

    return penilai.Delegasi(orang(d.penilai), orang(d.atasan_penilai), d.dasar, d.mulai)


@dataclass(frozen=True)
class BarisPenilai:
    pegawai: object
    penempatan: object
    hasil: penilai.HasilPenilai | None


def baris_penilai(daftar_pegawai, tanggal) -> list[BarisPenilai]:
    """Rows for a "who rates whom" table: employee, placement, rater and atasan."""
    daftar_pegawai = list(daftar_pegawai)
    ids = [p.pk for p in daftar_pegawai]
    penempatan = penempatan_definitif(ids, tanggal)
    hasil = penilai_pegawai(daftar_pegawai, tanggal, penempatan=penempatan)
    return [BarisPenilai(p, penempatan.get(p.pk), hasil.get(p.pk)) for p in daftar_pegawai]


def pegawai_tanpa_penilai(pegawai_qs, tanggal) -> models.QuerySet:
    """Employees for whom no rater can be named on the date, as a queryset in
    `pegawai_qs`'s order: the same answer as `penilai_pegawai` (the per-employee rule
    engine) gives, found set-based.

    Who ends with no rater: an employee with no definitive placement in force, or one
    whose chain of posts cannot be walked to anybody (the rule engine gives up deeper
    than `penilai._BATAS_NAIK` levels, i.e. a cycle or absurd depth in the data). A
    delegation in force always names a rater, so a placed employee with one is never
    listed. What the rule engine reads of the employee besides the post is the
    diperbantukan flag, the status (exemptions from managerial raters) and, for someone
    who holds a head post on the date, who they are (nobody rates themselves). So the
    engine runs once per distinct (post, diperbantukan, status, head-post holder or not)
    among the placed employees without a delegation, not once per employee; the
    employees whose combination resolves to nobody are then selected in SQL. A fixed
    number of queries and of rule evaluations that does not grow with the staff."""
    peta = peta_organisasi(tanggal)
    pemegang_kepala = {p.pegawai_id for p in peta.pemegang}
    definitif = Penempatan.objects.filter(
        berlaku_pada(tanggal), jenis=JenisPenempatan.DEFINITIF, pegawai_id=OuterRef("pk")
    ).order_by("-mulai", "-pk")  # the latest start wins, as in `penempatan_definitif`
    qs = pegawai_qs.annotate(
        _jabatan_berlaku=Subquery(definitif.values("jabatan_id")[:1]),
        _diperbantukan_berlaku=Subquery(definitif.values("diperbantukan")[:1]),
        _didelegasikan=Exists(
            DelegasiPenilai.objects.filter(berlaku_pada(tanggal), pegawai_id=OuterRef("pk"))
        ),
    )
    masih_berlaku = Penempatan.objects.filter(
        berlaku_pada(tanggal), jenis=JenisPenempatan.DEFINITIF, pegawai_id=OuterRef("pegawai_id")
    )
    kombinasi = (
        Penempatan.objects.filter(
            berlaku_pada(tanggal),
            jenis=JenisPenempatan.DEFINITIF,
            pegawai__in=pegawai_qs.values("pk"),
        )
        # Only the placement that counts (no later start in force beside it) ...
        .exclude(
            Exists(
                masih_berlaku.filter(
                    Q(mulai__gt=OuterRef("mulai"))
                    | Q(mulai=OuterRef("mulai"), pk__gt=OuterRef("pk"))
                )
            )
        )
        # ... of an employee without a delegation (which always names a rater).
        .exclude(
            Exists(
                DelegasiPenilai.objects.filter(
                    berlaku_pada(tanggal), pegawai_id=OuterRef("pegawai_id")
                )
            )
        )
        .annotate(
            _pemegang=Case(
                When(pegawai_id__in=pemegang_kepala, then=F("pegawai_id")),
                default=Value(0),
            )
        )
        .values_list(
            "jabatan_id",
            "jabatan__nama",
            "jabatan__unit_id",
            "jabatan__jenis",
            "jabatan__kepala_unit",
            "diperbantukan",
            "pegawai__status",
            "_pemegang",
        )
        .distinct()
    )
    buntu = Q(_jabatan_berlaku__isnull=True)
    for jabatan_id, nama, unit_id, jenis, kepala, diperbantukan, status, pegawai_id in kombinasi:
        hasil = penilai.tentukan(
            peta,
            penilai.Dinilai(
                pegawai_id=pegawai_id,  # 0: matches no head-post holder
                nama="",
                status=status,
                jabatan=penilai.Jabatan(jabatan_id, nama, unit_id, jenis, kepala),
                diperbantukan=diperbantukan,
            ),
        )
        if hasil.penilai.pejabat is not None:
            continue
        siapa = Q(pk=pegawai_id) if pegawai_id else ~Q(pk__in=pemegang_kepala)
        buntu |= (
            Q(
                _didelegasikan=False,
                _jabatan_berlaku=jabatan_id,
                _diperbantukan_berlaku=diperbantukan,
                status=status,
            )
            & siapa
        )
    return qs.filter(buntu)


def pegawai_penilai_rangkap(pegawai_qs, tanggal) -> list:
    """Employees whose rater is also, against the agency's rule, their rater's superior."""
    daftar = list(pegawai_qs)
    hasil = penilai_pegawai(daftar, tanggal)
    return [p for p in daftar if hasil[p.pk] is not None and hasil[p.pk].peringatan_rangkap]


def subpohon_dari(unit_id: int, pasangan) -> list[int]:
    """Ids of a unit and every unit below it, from (pk, induk_id) pairs."""
    anak: dict[int, list[int]] = {}
    for pk, induk in pasangan:
        anak.setdefault(induk, []).append(pk)
    hasil, antre = [], [unit_id]
    while antre:
        pk = antre.pop()
        hasil.append(pk)
        antre.extend(anak.get(pk, []))
    return hasil


def subpohon_unit(unit) -> list[int]:
    """Ids of a unit and every unit below it (one query)."""
    return subpohon_dari(unit.pk, UnitKerja.objects.values_list("pk", "induk_id"))


def jalur_unit(unit) -> list:
    """The unit and its ancestors, root first, in one query (a recursive CTE).

    Row-level security and the explicit agency filter keep the walk inside the active
    agency; the depth limit stops a (corrupt) cycle from recursing forever."""
    if unit.induk_id is None:
        return [unit]
    tabel = UnitKerja._meta.db_table
    leluhur = UnitKerja.objects.raw(
        f"""
        WITH RECURSIVE naik AS (
            SELECT u.*, 1 AS kedalaman FROM {tabel} u
            WHERE u.id = %s AND u.instansi_id = %s
            UNION ALL
            SELECT u.*, naik.kedalaman + 1 FROM {tabel} u
            JOIN naik ON u.id = naik.induk_id AND u.instansi_id = naik.instansi_id
            WHERE naik.kedalaman < 100
        )
        SELECT * FROM naik ORDER BY kedalaman DESC
        """,  # noqa: S608 (the table name is ours, the values are parameters)
        [unit.induk_id, instansi_aktif_id()],
    )
    return [*leluhur, unit]


def info_nip(nip: str):
    from django.core.exceptions import ValidationError

    from .nip import periksa_nip

    try:
        return periksa_nip(nip)
    except ValidationError:
        return None
