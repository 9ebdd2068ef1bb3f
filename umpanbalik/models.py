"""The year's execution (Lampiran BAB III): action plans (B.1.1) and documentation of
realisation with evidence (B.1.2), per the agency's documentation period."""

from django.db import models
from django.db.models import Q

from organisasi.models import Pegawai
from organisasi.tenancy import ModelInstansi, ModelInstansiDasar
from skp.models import SKP, IndikatorKinerjaIndividu, RencanaHasilKerja


class RencanaAksi(ModelInstansi):
    """One step of an RHK's action plan, agreed in the performance dialogue (000:4637-4651)."""

    rhk = models.ForeignKey(
        RencanaHasilKerja, on_delete=models.PROTECT, related_name="rencana_aksi"
    )
    urutan = models.PositiveSmallIntegerField()
    teks = models.CharField(max_length=500)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rhk", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["rhk", "urutan"], name="rencana_aksi_urutan_unik")
        ]


class JenisRealisasi(models.TextChoices):
    PROGRES = "progres", "Progres"
    AKHIR = "akhir", "Realisasi akhir"


class Realisasi(ModelInstansi):
    """What an indicator reached in one documentation period (B.1.2, 000:4729-4733)."""

    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="realisasi")
    iki = models.ForeignKey(
        IndikatorKinerjaIndividu, on_delete=models.PROTECT, related_name="realisasi"
    )
    periode = models.PositiveSmallIntegerField(help_text="Nomor periode pendokumentasian.")
    jenis_periode = models.CharField(max_length=12, help_text="Periode pendokumentasian saat itu.")
    jenis = models.CharField(max_length=8, choices=JenisRealisasi.choices)
    uraian = models.TextField(max_length=2000)
    dicatat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["periode", "iki", "dibuat_pada"]
        indexes = [models.Index(fields=["instansi", "skp", "periode"])]


class BuktiDukung(ModelInstansiDasar):
    """Evidence of a result: a stored file (checked by umpanbalik.bukti) or a link.

    Insert-only: the row is the record (bytes are not copied into a history table)."""

    realisasi = models.ForeignKey(Realisasi, on_delete=models.PROTECT, related_name="bukti")
    nama = models.CharField(max_length=100)
    jenis_isi = models.CharField(max_length=100, blank=True)
    ukuran = models.PositiveIntegerField(default=0)
    isi = models.BinaryField(null=True, editable=False)
    tautan = models.URLField(max_length=500, blank=True)
    diunggah_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["realisasi", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(isi__isnull=False) & Q(tautan=""))
                | (Q(isi__isnull=True) & ~Q(tautan="")),
                name="bukti_berkas_atau_tautan",
            )
        ]

    @property
    def berkas(self) -> bool:
        return not self.tautan
