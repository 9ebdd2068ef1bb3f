from datetime import date

import pytest

from tests.factories import Org, akun, skp_contoh


@pytest.fixture
def tim(instansi_a):
    """Kepala Seksi Teguh rates Dedi (signed SKP 2026); Sari (Kepala Bidang) is atasan."""
    org = Org(instansi_a)
    org.skp = skp_contoh(org, status="ditandatangani")
    org.akun_kasi = akun(org, org.kasi, "teguh")
    org.akun_kabid = akun(org, org.kabid, "sari")
    org.akun_staf = akun(org, org.staf, "dedi")
    org.akun_kasi2 = akun(org, org.kasi2, "wulan")
    # A Bekasi-like agency: monthly periodic evaluation (Perwal 38/2023, 003:335).
    from organisasi.pengaturan import pengaturan_instansi
    from organisasi.tenancy import lingkup_instansi

    with lingkup_instansi(instansi_a):
        pengaturan = pengaturan_instansi()
        pengaturan.periode_evaluasi = "bulanan"
        pengaturan.save()
    return org


def skp_lain(org, *, nama="Ayu", status="ditandatangani", tugas_belajar=False):
    """Another pegawai in the second Seksi, rated by the Kepala Bidang, with her SKP in
    `status` (set in one UPDATE from draft, as the locked-SKP trigger allows)."""
    from organisasi.models import Penempatan
    from organisasi.tenancy import lingkup_instansi
    from skp.models import SKP
    from tests.factories import AWAL

    with lingkup_instansi(org.instansi):
        pegawai = org.orang(nama)
        Penempatan.objects.create(pegawai=pegawai, jabatan=org.jabatan_staf2, mulai=AWAL)
    skp = skp_contoh(org, pegawai=pegawai)
    with lingkup_instansi(org.instansi):
        SKP.objects.filter(pk=skp.pk).update(status=status, tugas_belajar=tugas_belajar)
        skp.refresh_from_db()
    return skp


def tim_besar(org, n: int, *, awal: int = 0):
    """`n` more pegawai in the Seksi, each with a signed SKP rated by the Kepala Seksi,
    made with bulk inserts (a team of 500 in seconds)."""
    from organisasi.models import Pegawai, Penempatan
    from organisasi.tenancy import lingkup_instansi
    from skp.models import SKP
    from tests.factories import AWAL

    with lingkup_instansi(org.instansi):
        pegawai = Pegawai.objects.bulk_create(
            [
                Pegawai(
                    instansi=org.instansi,
                    nip=f"1990010120200{awal + i:05d}",
                    nama=f"Anggota {awal + i:03d}",
                    status="pns",
                    golongan="II/c",
                )  # fmt: skip
                for i in range(n)
            ]
        )
        penempatan = Penempatan.objects.bulk_create(
            [
                Penempatan(instansi=org.instansi, pegawai=p, jabatan=org.jabatan_staf, mulai=AWAL)
                for p in pegawai
            ]
        )
        SKP.objects.bulk_create(
            [
                SKP(
                    instansi=org.instansi,
                    pegawai=p,
                    penempatan=pn,
                    tahun=2026,
                    nomor_seri=900000 + awal + i,
                    periode_mulai=date(2026, 1, 2),
                    periode_selesai=date(2026, 12, 31),
                    kelompok="admin_jf",
                    pendekatan="kuantitatif",
                    status="ditandatangani",
                    penilai=org.kasi,
                    atasan_penilai=org.kabid,
                )  # fmt: skip
                for i, (p, pn) in enumerate(zip(pegawai, penempatan, strict=True))
            ]
        )
