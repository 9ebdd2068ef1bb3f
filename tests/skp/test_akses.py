"""Who may open an SKP: the page, its PDF and the sidebar ask one helper
(`skp.selectors.skp_untuk_pengguna`, `menilai_bawahan`), so they agree for every role:
owner, rater, delegated rater, atasan pejabat penilai, colleague, admin, other agency."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from organisasi.models import DelegasiPenilai, Penempatan
from organisasi.tenancy import lingkup_instansi
from skp import selectors
from skp.models import SKP
from tests.factories import AWAL, Org, akun, skp_contoh

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _senin_2_maret_2026():
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        yield


@pytest.fixture
def tim(instansi_a):
    """Dedi (staff) is rated by Teguh (head of section), atasan Sari (head of division);
    Wulan heads another section; Rina is a colleague without a unit to lead."""
    org = Org(instansi_a)
    with lingkup_instansi(instansi_a):
        rina = org.orang("Rina")
        Penempatan.objects.create(pegawai=rina, jabatan=org.jabatan_staf2, mulai=AWAL)
    return {
        "org": org,
        "pemilik": akun(org, org.staf, "dedi"),
        "penilai": akun(org, org.kasi, "teguh"),
        "atasan": akun(org, org.kabid, "sari"),
        "kepala_lain": akun(org, org.kasi2, "wulan"),
        "rekan": akun(org, rina, "rina"),
        "admin": akun(org, org.kadis, "admin.dinas", admin=True),
        "rina": rina,
    }


def _menu(client) -> list[str]:
    resp = client.get(reverse("beranda"))
    return [i["label"] for i in resp.context["menu"]]


def _bisa_membuka(client, skp) -> tuple[int, int]:
    halaman = client.get(reverse("skp_detail", args=[skp.pk])).status_code
    pdf = client.get(reverse("skp_pdf", args=[skp.pk]))
    if pdf.status_code == 200:
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    return halaman, pdf.status_code


@pytest.mark.parametrize(
    ("siapa", "halaman_dan_pdf", "menu_bawahan", "di_daftar_bawahan"),
    [
        ("pemilik", (200, 200), False, False),
        ("penilai", (200, 200), True, True),
        ("atasan", (200, 200), True, True),
        ("kepala_lain", (404, 404), True, False),
        ("rekan", (404, 404), False, False),
        ("admin", (200, 200), True, False),  # the admin is the Kepala Dinas here
    ],
)
def test_halaman_pdf_dan_menu_sepakat(
    client, tim, siapa, halaman_dan_pdf, menu_bawahan, di_daftar_bawahan
):
    skp = skp_contoh(tim["org"], status="diajukan")
    client.force_login(tim[siapa])
    assert _bisa_membuka(client, skp) == halaman_dan_pdf
    assert ("SKP bawahan" in _menu(client)) is menu_bawahan
    assert "SKP saya" in _menu(client)
    daftar = client.get(reverse("skp_bawahan")).content.decode()
    assert (f'href="{reverse("skp_detail", args=[skp.pk])}"' in daftar) is di_daftar_bawahan
    with lingkup_instansi(tim["org"].instansi):
        terlihat = selectors.skp_untuk_pengguna(tim[siapa]).filter(pk=skp.pk).exists()
    assert terlihat is (halaman_dan_pdf == (200, 200))


def test_instansi_lain_tidak_melihat_apa_pun(client, tim, pegawai_b, admin_b):
    skp = skp_contoh(tim["org"], status="diajukan")
    for pengguna in (pegawai_b, admin_b):
        client.force_login(pengguna)
        assert _bisa_membuka(client, skp) == (404, 404)
        assert "SKP bawahan" not in _menu(client)
        daftar = client.get(reverse("skp_bawahan")).content.decode()
        assert reverse("skp_detail", args=[skp.pk]) not in daftar


def test_atasan_membaca_saja_sampai_eskalasi(client, tim):
    skp = skp_contoh(tim["org"], status="diajukan")
    client.force_login(tim["atasan"])
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "Anda atasan pejabat penilai untuk SKP ini dan dapat membacanya" in isi
    assert "Tetapkan SKP" not in isi
    daftar = client.get(reverse("skp_bawahan")).content.decode()
    assert "Atasan pejabat penilai" in daftar and "menunggu Anda" not in daftar
    resp = client.post(reverse("skp_aksi", args=[skp.pk, "tetapkan"]), follow=True)
    assert "tidak berwenang" in resp.content.decode()
    with lingkup_instansi(tim["org"].instansi):
        assert SKP.objects.get(pk=skp.pk).status == "diajukan"
        SKP.objects.filter(pk=skp.pk).update(dieskalasi_pada=timezone.now())
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "Tetapkan SKP" in isi and "dapat membacanya" not in isi
    assert "menunggu Anda" in client.get(reverse("skp_bawahan")).content.decode()


def test_penilai_delegasi_bukan_kepala_unit(client, tim):
    """Rina heads no unit; a delegation names her Dedi's rater. She gets the menu as soon
    as the delegation is in force, Dedi's new SKP names her, and she may open and set it."""
    org = tim["org"]
    client.force_login(tim["rekan"])
    assert "SKP bawahan" not in _menu(client)
    with lingkup_instansi(org.instansi):
        DelegasiPenilai.objects.create(
            pegawai=org.staf, penilai=tim["rina"], atasan_penilai=org.kabid,
            mulai=date(2026, 2, 1), dasar="SK Kepala Dinas 800/12",
        )  # fmt: skip
    assert "SKP bawahan" in _menu(client)
    assert "Belum ada SKP bawahan" in client.get(reverse("skp_bawahan")).content.decode()

    client.force_login(tim["pemilik"])
    resp = client.post(reverse("skp_saya"), {"tahun": 2026, "pendekatan": "kuantitatif"})
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        skp = SKP.objects.get(pegawai=org.staf)
        assert skp.penilai_id == tim["rina"].pk
        SKP.objects.filter(pk=skp.pk).update(status="diajukan")

    client.force_login(tim["rekan"])
    assert _bisa_membuka(client, skp) == (200, 200)
    daftar = client.get(reverse("skp_bawahan")).content.decode()
    assert reverse("skp_detail", args=[skp.pk]) in daftar and "menunggu Anda" in daftar
    # The section head is no longer Dedi's rater for this SKP, and acts on nothing.
    client.force_login(tim["penilai"])
    assert _bisa_membuka(client, skp) == (404, 404)


def test_delegasi_berakhir_menu_hilang(client, tim):
    org = tim["org"]
    with lingkup_instansi(org.instansi):
        DelegasiPenilai.objects.create(
            pegawai=org.staf, penilai=tim["rina"], mulai=date(2026, 1, 2),
            selesai=date(2026, 2, 27), dasar="SK 800/1",
        )  # fmt: skip
    client.force_login(tim["rekan"])
    assert "SKP bawahan" not in _menu(client)  # ended on Friday 27 February
    with lingkup_instansi(org.instansi):
        assert selectors.menilai_bawahan(tim["rekan"], date(2026, 2, 27))


def test_menu_satu_kueri(tim, django_assert_num_queries):
    from skp.menu import menu_skp

    with lingkup_instansi(tim["org"].instansi), django_assert_num_queries(1):
        assert menu_skp(tim["atasan"]) == [("SKP saya", "skp_saya"), ("SKP bawahan", "skp_bawahan")]
