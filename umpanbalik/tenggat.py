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

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from organisasi import tenggat
from organisasi.hari_kerja import KalenderKerja
from organisasi.pemberitahuan import Kabar
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenggat import JatuhTempo, JenisTenggat, Rombongan, hitung_tanggal_tetap
from skp.models import SKP, BagianLampiran, ButirLampiran
from skp.selectors import penilai_efektif_id
from skp.workflow import BERLAKU

from . import aturan
from .models import Realisasi, UmpanBalik

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


# --- Scheduled (berkala) feedback by the rater ---------------------------------------------
#
# The Pimpinan must give scheduled feedback (000:4877-4879) on the rhythm agreed with the
# employee, which the SKP records in its skema pertanggungjawaban ("dilaporkan setiap
# bulan", "setiap triwulan"; `aturan.kadensi_berkala`, the agency's documentation period
# when the skema names none). The round of a cadence period is due on its last working
# day; the rater is reminded `PENGINGAT_BERKALA` working days before while no scheduled
# feedback from the rater is recorded within that period. Nothing is escalated.

BERKALA = "umpanbalik.berkala"
PENGINGAT_BERKALA = (5, 1)


def kadensi_skp(skp_ids, bawaan: str) -> dict[int, str]:
    """Each SKP's feedback cadence from its skema pertanggungjawaban (one query)."""
    skema: dict[int, list[str]] = {pk: [] for pk in skp_ids}
    for skp_id, teks in ButirLampiran.objects.filter(
        skp_id__in=list(skema), bagian=BagianLampiran.SKEMA
    ).values_list("skp_id", "teks"):
        skema[skp_id].append(teks)
    return {pk: aturan.kadensi_berkala(t, bawaan) for pk, t in skema.items()}


def batas_berkala(kalender: KalenderKerja, jenis: str, tahun: int, nomor: int) -> JatuhTempo:
    label = aturan.label_periode(jenis, tahun, nomor)
    _, akhir = aturan.rentang_periode(jenis, tahun, nomor)
    return hitung_tanggal_tetap(
        kalender, peristiwa=f"umpan balik berkala {label} (akhir periode)", nominal=akhir
    )


def skp_berlaku_pada(mulai: date, akhir: date):
    return SKP.objects.filter(
        tahun=mulai.year,
        status__in=BERLAKU,
        periode_mulai__lte=akhir,
        periode_selesai__gte=mulai,
        pegawai__aktif=True,
    )


def berkala_diberikan(mulai: date, akhir: date) -> Exists:
    """The SKP's rater recorded scheduled feedback within [mulai, akhir]."""
    return Exists(
        UmpanBalik.objects.filter(
            skp=OuterRef("pk"),
            sumber=aturan.PENILAI,
            sifat=aturan.BERKALA,
            dibuat_pada__date__gte=mulai,
            dibuat_pada__date__lte=akhir,
        )
    )


def _rombongan_berkala(hari_ini: date, kalender: KalenderKerja) -> list[Rombongan]:
    bawaan = pengaturan_instansi().periode_dokumentasi
    ids = list(
        skp_berlaku_pada(hari_ini, hari_ini)
        .filter(Q(penilai__isnull=False) | Q(penilai_kepala_daerah=True))
        .values_list("pk", flat=True)
    )
    per_kadensi: dict[str, list[int]] = {}
    for pk, jenis in kadensi_skp(ids, bawaan).items():
        per_kadensi.setdefault(jenis, []).append(pk)
    daftar = []
    for jenis, anggota in sorted(per_kadensi.items()):
        nomor = aturan.periode_ke(jenis, hari_ini)
        mulai, akhir = aturan.rentang_periode(jenis, hari_ini.year, nomor)
        batas = batas_berkala(kalender, jenis, hari_ini.year, nomor)
        daftar.append(
            Rombongan(
                putaran=f"{hari_ini.year}-{jenis}-{nomor}",
                peristiwa=batas.peristiwa,
                mulai=batas.mulai,
                objek=SKP.objects.filter(pk__in=anggota).filter(~berkala_diberikan(mulai, akhir)),
                pengingat=PENGINGAT_BERKALA,
                eskalasi=False,
                konteks={"jenis": jenis, "tahun": hari_ini.year, "nomor": nomor},
            )
        )
    return daftar


def _ingatkan_berkala(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    k = rombongan.konteks
    label = aturan.label_periode(k["jenis"], k["tahun"], k["nomor"])
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    kabar = []
    for skp in SKP.objects.filter(pk__in=ids).select_related("pegawai"):
        penilai_id = penilai_efektif_id(skp)
        if penilai_id is None:
            continue
        kabar.append(
            Kabar(
                penilai_id,
                f"umpanbalik-berkala-skp{skp.pk}-{rombongan.putaran}-{n}hk",
                f"Pengingat: umpan balik berkala untuk {skp.pegawai.nama_lengkap}",
                f"Umpan balik berkala {label} sesuai skema pertanggungjawaban SKP "
                f"{skp.pegawai.nama_lengkap} belum Anda berikan. Berikan {sisa}. "
                f"{jt.penjelasan}",
                reverse("umpan_balik_beri", args=[skp.pk]),
            )
        )
    return kabar


TENGGAT_BERKALA = JenisTenggat(
    kode=BERKALA,
    judul="Umpan balik berkala pejabat penilai",
    rombongan=_rombongan_berkala,
    ingatkan=_ingatkan_berkala,
)
