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

    # Platform data (no tenant column): who created or changed an agency, and when.
    history = HistoricalRecords()

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


# An agency's reference data (its settings row, its calendar) is cached in each process
# under a stamp these triggers renew in the transaction that changes it (organisasi/acuan.py).
# The stamp comes from a sequence: a rolled-back change leaves its number unused forever.
URUTAN_VERSI_ACUAN = "organisasi_versiacuan_urutan"


def _trigger_versi_acuan(nama: str) -> pgtrigger.Trigger:
    return pgtrigger.Trigger(
        name=nama,
        when=pgtrigger.After,
        operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
        func=f"""
            INSERT INTO public.organisasi_versiacuan (instansi_id, versi)
            VALUES (CASE TG_OP WHEN 'DELETE' THEN OLD.instansi_id ELSE NEW.instansi_id END,
                    nextval('public.{URUTAN_VERSI_ACUAN}'))
            ON CONFLICT (instansi_id) DO UPDATE SET versi = EXCLUDED.versi;
            RETURN NULL;
        """,
    )


class VersiAcuan(ModelInstansiDasar):
    """The stamp of an agency's reference data: renewed by a trigger whenever its settings
    row or its calendar changes, read before either is taken from a process's cache."""

    versi = models.BigIntegerField()

    class Meta:
        verbose_name = "versi data acuan"
        verbose_name_plural = "versi data acuan"
        constraints = [
            models.UniqueConstraint(fields=["instansi"], name="versi_acuan_satu_per_instansi"),
        ]


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
        triggers = [_trigger_versi_acuan("kalender_memperbarui_versi_acuan")]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.get_jenis_display()}: {self.keterangan}"


class ArsipDokumen(ModelInstansiDasar):
    """A signed document exactly as it was issued: rendered once, never changed.

    The application role may only INSERT and SELECT here (organisasi/rls.py), and
    a trigger refuses UPDATE and DELETE to the owner too, so not even a bug or a
    console session can alter a signed document.
    """

    HANYA_TAMBAH = True

    jenis = models.CharField("format", max_length=20)  # e.g. "A.1.7", "D.1.1"
    judul = models.CharField(max_length=300)
    objek_tipe = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    objek_id = models.PositiveBigIntegerField()
    isi = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    dibuat_oleh = models.ForeignKey(Pengguna, on_delete=models.PROTECT, null=True, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    # The public verification page's key (printed as a QR code on the PDF): the agency's
    # id and 160 random bits (organisasi/verifikasi.py). Empty for documents archived
    # before verification existed.
    token = models.CharField(max_length=60, unique=True, null=True, blank=True, editable=False)
    # What the verification page may show: the document's own header as printed
    # (format, agency, period, name and NIP, date, status when archived), nothing else.
    kepala = models.JSONField(default=dict, blank=True, editable=False)

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


# --- Organisation: units, positions, employees, placements ----------------------------


class LambangInstansi(ModelInstansiDasar):
    """The emblem an agency prints at the top of its official documents where the
    regulation's format shows "(LAMBANG GARUDA)" (D.1.1-D.1.3): the Garuda for a ministry
    or province, or the agency's own logo as on its letters. One per agency; uploaded by
    its admin on the settings page (organisasi/lambang.py decides what may be stored).

    The bytes stay in this row under row-level security, never under a public URL. The
    history keeps who changed it, when, and the SHA-256 of each version, not the bytes.
    """

    isi = models.BinaryField()
    jenis_isi = models.CharField(max_length=20)  # image/png | image/jpeg, from the content
    sha256 = models.CharField(max_length=64)
    lebar = models.PositiveIntegerField()
    tinggi = models.PositiveIntegerField()
    diunggah_pada = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["isi"])

    class Meta:
        verbose_name = "lambang instansi"
        verbose_name_plural = "lambang instansi"
        constraints = [
            models.UniqueConstraint(fields=["instansi"], name="lambang_satu_per_instansi"),
            models.CheckConstraint(
                condition=Q(jenis_isi__in=["image/png", "image/jpeg"]), name="lambang_png_jpeg"
            ),
        ]

    def __str__(self) -> str:
        return f"Lambang ({self.lebar}x{self.tinggi} px)"


class JenisUnit(models.TextChoices):
    """Kinds of unit. The first group are the organisation kinds of Perwal Bekasi Lampiran II
    (003:1292-1411); the rest are the parts inside them that rater rules refer to."""

    SEKRETARIAT_DAERAH = "setda", "Sekretariat Daerah"
    SEKRETARIAT_DPRD = "setwan", "Sekretariat DPRD"
    INSPEKTORAT = "inspektorat", "Inspektorat Daerah"
    DINAS = "dinas", "Dinas"
    DINAS_UPTD = "dinas_uptd", "Dinas yang memiliki UPTD"
    DINAS_PENDIDIKAN = "dinas_pendidikan", "Dinas Pendidikan"
    BADAN = "badan", "Badan"
    BADAN_UPTD = "badan_uptd", "Badan yang memiliki UPTD"
    SATPOL_PP = "satpol_pp", "Satuan Polisi Pamong Praja"
    RSUD = "rsud", "Rumah Sakit Umum Daerah"
    KECAMATAN = "kecamatan", "Kecamatan"
    KELURAHAN = "kelurahan", "Kelurahan"
    BPBD = "bpbd", "Pelaksana BPBD"
    KEMENTERIAN = "kementerian", "Kementerian/Lembaga"
    UNIT_ESELON_I = "eselon_i", "Sekretariat Jenderal/Direktorat Jenderal/Badan"
    UNIT_KERJA_MANDIRI = "mandiri", "Unit kerja mandiri"
    ASISTEN = "asisten", "Asisten"
    SEKRETARIAT = "sekretariat", "Sekretariat"
    BAGIAN = "bagian", "Bagian"
    SUB_BAGIAN = "sub_bagian", "Sub Bagian"
    BIDANG = "bidang", "Bidang"
    SUB_BIDANG = "sub_bidang", "Sub Bidang"
    SEKSI = "seksi", "Seksi"
    INSPEKTUR_PEMBANTU = "irban", "Inspektur Pembantu"
    UPTD = "uptd", "UPTD/UPT"
    WAKIL_DIREKTUR = "wadir", "Wakil Direktur"
    INSTALASI = "instalasi", "Instalasi/Unit (RSUD)"
    SEKOLAH_TK = "sekolah_tk", "TK/PAUD/PNF"
    SEKOLAH_SD = "sekolah_sd", "Sekolah Dasar"
    SEKOLAH_SMP = "sekolah_smp", "Sekolah Menengah Pertama"
    UPP = "upp", "Unit Pelayanan Pendidikan"
    DIREKTORAT = "direktorat", "Direktorat"
    SUBDIREKTORAT = "subdirektorat", "Subdirektorat"
    NONSTRUKTURAL = "nonstruktural", "Unit Kerja Nonstruktural (Kelompok/Subkelompok)"
    LAINNYA = "lainnya", "Lainnya"


# The organisation kinds a rater table is grouped by (Lampiran II's numbered groups).
KELOMPOK_UNIT = frozenset(
    {
        JenisUnit.SEKRETARIAT_DAERAH,
        JenisUnit.SEKRETARIAT_DPRD,
        JenisUnit.INSPEKTORAT,
        JenisUnit.DINAS,
        JenisUnit.DINAS_UPTD,
        JenisUnit.DINAS_PENDIDIKAN,
        JenisUnit.BADAN,
        JenisUnit.BADAN_UPTD,
        JenisUnit.SATPOL_PP,
        JenisUnit.RSUD,
        JenisUnit.KECAMATAN,
        JenisUnit.KELURAHAN,
        JenisUnit.BPBD,
        JenisUnit.KEMENTERIAN,
        JenisUnit.UNIT_ESELON_I,
        JenisUnit.UNIT_KERJA_MANDIRI,
    }
)


class UnitKerja(ModelInstansi):
    nama = models.CharField(max_length=200)
    induk = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="anak"
    )
    jenis = models.CharField(max_length=20, choices=JenisUnit.choices)
    kode = models.SlugField(
        max_length=60,
        blank=True,
        help_text="Kode singkat unit, dipakai aturan penilai yang menyebut unit tertentu "
        "(mis. seksi-sd).",
    )
    urutan = models.PositiveIntegerField(default=0)
    aktif = models.BooleanField(default=True)

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["urutan", "nama"]
        indexes = [models.Index(fields=["instansi", "induk"])]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "induk", "nama"], name="unit_nama_unik_per_induk"
            ),
            models.CheckConstraint(
                condition=~Q(induk=models.F("id")), name="unit_bukan_induk_diri"
            ),
        ]

    def __str__(self) -> str:
        return self.nama


class JenisJabatan(models.TextChoices):
    JPT_UTAMA = "jpt_utama", "JPT Utama"
    JPT_MADYA = "jpt_madya", "JPT Madya"
    JPT_PRATAMA = "jpt_pratama", "JPT Pratama"
    ADMINISTRATOR = "administrator", "Administrator"
    PENGAWAS = "pengawas", "Pengawas"
    PELAKSANA = "pelaksana", "Pelaksana"
    FUNGSIONAL = "fungsional", "Fungsional"


# Positions that may rate on their own authority ("paling rendah pejabat pengawas", 000:216-220).
JABATAN_MANAJERIAL = frozenset(
    {
        JenisJabatan.JPT_UTAMA,
        JenisJabatan.JPT_MADYA,
        JenisJabatan.JPT_PRATAMA,
        JenisJabatan.ADMINISTRATOR,
        JenisJabatan.PENGAWAS,
    }
)
JABATAN_JPT = frozenset({JenisJabatan.JPT_UTAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA})


class JenjangFungsional(models.TextChoices):
    AHLI_UTAMA = "ahli_utama", "Ahli Utama"
    AHLI_MADYA = "ahli_madya", "Ahli Madya"
    AHLI_MUDA = "ahli_muda", "Ahli Muda"
    AHLI_PERTAMA = "ahli_pertama", "Ahli Pertama"
    PENYELIA = "penyelia", "Penyelia"
    MAHIR = "mahir", "Mahir"
    TERAMPIL = "terampil", "Terampil"
    PEMULA = "pemula", "Pemula"


class Jabatan(ModelInstansi):
    nama = models.CharField(max_length=200)
    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="jabatan")
    jenis = models.CharField(max_length=20, choices=JenisJabatan.choices)
    jenjang = models.CharField(
        "jenjang fungsional", max_length=20, choices=JenjangFungsional.choices, blank=True
    )
    kepala_unit = models.BooleanField(
        "memimpin unit", default=False, help_text="Jabatan ini adalah kepala unit kerjanya."
    )

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["-kepala_unit", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"], condition=Q(kepala_unit=True), name="satu_kepala_per_unit"
            ),
            models.UniqueConstraint(fields=["unit", "nama"], name="jabatan_nama_unik_per_unit"),
            models.CheckConstraint(
                condition=Q(jenjang="") | Q(jenis="fungsional"),
                name="jenjang_hanya_untuk_fungsional",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def manajerial(self) -> bool:
        return self.jenis in JABATAN_MANAJERIAL


class StatusPegawai(models.TextChoices):
    PNS = "pns", "PNS"
    PPPK = "pppk", "PPPK"


# Pangkat/golongan ruang PNS: I/a-I/d, II/a-II/d, III/a-III/d, IV/a-IV/e.
GOLONGAN_PNS = [f"{g}/{r}" for g, ruang in (("I", "abcd"), ("II", "abcd"), ("III", "abcd"),
                                            ("IV", "abcde")) for r in ruang]  # fmt: skip
# Pangkat name of each PNS golongan ruang (printed as "PANGKAT/ GOL. RUANG").
PANGKAT = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I", "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata", "III/d": "Penata Tingkat I", "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda", "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}  # fmt: skip
GOLONGAN_PPPK = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip


class Pegawai(ModelInstansi):
    nip = models.CharField("NIP", max_length=18, validators=[validasi_nip])
    nama = models.CharField("nama (tanpa gelar)", max_length=200)
    gelar_depan = models.CharField(max_length=50, blank=True)
    gelar_belakang = models.CharField(max_length=80, blank=True)
    status = models.CharField(max_length=4, choices=StatusPegawai.choices)
    golongan = models.CharField(
        "pangkat/golongan", max_length=6, help_text="PNS: I/a sampai IV/e; PPPK: I sampai XVII."
    )
    email = models.EmailField(blank=True)
    pengguna = models.OneToOneField(
        Pengguna, on_delete=models.SET_NULL, null=True, blank=True, related_name="pegawai"
    )
    aktif = models.BooleanField(default=True)

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama"]
        indexes = [models.Index(fields=["instansi", "nama"])]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nip"], name="nip_unik_per_instansi"),
        ]

    def __str__(self) -> str:
        return self.nama_lengkap

    @property
    def nama_lengkap(self) -> str:
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"


class JenisPenempatan(models.TextChoices):
    DEFINITIF = "definitif", "Definitif"
    PLT = "plt", "Pelaksana Tugas (Plt.)"
    PLH = "plh", "Pelaksana Harian (Plh.)"


class Penempatan(ModelInstansi):
    """Who holds which position from when to when. History is never overwritten:
    a transfer ends one placement and starts another."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="penempatan")
    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="penempatan")
    jenis = models.CharField(
        max_length=10, choices=JenisPenempatan.choices, default=JenisPenempatan.DEFINITIF
    )
    mulai = models.DateField()
    selesai = models.DateField(null=True, blank=True, help_text="Kosong: masih berlaku.")
    diperbantukan = models.BooleanField(
        "diperbantukan/dipekerjakan",
        default=False,
        help_text="Pegawai diperbantukan atau dipekerjakan di unit lain "
        "(Perwal Bekasi 38/2023, Lampiran II).",
    )
    berwenang_menilai = models.BooleanField(
        "didelegasikan menilai",
        default=False,
        help_text="Plt/Plh yang diberi delegasi kewenangan menilai oleh atasan "
        "(Lampiran Bab IV huruf A).",
    )
    dasar = models.CharField("dasar (nomor SK/surat)", max_length=200, blank=True)

    class Meta:
        verbose_name = "penempatan"
        verbose_name_plural = "penempatan"
        ordering = ["-mulai"]
        indexes = [
            models.Index(fields=["instansi", "jabatan", "mulai"]),
            models.Index(fields=["instansi", "pegawai", "mulai"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="penempatan_selesai_setelah_mulai",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} — {self.jabatan} ({self.get_jenis_display()})"

    def berlaku_pada(self, tanggal) -> bool:
        return self.mulai <= tanggal and (self.selesai is None or tanggal <= self.selesai)


class DelegasiPenilai(ModelInstansi):
    """A per-person decision on who rates an employee for a period (overrides every rule)."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="delegasi_dinilai")
    penilai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="delegasi_menilai")
    atasan_penilai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    mulai = models.DateField()
    selesai = models.DateField(null=True, blank=True)
    dasar = models.CharField("dasar (nomor SK/surat)", max_length=200)

    class Meta:
        verbose_name = "delegasi penilai"
        verbose_name_plural = "delegasi penilai"
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(pegawai=models.F("penilai")), name="delegasi_bukan_diri_sendiri"
            ),
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="delegasi_selesai_setelah_mulai",
            ),
        ]


class AturanPenilai(ModelInstansi):
    """One row of an agency's rater table (for Bekasi: Perwal 38/2023 Lampiran II).

    `penilai` and `atasan` are lists of targets, the alternatives of a row such as
    "Kepala Sub Bagian/ Kepala Bagian"; the first alternative that exists in the
    employee's organisation is used, and the atasan with the same position in its list.
    A target is a dict: {"cara": "kepala_daerah"} | {"cara": "kepala_kelompok"} |
    {"cara": "leluhur", "tipe": <JenisUnit>} (nearest unit of that kind above) |
    {"cara": "dalam", "tipe": <JenisUnit>, "induk": <JenisUnit>?, "kode": <kode>?}
    (a unit of that kind inside the group, or inside the nearest `induk` above) |
    {"cara": "instansi", "tipe": <JenisUnit>} (the agency's only unit of that kind).
    """

    class Peran(models.TextChoices):
        KEPALA = "kepala", "Kepala unit"
        STAF = "staf", "JF/Pelaksana di unit"
        SEMUA = "semua", "Kepala dan JF/Pelaksana di unit"

    nomor = models.CharField(max_length=10, help_text="Nomor baris, mis. 4.g")
    kelompok = models.CharField(max_length=20, choices=JenisUnit.choices)
    dinilai = models.CharField("pegawai yang dinilai", max_length=200)
    peran = models.CharField(max_length=10, choices=Peran.choices)
    tipe_unit = models.JSONField(
        default=list,
        blank=True,
        help_text="Jenis unit tempat jabatan berada; kosong: di mana saja.",
    )
    pola_jabatan = models.CharField(
        max_length=200, blank=True, help_text="Ekspresi reguler nama jabatan (opsional)."
    )
    hanya_diperbantukan = models.BooleanField(default=False)
    penilai_teks = models.CharField("pejabat penilai", max_length=200)
    penilai = models.JSONField()
    atasan_teks = models.CharField("atasan pejabat penilai", max_length=200)
    atasan = models.JSONField()
    keterangan = models.TextField(blank=True)
    sumber = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "aturan penilai"
        verbose_name_plural = "aturan penilai"
        ordering = ["kelompok", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nomor"], name="aturan_penilai_nomor_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} {self.dinilai}"


def _semua_aspek() -> list[str]:
    return ["kuantitas", "kualitas", "waktu", "biaya"]


def _pengingat_bawaan() -> list[int]:
    return [10, 3]


class PengaturanInstansi(ModelInstansi):
    """An agency's choices where the regulation leaves one open (spec-local §2)."""

    class Periode(models.TextChoices):
        HARIAN = "harian", "Harian"
        MINGGUAN = "mingguan", "Mingguan"
        BULANAN = "bulanan", "Bulanan"
        TRIWULANAN = "triwulanan", "Triwulanan"
        SEMESTERAN = "semesteran", "Semesteran"
        TAHUNAN = "tahunan", "Tahunan"

    class PltPlh(models.TextChoices):
        OTOMATIS = "otomatis", "Otomatis berwenang menilai (mis. Perwal Bekasi 38/2023 Pasal 25)"
        DELEGASI = "delegasi", "Hanya bila didelegasikan atasan (ketentuan nasional)"

    class Tunjangan(models.TextChoices):
        TUNJANGAN_KINERJA = "tukin", "Tunjangan kinerja"
        TPP = "tpp", "Tambahan Penghasilan Pegawai (TPP)"
        TIDAK_ADA = "tidak_ada", "Tidak dikaitkan"

    class ManualIK(models.TextChoices):
        SELALU = "selalu", "Selalu wajib"
        JIKA_PERLU = "jika_perlu", "Hanya bila indikator belum jelas (ketentuan nasional)"

    class TugasBelajar(models.TextChoices):
        PNS = "pns", "Hanya PNS"
        PNS_PPPK = "pns_pppk", "PNS dan PPPK"

    class Penyusun(models.TextChoices):
        PEGAWAI = "pegawai", "Pegawai menyusun, pejabat penilai menilai"
        PENILAI = "penilai", "Pejabat penilai menyusun"

    instansi = models.OneToOneField(
        Instansi, on_delete=models.CASCADE, editable=False, related_name="pengaturan"
    )
    periode_evaluasi = models.CharField(
        "periode evaluasi kinerja periodik",
        max_length=12,
        choices=[(Periode.BULANAN, "Bulanan"), (Periode.TRIWULANAN, "Triwulanan")],
        default=Periode.TRIWULANAN,
    )
    periode_dokumentasi = models.CharField(
        "periode pendokumentasian kinerja",
        max_length=12,
        choices=Periode.choices,
        default=Periode.BULANAN,
    )
    plt_plh_menilai = models.CharField(
        "kewenangan Plt/Plh menilai",
        max_length=10,
        choices=PltPlh.choices,
        default=PltPlh.DELEGASI,
    )
    istilah_instansi = models.CharField(
        "sebutan instansi pada formulir", max_length=40, default="Instansi",
        help_text="Mis. Instansi atau Perangkat Daerah.",
    )  # fmt: skip
    istilah_bkd = models.CharField(
        "sebutan unit kepegawaian", max_length=40, default="BKD", help_text="Mis. BKD atau BKPSDM."
    )
    # The kepala daerah (or minister) rates the JPT but rarely has an account: the agency
    # names the official for the documents and the employee who acts for them in the app.
    jabatan_kepala_daerah = models.CharField(
        "jabatan kepala daerah/pimpinan instansi", max_length=60, default="Wali Kota",
        help_text="Dicetak sebagai jabatan pejabat penilai JPT, mis. Wali Kota Bekasi, "
        "Bupati Karawang, Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi.",
    )  # fmt: skip
    nama_kepala_daerah = models.CharField(
        "nama kepala daerah/pimpinan instansi",
        max_length=200,
        blank=True,
        help_text="Nama lengkap dengan gelar, dicetak pada identitas dan tanda tangan SKP JPT.",
    )
    nip_kepala_daerah = models.CharField(
        "NIP kepala daerah/pimpinan instansi",
        max_length=18,
        blank=True,
        validators=[validasi_nip],
        help_text="Opsional: kepala daerah dan menteri umumnya tidak memiliki NIP.",
    )
    pelaksana_kepala_daerah = models.ForeignKey(
        Pegawai,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="pegawai yang bertindak atas nama kepala daerah",
        help_text="Mis. Sekretaris Daerah atau Kepala BKPSDM: memeriksa, mengembalikan dan "
        "menetapkan SKP yang pejabat penilainya kepala daerah, tercatat dan tercetak "
        "“a.n.” kepala daerah.",
    )
    tunjangan = models.CharField(
        "tunjangan yang didasarkan pada kinerja",
        max_length=10,
        choices=Tunjangan.choices,
        default=Tunjangan.TUNJANGAN_KINERJA,
    )
    tempat_dokumen = models.CharField(
        "tempat penandatanganan dokumen",
        max_length=100,
        blank=True,
        help_text="Dicetak pada baris (tempat), (tanggal) dokumen, mis. Bekasi.",
    )
    penerima_laporan = models.CharField(
        "penerima laporan kinerja",
        max_length=200,
        default="Pejabat yang Berwenang (PyB)",
        help_text="Mis. Sekretaris Daerah melalui BKPSDM (Perwal Bekasi 38/2023 Pasal 29).",
    )
    aspek_diizinkan = models.JSONField(
        "aspek indikator yang diizinkan",
        default=_semua_aspek,
        help_text="Pilihan dari kuantitas, kualitas, waktu, biaya.",
    )
    manual_ik = models.CharField(
        "manual indikator kinerja", max_length=12, choices=ManualIK.choices,
        default=ManualIK.JIKA_PERLU,
    )  # fmt: skip
    tugas_belajar = models.CharField(
        "SKP tugas belajar untuk",
        max_length=10,
        choices=TugasBelajar.choices,
        default=TugasBelajar.PNS_PPPK,
    )
    format_tugas_belajar = models.CharField(
        "format SKP tugas belajar",
        max_length=12,
        choices=[
            (
                "nasional",
                "Format sesuai jabatan: A.1.1/A.1.2/A.1.6/A.1.7 (Lampiran Bab II huruf B)",
            ),
            (
                "khusus",
                "Format khusus kualitatif bagi pegawai tugas belajar (Perwal Bekasi, Format 5)",
            ),
        ],
        default="nasional",
    )
    katalog_format = models.CharField(
        "katalog format dokumen",
        max_length=16,
        choices=[
            ("nasional", "Format nasional: Permenpan RB 6/2022 Lampiran (A.1.1-A.1.8)"),
            (
                "perwal_bekasi",
                "Perwal Kota Bekasi 38/2023 Lampiran I (Format 1-5); format nasional "
                "bila tidak diatur",
            ),
        ],
        default="nasional",
        help_text="Menentukan label pada PDF, mis. Format 4 Perwal Bekasi menulis "
        '"RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI".',
    )
    penyusun_evaluasi = models.CharField(
        "penyusun dokumen evaluasi", max_length=10, choices=Penyusun.choices,
        default=Penyusun.PENILAI,
    )  # fmt: skip
    # The periodic evaluation window is not quantified by the regulation (AMBIG-7): the
    # agency sets it; evaluasi/periode.py reads these two.
    jendela_evaluasi_mulai_hari = models.PositiveSmallIntegerField(
        "jangka waktu evaluasi: mulai (hari sebelum akhir periode)", default=7,
        help_text="Jangka waktu evaluasi periodik dibuka sekian hari kalender sebelum "
        "hari terakhir periode.",
    )  # fmt: skip
    jendela_evaluasi_hari_kerja = models.PositiveSmallIntegerField(
        "jangka waktu evaluasi: lama (hari kerja setelah akhir periode)", default=10,
        help_text="Jangka waktu evaluasi periodik berakhir sekian hari kerja setelah akhir "
        "periode; batas pelaporan dan pengambilalihan oleh atasan dihitung dari sini. "
        "Evaluasi tahunan selalu berakhir akhir Januari.",
    )  # fmt: skip
    penilai_jf_wajib_manajerial = models.BooleanField(
        "penilai JF/Pelaksana harus pejabat manajerial",
        default=False,
        help_text="Ketentuan daerah (mis. paparan BKD 2025); pengecualian di bawah.",
    )
    pengecualian_manajerial = models.JSONField(
        "pengecualian (jabatan dan status)",
        default=list,
        blank=True,
        help_text='Mis. [{"pola_jabatan": "Guru", "status": "pppk"}] untuk Guru PPPK.',
    )
    batas_skp_hari = models.PositiveSmallIntegerField(
        "batas penetapan SKP: tanggal",
        default=31,
        help_text="SKP ditetapkan paling lambat akhir Januari (Pasal 14 ayat (1)).",
    )
    batas_skp_bulan = models.PositiveSmallIntegerField("batas penetapan SKP: bulan", default=1)
    pengingat_skp_hari_kerja = models.JSONField(
        "pengingat SKP (hari kerja sebelum batas)",
        default=_pengingat_bawaan,
        blank=True,
        help_text="Mis. [10, 3]: pengingat 10 dan 3 hari kerja sebelum batas penetapan.",
    )
    jf_kepala_unit_boleh_menilai = models.BooleanField(
        "JF yang memimpin unit boleh didelegasikan menilai",
        default=True,
        help_text="Mis. guru yang menjadi kepala sekolah (Lampiran Bab IV huruf A).",
    )

    class Meta:
        verbose_name = "pengaturan instansi"
        verbose_name_plural = "pengaturan instansi"
        triggers = [_trigger_versi_acuan("pengaturan_memperbarui_versi_acuan")]

    def __str__(self) -> str:
        return f"Pengaturan {self.instansi}"


ASPEK_INDIKATOR = ["kuantitas", "kualitas", "waktu", "biaya"]


# --- Import of units and employees from a SIASN export ---------------------------------


class ImporData(ModelInstansi):
    """One uploaded file and its import job: preview (dry run) first, then apply.

    Its state changes go through queryset updates, so the uploaded file is not copied
    into the history table on every progress tick; the data an import writes is audited
    in its own tables (change reason "Impor <nama_berkas>").
    """

    class Jenis(models.TextChoices):
        UNIT = "unit", "Unit kerja"
        PEGAWAI = "pegawai", "Pegawai dan jabatan"

    class Status(models.TextChoices):
        MENUNGGU_PRATINJAU = "menunggu_pratinjau", "Menyiapkan pratinjau"
        PRATINJAU = "pratinjau", "Pratinjau siap"
        MENERAPKAN = "menerapkan", "Sedang diterapkan"
        DITERAPKAN = "diterapkan", "Diterapkan"
        GAGAL = "gagal", "Gagal"

    jenis = models.CharField(max_length=10, choices=Jenis.choices)
    nama_berkas = models.CharField(max_length=255)
    isi = models.BinaryField("isi berkas")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.MENUNGGU_PRATINJAU
    )
    total_baris = models.PositiveIntegerField(default=0)
    diproses = models.PositiveIntegerField("baris diproses", default=0)
    hasil = models.JSONField(
        default=list,
        blank=True,
        help_text="Nasib tiap baris: nomor baris, data, aksi (baru/diperbarui/tetap/galat), "
        "galat, perubahan.",
    )
    ringkasan = models.JSONField(default=dict, blank=True, help_text="Jumlah baris per aksi.")
    galat_berkas = models.JSONField(
        "galat berkas", default=list, blank=True, help_text="Galat yang menolak seluruh berkas."
    )
    terapkan_yang_valid = models.BooleanField("terapkan hanya baris yang valid", default=False)
    dibuat_oleh = models.ForeignKey(Pengguna, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diterapkan_oleh = models.ForeignKey(
        Pengguna, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diterapkan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "impor data"
        verbose_name_plural = "impor data"
        ordering = ["-dibuat_pada"]
        indexes = [models.Index(fields=["instansi", "-dibuat_pada"])]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.nama_berkas}"

    @property
    def selesai(self) -> bool:
        """No worker is busy with it: the page can stop polling."""
        return self.status not in {self.Status.MENUNGGU_PRATINJAU, self.Status.MENERAPKAN}


# --- Shared by every app: notices and the record of deadline steps ---------------------


class Pemberitahuan(ModelInstansiDasar):
    """An in-app notice, also mailed once (`organisasi.pemberitahuan`).

    `kunci` names the event and is unique per agency: a job that runs twice, or a worker
    that dies and is redelivered, inserts the same key and so notifies only once. The row
    itself is the record (insert-only but for the read and mailed marks), so no history.
    """

    penerima = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="pemberitahuan")
    kunci = models.CharField(max_length=120)
    judul = models.CharField(max_length=200)
    isi = models.TextField(blank=True)
    tautan = models.CharField(max_length=300, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dibaca_pada = models.DateTimeField(null=True, blank=True)
    surel_dikirim_pada = models.DateTimeField(
        null=True, blank=True, help_text="Diisi sekali, tepat sebelum surelnya dikirim."
    )

    class Meta:
        verbose_name = "pemberitahuan"
        verbose_name_plural = "pemberitahuan"
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [
            models.Index(
                fields=["penerima"],
                condition=Q(dibaca_pada__isnull=True),
                name="pemberitahuan_belum_dibaca",
            ),
            models.Index(
                fields=["instansi", "dibuat_pada"],
                condition=Q(surel_dikirim_pada__isnull=True),
                name="pemberitahuan_surel_tertunda",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "kunci"], name="pemberitahuan_sekali_per_kunci"
            ),
        ]

    def __str__(self) -> str:
        return self.judul


class LangkahTenggat(ModelInstansiDasar):
    """One step of a deadline timer that has happened: a reminder or the escalation.

    The unique key makes each step happen once per object (`organisasi.tenggat.klaim`);
    `jenis` is the registered timer kind, which also says what `objek_id` points to."""

    jenis = models.CharField(max_length=60)
    putaran = models.CharField(max_length=20, blank=True, help_text="Misalnya tahun SKP.")
    langkah = models.CharField(max_length=30)
    objek_id = models.BigIntegerField()
    waktu = models.DateTimeField()

    class Meta:
        verbose_name = "langkah tenggat"
        verbose_name_plural = "langkah tenggat"
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "jenis", "putaran", "langkah", "objek_id"],
                name="langkah_tenggat_sekali",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jenis} {self.putaran} {self.objek_id}: {self.langkah}"
