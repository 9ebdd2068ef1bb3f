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


# --- Tindak lanjut umpan balik (Pasal 20-21): what waits for the employee, the pimpinan
# and the unit kepegawaian. One query per kind, however many records.


def tugas_tindak_lanjut(k: Konteks) -> list[Tugas]:
    from django.db.models import Q

    from .models import BimbinganKinerja, LaporanPerilakuKerja

    tugas = []
    if k.pegawai is not None:
        # One query: sessions waiting for this employee (her signature, her B.1.8) and
        # sessions she led that wait for her B.1.9.
        menunggu = (
            BimbinganKinerja.objects.filter(
                Q(skp__pegawai=k.pegawai, umpan_balik__isnull=True)
                | Q(dicatat_oleh=k.pegawai, evaluasi_kompetensi__isnull=True)
            )
            .select_related("skp__pegawai")
            .order_by("tanggal", "pk")
        )
        for b in menunggu:
            tautan = reverse("tindak_lanjut", args=[b.skp_id]) + f"#bimbingan-{b.pk}"
            metode = b.get_metode_display().lower()
            if b.skp.pegawai_id != k.pegawai.pk:
                tugas.append(
                    Tugas(
                        "Buat evaluasi kompetensi setelah bimbingan kinerja (format B.1.9)",
                        b.skp.pegawai.nama_lengkap,
                        tautan,
                        keterangan=f"{b.get_metode_display()} tanggal {b.tanggal:%d-%m-%Y}.",
                    )
                )
            elif b.ditandatangani_pegawai_pada is None:
                tugas.append(
                    Tugas(
                        f"Tandatangani catatan {metode} (format {b.kode_format})",
                        "SKP Anda",
                        tautan,
                        keterangan=f"Pelaksanaan {metode} tanggal {b.tanggal:%d-%m-%Y} sudah "
                        "dicatat pimpinan; periksa isinya lalu tandatangani.",
                    )
                )
            else:  # signed; her B.1.8 is missing (the filter)
                tugas.append(
                    Tugas(
                        f"Isi umpan balik atas {metode} (format B.1.8)",
                        "SKP Anda",
                        tautan,
                        keterangan="Umpan balik Anda diserahkan kepada atasan dari pimpinan "
                        "yang membimbing.",
                    )
                )
    if k.pengguna.admin_instansi:
        for laporan in (
            LaporanPerilakuKerja.objects.filter(tanggal_konseling__isnull=True)
            .select_related("skp__pegawai")
            .order_by("tanggal", "pk")
        ):
            tugas.append(
                Tugas(
                    "Tetapkan dan catat konseling kinerja (laporan format B.1.10)",
                    laporan.skp.pegawai.nama_lengkap,
                    reverse("tindak_lanjut", args=[laporan.skp_id]) + f"#laporan-{laporan.pk}",
                    keterangan="Tetapkan konselor, jadwal dan tempat secara individual dan "
                    "rahasia, lalu catat hasil konselingnya.",
                )
            )
    return tugas
