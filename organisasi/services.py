"""Writes for accounts, each in one transaction with its audit record."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .audit import catat
from .models import DelegasiPenilai, Jabatan, JenisPenempatan, Pegawai, Penempatan
from .tanggal import tanggal_id


@transaction.atomic
def pengguna_reset_sandi(*, admin, pengguna, sandi_baru: str) -> None:
    """An agency admin sets a new password for an account of the same agency."""
    if pengguna.instansi_id != admin.instansi_id or not admin.admin_instansi:
        raise PermissionError("Pengguna ini bukan milik instansi Anda.")
    pengguna.set_password(sandi_baru)
    catat(
        pengguna,
        admin,
        f"Kata sandi direset oleh {admin} pada {timezone.localtime():%d-%m-%Y %H:%M}",
    )
    pengguna.save()


# --- Organisation -----------------------------------------------------------------------


@transaction.atomic
def pegawai_ubah(*, pengguna, pegawai: Pegawai, data: dict) -> Pegawai:
    for kolom, nilai in data.items():
        setattr(pegawai, kolom, nilai)
    pegawai.full_clean()
    catat(pegawai, pengguna, "Data pegawai diubah")
    pegawai.save()
    return pegawai


def _bertumpang(qs, mulai: date, selesai: date | None):
    """Rows of `qs` (with mulai/selesai, open-ended when selesai is empty) that share a
    day with the period mulai..selesai."""
    qs = qs.filter(Q(selesai__isnull=True) | Q(selesai__gte=mulai))
    return qs if selesai is None else qs.filter(mulai__lte=selesai)


@transaction.atomic
def penempatan_catat(
    *,
    pengguna,
    pegawai: Pegawai,
    jabatan: Jabatan,
    jenis: str,
    mulai: date,
    selesai: date | None = None,
    dasar: str = "",
    diperbantukan: bool = False,
    berwenang_menilai: bool = False,
) -> Penempatan:
    """Record a transfer (a new definitive post) or an acting post (Plt/Plh) from a date.

    A transfer ends the current definitive placement the day before, so the old
    rater still answers for the days before and history is never rewritten.
    """
    # Lock the employee's placements so two admins cannot overlap them.
    sekarang = list(
        Penempatan.objects.select_for_update()
        .filter(pegawai=pegawai, jenis=JenisPenempatan.DEFINITIF, selesai__isnull=True)
        .select_related("jabatan")
    )
    if selesai is not None and selesai < mulai:
        raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
    if jenis == JenisPenempatan.DEFINITIF:
        for p in sekarang:
            if p.mulai >= mulai:
                raise ValidationError(
                    {
                        "mulai": f"Penempatan sekarang ({p.jabatan}) baru mulai "
                        f"{tanggal_id(p.mulai)}; tanggal pindah harus sesudahnya."
                    }
                )
            if p.jabatan_id == jabatan.pk:
                raise ValidationError({"jabatan": "Pegawai sudah menduduki jabatan ini."})
    else:
        if not jabatan.kepala_unit:
            raise ValidationError(
                {"jabatan": "Plt/Plh hanya untuk jabatan kepala unit (jabatan pimpinan)."}
            )
    if jabatan.kepala_unit:
        jenis_bentrok = (
            [JenisPenempatan.DEFINITIF]
            if jenis == JenisPenempatan.DEFINITIF
            else [JenisPenempatan.DEFINITIF, JenisPenempatan.PLT]
            if jenis == JenisPenempatan.PLT
            else [JenisPenempatan.PLH]
        )
        bentrok = (
            Penempatan.objects.select_for_update()
            .filter(jabatan=jabatan, jenis__in=jenis_bentrok)
            .exclude(pegawai=pegawai)
            .select_related("pegawai")
        )
        if lain := _bertumpang(bentrok, mulai, selesai).first():
            raise ValidationError(
                {
                    "jabatan": f"{jabatan} masih dipegang {lain.pegawai} "
                    f"({lain.get_jenis_display()}) pada tanggal itu; akhiri dulu penempatannya."
                }
            )
    if jenis == JenisPenempatan.DEFINITIF:
        for p in sekarang:
            p.selesai = mulai - timedelta(days=1)
            catat(p, pengguna, f"Diakhiri karena pindah ke {jabatan}")
            p.save()
    baru = Penempatan(
        pegawai=pegawai,
        jabatan=jabatan,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        dasar=dasar,
        diperbantukan=diperbantukan,
        berwenang_menilai=berwenang_menilai,
    )
    baru.full_clean()
    catat(baru, pengguna, "Penempatan dicatat")
    baru.save()
    return baru


@transaction.atomic
def penempatan_akhiri(*, pengguna, penempatan: Penempatan, selesai: date) -> Penempatan:
    if selesai < penempatan.mulai:
        raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
    penempatan.selesai = selesai
    catat(penempatan, pengguna, "Penempatan diakhiri")
    penempatan.save()
    return penempatan


@transaction.atomic
def delegasi_tambah(
    *,
    pengguna,
    pegawai: Pegawai,
    penilai: Pegawai,
    atasan_penilai: Pegawai | None,
    mulai: date,
    selesai: date | None,
    dasar: str,
) -> DelegasiPenilai:
    if penilai.pk == pegawai.pk:
        raise ValidationError({"penilai": "Pegawai tidak dapat menilai dirinya sendiri."})
    if atasan_penilai is not None and atasan_penilai.pk in (pegawai.pk, penilai.pk):
        raise ValidationError(
            {"atasan_penilai": "Atasan pejabat penilai harus orang lain dari pegawai dan penilai."}
        )
    if selesai is not None and selesai < mulai:
        raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
    if _bertumpang(DelegasiPenilai.objects.filter(pegawai=pegawai), mulai, selesai).exists():
        raise ValidationError(
            {"mulai": "Sudah ada delegasi penilai untuk pegawai ini pada rentang tanggal itu."}
        )
    delegasi = DelegasiPenilai(
        pegawai=pegawai,
        penilai=penilai,
        atasan_penilai=atasan_penilai,
        mulai=mulai,
        selesai=selesai,
        dasar=dasar,
    )
    delegasi.full_clean()
    catat(delegasi, pengguna, "Delegasi penilai ditetapkan")
    delegasi.save()
    return delegasi
