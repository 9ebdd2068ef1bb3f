"""Writing a plan's valid rows: bulk per chunk, each write with its audit record
(simple-history, change reason "Impor <nama_berkas>"). The caller holds the transaction."""

from __future__ import annotations

from collections import defaultdict

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ..models import (
    ImporData,
    Jabatan,
    JenisPenempatan,
    Pegawai,
    Penempatan,
    UnitKerja,
)
from ..sinyal import penempatan_diubah_massal
from ..tenancy import instansi_aktif_id
from .rencana import BARU, PEGAWAI_DIUBAH, SETIAP_BARIS, TETAP, Progres, Rencana

# --- Applying --------------------------------------------------------------------------


def _alasan(nama_berkas: str) -> str:
    # history_change_reason is 100 characters.
    return f"Impor {nama_berkas}"[:100]


def terapkan_rencana(
    rencana: Rencana, *, pengguna, nama_berkas: str, progres: Progres | None = None
) -> None:
    """Write the valid rows of a plan. The caller holds the transaction."""
    alasan = _alasan(nama_berkas)
    riwayat = {"default_user": pengguna, "default_change_reason": alasan}
    if rencana.jenis == ImporData.Jenis.UNIT:
        _terapkan_unit(rencana, riwayat, progres)
    else:
        _terapkan_pegawai(rencana, riwayat, nama_berkas, progres)


def _terapkan_unit(rencana: Rencana, riwayat: dict, progres) -> None:
    instansi_id = instansi_aktif_id()
    berlaku = [b for b in rencana.baris if b.berlaku and b.aksi != TETAP]
    per_kedalaman = defaultdict(list)
    for b in berlaku:
        if b.aksi == BARU:
            per_kedalaman[b.simpul.kedalaman()].append(b)
    # Parents before children: one depth at a time, so a chunk only points at saved units.
    potongan_baru = [
        per_kedalaman[k][awal : awal + SETIAP_BARIS]
        for k in sorted(per_kedalaman)
        for awal in range(0, len(per_kedalaman[k]), SETIAP_BARIS)
    ]
    diubah = [b for b in berlaku if b.unit_diubah]
    selesai = 0
    for potongan in potongan_baru:
        objek = []
        for b in potongan:
            s = b.simpul
            s.unit = UnitKerja(
                instansi_id=instansi_id,
                nama=s.nama,
                jenis=s.jenis,
                kode=s.kode,
                induk=s.induk.unit if s.induk else None,
            )
            objek.append(s.unit)
        bulk_create_with_history(objek, UnitKerja, **riwayat)
        selesai += len(potongan)
        if progres:
            progres(selesai)
    for awal in range(0, len(diubah), SETIAP_BARIS):
        potongan = diubah[awal : awal + SETIAP_BARIS]
        for b in potongan:
            s = b.simpul
            s.unit.nama, s.unit.jenis, s.unit.kode = s.nama, s.jenis, s.kode
            s.unit.induk = s.induk.unit if s.induk else None
        bulk_update_with_history(
            [b.simpul.unit for b in potongan],
            UnitKerja,
            ["nama", "jenis", "kode", "induk"],
            **riwayat,
        )
        selesai += len(potongan)
        if progres:
            progres(selesai)


def _terapkan_pegawai(rencana: Rencana, riwayat: dict, nama_berkas: str, progres) -> None:
    instansi_id = instansi_aktif_id()
    dasar = f"Impor {nama_berkas}"[:200]
    jabatan_diubah = set(rencana.jabatan_diubah)
    pindah = False
    for awal in range(0, len(rencana.baris), SETIAP_BARIS):
        potongan = [
            b for b in rencana.baris[awal : awal + SETIAP_BARIS] if b.berlaku and b.aksi != TETAP
        ]
        # Decide everything before writing: a saved object gets a pk.
        jabatan_baru, jabatan_ubah = {}, {}
        for b in potongan:
            if b.jabatan.pk is None:
                jabatan_baru[id(b.jabatan)] = b.jabatan
            elif b.jabatan.pk in jabatan_diubah:
                jabatan_ubah[b.jabatan.pk] = b.jabatan
                jabatan_diubah.discard(b.jabatan.pk)
        pegawai_baru = [b.pegawai for b in potongan if b.pegawai.pk is None]
        pegawai_ubah = [b.pegawai for b in potongan if b.pegawai_diubah and b.pegawai.pk]
        if jabatan_baru:
            bulk_create_with_history(list(jabatan_baru.values()), Jabatan, **riwayat)
        if jabatan_ubah:
            bulk_update_with_history(
                list(jabatan_ubah.values()), Jabatan, ["jenis", "jenjang"], **riwayat
            )
        if pegawai_baru:
            bulk_create_with_history(pegawai_baru, Pegawai, **riwayat)
        if pegawai_ubah:
            bulk_update_with_history(pegawai_ubah, Pegawai, PEGAWAI_DIUBAH, **riwayat)
        akhiri = [b.akhiri for b in potongan if b.akhiri is not None]
        if akhiri:
            bulk_update_with_history(akhiri, Penempatan, ["selesai"], **riwayat)
            pindah = True
        tempat = [
            Penempatan(
                instansi_id=instansi_id,
                pegawai=b.pegawai,
                jabatan=b.jabatan,
                jenis=JenisPenempatan.DEFINITIF,
                mulai=b.tmt,
                dasar=dasar,
            )
            for b in potongan
            if b.tempatkan
        ]
        if tempat:
            bulk_create_with_history(tempat, Penempatan, **riwayat)
            pindah = True
        if progres:
            progres(min(awal + SETIAP_BARIS, len(rencana.baris)))
    if pindah:
        penempatan_diubah_massal.send(sender=Penempatan, instansi_id=instansi_id)
