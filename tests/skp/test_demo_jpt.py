"""The demo reaches every format: JPT accounts with SKPs in different states, and the
Sekretaris Daerah acting for the kepala daerah in each demo agency. Idempotent."""

import pytest

from organisasi.demo import buat_demo
from organisasi.models import Instansi
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from skp.demo import isi_skp_demo, isi_skp_jpt_demo
from skp.models import SKP, ManualIndikator, MatriksPeranHasil, Status, Workblock

pytestmark = pytest.mark.django_db


def test_demo_jpt_setiap_format_dapat_dibuka():
    buat_demo()
    isi_skp_demo()
    assert len(isi_skp_jpt_demo()) == 4
    assert isi_skp_jpt_demo() == []
    assert buat_demo() == []
    formats = set()
    for slug, kepala_daerah, pelaksana in (
        ("kota-bekasi-demo", "Wali Kota Bekasi", "sekda.bekasi"),
        ("kabupaten-karawang-demo", "Bupati Karawang", "sekda.karawang"),
    ):
        with lingkup_instansi(Instansi.objects.get(slug=slug)):
            p = pengaturan_instansi()
            assert p.jabatan_kepala_daerah == kepala_daerah and p.nama_kepala_daerah
            assert p.pelaksana_kepala_daerah.pengguna.username == pelaksana
            for skp in SKP.objects.all():
                formats.add(skp.format)
                if skp.lampiran.exists():
                    formats.add("A.1.8")
            if ManualIndikator.objects.exists():
                formats.add("A.1.3")
            if Workblock.objects.exists():
                formats.add("A.1.4")
            if MatriksPeranHasil.objects.exists():
                formats.add("A.1.5")
            if slug == "kota-bekasi-demo":
                kadis = SKP.objects.get(pegawai__pengguna__username="kadis.bekasi")
                assert (kadis.format, kadis.status) == ("A.1.1", Status.DITANDATANGANI)
                assert kadis.penilai_kepala_daerah
                assert kadis.ditetapkan_oleh.pengguna.username == "sekda.bekasi"
                assert kadis.identitas["pelaksana"]["atas_nama"] == "Wali Kota Bekasi"
            else:
                kaban = SKP.objects.get(pegawai__pengguna__username="kaban.karawang")
                assert (kaban.format, kaban.status) == ("A.1.2", Status.DRAF)
                assert kaban.penilai_kepala_daerah
    assert formats == {f"A.1.{n}" for n in range(1, 9)}
