"""The evaluation demo: real cases in several states for the rater, employee and atasan
pages, made through the services, idempotent."""

from datetime import date

import pytest

from evaluasi.demo import isi_evaluasi_demo
from evaluasi.models import EvaluasiKinerja
from organisasi.demo import buat_demo
from organisasi.models import Instansi
from organisasi.tenancy import lingkup_instansi
from skp.demo import isi_skp_demo, isi_skp_jpt_demo

pytestmark = pytest.mark.django_db


def test_demo_evaluasi_berbagai_status_dan_idempoten():
    buat_demo()
    isi_skp_demo()
    isi_skp_jpt_demo()
    dibuat = isi_evaluasi_demo(date(2026, 11, 30))
    assert len(dibuat) == 4, dibuat
    assert isi_evaluasi_demo(date(2026, 11, 30)) == []
    bekasi = Instansi.objects.get(slug="kota-bekasi-demo")
    with lingkup_instansi(bekasi):
        status = dict(
            EvaluasiKinerja.objects.filter(
                pegawai__pengguna__username="pegawai.bekasi"
            ).values_list("periode_nomor", "status")
        )
        jpt = EvaluasiKinerja.objects.get(pegawai__pengguna__username="kadis.bekasi")
    # Today's period is October (the one just ended); the three before it are done,
    # delivered and taken over.
    assert status == {7: "dilaporkan", 8: "d11_diserahkan", 9: "diambil_alih"}
    assert (jpt.status, jpt.final, jpt.sebab_final) == ("d11_ditandatangani", True, "jpt_daerah")
