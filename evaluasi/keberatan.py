"""Keberatan (objection) rules of Lampiran BAB V huruf B, as pure functions.

- Who may file: the pegawai who has received the dokumen evaluasi (000:8520-8524), to the
  atasan pejabat penilai "secara berjenjang" (000:8526-8530). Not for a result the
  regulation makes final (spec-evaluation 3.6, AMBIG-11, read as "no objection"): the
  atasan evaluated because the rater did not (000:6439-6447, D.1.2), a JPT utama, a JPT
  madya, a regional JPT pratama, the head of a unit kerja mandiri rated by the minister or
  kepala daerah (000:6451-6469). In Bekasi's table of raters the Kepala Dinas/Badan rows
  are rated by the Wali Kota (003:1316, 1324, 1335): final by the same rule. Without an
  atasan pejabat penilai there is no one to file with.
- K1: filed within 14 working days of receiving the document (000:8526-8530); the day of
  receipt does not count, a holiday inside the window moves its end.
- K2: decided within 7 working days of the filing (000:8548-8552). The regulation says
  nothing of a miss (AMBIG-14/16): the case is flagged for the agency admin, never
  decided by the app.
- K3: D.1.3 reported within 30 working days of the end of the evaluation window
  (000:8642-8648). A late delivery and a filing on its last day can put K3 before K2
  (AMBIG-17): both dates are shown and the conflict is flagged, not blocked.
- A decision is menguatkan (the result stands) or mengubah (new ratings, the predikat
  from the quadrant, a new recommendation on D.1.3, 000:8542-8559).

Pure: no database; dates are counted on the agency's `KalenderKerja`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from organisasi.hari_kerja import KalenderKerja
from organisasi.tanggal import tanggal_id
from organisasi.tenggat import JatuhTempo, hitung_jatuh_tempo

from . import kuadran
from .periode import PENJELASAN_FINAL, SebabFinal, sebab_final
from .workflow import JALUR_ATASAN, Status

HARI_PENGAJUAN = 14  # K1, 000:8526-8530
HARI_KEPUTUSAN = 7  # K2, 000:8548-8552
HARI_PELAPORAN = 30  # K3, 000:8642-8648

PERISTIWA_TERIMA = "penerimaan dokumen evaluasi kinerja oleh pegawai"
PERISTIWA_PENGAJUAN = "pengajuan keberatan"
PERISTIWA_AKHIR_JENDELA = "berakhirnya jangka waktu evaluasi kinerja"

BATAS_TEKS = 4000

# The evaluation states in which the pegawai holds the dokumen evaluasi D.1.1 (spec §5.3
# row 7: delivered, or signed and returned; a report made before the 14 days ran out
# does not take them away).
STATUS_DAPAT_DIAJUKAN = frozenset(
    {Status.D11_DISERAHKAN, Status.D11_DIKEMBALIKAN, Status.DILAPORKAN}
)


class Keputusan(StrEnum):
    MENGUATKAN = "menguatkan"
    MENGUBAH = "mengubah"

    @property
    def label(self) -> str:
        return LABEL_KEPUTUSAN[self]


LABEL_KEPUTUSAN = {
    Keputusan.MENGUATKAN: "Menguatkan hasil evaluasi kinerja",
    Keputusan.MENGUBAH: "Mengubah hasil evaluasi kinerja",
}


# --- Who may file ---------------------------------------------------------------------------


def sebab_final_peran(
    *, jenis_jabatan: str, instansi_daerah: bool, kepala_unit_mandiri: bool,
    penilai_kepala_daerah: bool,
) -> SebabFinal | None:  # fmt: skip
    """Final by role (spec 3.6 items 2-6), from the SKP's position and rater. A pegawai
    rated by the kepala daerah (or the minister, the head of the agency) has no atasan
    pejabat penilai above that rater, so the same reading applies to every such SKP."""
    sebab = sebab_final(
        dievaluasi_atasan=False,
        jenis_jabatan=jenis_jabatan,
        instansi_daerah=instansi_daerah,
        kepala_unit_mandiri=kepala_unit_mandiri,
        penilai_pimpinan_instansi=penilai_kepala_daerah,
    )
    if sebab is None and penilai_kepala_daerah:
        return SebabFinal.JPT_DAERAH if jenis_jabatan.startswith("jpt") else SebabFinal.KEPALA_UKM
    return sebab


def jabatan_final(instansi_daerah: bool) -> frozenset[str]:
    """The position kinds whose results are final in this kind of agency (for set-based
    reads: the same rule as `sebab_final_peran`, enumerated)."""
    from organisasi.models import JenisJabatan

    return frozenset(
        j.value
        for j in JenisJabatan
        if sebab_final_peran(
            jenis_jabatan=j.value,
            instansi_daerah=instansi_daerah,
            kepala_unit_mandiri=False,
            penilai_kepala_daerah=False,
        )  # fmt: skip
        is not None
    )


@dataclass(frozen=True)
class SyaratPengajuan:
    """What the rule needs to know about one evaluation."""

    status: str
    final: bool
    sebab_final: str  # the stored reason, "" when not final
    sebab_peran: SebabFinal | None  # final by role (sebab_final_peran)
    ada_atasan: bool
    penilai_sama_dengan_atasan: bool
    diterima_pada: date | None  # the date the pegawai received the document


def sebab_tidak_dapat_diajukan(s: SyaratPengajuan) -> str | None:
    """Why no keberatan may be filed against this result at all (whatever the date), as
    the message for the pegawai; None when it may be, inside the window."""
    if s.status in JALUR_ATASAN or s.sebab_final == SebabFinal.ATASAN_MENGAMBIL_ALIH:
        return (
            "Hasil evaluasi ini ditetapkan atasan pejabat penilai karena pejabat penilai tidak "
            "mengevaluasi dalam jangka waktu evaluasi, sehingga bersifat final dan tidak dapat "
            "diajukan keberatan."
        )
    sebab = s.sebab_peran or (SebabFinal(s.sebab_final) if s.sebab_final else None)
    if sebab is not None or s.final:
        alasan = PENJELASAN_FINAL.get(sebab, "Hasil evaluasi ini ditetapkan bersifat final.")
        return f"{alasan} Hasilnya bersifat final dan tidak dapat diajukan keberatan."
    if s.status not in STATUS_DAPAT_DIAJUKAN or s.diterima_pada is None:
        return (
            "Keberatan dapat diajukan setelah Anda menerima dokumen evaluasi kinerja yang "
            "ditandatangani pejabat penilai."
        )
    if not s.ada_atasan or s.penilai_sama_dengan_atasan:
        return (
            "Tidak ada atasan pejabat penilai yang tercatat untuk evaluasi ini, sehingga "
            "keberatan belum dapat diajukan. Hubungi admin kepegawaian instansi."
        )
    return None


def batas_pengajuan(kalender: KalenderKerja, diterima_pada: date) -> JatuhTempo:
    """K1: the last day to file, 14 working days after receipt."""
    return hitung_jatuh_tempo(
        kalender, peristiwa=PERISTIWA_TERIMA, mulai=diterima_pada, hari_kerja=HARI_PENGAJUAN
    )


def pesan_lewat_batas(batas: JatuhTempo) -> str:
    return (
        f"Batas pengajuan keberatan sudah lewat: keberatan diajukan paling lama "
        f"{HARI_PENGAJUAN} hari kerja sejak dokumen evaluasi diterima pada "
        f"{tanggal_id(batas.mulai)}, yaitu paling lambat {tanggal_id(batas.tanggal)}."
    )


def periksa_pengajuan(s: SyaratPengajuan, kalender: KalenderKerja, hari_ini: date) -> str | None:
    """None when the pegawai may file today; the refusal otherwise (naming the last day
    when the window has passed)."""
    if (sebab := sebab_tidak_dapat_diajukan(s)) is not None:
        return sebab
    batas = batas_pengajuan(kalender, s.diterima_pada)
    if hari_ini > batas.tanggal:
        return pesan_lewat_batas(batas)
    return None


def batas_keputusan(kalender: KalenderKerja, diajukan_pada: date) -> JatuhTempo:
    """K2: the atasan decides within 7 working days of the filing."""
    return hitung_jatuh_tempo(
        kalender, peristiwa=PERISTIWA_PENGAJUAN, mulai=diajukan_pada, hari_kerja=HARI_KEPUTUSAN
    )


def batas_pelaporan(kalender: KalenderKerja, akhir_jendela: date) -> JatuhTempo:
    """K3: D.1.3 reported to the PyB within 30 working days of the window's end."""
    return hitung_jatuh_tempo(
        kalender, peristiwa=PERISTIWA_AKHIR_JENDELA, mulai=akhir_jendela,
        hari_kerja=HARI_PELAPORAN,
    )  # fmt: skip


@dataclass(frozen=True)
class Jadwal:
    """The two clocks of a filed keberatan and whether they collide (AMBIG-17)."""

    keputusan: JatuhTempo
    pelaporan: JatuhTempo

    @property
    def bertabrakan(self) -> bool:
        return self.pelaporan.tanggal < self.keputusan.tanggal

    @property
    def pesan_tabrakan(self) -> str:
        if not self.bertabrakan:
            return ""
        return (
            f"Batas pelaporan dokumen evaluasi ({tanggal_id(self.pelaporan.tanggal)}, "
            f"{HARI_PELAPORAN} hari kerja sejak jangka waktu evaluasi berakhir) jatuh sebelum "
            f"batas keputusan keberatan ({tanggal_id(self.keputusan.tanggal)}, "
            f"{HARI_KEPUTUSAN} hari kerja sejak pengajuan). Peraturan tidak mengatur "
            "benturan ini: keberatan tetap diperiksa dan diputuskan, dan pelaporan "
            "dilakukan segera setelah keputusan."
        )


def jadwal(kalender: KalenderKerja, *, diajukan_pada: date, akhir_jendela: date) -> Jadwal:
    return Jadwal(
        batas_keputusan(kalender, diajukan_pada), batas_pelaporan(kalender, akhir_jendela)
    )


# --- The decision ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilBaru:
    rating_hasil_kerja: str
    rating_perilaku_kerja: str
    predikat: kuadran.Predikat


class KeputusanTidakSah(ValueError):
    """The decision cannot be taken as given; the message is for the user."""


def periksa_keputusan(
    keputusan: str, *, rekomendasi: str, rating_hasil_kerja: str = "",
    rating_perilaku_kerja: str = "", predikat_gagal: str = "",
    semula: tuple[str, str, str], gagal_tugas_belajar: bool = False,
) -> HasilBaru | None:  # fmt: skip
    """Check a decision; for mengubah return the new result (the predikat from the
    quadrant, or the Kurang/Sangat Kurang pick of a tugas belajar drop-out). `semula` is
    the original (rating hasil kerja, rating perilaku kerja, predikat)."""
    try:
        k = Keputusan(keputusan)
    except ValueError:
        raise KeputusanTidakSah(
            "Pilih keputusan: menguatkan atau mengubah hasil evaluasi kinerja."
        ) from None
    rekomendasi = (rekomendasi or "").strip()
    if len(rekomendasi) > BATAS_TEKS:
        raise KeputusanTidakSah(
            f"Keputusan dan rekomendasi paling banyak {BATAS_TEKS} karakter "
            f"(sekarang {len(rekomendasi)})."
        )
    if k == Keputusan.MENGUATKAN:
        if not rekomendasi:
            raise KeputusanTidakSah("Tuliskan pertimbangan keputusan menguatkan.")
        return None
    if not rekomendasi:
        raise KeputusanTidakSah(
            "Keputusan mengubah memuat rekomendasi baru (Lampiran BAB V huruf B angka 7)."
        )
    try:
        predikat = kuadran.predikat_dipilih(
            rating_hasil_kerja or None, rating_perilaku_kerja or None,
            gagal_tugas_belajar=gagal_tugas_belajar, pilihan_gagal=predikat_gagal or None,
        )  # fmt: skip
    except kuadran.PredikatTidakSah as exc:
        raise KeputusanTidakSah(str(exc)) from exc
    if predikat is None:
        raise KeputusanTidakSah(
            "Keputusan mengubah menetapkan rating hasil kerja dan rating perilaku kerja baru."
        )
    if (rating_hasil_kerja, rating_perilaku_kerja, predikat.value) == tuple(semula):
        raise KeputusanTidakSah(
            "Rating yang dipilih sama dengan hasil semula. Bila hasil evaluasi tetap, pilih "
            "keputusan menguatkan."
        )
    return HasilBaru(rating_hasil_kerja, rating_perilaku_kerja, predikat)
