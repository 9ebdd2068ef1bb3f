"""The rater's scheduled (berkala) feedback on the shared timers and the home page: the
cadence comes from the SKP's skema pertanggungjawaban; the rater is reminded before the
cadence period's last working day, once, until scheduled feedback is recorded in it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from organisasi.beranda import kalender_instansi
from organisasi.models import Pemberitahuan
from organisasi.tasks import sapu_tenggat
from organisasi.tenancy import lingkup_instansi
from skp.models import SKP, ButirLampiran
from tests.factories import Org, akun, skp_contoh
from umpanbalik import services
from umpanbalik.tenggat import PENGINGAT_BERKALA, batas_berkala

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def _hari(org, jenis, nomor) -> tuple[date, date]:
    with lingkup_instansi(org.instansi):
        kalender = kalender_instansi()
        batas = batas_berkala(kalender, jenis, 2026, nomor).tanggal
        return kalender.kurangi_hari_kerja(batas, PENGINGAT_BERKALA[0]), batas


def _kabar(org):
    with lingkup_instansi(org.instansi):
        return list(
            Pemberitahuan.objects.filter(kunci__startswith="umpanbalik-berkala-").values_list(
                "penerima_id", "tautan", "judul"
            )
        )


def _skp_dengan_skema(org, pegawai, teks):
    """A set SKP whose skema pertanggungjawaban says `teks` (written while still a draft)."""
    skp = skp_contoh(org, pegawai=pegawai, status="draf")
    with lingkup_instansi(org.instansi):
        ButirLampiran.objects.filter(skp=skp, bagian="skema").update(teks=teks)
        SKP.objects.filter(pk=skp.pk).update(status="ditetapkan")
    return skp


def _beri(pengguna, skp, sifat, waktu):
    with time_machine.travel(waktu, tick=False), lingkup_instansi(skp.instansi_id):
        rhk = skp.rhk.first()
        services.umpan_balik_beri(
            pengguna=pengguna,
            skp=skp,
            sifat=sifat,
            cara="langsung",
            tentang=f"rhk-{rhk.pk}",
            arah="positif",
            teks="Progres sesuai rencana aksi.",
        )


def test_penilai_diingatkan_sekali_sesuai_kadensi_skema(org):
    """Monthly skema: reminded in February; quarterly skema: not until the quarter's end."""
    bulanan = skp_contoh(org, status="ditetapkan")  # "Dilaporkan setiap bulan ..."
    _skp_dengan_skema(org, org.kasi, "Laporan capaian setiap triwulan")  # rated by Sari
    hari, batas = _hari(org, "bulanan", 2)
    assert batas == date(2026, 2, 27)
    sapu_tenggat(org.instansi.pk, hari.isoformat())
    assert [(p, t) for p, t, _ in _kabar(org)] == [
        (org.kasi.pk, reverse("umpan_balik_beri", args=[bulanan.pk]))
    ]
    assert "Dedi" in _kabar(org)[0][2]
    assert sapu_tenggat(org.instansi.pk, hari.isoformat())["pemberitahuan"] == 0

    hari_q, batas_q = _hari(org, "triwulanan", 1)
    assert batas_q == date(2026, 3, 31)
    sapu_tenggat(org.instansi.pk, hari_q.isoformat())
    penerima = {p for p, _, _ in _kabar(org)}
    assert org.kabid.pk in penerima  # Sari, for Teguh's quarterly schedule


def test_berkala_dari_penilai_membungkam_insidentil_tidak(org):
    skp = skp_contoh(org, status="ditetapkan")
    teguh = akun(org, org.kasi, "teguh")
    hari, _ = _hari(org, "bulanan", 3)
    jakarta = ZoneInfo("Asia/Jakarta")
    _beri(teguh, skp, "insidentil", datetime(2026, 3, 10, 9, tzinfo=jakarta))
    _beri(teguh, skp, "berkala", datetime(2026, 2, 10, 9, tzinfo=jakarta))  # last month's
    sapu_tenggat(org.instansi.pk, hari.isoformat())
    assert len(_kabar(org)) == 1
    with lingkup_instansi(org.instansi):
        Pemberitahuan.objects.filter(kunci__startswith="umpanbalik-berkala-").delete()
    _beri(teguh, skp, "berkala", datetime(2026, 3, 12, 9, tzinfo=jakarta))
    sapu_tenggat(org.instansi.pk, hari.isoformat())
    assert _kabar(org) == []


def test_beranda_penilai_menyebut_umpan_balik_berkala(client, org):
    skp = skp_contoh(org, status="ditetapkan")
    teguh = akun(org, org.kasi, "teguh")
    client.force_login(teguh)
    jakarta = ZoneInfo("Asia/Jakarta")
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=jakarta)):
        teks = client.get(reverse("beranda")).content.decode()
    assert "Berikan umpan balik berkala Maret 2026" in teks
    assert reverse("umpan_balik_beri", args=[skp.pk]) in teks
    _beri(teguh, skp, "berkala", datetime(2026, 3, 16, 10, tzinfo=jakarta))
    with time_machine.travel(datetime(2026, 3, 16, 11, tzinfo=jakarta)):
        teks = client.get(reverse("beranda")).content.decode()
    assert "Berikan umpan balik berkala" not in teks
