"""The import job: an upload becomes an ImporData row, the worker makes its preview
(pratinjau) and, once the admin confirms, applies it (terapkan) in one transaction,
reporting progress the page polls. The two Celery tasks live here with the job they
run; organisasi/tasks.py only re-exports them for the worker's discovery."""

from __future__ import annotations

import logging
from datetime import date

from celery import shared_task
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from ..models import ImporData
from ..tenancy import PENGATURAN_DB, instansi_aktif_id, tugas_instansi
from .baca import baca_tabel
from .rencana import BARU, DIPERBARUI, GALAT, DataInstansi, Progres, Rencana, rencanakan
from .terapkan import terapkan_rencana

logger = logging.getLogger(__name__)


# --- The job: upload, preview, apply ---------------------------------------------------


def _pastikan_admin(pengguna) -> None:
    # Views check this too; services may be called from elsewhere (shell, tasks).
    if not pengguna.admin_instansi or pengguna.instansi_id != instansi_aktif_id():
        raise PermissionDenied("Hanya admin BKD/BKPSDM instansi ini yang boleh mengimpor data.")


@transaction.atomic
def buat_impor(*, pengguna, jenis: str, nama_berkas: str, isi: bytes) -> ImporData:
    """Store an uploaded file and queue its preview once the upload is committed."""
    _pastikan_admin(pengguna)
    impor = ImporData(jenis=jenis, nama_berkas=nama_berkas[:255], isi=isi, dibuat_oleh=pengguna)
    # The file is the job's own record; copying it into the history table is waste.
    impor.save_without_historical_record()

    def antrekan():
        impor_pratinjau.delay(impor.instansi_id, impor.pk)

    transaction.on_commit(antrekan)
    return impor


def tanggal_impor(impor: ImporData) -> date:
    """The date the upload means by "now": default TMT, and today for NIP checks."""
    return timezone.localdate(impor.dibuat_pada)


def susun_rencana(impor: ImporData, progres: LaporanProgres | None = None) -> Rencana:
    tanggal = tanggal_impor(impor)
    tabel = baca_tabel(impor.nama_berkas, bytes(impor.isi), impor.jenis)
    if tabel.galat:
        return Rencana(impor.jenis, galat_berkas=tabel.galat, kolom_diabaikan=tabel.diabaikan)
    if progres is not None:
        progres.total(len(tabel.baris))
    data = DataInstansi.muat(impor.jenis, tanggal)
    return rencanakan(impor.jenis, tabel, data, tanggal=tanggal, progres=progres)


def _simpan_hasil(impor_id: int, rencana: Rencana, *, dari: str, ke: str, **lain) -> int:
    return ImporData.objects.filter(pk=impor_id, status=dari).update(
        status=ke,
        hasil=rencana.hasil(),
        ringkasan=rencana.ringkasan(),
        galat_berkas=rencana.galat_berkas,
        total_baris=len(rencana.baris),
        diproses=len(rencana.baris),
        **lain,
    )


def jalankan_pratinjau(impor_id: int, progres: LaporanProgres | None = None) -> str:
    """The dry run: every row's fate, stored on the job. Runs inside the tenant scope."""
    impor = ImporData.objects.get(pk=impor_id)
    if impor.status != ImporData.Status.MENUNGGU_PRATINJAU:
        return impor.status  # already done: a redelivered task changes nothing
    rencana = susun_rencana(impor, progres)
    status = ImporData.Status.GAGAL if rencana.galat_berkas else ImporData.Status.PRATINJAU
    _simpan_hasil(impor_id, rencana, dari=ImporData.Status.MENUNGGU_PRATINJAU, ke=status)
    return status


@transaction.atomic
def mulai_terapkan(*, pengguna, impor: ImporData, terapkan_yang_valid: bool) -> None:
    """The admin's "Terapkan": claim the job (compare-and-set) and queue the apply."""
    _pastikan_admin(pengguna)
    if impor.status != ImporData.Status.PRATINJAU:
        raise ValidationError(
            f"Impor ini tidak dapat diterapkan lagi (status: {impor.get_status_display()})."
        )
    ringkasan = impor.ringkasan or {}
    if ringkasan.get(GALAT) and not terapkan_yang_valid:
        raise ValidationError(
            "Berkas masih berisi baris bergalat. Perbaiki lalu unggah ulang, atau centang "
            "'Terapkan hanya baris yang valid'."
        )
    if not (ringkasan.get(BARU) or ringkasan.get(DIPERBARUI)):
        raise ValidationError("Tidak ada baris baru atau berubah yang dapat diterapkan.")
    diklaim = ImporData.objects.filter(pk=impor.pk, status=ImporData.Status.PRATINJAU).update(
        status=ImporData.Status.MENERAPKAN,
        terapkan_yang_valid=terapkan_yang_valid,
        diterapkan_oleh=pengguna,
        diproses=0,
    )
    if not diklaim:
        raise ValidationError("Impor ini sudah diterapkan atau sedang diterapkan.")
    impor.status = ImporData.Status.MENERAPKAN

    def antrekan():
        impor_terapkan.delay(impor.instansi_id, impor.pk)

    transaction.on_commit(antrekan)


# Advisory-lock namespace for import jobs (an arbitrary constant: "IM").
_KUNCI_IMPOR = 0x494D


@transaction.atomic
def jalankan_penerapan(impor_id: int, progres: Progres | None = None) -> str:
    """Apply a claimed job in one transaction. Runs inside the tenant scope.

    Two deliveries of the same task queue up on an advisory lock; the second then sees
    the status the first committed and does nothing. The job row itself is not locked,
    so progress reports (another connection) can still update it meanwhile.
    """
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_KUNCI_IMPOR, impor_id % 2**31])
    impor = ImporData.objects.get(pk=impor_id)
    if impor.status != ImporData.Status.MENERAPKAN:
        return impor.status
    # Planned again: the organisation may have changed since the preview.
    rencana = susun_rencana(impor)
    if rencana.galat_berkas or (rencana.ada_galat and not impor.terapkan_yang_valid):
        _simpan_hasil(
            impor_id, rencana, dari=ImporData.Status.MENERAPKAN, ke=ImporData.Status.GAGAL
        )
        if not rencana.galat_berkas:
            ImporData.objects.filter(pk=impor_id).update(
                galat_berkas=[
                    "Data instansi berubah sejak pratinjau sehingga ada baris bergalat; tidak "
                    "ada data yang diubah. Unggah ulang berkasnya."
                ]
            )
        return ImporData.Status.GAGAL
    pengguna = impor.diterapkan_oleh or impor.dibuat_oleh
    terapkan_rencana(rencana, pengguna=pengguna, nama_berkas=impor.nama_berkas, progres=progres)
    _simpan_hasil(
        impor_id,
        rencana,
        dari=ImporData.Status.MENERAPKAN,
        ke=ImporData.Status.DITERAPKAN,
        diterapkan_pada=timezone.now(),
    )
    return ImporData.Status.DITERAPKAN


def tandai_gagal(impor_id: int, pesan: str) -> None:
    """After an unexpected error (its transaction rolled back): let the page stop polling."""
    ImporData.objects.filter(
        pk=impor_id,
        status__in=[ImporData.Status.MENUNGGU_PRATINJAU, ImporData.Status.MENERAPKAN],
    ).update(status=ImporData.Status.GAGAL, galat_berkas=[pesan])


class LaporanProgres:
    """Reports `diproses` on a database connection of its own, committed at once.

    The job runs in one long transaction (the tenant scope of the task), whose writes
    nobody sees until it ends; a second connection makes the progress visible to the
    page polling it. Row-level security applies there too, so each report sets the
    tenant in its own short transaction.
    """

    def __init__(self, instansi_id: int, impor_id: int):
        self.instansi_id = instansi_id
        self.impor_id = impor_id
        self._koneksi = None
        self._tabel = ImporData._meta.db_table

    def __enter__(self) -> LaporanProgres:
        return self

    def __exit__(self, *exc) -> None:
        if self._koneksi is not None:
            self._koneksi.close()
            self._koneksi = None

    def _tulis(self, kolom: str, nilai: int) -> None:
        try:
            if self._koneksi is None:
                utama = connections[DEFAULT_DB_ALIAS]
                self._koneksi = type(utama)(dict(utama.settings_dict), "progres_impor")
                self._koneksi.ensure_connection()
                self._koneksi.set_autocommit(False)
            with self._koneksi.cursor() as cur:
                cur.execute(
                    "SELECT set_config(%s, %s, true)", [PENGATURAN_DB, str(self.instansi_id)]
                )
                cur.execute(
                    f'UPDATE "{self._tabel}" SET "{kolom}" = %s WHERE id = %s',
                    [nilai, self.impor_id],
                )
            self._koneksi.commit()
        except Exception:
            # Progress is a courtesy: never let it break the import itself.
            logger.warning("Progres impor %s tidak dapat dicatat", self.impor_id, exc_info=True)
            if self._koneksi is not None:
                self._koneksi.close()
                self._koneksi = None

    def total(self, total: int) -> None:
        self._tulis("total_baris", total)

    def __call__(self, diproses: int) -> None:
        self._tulis("diproses", diproses)


# --- The Celery tasks -------------------------------------------------------------------
# Each task body runs in its agency's scope: one transaction with RLS set for it. The
# import's own writes go in a savepoint, so an unexpected error undoes them but still lets
# the job be marked failed (and the page stop polling) in the same committed transaction.


@shared_task(name="organisasi.impor_pratinjau")
@tugas_instansi
def impor_pratinjau(instansi_id: int, impor_id: int) -> str:
    """Dry run of an uploaded file: every row's fate, nothing written."""
    try:
        with transaction.atomic(), LaporanProgres(instansi_id, impor_id) as progres:
            return jalankan_pratinjau(impor_id, progres)
    except Exception:
        logger.exception("Pratinjau impor %s gagal", impor_id)
        tandai_gagal(impor_id, "Berkas tidak dapat diproses karena kesalahan sistem.")
        return "gagal"


@shared_task(name="organisasi.impor_terapkan")
@tugas_instansi
def impor_terapkan(instansi_id: int, impor_id: int) -> str:
    """Apply a claimed import in one transaction; a second delivery does nothing."""
    try:
        with transaction.atomic(), LaporanProgres(instansi_id, impor_id) as progres:
            return jalankan_penerapan(impor_id, progres)
    except Exception:
        logger.exception("Penerapan impor %s gagal", impor_id)
        tandai_gagal(
            impor_id,
            "Penerapan gagal karena kesalahan sistem; tidak ada data yang diubah. "
            "Coba unggah ulang, atau hubungi pengelola aplikasi.",
        )
        return "gagal"
