"""The SKP work on each person's home page (registered in `SkpConfig.ready`).

Employee: the SKP to draft, complete and submit, fix after a return, or sign. Rater: the
submitted SKPs to review and set, and the MPH (A.1.5) to fill once their own SKP exists.
Atasan pejabat penilai: the SKPs escalated to them. Admin: the SKPs past the deadline.
Each due date is the agency's January deadline, explained by `organisasi.tenggat`.
A fixed number of queries, however many SKPs there are.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.urls import reverse

from organisasi.beranda import Konteks, Tugas
from organisasi.models import JenisPenempatan, Penempatan
from organisasi.selectors import berlaku_pada

from .models import SKP, MatriksPeranHasil
from .tenggat import batas_tahun, pegawai_tanpa_skp, skp_terbuka
from .workflow import BELUM_DITETAPKAN, BERLAKU, Status

# Rows listed one by one; the rest are counted in one more item.
DAFTAR_MAKS = 8


def _dibatasi(qs, buat, sisa_judul: str, tautan: str, jt) -> list[Tugas]:
    """The first rows one by one, the rest as one counted item: at most two queries."""
    daftar = list(qs[: DAFTAR_MAKS + 1])
    tugas = [buat(s) for s in daftar[:DAFTAR_MAKS]]
    if len(daftar) > DAFTAR_MAKS:
        lain = qs.count() - DAFTAR_MAKS
        tugas.append(Tugas(f"{lain} {sisa_judul} lainnya", "Tim Anda", tautan, jt))
    return tugas


def _batas_untuk(skp: SKP, jt):
    """The January deadline binds the first version of the year's SKP only."""
    return jt if skp.versi == 1 and skp.tahun == jt.mulai.year else None


def tugas_skp(k: Konteks) -> list[Tugas]:
    tahun = k.hari_ini.year
    jt = batas_tahun(k.kalender, tahun)
    tugas: list[Tugas] = []
    if k.pegawai is not None:
        tugas += _tugas_pegawai(k, jt)
        tugas += _tugas_penilai(k, jt)
        tugas += _tugas_atasan(k, jt)
    if k.pengguna.admin_instansi:
        tugas += _tugas_admin(k, jt)
    return tugas


def _tugas_pegawai(k: Konteks, jt) -> list[Tugas]:
    tahun = k.hari_ini.year
    milik = list(
        SKP.objects.filter(pegawai=k.pegawai, tahun=tahun)
        .exclude(status=Status.DIGANTI)
        .select_related("atasan_penilai")
        .annotate(
            punya_mph=Exists(MatriksPeranHasil.objects.filter(skp_pimpinan=OuterRef("pk"))),
            menilai=Exists(SKP.objects.filter(penilai=k.pegawai, tahun=OuterRef("tahun"))),
        )
        .order_by("-versi", "-pk")
    )
    hasil = []
    if not milik:
        definitif = Penempatan.objects.filter(
            berlaku_pada(k.hari_ini), pegawai=k.pegawai, jenis=JenisPenempatan.DEFINITIF
        ).exists()
        if definitif:
            hasil.append(
                Tugas(
                    f"Susun SKP tahun {tahun}",
                    "Anda",
                    reverse("skp_saya"),
                    jt,
                    "Susun rencana hasil kerja dan indikatornya, lalu ajukan kepada pejabat "
                    "penilai agar dapat ditetapkan sebelum batas.",
                )
            )
        return hasil
    for skp in milik:
        tautan = reverse("skp_detail", args=[skp.pk])
        batas = _batas_untuk(skp, jt)
        if skp.status == Status.DRAF:
            hasil.append(
                Tugas(
                    f"Lengkapi dan ajukan SKP {skp.tahun}"
                    + (f" (perubahan, versi {skp.versi})" if skp.versi > 1 else ""),
                    "Anda",
                    tautan,
                    batas,
                    "SKP masih draf; ajukan kepada pejabat penilai untuk ditetapkan.",
                )
            )
        elif skp.status == Status.DIKEMBALIKAN:
            catatan = skp.catatan_penilai.strip()
            hasil.append(
                Tugas(
                    f"Perbaiki SKP {skp.tahun} yang dikembalikan",
                    "Anda",
                    tautan,
                    batas,
                    f"Catatan pejabat penilai: {catatan[:160]}" if catatan else "",
                )
            )
        elif skp.status == Status.DIAJUKAN and skp.dieskalasi_pada and batas:
            atasan = skp.atasan_penilai
            hasil.append(
                Tugas(
                    f"SKP {skp.tahun} melewati batas: lakukan dialog kinerja",
                    "Anda",
                    tautan,
                    batas,
                    f"Pejabat penilai belum menetapkan SKP Anda hingga batas. Lakukan dialog "
                    f"kinerja dengan {atasan or 'atasan pejabat penilai'}, yang kini dapat "
                    "menetapkannya.",
                )
            )
        elif skp.status == Status.DITETAPKAN:
            hasil.append(
                Tugas(
                    f"Tandatangani SKP {skp.tahun}",
                    "Anda",
                    tautan,
                    None,
                    "SKP sudah ditetapkan pejabat penilai; periksa lalu tandatangani.",
                )
            )
        # Someone's SKP names them as rater: they have a team to divide results among.
        mph = skp.status in BERLAKU and skp.menilai
        if mph and not skp.punya_mph:
            hasil.append(
                Tugas(
                    f"Isi MPH (A.1.5) tahun {skp.tahun}",
                    "Tim Anda",
                    reverse("mph", args=[skp.pk]),
                    None,
                    "Bagi peran dan hasil kerja Anda kepada tim; isinya langsung menjadi "
                    "draf rencana hasil kerja bawahan.",
                )
            )
    return hasil


def _tugas_penilai(k: Konteks, jt) -> list[Tugas]:
    qs = (
        SKP.objects.filter(penilai=k.pegawai, status=Status.DIAJUKAN)
        .select_related("pegawai")
        .order_by("tahun", "diajukan_pada", "pk")
    )
    return _dibatasi(
        qs,
        lambda s: Tugas(
            f"Tinjau dan tetapkan SKP {s.tahun}",
            str(s.pegawai),
            reverse("skp_detail", args=[s.pk]),
            _batas_untuk(s, jt),
            "Diajukan kepada Anda sebagai pejabat penilai: tetapkan, atau kembalikan dengan "
            "catatan.",
        ),
        "SKP diajukan",
        reverse("skp_bawahan"),
        jt,
    )


def _tugas_atasan(k: Konteks, jt) -> list[Tugas]:
    qs = (
        SKP.objects.filter(
            atasan_penilai=k.pegawai, dieskalasi_pada__isnull=False, status__in=BELUM_DITETAPKAN
        )
        .select_related("pegawai", "penilai")
        .order_by("tahun", "pk")
    )
    return _dibatasi(
        qs,
        lambda s: Tugas(
            f"SKP {s.tahun} melewati batas: lakukan dialog kinerja dan tetapkan",
            str(s.pegawai),
            reverse("skp_detail", args=[s.pk]),
            _batas_untuk(s, jt),
            f"Pejabat penilai {s.penilai or '-'} belum menetapkannya hingga batas; sebagai "
            "atasan pejabat penilai Anda kini dapat mengembalikan atau menetapkannya.",
        ),
        "SKP tereskalasi",
        reverse("skp_bawahan"),
        jt,
    )


def _tugas_admin(k: Konteks, jt) -> list[Tugas]:
    if k.hari_ini <= jt.tanggal:
        return []
    tugas = []
    tanpa_skp = pegawai_tanpa_skp(jt.mulai.year, k.hari_ini).count()
    if tanpa_skp:
        tugas.append(
            Tugas(
                f"{tanpa_skp} pegawai belum menyusun SKP {jt.mulai.year}",
                "Instansi",
                reverse("pegawai_daftar"),
                jt,
                "Batas penetapan sudah lewat dan mereka belum memulai SKP; ingatkan melalui "
                "unit kerjanya.",
            )
        )
    daftar = list(
        skp_terbuka(jt.mulai.year, jt.tanggal)
        .select_related("pegawai")
        .order_by("pegawai__nama", "pk")[: DAFTAR_MAKS + 1]
    )
    if not daftar:
        return tugas
    jumlah = skp_terbuka(jt.mulai.year, jt.tanggal).count()
    tugas += [
        Tugas(
            f"SKP {s.tahun} belum ditetapkan melewati batas ({s.get_status_display().lower()})",
            str(s.pegawai),
            reverse("skp_detail", args=[s.pk]),
            jt,
            "Atasan pejabat penilai telah diberi tahu dan dapat menetapkannya.",
        )
        for s in daftar[:DAFTAR_MAKS]
    ]
    if jumlah > DAFTAR_MAKS:
        tugas.append(
            Tugas(
                f"{jumlah - DAFTAR_MAKS} SKP lain belum ditetapkan melewati batas",
                "Instansi",
                reverse("pegawai_daftar"),
                jt,
            )
        )
    return tugas
