"""The keberatan demo: one decided with a signed, archived D.1.3 and one in progress;
idempotent."""

import pytest

from evaluasi.demo_keberatan import isi_keberatan_demo
from evaluasi.models import Keberatan
from organisasi.demo import buat_demo
from organisasi.models import ArsipDokumen, Instansi
from organisasi.tenancy import lingkup_instansi
from skp.demo import isi_skp_demo

pytestmark = pytest.mark.django_db


def test_demo_keberatan_satu_berjalan_satu_diputuskan_dengan_d13():
    buat_demo()
    isi_skp_demo()
    dibuat = isi_keberatan_demo()
    assert len(dibuat) == 3  # the login and the two keberatan
    assert isi_keberatan_demo() == []
    instansi = Instansi.objects.get(slug="kabupaten-karawang-demo")
    with lingkup_instansi(instansi):
        status = sorted(Keberatan.objects.values_list("status", flat=True))
        assert status == ["d13_ditandatangani", "penjelasan_diberikan"]
        assert ArsipDokumen.objects.filter(jenis="D.1.3").count() == 1
        diubah = Keberatan.objects.get(status="d13_ditandatangani")
        assert (diubah.predikat, diubah.evaluasi.predikat) == ("sangat_baik", "baik")
