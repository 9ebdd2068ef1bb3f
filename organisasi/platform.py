"""The platform superadmin's one job: create an agency (tenant) with its first admin.

The superadmin belongs to no agency and sees no agency's data: only the list of
agencies. Everything inside an agency (settings, people, calendars) is its own
admin's work from then on.
"""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify

from .audit import catat
from .models import Instansi, Pengguna, validasi_nip
from .pengaturan import pengaturan_instansi
from .tenancy import lingkup_instansi


def superadmin_platform(pengguna) -> bool:
    return bool(
        pengguna.is_authenticated and pengguna.is_superuser and pengguna.instansi_id is None
    )


def daftar_instansi():
    """Agencies only: name, kind, state, when created. Nothing from inside them."""
    return Instansi.objects.order_by("nama").only("nama", "slug", "jenis", "aktif", "dibuat_pada")


def slug_untuk(nama: str) -> str:
    return slugify(nama)[:50].strip("-")


@transaction.atomic
def instansi_buat(
    *, pengguna, nama: str, slug: str = "", jenis: str, admin_username: str, admin_nama: str,
    admin_sandi: str, admin_nip: str = "", admin_email: str = "",
) -> tuple[Instansi, Pengguna]:  # fmt: skip
    """A new agency with the national default settings and its first BKD/BKPSDM admin."""
    if not superadmin_platform(pengguna):
        raise PermissionDenied("Hanya superadmin platform yang boleh membuat instansi.")
    nama, admin_username, admin_nama = nama.strip(), admin_username.strip(), admin_nama.strip()
    slug = (slug or "").strip() or slug_untuk(nama)
    galat = {}
    if not nama:
        galat["nama"] = "Nama instansi wajib diisi."
    elif Instansi.objects.filter(nama__iexact=nama).exists():
        galat["nama"] = f"Instansi “{nama}” sudah ada."
    if not slug:
        galat["slug"] = "Kode instansi wajib diisi (huruf kecil, angka dan tanda hubung)."
    elif slug != slugify(slug) or len(slug) > 50:
        galat["slug"] = "Kode instansi hanya huruf kecil, angka dan tanda hubung, paling 50."
    elif Instansi.objects.filter(slug=slug).exists():
        galat["slug"] = f"Kode “{slug}” sudah dipakai instansi lain."
    if jenis not in Instansi.Jenis.values:
        galat["jenis"] = "Pilih Instansi Pusat atau Instansi Daerah."
    if not admin_nama:
        galat["admin_nama"] = "Nama admin wajib diisi."
    if not admin_username:
        galat["admin_username"] = "Nama pengguna admin wajib diisi."
    elif Pengguna.objects.filter(username__iexact=admin_username).exists():
        galat["admin_username"] = f"Nama pengguna “{admin_username}” sudah dipakai."
    if admin_nip:
        try:
            validasi_nip(admin_nip)
        except ValidationError as exc:
            galat["admin_nip"] = exc.messages[0]
        else:
            if Pengguna.objects.filter(nip=admin_nip).exists():
                galat["admin_nip"] = f"NIP {admin_nip} sudah dipakai akun lain."
    try:
        validate_password(admin_sandi, Pengguna(username=admin_username, nama=admin_nama))
    except ValidationError as exc:
        galat["admin_sandi"] = exc.messages
    if galat:
        raise ValidationError(galat)

    instansi = Instansi(nama=nama, slug=slug, jenis=jenis)
    catat(instansi, pengguna, "Instansi dibuat oleh superadmin platform")
    instansi.save()
    with lingkup_instansi(instansi):
        pengaturan_instansi()  # the national defaults, audited in the agency's own history
        admin = Pengguna(
            username=admin_username,
            nama=admin_nama,
            nip=admin_nip or None,
            email=admin_email.strip(),
            instansi=instansi,
            admin_instansi=True,
        )
        admin.set_password(admin_sandi)
        catat(admin, pengguna, "Admin pertama instansi dibuat oleh superadmin platform")
        admin.save()
    return instansi, admin
