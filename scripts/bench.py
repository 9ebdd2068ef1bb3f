"""`make bench`: run every benchmark script and write docs/benchmarks.md.

    python scripts/bench.py [--kecil] [--hanya halaman,http] [--keluaran FILE]
                            [--catat LABEL] [--nama-db NAME] [--simpan-db]

Creates a fresh throwaway database `<dbname>_bench` (dropped again at the end), migrates
it as the owner, then runs as the application role like the web process. Imports every
scripts/bench_*.py and calls its `jalankan(kecil: bool) -> str` (a Markdown section);
each seeds its own agency, ANALYZEs, measures. The file written holds the date, the
machine, the settings the numbers were taken under, and every section. The "Riwayat"
(history) part of an existing file is kept; `--catat LABEL` also files this run there
(e.g. "Sebelum issue 7"), so earlier numbers stay next to the latest ones.

`--kecil` is the tiny size a test uses so the scripts keep working in CI; its numbers
mean nothing. Not a test: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import re
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SKRIP = REPO / "scripts"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(SKRIP))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Development static storage (no collectstatic manifest needed); DEBUG stays off.
os.environ.setdefault("KINERJA_TESTING", "1")
# Routes the bare one-query view the HTTP benchmark compares against (config/urls.py).
os.environ["KINERJA_BENCH"] = "1"
os.environ.setdefault("LOG_LEVEL", "WARNING")

JUDUL_RIWAYAT = "## Riwayat"


def modul_bench(hanya: set[str] | None = None) -> list[str]:
    nama = sorted(p.stem for p in SKRIP.glob("bench_*.py"))
    if hanya:
        nama = [n for n in nama if n.removeprefix("bench_") in hanya]
    return nama


def mesin() -> list[str]:
    """Cores, memory, CPU model, load, PostgreSQL, Python and Django versions."""
    import django
    from django.db import connection

    model = "?"
    try:
        for baris in Path("/proc/cpuinfo").read_text().splitlines():
            if baris.startswith("model name"):
                model = baris.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memori = "?"
    try:
        for baris in Path("/proc/meminfo").read_text().splitlines():
            if baris.startswith("MemTotal:"):
                memori = f"{int(baris.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        versi_pg = cursor.fetchone()[0]
    beban = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- CPU: {os.cpu_count()} inti, {model}",
        f"- Memori: {memori}",
        f"- Beban rata-rata saat mulai (1/5/15 menit): {beban}",
        f"- PostgreSQL {versi_pg}, Python {platform.python_version()}, "
        f"Django {django.get_version()}",
        f"- Sistem: {platform.platform()}",
    ]


def pengaturan_ukur(kecil: bool) -> list[str]:
    from django.conf import settings

    db = settings.DATABASES["default"]
    ukuran = "kecil (memeriksa bahwa skrip berjalan; angka tak bermakna)" if kecil else "penuh"
    return [
        f"- Ukuran: {ukuran}",
        f"- DEBUG={settings.DEBUG}, CONN_MAX_AGE={db['CONN_MAX_AGE']} "
        f"(DB_CONN_MAX_AGE={os.environ.get('DB_CONN_MAX_AGE', '(tidak diatur)')}), "
        f"peran aplikasi {settings.DATABASE_APP_ROLE or '(tidak ada)'}",
        "- Basis data sementara, dibuat dan dimigrasi oleh scripts/bench.py; setiap skrip "
        "menyemai instansinya sendiri (bulk_create), lalu ANALYZE, lalu mengukur.",
        "- Mesin bersama: angka absolut berubah-ubah antar-jalan; bandingkan rasio dalam satu "
        "jalan.",
    ]


def _url_pemilik() -> str:
    from django.db import connection
    from psycopg.conninfo import make_conninfo

    s = connection.settings_dict
    return make_conninfo(
        dbname=s["NAME"],
        host=s["HOST"] or None,
        port=s["PORT"] or None,
        user=s["USER"] or None,
        password=s["PASSWORD"] or None,
    )


def siapkan_db(nama: str | None) -> str:
    """Create and migrate the throwaway database as the owner; return the original name."""
    from django.conf import settings
    from django.db import connection, connections

    from organisasi.peran_db import atur_sebagai_pemilik

    nama_asli = connection.settings_dict["NAME"]
    nama = nama or f"{nama_asli}_bench"
    settings.DATABASES["default"]["TEST"]["NAME"] = nama
    connection.settings_dict["TEST"]["NAME"] = nama
    print(f"[bench] membuat basis data sementara {nama} ...", file=sys.stderr, flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    os.environ["KINERJA_BENCH_URL_PEMILIK"] = _url_pemilik()
    # From here on, like the web process: the application role, bound by RLS.
    atur_sebagai_pemilik(False)
    connections.close_all()
    return nama_asli


def hapus_db(nama_asli: str) -> None:
    from django.db import connection, connections

    from organisasi.peran_db import atur_sebagai_pemilik

    connections.close_all()
    atur_sebagai_pemilik(True)
    connection.creation.destroy_test_db(nama_asli, verbosity=0)


def jalankan_semua(kecil: bool, hanya: set[str] | None = None) -> tuple[list[str], list[str]]:
    """Run each script; returns (sections, names of scripts that failed)."""
    bagian, gagal = [], []
    for nama in modul_bench(hanya):
        print(f"[bench] {nama} ...", file=sys.stderr, flush=True)
        mulai = time.monotonic()
        try:
            modul = importlib.import_module(nama)
            bagian.append(modul.jalankan(kecil).strip())
        except Exception:
            gagal.append(nama)
            jejak = traceback.format_exc()
            print(jejak, file=sys.stderr, flush=True)
            bagian.append(f"## {nama}: GAGAL\n\n```\n{jejak.strip()[-3000:]}\n```")
        print(
            f"[bench] {nama} selesai dalam {time.monotonic() - mulai:.0f} s",
            file=sys.stderr,
            flush=True,
        )
    return bagian, gagal


def _turunkan(teks: str) -> str:
    """Push headings one level down (a section's ## becomes ###) for nesting."""
    return re.sub(r"^(#+) ", r"#\1 ", teks, flags=re.MULTILINE)


def tulis(keluaran: Path, isi_jalan: str, catat: str | None, tanggal: str) -> None:
    riwayat = ""
    if keluaran.exists():
        lama = keluaran.read_text()
        if JUDUL_RIWAYAT in lama:
            riwayat = lama.split(JUDUL_RIWAYAT, 1)[1].split("\n", 1)[1].strip()
    if catat:
        entri = f"### {catat} ({tanggal})\n\n{_turunkan(_turunkan(isi_jalan))}"
        riwayat = f"{riwayat}\n\n{entri}".strip()
    teks = "\n\n".join(
        [
            "# Benchmark",
            'Ditulis oleh `make bench` (scripts/bench.py). Bagian "Hasil terakhir" ditimpa '
            'setiap kali dijalankan; bagian "Riwayat" disimpan, dan `make bench '
            "BENCH_ARGS='--catat \"LABEL\"'` menambahkan jalan itu ke sana. Bukan uji: tidak "
            "ada waktu yang diperiksa.",
            f"## Hasil terakhir ({tanggal})",
            _turunkan(isi_jalan),
            JUDUL_RIWAYAT,
            riwayat or "_(belum ada)_",
        ]
    )
    keluaran.parent.mkdir(parents=True, exist_ok=True)
    keluaran.write_text(teks.rstrip() + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kecil", action="store_true", help="ukuran kecil (untuk uji/CI)")
    parser.add_argument("--hanya", default="", help="mis. halaman,http (tanpa awalan bench_)")
    parser.add_argument("--keluaran", default=str(REPO / "docs" / "benchmarks.md"))
    parser.add_argument("--catat", default=None, help="simpan jalan ini di Riwayat dengan label")
    parser.add_argument("--nama-db", default=None, help="nama basis data sementara")
    parser.add_argument("--simpan-db", action="store_true", help="jangan hapus basis data")
    args = parser.parse_args(argv)
    hanya = {h.strip() for h in args.hanya.split(",") if h.strip()} or None

    from organisasi.peran_db import atur_sebagai_pemilik

    atur_sebagai_pemilik(True)
    import django

    django.setup()

    nama_asli = siapkan_db(args.nama_db)
    try:
        tanggal = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        kepala = [
            "## Mesin",
            "\n".join(mesin()),
            "## Pengaturan",
            "\n".join(pengaturan_ukur(args.kecil)),
        ]
        bagian, gagal = jalankan_semua(args.kecil, hanya)
    finally:
        if not args.simpan_db:
            hapus_db(nama_asli)
    isi = "\n\n".join(kepala + bagian)
    keluaran = Path(args.keluaran)
    tulis(keluaran, isi, args.catat, tanggal)
    print(f"[bench] ditulis ke {keluaran}", file=sys.stderr)
    if gagal:
        print(f"[bench] GAGAL: {', '.join(gagal)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
