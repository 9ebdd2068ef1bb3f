"""The evaluation work on a rater's home page (registered in EvaluasiConfig.ready).

While a period's evaluation window is open, the pejabat penilai sees how many of her team
still have no predikat for it, with the window's end as the due date (explained by
`organisasi.tenggat`): after it, the evaluation passes to her atasan and is final
(000:6439-6447). Two queries at most, whatever the team's size.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.urls import reverse

from organisasi.beranda import Konteks, Tugas
from organisasi.tenggat import hitung_tanggal_tetap

from . import selectors
from .models import EvaluasiKinerja


def tugas_evaluasi(k: Konteks) -> list[Tugas]:
    if k.pegawai is None:
        return []
    p = selectors.periode_saat_ini(k.hari_ini)
    jendela = selectors.jendela(p, k.kalender)
    if not jendela.memuat(k.hari_ini):
        return []
    berpredikat = EvaluasiKinerja.objects.filter(
        pegawai_id=OuterRef("pegawai_id"), tahun=p.tahun, periode_jenis=p.jenis,
        periode_nomor=p.nomor,
    ).exclude(predikat="")  # fmt: skip
    belum = (
        selectors.skp_periode(k.pegawai.pk, p)
        .filter(~Exists(berpredikat))
        .values("pegawai_id")
        .distinct()
        .count()
    )
    if not belum:
        return []
    jt = hitung_tanggal_tetap(
        k.kalender, peristiwa="akhir jangka waktu evaluasi", nominal=jendela.akhir
    )
    return [
        Tugas(
            f"Evaluasi kinerja {p.label_lengkap}: {belum} pegawai belum berpredikat",
            "Tim Anda",
            reverse("evaluasi_tim", args=[p.kode]),
            jt,
            "Tetapkan rating hasil kerja dan perilaku kerja sebelum jangka waktu evaluasi "
            "berakhir; setelah itu evaluasi beralih kepada atasan Anda dan bersifat final.",
        )
    ]


def tugas_keberatan(k: Konteks) -> list[Tugas]:
    """Keberatan work (registered beside `tugas_evaluasi`): the pegawai who may still
    object (until K1's last day), the rater asked for a penjelasan or more, the atasan to
    decide (K2) or report D.1.3 (K3), each party to sign D.1.3, and for the agency admin
    the keberatan undecided past 7 working days. Set-based: a fixed number of queries."""
    from .beranda_keberatan import tugas

    return tugas(k)
