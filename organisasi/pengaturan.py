"""An agency's own settings (spec-local §2): read for the active scope, changed by its admin.

The values live in one row per agency (`PengaturanInstansi`), but each app owns the
settings it uses: it contributes a section of the settings page (a form over its own
columns, the checks the service runs before saving, an optional note under the fields)
with `daftarkan_bagian` from its AppConfig.ready. This module and the page only compose
the sections, so organisasi never imports the apps that build on it.
"""

from __future__ import annotations

import copy
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from . import acuan
from .audit import catat
from .models import ASPEK_INDIKATOR, PengaturanInstansi, StatusPegawai
from .tenancy import instansi_aktif_id

# Every field an admin may change; `instansi` is fixed by the scope.
ISIAN_PENGATURAN = frozenset(
    f.name
    for f in PengaturanInstansi._meta.concrete_fields
    if f.editable and f.name not in {"id", "instansi"}
)

STATUS_PENGECUALIAN = {"", StatusPegawai.PNS.value, StatusPegawai.PPPK.value}


# --- Sections contributed by the apps -------------------------------------------------------

_BAGIAN: dict[str, type] = {}


def daftarkan_bagian(bagian: type) -> None:
    """Add a section to the settings page (call from AppConfig.ready).

    `bagian` is a `forms_pengaturan.BagianPengaturan` subclass: a ModelForm over the
    columns the app owns, with `judul`, `urutan`, an optional `templat` and `periksa`.
    Registering the same class again (a second ready()) changes nothing.
    """
    _BAGIAN[f"{bagian.__module__}.{bagian.__qualname__}"] = bagian


def bagian_pengaturan() -> list[type]:
    """The sections in page order (by `urutan`, then by registration)."""
    return sorted(_BAGIAN.values(), key=lambda b: b.urutan)


def pengaturan_instansi() -> PengaturanInstansi:
    """The active agency's settings, created with the national defaults on first use.

    Read from the database only when they changed since this process last read them
    (`acuan`); each call gets its own copy, so a caller that changes its object (a bound
    ModelForm) changes no one else's."""
    return copy.deepcopy(acuan.baca("pengaturan", _baca_pengaturan))


def _baca_pengaturan() -> PengaturanInstansi:
    try:
        return PengaturanInstansi.objects.get()
    except PengaturanInstansi.DoesNotExist:
        pass
    # The model's default for aspects is an empty list; nationally all four are allowed.
    pengaturan = PengaturanInstansi(aspek_diizinkan=list(ASPEK_INDIKATOR))
    catat(pengaturan, None, "Pengaturan awal (ketentuan nasional)")
    try:
        # Savepoint: a concurrent first request may create the row at the same time.
        with transaction.atomic():
            pengaturan.save()
    except IntegrityError:
        pass
    # Read back: what is kept for later requests carries nothing of this save (its audit
    # note), and a concurrent first request's row is the one that counts.
    return PengaturanInstansi.objects.get()


def istilah(pengaturan: PengaturanInstansi) -> dict[str, str]:
    """The words forms and pages use for this agency ("Perangkat Daerah", "BKPSDM", ...).

    `tunjangan` is empty when the agency links no allowance to performance,
    so a template can leave the sentence out.
    """
    tunjangan = {
        PengaturanInstansi.Tunjangan.TUNJANGAN_KINERJA: "tunjangan kinerja",
        PengaturanInstansi.Tunjangan.TPP: "TPP",
    }.get(pengaturan.tunjangan, "")
    return {
        "instansi": pengaturan.istilah_instansi,
        "bkd": pengaturan.istilah_bkd,
        "tunjangan": tunjangan,
        "kepala_daerah": pengaturan.jabatan_kepala_daerah,
    }


def periksa_pola(pola: str) -> str | None:
    """Why a position-name pattern is unusable, or None.

    The rater rule matches it with `re.search`, so a pattern that does not
    compile would break every rater lookup of the agency.
    """
    if not pola.strip():
        return "nama jabatan wajib diisi"
    if len(pola) > 200:
        return "nama jabatan paling banyak 200 karakter"
    try:
        re.compile(pola)
    except re.error:
        return (
            "nama jabatan mengandung tanda baca yang tidak dapat dipakai "
            "(mis. kurung tanpa pasangan)"
        )
    return None


def periksa_pengecualian(nilai) -> None:
    """The stored shape: [{"pola_jabatan": "Guru", "status": "pppk"|"pns"|""}, ...]."""
    galat = "Pengecualian harus berupa daftar jabatan dan status."
    if not isinstance(nilai, list):
        raise ValidationError({"pengecualian_manajerial": galat})
    for i, p in enumerate(nilai, start=1):
        if not isinstance(p, dict) or set(p) != {"pola_jabatan", "status"}:
            raise ValidationError({"pengecualian_manajerial": galat})
        if p["status"] not in STATUS_PENGECUALIAN:
            pesan = f"Pengecualian {i}: status harus PNS, PPPK atau kosong."
            raise ValidationError({"pengecualian_manajerial": pesan})
        alasan = (
            periksa_pola(p["pola_jabatan"])
            if isinstance(p["pola_jabatan"], str)
            else "nama jabatan harus berupa teks"
        )
        if alasan:
            raise ValidationError({"pengecualian_manajerial": f"Pengecualian {i}: {alasan}."})


def periksa_pelaksana_kepala_daerah(pegawai) -> None:
    """Who acts for the kepala daerah must be an active employee of the agency who can
    log in: the role is exercised through their own account."""
    if pegawai is None:
        return
    galat = None
    if pegawai.instansi_id != instansi_aktif_id():
        galat = "Pegawai tidak ditemukan di instansi ini."
    elif not pegawai.aktif:
        galat = f"{pegawai.nama_lengkap} tidak lagi aktif."
    elif pegawai.pengguna_id is None or not pegawai.pengguna.is_active:
        galat = (
            f"{pegawai.nama_lengkap} belum memiliki akun aktif; buatkan akun terlebih dahulu "
            "agar dapat bertindak atas nama kepala daerah."
        )
    if galat:
        raise ValidationError({"pelaksana_kepala_daerah": galat})


def _pastikan_admin(pengguna) -> None:
    # Views check this too; services may be called from elsewhere (shell, tasks).
    if not pengguna.admin_instansi or pengguna.instansi_id != instansi_aktif_id():
        raise PermissionDenied(
            "Hanya admin BKD/BKPSDM instansi ini yang boleh mengubah pengaturan instansi."
        )


@transaction.atomic
def pengaturan_ubah(*, pengguna, data: dict) -> PengaturanInstansi:
    """The agency admin changes some or all settings; an unchanged save records nothing."""
    _pastikan_admin(pengguna)
    asing = set(data) - ISIAN_PENGATURAN
    if asing:
        raise ValueError(f"Isian pengaturan tidak dikenal: {', '.join(sorted(asing))}")
    pengaturan_instansi()
    # Lock: two admins saving at once are applied one after the other.
    pengaturan = PengaturanInstansi.objects.select_for_update().get()
    berubah = []
    for nama, nilai in data.items():
        if getattr(pengaturan, nama) != nilai:
            setattr(pengaturan, nama, nilai)
            berubah.append(nama)
    if not berubah:
        return pengaturan
    # Each section's own checks first: clearer messages than the model's "wajib diisi".
    for bagian in bagian_pengaturan():
        bagian.periksa(pengaturan)
    pengaturan.full_clean()
    alasan = "Pengaturan diubah"
    if "pelaksana_kepala_daerah" in berubah:
        # Who may set the JPT's SKP is an authority, not a label: say it in the record.
        pelaksana = pengaturan.pelaksana_kepala_daerah
        alasan += (
            f"; bertindak a.n. {pengaturan.jabatan_kepala_daerah}: "
            f"{pelaksana.nama_lengkap} (NIP {pelaksana.nip})"
            if pelaksana
            else f"; tidak ada lagi yang bertindak a.n. {pengaturan.jabatan_kepala_daerah}"
        )
    catat(pengaturan, pengguna, alasan)
    pengaturan.save()
    return pengaturan
