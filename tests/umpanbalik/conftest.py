"""A team around one set SKP: the rater, the atasan, another unit's head, a peer, a
subordinate's view, and a non-structural group with its JF ketua kelompok."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from organisasi.models import Jabatan, Penempatan, UnitKerja
from organisasi.tenancy import lingkup_instansi
from tests.factories import AWAL, Org, akun, skp_contoh


@pytest.fixture
def senin_16_maret_2026():
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        yield


@pytest.fixture
def regu(instansi_a, senin_16_maret_2026):
    org = Org(instansi_a)
    with lingkup_instansi(instansi_a):
        rina = org.orang("Rina")
        Penempatan.objects.create(pegawai=rina, jabatan=org.jabatan_staf2, mulai=AWAL)
        kelompok = UnitKerja.objects.create(
            nama="Kelompok Substansi Manajemen Lalu Lintas",
            jenis="nonstruktural",
            induk=org.bidang,
        )
        ketua = org.kepala(kelompok, "Ketua Kelompok Substansi", "fungsional", "Nina")
        jf = Jabatan.objects.create(
            nama="Analis Lalu Lintas Ahli Pertama",
            unit=kelompok,
            jenis="fungsional",
            jenjang="ahli_pertama",
        )
        fajar = org.orang("Fajar")
        Penempatan.objects.create(pegawai=fajar, jabatan=jf, mulai=AWAL)
    skp = skp_contoh(org, status="ditetapkan")
    return {
        "org": org,
        "skp": skp,
        "skp_kasi": skp_contoh(org, pegawai=org.kasi, status="ditetapkan"),
        "skp_fajar": skp_contoh(org, pegawai=fajar, status="ditetapkan"),
        "dedi": akun(org, org.staf, "dedi"),
        "teguh": akun(org, org.kasi, "teguh"),
        "sari": akun(org, org.kabid, "sari"),
        "wulan": akun(org, org.kasi2, "wulan"),
        "rina": akun(org, rina, "rina"),
        "nina": akun(org, ketua, "nina"),
        "fajar": akun(org, fajar, "fajar"),
    }
