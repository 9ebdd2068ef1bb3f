"""SKP planning (Permenpan RB 6/2022 Lampiran BAB II, formats A.1.1-A.1.8).

An SKP belongs to one employee, one year and one placement. A change during the
year makes a new version (same `nomor_seri`, `versi` + 1) that runs through the
same workflow while the old one stays readable. The workflow itself (states and
who may move an SKP between them) lives in `skp/workflow.py`; the content rules
(binding vs guidance) in `skp/aturan.py`.
"""

import pgtrigger
from django.db import models
from django.db.models import Q

from organisasi.models import Pegawai, Penempatan
from organisasi.tenancy import ModelInstansi

from .aturan import BATAS_RHK_PIMPINAN, BATAS_TARGET, BATAS_TEKS

# The states and their groups belong to the workflow; the triggers below enforce them.
from .workflow import STATUS_TERKUNCI, Status  # noqa: F401 (re-exported for the app)


class Kelompok(models.TextChoices):
    JPT_PUKM = "jpt_pukm", "Pejabat Pimpinan Tinggi / Pimpinan Unit Kerja Mandiri"
    ADMIN_JF = "admin_jf", "Pejabat Administrasi dan Pejabat Fungsional"


class Pendekatan(models.TextChoices):
    KUALITATIF = "kualitatif", "Kualitatif"
    KUANTITATIF = "kuantitatif", "Kuantitatif"


# Format code by (kelompok, pendekatan) (000:2085-2093, 3791-3797).
FORMAT = {
    (Kelompok.JPT_PUKM, Pendekatan.KUALITATIF): "A.1.1",
    (Kelompok.JPT_PUKM, Pendekatan.KUANTITATIF): "A.1.2",
    (Kelompok.ADMIN_JF, Pendekatan.KUALITATIF): "A.1.6",
    (Kelompok.ADMIN_JF, Pendekatan.KUANTITATIF): "A.1.7",
}


def _berubah(*kolom: str) -> pgtrigger.Q:
    """Trigger condition: any of these columns changes."""
    syarat = pgtrigger.Q(**{f"old__{kolom[0]}__df": pgtrigger.F(f"new__{kolom[0]}")})
    for k in kolom[1:]:
        syarat |= pgtrigger.Q(**{f"old__{k}__df": pgtrigger.F(f"new__{k}")})
    return syarat


class SKP(ModelInstansi):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="skp")
    penempatan = models.ForeignKey(Penempatan, on_delete=models.PROTECT, related_name="skp")
    tahun = models.PositiveSmallIntegerField()
    nomor_seri = models.PositiveIntegerField(
        help_text="Sama untuk semua versi satu SKP; perubahan di tahun berjalan membuat versi baru."
    )
    versi = models.PositiveSmallIntegerField(default=1)
    pendahulu = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="penerus"
    )
    alasan_perubahan = models.CharField(max_length=300, blank=True)
    periode_mulai = models.DateField()
    periode_selesai = models.DateField()
    kelompok = models.CharField(max_length=10, choices=Kelompok.choices)
    pendekatan = models.CharField(max_length=12, choices=Pendekatan.choices)
    tugas_belajar = models.BooleanField(default=False)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.DRAF)
    catatan_penilai = models.TextField("catatan pejabat penilai", blank=True)

    # Who rates: resolved when the SKP is created (organisasi.penilai) and kept,
    # because a new rater starts a new SKP (000:4589-4593).
    penilai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="skp_dinilai"
    )
    penilai_kepala_daerah = models.BooleanField(default=False)
    atasan_penilai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    alasan_penilai = models.TextField(blank=True)

    # Identity snapshot for the document (frozen at penetapan).
    identitas = models.JSONField(default=dict, blank=True)

    ditetapkan_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ditetapkan_pada = models.DateTimeField(null=True, blank=True)
    ditetapkan_sebagai_atasan = models.BooleanField(
        default=False,
        help_text="Ditetapkan atasan pejabat penilai setelah batas waktu "
        "(Lampiran Bab II huruf C).",
    )
    ditandatangani_pada = models.DateTimeField(null=True, blank=True)
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    dieskalasi_pada = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Batas penetapan lewat: atasan pejabat penilai boleh menetapkan "
        "(Lampiran Bab II huruf C).",
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "SKP"
        verbose_name_plural = "SKP"
        ordering = ["-tahun", "nomor_seri", "-versi"]
        indexes = [
            models.Index(fields=["instansi", "tahun", "status"]),
            models.Index(fields=["instansi", "penilai", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "nomor_seri", "versi"], name="skp_versi_unik"
            ),
            models.UniqueConstraint(
                fields=["penempatan", "tahun", "penilai"],
                condition=Q(versi=1),
                name="skp_satu_per_penempatan_tahun_penilai",
            ),
            models.CheckConstraint(
                condition=Q(periode_selesai__gte=models.F("periode_mulai")),
                name="skp_periode_urut",
            ),
        ]
        triggers = [
            # A set SKP is a signed document: only the workflow may move it forward
            # (signing, superseding); its content and identity never change again.
            pgtrigger.Protect(
                name="skp_terkunci",
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(old__status__in=list(STATUS_TERKUNCI))
                & (
                    ~pgtrigger.Q(new__status__in=list(STATUS_TERKUNCI))
                    | _berubah(
                        "identitas",
                        "pendekatan",
                        "kelompok",
                        "pegawai_id",
                        "penempatan_id",
                        "penilai_id",
                        "tahun",
                        "versi",
                        "periode_mulai",
                        "periode_selesai",
                        "catatan_penilai",
                        "ditetapkan_oleh_id",
                        "ditetapkan_pada",
                    )
                ),
            ),
            pgtrigger.Protect(
                name="skp_terkunci_tidak_dihapus",
                operation=pgtrigger.Delete,
                condition=pgtrigger.Q(old__status__in=list(STATUS_TERKUNCI)),
            ),
        ]

    def __str__(self) -> str:
        return f"SKP {self.tahun} {self.pegawai} (versi {self.versi})"

    @property
    def format(self) -> str:
        return FORMAT[(self.kelompok, self.pendekatan)]

    @property
    def terkunci(self) -> bool:
        return self.status in STATUS_TERKUNCI


class JenisRHK(models.TextChoices):
    UTAMA = "utama", "A. UTAMA"
    TAMBAHAN = "tambahan", "B. TAMBAHAN"


class Perspektif(models.TextChoices):
    PENERIMA_LAYANAN = "penerima_layanan", "Penerima Layanan"
    PROSES_BISNIS = "proses_bisnis", "Proses Bisnis"
    PENGUATAN_INTERNAL = "penguatan_internal", "Penguatan Internal"
    ANGGARAN = "anggaran", "Anggaran"


class Aspek(models.TextChoices):
    KUANTITAS = "kuantitas", "Kuantitas"
    KUALITAS = "kualitas", "Kualitas"
    WAKTU = "waktu", "Waktu"
    BIAYA = "biaya", "Biaya"


def _lindungi_isi(nama: str):
    """Refuse INSERT/UPDATE/DELETE of an SKP's content rows once the SKP is set. The
    check reads the parent row, so it is a plain PL/pgSQL trigger, written once here."""
    terkunci = ", ".join(f"'{s}'" for s in STATUS_TERKUNCI)
    return pgtrigger.Trigger(
        name=nama,
        when=pgtrigger.Before,
        operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
        func=f"""
            IF EXISTS (
                SELECT 1 FROM skp_skp
                WHERE id = COALESCE(NEW.skp_id, OLD.skp_id)
                  AND status IN ({terkunci})
            ) THEN
                RAISE EXCEPTION 'SKP sudah ditetapkan; isinya tidak dapat diubah (%)', TG_NAME
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        """,
    )


class RencanaHasilKerja(ModelInstansi):
    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="rhk")
    jenis = models.CharField(max_length=10, choices=JenisRHK.choices, default=JenisRHK.UTAMA)
    urutan = models.PositiveSmallIntegerField(default=0)
    teks = models.CharField("rencana hasil kerja", max_length=BATAS_TEKS)
    penugasan_dari = models.CharField(
        "penugasan dari (jabatan pimpinan/tim kerja)", max_length=200, blank=True
    )
    rhk_pimpinan = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rhk_bawahan",
        help_text="RHK pimpinan yang diintervensi.",
    )
    iki_pimpinan = models.ForeignKey(
        "IndikatorKinerjaIndividu",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rhk_bawahan",
    )
    # What column (2) prints: the chosen leader RHK (with its IKI for a JPT leader) as it
    # read when chosen, so a later change by the leader shows as a difference; written
    # by hand only where the rater has no SKP in the app (e.g. the kepala daerah).
    rhk_pimpinan_teks = models.CharField(
        "rencana hasil kerja pimpinan yang diintervensi", max_length=BATAS_RHK_PIMPINAN, blank=True
    )
    peran_hasil = models.OneToOneField(
        "PeranHasil", on_delete=models.SET_NULL, null=True, blank=True, related_name="rhk"
    )
    diambil_alih = models.BooleanField(default=False)
    catatan_ambil_alih = models.TextField(blank=True)

    class Meta:
        verbose_name = "rencana hasil kerja"
        verbose_name_plural = "rencana hasil kerja"
        ordering = ["skp", "jenis", "urutan", "pk"]
        triggers = [_lindungi_isi("rhk_ikut_skp")]

    def __str__(self) -> str:
        return self.teks[:80]


class IndikatorKinerjaIndividu(ModelInstansi):
    rhk = models.ForeignKey(RencanaHasilKerja, on_delete=models.CASCADE, related_name="iki")
    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="+", editable=False)
    urutan = models.PositiveSmallIntegerField(default=0)
    teks = models.CharField("indikator kinerja individu", max_length=BATAS_TEKS)
    target = models.CharField(max_length=BATAS_TARGET, blank=True)
    aspek = models.JSONField(default=list, blank=True)
    perspektif = models.CharField(max_length=20, choices=Perspektif.choices, blank=True)
    target_mutlak_dikecualikan = models.BooleanField(
        "target mutlak dikecualikan",
        default=False,
        help_text="Hasil kerja yang berkaitan dengan nyawa, cedera, keamanan nasional atau "
        "kerugian moneter besar boleh bertarget mutlak (Lampiran Bab II huruf A, Tahap Ketujuh).",
    )

    class Meta:
        verbose_name = "indikator kinerja individu"
        verbose_name_plural = "indikator kinerja individu"
        ordering = ["rhk", "urutan", "pk"]
        triggers = [_lindungi_isi("iki_ikut_skp")]

    def __str__(self) -> str:
        return self.teks[:80]

    def save(self, *args, **kwargs):
        self.skp_id = self.rhk.skp_id
        super().save(*args, **kwargs)


class NilaiBerakhlak(models.TextChoices):
    BERORIENTASI_PELAYANAN = "berorientasi_pelayanan", "Berorientasi pelayanan"
    AKUNTABEL = "akuntabel", "Akuntabel"
    KOMPETEN = "kompeten", "Kompeten"
    HARMONIS = "harmonis", "Harmonis"
    LOYAL = "loyal", "Loyal"
    ADAPTIF = "adaptif", "Adaptif"
    KOLABORATIF = "kolaboratif", "Kolaboratif"


class EkspektasiKhusus(ModelInstansi):
    """A leader's special expectation on one BerAKHLAK value (000:2036-2041)."""

    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="ekspektasi_khusus")
    nilai = models.CharField(max_length=30, choices=NilaiBerakhlak.choices)
    teks = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)
    ditetapkan_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "ekspektasi khusus pimpinan"
        verbose_name_plural = "ekspektasi khusus pimpinan"
        ordering = ["skp", "nilai", "urutan", "pk"]
        triggers = [_lindungi_isi("ekspektasi_ikut_skp")]


class BagianLampiran(models.TextChoices):
    DUKUNGAN = "dukungan", "Dukungan sumber daya"
    SKEMA = "skema", "Skema pertanggungjawaban"
    KONSEKUENSI = "konsekuensi", "Konsekuensi"


class ButirLampiran(ModelInstansi):
    """One item of the Lampiran SKP (A.1.8): resources, accountability, consequences."""

    class Jenis(models.TextChoices):
        SDM = "sdm", "Sumber daya manusia"
        ANGGARAN = "anggaran", "Anggaran"
        PERALATAN = "peralatan", "Peralatan kerja"
        PENDAMPINGAN = "pendampingan", "Pendampingan Pimpinan"
        SARANA = "sarana", "Sarana dan prasarana"
        POSITIF = "positif", "Apabila memenuhi ekspektasi"
        NEGATIF = "negatif", "Apabila tidak memenuhi ekspektasi"
        LAINNYA = "lainnya", "Lainnya"

    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="lampiran")
    bagian = models.CharField(max_length=12, choices=BagianLampiran.choices)
    jenis = models.CharField(max_length=12, choices=Jenis.choices, blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)
    teks = models.CharField(max_length=BATAS_TEKS)

    class Meta:
        verbose_name = "butir lampiran SKP"
        verbose_name_plural = "butir lampiran SKP"
        ordering = ["skp", "bagian", "urutan", "pk"]
        triggers = [_lindungi_isi("lampiran_ikut_skp")]


class CatatanAlur(ModelInstansi):
    """The comment thread of the workflow: returned with comments, submitted, set."""

    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="catatan_alur")
    oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dari_status = models.CharField(max_length=15, choices=Status.choices)
    ke_status = models.CharField(max_length=15, choices=Status.choices)
    teks = models.TextField(blank=True)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["waktu", "pk"]


# --- MPH (A.1.5): dividing a leader's results among the team ---------------------------


class PeranMPH(models.TextChoices):
    MANDIRI = "mandiri", "Pegawai"
    KETUA_TIM = "ketua_tim", "Ketua tim"
    ANGGOTA_TIM = "anggota_tim", "Anggota tim"


class MatriksPeranHasil(ModelInstansi):
    """The leader's matrix: columns are the leader's IKI (or, for a team matrix, the
    ketua tim's RHK); rows are the people; each cell a role-result or TIDAK ADA PERAN."""

    skp_pimpinan = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="matriks")
    induk = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="sub_matriks"
    )
    nama_tim = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "matriks pembagian peran dan hasil"
        verbose_name_plural = "matriks pembagian peran dan hasil"
        constraints = [
            # One leader matrix per SKP, and one team matrix per parent matrix.
            models.UniqueConstraint(
                fields=["skp_pimpinan", "induk"],
                nulls_distinct=False,
                name="satu_matriks_per_skp_dan_induk",
            ),
        ]


class BarisMPH(ModelInstansi):
    matriks = models.ForeignKey(MatriksPeranHasil, on_delete=models.CASCADE, related_name="baris")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    peran = models.CharField(max_length=12, choices=PeranMPH.choices, default=PeranMPH.MANDIRI)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["matriks", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["matriks", "pegawai"], name="mph_baris_unik"),
        ]


class PeranHasil(ModelInstansi):
    """One cell of the MPH: the employee's role in one column, in the language of results."""

    baris = models.ForeignKey(BarisMPH, on_delete=models.CASCADE, related_name="sel")
    iki_pimpinan = models.ForeignKey(
        IndikatorKinerjaIndividu, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    rhk_pimpinan = models.ForeignKey(
        RencanaHasilKerja, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tidak_ada_peran = models.BooleanField(default=False)
    teks = models.TextField(blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["baris", "urutan", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(iki_pimpinan__isnull=False) | Q(rhk_pimpinan__isnull=False),
                name="peran_hasil_punya_kolom",
            ),
            models.CheckConstraint(
                condition=Q(tidak_ada_peran=True) | ~Q(teks=""),
                name="peran_hasil_berisi_atau_tidak_ada_peran",
            ),
        ]


# --- Manual IK (A.1.3) and Workblock (A.1.4): JPT / PUKM only --------------------------


class ManualIndikator(ModelInstansi):
    class KualitasKendali(models.TextChoices):
        OUTCOME = "outcome", "Outcome"
        OUTCOME_ANTARA = "outcome_antara", "Outcome Antara"
        OUTPUT_RENDAH = "output_rendah", "Output kendali rendah"

    class PeriodePelaporan(models.TextChoices):
        BULANAN = "bulanan", "Bulanan"
        TRIWULANAN = "triwulanan", "Triwulanan"
        SEMESTERAN = "semesteran", "Semesteran"
        TAHUNAN = "tahunan", "Tahunan"

    iki = models.OneToOneField(
        IndikatorKinerjaIndividu, on_delete=models.CASCADE, related_name="manual"
    )
    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="+", editable=False)
    tujuan = models.TextField()
    definisi = models.TextField()
    formula = models.TextField(blank=True)
    satuan = models.CharField("satuan pengukuran", max_length=100, blank=True)
    kualitas_kendali = models.CharField(
        "kualitas dan tingkat kendali", max_length=20, choices=KualitasKendali.choices
    )
    sumber_data = models.TextField()
    periode_pelaporan = models.CharField(max_length=12, choices=PeriodePelaporan.choices)

    class Meta:
        triggers = [_lindungi_isi("manual_ikut_skp")]

    def save(self, *args, **kwargs):
        self.skp_id = self.iki.skp_id
        super().save(*args, **kwargs)


class Workblock(ModelInstansi):
    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="workblock")
    judul = models.TextField("judul inisiatif strategi pencapaian IKU")
    indikator_diintervensi = models.TextField("indikator dan target yang diintervensi")
    pemilik_strategi = models.CharField(max_length=200)
    pihak_terlibat = models.TextField("pihak yang terlibat", blank=True)
    waktu_penyelesaian = models.CharField(max_length=100, blank=True)
    penerima_manfaat = models.TextField(blank=True)
    tujuan = models.TextField(blank=True)
    anggaran = models.CharField(max_length=200, blank=True)

    class Meta:
        triggers = [_lindungi_isi("workblock_ikut_skp")]


class ButirWorkblock(ModelInstansi):
    class Tipe(models.TextChoices):
        KEGIATAN = "kegiatan", "Strategi (key activities)"
        KELUARAN = "keluaran", "Keluaran kunci (key milestone)"

    class Kategori(models.TextChoices):
        RUTIN = "rutin", "A. RUTIN"
        TRANSFORMATIF = "transformatif", "B. TRANSFORMATIF"

    workblock = models.ForeignKey(Workblock, on_delete=models.CASCADE, related_name="butir")
    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="+", editable=False)
    tipe = models.CharField(max_length=10, choices=Tipe.choices)
    kategori = models.CharField(max_length=15, choices=Kategori.choices)
    urutan = models.PositiveSmallIntegerField(default=0)
    teks = models.TextField()

    class Meta:
        ordering = ["workblock", "tipe", "kategori", "urutan", "pk"]
        triggers = [_lindungi_isi("butir_workblock_ikut_skp")]

    def save(self, *args, **kwargs):
        self.skp_id = self.workblock.skp_id
        super().save(*args, **kwargs)
