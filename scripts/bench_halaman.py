"""Queries, time and size of every list and tree page at 5, 50 and 500 subordinates.

One agency per size: a Kepala Seksi rating n staff (each with an SKP of this year), the
employee's own SKP with 30 RHK (2 IKI each), n/10 extra Seksi in the unit tree. Pages are
requested in-process with Django's test client (no network); the query count comes from
one request, the time is the median of several. The MPH and performance-tree pages have
their own script (bench_mph.py).
"""

from __future__ import annotations

import uuid

from data_bench import analisis, isi_rhk, klien, organisasi_bench, tabel_halaman, ukur

UKURAN = (5, 50, 500)
UKURAN_KECIL = (2, 5)


def _halaman(org):
    """(label, client user, url) of every page measured for one agency."""
    from django.urls import reverse

    skp_pegawai = org.skp[0]
    return [
        ("SKP bawahan (penilai)", org.penilai, reverse("skp_bawahan")),
        ("Detail SKP, 30 RHK (pegawai)", org.pegawai, reverse("skp_detail", args=[skp_pegawai.pk])),
        ("SKP saya (pegawai)", org.pegawai, reverse("skp_saya")),
        ("Daftar pegawai (admin)", org.admin, reverse("pegawai_daftar")),
        ("Pohon unit: akar (admin)", org.admin, reverse("unit_pohon")),
        ("Pohon unit: anak Bidang (admin)", org.admin, reverse("unit_anak", args=[org.bidang.pk])),
        (
            "Siapa menilai siapa: unit (admin)",
            org.admin,
            reverse("unit_detail", args=[org.seksi.pk]),
        ),
        ("Tabel penilai (admin)", org.admin, reverse("aturan_penilai")),
        ("Beranda pegawai", org.pegawai, reverse("beranda")),
        ("Beranda penilai", org.penilai, reverse("beranda")),
        ("Beranda admin", org.admin, reverse("beranda")),
    ]


def jalankan(kecil: bool) -> str:
    ukuran = UKURAN_KECIL if kecil else UKURAN
    jumlah_rhk = 3 if kecil else 30
    ulang = 1 if kecil else 7
    akhiran = uuid.uuid4().hex[:6]
    orgs = {}
    for n in ukuran:
        org = organisasi_bench(f"bench-halaman-{n}-{akhiran}", n)
        isi_rhk(org, org.skp[0], jumlah_rhk)
        orgs[n] = org
    analisis()

    hasil: dict[str, dict[int, object]] = {}
    for n, org in orgs.items():
        klien_per_pengguna = {}
        for label, pengguna, url in _halaman(org):
            c = klien_per_pengguna.setdefault(pengguna.pk, klien(pengguna))
            u = ukur(c, url, ulang=ulang)
            if u.status != 200:
                raise RuntimeError(f"{label} ({url}) menjawab {u.status} pada n={n}")
            hasil.setdefault(label, {})[n] = u

    return "\n\n".join(
        [
            "## Halaman daftar dan pohon",
            f"Ukuran: {', '.join(str(n) for n in ukuran)} bawahan satu pejabat penilai "
            f"(masing-masing dengan SKP tahun ini); SKP pegawai berisi {jumlah_rhk} RHK x 2 IKI; "
            "pohon unit mendapat n/10 Seksi tambahan. Klien uji Django dalam proses (tanpa "
            f"jaringan); kueri dari satu permintaan, waktu = median {ulang} permintaan setelah "
            "satu pemanasan. Data disemai dengan bulk_create lalu ANALYZE.",
            tabel_halaman(hasil, ukuran),
        ]
    )
