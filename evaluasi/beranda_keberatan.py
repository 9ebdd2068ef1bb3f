"""The keberatan items of the home page (called by `beranda.tugas_keberatan`)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse

from organisasi.beranda import Konteks, Tugas

from . import keberatan as aturan
from . import selectors_keberatan as sel
from . import workflow_keberatan as wk
from .models import Keberatan


def _batas_keputusan(k: Konteks, kb: Keberatan):
    return aturan.batas_keputusan(k.kalender, kb.tanggal_pengajuan)


def tugas(k: Konteks) -> list[Tugas]:
    hasil: list[Tugas] = []
    if k.pengguna.admin_instansi:
        n = sel.terlambat_diputuskan().count()
        if n:
            hasil.append(
                Tugas(
                    f"{n} keberatan belum diputuskan melewati 7 hari kerja",
                    "Instansi",
                    reverse("keberatan_daftar"),
                    keterangan="Peraturan tidak mengatur akibatnya; hubungi atasan pejabat "
                    "penilai yang bersangkutan.",
                )
            )
    if k.pegawai is None:
        return hasil
    p = k.pegawai.pk
    for s in sel.kesempatan_pegawai(
        p, k.kalender, k.hari_ini, instansi_daerah=k.pengguna.instansi.jenis == "daerah"
    ):
        hasil.append(
            Tugas(
                f"Keberatan atas evaluasi {s.periode.label_lengkap} dapat diajukan",
                "Evaluasi Anda",
                reverse("keberatan_ajukan", args=[s.evaluasi.pk]),
                s.batas,
                "Bila tidak sependapat dengan hasil evaluasi, ajukan keberatan beserta "
                "alasannya kepada atasan pejabat penilai.",
            )
        )
    # One query: the keberatan that wait for this person, with her open requests counted.
    menunggu = (
        Keberatan.objects.filter(Q(pegawai_id=p) | Q(penilai_id=p) | Q(atasan_id=p))
        .exclude(status__in=[wk.Status.DIKUATKAN, wk.Status.DILAPORKAN])
        .select_related("pegawai")
        .annotate(
            tanya=Count(
                "permintaan",
                filter=Q(permintaan__dijawab_pada__isnull=True)
                & (
                    Q(permintaan__kepada=wk.Peran.PEGAWAI, pegawai_id=p)
                    | Q(permintaan__kepada=wk.Peran.PENILAI, penilai_id=p)
                ),
            )
        )
        .order_by("tanggal_pengajuan", "pk")
    )
    for kb in menunggu:
        tautan = reverse("keberatan_detail", args=[kb.pk])
        nama = kb.pegawai.nama_lengkap
        untuk = "Keberatan Anda" if kb.pegawai_id == p else nama
        s = kb.status
        if kb.tanya:
            hasil.append(Tugas("Jawab permintaan keterangan tambahan atas keberatan", untuk,
                               tautan, _batas_keputusan(k, kb)))  # fmt: skip
        if s in wk.TERBUKA and kb.atasan_id == p:
            hasil.append(Tugas(f"Putuskan keberatan {nama}", nama, tautan,
                               _batas_keputusan(k, kb),
                               "Menguatkan atau mengubah hasil evaluasi kinerja."))  # fmt: skip
        if s == wk.Status.PENJELASAN_DIMINTA and kb.penilai_id == p:
            hasil.append(Tugas(f"Berikan penjelasan atas keberatan {nama}", nama, tautan,
                               _batas_keputusan(k, kb)))  # fmt: skip
        if s == wk.Status.DIUBAH:
            kolom = {kb.penilai_id: kb.ttd_penilai_pada, kb.pegawai_id: kb.ttd_pegawai_pada,
                     kb.atasan_id: kb.ttd_atasan_pada}  # fmt: skip
            if kolom.get(p) is None:
                hasil.append(Tugas("Tandatangani dokumen evaluasi D.1.3", untuk, tautan))
        if s == wk.Status.D13_DITANDATANGANI and kb.atasan_id == p:
            hasil.append(
                Tugas(
                    f"Laporkan D.1.3 {nama} kepada PyB",
                    nama,
                    tautan,
                    sel.jadwal(kb, k.kalender).pelaporan,
                )  # fmt: skip
            )
    return hasil
