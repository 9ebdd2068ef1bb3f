"""`make bench` keeps working: the runner and every scripts/bench_*.py at the tiny size.

Not a timed test: it checks that each script runs against the real services and that
the file written holds each section, never how fast anything was.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_kecil_menulis_setiap_bagian(tmp_path, settings):
    keluaran = tmp_path / "benchmarks.md"
    keluaran.write_text("# lama\n\n## Riwayat\n\n### Sebelum (dulu)\n\nangka lama\n")
    env = dict(os.environ)
    env.pop("KINERJA_DB_PEMILIK", None)  # the runner switches roles itself
    # A database of its own, never the one a developer's `make bench` uses.
    nama_db = f"{settings.DATABASES['default']['NAME']}_bench_uji"
    proses = subprocess.run(
        [
            sys.executable,
            "scripts/bench.py",
            "--kecil",
            "--keluaran",
            str(keluaran),
            "--catat",
            "Uji",
            "--nama-db",
            nama_db,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proses.returncode == 0, proses.stderr[-5000:]
    teks = keluaran.read_text()
    skrip = sorted(p.stem for p in (ROOT / "scripts").glob("bench_*.py"))
    assert "GAGAL" not in teks
    for judul in (
        "## Mesin",
        "## Pengaturan",
        "Halaman daftar dan pohon",
        "HTTP lewat loopback",
        "Evaluasi kinerja: halaman penilai dan simpan rating",
        "Simpan rating lewat loopback",
    ):
        assert judul in teks
    assert "bench_halaman" in skrip and "bench_http" in skrip and "bench_pdf" in skrip
    assert "bench_evaluasi" in skrip
    # The history of the old file is kept and this run is filed under its label.
    riwayat = teks.split("## Riwayat", 1)[1]
    assert "### Sebelum (dulu)" in riwayat and "angka lama" in riwayat
    assert "### Uji (" in riwayat
