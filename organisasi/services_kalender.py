"""Writes to an agency's working-day calendar, each in one transaction with its audit record."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from .audit import catat
from .hari_kerja import LIBUR, MASUK, TAHUN_MAX, TAHUN_MIN, kalender_instansi
from .models import HariKalender
from .tenancy import instansi_aktif_id

SUDAH_DIATUR = "Tanggal ini sudah diatur."


def _pastikan_admin(pengguna) -> None:
    # Views check this too; services may be called from elsewhere (shell, tasks).
    if not pengguna.admin_instansi or pengguna.instansi_id != instansi_aktif_id():
        raise PermissionDenied("Hanya admin BKD/BKPSDM instansi ini yang boleh mengubah kalender.")


def _periksa(tanggal: date, jenis: str) -> None:
    """Refuse an override that would change nothing: the page would only mislead."""
    if not TAHUN_MIN <= tanggal.year <= TAHUN_MAX:
        raise ValidationError({"tanggal": f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAX}."})
    kalender = kalender_instansi()
    if kalender.diatur_instansi(tanggal):
        raise ValidationError({"tanggal": SUDAH_DIATUR})
    hari_kerja = kalender.adalah_hari_kerja(tanggal)
    if jenis == LIBUR and not hari_kerja:
        alasan = kalender.nama_libur(tanggal) or ("Sabtu" if tanggal.weekday() == 5 else "Minggu")
        raise ValidationError(
            {"jenis": f"Tanggal ini memang bukan hari kerja ({alasan}); tidak perlu ditambahkan."}
        )
    if jenis == MASUK and hari_kerja:
        raise ValidationError(
            {
                "jenis": "Tanggal ini sudah hari kerja biasa. Hari kerja pengganti hanya untuk "
                "hari libur nasional, cuti bersama, atau Sabtu/Minggu."
            }
        )


@transaction.atomic
def hari_kalender_tambah(*, pengguna, tanggal: date, jenis: str, keterangan: str) -> HariKalender:
    """An agency admin adds an extra holiday (LIBUR) or a working day (MASUK)."""
    _pastikan_admin(pengguna)
    _periksa(tanggal, jenis)
    hari = HariKalender(tanggal=tanggal, jenis=jenis, keterangan=keterangan)
    catat(hari, pengguna, f"Kalender kerja: {hari.get_jenis_display().lower()} ditambahkan")
    try:
        # Savepoint: a concurrent insert of the same date must not break the outer transaction.
        with transaction.atomic():
            hari.save()
    except IntegrityError as exc:
        raise ValidationError({"tanggal": SUDAH_DIATUR}) from exc
    return hari


@transaction.atomic
def hari_kalender_hapus(*, pengguna, hari_kalender: HariKalender) -> None:
    """Remove an override; the date falls back to the national calendar."""
    _pastikan_admin(pengguna)
    if hari_kalender.instansi_id != pengguna.instansi_id:
        raise PermissionDenied("Pengaturan kalender ini milik instansi lain.")
    catat(hari_kalender, pengguna, "Kalender kerja: pengaturan tanggal dihapus")
    hari_kalender.delete()
