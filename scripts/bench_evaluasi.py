"""The rater's evaluation page (issue 10) at 5, 50 and 500 team members, and the rating
save endpoint against the bare one-query view over loopback.

One agency per size (`data_bench.organisasi_bench`, SKPs set): a Kepala Seksi rating n
staff for the first evaluation period of the year, a tenth of the team already rated.
In process (Django test client): queries, time and size of the page and of one rating
save at each size, so a count that grows with the team shows. Over loopback (the same
gunicorn as bench_http): the save endpoint's requests/s as a ratio to the bare view, in
alternating rounds. Each concurrent client rates its own team member and sends the
version it last read, as the page's form does, so every save is a real save (a refused
stale save would stop the run). Run by scripts/bench.py (`make bench`).
"""

from __future__ import annotations

import re
import statistics
import threading
import time
import uuid

from bench_http import KLIEN, PEKERJA, Server, _minta, _ukur
from data_bench import analisis, klien, organisasi_bench, tabel, tabel_halaman, ukur

UKURAN = (5, 50, 500)
UKURAN_KECIL = (2, 5)
VERSI = re.compile(rb'name="versi" value="(\d+)"')
RATING = ("diatas", "sesuai", "dibawah")


def _periode(org):
    from evaluasi import selectors
    from organisasi.tenancy import lingkup_instansi

    with lingkup_instansi(org.instansi):
        return selectors.periode_tahun_instansi(org.skp[0].tahun)[0]


def _dinilai(org) -> list:
    """The SKPs the rater evaluates (the first staff SKP of the seed is a draft)."""
    return [s for s in org.skp if s.status == "ditetapkan"]


def siapkan(org, p) -> None:
    """Rate a tenth of the team already (the calibration panel then has counts)."""
    from evaluasi.kuadran import predikat_dipilih
    from evaluasi.models import EvaluasiKinerja
    from organisasi.tenancy import lingkup_instansi

    dinilai = _dinilai(org)
    with lingkup_instansi(org.instansi):
        EvaluasiKinerja.objects.bulk_create(
            EvaluasiKinerja(
                instansi_id=org.instansi.pk, pegawai_id=s.pegawai_id, skp=s, tahun=p.tahun,
                periode_jenis=p.jenis, periode_nomor=p.nomor, penilai_id=s.penilai_id,
                atasan_penilai_id=s.atasan_penilai_id, versi=1,
                rating_hasil_kerja=RATING[k % 3], rating_perilaku_kerja="sesuai",
                predikat=predikat_dipilih(RATING[k % 3], "sesuai").value,
            )
            for k, s in enumerate(dinilai[: max(1, len(dinilai) // 10)])
        )  # fmt: skip


def _data(versi: int, k: int) -> dict:
    return {
        "versi": str(versi),
        "rating_hasil_kerja": RATING[k % 3],
        "rating_perilaku_kerja": "sesuai",
        "catatan": f"Pertahankan kinerja ({k})",
    }


def _simpan_dalam_proses(client, url: str, ulang: int):
    """One counted save, then `ulang` timed ones, each naming the version it read."""
    from data_bench import Ukuran
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    hx = {"HTTP_HX_REQUEST": "true"}
    versi = 0
    respons = client.post(url, _data(versi, 0), **hx)  # warm-up (the first save creates)
    versi = int(VERSI.search(respons.content).group(1))
    with CaptureQueriesContext(connection) as kueri:
        respons = client.post(url, _data(versi, 1), **hx)
    jumlah = len(kueri)
    if b"pesan--error" in respons.content:
        raise RuntimeError(f"simpan rating ditolak: {respons.content[:500]!r}")
    waktu = []
    for k in range(ulang):
        versi = int(VERSI.search(respons.content).group(1))
        mulai = time.perf_counter()
        respons = client.post(url, _data(versi, k), **hx)
        waktu.append(time.perf_counter() - mulai)
    return Ukuran(
        respons.status_code, jumlah, statistics.median(waktu) * 1000, len(respons.content) / 1024
    )


def _ukur_simpan(
    port: int, sesi: str, url: list[str], versi: list[int], maks: int, detik: float
) -> float:
    """Requests/s of real saves: client k rates team member k, naming the version it read
    last (`versi[k]`, carried from round to round)."""
    hitung = [0]
    galat: list[str] = []
    kunci = threading.Lock()
    akhir = time.monotonic() + detik

    def kerja(k: int):
        while time.monotonic() < akhir:
            with kunci:
                if hitung[0] >= maks:
                    return
                hitung[0] += 1
            ujung = {
                "metode": "POST",
                "url": url[k],
                "data": _data(versi[k], hitung[0]),
                "kepala": {"HX-Request": "true"},
            }
            status, isi, _ = _minta(port, ujung, sesi)
            cocok = VERSI.search(isi)
            if status != 200 or b"pesan--error" in isi or cocok is None:
                galat.append(f"{status} {isi[:300]!r}")
                return
            versi[k] = int(cocok.group(1))

    mulai = time.monotonic()
    utas = [threading.Thread(target=kerja, args=(k,)) for k in range(KLIEN)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    lama = time.monotonic() - mulai
    if galat:
        raise RuntimeError(f"simpan rating: {galat[0]}")
    return hitung[0] / lama


def _http(org, p, kecil: bool) -> str:
    from django.urls import reverse

    putaran = 1 if kecil else 3
    maks, detik = (3, 1.0) if kecil else (600, 4.0)
    # Rows not rated by the seed: each client starts from version 0.
    dinilai = _dinilai(org)[max(1, len(_dinilai(org)) // 10) :]
    url = [reverse("evaluasi_simpan", args=[p.kode, s.pk]) for s in dinilai[:KLIEN]]
    versi = [0] * len(url)
    dasar_ujung = {"label": "dasar", "metode": "GET", "url": reverse("bench_satu_kueri")}
    panel_ujung = {
        "label": "panel kalibrasi",
        "metode": "GET",
        "url": reverse("evaluasi_kalibrasi", args=[p.kode]),
        "kepala": {"HX-Request": "true"},
    }
    sesi = klien(org.penilai).cookies["sessionid"].value
    baris = []
    for umur in (0, 60):
        server = Server(umur, batas_detik=60 + putaran * 2 * int(detik + 2))
        try:
            dasar, simpan, panel = [], [], []
            for _ in range(putaran):
                dasar.append(_ukur(server.port, [(dasar_ujung, sesi)] * KLIEN, maks, detik))
                simpan.append(_ukur_simpan(server.port, sesi, url, versi, maks, detik))
                panel.append(_ukur(server.port, [(panel_ujung, sesi)] * KLIEN, maks, detik))
        finally:
            server.stop()
        for label, ujung in (
            ("Simpan rating", simpan),
            ("Panel kalibrasi (dimuat ulang setelah simpan)", panel),
        ):
            rasio = [u / d for u, d in zip(ujung, dasar, strict=True)]
            baris.append(
                [
                    label,
                    f"DB_CONN_MAX_AGE={umur}",
                    f"{statistics.median(dasar):.0f}",
                    f"{statistics.median(ujung):.0f}",
                    f"{statistics.median(rasio):.3f}x",
                ]
            )
    return "\n\n".join(
        [
            "### Simpan rating lewat loopback (target >= 0,4x dasar)",
            f"gunicorn {PEKERJA} pekerja sync di 127.0.0.1, {KLIEN} klien serentak, masuk "
            f"sebagai pejabat penilai dengan {len(_dinilai(org))} anggota tim; setiap klien "
            "menilai anggota timnya sendiri dan mengirim versi terakhir yang dibacanya (setiap "
            "permintaan benar-benar menyimpan, dengan jejak audit). Jawaban: baris itu saja, "
            "dengan event kalibrasi-berubah; panel kalibrasi memuat ulang dirinya (GET, baris "
            f"sendiri: menghitung seluruh tim). {putaran} putaran berselang-seling, dibatasi "
            f"{maks} permintaan atau {detik:.0f} detik; median.",
            tabel(
                ["Ujung", "Koneksi", "dasar permintaan/detik", "ujung permintaan/detik", "rasio"],
                baris,
            ),
        ]
    )


def jalankan(kecil: bool) -> str:
    from django.urls import reverse

    ukuran = UKURAN_KECIL if kecil else UKURAN
    ulang = 1 if kecil else 7
    akhiran = uuid.uuid4().hex[:6]
    orgs = {}
    for n in ukuran:
        org = organisasi_bench(f"bench-eval-{n}-{akhiran}", n + 1, status_skp="ditetapkan")
        p = _periode(org)
        siapkan(org, p)
        orgs[n] = (org, p)
    analisis()

    hasil: dict[str, dict[int, object]] = {}
    for n, (org, p) in orgs.items():
        c = klien(org.penilai)
        u = ukur(c, reverse("evaluasi_tim", args=[p.kode]), ulang=ulang)
        if u.status != 200:
            raise RuntimeError(f"halaman evaluasi menjawab {u.status} pada n={n}")
        hasil.setdefault(f"Halaman evaluasi tim ({p.label_lengkap})", {})[n] = u
        s = _dinilai(org)[-1]
        u = _simpan_dalam_proses(c, reverse("evaluasi_simpan", args=[p.kode, s.pk]), ulang)
        hasil.setdefault("Simpan rating (HTMX, baris; memicu kalibrasi-berubah)", {})[n] = u
        u = ukur(c, reverse("evaluasi_kalibrasi", args=[p.kode]), ulang=ulang)
        if u.status != 200:
            raise RuntimeError(f"panel kalibrasi menjawab {u.status} pada n={n}")
        hasil.setdefault("Panel kalibrasi (dimuat ulang setelah simpan)", {})[n] = u

    org, p = orgs[ukuran[-1]]
    return "\n\n".join(
        [
            "## Evaluasi kinerja: halaman penilai dan simpan rating",
            f"Ukuran: {', '.join(str(n) for n in ukuran)} anggota tim satu Kepala Seksi (SKP "
            "ditetapkan; sepersepuluh tim sudah dinilai). Klien uji Django dalam proses; kueri "
            f"dari satu permintaan, waktu = median {ulang} permintaan setelah satu pemanasan; "
            "simpan rating mengirim versi terakhir yang dibaca sehingga setiap simpan diterima.",
            tabel_halaman(hasil, ukuran),
            _http(org, p, kecil),
        ]
    )
