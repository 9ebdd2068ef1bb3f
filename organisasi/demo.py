"""Demo tenants, their organisations and logins: organisasi's part of `manage.py demo`
(and `make run`), created idempotently. All people are fictitious.

Only organisation data is made here; the apps built on organisasi add theirs on top
(skp/demo.py), and the `demo` command that composes them lives in skp, the app that
sits highest today (see docs/arsitektur.md).

- "Kota Bekasi (demo)": monthly periods, Plt/Plh rate automatically, TPP, Perangkat
  Daerah and BKPSDM, the rater table of Perwal 38/2023 Lampiran II.
- "Kabupaten Karawang (demo)": quarterly periods, national defaults, a smaller organisation.
"""

from datetime import date

from django.contrib.auth import get_user_model

from .audit import catat
from .models import Instansi, Pegawai, Penempatan
from .tenancy import lingkup_instansi, lingkup_platform

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
            "katalog_format": "perwal_bekasi",
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
        "JPT: Kepala Dinas (dinilai Wali Kota), SKP kuantitatif",
        "kadisdik.bekasi",
        "Kepala Dinas Pendidikan",
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
    from .demo_organisasi import (
        BEKASI,
        INDUK_KELOMPOK_BEKASI,
        KARAWANG,
        KELOMPOK_BEKASI,
        buat_struktur,
    )
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
        if bekasi:
            jumlah += buat_struktur(
                KELOMPOK_BEKASI,
                benih=2023,
                mulai=MULAI_DEMO,
                induk=UnitKerja.objects.get(nama=INDUK_KELOMPOK_BEKASI),
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


# Demo accounts of every agency are looked up by name, as the platform does.
@lingkup_platform()
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
