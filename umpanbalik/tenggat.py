"""Documentation reminders on the shared timers (`organisasi.tenggat`).

Performance is documented per the agency's period (Pasal 16(3); Bekasi monthly,
003:256-257). The regulation sets no deadline inside a period, so the documentation of a
period is due by its last day, read as the last working day on or before it (a calendar
date, like the SKP's January deadline). An employee whose SKP is in force and who has
documented nothing for the period is reminded `PENGINGAT` working days before that day.
Nothing is escalated: a missing period shows again on the home page and reaches the
evaluation as missing realisation.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef
from django.urls import reverse

from organisasi import tenggat
from organisasi.hari_kerja import KalenderKerja
from organisasi.pemberitahuan import Kabar
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenggat import JatuhTempo, JenisTenggat, Rombongan, hitung_tanggal_tetap
from skp.models import SKP
from skp.workflow import BERLAKU

from . import aturan
from .models import Realisasi

DOKUMENTASI = "umpanbalik.dokumentasi"
PENGINGAT = (5, 1)  # working days before the period's last working day


def batas_periode(kalender: KalenderKerja, jenis: str, tahun: int, nomor: int) -> JatuhTempo:
    label = aturan.label_periode(jenis, tahun, nomor)
    _, akhir = aturan.rentang_periode(jenis, tahun, nomor)
    return hitung_tanggal_tetap(
        kalender, peristiwa=f"pendokumentasian kinerja {label} (akhir periode)", nominal=akhir
    )


def skp_belum_didokumentasikan(jenis: str, tahun: int, nomor: int):
    """SKPs in force during the period with no realisation documented for it."""
    mulai, akhir = aturan.rentang_periode(jenis, tahun, nomor)
    ada = Realisasi.objects.filter(skp=OuterRef("pk"), periode=nomor, jenis_periode=jenis)
    return SKP.objects.filter(
        tahun=tahun,
        status__in=BERLAKU,
        periode_mulai__lte=akhir,
        periode_selesai__gte=mulai,
        pegawai__aktif=True,
    ).filter(~Exists(ada))


def _rombongan(hari_ini: date, kalender: KalenderKerja) -> list[Rombongan]:
    jenis = pengaturan_instansi().periode_dokumentasi
    nomor = aturan.periode_ke(jenis, hari_ini)
    batas = batas_periode(kalender, jenis, hari_ini.year, nomor)
    return [
        Rombongan(
            putaran=f"{hari_ini.year}-{jenis}-{nomor}",
            peristiwa=batas.peristiwa,
            mulai=batas.mulai,
            objek=skp_belum_didokumentasikan(jenis, hari_ini.year, nomor),
            pengingat=PENGINGAT,
            eskalasi=False,
            konteks={"jenis": jenis, "tahun": hari_ini.year, "nomor": nomor},
        )
    ]


def _ingatkan(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    k = rombongan.konteks
    label = aturan.label_periode(k["jenis"], k["tahun"], k["nomor"])
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    return [
        Kabar(
            pegawai_id,
            f"umpanbalik-dokumentasi-skp{pk}-{rombongan.putaran}-{n}hk",
            f"Pengingat: dokumentasikan kinerja {label}",
            f"Anda belum mencatat realisasi dan bukti dukung hasil kerja untuk {label}. "
            f"Catat {sisa}. {jt.penjelasan}",
            reverse("dokumentasi", args=[pk]) + f"?periode={k['nomor']}",
        )
        for pk, pegawai_id in SKP.objects.filter(pk__in=ids).values_list("pk", "pegawai_id")
    ]


TENGGAT_DOKUMENTASI = JenisTenggat(
    kode=DOKUMENTASI,
    judul="Pendokumentasian kinerja",
    rombongan=_rombongan,
    ingatkan=_ingatkan,
)
