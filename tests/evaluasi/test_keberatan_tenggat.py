"""Keberatan deadlines on the shared timers: reminders before K1, K2 and K3, each once;
the missed decision (K2) flagged for the agency admin by a real worker, never decided;
the home page items of each party."""

from datetime import date

import pytest
from django.urls import reverse

from evaluasi import services_keberatan as layanan
from evaluasi.models import Keberatan
from organisasi.models import Pemberitahuan
from organisasi.tasks import sapu_tenggat
from organisasi.tenancy import lingkup_instansi
from tests.evaluasi.bantuan_keberatan import ajukan, di, evaluasi_diserahkan, jalankan, pukul
from tests.factories import akun

pytestmark = pytest.mark.django_db


def _sapu(org, hari: str) -> dict:
    """The keberatan timers only (other apps' reminders are theirs to test)."""
    from datetime import datetime

    from evaluasi.tenggat_keberatan import KEPUTUSAN, PELAPORAN, PENGAJUAN
    from organisasi.tenggat import sapu

    waktu = datetime.fromisoformat(hari + "T09:00+07:00")
    hasil = sapu(org.instansi.pk, date.fromisoformat(hari), waktu,
                 kode=[PENGAJUAN, KEPUTUSAN, PELAPORAN])  # fmt: skip
    return hasil.sebagai_dict()


def _kabar(org, awalan="keberatan-"):
    with lingkup_instansi(org.instansi):
        return sorted(
            Pemberitahuan.objects.filter(kunci__startswith=awalan).values_list(
                "kunci", "penerima_id"
            )
        )


def test_pengingat_k1_sekali_sebelum_hari_terakhir(tim):
    e = evaluasi_diserahkan(tim)  # K1: 24 February; reminder 3 working days before
    assert _sapu(tim, "2026-02-18")["pemberitahuan"] == 0
    assert _sapu(tim, "2026-02-19")["pemberitahuan"] == 1
    assert _sapu(tim, "2026-02-20")["pemberitahuan"] == 0
    assert _kabar(tim, "keberatan-pengajuan") == [(f"keberatan-pengajuan-e{e.pk}-3hk", tim.staf.pk)]


def test_pengingat_k2_dan_penandaan_terlambat_tanpa_keputusan(tim, admin_a):
    from organisasi.models import Pegawai

    with lingkup_instansi(tim.instansi):
        petugas = tim.orang("Admin BKPSDM")
        Pegawai.objects.filter(pk=petugas.pk).update(pengguna=admin_a)
    k = ajukan(tim, tim.akun_staf, evaluasi_diserahkan(tim), pada=pukul(2026, 2, 10))
    # K2: 7 working days from 10 Feb = 23 Feb (Imlek 16-17 skipped); reminders on 18 and 20.
    assert _sapu(tim, "2026-02-18")["pemberitahuan"] == 2  # atasan + rater
    assert _sapu(tim, "2026-02-23")["eskalasi"] == 0
    hasil = _sapu(tim, "2026-02-24")
    assert hasil["eskalasi"] == 1
    assert _sapu(tim, "2026-02-25")["eskalasi"] == 0  # once
    with lingkup_instansi(tim.instansi):
        k = Keberatan.objects.get(pk=k.pk)
        assert k.status == "penjelasan_diminta" and k.keputusan == ""  # never decided
        assert k.keputusan_terlambat_pada is not None
        assert "terlampaui" in k.history.order_by("-history_id").first().history_change_reason
    terlambat = {p for kunci, p in _kabar(tim, f"keberatan-{k.pk}-terlambat")}
    assert terlambat == {tim.kabid.pk, tim.staf.pk, petugas.pk}
    # The admin's page and home show it; the atasan can still decide.
    from django.test import Client

    c = Client()
    c.force_login(admin_a, backend="organisasi.auth.NipAtauUsernameBackend")
    with di(pukul(2026, 2, 25)):
        isi = c.get(reverse("keberatan_daftar")).content.decode()
        assert "Belum diputuskan melewati 7 hari kerja (1)" in isi
        assert (
            "1 keberatan belum diputuskan melewati 7 hari kerja"
            in c.get(reverse("beranda")).content.decode()
        )
    k = jalankan(tim, pukul(2026, 2, 25), layanan.keberatan_putuskan, pengguna=tim.akun_kabid,
                 keberatan=k, versi=k.versi, keputusan="menguatkan",
                 rekomendasi="Tetap.")  # fmt: skip
    assert k.status == "dikuatkan"


def test_pengingat_k3_pelaporan_d13(tim):
    k = ajukan(tim, tim.akun_staf, evaluasi_diserahkan(tim))
    k = jalankan(tim, pukul(2026, 2, 11), layanan.keberatan_putuskan, pengguna=tim.akun_kabid,
                 keberatan=k, versi=k.versi, keputusan="mengubah", rekomendasi="Naik.",
                 rating_hasil_kerja="diatas", rating_perilaku_kerja="sesuai")  # fmt: skip
    # K3: 30 working days from the window's end (13 Feb) = 8 April; reminders 5 (31 March,
    # Good Friday skipped) and 1 working day before.
    hasil = [_sapu(tim, h)["pemberitahuan"]
             for h in ("2026-03-30", "2026-03-31", "2026-04-07", "2026-04-08")]  # fmt: skip
    assert hasil == [0, 1, 1, 0]
    assert [p for _, p in _kabar(tim, f"keberatan-{k.pk}-pelaporan")] == [tim.kabid.pk] * 2


def test_beranda_setiap_pihak(client, tim):
    e = evaluasi_diserahkan(tim)

    def beranda(pengguna):
        client.force_login(pengguna, backend="organisasi.auth.NipAtauUsernameBackend")
        return client.get(reverse("beranda")).content.decode()

    with di(pukul(2026, 2, 10)):
        assert "Keberatan atas evaluasi Januari 2026 dapat diajukan" in beranda(tim.akun_staf)
    k = ajukan(tim, tim.akun_staf, e)
    with di(pukul(2026, 2, 11)):
        assert "Berikan penjelasan atas keberatan Dedi" in beranda(tim.akun_kasi)
        assert "Putuskan keberatan Dedi" in beranda(tim.akun_kabid)
        assert "dapat diajukan" not in beranda(tim.akun_staf)
        with lingkup_instansi(tim.instansi):
            rekan = akun(tim, tim.orang("Rekan"), "rekan")
        isi = beranda(rekan)
        assert "Putuskan keberatan" not in isi and "penjelasan atas keberatan" not in isi
    k = jalankan(tim, pukul(2026, 2, 11), layanan.keberatan_putuskan, pengguna=tim.akun_kabid,
                 keberatan=k, versi=k.versi, keputusan="mengubah", rekomendasi="Naik.",
                 rating_hasil_kerja="diatas", rating_perilaku_kerja="sesuai")  # fmt: skip
    with di(pukul(2026, 2, 12)):
        for pengguna in (tim.akun_staf, tim.akun_kasi, tim.akun_kabid):
            assert "Tandatangani dokumen evaluasi D.1.3" in beranda(pengguna)


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_worker_sungguhan_menandai_keputusan_terlambat_sekali(worker_celery, tim):
    k = ajukan(tim, tim.akun_staf, evaluasi_diserahkan(tim), pada=pukul(2026, 2, 10))
    hasil = [sapu_tenggat.delay(tim.instansi.pk, "2026-02-24").get(timeout=60) for _ in "12"]
    assert hasil[0]["eskalasi"] == 1 and hasil[1]["eskalasi"] == 0
    with lingkup_instansi(tim.instansi):
        k = Keberatan.objects.get(pk=k.pk)
        assert k.keputusan_terlambat_pada is not None and k.status == "penjelasan_diminta"
        riwayat = k.history.order_by("-history_id").first()
    assert riwayat.history_user_id is None  # the system, not a person
    assert date(2026, 2, 24) >= k.tanggal_pengajuan
