"""Time the employee import on 10,000 generated rows: dry run and apply, then a re-import.

Run by `make bench` (scripts/bench.py), alone with `make bench BENCH_ARGS="--hanya impor"`.
The task bodies run in-process exactly as the worker runs them (tenant scope, progress
reports on their own connection); no broker is needed.
"""

from __future__ import annotations

import time
import uuid
from datetime import date, timedelta

from data_bench import analisis, tabel

BARIS = 10_000
BARIS_KECIL = 40


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


def jalankan(kecil: bool) -> str:
    n = BARIS_KECIL if kecil else BARIS
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisasi import tasks
    from organisasi.models import ImporData, Instansi, Pegawai, Penempatan, Pengguna, UnitKerja
    from organisasi.tenancy import lingkup_instansi

    slug = f"bench-impor-{uuid.uuid4().hex[:6]}"
    instansi = Instansi.objects.create(nama="Kota Bench Impor", slug=slug)
    with lingkup_instansi(instansi):
        admin = Pengguna.objects.create_user(
            username=f"admin.{slug}", password="x", instansi=instansi, admin_instansi=True
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

    baris = []

    def ukur(judul: str, langkah: str, fungsi) -> None:
        with CaptureQueriesContext(connection) as kueri:
            mulai = time.perf_counter()
            fungsi()
            detik = time.perf_counter() - mulai
        baris.append([judul, langkah, f"{detik:.2f}", len(kueri)])

    def klaim(pk: int) -> None:
        with lingkup_instansi(instansi):
            ImporData.objects.filter(pk=pk).update(status="menerapkan", diterapkan_oleh=admin)

    analisis()
    ringkasan = []
    for judul, isi in (
        (f"Impor pertama: {n} pegawai baru", berkas(n)),
        (f"Impor ulang: {n} baris, 10% berubah (5% mutasi)", berkas(n, ubah_setiap=10)),
    ):
        pk = impor("bench.csv", isi)
        ukur(judul, "pratinjau (dry run)", lambda pk=pk: tasks.impor_pratinjau(instansi.pk, pk))
        klaim(pk)
        ukur(judul, "terapkan", lambda pk=pk: tasks.impor_terapkan(instansi.pk, pk))
        with lingkup_instansi(instansi):
            job = ImporData.objects.defer("isi", "hasil").get(pk=pk)
            if job.status != "diterapkan":
                raise RuntimeError(f"{judul}: status {job.status}")
            ringkasan.append(
                f"- {judul} (berkas {len(isi) / 1024:.0f} KiB): status {job.status}; "
                f"{job.ringkasan}; sesudahnya pegawai {Pegawai.objects.count()}, penempatan "
                f"{Penempatan.objects.count()}, riwayat pegawai {Pegawai.history.count()}"
            )
        analisis()
    return "\n\n".join(
        [
            "## Impor pegawai",
            f"{n} baris CSV ke 50 Seksi; badan tugas Celery dijalankan dalam proses (lingkup "
            "instansi, laporan kemajuan lewat koneksinya sendiri), tanpa broker.",
            tabel(["Impor", "Langkah", "detik", "kueri"], baris),
            "\n".join(ringkasan),
        ]
    )
