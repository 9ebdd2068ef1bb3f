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


def _potret_skp(instansi, skp):
    from skp.models import ButirLampiran, EkspektasiKhusus, IndikatorKinerjaIndividu
    from skp.models import RencanaHasilKerja as RHK

    with lingkup_instansi(instansi):
        return (
            SKP.objects.values_list("status", "ditetapkan_oleh_id", "catatan_penilai").get(
                pk=skp.pk
            ),
            list(RHK.objects.filter(skp=skp).values_list("pk", "jenis", "urutan", "teks")),
            IndikatorKinerjaIndividu.objects.filter(rhk__skp=skp).count(),
            EkspektasiKhusus.objects.filter(skp=skp).count(),
            ButirLampiran.objects.filter(skp=skp).count(),
            SKP.history.filter(id=skp.pk).count(),
        )


def _kiriman(org, skp) -> list[tuple[str, dict]]:
    """A POST to every SKP write endpoint, each with input its rightful actor may send."""
    with lingkup_instansi(org.instansi):
        rhk = skp.rhk.order_by("pk").first()
        iki = rhk.iki.order_by("pk").first()
        ekspektasi = skp.ekspektasi_khusus.get()
        butir = skp.lampiran.order_by("pk").first()
    rhk_baru = {
        "rhk-teks": "Titipan",
        "rhk-penugasan_dari": "Kepala Seksi Rekayasa",
        "rhk-rhk_pimpinan_teks": "Meningkatnya kelancaran lalu lintas kota",
    }
    lampiran = {"lampiran-bagian": "skema", "lampiran-teks": "Laporan mingguan"}
    harapan = {"ekspektasi-nilai": "adaptif", "ekspektasi-teks": "Cepat menyesuaikan diri"}
    return [
        (reverse("rhk_baru", args=[skp.pk]), rhk_baru),
        (reverse("rhk_ubah", args=[skp.pk, rhk.pk]), {**rhk_baru, "rhk-teks": "Diubah"}),
        (reverse("rhk_pindah", args=[skp.pk, rhk.pk]), {"arah": "bawah"}),
        (reverse("iki_hapus", args=[skp.pk, iki.pk]), {}),
        (reverse("lampiran_tambah", args=[skp.pk]), lampiran),
        (reverse("lampiran_hapus", args=[skp.pk, butir.pk]), {}),
        (reverse("rhk_prioritas", args=[skp.pk, rhk.pk]), {"jenis": "tambahan"}),
        (reverse("ekspektasi_tambah", args=[skp.pk]), harapan),
        (reverse("ekspektasi_hapus", args=[skp.pk, ekspektasi.pk]), {}),
        (reverse("skp_aksi", args=[skp.pk, "kembalikan"]), {"catatan": "Perbaiki"}),
        (reverse("skp_aksi", args=[skp.pk, "tetapkan"]), {}),
        (reverse("rhk_hapus", args=[skp.pk, rhk.pk]), {}),
    ]


def _kirim_semua(client, kiriman):
    for url, data in kiriman:
        resp = client.post(url, data, HTTP_HX_REQUEST="true")
        assert resp.status_code in (200, 302, 403, 404), url


@pytest.mark.parametrize("siapa", ["atasan", "kepala_lain", "rekan"])
def test_yang_hanya_membaca_tidak_mengubah_apa_pun(client, tim, siapa):
    """Reading is not acting: the atasan before escalation (and people who may not even
    read it) post to every SKP write endpoint and nothing changes."""
    org = tim["org"]
    for status in ("draf", "diajukan"):
        skp = skp_contoh(org, status=status, tahun=2026 if status == "draf" else 2025)
        sebelum = _potret_skp(org.instansi, skp)
        client.force_login(tim[siapa])
        _kirim_semua(client, _kiriman(org, skp))
        assert _potret_skp(org.instansi, skp) == sebelum


def test_kiriman_yang_sama_berlaku_bagi_yang_berhak(client, tim):
    """The control: the same posts from the owner (draft) and the rater (submitted) do
    change the SKP, so the test above proves refusal, not bad input."""
    org = tim["org"]
    draf = skp_contoh(org, tahun=2026)
    diajukan = skp_contoh(org, status="diajukan", tahun=2025)
    for pengguna, skp in ((tim["pemilik"], draf), (tim["penilai"], diajukan)):
        sebelum = _potret_skp(org.instansi, skp)
        client.force_login(pengguna)
        _kirim_semua(client, _kiriman(org, skp))
        sesudah = _potret_skp(org.instansi, skp)
        assert sesudah != sebelum
    assert "Titipan" in [teks for *_, teks in _potret_skp(org.instansi, draf)[1]]
    assert _potret_skp(org.instansi, diajukan)[0][0] == "dikembalikan"
