"""Keberatan deadlines on the shared timers (`organisasi.tenggat`), registered in
EvaluasiConfig.ready:

- `keberatan.pengajuan` (K1, 14 working days from receipt, 000:8526-8530): the pegawai
  whose result may still be objected to is reminded before the window closes. Nothing
  happens after it: the action is simply gone.
- `keberatan.keputusan` (K2, 7 working days from the filing, 000:8548-8552): reminders
  to the atasan (and to the rater while no penjelasan is given). When the days pass
  undecided the regulation is silent (AMBIG-14/16): the keberatan is flagged for the
  agency admin (`keputusan_terlambat_pada`) and the parties are told; it is never decided
  by the app.
- `keberatan.pelaporan` (K3, 30 working days from the end of the evaluation window,
  000:8642-8648): reminders to the atasan to report D.1.3. No escalation (unspecified).

One rombongan per distinct event date (receipt day, filing day, window end), never one
per object.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models.functions import TruncDate
from django.urls import reverse

from organisasi import tenggat
from organisasi.hari_kerja import KalenderKerja
from organisasi.models import Pegawai
from organisasi.pemberitahuan import Kabar
from organisasi.tanggal import tanggal_id
from organisasi.tenggat import JenisTenggat, Rombongan

from . import keberatan as aturan
from . import selectors
from . import selectors_keberatan as sel
from . import workflow_keberatan as wk
from .models import EvaluasiKinerja, Keberatan
from .periode import Periode

PENGAJUAN = "keberatan.pengajuan"
KEPUTUSAN = "keberatan.keputusan"
PELAPORAN = "keberatan.pelaporan"

PENGINGAT_PENGAJUAN = (3,)
PENGINGAT_KEPUTUSAN = (3, 1)
PENGINGAT_PELAPORAN = (5, 1)
# Receipts older than this cannot have a K1 window left (14 working days + long holidays).
_JANGKAUAN_PENGAJUAN = timedelta(days=45)


# --- K1 -------------------------------------------------------------------------------------


def _rombongan_pengajuan(hari_ini: date, kalender: KalenderKerja) -> list[Rombongan]:
    dapat = EvaluasiKinerja.objects.filter(
        sel.q_dapat_diajukan(),
        diserahkan_pada__date__gte=hari_ini - _JANGKAUAN_PENGAJUAN,
    )
    tanggal = dapat.annotate(t=TruncDate("diserahkan_pada")).values_list("t", flat=True).distinct()
    return [
        Rombongan(
            putaran=t.isoformat(),
            peristiwa=aturan.PERISTIWA_TERIMA,
            mulai=t,
            objek=dapat.filter(diserahkan_pada__date=t),
            hari_kerja=aturan.HARI_PENGAJUAN,
            pengingat=PENGINGAT_PENGAJUAN,
            eskalasi=False,
        )
        for t in sorted(set(tanggal))
    ]


def _ingatkan_pengajuan(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    kabar = []
    for e in EvaluasiKinerja.objects.filter(pk__in=ids).only(
        "pk", "pegawai_id", "tahun", "periode_jenis", "periode_nomor"
    ):
        p = Periode(e.tahun, e.periode_jenis, e.periode_nomor)
        kabar.append(
            Kabar(
                e.pegawai_id, f"keberatan-pengajuan-e{e.pk}-{n}hk",
                f"Keberatan atas evaluasi {p.label_lengkap} dapat diajukan {sisa}",
                "Bila Anda tidak sependapat dengan hasil evaluasi kinerja, ajukan keberatan "
                f"beserta alasannya kepada atasan pejabat penilai {sisa}. {jt.penjelasan}",
                reverse("keberatan_ajukan", args=[e.pk]),
            )
        )  # fmt: skip
    return kabar


# --- K2 -------------------------------------------------------------------------------------


def _rombongan_keputusan(hari_ini: date, kalender: KalenderKerja) -> list[Rombongan]:
    terbuka = Keberatan.objects.filter(status__in=sorted(wk.TERBUKA))
    tanggal = terbuka.values_list("tanggal_pengajuan", flat=True).distinct()
    return [
        Rombongan(
            putaran=t.isoformat(),
            peristiwa=aturan.PERISTIWA_PENGAJUAN,
            mulai=t,
            objek=terbuka.filter(tanggal_pengajuan=t),
            hari_kerja=aturan.HARI_KEPUTUSAN,
            pengingat=PENGINGAT_KEPUTUSAN,
        )
        for t in sorted(set(tanggal))
    ]


def _ingatkan_keputusan(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    kabar = []
    for k in Keberatan.objects.filter(pk__in=ids).select_related("pegawai"):
        tautan = reverse("keberatan_detail", args=[k.pk])
        kabar.append(
            Kabar(
                k.atasan_id, f"keberatan-{k.pk}-keputusan-{n}hk",
                f"Pengingat: putuskan keberatan {k.pegawai}",
                f"Keberatan {k.pegawai} harus diputuskan {sisa}: menguatkan atau mengubah "
                f"hasil evaluasi kinerja. {jt.penjelasan}",
                tautan,
            )
        )  # fmt: skip
        if not k.penjelasan:
            kabar.append(
                Kabar(
                    k.penilai_id, f"keberatan-{k.pk}-penjelasan-{n}hk",
                    f"Pengingat: berikan penjelasan atas keberatan {k.pegawai}",
                    f"Atasan Anda memutuskan keberatan ini {sisa}; penjelasan Anda belum ada.",
                    tautan,
                )
            )  # fmt: skip
    return kabar


def _tandai_terlambat(ids, rombongan, jt, waktu) -> tuple[list[Kabar], int]:
    from .services_keberatan import tandai_terlambat

    daftar = tandai_terlambat(ids, waktu)
    batas = tanggal_id(jt.tanggal)
    admin = list(
        Pegawai.objects.filter(pengguna__admin_instansi=True, aktif=True).values_list(
            "pk", flat=True
        )
    )
    kabar = []
    for k in daftar:
        tautan = reverse("keberatan_detail", args=[k.pk])
        judul = f"Keberatan {k.pegawai} belum diputuskan hingga {batas}"
        isi = (
            f"Batas {aturan.HARI_KEPUTUSAN} hari kerja keputusan atasan pejabat penilai "
            f"({batas}) telah lewat. Peraturan tidak mengatur akibatnya: keberatan tetap "
            "menunggu keputusan atasan dan ditandai pada halaman keberatan admin instansi."
        )
        for pid in {k.atasan_id, k.pegawai_id, *admin}:
            kabar.append(Kabar(pid, f"keberatan-{k.pk}-terlambat-{pid}", judul, isi, tautan))
    return kabar, len(daftar)


# --- K3 -------------------------------------------------------------------------------------


def _rombongan_pelaporan(hari_ini: date, kalender: KalenderKerja) -> list[Rombongan]:
    belum = Keberatan.objects.filter(status__in=sorted(wk.BELUM_DILAPORKAN))
    periode = belum.values_list(
        "evaluasi__tahun", "evaluasi__periode_jenis", "evaluasi__periode_nomor"
    ).distinct()
    hasil = []
    for tahun, jenis, nomor in sorted(set(periode)):
        p = Periode(tahun, jenis, nomor)
        akhir = selectors.jendela(p, kalender).akhir
        hasil.append(
            Rombongan(
                putaran=p.kode,
                peristiwa=aturan.PERISTIWA_AKHIR_JENDELA,
                mulai=akhir,
                objek=belum.filter(
                    evaluasi__tahun=tahun,
                    evaluasi__periode_jenis=jenis,
                    evaluasi__periode_nomor=nomor,
                ),  # fmt: skip
                hari_kerja=aturan.HARI_PELAPORAN,
                pengingat=PENGINGAT_PELAPORAN,
                eskalasi=False,
            )
        )
    return hasil


def _ingatkan_pelaporan(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    return [
        Kabar(
            k.atasan_id, f"keberatan-{k.pk}-pelaporan-{n}hk",
            f"Pengingat: laporkan D.1.3 {k.pegawai}",
            f"Dokumen D.1.3 dilaporkan secara berjenjang kepada PyB {sisa}. {jt.penjelasan}",
            reverse("keberatan_detail", args=[k.pk]),
        )
        for k in Keberatan.objects.filter(pk__in=ids).select_related("pegawai")
    ]  # fmt: skip


TENGGAT_PENGAJUAN = JenisTenggat(
    kode=PENGAJUAN, judul="Batas pengajuan keberatan", rombongan=_rombongan_pengajuan,
    ingatkan=_ingatkan_pengajuan,
)  # fmt: skip
TENGGAT_KEPUTUSAN = JenisTenggat(
    kode=KEPUTUSAN, judul="Batas keputusan keberatan", rombongan=_rombongan_keputusan,
    ingatkan=_ingatkan_keputusan, eskalasi=_tandai_terlambat,
)  # fmt: skip
TENGGAT_PELAPORAN = JenisTenggat(
    kode=PELAPORAN, judul="Batas pelaporan D.1.3", rombongan=_rombongan_pelaporan,
    ingatkan=_ingatkan_pelaporan,
)  # fmt: skip


def daftarkan() -> None:
    for jenis in (TENGGAT_PENGAJUAN, TENGGAT_KEPUTUSAN, TENGGAT_PELAPORAN):
        tenggat.daftarkan(jenis)
