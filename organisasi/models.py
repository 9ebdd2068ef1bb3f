"""Agencies (tenants), their users, working-day calendar overrides and archived documents.

The organisation itself (units, positions, employees, raters) lives beside
these models; see the Organisasi issue.
"""

import hashlib

import pgtrigger
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .tenancy import ModelInstansi, ModelInstansiDasar

validasi_nip = RegexValidator(r"^\d{18}$", "NIP harus terdiri dari 18 angka.")


class Instansi(models.Model):
    """A tenant: one government agency (ministry, province, city, regency)."""

    class Jenis(models.TextChoices):
        PUSAT = "pusat", "Instansi Pusat"
        DAERAH = "daerah", "Instansi Daerah"

    nama = models.CharField("nama instansi", max_length=200)
    slug = models.SlugField(unique=True)
    jenis = models.CharField(max_length=10, choices=Jenis.choices, default=Jenis.DAERAH)
    aktif = models.BooleanField(default=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class Pengguna(AbstractUser):
    """A login. Every user but the platform superadmin belongs to exactly one agency.

    Whether a user is a pejabat penilai or an atasan is derived from the rater
    hierarchy, never stored here; only the agency-admin duty is an assignment.
    """

    nama = models.CharField("nama lengkap", max_length=200, blank=True)
    nip = models.CharField(
        "NIP", max_length=18, unique=True, null=True, blank=True, validators=[validasi_nip]
    )
    instansi = models.ForeignKey(
        Instansi, on_delete=models.PROTECT, null=True, blank=True, related_name="pengguna"
    )
    admin_instansi = models.BooleanField(
        "admin instansi (BKD/BKPSDM)",
        default=False,
        help_text="Boleh mengelola data kepegawaian, pengaturan dan kalender instansinya.",
    )

    objects = UserManager()
    # Who changed an account, and what; the hash and login times are not domain data.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            models.CheckConstraint(
                condition=Q(is_superuser=True) | Q(instansi__isnull=False),
                name="pengguna_instansi_wajib_kecuali_superadmin",
            ),
        ]

    def __str__(self) -> str:
        return self.nama or self.username

    def save(self, *args, **kwargs):
        # The platform superadmin belongs to no agency, so there is no
        # tenant-scoped history table its changes could be recorded in.
        # (simple-history skips whenever the attribute exists, whatever its value.)
        if self.instansi_id is None:
            self.skip_history_when_saving = True
        elif hasattr(self, "skip_history_when_saving"):
            del self.skip_history_when_saving
        super().save(*args, **kwargs)


class HariKalender(ModelInstansi):
    """An agency's own change to the national calendar for one date."""

    class Jenis(models.TextChoices):
        LIBUR = "libur", "Libur tambahan"
        MASUK = "masuk", "Hari kerja (libur dibatalkan atau hari kerja pengganti)"

    tanggal = models.DateField()
    jenis = models.CharField(max_length=10, choices=Jenis.choices)
    keterangan = models.CharField(max_length=200)

    class Meta:
        verbose_name = "perubahan kalender kerja"
        verbose_name_plural = "perubahan kalender kerja"
        ordering = ["tanggal"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tanggal"], name="hari_kalender_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.get_jenis_display()}: {self.keterangan}"


class ArsipDokumen(ModelInstansiDasar):
    """A signed document exactly as it was issued: rendered once, never changed.

    The database refuses UPDATE and DELETE on this table (trigger below), so
    not even a bug or a console session can alter a signed document.
    """

    jenis = models.CharField("format", max_length=20)  # e.g. "A.1.7", "D.1.1"
    judul = models.CharField(max_length=300)
    objek_tipe = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    objek_id = models.PositiveBigIntegerField()
    isi = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    dibuat_oleh = models.ForeignKey(Pengguna, on_delete=models.PROTECT, null=True, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "arsip dokumen"
        verbose_name_plural = "arsip dokumen"
        indexes = [models.Index(fields=["objek_tipe", "objek_id"])]
        triggers = [
            pgtrigger.Protect(
                name="arsip_dokumen_tidak_berubah",
                operation=pgtrigger.Update | pgtrigger.Delete,
            ),
        ]

    def save(self, *args, **kwargs):
        self.sha256 = hashlib.sha256(bytes(self.isi)).hexdigest()
        super().save(*args, **kwargs)
