"""Evaluation data (Permenpan RB 6/2022 Lampiran BAB IV-V): the organisation's result per
unit and period, and one evaluation per pegawai per period.

The rules live elsewhere: the quadrant in `kuadran.py`, the distribution pattern in
`distribusi.py`, periods and windows in `periode.py`, states and who moves them in
`workflow.py`. The constraints below keep the rows consistent with those rules even
against SQL the app did not mean to run.
"""

from django.db import models
from django.db.models import Q

from organisasi.models import Pegawai, Pengguna, UnitKerja
from organisasi.tenancy import ModelInstansi
from skp.models import SKP
from umpanbalik.models import BerkasBukti

from . import workflow
from . import workflow_keberatan as _wk
from .distribusi import LABEL_CAPAIAN, CapaianOrganisasi
from .keberatan import BATAS_TEKS as _BATAS_KEBERATAN
from .keberatan import Keputusan as _Keputusan
from .kuadran import LABEL_PREDIKAT, LABEL_RATING, PREDIKAT_GAGAL_TUGAS_BELAJAR
from .periode import Jenis

PILIHAN_CAPAIAN = [(c.value, LABEL_CAPAIAN[c]) for c in CapaianOrganisasi]
PILIHAN_RATING = [(r.value, label) for r, label in LABEL_RATING.items()]
PILIHAN_PREDIKAT = [(p.value, label) for p, label in LABEL_PREDIKAT.items()]
PILIHAN_JENIS = [(Jenis.BULANAN, "Bulanan"), (Jenis.TRIWULANAN, "Triwulanan"),
                 (Jenis.TAHUNAN, "Tahunan")]  # fmt: skip
PILIHAN_STATUS = [(s.value, s.label) for s in workflow.Status]

BATAS_CATATAN = 4000
# The audit reason of a draft re-pointed to the rater the transfer rule names now
# (services.penugasan_selaraskan); the case page tells the story from these records.
ALASAN_PENUGASAN = "Penilai atau SKP evaluasi disesuaikan dengan penempatan dan SKP yang berlaku"

# A period's number: 1-12 monthly, 1-4 quarterly, 0 annual (periode.Periode).
_NOMOR_SAH = (
    Q(periode_jenis=Jenis.BULANAN, periode_nomor__gte=1, periode_nomor__lte=12)
    | Q(periode_jenis=Jenis.TRIWULANAN, periode_nomor__gte=1, periode_nomor__lte=4)
    | Q(periode_jenis=Jenis.TAHUNAN, periode_nomor=0)
)


class CapaianOrganisasiUnit(ModelInstansi):
    """Capaian kinerja organisasi of one unit for one period (000:6585-6710).

    Entered, never computed: the calculation follows a regulation outside this one
    (000:6692-6696). Set by the agency admin or the unit's head. An evaluation reads the
    result of the unit its pejabat penilai leads (000:6706-6710).
    """

    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="capaian")
    tahun = models.PositiveSmallIntegerField()
    periode_jenis = models.CharField(max_length=10, choices=PILIHAN_JENIS)
    periode_nomor = models.PositiveSmallIntegerField()
    capaian = models.CharField(max_length=16, choices=PILIHAN_CAPAIAN)
    ditetapkan_oleh = models.ForeignKey(
        Pengguna, on_delete=models.PROTECT, related_name="+", null=True
    )
    ditetapkan_pada = models.DateField(
        help_text="Tanggal capaian dirilis; capaian tahunan yang rilis setelah Januari "
        "tahun berikutnya diganti capaian tahun sebelumnya."
    )

    class Meta:
        verbose_name = "capaian kinerja organisasi"
        verbose_name_plural = "capaian kinerja organisasi"
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "periode_jenis", "periode_nomor"],
                name="capaian_satu_per_unit_periode",
            ),
            models.CheckConstraint(condition=_NOMOR_SAH, name="capaian_nomor_periode_sah"),
            models.CheckConstraint(
                condition=Q(capaian__in=[c.value for c in CapaianOrganisasi]),
                name="capaian_nilai_sah",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.tahun} {self.periode_jenis} {self.periode_nomor}: {self.capaian}"


class EvaluasiKinerja(ModelInstansi):
    """The evaluation of one pegawai for one period: ratings, predikat, catatan/rekomendasi,
    and where its dokumen evaluasi stands (workflow.Status).

    `versi` guards against lost updates: every save names the version it was read at, and a
    save of a stale version is refused (two tabs, or a Plt and the definitive rater).
    """

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="evaluasi")
    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="evaluasi")
    tahun = models.PositiveSmallIntegerField()
    periode_jenis = models.CharField(max_length=10, choices=PILIHAN_JENIS)
    periode_nomor = models.PositiveSmallIntegerField()
    penilai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="evaluasi_dinilai")
    atasan_penilai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rating_hasil_kerja = models.CharField(max_length=8, choices=PILIHAN_RATING, blank=True)
    rating_perilaku_kerja = models.CharField(max_length=8, choices=PILIHAN_RATING, blank=True)
    gagal_tugas_belajar = models.BooleanField(
        "tidak lulus/putus studi tugas belajar",
        default=False,
        help_text="Predikat hanya Kurang atau Sangat Kurang.",
    )
    predikat = models.CharField(max_length=16, choices=PILIHAN_PREDIKAT, blank=True)
    catatan = models.TextField("catatan/rekomendasi", blank=True, max_length=BATAS_CATATAN)
    status = models.CharField(max_length=20, choices=PILIHAN_STATUS, default=workflow.Status.DRAF)
    final = models.BooleanField(default=False)
    sebab_final = models.CharField(max_length=20, blank=True)
    versi = models.PositiveIntegerField(default=1)
    diubah_oleh = models.ForeignKey(
        Pengguna, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)
    diambil_alih_pada = models.DateTimeField(null=True, blank=True)
    ditandatangani_pada = models.DateTimeField(null=True, blank=True)
    diserahkan_pada = models.DateTimeField(null=True, blank=True)
    dikembalikan_pada = models.DateTimeField(null=True, blank=True)
    dilaporkan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "evaluasi kinerja"
        verbose_name_plural = "evaluasi kinerja"
        indexes = [
            models.Index(fields=["instansi", "penilai", "tahun", "periode_jenis", "periode_nomor"]),
            models.Index(fields=["instansi", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "tahun", "periode_jenis", "periode_nomor"],
                name="evaluasi_satu_per_pegawai_periode",
            ),
            models.CheckConstraint(condition=_NOMOR_SAH, name="evaluasi_nomor_periode_sah"),
            models.CheckConstraint(condition=Q(versi__gte=1), name="evaluasi_versi_positif"),
            # A drop-out's predikat is Kurang or Sangat Kurang (000:7266-7274).
            models.CheckConstraint(
                condition=Q(gagal_tugas_belajar=False)
                | Q(predikat__in=["", *[p.value for p in PREDIKAT_GAGAL_TUGAS_BELAJAR]]),
                name="evaluasi_gagal_tugas_belajar_kurang",
            ),
            # Otherwise a predikat needs both ratings (the quadrant).
            models.CheckConstraint(
                condition=Q(gagal_tugas_belajar=True)
                | Q(predikat="")
                | (~Q(rating_hasil_kerja="") & ~Q(rating_perilaku_kerja="")),
                name="evaluasi_predikat_dari_dua_rating",
            ),
            # Nothing is signed without a predikat.
            models.CheckConstraint(
                condition=Q(status__in=sorted(s.value for s in workflow.DAPAT_DINILAI))
                | ~Q(predikat=""),
                name="evaluasi_ditandatangani_berpredikat",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in workflow.Status]),
                name="evaluasi_status_sah",
            ),
        ]

    def __str__(self) -> str:
        return f"Evaluasi {self.pegawai} {self.tahun} {self.periode_jenis} {self.periode_nomor}"


# --- Keberatan: rules in keberatan.py, states in workflow_keberatan.py -------------------

PILIHAN_STATUS_KEBERATAN = [(s.value, s.label) for s in _wk.Status]
PILIHAN_KEPUTUSAN = [(k.value, k.label) for k in _Keputusan]
PILIHAN_PIHAK = [(_wk.Peran.PEGAWAI.value, "Pegawai yang dinilai"),
                 (_wk.Peran.PENILAI.value, "Pejabat penilai kinerja")]  # fmt: skip


class Keberatan(ModelInstansi):
    """The pegawai's objection to one evaluation result, its examination and decision
    (Lampiran BAB V huruf B). One per evaluation.

    The original result stays on `evaluasi` untouched; a decision to change it keeps the
    new ratings and predikat here (D.1.3), and `selectors_keberatan.hasil_berlaku` says
    which result reports and exports use. The three parties are copied at filing: the
    rater and atasan of the evaluation then, whoever holds those posts later.
    """

    evaluasi = models.OneToOneField(
        EvaluasiKinerja, on_delete=models.PROTECT, related_name="keberatan"
    )
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="keberatan")
    penilai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    atasan = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=24, choices=PILIHAN_STATUS_KEBERATAN, default=_wk.Status.PENJELASAN_DIMINTA
    )
    alasan = models.TextField("alasan keberatan", max_length=_BATAS_KEBERATAN)
    dokumen_diterima_pada = models.DateField(
        help_text="Tanggal pegawai menerima dokumen evaluasi (awal 14 hari kerja)."
    )
    tanggal_pengajuan = models.DateField(help_text="Awal 7 hari kerja keputusan atasan.")
    diajukan_pada = models.DateTimeField()
    penjelasan = models.TextField(
        "penjelasan pejabat penilai", blank=True, max_length=_BATAS_KEBERATAN
    )
    penjelasan_pada = models.DateTimeField(null=True, blank=True)
    keputusan = models.CharField(max_length=12, choices=PILIHAN_KEPUTUSAN, blank=True)
    rekomendasi = models.TextField(
        "keputusan dan rekomendasi atasan", blank=True, max_length=_BATAS_KEBERATAN
    )
    rating_hasil_kerja = models.CharField(max_length=8, choices=PILIHAN_RATING, blank=True)
    rating_perilaku_kerja = models.CharField(max_length=8, choices=PILIHAN_RATING, blank=True)
    predikat = models.CharField(max_length=16, choices=PILIHAN_PREDIKAT, blank=True)
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    ttd_penilai_pada = models.DateTimeField(null=True, blank=True)
    ttd_pegawai_pada = models.DateTimeField(null=True, blank=True)
    ttd_atasan_pada = models.DateTimeField(null=True, blank=True)
    dilaporkan_pada = models.DateTimeField(null=True, blank=True)
    # Raised by the K2 timer when the 7 working days passed undecided (AMBIG-16): shown to
    # the agency admin, never acted on by the app.
    keputusan_terlambat_pada = models.DateTimeField(null=True, blank=True)
    versi = models.PositiveIntegerField(default=1)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "keberatan"
        verbose_name_plural = "keberatan"
        indexes = [
            models.Index(fields=["instansi", "status", "tanggal_pengajuan"]),
            models.Index(fields=["instansi", "atasan"]),
            models.Index(fields=["instansi", "penilai"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in _wk.Status]),
                name="keberatan_status_sah",
            ),
            models.CheckConstraint(condition=~Q(alasan=""), name="keberatan_beralasan"),
            # The rater never decides on her own result.
            models.CheckConstraint(
                condition=~Q(penilai=models.F("atasan")), name="keberatan_atasan_bukan_penilai"
            ),
            # Open: no decision. Decided: a decision and its date.
            models.CheckConstraint(
                condition=(
                    Q(status__in=sorted(_wk.TERBUKA), keputusan="", diputuskan_pada__isnull=True)
                    | (
                        ~Q(status__in=sorted(_wk.TERBUKA))
                        & ~Q(keputusan="")
                        & Q(diputuskan_pada__isnull=False)
                    )
                ),
                name="keberatan_keputusan_sesuai_status",
            ),
            # Mengubah carries the new predikat; menguatkan leaves the result as it was.
            models.CheckConstraint(
                condition=(
                    Q(keputusan=_Keputusan.MENGUBAH, status__in=sorted(_wk.DIUBAH_BERLAKU))
                    & ~Q(predikat="")
                )
                | (Q(keputusan=_Keputusan.MENGUATKAN, status=_wk.Status.DIKUATKAN) & Q(predikat=""))
                | Q(keputusan=""),
                name="keberatan_hasil_baru_hanya_bila_diubah",
            ),
            # D.1.3 is complete only with its three signatures.
            models.CheckConstraint(
                condition=~Q(status__in=[_wk.Status.D13_DITANDATANGANI, _wk.Status.DILAPORKAN])
                | Q(
                    ttd_penilai_pada__isnull=False,
                    ttd_pegawai_pada__isnull=False,
                    ttd_atasan_pada__isnull=False,
                ),
                name="keberatan_d13_tiga_tanda_tangan",
            ),
            models.CheckConstraint(condition=Q(versi__gte=1), name="keberatan_versi_positif"),
        ]

    def __str__(self) -> str:
        return f"Keberatan {self.pegawai} atas {self.evaluasi}"

    @property
    def status_enum(self) -> _wk.Status:
        return _wk.Status(self.status)


class PermintaanKeterangan(ModelInstansi):
    """The atasan asks one party for more (000:8536-8540): the question and the answer."""

    keberatan = models.ForeignKey(Keberatan, on_delete=models.PROTECT, related_name="permintaan")
    kepada = models.CharField(max_length=8, choices=PILIHAN_PIHAK)
    pertanyaan = models.TextField(max_length=_BATAS_KEBERATAN)
    jawaban = models.TextField(blank=True, max_length=_BATAS_KEBERATAN)
    diminta_pada = models.DateTimeField()
    dijawab_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["keberatan", "diminta_pada", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kepada__in=[p for p, _ in PILIHAN_PIHAK]),
                name="permintaan_kepada_pihak",
            ),
            models.CheckConstraint(
                condition=Q(jawaban="", dijawab_pada__isnull=True)
                | (~Q(jawaban="") & Q(dijawab_pada__isnull=False)),
                name="permintaan_jawaban_bertanggal",
            ),
        ]


class BuktiKeberatan(BerkasBukti):
    """Evidence attached to a keberatan or an answer, by the same rules as pelaksanaan's
    evidence. Insert-only: the row is the record."""

    keberatan = models.ForeignKey(Keberatan, on_delete=models.PROTECT, related_name="bukti")
    diunggah_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["keberatan", "pk"]
        constraints = [BerkasBukti.berkas_atau_tautan("bukti_keberatan_berkas_atau_tautan")]
