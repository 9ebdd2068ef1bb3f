"""The ancestors of a unit in one query, root first, never crossing agencies."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisasi.models import UnitKerja
from organisasi.selectors import jalur_unit
from organisasi.tenancy import lingkup_instansi


def _rantai(kedalaman: int) -> list[UnitKerja]:
    rantai = [UnitKerja.objects.create(nama="Unit 0", jenis="dinas")]
    for k in range(1, kedalaman):
        rantai.append(UnitKerja.objects.create(nama=f"Unit {k}", jenis="bidang", induk=rantai[-1]))
    return rantai


def test_jalur_unit_satu_kueri_berapapun_kedalamannya(instansi_a):
    with lingkup_instansi(instansi_a):
        for kedalaman in (2, 7):
            rantai = _rantai(kedalaman)
            daun = UnitKerja.objects.get(pk=rantai[-1].pk)
            with CaptureQueriesContext(connection) as kueri:
                jalur = jalur_unit(daun)
            assert len(kueri) == 1
            assert [u.pk for u in jalur] == [u.pk for u in rantai]
            assert [u.nama for u in jalur] == [u.nama for u in rantai]
        akar = UnitKerja.objects.filter(induk__isnull=True).first()
        with CaptureQueriesContext(connection) as kueri:
            assert jalur_unit(akar) == [akar]
        assert len(kueri) == 0


def test_jalur_unit_tidak_menyeberang_instansi(instansi_a, instansi_b):
    with lingkup_instansi(instansi_b):
        asing = UnitKerja.objects.create(nama="Dinas Asing", jenis="dinas")
    with lingkup_instansi(instansi_a):
        anak = UnitKerja.objects.create(nama="Bidang A", jenis="bidang")
        # A corrupt row pointing at another agency's unit: the walk stops at our border.
        UnitKerja.objects.filter(pk=anak.pk).update(induk_id=asing.pk)
        anak.refresh_from_db()
        assert [u.nama for u in jalur_unit(anak)] == ["Bidang A"]
