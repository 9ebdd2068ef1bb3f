"""The daily deadline sweep (organisasi.tenggat) at 10,000 and 100,000 open SKPs.

Two sweeps per size, like two days of the SKP January deadline: the 10-working-day
reminder (Thu 15 Jan 2026: a notice to the employee and to the rater for every open SKP)
and the escalation (Mon 2 Feb 2026: every open SKP escalated, its history row written,
three notices). Reported per sweep: time, queries, batches, queries per batch; then the
ratio of the two sizes' times (target at most 12 for ten times the items) and whether the
queries per batch stayed the same.

Protocol: `jalankan(kecil)` returns a Markdown section (scripts/bench.py writes
docs/benchmarks.md). Seeds its own agency (unique slug) with bulk_create, ANALYZEs, then
measures. Run alone against a throwaway database:

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/kinerja \
        .venv/bin/python scripts/bench_tenggat.py [--kecil]
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

HARI_PENGINGAT = date(2026, 1, 15)  # 10 working days before Fri 30 Jan 2026
HARI_ESKALASI = date(2026, 2, 2)  # the first working day after it
UKURAN = {True: (50, 200), False: (10_000, 100_000)}
UKURAN_KECIL_BATCH = 20


def semai(n: int, *, status: str = "draf", tahun: int = 2026):
    """A new agency whose Kepala Seksi rates `n` staff, each with an open first-version
    SKP of `tahun`; bulk_create throughout. Returns (instansi, kasi, kabid)."""
    from organisasi.models import Instansi, Jabatan, Pegawai, Penempatan, UnitKerja
    from organisasi.tenancy import lingkup_instansi
    from skp.models import SKP

    slug = f"bench-tenggat-{uuid.uuid4().hex[:8]}"
    instansi = Instansi.objects.create(nama=f"Kota Bench Tenggat {slug[-8:]}", slug=slug)
    awal = date(tahun, 1, 2)
    with lingkup_instansi(instansi):
        bidang = UnitKerja.objects.create(nama="Bidang Bench", jenis="bidang")
        seksi = UnitKerja.objects.create(nama="Seksi Bench", jenis="seksi", induk=bidang)
        j_kabid = Jabatan.objects.create(
            nama="Kepala Bidang", unit=bidang, jenis="administrator", kepala_unit=True
        )
        j_kasi = Jabatan.objects.create(
            nama="Kepala Seksi", unit=seksi, jenis="pengawas", kepala_unit=True
        )
        j_staf = Jabatan.objects.create(nama="Pelaksana", unit=seksi, jenis="pelaksana")
        orang = Pegawai.objects.bulk_create(
            [
                Pegawai(
                    instansi=instansi,
                    nip=f"{198001010000000000 + i}",
                    nama=f"Pegawai {i}",
                    status="pns",
                    golongan="III/a",
                )
                for i in range(n + 2)
            ],
            batch_size=5000,
        )
        kabid, kasi, staf = orang[0], orang[1], orang[2:]
        penempatan = Penempatan.objects.bulk_create(
            [
                Penempatan(instansi=instansi, pegawai=p, jabatan=j, mulai=awal)
                for p, j in [(kabid, j_kabid), (kasi, j_kasi), *((s, j_staf) for s in staf)]
            ],
            batch_size=5000,
        )
        SKP.objects.bulk_create(
            [
                SKP(
                    instansi=instansi,
                    pegawai=s,
                    penempatan=pn,
                    tahun=tahun,
                    nomor_seri=i + 1,
                    periode_mulai=awal,
                    periode_selesai=date(tahun, 12, 31),
                    kelompok="admin_jf",
                    pendekatan="kuantitatif",
                    status=status,
                    penilai=kasi,
                    atasan_penilai=kabid,
                )
                for i, (s, pn) in enumerate(zip(staf, penempatan[2:], strict=True))
            ],
            batch_size=5000,
        )
    return instansi, kasi, kabid


def _analisis() -> None:
    """ANALYZE as the owner when the runner says how (the app role may not)."""
    url = os.environ.get("KINERJA_BENCH_URL_PEMILIK")
    if not url:
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as koneksi:
        koneksi.execute("ANALYZE")


def ukur_sapu(instansi_id: int, hari: date) -> dict:
    """One sweep of one agency's timers on `hari`: time, queries, batches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisasi.tenggat import sapu

    waktu = datetime.combine(hari, datetime.min.time(), tzinfo=UTC)
    with CaptureQueriesContext(connection) as kueri:
        mulai = time.perf_counter()
        hasil = sapu(instansi_id, hari, waktu)
        detik = time.perf_counter() - mulai
    return {
        "detik": detik,
        "kueri": len(kueri),
        "batch": hasil.batch,
        "pemberitahuan": hasil.pemberitahuan,
        "eskalasi": hasil.eskalasi,
    }


def jalankan(kecil: bool) -> str:
    from django.conf import settings

    if kecil:
        settings.TENGGAT_UKURAN_BATCH = UKURAN_KECIL_BATCH
    batch = settings.TENGGAT_UKURAN_BATCH
    hasil = {}
    for n in UKURAN[kecil]:
        instansi, _, _ = semai(n)
        _analisis()
        hasil[n] = {
            "pengingat": ukur_sapu(instansi.pk, HARI_PENGINGAT),
            "eskalasi": ukur_sapu(instansi.pk, HARI_ESKALASI),
        }
    kecil_n, besar_n = UKURAN[kecil]
    baris = [
        "## Sapuan tenggat (pengingat dan eskalasi SKP)",
        "",
        f"- Ukuran batch: {batch} objek per transaksi (`TENGGAT_UKURAN_BATCH`).",
        f"- Pengingat: {HARI_PENGINGAT.isoformat()} (10 hari kerja sebelum batas 30 Januari "
        f"2026), dua pemberitahuan per SKP. Eskalasi: {HARI_ESKALASI.isoformat()}, tiga "
        "pemberitahuan dan satu baris riwayat per SKP.",
        "- Setiap batch: pilih id berikutnya, klaim langkah (INSERT ... ON CONFLICT DO "
        "NOTHING), aksi (UPDATE ... RETURNING dan riwayat massal untuk eskalasi), sisipkan "
        "pemberitahuan, lalu klaim surel setelah commit.",
        "",
        "| Langkah | SKP terbuka | Waktu (s) | Kueri | Batch | Kueri per batch "
        "| Pemberitahuan | Eskalasi |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for langkah in ("pengingat", "eskalasi"):
        for n in UKURAN[kecil]:
            h = hasil[n][langkah]
            per_batch = h["kueri"] / max(h["batch"], 1)
            baris.append(
                f"| {langkah} | {n:,} | {h['detik']:.2f} | {h['kueri']} | {h['batch']} "
                f"| {per_batch:.1f} | {h['pemberitahuan']:,} | {h['eskalasi']:,} |"
            )
    baris += ["", "| Langkah | Rasio waktu besar/kecil | Tambahan kueri per batch tambahan |"]
    baris.append("|---|---:|---:|")
    for langkah in ("pengingat", "eskalasi"):
        a, b = hasil[kecil_n][langkah], hasil[besar_n][langkah]
        rasio = b["detik"] / a["detik"] if a["detik"] else float("nan")
        marginal = (b["kueri"] - a["kueri"]) / max(b["batch"] - a["batch"], 1)
        baris.append(f"| {langkah} | {rasio:.1f} (target paling tinggi 12) | {marginal:.1f} |")
    return "\n".join(baris) + "\n"


if __name__ == "__main__":
    # Alone: a throwaway database, migrated as the owner, measured as the app role.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("KINERJA_TESTING", "1")
    from organisasi.peran_db import atur_sebagai_pemilik

    atur_sebagai_pemilik(True)
    import django

    django.setup()
    from django.db import connection, connections
    from psycopg.conninfo import make_conninfo

    nama_asli = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = f"{nama_asli}_bench_tenggat"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    s = connection.settings_dict
    os.environ["KINERJA_BENCH_URL_PEMILIK"] = make_conninfo(
        dbname=s["NAME"], host=s["HOST"] or None, port=s["PORT"] or None, user=s["USER"] or None
    )
    atur_sebagai_pemilik(False)
    connections.close_all()
    try:
        print(jalankan("--kecil" in sys.argv))
    finally:
        connections.close_all()
        atur_sebagai_pemilik(True)
        connection.creation.destroy_test_db(nama_asli, verbosity=0)
