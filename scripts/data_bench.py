"""Shared helpers of the benchmark scripts (scripts/bench_*.py): seeding and measuring.

Not a benchmark itself (the runner imports only bench_*.py). Every script seeds its
own agency with a unique slug through `organisasi_bench`, so scripts never see each
other's rows, then calls `analisis()` before it measures.
"""

from __future__ import annotations

import itertools
import os
import statistics
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

SANDI = "Sandi-Bench-2026!"


def nip(i: int) -> str:
    """A well-formed 18-digit NIP for the i-th generated employee (unique below 108,000)."""
    lahir = date(1965, 1, 1) + timedelta(days=i % 12000)
    return f"{lahir:%Y%m%d}{lahir.year + 25}01{1 + (i // 12000) % 9}{i % 1000:03d}"


# Accounts' NIPs are unique across agencies: each seeded agency takes its own block.
_nomor_berikut = itertools.count()


def _blok_nip(jumlah: int) -> list[str]:
    return [nip(next(_nomor_berikut)) for _ in range(jumlah)]


def analisis() -> None:
    """ANALYZE the whole database as its owner, so the planner sees the seeded sizes.

    The application role owns no table and may not ANALYZE; the runner leaves the
    owner's connection string in KINERJA_BENCH_URL_PEMILIK.
    """
    import psycopg

    url = os.environ.get("KINERJA_BENCH_URL_PEMILIK")
    if not url:
        raise RuntimeError("KINERJA_BENCH_URL_PEMILIK kosong: jalankan lewat scripts/bench.py.")
    with psycopg.connect(url, autocommit=True) as koneksi:
        koneksi.execute("ANALYZE")


@dataclass
class OrgBench:
    """A Dinas -> Bidang -> Seksi chain; the Kepala Seksi rates `n` staff, each with an SKP.

    The Bidang also holds n/10 further Seksi (a head position each, vacant), so the unit
    tree grows with the size too. The first staff members have a login each
    (`akun_pegawai`, see `organisasi_bench`) and their SKP is still a draft they can edit.
    """

    instansi: object
    dinas: object
    bidang: object
    seksi: object
    kadis: object
    kabid: object
    kasi: object
    staf: list = field(default_factory=list)
    skp: list = field(default_factory=list)
    admin: object = None
    penilai: object = None  # the Kepala Seksi's login
    pegawai: object = None  # the first staff member's login
    akun_pegawai: list = field(default_factory=list)  # logins of the first staff, in order


def _pengguna(instansi, username: str, pegawai=None, *, admin: bool = False):
    from organisasi.models import Pengguna

    pengguna = Pengguna.objects.create_user(
        username=username,
        password=SANDI,
        nama=pegawai.nama if pegawai else username,
        nip=pegawai.nip if pegawai else None,
        instansi=instansi,
        admin_instansi=admin,
    )
    if pegawai is not None:
        pegawai.pengguna = pengguna
        pegawai.save(update_fields=["pengguna"])
    return pengguna


def organisasi_bench(
    slug: str, n: int, *, status_skp: str = "diajukan", pegawai_masuk: int = 1
) -> OrgBench:
    """Seed an agency whose rater has `n` subordinates, all with an SKP of this year: the
    first `pegawai_masuk` of them log in (`org.akun_pegawai`, the first also `org.pegawai`)
    and their SKP is a draft; the others' SKP has `status_skp`."""
    from django.utils import timezone

    from organisasi.models import Instansi, Jabatan, Pegawai, Penempatan, UnitKerja
    from organisasi.pengaturan import pengaturan_instansi
    from organisasi.tenancy import lingkup_instansi
    from skp.models import SKP

    tahun = timezone.localdate().year
    awal = date(tahun, 1, 2)
    nomor = _blok_nip(n + 3)
    instansi = Instansi.objects.create(nama=f"Instansi Bench {slug}", slug=slug)
    with lingkup_instansi(instansi):
        pengaturan_instansi()
        i = instansi.pk

        def unit(nama, jenis, induk=None):
            return UnitKerja.objects.create(nama=nama, jenis=jenis, induk=induk)

        dinas = unit("Dinas Bench", "dinas")
        bidang = unit("Bidang Bench", "bidang", dinas)
        seksi = unit("Seksi Bench", "seksi", bidang)
        lain = UnitKerja.objects.bulk_create(
            UnitKerja(instansi_id=i, nama=f"Seksi Lain {k}", jenis="seksi", induk=bidang)
            for k in range(max(1, n // 10))
        )
        Jabatan.objects.bulk_create(
            Jabatan(
                instansi_id=i, nama=f"Kepala {u.nama}", unit=u, jenis="pengawas", kepala_unit=True
            )
            for u in lain
        )
        kepala = []
        for k, (u, nama, jenis) in enumerate(
            (
                (dinas, "Kepala Dinas Bench", "jpt_pratama"),
                (bidang, "Kepala Bidang Bench", "administrator"),
                (seksi, "Kepala Seksi Bench", "pengawas"),
            )
        ):
            jabatan = Jabatan.objects.create(nama=nama, unit=u, jenis=jenis, kepala_unit=True)
            orang = Pegawai.objects.create(
                nip=nomor[n + k], nama=f"Pejabat {k}", status="pns", golongan="IV/a"
            )
            Penempatan.objects.create(pegawai=orang, jabatan=jabatan, mulai=awal)
            kepala.append(orang)
        kadis, kabid, kasi = kepala
        jabatan_staf = Jabatan.objects.create(
            nama="Pengelola Data Bench", unit=seksi, jenis="pelaksana"
        )
        staf = Pegawai.objects.bulk_create(
            Pegawai(
                instansi_id=i,
                nip=nomor[k],
                nama=f"Pegawai {k:04d}",
                gelar_belakang="S.Kom.",
                status="pns",
                golongan="III/a",
            )
            for k in range(n)
        )
        penempatan = Penempatan.objects.bulk_create(
            Penempatan(instansi_id=i, pegawai=p, jabatan=jabatan_staf, mulai=awal) for p in staf
        )
        skp = SKP.objects.bulk_create(
            SKP(
                instansi_id=i,
                pegawai=p,
                penempatan=pn,
                tahun=tahun,
                nomor_seri=k + 1,
                periode_mulai=awal,
                periode_selesai=date(tahun, 12, 31),
                kelompok="admin_jf",
                pendekatan="kuantitatif",
                status="draf" if k < pegawai_masuk else status_skp,  # each one's own draft
                penilai=kasi,
                atasan_penilai=kabid,
                identitas={
                    "instansi": instansi.nama,
                    "perangkat_daerah": dinas.nama,
                    "pegawai": {"nama": p.nama_lengkap, "nip": p.nip, "jabatan": "Pengelola"},
                    "penilai": {"nama": kasi.nama_lengkap, "nip": kasi.nip},
                    "atasan": {"nama": kabid.nama_lengkap, "nip": kabid.nip},
                },
            )
            for k, (p, pn) in enumerate(zip(staf, penempatan, strict=True))
        )
        org = OrgBench(instansi, dinas, bidang, seksi, kadis, kabid, kasi, staf, skp)
        org.admin = _pengguna(instansi, f"admin.{slug}", admin=True)
        org.penilai = _pengguna(instansi, f"penilai.{slug}", kasi)
        # pegawai.<slug>, then pegawai2.<slug>, pegawai3.<slug>, ...
        org.akun_pegawai = [
            _pengguna(instansi, f"pegawai{k + 1 if k else ''}.{slug}", p)
            for k, p in enumerate(staf[:pegawai_masuk])
        ]
        org.pegawai = org.akun_pegawai[0] if org.akun_pegawai else None
    return org


def isi_rhk(org: OrgBench, skp, jumlah: int, *, iki_per_rhk: int = 2) -> None:
    """Give one SKP `jumlah` RHK (a fifth of them TAMBAHAN), each with its IKI."""
    from organisasi.tenancy import lingkup_instansi
    from skp.models import IndikatorKinerjaIndividu, RencanaHasilKerja

    i = org.instansi.pk
    with lingkup_instansi(org.instansi):
        rhk = RencanaHasilKerja.objects.bulk_create(
            RencanaHasilKerja(
                instansi_id=i,
                skp=skp,
                jenis="tambahan" if k % 5 == 4 else "utama",
                urutan=k + 1,
                teks=f"Tersusunnya laporan pengelolaan data bidang ke-{k + 1}",
                penugasan_dari="Kepala Seksi Bench",
                rhk_pimpinan_teks="Meningkatnya kualitas data kinerja instansi",
            )
            for k in range(jumlah)
        )
        IndikatorKinerjaIndividu.objects.bulk_create(
            IndikatorKinerjaIndividu(
                instansi_id=i,
                rhk=r,
                skp=skp,
                urutan=j + 1,
                teks=f"Persentase data yang divalidasi tepat waktu ({j + 1})",
                target="90%",
                aspek=["kuantitas"] if j == 0 else ["kualitas", "waktu"],
            )
            for r in rhk
            for j in range(iki_per_rhk)
        )
        # Each view numbers and lists these; PDF rendering needs an ekspektasi too.
        from skp.models import ButirLampiran

        ButirLampiran.objects.bulk_create(
            ButirLampiran(instansi_id=i, skp=skp, bagian=b, teks=t, urutan=1)
            for b, t in (
                ("dukungan", "Akses ke basis data kepegawaian"),
                ("skema", "Dilaporkan setiap bulan"),
                ("konsekuensi", "Penghargaan non materiil"),
            )
        )


def isi_umpan_balik(org: OrgBench, skp, jumlah: int) -> None:
    """Set every submitted SKP of the team, then continuous feedback for this month:
    `jumlah` entries on `skp` (from the rater, on its RHK and on BerAKHLAK values, one
    evidence link each), and for half of the other SKPs one realisation and one
    scheduled feedback. Call after the SKPs' content is written (a set SKP is locked)."""
    from django.utils import timezone

    from organisasi.tenancy import lingkup_instansi
    from skp.models import SKP, IndikatorKinerjaIndividu, NilaiBerakhlak, RencanaHasilKerja
    from umpanbalik.models import BuktiUmpanBalik, Realisasi, UmpanBalik

    i = org.instansi.pk
    bulan = timezone.localdate().month
    nilai = NilaiBerakhlak.values
    with lingkup_instansi(org.instansi):
        diajukan = [s for s in org.skp if s.status == "diajukan"]
        lain = [s for s in diajukan if s != skp]
        setengah = lain[::2]
        RencanaHasilKerja.objects.bulk_create(
            RencanaHasilKerja(instansi_id=i, skp=s, urutan=1, teks="Tersusunnya laporan data")
            for s in setengah
        )
        iki = IndikatorKinerjaIndividu.objects.bulk_create(
            IndikatorKinerjaIndividu(
                instansi_id=i, rhk=r, skp_id=r.skp_id, urutan=1, teks="Laporan", target="1"
            )
            for r in RencanaHasilKerja.objects.filter(skp__in=setengah)
        )
        SKP.objects.filter(pk__in=[s.pk for s in diajukan]).update(status="ditetapkan")
        for s in diajukan:
            s.status = "ditetapkan"
        rhk = list(RencanaHasilKerja.objects.filter(skp=skp).order_by("pk"))
        umum = {
            "instansi_id": i,
            "periode": bulan,
            "jenis_periode": "bulanan",
            "cara": "langsung",
            "pemberi": org.kasi,
            "nama_pemberi": org.kasi.nama_lengkap,
        }
        entri = UmpanBalik.objects.bulk_create(
            UmpanBalik(
                **umum,
                skp=skp,
                pegawai_id=skp.pegawai_id,
                sumber="penilai",
                sifat="berkala" if k % 3 == 0 else "insidentil",
                rhk=rhk[k % len(rhk)] if rhk and k % 2 == 0 else None,
                nilai_berakhlak="" if rhk and k % 2 == 0 else nilai[k % len(nilai)],
                arah="positif" if k % 4 else "negatif",
                teks=f"Umpan balik ke-{k + 1}: progres laporan sesuai rencana aksi.",
            )
            for k in range(jumlah)
        )
        BuktiUmpanBalik.objects.bulk_create(
            BuktiUmpanBalik(
                instansi_id=i, umpan_balik=u, nama="Notulen", tautan="https://arsip.example.go.id/n"
            )
            for u in entri
        )
        Realisasi.objects.bulk_create(
            Realisasi(
                instansi_id=i,
                skp_id=k.skp_id,
                iki=k,
                periode=bulan,
                jenis_periode="bulanan",
                jenis="progres",
                uraian="Laporan tahap 1 selesai",
                dicatat_oleh_id=org.kasi.pk,
            )
            for k in iki
        )
        UmpanBalik.objects.bulk_create(
            UmpanBalik(
                **umum,
                skp=s,
                pegawai_id=s.pegawai_id,
                sumber="penilai",
                sifat="berkala",
                nilai_berakhlak="kolaboratif",
                arah="positif",
                teks="Kerja sama dengan seksi lain baik.",
            )
            for s in setengah
        )


# --- measuring -------------------------------------------------------------------------


@dataclass(frozen=True)
class Ukuran:
    status: int
    kueri: int
    ms: float  # median wall time of one request, in milliseconds
    kb: float  # response body size, KiB


def klien(pengguna):
    """A Django test client logged in as `pengguna` (in-process, no network)."""
    from django.test import Client

    c = Client()
    c.force_login(pengguna, backend="organisasi.auth.NipAtauUsernameBackend")
    return c


def ukur(client, url: str, *, ulang: int = 5, method: str = "get", data=None, **extra) -> Ukuran:
    """One request counting queries, then `ulang` timed ones (median)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kirim = getattr(client, method)
    kirim(url, data, **extra)  # warm-up: template cache, first-use rows
    with CaptureQueriesContext(connection) as kueri:
        respons = kirim(url, data, **extra)
    jumlah_kueri = len(kueri)  # now: the next request's reset_queries empties the log
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        kirim(url, data, **extra)
        waktu.append(time.perf_counter() - mulai)
    return Ukuran(
        status=respons.status_code,
        kueri=jumlah_kueri,
        ms=statistics.median(waktu) * 1000,
        kb=len(respons.content) / 1024,
    )


def tabel(kepala: list[str], baris: list[list]) -> str:
    """A Markdown table."""
    garis = ["| " + " | ".join(kepala) + " |", "|" + "|".join("---" for _ in kepala) + "|"]
    garis += ["| " + " | ".join(str(x) for x in b) + " |" for b in baris]
    return "\n".join(garis)


def tabel_halaman(hasil: dict[str, dict[int, Ukuran]], ukuran: list[int]) -> str:
    """Pages measured at several sizes: queries, time and size per size, whether the query
    count stays the same, and the time at the largest size against the smallest."""
    kepala = ["Halaman"]
    for n in ukuran:
        kepala += [f"kueri n={n}", f"ms n={n}", f"KiB n={n}"]
    kepala += ["kueri tetap?", f"waktu n={ukuran[-1]} / n={ukuran[0]}"]
    baris = []
    for label, per_n in hasil.items():
        b = [label]
        for n in ukuran:
            u = per_n[n]
            b += [u.kueri, f"{u.ms:.1f}", f"{u.kb:.0f}"]
        b.append("ya" if len({u.kueri for u in per_n.values()}) == 1 else "**tidak**")
        b.append(f"{per_n[ukuran[-1]].ms / per_n[ukuran[0]].ms:.1f}x")
        baris.append(b)
    return tabel(kepala, baris)
