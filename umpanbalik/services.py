"""Writes for the year's execution: each in one transaction, checked, audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from organisasi.audit import catat
from skp import selectors as skp_selectors
from skp.models import SKP, IndikatorKinerjaIndividu, RencanaHasilKerja
from skp.workflow import BERLAKU

from . import aturan, bukti
from .models import BuktiDukung, JenisRealisasi, Realisasi, RencanaAksi
from .selectors import jenis_periode

BATAS_BUKTI = 10  # files and links per realisation entry


def _pemilik(pengguna, skp: SKP):
    """Only the employee documents their own SKP, and only once it is in force."""
    saya = skp_selectors.pegawai_pengguna(pengguna)
    if saya is None or saya.pk != skp.pegawai_id:
        raise PermissionDenied("Hanya pegawai pemilik SKP yang mendokumentasikan kinerjanya.")
    if skp.status not in BERLAKU:
        raise ValidationError(
            "SKP ini belum ditetapkan atau sudah diganti; "
            "dokumentasi dicatat pada SKP yang berlaku."
        )
    return saya


@transaction.atomic
def rencana_aksi_tambah(*, pengguna, rhk: RencanaHasilKerja, teks: str) -> RencanaAksi:
    """Add a step to an RHK's action plan (B.1.1), as agreed in the performance dialogue."""
    skp = SKP.objects.select_for_update().get(pk=rhk.skp_id)
    _pemilik(pengguna, skp)
    teks = (teks or "").strip()
    if not teks:
        raise ValidationError({"teks": "Tuliskan langkah rencana aksinya."})
    if len(teks) > 500:
        raise ValidationError({"teks": "Rencana aksi paling panjang 500 karakter."})
    urutan = (rhk.rencana_aksi.aggregate(m=Max("urutan"))["m"] or 0) + 1
    aksi = RencanaAksi(rhk=rhk, urutan=urutan, teks=teks)
    catat(aksi, pengguna, "Rencana aksi ditambahkan")
    aksi.save()
    return aksi


@transaction.atomic
def rencana_aksi_hapus(*, pengguna, aksi: RencanaAksi) -> None:
    _pemilik(pengguna, SKP.objects.select_for_update().get(pk=aksi.rhk.skp_id))
    catat(aksi, pengguna, "Rencana aksi dihapus")
    aksi.delete()


@transaction.atomic
def realisasi_catat(
    *,
    pengguna,
    skp: SKP,
    iki: IndikatorKinerjaIndividu,
    periode: int,
    jenis: str,
    uraian: str,
    berkas: list | tuple = (),
    tautan: list | tuple = (),
) -> Realisasi:
    """Document what an indicator reached in a period, with evidence of the result (B.1.2).

    Every file is checked by `bukti.siapkan` before anything is written: one refused
    file refuses the whole entry, so nothing half-saved remains."""
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    saya = _pemilik(pengguna, skp)
    if iki.rhk.skp_id != skp.pk:
        raise ValidationError({"iki": "Indikator ini bukan bagian dari SKP tersebut."})
    jenis_p = jenis_periode()
    if periode not in aturan.periode_dalam_skp(jenis_p, skp.periode_mulai, skp.periode_selesai):
        raise ValidationError({"periode": "Periode ini di luar periode penilaian SKP."})
    mulai, _ = aturan.rentang_periode(jenis_p, skp.tahun, periode)
    if mulai > timezone.localdate():
        raise ValidationError({"periode": "Periode ini belum dimulai."})
    if jenis not in JenisRealisasi.values:
        raise ValidationError({"jenis": "Pilih progres atau realisasi akhir."})
    uraian = (uraian or "").strip()
    if not uraian:
        raise ValidationError({"uraian": "Tuliskan realisasi yang dicapai."})
    if len(uraian) > 2000:
        raise ValidationError({"uraian": "Uraian realisasi paling panjang 2000 karakter."})
    tautan = [t for t in (t.strip() for t in tautan) if t]
    berkas = [b for b in berkas if b]
    if not berkas and not tautan:
        raise ValidationError(
            {"berkas": "Lampirkan bukti dukung hasil kerja: unggah berkas atau tautan."}
        )
    if len(berkas) + len(tautan) > BATAS_BUKTI:
        raise ValidationError({"berkas": f"Paling banyak {BATAS_BUKTI} bukti per realisasi."})
    siap = []
    for b in berkas:
        try:
            siap.append(bukti.siapkan(b))
        except ValidationError as exc:
            raise ValidationError({"berkas": f"{b.name}: {' '.join(exc.messages)}"}) from exc
    try:
        tautan = [bukti.periksa_tautan(t) for t in tautan]
    except ValidationError as exc:
        raise ValidationError({"tautan": exc.messages}) from exc

    realisasi = Realisasi(
        skp=skp,
        iki=iki,
        periode=periode,
        jenis_periode=jenis_p,
        jenis=jenis,
        uraian=uraian,
        dicatat_oleh=saya,
    )
    catat(realisasi, pengguna, "Realisasi didokumentasikan")
    realisasi.save()
    BuktiDukung.objects.bulk_create(
        [
            BuktiDukung(
                realisasi=realisasi,
                nama=s.nama,
                jenis_isi=s.jenis_isi,
                ukuran=len(s.isi),
                isi=s.isi,
                diunggah_oleh=saya,
                instansi_id=skp.instansi_id,
            )
            for s in siap
        ]
        + [
            BuktiDukung(
                realisasi=realisasi,
                nama=t[:100],
                tautan=t,
                diunggah_oleh=saya,
                instansi_id=skp.instansi_id,
            )
            for t in tautan
        ]
    )
    return realisasi
