"""Queries, time and size of the continuous-feedback pages at 5, 50 and 500: the record
(rekaman informasi umpan balik berkelanjutan, B.1.3-B.1.5) of one employee with n feedback
entries this month, and the rater's team page with n team members (half documented and
given scheduled feedback). Run by scripts/bench.py (`make bench`): `jalankan(kecil)`.
"""

from __future__ import annotations

import uuid

from data_bench import (
    analisis,
    isi_rhk,
    isi_umpan_balik,
    klien,
    organisasi_bench,
    tabel_halaman,
    ukur,
)

UKURAN = (5, 50, 500)
UKURAN_KECIL = (2, 5)


def siapkan(slug: str, n: int):
    org = organisasi_bench(slug, n)
    skp = org.skp[1] if len(org.skp) > 1 else org.skp[0]
    isi_rhk(org, skp, 5)
    isi_umpan_balik(org, skp, n)
    return org, skp


def _halaman(org, skp):
    from django.urls import reverse

    return [
        (
            "Rekaman umpan balik (penilai)",
            org.penilai,
            reverse("rekaman_umpan_balik", args=[skp.pk]),
        ),
        ("Umpan balik tim (penilai, halaman 1)", org.penilai, reverse("tim_umpan_balik")),
    ]


def jalankan(kecil: bool) -> str:
    ukuran = UKURAN_KECIL if kecil else UKURAN
    ulang = 1 if kecil else 7
    akhiran = uuid.uuid4().hex[:6]
    orgs = {n: siapkan(f"bench-ub-{n}-{akhiran}", n) for n in ukuran}
    analisis()
    hasil: dict[str, dict[int, object]] = {}
    for n, (org, skp) in orgs.items():
        for label, pengguna, url in _halaman(org, skp):
            u = ukur(klien(pengguna), url, ulang=ulang)
            if u.status != 200:
                raise RuntimeError(f"{label} ({url}) menjawab {u.status} pada n={n}")
            hasil.setdefault(label, {})[n] = u
    return "\n\n".join(
        [
            "## Umpan balik berkelanjutan",
            f"Ukuran: {', '.join(str(n) for n in ukuran)}. Rekaman: satu pegawai dengan n umpan "
            "balik bulan ini (RHK dan nilai BerAKHLAK, satu tautan bukti masing-masing), 5 RHK x "
            "2 IKI. Tim: n anggota dengan SKP berlaku, separuhnya sudah mendokumentasikan dan "
            f"menerima umpan balik berkala, 25 per halaman. Waktu = median {ulang} permintaan "
            "setelah satu pemanasan; data disemai dengan bulk_create lalu ANALYZE.",
            tabel_halaman(hasil, ukuran),
        ]
    )
