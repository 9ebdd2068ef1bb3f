"""The year's execution (Lampiran BAB III): action plans (B.1.1) and documentation of
realisation with evidence (B.1.2), per the agency's documentation period."""

from django.db import models
from django.db.models import Q

from organisasi.models import Pegawai
from organisasi.tenancy import ModelInstansi, ModelInstansiDasar
from skp.models import SKP, IndikatorKinerjaIndividu, NilaiBerakhlak, RencanaHasilKerja

from . import aturan


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


# --- Continuous feedback (Lampiran BAB III huruf C; records B.1.3-B.1.5) ------------------


class UndanganUmpanBalik(ModelInstansi):
    """The rater's invitation to an outside party: one entry, on one employee, before it
    expires. Only the SHA-256 of the token is kept; the token itself is shown once.

    Besides the tenant policy, one extra row-level policy (migration 0002) lets a session
    that presents the token's hash read exactly this row: the public form finds its
    invitation without opening any agency's scope."""

    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="undangan_umpan_balik")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    sumber = models.CharField(
        max_length=20, choices=[(s, dict(aturan.SUMBER)[s]) for s in aturan.SUMBER_TAMU]
    )
    nama_tamu = models.CharField(max_length=200)
    keterangan_tamu = models.CharField(
        max_length=200, blank=True, help_text="Jabatan dan instansi/organisasi pihak yang diundang."
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    kedaluwarsa = models.DateTimeField()
    dipakai_pada = models.DateTimeField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-dibuat_pada"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sumber__in=aturan.SUMBER_TAMU), name="undangan_sumber_tamu"
            ),
            models.CheckConstraint(
                condition=~Q(dibuat_oleh=models.F("pegawai")), name="undangan_bukan_diri_sendiri"
            ),
        ]


class UmpanBalik(ModelInstansi):
    """One piece of continuous feedback on an employee's RHK or BerAKHLAK value, in one
    documentation period. Who may give which is `aturan.sumber_pemberi` /
    `aturan.periksa_umpan_balik`; the constraints below hold whatever the code does."""

    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="umpan_balik")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="umpan_balik")
    periode = models.PositiveSmallIntegerField(help_text="Nomor periode pendokumentasian.")
    jenis_periode = models.CharField(max_length=12)
    sumber = models.CharField(max_length=20, choices=aturan.SUMBER)
    sifat = models.CharField(max_length=10, choices=aturan.SIFAT)
    cara = models.CharField(max_length=15, choices=aturan.CARA)
    rhk = models.ForeignKey(
        RencanaHasilKerja, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    nilai_berakhlak = models.CharField(max_length=30, choices=NilaiBerakhlak.choices, blank=True)
    arah = models.CharField(max_length=8, choices=aturan.ARAH)
    teks = models.TextField(max_length=2000)
    pemberi = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    nama_pemberi = models.CharField(max_length=200)
    keterangan_pemberi = models.CharField(max_length=200, blank=True)
    undangan = models.OneToOneField(
        UndanganUmpanBalik,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="umpan_balik",
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["periode", "dibuat_pada", "pk"]
        indexes = [models.Index(fields=["instansi", "skp", "periode"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(rhk__isnull=False) & Q(nilai_berakhlak=""))
                | (Q(rhk__isnull=True) & ~Q(nilai_berakhlak="")),
                name="umpan_balik_rhk_atau_berakhlak",
            ),
            models.CheckConstraint(
                condition=~Q(pemberi=models.F("pegawai")), name="umpan_balik_bukan_diri_sendiri"
            ),
            # An invited party has no account; everyone else gives as themselves.
            models.CheckConstraint(
                condition=(
                    Q(undangan__isnull=False)
                    & Q(pemberi__isnull=True)
                    & Q(sumber__in=aturan.SUMBER_TAMU)
                    & Q(sifat=aturan.INSIDENTIL)
                )
                | (Q(undangan__isnull=True) & Q(pemberi__isnull=False)),
                name="umpan_balik_tamu_lewat_undangan",
            ),
            models.CheckConstraint(
                condition=~Q(sumber=aturan.KETUA_KELOMPOK) | Q(sifat=aturan.INSIDENTIL),
                name="umpan_balik_ketua_kelompok_rekomendasi",
            ),
            models.CheckConstraint(condition=Q(periode__gte=1), name="umpan_balik_periode"),
            models.CheckConstraint(
                condition=Q(sumber__in=[s for s, _ in aturan.SUMBER]), name="umpan_balik_sumber"
            ),
            models.CheckConstraint(
                condition=Q(sifat__in=[s for s, _ in aturan.SIFAT])
                & Q(cara__in=[s for s, _ in aturan.CARA])
                & Q(arah__in=[s for s, _ in aturan.ARAH]),
                name="umpan_balik_pilihan",
            ),
        ]

    @property
    def rekomendasi(self) -> bool:
        return self.sumber == aturan.KETUA_KELOMPOK

    @property
    def tentang(self) -> str:
        if self.rhk_id:
            return f"RHK: {self.rhk.teks}"
        return f"Perilaku kerja: {self.get_nilai_berakhlak_display()}"


class BuktiUmpanBalik(ModelInstansiDasar):
    """Evidence behind a feedback entry, by the same rules as documentation evidence
    (umpanbalik.bukti). Insert-only."""

    HANYA_TAMBAH = True

    umpan_balik = models.ForeignKey(UmpanBalik, on_delete=models.PROTECT, related_name="bukti")
    nama = models.CharField(max_length=100)
    jenis_isi = models.CharField(max_length=100, blank=True)
    ukuran = models.PositiveIntegerField(default=0)
    isi = models.BinaryField(null=True, editable=False)
    tautan = models.URLField(max_length=500, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["umpan_balik", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(isi__isnull=False) & Q(tautan=""))
                | (Q(isi__isnull=True) & ~Q(tautan="")),
                name="bukti_umpan_balik_berkas_atau_tautan",
            )
        ]

    @property
    def berkas(self) -> bool:
        return not self.tautan
