"""Two real workers sweep the same agency at once and one is SIGKILLed mid-run; a final
run follows. Each reminder and each escalation happens exactly once.

To catch the workers mid-run deterministically, the test holds an uncommitted claim on
one SKP in the middle: each sweep commits the batches before it, then waits on that key.
Once both workers wait, one is killed; the test releases its claim; the survivor finishes.
"""

import os
import signal
import time
import uuid

import psycopg
import pytest
from django.db import transaction
from django.utils import timezone

from organisasi.models import LangkahTenggat, Pemberitahuan
from organisasi.tasks import sapu_tenggat
from organisasi.tenancy import lingkup_instansi
from scripts.bench_tenggat import HARI_ESKALASI, HARI_PENGINGAT, semai
from skp.models import SKP
from skp.services import ALASAN_ESKALASI
from skp.tenggat import PENETAPAN
from tests.conftest import _url_db_uji_pemilik, hentikan_worker, mulai_worker

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

JUMLAH_SKP = 60
BATCH = 5


class Batal(Exception):
    """Leaves the test's blocking transaction by rolling it back."""


@pytest.fixture
def dua_worker(django_db_setup, tmp_path_factory):
    """Two fresh workers per test: the test kills one."""
    antrean = f"uji-sapu-{uuid.uuid4().hex[:8]}"
    folder = tmp_path_factory.mktemp("sapu")
    proses = [
        mulai_worker(folder / f"worker{i}.log", antrean, KINERJA_TENGGAT_BATCH=str(BATCH))
        for i in (1, 2)
    ]
    yield antrean, proses
    for p in proses:
        if p.poll() is None:
            hentikan_worker(p)


def _menunggu_kunci(pemantau) -> int:
    return pemantau.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'"
    ).fetchone()[0]


def _langkah_selesai(pemantau, instansi_id, langkah) -> int:
    return pemantau.execute(
        "SELECT count(*) FROM organisasi_langkahtenggat WHERE instansi_id = %s AND jenis = %s "
        "AND langkah = %s",
        [instansi_id, PENETAPAN, langkah],
    ).fetchone()[0]


@pytest.mark.parametrize(
    ("hari", "langkah"),
    [(HARI_PENGINGAT, "pengingat-10hk"), (HARI_ESKALASI, "eskalasi")],
    ids=["pengingat", "eskalasi"],
)
def test_dua_sapuan_bersamaan_satu_dibunuh_lalu_diulang_tepat_sekali(dua_worker, hari, langkah):
    antrean, (korban, penyintas) = dua_worker
    instansi, kasi, kabid = semai(JUMLAH_SKP, status="diajukan")
    with lingkup_instansi(instansi):
        ids = list(SKP.objects.order_by("pk").values_list("pk", flat=True))
    tengah = ids[len(ids) // 2]
    args = (instansi.pk, hari.isoformat())

    # psycopg, autocommit, as the owner: sees every committed row and the live activity.
    with psycopg.connect(_url_db_uji_pemilik(), autocommit=True) as pemantau:
        try:
            with lingkup_instansi(instansi), transaction.atomic():
                LangkahTenggat.objects.create(
                    jenis=PENETAPAN,
                    putaran="2026",
                    langkah=langkah,
                    objek_id=tengah,
                    waktu=timezone.now(),
                )
                tugas = [sapu_tenggat.apply_async(args, queue=antrean) for _ in range(2)]
                batas = time.monotonic() + 90
                while _menunggu_kunci(pemantau) < 2 or not _langkah_selesai(
                    pemantau, instansi.pk, langkah
                ):
                    assert time.monotonic() < batas, "kedua sapuan tidak sampai ke tengah"
                    time.sleep(0.1)
                sebelum = _langkah_selesai(pemantau, instansi.pk, langkah)
                assert 0 < sebelum < JUMLAH_SKP  # mid-run: some batches done, not all
                os.kill(korban.pid, signal.SIGKILL)
                korban.wait(timeout=20)
                raise Batal
        except Batal:
            pass
        # The survivor finishes once the killed worker's backend and the test let go.
        batas = time.monotonic() + 90
        while not any(t.ready() for t in tugas):
            assert time.monotonic() < batas, "sapuan yang tersisa tidak selesai"
            time.sleep(0.2)
        assert sum(t.ready() for t in tugas) == 1  # the killed worker's never finished

    # A final run (the next day's beat, or the redelivered task) adds nothing.
    akhir = sapu_tenggat.apply_async(args, queue=antrean).get(timeout=60)
    assert akhir["eskalasi"] == 0 and akhir["pemberitahuan"] == 0
    assert penyintas.poll() is None

    with lingkup_instansi(instansi):
        selesai = list(
            LangkahTenggat.objects.filter(jenis=PENETAPAN, langkah=langkah).values_list(
                "objek_id", flat=True
            )
        )
        kunci = list(Pemberitahuan.objects.values_list("kunci", flat=True))
        eskalasi = SKP.objects.filter(dieskalasi_pada__isnull=False).count()
        riwayat = list(
            SKP.history.filter(history_change_reason=ALASAN_ESKALASI).values_list("id", flat=True)
        )
    assert sorted(selesai) == ids  # each SKP's step exactly once
    if langkah == "eskalasi":
        assert eskalasi == JUMLAH_SKP
        assert sorted(riwayat) == ids  # one audit row per escalated SKP
        assert len(kunci) == 3 * JUMLAH_SKP  # atasan, employee, rater
        assert {k.rsplit("-", 1)[0] for k in kunci} == {f"skp-eskalasi-{pk}" for pk in ids}
    else:
        assert eskalasi == 0 and riwayat == []
        # Employee and rater per SKP, and the two heads without an SKP of their own.
        assert len(kunci) == 2 * JUMLAH_SKP + 2
        assert {f"skp-pengingat-skp{pk}-2026-10hk-pegawai" for pk in ids} <= set(kunci)
        assert f"skp-pengingat-pegawai{kasi.pk}-2026-10hk" in kunci
