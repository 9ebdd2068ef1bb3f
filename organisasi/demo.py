"""Demo tenants and logins, created idempotently by `manage.py demo` (and `make run`).

All people are fictitious. The organisation of each tenant is filled in by
the Organisasi work; this module owns the tenants and the login accounts.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Instansi
from .tenancy import lingkup_instansi

SANDI_DEMO = "Demo#Kinerja2026"

INSTANSI_DEMO = [
    {"slug": "kota-bekasi-demo", "nama": "Kota Bekasi (demo)", "jenis": Instansi.Jenis.DAERAH},
    {
        "slug": "kabupaten-karawang-demo",
        "nama": "Kabupaten Karawang (demo)",
        "jenis": Instansi.Jenis.DAERAH,
    },
]

AKUN_DEMO = [
    # (instansi slug or None, peran, username, nama, nip, admin_instansi)
    (None, "Superadmin platform", "superadmin", "Superadmin Platform", None, False),
    (
        "kota-bekasi-demo",
        "Admin BKPSDM",
        "admin.bekasi",
        "Rina Kartika, S.Kom.",
        None,
        True,
    ),
    (
        "kota-bekasi-demo",
        "Pegawai",
        "pegawai.bekasi",
        "Dedi Kurniawan, S.E.",
        "198703122010011004",
        False,
    ),
    (
        "kabupaten-karawang-demo",
        "Admin BKD",
        "admin.karawang",
        "Sri Wahyuni, S.Sos.",
        None,
        True,
    ),
    (
        "kabupaten-karawang-demo",
        "Pegawai",
        "pegawai.karawang",
        "Agus Setiawan, A.Md.",
        "199001052015031002",
        False,
    ),
]

LOGIN_DEMO = [
    {
        "instansi": next((i["nama"] for i in INSTANSI_DEMO if i["slug"] == slug), "Platform"),
        "peran": peran,
        "username": username,
        "password": SANDI_DEMO,
    }
    for slug, peran, username, _nama, _nip, _admin in AKUN_DEMO
]


@transaction.atomic
def buat_demo() -> list[str]:
    """Create or refresh the demo tenants and accounts; returns what was created."""
    dibuat = []
    instansi = {}
    for data in INSTANSI_DEMO:
        obj, baru = Instansi.objects.update_or_create(
            slug=data["slug"], defaults={"nama": data["nama"], "jenis": data["jenis"]}
        )
        instansi[obj.slug] = obj
        if baru:
            dibuat.append(f"instansi {obj.nama}")
    Pengguna = get_user_model()
    for slug, _peran, username, nama, nip, admin in AKUN_DEMO:
        if Pengguna.objects.filter(username=username).exists():
            continue
        if slug is None:
            Pengguna.objects.create_superuser(username=username, password=SANDI_DEMO, nama=nama)
        else:
            with lingkup_instansi(instansi[slug]):
                Pengguna.objects.create_user(
                    username=username,
                    password=SANDI_DEMO,
                    nama=nama,
                    nip=nip,
                    instansi=instansi[slug],
                    admin_instansi=admin,
                )
        dibuat.append(f"akun {username}")
    return dibuat
