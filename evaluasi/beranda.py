"""The evaluation work on a person's home page (registered in EvaluasiConfig.ready).

- The pejabat penilai, while a period's window is open: how many of her team still have
  no predikat, due at the window's end (after it the evaluation passes to her atasan and
  is final, 000:6439-6447).
- Every pending step of the document's path, per role: the rater delivers and reports
  D.1.1, the atasan rates and signs, delivers and reports D.1.2 once a case is taken
  over, the pegawai signs and returns what she received. One item per role and step,
  linked to the case when there is one (to the list page otherwise), with the nearest
  due date among its cases, explained (`organisasi.tenggat.JatuhTempo`).

A fixed number of queries, whatever the number of cases.
"""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from organisasi.beranda import Konteks, Tugas
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenggat import hitung_tanggal_tetap

from . import selectors, workflow
from . import tenggat as tenggat_evaluasi
from .models import EvaluasiKinerja
from .periode import Periode
from .workflow import Status

# (role, status) -> (what to do, who acts on it)
LANGKAH = {
    ("penilai", Status.D11_DITANDATANGANI): "Serahkan dokumen evaluasi D.1.1 kepada pegawai",
    ("penilai", Status.D11_DIKEMBALIKAN): "Laporkan dokumen evaluasi D.1.1 kepada {penerima}",
    ("atasan", Status.DIAMBIL_ALIH): "Evaluasi dan tandatangani dokumen evaluasi D.1.2 "
    "(beralih dari pejabat penilai)",
    ("atasan", Status.D12_DITANDATANGANI): "Serahkan dokumen evaluasi D.1.2 kepada pegawai",
    ("atasan", Status.D12_DIKEMBALIKAN): "Laporkan dokumen evaluasi D.1.2 kepada {penerima}",
    ("pegawai", Status.D11_DISERAHKAN): "Periksa, tandatangani dan kembalikan dokumen "
    "evaluasi kinerja Anda",
    ("pegawai", Status.D12_DISERAHKAN): "Periksa, tandatangani dan kembalikan dokumen "
    "evaluasi kinerja Anda",
}


def _belum_berpredikat(k: Konteks) -> list[Tugas]:
    p = selectors.periode_saat_ini(k.hari_ini)
    jendela = selectors.jendela(p, k.kalender)
    if not jendela.memuat(k.hari_ini):
        return []
    # The team page's rule (transfers, a rater who moved), so the count matches the
    # page's "Belum berpredikat" list and its calibration panel.
    tim = selectors.tim_pegawai(k.pegawai.pk, p, k.kalender)
    predikat = selectors.predikat_tim(tim, p)
    belum = sum(1 for pk in tim if not predikat.get(pk))
    if not belum:
        return []
    jt = hitung_tanggal_tetap(
        k.kalender, peristiwa="akhir jangka waktu evaluasi", nominal=jendela.akhir
    )
    return [
        Tugas(
            f"Evaluasi kinerja {p.label_lengkap}: {belum} pegawai belum berpredikat",
            "Tim Anda",
            reverse("evaluasi_tim", args=[p.kode]) + "?saring=belum",
            jt,
            "Tetapkan rating hasil kerja dan perilaku kerja, lalu tandatangani, sebelum "
            "jangka waktu evaluasi berakhir; setelah itu evaluasi beralih kepada atasan Anda "
            "dan bersifat final.",
        )
    ]


def _langkah_dokumen(k: Konteks) -> list[Tugas]:
    saya = k.pegawai.pk
    per_peran = {
        "penilai": Q(penilai_id=saya, status__in=[Status.D11_DITANDATANGANI,
                                                  Status.D11_DIKEMBALIKAN]),
        "atasan": Q(atasan_penilai_id=saya, status__in=[
            Status.DIAMBIL_ALIH, Status.D12_DITANDATANGANI, Status.D12_DIKEMBALIKAN]),
        "pegawai": Q(pegawai_id=saya, status__in=[Status.D11_DISERAHKAN,
                                                  Status.D12_DISERAHKAN]),
    }  # fmt: skip
    q = Q()
    for kondisi in per_peran.values():
        q |= kondisi
    kasus = list(EvaluasiKinerja.objects.filter(q).select_related("pegawai"))
    if not kasus:
        return []
    penerima = pengaturan_instansi().penerima_laporan
    kelompok: dict[tuple, list] = {}
    for e in kasus:
        for peran in per_peran:
            kolom = {"penilai": "penilai_id", "atasan": "atasan_penilai_id",
                     "pegawai": "pegawai_id"}[peran]  # fmt: skip
            if getattr(e, kolom) == saya and (peran, e.status) in LANGKAH:
                kelompok.setdefault((peran, e.status), []).append(e)
    jendela = {}
    hasil = []
    for (peran, status), daftar in kelompok.items():
        terdekat = None
        for e in daftar:
            p = Periode(e.tahun, e.periode_jenis, e.periode_nomor)
            if p not in jendela:
                jendela[p] = selectors.jendela(p, k.kalender)
            for _, jt in tenggat_evaluasi.jatuh_tempo_kasus(e, k.kalender, jendela[p])[:1]:
                if terdekat is None or jt.tanggal < terdekat[1].tanggal:
                    terdekat = (e, jt)
        judul = LANGKAH[(peran, status)].format(penerima=penerima)
        if len(daftar) == 1:
            e = daftar[0]
            p = Periode(e.tahun, e.periode_jenis, e.periode_nomor)
            untuk = "Evaluasi Anda" if peran == "pegawai" else str(e.pegawai)
            tautan = reverse("evaluasi_kasus", args=[e.pk])
            if status == Status.DIAMBIL_ALIH:  # rated on the atasan's page
                tautan = reverse("evaluasi_atasan", args=[p.kode])
            judul = f"{judul} ({p.label_lengkap})"
        else:
            untuk = f"{len(daftar)} pegawai"
            e = terdekat[0] if terdekat else daftar[0]
            p = Periode(e.tahun, e.periode_jenis, e.periode_nomor)
            tautan = (
                reverse("evaluasi_atasan", args=[p.kode]) if peran == "atasan"
                else reverse("evaluasi_saya") if peran == "pegawai"
                else reverse("evaluasi_tim", args=[p.kode])
            )  # fmt: skip
        keterangan = terdekat[1].penjelasan if terdekat else ""
        if status in workflow.JALUR_ATASAN and peran == "atasan":
            keterangan = f"Hasilnya bersifat final. {keterangan}"
        hasil.append(Tugas(judul, untuk, tautan, terdekat[1] if terdekat else None, keterangan))
    return hasil


def tugas_evaluasi(k: Konteks) -> list[Tugas]:
    if k.pegawai is None:
        return []
    return _belum_berpredikat(k) + _langkah_dokumen(k)


def tugas_keberatan(k: Konteks) -> list[Tugas]:
    """Keberatan work (registered beside `tugas_evaluasi`): the pegawai who may still
    object (until K1's last day), the rater asked for a penjelasan or more, the atasan to
    decide (K2) or report D.1.3 (K3), each party to sign D.1.3, and for the agency admin
    the keberatan undecided past 7 working days. Set-based: a fixed number of queries."""
    from .beranda_keberatan import tugas

    return tugas(k)
