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

from . import workflow
from .distribusi import LABEL_CAPAIAN, CapaianOrganisasi
from .kuadran import LABEL_PREDIKAT, LABEL_RATING, PREDIKAT_GAGAL_TUGAS_BELAJAR
from .periode import Jenis

PILIHAN_CAPAIAN = [(c.value, LABEL_CAPAIAN[c]) for c in CapaianOrganisasi]
PILIHAN_RATING = [(r.value, label) for r, label in LABEL_RATING.items()]
PILIHAN_PREDIKAT = [(p.value, label) for p, label in LABEL_PREDIKAT.items()]
PILIHAN_JENIS = [(Jenis.BULANAN, "Bulanan"), (Jenis.TRIWULANAN, "Triwulanan"),
                 (Jenis.TAHUNAN, "Tahunan")]  # fmt: skip
PILIHAN_STATUS = [(s.value, s.label) for s in workflow.Status]

BATAS_CATATAN = 4000

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
