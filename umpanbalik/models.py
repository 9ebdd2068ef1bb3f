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
    bukti_umpan_balik = models.TextField(max_length=2000)
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


class PengambilalihanRHK(ModelInstansi):
    """Pasal 20(6)-(8): the pimpinan took over an RHK after the follow-ups did not help,
    with the mandatory note that the employee could not complete it; the rater reads the
    note at evaluation (`selectors_tindak_lanjut.pengambilalihan_periode`)."""

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
