"""Documentation work on the employee's home page (registered in UmpanbalikConfig.ready):
the current period's realisation when nothing is documented yet, with the periods already
closed and left empty. Two queries however many SKPs and periods."""

from __future__ import annotations

from django.urls import reverse

from organisasi.beranda import Konteks, Tugas
from organisasi.pengaturan import pengaturan_instansi
from skp.models import SKP
from skp.workflow import BERLAKU

from . import aturan
from .models import Realisasi
from .tenggat import batas_periode


def tugas_dokumentasi(k: Konteks) -> list[Tugas]:
    if k.pegawai is None:
        return []
    tahun = k.hari_ini.year
    daftar = list(SKP.objects.filter(pegawai=k.pegawai, tahun=tahun, status__in=BERLAKU))
    if not daftar:
        return []
    jenis = pengaturan_instansi().periode_dokumentasi
    sudah = set(
        Realisasi.objects.filter(skp__in=daftar, jenis_periode=jenis).values_list(
            "skp_id", "periode"
        )
    )
    kini = aturan.periode_ke(jenis, k.hari_ini)
    tugas = []
    for skp in daftar:
        periode = aturan.periode_dalam_skp(jenis, skp.periode_mulai, skp.periode_selesai)
        kosong = [n for n in periode if n < kini and (skp.pk, n) not in sudah]
        if kini not in periode or ((skp.pk, kini) in sudah and not kosong):
            continue
        tautan = reverse("dokumentasi", args=[skp.pk])
        lewat = ""
        if kosong:
            nama = ", ".join(aturan.label_periode(jenis, tahun, n) for n in kosong[-3:])
            lewat = f"Periode yang sudah lewat tanpa dokumentasi: {nama}."
        if (skp.pk, kini) in sudah:
            tugas.append(
                Tugas(
                    f"Lengkapi dokumentasi kinerja periode yang terlewat ({len(kosong)})",
                    "SKP Anda",
                    f"{tautan}?periode={kosong[-1]}",
                    keterangan=lewat,
                )
            )
            continue
        label = aturan.label_periode(jenis, tahun, kini)
        tugas.append(
            Tugas(
                f"Dokumentasikan realisasi kinerja {label}",
                "SKP Anda",
                f"{tautan}?periode={kini}",
                batas_periode(k.kalender, jenis, tahun, kini),
                keterangan="Catat realisasi setiap indikator beserta bukti dukung hasil kerjanya. "
                + lewat,
            )
        )
    return tugas
