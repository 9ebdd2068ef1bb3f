"""Requests per second over loopback against a real gunicorn, side by side in one run.

The baseline is a logged-in view doing one query of its own (config/views_bench.py,
routed only under KINERJA_BENCH=1); next to it the employee's SKP page and the HTMX
partials people use most: the RHK and IKI edit forms and their saves, a Lampiran item's
save, and the check panel each save makes the page reload (a save answers with the part
it changed and raises an HX-Trigger event for the panel). Each is reported as
requests/s and as a ratio to the baseline measured in the same round. Runs twice:
without persistent connections (DB_CONN_MAX_AGE=0) and with them (DB_CONN_MAX_AGE=60).

Each concurrent client is a different employee editing their own SKP, as under real load:
a save reads its SKP under a row lock held until it commits, so clients sharing one SKP
would only measure the saves taking turns on that lock.

gunicorn runs from the venv on 127.0.0.1 (2 sync workers: one per core), under
`timeout` so it stops by itself even if this script dies; each measurement is bounded
by a number of requests and a number of seconds.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from data_bench import analisis, isi_rhk, klien, organisasi_bench, tabel

REPO = Path(__file__).resolve().parent.parent
CSRF = "benchcsrftoken0123456789abcdefgh"  # 32 alphanumerics: a valid unmasked token
PEKERJA = 2
KLIEN = 2


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _url_db() -> str:
    """DATABASE_URL pointed at the benchmark database (same credentials as the app's)."""
    from django.db import connection
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    asli = os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/kinerja")
    bagian = conninfo_to_dict(asli)
    bagian["dbname"] = connection.settings_dict["NAME"]
    return make_conninfo(**bagian)


class Server:
    def __init__(self, conn_max_age: int, batas_detik: int):
        self.port = _port_bebas()
        env = dict(os.environ)
        env.pop("KINERJA_DB_PEMILIK", None)
        env.update(
            DATABASE_URL=_url_db(),
            DB_CONN_MAX_AGE=str(conn_max_age),
            KINERJA_BENCH="1",
            KINERJA_TESTING="1",
            LOG_LEVEL="WARNING",
        )
        gunicorn = Path(sys.executable).with_name("gunicorn")
        perintah = [
            shutil.which("timeout") or "timeout",
            "--signal=TERM",
            "--kill-after=10",
            str(batas_detik),
            str(gunicorn),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(PEKERJA),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ]
        self.log = open(os.devnull, "w")  # noqa: SIM115 (closed in stop)
        self.proses = subprocess.Popen(
            perintah, cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        batas = time.monotonic() + 30
        while time.monotonic() < batas:
            if self.proses.poll() is not None:
                raise RuntimeError("gunicorn berhenti saat menyala")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn tidak siap dalam 30 detik")

    def stop(self):
        if self.proses.poll() is None:
            self.proses.terminate()
            try:
                self.proses.wait(20)
            except subprocess.TimeoutExpired:
                self.proses.kill()
                self.proses.wait()
        self.log.close()


def _minta(port: int, ujung: dict, sesi: str) -> tuple[int, bytes, dict]:
    kepala = {
        "Cookie": f"sessionid={sesi}; csrftoken={CSRF}",
        "Host": f"127.0.0.1:{port}",
    }
    kepala.update(ujung.get("kepala", {}))
    badan = None
    if ujung["metode"] == "POST":
        badan = urlencode(ujung["data"], doseq=True)
        kepala["Content-Type"] = "application/x-www-form-urlencoded"
        kepala["X-CSRFToken"] = CSRF
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request(ujung["metode"], ujung["url"], body=badan, headers=kepala)
        r = c.getresponse()
        return r.status, r.read(), dict(r.getheaders())
    finally:
        c.close()


def _ukur(port: int, klien: list[tuple[dict, str]], maks: int, detik: float) -> float:
    """Requests/s of concurrent clients, up to `maks` requests or `detik` s: client k
    repeats the request `klien[k]` names (an endpoint and the session it sends)."""
    hitung = [0]
    galat: list[str] = []
    kunci = threading.Lock()
    akhir = time.monotonic() + detik

    def kerja(ujung: dict, sesi: str):
        while time.monotonic() < akhir:
            with kunci:
                if hitung[0] >= maks:
                    return
                hitung[0] += 1
            status, _, _ = _minta(port, ujung, sesi)
            if status != 200:
                galat.append(str(status))
                return

    mulai = time.monotonic()
    utas = [threading.Thread(target=kerja, args=k) for k in klien]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    lama = time.monotonic() - mulai
    if galat:
        raise RuntimeError(f"{klien[0][0]['label']}: status {galat[0]}")
    return hitung[0] / lama


def _ujung(skp) -> list[dict]:
    """The endpoints measured, on one SKP (its first UTAMA RHK, that RHK's first IKI, its
    first Lampiran item)."""
    from django.urls import reverse

    from organisasi.tenancy import lingkup_instansi
    from skp.models import ButirLampiran, IndikatorKinerjaIndividu, RencanaHasilKerja

    with lingkup_instansi(skp.instansi_id):
        rhk = RencanaHasilKerja.objects.filter(skp=skp, jenis="utama").order_by("urutan")[0]
        iki = IndikatorKinerjaIndividu.objects.filter(rhk=rhk).order_by("urutan")[0]
        butir = ButirLampiran.objects.filter(skp=skp).order_by("bagian", "urutan")[0]

    hx = {"HX-Request": "true"}
    data_rhk = {
        "rhk-teks": rhk.teks,
        "rhk-penugasan_dari": rhk.penugasan_dari,
        "rhk-rhk_pimpinan_teks": rhk.rhk_pimpinan_teks,
    }
    data_iki = {"iki-teks": iki.teks, "iki-target": iki.target, "iki-aspek": list(iki.aspek)}
    ubah_rhk = reverse("rhk_ubah", args=[skp.pk, rhk.pk])
    ubah_iki = reverse("iki_ubah", args=[skp.pk, rhk.pk, iki.pk])
    ubah_butir = reverse("lampiran_ubah", args=[skp.pk, butir.pk])
    awalan = f"butir-{butir.pk}"
    data_butir = {f"{awalan}-bagian": butir.bagian, f"{awalan}-jenis": butir.jenis}
    data_butir[f"{awalan}-teks"] = butir.teks
    return [
        {"label": "Dasar: tampilan 1 kueri", "metode": "GET", "url": reverse("bench_satu_kueri")},
        {"label": "Halaman SKP", "metode": "GET", "url": reverse("skp_detail", args=[skp.pk])},
        {"label": "Form RHK (HTMX)", "metode": "GET", "url": ubah_rhk, "kepala": hx},
        {
            "label": "Simpan RHK (HTMX)",
            "metode": "POST",
            "url": ubah_rhk,
            "kepala": hx,
            "data": data_rhk,
        },
        {"label": "Form IKI (HTMX)", "metode": "GET", "url": ubah_iki, "kepala": hx},
        {
            "label": "Simpan IKI (HTMX)",
            "metode": "POST",
            "url": ubah_iki,
            "kepala": hx,
            "data": data_iki,
        },
        {
            "label": "Simpan butir lampiran (HTMX)",
            "metode": "POST",
            "url": ubah_butir,
            "kepala": hx,
            "data": data_butir,
        },
        {
            "label": "Panel pemeriksaan (dimuat ulang setelah simpan)",
            "metode": "GET",
            "url": reverse("skp_pemeriksaan", args=[skp.pk]),
            "kepala": hx,
        },
    ]


def _periksa(port: int, ujung: list[dict], sesi: str) -> None:
    """Each endpoint answers 200, and a save really saves (it tells the check panel to
    reload; a refused form would answer with itself and no event)."""
    for u in ujung:
        status, isi, kepala = _minta(port, u, sesi)
        if status != 200:
            raise RuntimeError(f"{u['label']} menjawab {status}: {isi[:300]!r}")
        if u["metode"] == "POST" and "skp-isi-berubah" not in kepala.get("HX-Trigger", ""):
            raise RuntimeError(f"{u['label']} tidak tersimpan: {isi[:500]!r}")


def jalankan(kecil: bool) -> str:
    jumlah_rhk = 3 if kecil else 10
    putaran = 1 if kecil else 3
    maks, detik = (3, 1.0) if kecil else (600, 4.0)
    # Each client is another employee editing their own SKP, as under real load. A save
    # holds its SKP's row lock until it commits: two clients on one SKP would take turns.
    org = organisasi_bench(f"bench-http-{uuid.uuid4().hex[:6]}", 5, pegawai_masuk=KLIEN)
    for skp in org.skp[:KLIEN]:
        isi_rhk(org, skp, jumlah_rhk)
    analisis()
    sesi = [klien(akun).cookies["sessionid"].value for akun in org.akun_pegawai]
    ujung = [_ujung(skp) for skp in org.skp[:KLIEN]]  # ujung[k][i]: endpoint i of client k

    bagian = [
        "## HTTP lewat loopback",
        f"gunicorn {PEKERJA} pekerja sync di 127.0.0.1, {KLIEN} klien serentak (koneksi TCP baru "
        "per permintaan); setiap klien pegawai berbeda yang menyunting SKP-nya sendiri; dua "
        "tab pada satu SKP antre pada kunci barisnya, sengaja. Dasar = tampilan masuk-log "
        "yang menjalankan satu kueri sendiri (config/views_bench.py; sesi, pengguna dan "
        "lingkup instansi tetap berjalan seperti pada setiap halaman). Setiap SKP berisi "
        f"{jumlah_rhk} RHK x 2 IKI. Simpan RHK menjawab dengan RHK itu saja, simpan IKI "
        "dengan barisnya, simpan butir lampiran dengan bagian Lampiran; masing-masing "
        "memicu event HX-Trigger yang membuat panel pemeriksaan di halaman memuat ulang "
        "dirinya (baris terakhir: satu permintaan lagi per simpan di peramban). Kolom "
        "Permintaan menunjukkan alamat klien pertama. Setiap pengukuran dibatasi "
        f"{maks} permintaan atau {detik:.0f} detik; {putaran} putaran berselang-seling, "
        "dilaporkan median permintaan/detik dan median rasio terhadap dasar dalam putaran "
        "yang sama.",
    ]
    label = [u["label"] for u in ujung[0]]
    for umur in (0, 60):
        server = Server(umur, batas_detik=60 + putaran * len(label) * int(detik + 2))
        try:
            for ujung_klien, sesi_klien in zip(ujung, sesi, strict=True):
                _periksa(server.port, ujung_klien, sesi_klien)
            rps: dict[str, list[float]] = {nama: [] for nama in label}
            rasio: dict[str, list[float]] = {nama: [] for nama in label}
            for _ in range(putaran):
                dasar = None
                for i, nama in enumerate(label):
                    klien_i = [(u[i], s) for u, s in zip(ujung, sesi, strict=True)]
                    nilai = _ukur(server.port, klien_i, maks, detik)
                    dasar = dasar or nilai
                    rps[nama].append(nilai)
                    rasio[nama].append(nilai / dasar)
        finally:
            server.stop()
        baris = [
            [
                u["label"],
                f"{u['metode']} {u['url']}",
                f"{statistics.median(rps[u['label']]):.0f}",
                f"{statistics.median(rasio[u['label']]):.3f}x",
            ]
            for u in ujung[0]
        ]
        bagian += [
            f"### DB_CONN_MAX_AGE={umur}"
            + (" (koneksi baru setiap permintaan)" if umur == 0 else " (koneksi persisten)"),
            tabel(["Ujung", "Permintaan", "permintaan/detik", "rasio thd dasar"], baris),
        ]
    return "\n\n".join(bagian)
