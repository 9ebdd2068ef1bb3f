"""An agency's own settings (spec-local §2): read for the active scope, changed by its admin."""

from __future__ import annotations

import calendar
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from .audit import catat
from .models import ASPEK_INDIKATOR, PengaturanInstansi, StatusPegawai
from .tanggal import BULAN
from .tenancy import instansi_aktif_id

# Every field an admin may change; `instansi` is fixed by the scope.
ISIAN_PENGATURAN = frozenset(
    f.name
    for f in PengaturanInstansi._meta.concrete_fields
    if f.editable and f.name not in {"id", "instansi"}
)

GALAT_ASPEK_KOSONG = "Pilih paling sedikit satu aspek indikator."
# The earliest reminder, in working days before the SKP deadline (about three months):
# the daily job looks one year ahead for reminders, and further makes no sense.
PENGINGAT_MAKS = 60
STATUS_PENGECUALIAN = {"", StatusPegawai.PNS.value, StatusPegawai.PPPK.value}


def pengaturan_instansi() -> PengaturanInstansi:
    """The active agency's settings, created with the national defaults on first use."""
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
        return PengaturanInstansi.objects.get()
    return pengaturan


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


def periksa_aspek(nilai) -> None:
    if not isinstance(nilai, list) or not nilai:
        raise ValidationError({"aspek_diizinkan": GALAT_ASPEK_KOSONG})
    asing = [a for a in nilai if a not in ASPEK_INDIKATOR]
    if asing:
        raise ValidationError(
            {
                "aspek_diizinkan": f"Aspek tidak dikenal: {', '.join(map(str, asing))}. "
                f"Pilih dari {', '.join(ASPEK_INDIKATOR)}."
            }
        )


def periksa_batas_skp(hari, bulan) -> None:
    """The SKP deadline must be a date that exists every year (so not 29 February)."""
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise ValidationError({"batas_skp_bulan": "Bulan batas penetapan harus 1 sampai 12."})
    terakhir = calendar.monthrange(2001, bulan)[1]  # a common year
    if isinstance(hari, bool) or not isinstance(hari, int) or not 1 <= hari <= terakhir:
        raise ValidationError(
            {
                "batas_skp_hari": f"Tanggal batas penetapan harus 1 sampai {terakhir} "
                f"untuk bulan {BULAN[bulan - 1]}."
            }
        )


def periksa_pengingat(nilai) -> None:
    """Reminders: a list of positive whole numbers of working days, e.g. [10, 3]."""
    if not isinstance(nilai, list) or any(
        isinstance(n, bool) or not isinstance(n, int) for n in nilai
    ):
        raise ValidationError(
            {"pengingat_skp_hari_kerja": "Pengingat harus berupa daftar bilangan bulat."}
        )
    if any(n < 1 for n in nilai):
        raise ValidationError(
            {"pengingat_skp_hari_kerja": "Jumlah hari kerja pengingat harus lebih dari 0."}
        )
    if any(n > PENGINGAT_MAKS for n in nilai):
        raise ValidationError(
            {
                "pengingat_skp_hari_kerja": f"Pengingat paling awal {PENGINGAT_MAKS} hari "
                "kerja sebelum batas penetapan."
            }
        )


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
    # Our own checks first: clearer messages than the model's generic "wajib diisi".
    periksa_aspek(pengaturan.aspek_diizinkan)
    periksa_pengecualian(pengaturan.pengecualian_manajerial)
    periksa_batas_skp(pengaturan.batas_skp_hari, pengaturan.batas_skp_bulan)
    periksa_pengingat(pengaturan.pengingat_skp_hari_kerja)
    periksa_pelaksana_kepala_daerah(pengaturan.pelaksana_kepala_daerah)
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
