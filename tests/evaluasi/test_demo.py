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
    assert len(dibuat) == 5, dibuat
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
    _setiap_format_c_dan_d_terbuka()


def _setiap_format_c_dan_d_terbuka():
    """Every C format and D.1.1/D.1.2 opens from the Bekasi demo (D.1.3: the keberatan
    demo); C.1.2 rendered and read back. (Checked on the demo built above: building it
    takes most of a test's time.)"""
    from io import BytesIO

    from pypdf import PdfReader

    from evaluasi import dokumen

    with lingkup_instansi(Instansi.objects.get(slug="kota-bekasi-demo")):
        daftar = list(EvaluasiKinerja.objects.select_related("skp").order_by("pk"))
        format_c = {dokumen.format_c(e.skp): e for e in daftar}
        format_d = {dokumen.format_d(e): e for e in daftar}
        assert set(format_c) == {"C.1.1", "C.1.2", "C.1.3"}
        assert set(format_d) == {"D.1.1", "D.1.2"}
        e = format_c["C.1.2"]
        assert e.pegawai.pengguna.username == "kadisdik.bekasi"
        teks = " ".join(h.extract_text() for h in PdfReader(BytesIO(dokumen.pdf_hasil(e))).pages)
    assert "Angka partisipasi murni SMP" in teks and "PEJABAT PIMPINAN TINGGI" in teks.upper()
