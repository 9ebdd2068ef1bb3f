"""The keberatan items of the home page (called by `beranda.tugas_keberatan`).

One query: the person's own part (evaluations she may still object to, the keberatan
that wait for her) and, for the agency admin, the keberatan flagged past 7 working days,
joined in one read. An admin account without employee data asks for the count alone."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse

from organisasi.beranda import Konteks, Tugas

from . import keberatan as aturan
from . import selectors_keberatan as sel
from . import workflow_keberatan as wk
from .models import Keberatan


def _admin(n: int) -> list[Tugas]:
    if not n:
        return []
    return [
        Tugas(
            f"{n} keberatan belum diputuskan melewati 7 hari kerja",
            "Instansi",
            reverse("keberatan_daftar"),
            keterangan="Peraturan tidak mengatur akibatnya; hubungi atasan pejabat penilai "
            "yang bersangkutan.",
        )
    ]


def _baca(p: int, admin: bool):
    """The person's evaluations open to a keberatan, and every evaluation whose keberatan
    waits for her (as pegawai, rater or atasan), with her unanswered requests counted."""
    pihak = Q(keberatan__pegawai_id=p) | Q(keberatan__penilai_id=p) | Q(keberatan__atasan_id=p)
    menunggu = pihak & ~Q(keberatan__status__in=[wk.Status.DIKUATKAN, wk.Status.DILAPORKAN])
    tanya = Q(keberatan__permintaan__dijawab_pada__isnull=True) & (
        Q(keberatan__permintaan__kepada=wk.Peran.PEGAWAI, keberatan__pegawai_id=p)
        | Q(keberatan__permintaan__kepada=wk.Peran.PENILAI, keberatan__penilai_id=p)
    )
    syarat = (sel.q_dapat_diajukan() & Q(pegawai_id=p)) | menunggu
    if admin:
        syarat |= Q(keberatan__status__in=sorted(wk.TERBUKA),
                    keberatan__keputusan_terlambat_pada__isnull=False)  # fmt: skip
    return (
        sel._evaluasi_lengkap()
        .filter(syarat)
        .select_related("keberatan", "keberatan__pegawai")
        .annotate(tanya=Count("keberatan__permintaan", filter=tanya))
        .order_by("tahun", "periode_nomor", "pk")
    )


def tugas(k: Konteks) -> list[Tugas]:
    admin = k.pengguna.admin_instansi
    if k.pegawai is None:
        return _admin(sel.terlambat_diputuskan().count()) if admin else []
    hasil, terlambat = [], 0
    p = k.pegawai.pk
    akhir: dict = {}  # window end per period: the settings are read once per period
    for e in _baca(p, admin):
        kb: Keberatan | None = getattr(e, "keberatan", None)
        if kb is not None and kb.keputusan_terlambat_pada and kb.status in wk.TERBUKA:
            terlambat += 1
            if p not in (kb.pegawai_id, kb.penilai_id, kb.atasan_id):
                continue
        if kb is None:
            if (s := sel.kesempatan(e, k.kalender, k.hari_ini)) is not None:
                hasil.append(
                    Tugas(
                        f"Keberatan atas evaluasi {s.periode.label_lengkap} dapat diajukan",
                        "Evaluasi Anda",
                        reverse("keberatan_ajukan", args=[e.pk]),
                        s.batas,
                        "Bila tidak sependapat dengan hasil evaluasi, ajukan keberatan beserta "
                        "alasannya kepada atasan pejabat penilai.",
                    )
                )
            continue
        hasil += _untuk(k, kb, e, p, akhir)
    return (_admin(terlambat) if admin else []) + hasil


def _untuk(k: Konteks, kb: Keberatan, e, p: int, akhir: dict) -> list[Tugas]:
    tautan = reverse("keberatan_detail", args=[kb.pk])
    nama = kb.pegawai.nama_lengkap
    untuk = "Keberatan Anda" if kb.pegawai_id == p else nama
    s = kb.status
    k2 = aturan.batas_keputusan(k.kalender, kb.tanggal_pengajuan)
    hasil = []
    if e.tanya:
        hasil.append(Tugas("Jawab permintaan keterangan tambahan atas keberatan", untuk,
                           tautan, k2))  # fmt: skip
    if s in wk.TERBUKA and kb.atasan_id == p:
        hasil.append(Tugas(f"Putuskan keberatan {nama}", nama, tautan, k2,
                           "Menguatkan atau mengubah hasil evaluasi kinerja."))  # fmt: skip
    if s == wk.Status.PENJELASAN_DIMINTA and kb.penilai_id == p:
        hasil.append(Tugas(f"Berikan penjelasan atas keberatan {nama}", nama, tautan, k2))
    if s == wk.Status.DIUBAH:
        ttd = {kb.penilai_id: kb.ttd_penilai_pada, kb.pegawai_id: kb.ttd_pegawai_pada,
               kb.atasan_id: kb.ttd_atasan_pada}  # fmt: skip
        if ttd.get(p) is None:
            hasil.append(Tugas("Tandatangani dokumen evaluasi D.1.3", untuk, tautan))
    if s == wk.Status.D13_DITANDATANGANI and kb.atasan_id == p:
        periode = sel.periode_evaluasi(e)
        if periode not in akhir:
            akhir[periode] = sel.akhir_jendela(e, k.kalender)
        k3 = aturan.batas_pelaporan(k.kalender, akhir[periode])
        hasil.append(Tugas(f"Laporkan D.1.3 {nama} kepada PyB", nama, tautan, k3))
    return hasil
