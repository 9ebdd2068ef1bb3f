"""The SKP deadline on the shared timers (`organisasi.tenggat`): reminders, then escalation.

"SKP ... ditetapkan paling lambat akhir bulan Januari" (000:634-636, 4569-4571). An
agency may move the date (`PengaturanInstansi.batas_skp_hari`/`batas_skp_bulan`) and
chooses when to be reminded (`pengingat_skp_hari_kerja`, working days before it). Once
the date has passed, the employee holds the performance dialogue with the atasan of the
pejabat penilai (000:4573-4579), who may then set the SKP.

Two timers, registered in `SkpConfig.ready`:
- `skp.penetapan`: each first-version SKP of the year not yet set (workflow
  BELUM_DITETAPKAN): reminders to the employee and the rater, then the escalation
  (`services.skp_eskalasi`, set-based) with notices to atasan, employee and rater.
- `skp.penyusunan`: each active employee with a definitive placement and no SKP of the
  year at all: reminders to draft one. Nothing to escalate: there is no SKP yet.

The notice keys are those the daily job used before the shared timers existed, so a
step already notified is not notified again.
"""

from __future__ import annotations

import calendar
from datetime import date

from django.db.models import Exists, OuterRef
from django.urls import reverse

from organisasi import tenggat
from organisasi.hari_kerja import KalenderKerja
from organisasi.models import JenisPenempatan, Pegawai, Penempatan
from organisasi.pemberitahuan import Kabar
from organisasi.pengaturan import pengaturan_instansi
from organisasi.selectors import berlaku_pada
from organisasi.tanggal import BULAN, tanggal_id
from organisasi.tenggat import JatuhTempo, JenisTenggat, Rombongan, hitung_tanggal_tetap

from .workflow import BELUM_DITETAPKAN, Status

PENETAPAN = "skp.penetapan"
PENYUSUNAN = "skp.penyusunan"


def peristiwa(hari: int = 31, bulan: int = 1) -> str:
    if hari >= calendar.monthrange(2001, bulan)[1] and (hari, bulan) != (28, 2):
        return f"SKP ditetapkan paling lambat akhir bulan {BULAN[bulan - 1]}"
    return f"SKP ditetapkan paling lambat tanggal {hari} {BULAN[bulan - 1]} (pengaturan instansi)"


def batas_penetapan(
    kalender: KalenderKerja, tahun: int, hari: int = 31, bulan: int = 1
) -> JatuhTempo:
    """The last day on which an SKP of `tahun` may be set.

    "Paling lambat" a date that is not a working day (weekend, holiday, the agency's own
    day off) means the last working day before it. A day past the month's end (29
    February in a common year) is read as the month's last day; the settings form never
    stores one, but a daily job must not fail on it.
    """
    if not 1 <= bulan <= 12:
        raise ValueError(f"Bulan batas penetapan SKP harus 1-12, bukan {bulan}.")
    if hari < 1:
        raise ValueError(f"Tanggal batas penetapan SKP harus paling kecil 1, bukan {hari}.")
    nominal = date(tahun, bulan, min(hari, calendar.monthrange(tahun, bulan)[1]))
    return hitung_tanggal_tetap(kalender, peristiwa=peristiwa(hari, bulan), nominal=nominal)


def tanggal_pengingat(kalender: KalenderKerja, batas: JatuhTempo, ns) -> list[date]:
    """One reminder date per entry, in the given order: n working days before the deadline."""
    return tenggat.tanggal_pengingat(kalender, batas.tanggal, ns)


def batas_tahun(kalender: KalenderKerja, tahun: int) -> JatuhTempo:
    """This agency's deadline for the SKP of `tahun` (reads the settings: one query)."""
    p = pengaturan_instansi()
    return batas_penetapan(kalender, tahun, p.batas_skp_hari, p.batas_skp_bulan)


def skp_terbuka(tahun: int, batas: date):
    """The year's SKP that should have been set by the deadline and are not.

    Only the first version: a later one is a change during the year (000:638-648). An SKP
    whose period starts after the deadline (a new placement) is not bound by it.
    """
    from .models import SKP

    return SKP.objects.filter(
        tahun=tahun,
        versi=1,
        status__in=BELUM_DITETAPKAN,
        periode_mulai__lte=batas,
        pegawai__aktif=True,
    )


def pegawai_tanpa_skp(tahun: int, hari_ini: date):
    """Active employees with a definitive placement today and no SKP of `tahun` at all."""
    from .models import SKP

    penempatan = Penempatan.objects.filter(
        berlaku_pada(hari_ini), pegawai=OuterRef("pk"), jenis=JenisPenempatan.DEFINITIF
    )
    punya_skp = SKP.objects.filter(pegawai=OuterRef("pk"), tahun=tahun)
    return Pegawai.objects.filter(Exists(penempatan), ~Exists(punya_skp), aktif=True)


# --- The two timers -------------------------------------------------------------------------


def _tahun_terkait(hari_ini: date) -> tuple[int, ...]:
    # Last year: a deadline late in the year escalates in January. Next year: a reminder
    # may fall in December.
    return (hari_ini.year - 1, hari_ini.year, hari_ini.year + 1)


def _rombongan(hari_ini: date, kalender: KalenderKerja, *, penyusunan: bool) -> list[Rombongan]:
    p = pengaturan_instansi()
    hasil = []
    for tahun in _tahun_terkait(hari_ini):
        batas = batas_penetapan(kalender, tahun, p.batas_skp_hari, p.batas_skp_bulan)
        objek = (
            pegawai_tanpa_skp(tahun, hari_ini) if penyusunan else skp_terbuka(tahun, batas.tanggal)
        )
        hasil.append(
            Rombongan(
                putaran=str(tahun),
                peristiwa=batas.peristiwa,
                mulai=batas.mulai,
                objek=objek,
                pengingat=tuple(p.pengingat_skp_hari_kerja or ()),
                eskalasi=not penyusunan,
                konteks={"tahun": tahun},
            )
        )
    return hasil


def _ingatkan_penetapan(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    from .models import SKP

    tahun = rombongan.konteks["tahun"]
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    kabar = []
    for skp in SKP.objects.filter(pk__in=ids).select_related("pegawai", "penilai"):
        kunci = f"skp-pengingat-skp{skp.pk}-{tahun}-{n}hk"
        tautan = reverse("skp_detail", args=[skp.pk])
        status = skp.get_status_display().lower()
        if skp.status == Status.DIAJUKAN:
            saran = "Pejabat penilai juga telah diingatkan untuk menetapkannya."
        else:
            saran = "Lengkapi SKP dan ajukan kepada pejabat penilai."
        kabar.append(
            Kabar(
                skp.pegawai_id,
                f"{kunci}-pegawai",
                f"Pengingat: SKP {tahun} Anda belum ditetapkan",
                f"SKP Anda tahun {tahun} berstatus {status} dan harus ditetapkan {sisa}. {saran} "
                f"{jt.penjelasan}",
                tautan,
            )
        )
        if skp.penilai is not None and skp.penilai.aktif:
            kabar.append(
                Kabar(
                    skp.penilai_id,
                    f"{kunci}-penilai",
                    f"Pengingat: SKP {skp.pegawai} tahun {tahun} belum ditetapkan",
                    f"SKP {skp.pegawai} berstatus {status}. Sebagai pejabat penilai, tetapkan "
                    f"SKP ini {sisa}; setelah itu SKP dapat ditetapkan oleh atasan pejabat "
                    f"penilai. {jt.penjelasan}",
                    tautan,
                )
            )
    return kabar


def _ingatkan_penyusunan(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    tahun = rombongan.konteks["tahun"]
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    tautan = reverse("skp_saya")
    return [
        Kabar(
            pk,
            f"skp-pengingat-pegawai{pk}-{tahun}-{n}hk",
            f"Pengingat: Anda belum menyusun SKP {tahun}",
            f"Susun SKP tahun {tahun} dan ajukan kepada pejabat penilai; SKP harus "
            f"ditetapkan {sisa}. {jt.penjelasan}",
            tautan,
        )
        for pk in ids
    ]


def _eskalasi(ids, rombongan, jt, waktu) -> tuple[list[Kabar], int]:
    from .services import skp_eskalasi

    daftar = skp_eskalasi(ids=ids, waktu=waktu)
    batas = tanggal_id(jt.tanggal)
    kabar = []
    for skp in daftar:
        kunci = f"skp-eskalasi-{skp.pk}"
        tautan = reverse("skp_detail", args=[skp.pk])
        atasan, penilai = skp.atasan_penilai, skp.penilai
        judul = f"SKP {skp.pegawai} tahun {skp.tahun} melewati batas penetapan"
        if atasan is not None and atasan.aktif:
            kabar.append(
                Kabar(
                    atasan.pk,
                    f"{kunci}-atasan",
                    judul,
                    f"SKP {skp.pegawai} belum ditetapkan pejabat penilai "
                    f"{penilai or 'yang berwenang'} hingga batas {batas}. Sebagai atasan "
                    "pejabat penilai, lakukan dialog kinerja dengan pegawai tersebut; Anda "
                    "kini dapat mengembalikan atau menetapkan SKP ini.",
                    tautan,
                )
            )
        dialog = (
            f"Lakukan dialog kinerja dengan {atasan}, atasan pejabat penilai, yang kini dapat "
            "menetapkan SKP Anda."
            if atasan is not None
            else "Hubungi unit kepegawaian instansi untuk penetapannya."
        )
        kabar.append(
            Kabar(
                skp.pegawai_id,
                f"{kunci}-pegawai",
                f"SKP {skp.tahun} Anda melewati batas penetapan",
                f"SKP Anda tahun {skp.tahun} belum ditetapkan hingga batas {batas}. {dialog}",
                tautan,
            )
        )
        if penilai is not None and penilai.aktif:
            oleh = f"oleh atasan Anda, {atasan}" if atasan else "oleh atasan pejabat penilai"
            kabar.append(
                Kabar(
                    penilai.pk,
                    f"{kunci}-penilai",
                    judul,
                    f"SKP {skp.pegawai} belum ditetapkan hingga batas {batas}; SKP ini kini "
                    f"juga dapat ditetapkan {oleh}.",
                    tautan,
                )
            )
    return kabar, len(daftar)


TENGGAT_PENETAPAN = JenisTenggat(
    kode=PENETAPAN,
    judul="Batas penetapan SKP",
    rombongan=lambda hari_ini, kalender: _rombongan(hari_ini, kalender, penyusunan=False),
    ingatkan=_ingatkan_penetapan,
    eskalasi=_eskalasi,
)
TENGGAT_PENYUSUNAN = JenisTenggat(
    kode=PENYUSUNAN,
    judul="Penyusunan SKP",
    rombongan=lambda hari_ini, kalender: _rombongan(hari_ini, kalender, penyusunan=True),
    ingatkan=_ingatkan_penyusunan,
)
