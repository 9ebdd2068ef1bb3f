"""Demo tenants, their organisations and logins, created idempotently by `manage.py demo`
(and `make run`). All people are fictitious.

- "Kota Bekasi (demo)": monthly periods, Plt/Plh rate automatically, TPP, Perangkat
  Daerah and BKPSDM, the rater table of Perwal 38/2023 Lampiran II.
- "Kabupaten Karawang (demo)": quarterly periods, national defaults, a smaller organisation.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from .audit import catat
from .models import Instansi, Pegawai, Penempatan
from .tenancy import lingkup_instansi

SANDI_DEMO = "Demo#Kinerja2026"
MULAI_DEMO = date(2026, 1, 2)

INSTANSI_DEMO = [
    {
        "slug": "kota-bekasi-demo",
        "nama": "Kota Bekasi (demo)",
        "jenis": Instansi.Jenis.DAERAH,
        "pengaturan": {
            "periode_evaluasi": "bulanan",
            "periode_dokumentasi": "bulanan",
            "plt_plh_menilai": "otomatis",
            "istilah_instansi": "Perangkat Daerah",
            "istilah_bkd": "BKPSDM",
            "jabatan_kepala_daerah": "Wali Kota Bekasi",
            "nama_kepala_daerah": "H. Bagus Pranoto, S.H., M.Si.",
            "tempat_dokumen": "Bekasi",
            "tunjangan": "tpp",
            "penerima_laporan": "Sekretaris Daerah melalui BKPSDM",
            "tugas_belajar": "pns",
            "format_tugas_belajar": "khusus",
        },
    },
    {
        "slug": "kabupaten-karawang-demo",
        "nama": "Kabupaten Karawang (demo)",
        "jenis": Instansi.Jenis.DAERAH,
        "pengaturan": {
            "periode_evaluasi": "triwulanan",
            "jabatan_kepala_daerah": "Bupati Karawang",
            "nama_kepala_daerah": "Hj. Dewi Kartika Sari, S.E., M.M.",
            "tempat_dokumen": "Karawang",
            "manual_ik": "selalu",
        },
    },
]

# (instansi slug or None, peran, username, the person's jabatan ["@unit"], admin_instansi)
AKUN_DEMO = [
    (None, "Superadmin platform", "superadmin", None, False),
    ("kota-bekasi-demo", "Admin BKPSDM", "admin.bekasi", "Pengolah Data Kinerja", True),
    (
        "kota-bekasi-demo",
        "Pegawai",
        "pegawai.bekasi",
        "Analis SDM Aparatur Ahli Pertama@Sub Bidang Penilaian Kinerja",
        False,
    ),
    (
        "kota-bekasi-demo",
        "Pejabat penilai",
        "penilai.bekasi",
        "Kepala Sub Bidang Penilaian Kinerja",
        False,
    ),
    (
        "kota-bekasi-demo",
        "Atasan pejabat penilai",
        "atasan.bekasi",
        "Kepala Bidang Penilaian Kinerja Aparatur dan Penghargaan",
        False,
    ),
    (
        "kota-bekasi-demo",
        "JPT: Kepala Dinas (dinilai Wali Kota)",
        "kadis.bekasi",
        "Kepala Dinas Kesehatan",
        False,
    ),
    (
        "kota-bekasi-demo",
        "Sekretaris Daerah, a.n. Wali Kota",
        "sekda.bekasi",
        "Sekretaris Daerah",
        False,
    ),
    ("kabupaten-karawang-demo", "Admin BKD", "admin.karawang", "Pengolah Data Kinerja", True),
    (
        "kabupaten-karawang-demo",
        "Pegawai",
        "pegawai.karawang",
        "Analis SDM Aparatur Ahli Pertama",
        False,
    ),
    (
        "kabupaten-karawang-demo",
        "Pejabat penilai",
        "penilai.karawang",
        "Kepala Sub Bidang Evaluasi Kinerja",
        False,
    ),
    (
        "kabupaten-karawang-demo",
        "Atasan pejabat penilai",
        "atasan.karawang",
        "Kepala Bidang Penilaian Kinerja",
        False,
    ),
    (
        "kabupaten-karawang-demo",
        "JPT: Kepala Badan (dinilai Bupati)",
        "kaban.karawang",
        "Kepala BKPSDM",
        False,
    ),
    (
        "kabupaten-karawang-demo",
        "Sekretaris Daerah, a.n. Bupati",
        "sekda.karawang",
        "Sekretaris Daerah",
        False,
    ),
]
# Who acts for the kepala daerah in each demo agency (the JPT's rater has no account).
PELAKSANA_KEPALA_DAERAH = {
    "kota-bekasi-demo": "sekda.bekasi",
    "kabupaten-karawang-demo": "sekda.karawang",
}

LOGIN_DEMO = [
    {
        "instansi": next((i["nama"] for i in INSTANSI_DEMO if i["slug"] == slug), "Platform"),
        "peran": peran,
        "username": username,
        "password": SANDI_DEMO,
    }
    for slug, peran, username, _jabatan, _admin in AKUN_DEMO
]


def _isi_instansi(instansi: Instansi, data: dict) -> list[str]:
    from .data import lampiran_ii_bekasi
    from .demo_organisasi import BEKASI, KARAWANG, buat_struktur
    from .models import UnitKerja
    from .pengaturan import pengaturan_instansi

    dibuat = []
    pengaturan = pengaturan_instansi()
    for kolom, nilai in data["pengaturan"].items():
        setattr(pengaturan, kolom, nilai)
    pengaturan.save()
    if not UnitKerja.objects.exists():
        bekasi = instansi.slug == "kota-bekasi-demo"
        jumlah = buat_struktur(
            BEKASI if bekasi else KARAWANG, benih=38 if bekasi else 6, mulai=MULAI_DEMO
        )
        dibuat.append(f"organisasi {instansi.nama} ({jumlah} pegawai)")
    if instansi.slug == "kota-bekasi-demo":
        lampiran_ii_bekasi.muat_ke_instansi()
    return dibuat


def _pegawai_untuk(jabatan: str) -> Pegawai | None:
    nama_jabatan, _, nama_unit = jabatan.partition("@")
    qs = Penempatan.objects.filter(jabatan__nama=nama_jabatan, selesai__isnull=True)
    if nama_unit:
        qs = qs.filter(jabatan__unit__nama=nama_unit)
    p = qs.select_related("pegawai").order_by("pk").first()
    return p.pegawai if p else None


@transaction.atomic
def buat_demo() -> list[str]:
    """Create or complete the demo tenants, organisations and accounts; returns what was made."""
    dibuat = []
    instansi = {}
    for data in INSTANSI_DEMO:
        obj, baru = Instansi.objects.update_or_create(
            slug=data["slug"], defaults={"nama": data["nama"], "jenis": data["jenis"]}
        )
        instansi[obj.slug] = obj
        if baru:
            dibuat.append(f"instansi {obj.nama}")
        with lingkup_instansi(obj):
            dibuat += _isi_instansi(obj, data)
    Pengguna = get_user_model()
    for slug, _peran, username, nama_jabatan, admin in AKUN_DEMO:
        if Pengguna.objects.filter(username=username).exists():
            continue
        if slug is None:
            Pengguna.objects.create_superuser(
                username=username, password=SANDI_DEMO, nama="Superadmin Platform"
            )
            dibuat.append(f"akun {username}")
            continue
        with lingkup_instansi(instansi[slug]):
            pegawai = _pegawai_untuk(nama_jabatan)
            pengguna = Pengguna.objects.create_user(
                username=username,
                password=SANDI_DEMO,
                nama=pegawai.nama_lengkap if pegawai else username,
                nip=pegawai.nip if pegawai else None,
                instansi=instansi[slug],
                admin_instansi=admin,
            )
            if pegawai is not None:
                pegawai.pengguna = pengguna
                pegawai.save(update_fields=["pengguna"])
        dibuat.append(f"akun {username}")
    for slug, username in PELAKSANA_KEPALA_DAERAH.items():
        with lingkup_instansi(instansi[slug]):
            dibuat += _tunjuk_pelaksana(username)
    return dibuat


def _tunjuk_pelaksana(username: str) -> list[str]:
    from .pengaturan import pengaturan_instansi

    pengaturan = pengaturan_instansi()
    pegawai = Pegawai.objects.filter(pengguna__username=username).first()
    if pegawai is None or pengaturan.pelaksana_kepala_daerah_id is not None:
        return []
    pengaturan.pelaksana_kepala_daerah = pegawai
    catat(pengaturan, None, f"Data demo: {pegawai.nama_lengkap} bertindak a.n. kepala daerah")
    pengaturan.save()
    return [f"{username} bertindak a.n. {pengaturan.jabatan_kepala_daerah}"]


def isi_skp_demo(tahun: int = 2026) -> list[str]:
    """A submitted SKP for pegawai.bekasi (so penilai.bekasi has one to review) and a
    draft for pegawai.karawang. Uses the SKP services, so every rule applies."""
    from skp import services as skp_services
    from skp.models import SKP

    Pengguna = get_user_model()
    dibuat = []
    for username, ajukan in (("pegawai.bekasi", True), ("pegawai.karawang", False)):
        pengguna = Pengguna.objects.filter(username=username).first()
        if pengguna is None:
            continue
        with lingkup_instansi(pengguna.instansi_id):
            pegawai = Pegawai.objects.filter(pengguna=pengguna).first()
            if pegawai is None or SKP.objects.filter(pegawai=pegawai, tahun=tahun).exists():
                continue
            skp = skp_services.skp_buat(
                pengguna=pengguna, pegawai=pegawai, tahun=tahun,
                pendekatan="kuantitatif", tanggal=date(tahun, 1, 5),
            )  # fmt: skip
            jabatan_penilai = skp.identitas.get("penilai", {}).get("jabatan", "")
            for teks, pimpinan, indikator in DEMO_RHK:
                rhk = skp_services.rhk_simpan(
                    pengguna=pengguna,
                    skp=skp,
                    data={
                        "teks": teks,
                        "penugasan_dari": jabatan_penilai,
                        "rhk_pimpinan_teks": pimpinan,
                    },
                )
                for iki, target, aspek in indikator:
                    skp_services.iki_simpan(
                        pengguna=pengguna,
                        rhk=rhk,
                        data={"teks": iki, "target": target, "aspek": aspek},
                    )
            for bagian, teks in DEMO_LAMPIRAN:
                skp_services.lampiran_tambah(pengguna=pengguna, skp=skp, bagian=bagian, teks=teks)
            if ajukan:
                skp_services.skp_ajukan(pengguna=pengguna, skp=skp)
            dibuat.append(f"SKP {tahun} {username}")
    return dibuat


DEMO_RHK = [
    (
        "Tersusunnya rekomendasi hasil penilaian kinerja pegawai tepat waktu",
        "Meningkatnya kualitas pengelolaan kinerja aparatur",
        [
            ("Jumlah rekomendasi penilaian yang disampaikan", "12 rekomendasi", ["kuantitas"]),
            ("Rekomendasi disampaikan 5 hari kerja setelah periode", "90%", ["waktu"]),
        ],
    ),
    (
        "Tersedianya data kinerja pegawai yang mutakhir",
        "Meningkatnya kualitas data kepegawaian",
        [("Persentase data kinerja pegawai yang dimutakhirkan", "95%", ["kualitas"])],
    ),
]  # fmt: skip
DEMO_LAMPIRAN = [
    ("dukungan", "Akses aplikasi kepegawaian dan data SKP seluruh perangkat daerah"),
    ("skema", "Hasil kerja dilaporkan setiap bulan berupa laporan rekapitulasi"),
    ("konsekuensi", "Apabila memenuhi ekspektasi pimpinan: penghargaan non materiil"),
]
