"""Queries, time and size of the MPH page (A.1.5) and the performance tree at 5, 50 and
500 team members.

One agency per size (`data_bench.organisasi_bench`): a Kepala Seksi rating n staff. For
the MPH, the Kepala Seksi's SKP has 3 RHK and his matrix has a row per staff member
(a role-result under RHK 1, TIDAK ADA PERAN under RHK 2, RHK 3 empty). For the tree, a
Kepala Dinas (JPT, 2 RHK x 2 IKI) -> Kepala Bidang -> Kepala Seksi chain linked RHK to
RHK, and each staff SKP with one RHK linked to the Kepala Seksi's RHK 1 and one linked
to nothing. The MPH page is opened by the Kepala Seksi, the tree (whole Dinas) by the
agency admin. Run by scripts/bench.py (`make bench`), which calls `jalankan(kecil)`.
"""

from __future__ import annotations

import uuid

from data_bench import analisis, klien, organisasi_bench, tabel_halaman, ukur

UKURAN = (5, 50, 500)
UKURAN_KECIL = (2, 5)


def _skp_pimpinan(org, pegawai, penilai, *, jpt: bool, rhk: list[str], iki: int = 0):
    """An SKP for one of the heads, with its RHK (and IKI for a JPT)."""
    from organisasi.models import Penempatan
    from skp.models import SKP, IndikatorKinerjaIndividu, RencanaHasilKerja

    i = org.instansi.pk
    penempatan = Penempatan.objects.get(pegawai=pegawai)
    tahun = org.skp[0].tahun if org.skp else penempatan.mulai.year
    skp = SKP.objects.create(
        pegawai=pegawai,
        penempatan=penempatan,
        tahun=tahun,
        nomor_seri=10_000_000 + pegawai.pk,
        periode_mulai=penempatan.mulai,
        periode_selesai=penempatan.mulai.replace(month=12, day=31),
        kelompok="jpt_pukm" if jpt else "admin_jf",
        pendekatan="kuantitatif",
        status="diajukan",
        penilai=penilai,
        penilai_kepala_daerah=penilai is None,
    )
    daftar = RencanaHasilKerja.objects.bulk_create(
        RencanaHasilKerja(instansi_id=i, skp=skp, urutan=k + 1, teks=t, penugasan_dari="-")
        for k, t in enumerate(rhk)
    )
    IndikatorKinerjaIndividu.objects.bulk_create(
        IndikatorKinerjaIndividu(
            instansi_id=i, rhk=r, skp=skp, urutan=j + 1, teks=f"Indeks {r.urutan}.{j + 1}",
            target="80%",
        )
        for r in daftar
        for j in range(iki)
    )  # fmt: skip
    return skp, daftar


def siapkan(org) -> dict:
    """Seed the matrix and the RHK chain for one agency; returns what the pages need."""
    from organisasi.tenancy import lingkup_instansi
    from skp.models import (
        BarisMPH,
        IndikatorKinerjaIndividu,
        MatriksPeranHasil,
        PeranHasil,
        RencanaHasilKerja,
    )

    i = org.instansi.pk
    with lingkup_instansi(org.instansi):
        _, rhk_kadis = _skp_pimpinan(
            org, org.kadis, None, jpt=True, iki=2,
            rhk=["Meningkatnya kinerja layanan dinas", "Meningkatnya akuntabilitas dinas"],
        )  # fmt: skip
        iki_kadis = IndikatorKinerjaIndividu.objects.filter(rhk=rhk_kadis[0]).first()
        _, rhk_kabid = _skp_pimpinan(
            org, org.kabid, org.kadis, jpt=False, rhk=["Tersusunnya kebijakan bidang"]
        )
        RencanaHasilKerja.objects.filter(pk=rhk_kabid[0].pk).update(
            rhk_pimpinan=rhk_kadis[0], iki_pimpinan=iki_kadis
        )
        skp_kasi, rhk_kasi = _skp_pimpinan(
            org, org.kasi, org.kabid, jpt=False,
            rhk=[f"Tersedianya data seksi tahap {k}" for k in (1, 2, 3)],
        )  # fmt: skip
        RencanaHasilKerja.objects.filter(pk=rhk_kasi[0].pk).update(rhk_pimpinan=rhk_kabid[0])
        RencanaHasilKerja.objects.bulk_create(
            RencanaHasilKerja(
                instansi_id=i, skp=s, urutan=k, teks=f"Tersusunnya laporan {k} {s.pegawai_id}",
                penugasan_dari="Kepala Seksi Bench",
                rhk_pimpinan=rhk_kasi[0] if k == 1 else None,
            )
            for s in org.skp
            for k in (1, 2)
        )  # fmt: skip

        matriks = MatriksPeranHasil.objects.create(skp_pimpinan=skp_kasi)
        baris = BarisMPH.objects.bulk_create(
            BarisMPH(instansi_id=i, matriks=matriks, pegawai=p, peran="mandiri", urutan=k + 1)
            for k, p in enumerate(org.staf)
        )
        PeranHasil.objects.bulk_create(
            [
                PeranHasil(
                    instansi_id=i, baris=b, rhk_pimpinan=rhk_kasi[0], urutan=1,
                    teks=f"Terhimpunnya data tahap 1 oleh {b.pegawai.nama}",
                )
                for b in baris
            ]
            + [
                PeranHasil(instansi_id=i, baris=b, rhk_pimpinan=rhk_kasi[1], tidak_ada_peran=True)
                for b in baris
            ]
        )  # fmt: skip
    return {"skp_kasi": skp_kasi, "matriks": matriks}


def _halaman(org, data):
    from django.urls import reverse

    mph = f"{reverse('mph', args=[data['skp_kasi'].pk])}?matriks={data['matriks'].pk}"
    pohon = f"{reverse('pohon_kinerja')}?unit={org.dinas.pk}&tahun={data['skp_kasi'].tahun}"
    return [
        ("MPH (penilai, halaman 1)", org.penilai, mph),
        ("Pohon kinerja Dinas (admin)", org.admin, pohon),
    ]


def jalankan(kecil: bool) -> str:
    ukuran = UKURAN_KECIL if kecil else UKURAN
    ulang = 1 if kecil else 7
    akhiran = uuid.uuid4().hex[:6]
    orgs = {}
    for n in ukuran:
        org = organisasi_bench(f"bench-mph-{n}-{akhiran}", n)
        orgs[n] = (org, siapkan(org))
    analisis()

    hasil: dict[str, dict[int, object]] = {}
    for n, (org, data) in orgs.items():
        for label, pengguna, url in _halaman(org, data):
            u = ukur(klien(pengguna), url, ulang=ulang)
            if u.status != 200:
                raise RuntimeError(f"{label} ({url}) menjawab {u.status} pada n={n}")
            hasil.setdefault(label, {})[n] = u

    return "\n\n".join(
        [
            "## MPH dan pohon kinerja",
            f"Ukuran: {', '.join(str(n) for n in ukuran)} anggota tim satu Kepala Seksi. MPH: "
            "3 kolom (RHK Kepala Seksi), satu baris per anggota (peran hasil, TIDAK ADA PERAN, "
            "kosong), baris dibagi per halaman. Pohon: Kepala Dinas (JPT, 2 RHK x 2 IKI) -> "
            "Kepala Bidang -> Kepala Seksi -> setiap staf (satu RHK tertaut, satu tanpa RHK "
            "pimpinan); cabang dalam dan daftar panjang dimuat saat diminta. Klien uji Django "
            f"dalam proses; kueri dari satu permintaan, waktu = median {ulang} permintaan "
            "setelah satu pemanasan. Data disemai dengan bulk_create lalu ANALYZE.",
            tabel_halaman(hasil, ukuran),
        ]
    )
