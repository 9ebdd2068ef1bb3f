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
