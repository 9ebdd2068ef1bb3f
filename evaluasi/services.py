"""Writes for evaluation: each in one transaction, checked against the workflow and the
rules, audited in the same transaction. Bad input raises ValidationError in Indonesian and
changes nothing."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from organisasi.audit import catat
from organisasi.models import UnitKerja
from organisasi.tanggal import tanggal_id
from skp.models import SKP

from . import kuadran, selectors, workflow
from .distribusi import CapaianOrganisasi
from .models import BATAS_CATATAN, CapaianOrganisasiUnit, EvaluasiKinerja
from .periode import Periode
from .workflow import Aksi, AksiDitolak


class VersiUsang(ValidationError):
    """Someone saved this evaluation after the form was read. Nothing was changed; the
    caller shows the stored values beside what this user entered."""

    def __init__(self, pesan: str, tersimpan: EvaluasiKinerja | None):
        super().__init__(pesan)
        self.tersimpan = tersimpan


def capaian_tetapkan(
    *, pengguna, unit: UnitKerja, periode: Periode, capaian: str,
    tanggal: date | None = None,
) -> CapaianOrganisasiUnit:  # fmt: skip
    """Set (or correct) a unit's capaian kinerja organisasi for a period. The agency admin
    may set any unit's, a unit head her own unit's (000:6706-6710)."""
    tanggal = tanggal or timezone.localdate()
    if not selectors.capaian_dapat_diatur(pengguna, tanggal).filter(pk=unit.pk).exists():
        raise PermissionDenied(
            "Capaian kinerja organisasi ditetapkan admin instansi atau pimpinan unit tersebut."
        )
    try:
        nilai = CapaianOrganisasi(capaian)
    except ValueError:
        raise ValidationError(
            "Pilih capaian kinerja organisasi: Istimewa, Baik, Butuh Perbaikan, Kurang, "
            "atau Sangat Kurang."
        ) from None
    with transaction.atomic():
        baris = (
            CapaianOrganisasiUnit.objects.select_for_update()
            .filter(
                unit=unit,
                tahun=periode.tahun,
                periode_jenis=periode.jenis,
                periode_nomor=periode.nomor,
            )  # fmt: skip
            .first()
        )
        if baris is None:
            baris = CapaianOrganisasiUnit(
                unit=unit, tahun=periode.tahun, periode_jenis=periode.jenis,
                periode_nomor=periode.nomor,
            )  # fmt: skip
        elif baris.capaian == nilai:
            return baris
        baris.capaian = nilai
        baris.ditetapkan_oleh = pengguna
        baris.ditetapkan_pada = tanggal
        catat(baris, pengguna, f"Capaian kinerja organisasi {periode.label_lengkap}: {nilai.label}")
        baris.save()
    return baris


def _pesan_usang(tersimpan: EvaluasiKinerja | None) -> str:
    if tersimpan is None:
        return "Evaluasi ini sudah tidak ada. Muat ulang halaman."
    siapa = tersimpan.diubah_oleh.nama if tersimpan.diubah_oleh else "pengguna lain"
    waktu = timezone.localtime(tersimpan.diubah_pada)
    return (
        f"Evaluasi {tersimpan.pegawai.nama_lengkap} sudah diubah {siapa} pada "
        f"{tanggal_id(waktu.date())} pukul {waktu:%H.%M} setelah Anda membukanya. "
        "Isian Anda belum disimpan: periksa nilai tersimpan di bawah, lalu simpan lagi bila "
        "tetap ingin mengubahnya."
    )


def evaluasi_nilai(
    *, pengguna, skp: SKP, periode: Periode, versi: int,
    rating_hasil_kerja: str = "", rating_perilaku_kerja: str = "",
    gagal_tugas_belajar: bool = False, predikat_gagal: str = "", catatan: str = "",
) -> EvaluasiKinerja:  # fmt: skip
    """Save the ratings, the predikat (from the quadrant, or the drop-out pick) and the
    catatan/rekomendasi of `skp`'s pegawai for `periode`.

    `versi` is the version the form was read at (0: no evaluation yet). A stale version is
    refused (VersiUsang) and nothing changes: two raters or two tabs cannot overwrite each
    other unseen.
    """
    for nilai in (rating_hasil_kerja, rating_perilaku_kerja):
        if nilai and nilai not in {r.value for r in kuadran.Rating}:
            raise ValidationError(
                "Rating harus salah satu dari: di atas, sesuai, atau di bawah ekspektasi."
            )
    if len(catatan) > BATAS_CATATAN:
        raise ValidationError(
            f"Catatan/rekomendasi paling banyak {BATAS_CATATAN} karakter (sekarang {len(catatan)})."
        )
    try:
        predikat = kuadran.predikat_dipilih(
            rating_hasil_kerja or None, rating_perilaku_kerja or None,
            gagal_tugas_belajar=gagal_tugas_belajar, pilihan_gagal=predikat_gagal or None,
        )  # fmt: skip
    except kuadran.PredikatTidakSah as exc:
        raise ValidationError(str(exc)) from exc
    if skp.status not in selectors.STATUS_SKP_DINILAI or not (
        skp.periode_mulai <= periode.akhir and skp.periode_selesai >= periode.mulai
    ):
        raise ValidationError(
            f"SKP ini tidak berlaku untuk periode {periode.label_lengkap} atau belum ditetapkan."
        )
    if gagal_tugas_belajar and not skp.tugas_belajar:
        raise ValidationError("Pegawai ini tidak sedang tugas belajar menurut SKP-nya.")

    try:
        with transaction.atomic():
            evaluasi = (
                EvaluasiKinerja.objects.select_for_update(of=("self",))
                .select_related("pegawai", "diubah_oleh")
                .filter(
                    pegawai_id=skp.pegawai_id,
                    tahun=periode.tahun,
                    periode_jenis=periode.jenis,
                    periode_nomor=periode.nomor,
                )  # fmt: skip
                .first()
            )
            baru = evaluasi is None
            if baru:
                evaluasi = EvaluasiKinerja(
                    pegawai_id=skp.pegawai_id, skp=skp, tahun=periode.tahun,
                    periode_jenis=periode.jenis, periode_nomor=periode.nomor,
                    penilai_id=skp.penilai_id, atasan_penilai_id=skp.atasan_penilai_id,
                    versi=0,
                )  # fmt: skip
            # Who may act first: a stranger learns nothing about who saved what.
            peran = selectors.peran(pengguna, evaluasi)
            try:
                workflow.periksa_aksi(Aksi.NILAI, evaluasi.status, peran)
            except AksiDitolak as exc:
                raise PermissionDenied(str(exc)) from exc
            if evaluasi.versi != versi:
                raise VersiUsang(
                    _pesan_usang(None if baru else evaluasi), None if baru else evaluasi
                )
            evaluasi.rating_hasil_kerja = rating_hasil_kerja
            evaluasi.rating_perilaku_kerja = rating_perilaku_kerja
            evaluasi.gagal_tugas_belajar = gagal_tugas_belajar
            evaluasi.predikat = predikat or ""
            evaluasi.catatan = catatan
            evaluasi.versi += 1
            evaluasi.diubah_oleh = pengguna
            catat(
                evaluasi, pengguna,
                f"Evaluasi {periode.label_lengkap}: predikat "
                f"{predikat.label if predikat else 'belum lengkap'}",
            )  # fmt: skip
            evaluasi.save()
    except IntegrityError:
        # Two first saves at once: the unique key let one through; this one is stale.
        tersimpan = (
            EvaluasiKinerja.objects.select_related("pegawai", "diubah_oleh")
            .filter(
                pegawai_id=skp.pegawai_id,
                tahun=periode.tahun,
                periode_jenis=periode.jenis,
                periode_nomor=periode.nomor,
            )  # fmt: skip
            .first()
        )
        raise VersiUsang(_pesan_usang(tersimpan), tersimpan) from None
    return evaluasi
