"""The evaluation's deadlines on the shared timers (`organisasi.tenggat`): one timer kind
per step of `workflow.TENGGAT` (14/14/30 working days on the D.1.1 path, 14/7/7/30 on the
atasan's D.1.2 path), reminders before each, and what happens when one passes.

Rombongan (the sweep's set-based groups), one per distinct event date:
- counted from the window's end ("sejak jangka waktu evaluasi berakhir"): one per period
  with open cases (`SELECT DISTINCT tahun, periode_jenis, periode_nomor`);
- counted from a signature or the pegawai's receipt: one per distinct local date of that
  timestamp among the cases in the step's states (`SELECT DISTINCT` on the date).

The window's end (`evaluasi.penilaian`) is the one deadline with a consequence in the
regulation: a rater who has not evaluated and/or signed by then hands the case to the
atasan pejabat penilai, whose result is final (000:6439-6447, 8387-8398). Its objects are
SKPs, not evaluations: a pegawai the rater never opened has no EvaluasiKinerja row, yet
is taken over just the same, and the atasan needs a row to rate. So the timer runs over
the SKPs that decide the period (those in force, latest per pegawai) with no signed
evaluation; the escalation creates the missing rows and moves DRAF to DIAMBIL_ALIH in one
compare-and-set (`services.evaluasi_ambil_alih`). Only periods whose window closed at
most `HORISON_AMBIL_ALIH` working days ago are swept: the report is due 30 working days
after the window, so an older period's cycle is over, and an agency that starts using
the app mid-year must not see every earlier month taken over.

Every other deadline has no stated consequence (AMBIG-14): when it passes, the people
concerned are told (the signer's atasan, or the agency admins when the atasan herself is
late), and nothing is decided for them.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import TruncDate
from django.urls import reverse

from organisasi import tenggat
from organisasi.hari_kerja import KalenderKerja
from organisasi.models import Pegawai
from organisasi.pemberitahuan import Kabar
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tanggal import tanggal_id
from organisasi.tenggat import JatuhTempo, JenisTenggat, Rombongan
from skp.models import SKP

from . import selectors, workflow
from .models import EvaluasiKinerja
from .periode import Jendela, Periode
from .workflow import DefinisiTenggat, Peristiwa, Status

PENILAIAN = "evaluasi.penilaian"
HORISON_AMBIL_ALIH = 30  # working days after the window's end

# Reminders, in working days before each due date.
PENGINGAT = {
    PENILAIAN: (5, 1),
    "evaluasi.d11_serah": (5, 1),
    "evaluasi.d11_kembali": (5, 1),
    "evaluasi.d11_lapor": (10, 3),
    "evaluasi.d12_tandatangan": (5, 1),
    "evaluasi.d12_serah": (3, 1),
    "evaluasi.d12_kembali": (3, 1),
    "evaluasi.d12_lapor": (10, 3),
}

# The timestamp that holds each event's date.
KOLOM_PERISTIWA = {
    Peristiwa.TANDA_TANGAN_PENILAI: "ditandatangani_pada",
    Peristiwa.TANDA_TANGAN_ATASAN: "ditandatangani_pada",
    Peristiwa.DITERIMA_PEGAWAI: "diserahkan_pada",
}


def _periode(e) -> Periode:
    return Periode(e.tahun, e.periode_jenis, e.periode_nomor)


def jatuh_tempo(definisi: DefinisiTenggat, kalender: KalenderKerja, mulai: date) -> JatuhTempo:
    """The due date of one step, explained (`JatuhTempo.penjelasan`). The window's end
    itself is a calendar date; the others count working days from their event."""
    if definisi.hari_kerja == 0:
        return tenggat.hitung_tanggal_tetap(kalender, peristiwa=definisi.peristiwa.value,
                                            nominal=mulai)  # fmt: skip
    return tenggat.hitung_jatuh_tempo(
        kalender, peristiwa=definisi.peristiwa.value, mulai=mulai, hari_kerja=definisi.hari_kerja
    )


def jatuh_tempo_kasus(
    evaluasi: EvaluasiKinerja | None, kalender: KalenderKerja, jendela: Jendela
) -> list[tuple[DefinisiTenggat, JatuhTempo]]:
    """Every deadline running for a case now (no query): the step the case awaits first,
    then the reporting deadline that runs beside it (workflow.TENGGAT's order). A case
    not yet opened runs the window's end."""
    status = evaluasi.status if evaluasi else Status.DRAF
    peristiwa = {Peristiwa.AKHIR_JENDELA: jendela.akhir}
    if evaluasi is not None:
        for p, kolom in KOLOM_PERISTIWA.items():
            nilai = getattr(evaluasi, kolom)
            if nilai is not None:
                peristiwa[p] = _tanggal_lokal(nilai)
    return [
        (d, jatuh_tempo(d, kalender, peristiwa[d.peristiwa]))
        for d in workflow.tenggat_berjalan(status)
        if d.peristiwa in peristiwa
    ]


def _tanggal_lokal(waktu) -> date:
    from django.utils import timezone

    return timezone.localtime(waktu).date()


# --- Groups ---------------------------------------------------------------------------------


def skp_belum_ditandatangani(p: Periode):
    """SKPs that decide `p` for their pegawai (in force, latest start and version) whose
    evaluation is not signed: the objects of the window's-end timer."""
    dasar = selectors._skp_periode_semua(p)
    lebih_baru = dasar.filter(
        Q(periode_mulai__gt=OuterRef("periode_mulai"))
        | Q(periode_mulai=OuterRef("periode_mulai"), versi__gt=OuterRef("versi")),
        pegawai_id=OuterRef("pegawai_id"),
    )
    ditandatangani = EvaluasiKinerja.objects.filter(
        pegawai_id=OuterRef("pegawai_id"), tahun=p.tahun, periode_jenis=p.jenis,
        periode_nomor=p.nomor,
    ).exclude(status=Status.DRAF)  # fmt: skip
    return dasar.filter(~Exists(lebih_baru), ~Exists(ditandatangani), pegawai__aktif=True)


def _rombongan_penilaian(hari_ini: date, kalender: KalenderKerja) -> list[Rombongan]:
    definisi = workflow.TENGGAT_PER_KODE[PENILAIAN]
    hasil = []
    for tahun in (hari_ini.year - 1, hari_ini.year):
        for p in selectors.periode_tahun_instansi(tahun):
            jd = selectors.jendela(p, kalender)
            if hari_ini < jd.mulai:
                continue  # reminders start once the window is open
            if hari_ini > jd.akhir and kalender.hitung_hari_kerja(jd.akhir, hari_ini) > (
                HORISON_AMBIL_ALIH
            ):
                continue
            hasil.append(
                Rombongan(
                    putaran=p.kode, peristiwa=definisi.peristiwa.value, mulai=jd.akhir,
                    objek=skp_belum_ditandatangani(p), hari_kerja=None,
                    pengingat=PENGINGAT[PENILAIAN], eskalasi=True,
                    konteks={"periode": p, "definisi": definisi},
                )
            )  # fmt: skip
    return hasil


def _rombongan_langkah(definisi: DefinisiTenggat):
    def rombongan(hari_ini: date, kalender: KalenderKerja) -> list[Rombongan]:
        kasus = EvaluasiKinerja.objects.filter(status__in=sorted(definisi.berjalan_pada))
        hasil = []
        if definisi.peristiwa == Peristiwa.AKHIR_JENDELA:
            for tahun, jenis, nomor in (
                kasus.values_list("tahun", "periode_jenis", "periode_nomor")
                .distinct()
                .order_by("tahun", "periode_jenis", "periode_nomor")
            ):
                p = Periode(tahun, jenis, nomor)
                jd = selectors.jendela(p, kalender)
                hasil.append(
                    Rombongan(
                        putaran=p.kode, peristiwa=definisi.peristiwa.value, mulai=jd.akhir,
                        objek=kasus.filter(tahun=tahun, periode_jenis=jenis, periode_nomor=nomor),
                        hari_kerja=definisi.hari_kerja, pengingat=PENGINGAT[definisi.kode],
                        konteks={"periode": p, "definisi": definisi},
                    )
                )  # fmt: skip
            return hasil
        kolom = KOLOM_PERISTIWA[definisi.peristiwa]
        tanggal = (
            kasus.annotate(t=TruncDate(kolom)).values_list("t", flat=True).distinct().order_by("t")
        )
        for t in tanggal:
            if t is None:
                continue
            hasil.append(
                Rombongan(
                    putaran=t.isoformat(), peristiwa=definisi.peristiwa.value, mulai=t,
                    objek=kasus.filter(**{f"{kolom}__date": t}),
                    hari_kerja=definisi.hari_kerja, pengingat=PENGINGAT[definisi.kode],
                    konteks={"definisi": definisi},
                )
            )  # fmt: skip
        return hasil

    return rombongan


# --- Who is told what -----------------------------------------------------------------------


def _tautan(e) -> str:
    return reverse("evaluasi_kasus", args=[e.pk])


def _pelaku(e, definisi: DefinisiTenggat) -> int | None:
    """Who must act on this step."""
    if definisi.aksi == workflow.Aksi.TANDATANGANI_PEGAWAI:
        return e.pegawai_id
    if e.status in workflow.JALUR_ATASAN:
        return e.atasan_penilai_id
    return e.penilai_id


def _ingatkan_penilaian(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    p = rombongan.konteks["periode"]
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    pegawai_ids = SKP.objects.filter(pk__in=ids).values_list("pegawai_id", flat=True)
    tugas = selectors.penugasan_periode(pegawai_ids, p, kalender)
    per_penilai: dict[int, int] = {}
    for t in tugas.values():
        if t.skp.pk in set(ids) and t.penilai_id:
            per_penilai[t.penilai_id] = per_penilai.get(t.penilai_id, 0) + 1
    tautan = reverse("evaluasi_tim", args=[p.kode])
    return [
        Kabar(
            penilai_id,
            f"evaluasi-pengingat-{p.kode}-{penilai_id}-{n}hk",
            f"Pengingat: evaluasi kinerja {p.label_lengkap}",
            f"{jumlah} pegawai yang Anda nilai belum Anda evaluasi dan tandatangani untuk "
            f"{p.label_lengkap}. Selesaikan {sisa}; setelah itu evaluasi beralih kepada "
            f"atasan Anda dan hasilnya bersifat final. {jt.penjelasan}",
            tautan,
        )
        for penilai_id, jumlah in sorted(per_penilai.items())
    ]


def _eskalasi_penilaian(ids, rombongan, jt, waktu) -> tuple[list[Kabar], int]:
    from .services import evaluasi_ambil_alih

    p = rombongan.konteks["periode"]
    daftar = evaluasi_ambil_alih(skp_ids=ids, periode=p, waktu=waktu)
    batas = tanggal_id(jt.tanggal)
    admin = _admin()
    kabar = []
    for e in daftar:
        kunci = f"evaluasi-{e.pk}-ambil-alih"
        judul = f"Evaluasi {e.pegawai} {p.label_lengkap} beralih kepada atasan pejabat penilai"
        if e.atasan_penilai_id:
            kabar.append(Kabar(
                e.atasan_penilai_id, f"{kunci}-atasan", judul,
                f"{e.penilai} tidak mengevaluasi dan/atau menandatangani evaluasi "
                f"{e.pegawai} sampai akhir jangka waktu evaluasi ({batas}). Sebagai atasan "
                "pejabat penilai, evaluasi dan tandatangani dokumen evaluasi D.1.2 paling "
                "lama 14 hari kerja sejak jangka waktu evaluasi berakhir; hasilnya bersifat "
                "final.",
                _tautan(e),
            ))  # fmt: skip
        else:
            kabar += [
                Kabar(a, f"{kunci}-admin-{a}", judul,
                      f"Evaluasi {e.pegawai} beralih kepada atasan pejabat penilai, tetapi "
                      "atasannya tidak tercatat. Lengkapi penempatan atau delegasi penilai.",
                      _tautan(e))
                for a in admin
            ]  # fmt: skip
        kabar.append(Kabar(
            e.pegawai_id, f"{kunci}-pegawai",
            f"Evaluasi kinerja {p.label_lengkap} Anda dilakukan atasan pejabat penilai",
            f"Pejabat penilai Anda tidak menandatangani evaluasi sampai {batas}, maka "
            "evaluasi dilakukan atasan pejabat penilai (dokumen D.1.2) dan hasilnya bersifat "
            "final.",
            _tautan(e),
        ))  # fmt: skip
        kabar.append(Kabar(
            e.penilai_id, f"{kunci}-penilai", judul,
            f"Jangka waktu evaluasi berakhir {batas} tanpa tanda tangan Anda; evaluasi "
            f"{e.pegawai} kini dilakukan atasan Anda.",
            _tautan(e),
        ))  # fmt: skip
    return kabar, len(daftar)


def _admin() -> list[int]:
    return list(
        Pegawai.objects.filter(pengguna__admin_instansi=True, aktif=True).values_list(
            "pk", flat=True
        )
    )


def _ingatkan_langkah(ids, rombongan, jt, n, hari_ini, kalender) -> list[Kabar]:
    definisi = rombongan.konteks["definisi"]
    sisa = tenggat.sisa_hari_kerja(kalender, jt, hari_ini)
    kabar = []
    for e in EvaluasiKinerja.objects.filter(pk__in=ids).select_related("pegawai"):
        pelaku = _pelaku(e, definisi)
        if pelaku is None:
            continue
        p = _periode(e)
        kabar.append(Kabar(
            pelaku, f"evaluasi-{e.pk}-{definisi.kode}-{n}hk",
            f"Pengingat: {definisi.judul.lower()} ({e.pegawai}, {p.label_lengkap})",
            f"{definisi.judul} untuk evaluasi {e.pegawai} {p.label_lengkap}: {sisa}. "
            f"{jt.penjelasan}",
            _tautan(e),
        ))  # fmt: skip
    return kabar


def _lewat_langkah(ids, rombongan, jt, waktu) -> tuple[list[Kabar], int]:
    """A step without a stated consequence passed: tell, never decide (AMBIG-14). The
    person late is told; so is her atasan (the rater's, for the D.1.1 path; for the
    atasan's own steps on the D.1.2 path, the agency admins)."""
    definisi = rombongan.konteks["definisi"]
    batas = tanggal_id(jt.tanggal)
    admin = None
    kabar = []
    for e in EvaluasiKinerja.objects.filter(pk__in=ids).select_related("pegawai"):
        pelaku = _pelaku(e, definisi)
        p = _periode(e)
        kunci = f"evaluasi-{e.pk}-{definisi.kode}-lewat"
        judul = f"Lewat batas: {definisi.judul.lower()} ({e.pegawai}, {p.label_lengkap})"
        isi = (
            f"{definisi.judul} untuk evaluasi {e.pegawai} {p.label_lengkap} melewati batas "
            f"{batas}. Ketentuan tidak menetapkan akibatnya; segera tindak lanjuti."
        )
        if pelaku is not None:
            kabar.append(Kabar(pelaku, f"{kunci}-pelaku", judul, isi, _tautan(e)))
        if e.status in workflow.JALUR_ATASAN:
            if admin is None:
                admin = _admin()
            kabar += [Kabar(a, f"{kunci}-admin-{a}", judul, isi, _tautan(e)) for a in admin]
        elif e.atasan_penilai_id and e.atasan_penilai_id != pelaku:
            kabar.append(Kabar(e.atasan_penilai_id, f"{kunci}-atasan", judul, isi, _tautan(e)))
    return kabar, 0


def _jenis(definisi: DefinisiTenggat) -> JenisTenggat:
    if definisi.kode == PENILAIAN:
        return JenisTenggat(
            kode=PENILAIAN, judul=definisi.judul, rombongan=_rombongan_penilaian,
            ingatkan=_ingatkan_penilaian, eskalasi=_eskalasi_penilaian,
        )  # fmt: skip
    return JenisTenggat(
        kode=definisi.kode, judul=definisi.judul, rombongan=_rombongan_langkah(definisi),
        ingatkan=_ingatkan_langkah, eskalasi=_lewat_langkah,
    )  # fmt: skip


JENIS = tuple(_jenis(d) for d in workflow.TENGGAT)


def daftarkan() -> None:
    for j in JENIS:
        tenggat.daftarkan(j)


def penerima_laporan() -> str:
    return pengaturan_instansi().penerima_laporan
