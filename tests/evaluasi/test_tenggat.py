"""The evaluation's deadlines on the shared timers (evaluasi/tenggat.py): reminders before
the window's end, the atasan's takeover after it (000:6439-6447, 8387-8395), the steps
without a stated consequence only notified (AMBIG-14); each exactly once; counted on the
agency's calendar across the February 2026 holidays (Mon 16 cuti bersama, Tue 17 Imlek);
and a real Celery worker doing the takeover once.

Monthly January 2026: the window is 24 January to Fri 13 February (10 working days after
31 January); 5 and 1 working days before it are Fri 6 and Thu 12 February; the first
working day after it is Wed 18 February.
"""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from evaluasi import services
from evaluasi.models import EvaluasiKinerja
from evaluasi.periode import Jenis, Periode
from organisasi.models import Pemberitahuan
from organisasi.tasks import sapu_tenggat
from organisasi.tenancy import lingkup_instansi

JANUARI = Periode(2026, Jenis.BULANAN, 1)
KODE = "2026-bulanan-1"


def _sapu(tim, hari: date) -> dict:
    return sapu_tenggat(tim.instansi.pk, hari.isoformat())


def _kunci(tim) -> dict:
    """The evaluation's notices (the SKP and documentation timers run beside them)."""
    with lingkup_instansi(tim.instansi):
        return dict(
            Pemberitahuan.objects.filter(kunci__startswith="evaluasi-").values_list(
                "kunci", "penerima_id"
            )
        )


def _evaluasi(tim):
    with lingkup_instansi(tim.instansi):
        return list(EvaluasiKinerja.objects.order_by("pk"))


def _harian(tim, mulai: date, akhir: date) -> dict[date, dict]:
    baru, sebelum, hari = {}, _kunci(tim), mulai
    while hari <= akhir:
        _sapu(tim, hari)
        sekarang = _kunci(tim)
        if tambahan := {k: v for k, v in sekarang.items() if k not in sebelum}:
            baru[hari] = tambahan
        sebelum, hari = sekarang, hari + timedelta(days=1)
    return baru


def test_pengingat_lalu_ambil_alih_melewati_hari_libur_tepat_sekali(tim):
    baru = _harian(tim, date(2026, 1, 20), date(2026, 2, 20))
    assert sorted(baru) == [date(2026, 2, 6), date(2026, 2, 12), date(2026, 2, 18)]
    assert baru[date(2026, 2, 6)] == {f"evaluasi-pengingat-{KODE}-{tim.kasi.pk}-5hk": tim.kasi.pk}
    assert baru[date(2026, 2, 12)] == {f"evaluasi-pengingat-{KODE}-{tim.kasi.pk}-1hk": tim.kasi.pk}
    (e,) = _evaluasi(tim)
    assert (e.status, e.final, e.pegawai_id) == ("diambil_alih", True, tim.staf.pk)
    assert baru[date(2026, 2, 18)] == {
        f"evaluasi-{e.pk}-ambil-alih-atasan": tim.kabid.pk,
        f"evaluasi-{e.pk}-ambil-alih-pegawai": tim.staf.pk,
        f"evaluasi-{e.pk}-ambil-alih-penilai": tim.kasi.pk,
    }
    with lingkup_instansi(tim.instansi):
        p = Pemberitahuan.objects.get(kunci=f"evaluasi-pengingat-{KODE}-{tim.kasi.pk}-1hk")
        a = Pemberitahuan.objects.get(kunci=f"evaluasi-{e.pk}-ambil-alih-atasan")
    assert "13 Februari 2026" in p.isi and "1 pegawai" in p.isi
    assert p.tautan == reverse("evaluasi_tim", args=[KODE])
    assert "D.1.2" in a.isi and a.tautan == reverse("evaluasi_kasus", args=[e.pk])
    # The next days add nothing; the same day again neither.
    assert _sapu(tim, date(2026, 2, 18))["eskalasi"] == 0
    assert len(_kunci(tim)) == 5


def test_yang_sudah_ditandatangani_tidak_diambil_alih(tim):
    with time_machine.travel("2026-02-05 09:00 +07:00", tick=False), lingkup_instansi(tim.instansi):
        e = services.evaluasi_nilai(
            pengguna=tim.akun_kasi, skp=tim.skp, periode=JANUARI, versi=0,
            rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai",
        )  # fmt: skip
        services.evaluasi_tandatangani(pengguna=tim.akun_kasi, evaluasi=e, versi=e.versi)
    _sapu(tim, date(2026, 2, 6))
    assert _sapu(tim, date(2026, 2, 18))["eskalasi"] == 0
    assert not [k for k in _kunci(tim) if "pengingat-2026-bulanan-1" in k]
    assert _evaluasi(tim)[0].status == "d11_ditandatangani"


def test_langkah_tanpa_akibat_hanya_diberitahukan(tim):
    """D.1.1 signed Thu 5 Feb and never delivered: due 14 working days later, Fri 27 Feb
    (16 and 17 Feb skipped); reminded 5 and 1 working days before; after it the rater and
    her atasan are told and nothing changes."""
    with time_machine.travel("2026-02-05 09:00 +07:00", tick=False), lingkup_instansi(tim.instansi):
        e = services.evaluasi_nilai(
            pengguna=tim.akun_kasi, skp=tim.skp, periode=JANUARI, versi=0,
            rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai",
        )  # fmt: skip
        e = services.evaluasi_tandatangani(pengguna=tim.akun_kasi, evaluasi=e, versi=e.versi)
    baru = _harian(tim, date(2026, 2, 6), date(2026, 3, 4))
    serah = {h: {k: v for k, v in d.items() if "d11_serah" in k} for h, d in baru.items()}
    serah = {h: d for h, d in serah.items() if d}
    assert serah == {
        date(2026, 2, 20): {f"evaluasi-{e.pk}-evaluasi.d11_serah-5hk": tim.kasi.pk},
        date(2026, 2, 26): {f"evaluasi-{e.pk}-evaluasi.d11_serah-1hk": tim.kasi.pk},
        date(2026, 3, 2): {
            f"evaluasi-{e.pk}-evaluasi.d11_serah-lewat-pelaku": tim.kasi.pk,
            f"evaluasi-{e.pk}-evaluasi.d11_serah-lewat-atasan": tim.kabid.pk,
        },
    }
    assert _evaluasi(tim)[0].status == "d11_ditandatangani"
    with lingkup_instansi(tim.instansi):
        p = Pemberitahuan.objects.get(kunci=f"evaluasi-{e.pk}-evaluasi.d11_serah-5hk")
    assert "paling lambat 27 Februari 2026" in p.isi
    assert "Imlek" in p.isi or "Tahun Baru" in p.isi  # the holiday skipped, by name


def test_halaman_kasus_menjelaskan_batas(client, tim):
    with time_machine.travel("2026-02-05 09:00 +07:00", tick=False):
        with lingkup_instansi(tim.instansi):
            e = services.evaluasi_nilai(
                pengguna=tim.akun_kasi, skp=tim.skp, periode=JANUARI, versi=0,
                rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai",
            )  # fmt: skip
            e = services.evaluasi_tandatangani(pengguna=tim.akun_kasi, evaluasi=e, versi=e.versi)
            e = services.evaluasi_serahkan(pengguna=tim.akun_kasi, evaluasi=e)
        client.force_login(tim.akun_staf)
        html = client.get(reverse("evaluasi_kasus", args=[e.pk])).content.decode()
    assert "Periksa hasil evaluasi di bawah, lalu tandatangani" in html
    assert "Tandatangani dan kembalikan" in html
    assert "Dihitung sejak penerimaan oleh pegawai pada Kamis, 5 Februari 2026" in html
    assert "Hari libur yang dilewati" in html


@pytest.mark.django_db(transaction=True)
def test_worker_sungguhan_mengambil_alih_sekali(worker_celery, tim):
    # The holidays after the window's end (Mon 16 cuti bersama, Tue 17 Imlek): nothing.
    for hari in ("2026-02-16", "2026-02-17"):
        assert sapu_tenggat.delay(tim.instansi.pk, hari).get(timeout=60)["eskalasi"] == 0
    assert _evaluasi(tim) == []
    hasil = [sapu_tenggat.delay(tim.instansi.pk, "2026-02-18").get(timeout=60) for _ in range(2)]
    assert hasil[0]["eskalasi"] == 1 and hasil[1]["eskalasi"] == 0
    assert hasil[1]["pemberitahuan"] == 0
    assert len([k for k in _kunci(tim) if "ambil-alih" in k]) == 3
    (e,) = _evaluasi(tim)
    assert (e.status, e.final, e.sebab_final) == ("diambil_alih", True, "atasan")
