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


class BerkasBukti(ModelInstansiDasar):
    """What every piece of evidence holds: a stored file (checked by umpanbalik.bukti:
    type by content, size, metadata stripped) or a link, never both. Documentation,
    feedback and keberatan evidence share it; each names its own owner and constraint."""

    nama = models.CharField(max_length=100)
    jenis_isi = models.CharField(max_length=100, blank=True)
    ukuran = models.PositiveIntegerField(default=0)
    isi = models.BinaryField(null=True, editable=False)
    tautan = models.URLField(max_length=500, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @staticmethod
    def berkas_atau_tautan(name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=(Q(isi__isnull=False) & Q(tautan="")) | (Q(isi__isnull=True) & ~Q(tautan="")),
            name=name,
        )

    @property
    def berkas(self) -> bool:
        return not self.tautan


class BuktiDukung(BerkasBukti):
    """Evidence of a result. Insert-only: the row is the record (bytes are not copied
    into a history table)."""

    realisasi = models.ForeignKey(Realisasi, on_delete=models.PROTECT, related_name="bukti")
    diunggah_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["realisasi", "pk"]
        constraints = [BerkasBukti.berkas_atau_tautan("bukti_berkas_atau_tautan")]


# --- Continuous feedback (Lampiran BAB III huruf C; records B.1.3-B.1.5) ------------------


class UndanganUmpanBalik(ModelInstansi):
    """The rater's invitation to an outside party: one entry, on one employee, before it
    expires. Only the SHA-256 of the token is kept; the token itself is shown once.

    Besides the tenant policy, one extra row-level policy (migration 0004) lets a session
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


class BuktiUmpanBalik(BerkasBukti):
    """Evidence behind a feedback entry, by the same rules as documentation evidence
    (umpanbalik.bukti). Insert-only."""

    HANYA_TAMBAH = True

    umpan_balik = models.ForeignKey(UmpanBalik, on_delete=models.PROTECT, related_name="bukti")

    class Meta:
        ordering = ["umpan_balik", "pk"]
        constraints = [BerkasBukti.berkas_atau_tautan("bukti_umpan_balik_berkas_atau_tautan")]


# =============================================================================================
# Tindak lanjut umpan balik (Pasal 20-21): follow-up, pembinaan (B.1.6-B.1.10) and takeover.
# Rules in umpanbalik/tindak_lanjut.py; writes in services_tindak_lanjut.py.
# =============================================================================================


class JenisTindakLanjut(models.TextChoices):
    APRESIASI = "apresiasi", "Apresiasi"
    PENUGASAN_BARU = "penugasan_baru", "Penugasan baru"
    PENYESUAIAN_EKSPEKTASI = "penyesuaian_ekspektasi", "Penyesuaian ekspektasi"
    PENYESUAIAN_SUMBER_DAYA = "penyesuaian_sumber_daya", "Penyesuaian dukungan sumber daya"


class TindakLanjut(ModelInstansi):
    """One follow-up the pimpinan gives after feedback (Pasal 20(2)-(5)), other than
    pembinaan, which has its own formats below."""

    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="tindak_lanjut")
    rhk = models.ForeignKey(
        RencanaHasilKerja, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    jenis = models.CharField(max_length=24, choices=JenisTindakLanjut.choices)
    tanggal = models.DateField()
    uraian = models.TextField(max_length=2000)
    # Penyesuaian ekspektasi opens a new SKP version (skp.services.skp_buat_perubahan).
    skp_perubahan = models.ForeignKey(
        SKP, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dicatat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["skp", "tanggal", "pk"]
        indexes = [models.Index(fields=["instansi", "skp"])]


class MetodeBimbingan(models.TextChoices):
    COACHING = "coaching", "Coaching"
    MENTORING = "mentoring", "Mentoring"


class BimbinganKinerja(ModelInstansi):
    """A coaching (B.1.6) or mentoring (B.1.7) session, recorded and signed by the coach
    or mentor after the session, then co-signed by the employee.

    `isi` holds the format's tables as rows (see services_tindak_lanjut for the keys)."""

    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="bimbingan")
    metode = models.CharField(max_length=10, choices=MetodeBimbingan.choices)
    tanggal = models.DateField()
    tempat = models.CharField(max_length=200)
    isi = models.JSONField(default=dict)
    # The coach: the pimpinan who records it, or "pihak lain yang diberikan penugasan
    # khusus" named here (L5465-5467).
    pihak_lain_nama = models.CharField(max_length=200, blank=True)
    pihak_lain_nip = models.CharField(max_length=30, blank=True)
    pihak_lain_jabatan = models.CharField(max_length=200, blank=True)
    skp_perubahan = models.ForeignKey(
        SKP, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dicatat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    ditandatangani_pegawai_pada = models.DateTimeField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["skp", "tanggal", "pk"]
        indexes = [models.Index(fields=["instansi", "skp"])]

    @property
    def kode_format(self) -> str:
        return "B.1.6" if self.metode == MetodeBimbingan.COACHING else "B.1.7"


class UmpanBalikBimbingan(ModelInstansi):
    """B.1.8: the employee's feedback on one coaching/mentoring, handed to the atasan of
    the pimpinan (L5865-5869). Once filled it does not change."""

    bimbingan = models.OneToOneField(
        BimbinganKinerja, on_delete=models.PROTECT, related_name="umpan_balik"
    )
    jawaban = models.JSONField(default=list)  # nine answers, in KRITERIA_B18 order
    tanggal = models.DateField()
    diisi_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)


class EvaluasiKompetensi(ModelInstansi):
    """B.1.9: the coach's assessment of the employee's competencies after the bimbingan."""

    bimbingan = models.OneToOneField(
        BimbinganKinerja, on_delete=models.PROTECT, related_name="evaluasi_kompetensi"
    )
    nilai = models.JSONField(default=dict)  # kode -> {"nilai": 1..5, "alasan": ""}
    teknis = models.JSONField(default=list)  # [{"nama", "nilai", "alasan"}]
    rekomendasi = models.TextField(max_length=2000, blank=True)
    tanggal = models.DateField()
    diisi_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)


class JenisKonselor(models.TextChoices):
    INDEPENDEN = "independen", "Konselor independen yang ditunjuk instansi"
    PENILAI = "penilai", "Pejabat penilai kinerja yang telah memperoleh pelatihan konseling"
    PEJABAT = "pejabat", "Pejabat yang memiliki fungsi memberikan konseling"


class LaporanPerilakuKerja(ModelInstansi):
    """B.1.10: the rater's report of a behaviour problem to the unit kepegawaian, after
    telling the employee, with the evidence of continuous feedback (L6180-6198); and the
    counselling that follows (its record has no prescribed format, AMBIG-6)."""

    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="laporan_perilaku")
    tanggal = models.DateField()
    punya_ekspektasi_khusus = models.BooleanField(default=False)
    ekspektasi_khusus = models.TextField(max_length=2000, blank=True)
    permasalahan = models.TextField(max_length=4000)
    serupa_pegawai_lain = models.BooleanField(default=False)
    retrospektif = models.TextField(max_length=4000)
    dikomunikasikan_pada = models.DateField()
    # The evidence that continuous feedback was given (L6194-6196): entries picked from
    # the employee's record (`umpan_balik`) and/or this short text.
    bukti_umpan_balik = models.TextField(max_length=2000, blank=True)
    umpan_balik = models.ManyToManyField(
        UmpanBalik, through="BuktiLaporanPerilaku", related_name="+", blank=True
    )
    dicatat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    # Rekaman informasi hasil konseling kinerja (L6309-6313).
    konselor = models.CharField(max_length=200, blank=True)
    jenis_konselor = models.CharField(max_length=20, choices=JenisKonselor.choices, blank=True)
    tanggal_konseling = models.DateField(null=True, blank=True)
    hasil_konseling = models.TextField(max_length=4000, blank=True)
    konseling_dicatat_oleh = models.ForeignKey(
        "organisasi.Pengguna", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["skp", "tanggal", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dikomunikasikan_pada__lte=models.F("tanggal")),
                name="laporan_perilaku_dikomunikasikan_dulu",
            )
        ]


class BuktiLaporanPerilaku(ModelInstansiDasar):
    """One feedback entry of the employee attached to a B.1.10 as evidence that
    continuous feedback was given. Insert-only: the report is archived when it is made,
    and `services_tindak_lanjut.laporan_perilaku_buat` accepts only entries on this
    employee's SKP that the reporter may read."""

    HANYA_TAMBAH = True

    laporan = models.ForeignKey(
        LaporanPerilakuKerja, on_delete=models.PROTECT, related_name="bukti_terpilih"
    )
    umpan_balik = models.ForeignKey(UmpanBalik, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["laporan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "umpan_balik"], name="bukti_laporan_perilaku_unik"
            )
        ]


class PengambilalihanRHK(ModelInstansi):
    """Pasal 20(6)-(8): the pimpinan took over an RHK after the follow-ups did not help,
    with the mandatory note that the employee could not complete it; the rater reads the
    note at evaluation (`selectors_tindak_lanjut.pengambilalihan_skp`)."""

    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="pengambilalihan")
    rhk = models.OneToOneField(
        RencanaHasilKerja, on_delete=models.PROTECT, related_name="pengambilalihan"
    )
    tanggal = models.DateField()
    catatan = models.TextField(max_length=2000)
    diambil_alih_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["skp", "tanggal", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(catatan=""), name="pengambilalihan_catatan_wajib")
        ]
