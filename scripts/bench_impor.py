"""Time the employee import on 10,000 generated rows: dry run and apply, then a re-import.

Not a test: it prints timings. It builds a throwaway database of its own (dropped at the
end), so it neither touches the development data nor collides with a running pytest:

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/kinerja \
        .venv/bin/python scripts/bench_impor.py [--baris 10000]

The task bodies run in-process exactly as the worker runs them (tenant scope, progress
reports on their own connection); no broker is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")


def nip(i: int) -> str:
    lahir = date(1965, 1, 1) + timedelta(days=i)
    return f"{lahir:%Y%m%d}{lahir.year + 25}011001"


def berkas(n: int, *, ubah_setiap: int = 0) -> bytes:
    """n employees over 50 sections; with ubah_setiap, every k-th gets a new golongan and
    every 2k-th moves to another position from 1 July 2026."""
    baris = [
        "nip;nama;gelar_depan;gelar_belakang;status;golongan;jabatan;jenis_jabatan;unit;tmt_jabatan"
    ]
    for i in range(n):
        golongan = "III/a"
        jabatan = f"Jabatan Pelaksana {i % 8}"
        tmt = "01-01-2025"
        if ubah_setiap and i % ubah_setiap == 0:
            golongan = "III/b"
        if ubah_setiap and i % (2 * ubah_setiap) == 0:
            jabatan, tmt = f"Analis Ahli Pertama {i % 4}", "01-07-2026"
        unit = f"seksi-{i % 50}"
        baris.append(f"{nip(i)};Pegawai {i};;S.Kom.;PNS;{golongan};{jabatan};;{unit};{tmt}")
    return ("\ufeff" + "\n".join(baris) + "\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baris", type=int, default=10_000)
    args = parser.parse_args()

    from organisasi.peran_db import atur_sebagai_pemilik

    atur_sebagai_pemilik(True)
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, connections

    settings.DATABASES["default"]["TEST"]["NAME"] = f"bench_impor_{os.getpid()}"
    nama_asli = connection.settings_dict["NAME"]
    print(f"Membuat basis data sementara {settings.DATABASES['default']['TEST']['NAME']} ...")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    # Like the app: everything after the schema runs as the RLS-bound role.
    atur_sebagai_pemilik(False)
    connections.close_all()
    try:
        jalankan(args.baris)
    finally:
        connections.close_all()
        atur_sebagai_pemilik(True)
        connection.creation.destroy_test_db(nama_asli, verbosity=0)


def jalankan(n: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisasi import tasks
    from organisasi.models import ImporData, Instansi, Pegawai, Penempatan, Pengguna, UnitKerja
    from organisasi.tenancy import lingkup_instansi

    instansi = Instansi.objects.create(nama="Kota Bench", slug="kota-bench")
    with lingkup_instansi(instansi):
        admin = Pengguna.objects.create_user(
            username="admin.bench", password="x", instansi=instansi, admin_instansi=True
        )
        dinas = UnitKerja.objects.create(nama="Dinas Bench", jenis="dinas", kode="dinas")
        for b in range(10):
            bidang = UnitKerja.objects.create(nama=f"Bidang {b}", jenis="bidang", induk=dinas)
            for s in range(5):
                UnitKerja.objects.create(
                    nama=f"Seksi {b}.{s}", jenis="seksi", induk=bidang, kode=f"seksi-{b * 5 + s}"
                )

    def impor(nama: str, isi: bytes) -> int:
        with lingkup_instansi(instansi):
            job = ImporData(jenis="pegawai", nama_berkas=nama, isi=isi, dibuat_oleh=admin)
            job.save_without_historical_record()
        return job.pk

    def ukur(label: str, fungsi) -> None:
        with CaptureQueriesContext(connection) as kueri:
            mulai = time.perf_counter()
            hasil = fungsi()
            detik = time.perf_counter() - mulai
        print(f"  {label:<28} {detik:7.2f} s  {len(kueri):6d} kueri  -> {hasil}")

    def klaim(pk: int) -> str:
        with lingkup_instansi(instansi):
            ImporData.objects.filter(pk=pk).update(status="menerapkan", diterapkan_oleh=admin)
        return "diklaim"

    for judul, isi in (
        (f"Impor pertama: {n} pegawai baru", berkas(n)),
        (f"Impor ulang: {n} baris, 10% berubah (5% mutasi)", berkas(n, ubah_setiap=10)),
    ):
        print(judul)
        print(f"  ukuran berkas {len(isi) / 1024:.0f} KiB")
        pk = impor("bench.csv", isi)
        ukur("pratinjau (dry run)", lambda pk=pk: tasks.impor_pratinjau(instansi.pk, pk))
        klaim(pk)
        ukur("terapkan", lambda pk=pk: tasks.impor_terapkan(instansi.pk, pk))
        with lingkup_instansi(instansi):
            job = ImporData.objects.defer("isi", "hasil").get(pk=pk)
            print(f"  status {job.status}; ringkasan {job.ringkasan}")
            print(
                f"  pegawai {Pegawai.objects.count()}, penempatan {Penempatan.objects.count()}, "
                f"riwayat pegawai {Pegawai.history.count()}"
            )


if __name__ == "__main__":
    main()
