"""Documentation reminders on the shared timers and the home page: an employee whose SKP
is in force and who has documented nothing for the period is reminded before its last
working day, once; documenting silences it. A real worker runs the sweep."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from organisasi.beranda import kalender_instansi
from organisasi.models import Pemberitahuan
from organisasi.tasks import sapu_tenggat
from organisasi.tenancy import lingkup_instansi
from tests.factories import Org, akun, skp_contoh
from umpanbalik.tenggat import PENGINGAT, batas_periode

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def _hari_pengingat(org) -> tuple[date, date]:
    """The first reminder day and the due day of March 2026 on the agency's calendar."""
    with lingkup_instansi(org.instansi):
        kalender = kalender_instansi()
        batas = batas_periode(kalender, "bulanan", 2026, 3).tanggal
        return kalender.kurangi_hari_kerja(batas, PENGINGAT[0]), batas


def _kabar(org) -> list[tuple[str, int, str]]:
    with lingkup_instansi(org.instansi):
        return list(
            Pemberitahuan.objects.filter(kunci__startswith="umpanbalik-dokumentasi-").values_list(
                "kunci", "penerima_id", "tautan"
            )
        )


def test_pengingat_sekali_hanya_bagi_yang_belum_mendokumentasikan(org):
    skp = skp_contoh(org, status="ditetapkan")
    skp_contoh(org, pegawai=org.kasi, status="draf")  # not in force: no reminder
    hari, batas = _hari_pengingat(org)
    assert batas == date(2026, 3, 31)
    sapu_tenggat(org.instansi.pk, hari.isoformat())
    kabar = _kabar(org)
    assert [(p, t) for _, p, t in kabar] == [
        (org.staf.pk, reverse("dokumentasi", args=[skp.pk]) + "?periode=3")
    ]
    assert sapu_tenggat(org.instansi.pk, hari.isoformat())["pemberitahuan"] == 0
    with lingkup_instansi(org.instansi):
        judul, isi = Pemberitahuan.objects.values_list("judul", "isi").get(kunci=kabar[0][0])
    assert "Maret 2026" in judul and "31 Maret 2026" in isi


def test_sudah_didokumentasikan_tidak_diingatkan(client, org):
    skp = skp_contoh(org, status="ditetapkan")
    hari, _ = _hari_pengingat(org)
    client.force_login(akun(org, org.staf, "dedi"))
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        with lingkup_instansi(org.instansi):
            iki = skp.rhk.first().iki.first()
        resp = client.post(
            reverse("realisasi_tambah", args=[skp.pk]),
            {
                "periode": 3,
                "iki": iki.pk,
                "jenis": "progres",
                "uraian": "Lima simpang",
                "tautan": "https://x.example.go.id/a",
            },
        )
        assert resp.status_code == 302
    sapu_tenggat(org.instansi.pk, hari.isoformat())
    assert _kabar(org) == []


def test_beranda_meminta_dokumentasi_periode_berjalan(client, org):
    skp = skp_contoh(org, status="ditetapkan")
    client.force_login(akun(org, org.staf, "dedi"))
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        teks = client.get(reverse("beranda")).content.decode()
    assert "Dokumentasikan realisasi kinerja Maret 2026" in teks
    assert reverse("dokumentasi", args=[skp.pk]) + "?periode=3" in teks
    assert "Januari 2026, Februari 2026" in teks  # closed months left empty


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_worker_sungguhan_mengingatkan_tepat_sekali(worker_celery, org):
    """Documentation (to the employee) and scheduled feedback (to the rater, monthly per the
    SKP's skema pertanggungjawaban) are both due on 31 March: each reminded once."""
    skp = skp_contoh(org, status="ditetapkan")
    hari, _ = _hari_pengingat(org)
    hasil = [sapu_tenggat.delay(org.instansi.pk, hari.isoformat()).get(timeout=60) for _ in "12"]
    assert hasil[0]["pemberitahuan"] == 2 and hasil[1]["pemberitahuan"] == 0
    assert len(_kabar(org)) == 1
    with lingkup_instansi(org.instansi):
        berkala = list(
            Pemberitahuan.objects.filter(kunci__startswith="umpanbalik-berkala-").values_list(
                "penerima_id", "tautan"
            )
        )
    assert berkala == [(org.kasi.pk, reverse("umpan_balik_beri", args=[skp.pk]))]
