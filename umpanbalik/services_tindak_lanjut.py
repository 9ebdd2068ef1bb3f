"""Writes for the follow-up of feedback (Pasal 20-21): each in one transaction, checked
against `tindak_lanjut` (who may, what must come first), audited, and the people who must
act next told (organisasi.pemberitahuan) in the same transaction.

Keyword arguments only. Bad input raises an Indonesian ValidationError and nothing
changes; someone without the part raises PermissionDenied.

A penyesuaian ekspektasi (and a coaching that agrees to adjust a target) opens a new SKP
version through `skp.services.skp_buat_perubahan`: the SKP app owns versions.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from organisasi.audit import catat
from organisasi.models import Pegawai
from organisasi.pemberitahuan import Kabar, kirim
from organisasi.tanggal import tanggal_id
from skp import selectors as skp_selectors
from skp import services as skp_services
from skp.models import SKP, RencanaHasilKerja

from . import dokumen_tindak_lanjut as dokumen
from . import selectors_tindak_lanjut as sel
from . import tindak_lanjut as tl
from .models import (
    BimbinganKinerja,
    BuktiLaporanPerilaku,
    EvaluasiKompetensi,
    JenisKonselor,
    JenisTindakLanjut,
    LaporanPerilakuKerja,
    MetodeBimbingan,
    PengambilalihanRHK,
    TindakLanjut,
    UmpanBalikBimbingan,
)


def _tautan(skp: SKP, jangkar: str = "") -> str:
    return reverse("tindak_lanjut", args=[skp.pk]) + (f"#{jangkar}" if jangkar else "")


def _kunci(skp: SKP) -> SKP:
    return SKP.objects.select_for_update().select_related("pegawai").get(pk=skp.pk)


def _periksa(pengguna, skp: SKP, aksi: tl.Aksi, keadaan: tl.Keadaan | None = None, **syarat):
    """The actor's employee record, once they have the part and the preconditions hold."""
    if (pesan := tl.galat_peran(aksi, sel.peran(pengguna, skp))) is not None:
        raise PermissionDenied(pesan)
    galat = tl.syarat(aksi, keadaan or sel.keadaan(skp), **syarat)
    if galat:
        raise ValidationError(galat)
    return skp_selectors.pegawai_pengguna(pengguna)


def _tanggal(tanggal: date | None) -> date:
    hari_ini = timezone.localdate()
    if tanggal is None:
        raise ValidationError({"tanggal": "Isi tanggalnya."})
    if tanggal > hari_ini:
        raise ValidationError({"tanggal": "Tanggal tidak boleh setelah hari ini."})
    return tanggal


def _teks(nilai: str, kolom: str, pesan: str, batas: int = 2000) -> str:
    teks = (nilai or "").strip()
    if not teks:
        raise ValidationError({kolom: pesan})
    if len(teks) > batas:
        raise ValidationError({kolom: f"Paling panjang {batas} karakter."})
    return teks


def _buka_perubahan(pengguna, skp: SKP, alasan: str) -> SKP:
    try:
        return skp_services.skp_buat_perubahan(pengguna=pengguna, skp=skp, alasan=alasan)
    except PermissionDenied as exc:  # the SKP app's own refusal, as a message here
        raise ValidationError(str(exc)) from exc


# --- Apresiasi, penugasan baru, penyesuaian ekspektasi / sumber daya ------------------------

_SARAN_PEGAWAI = {
    JenisTindakLanjut.APRESIASI: "Pimpinan Anda memberikan apresiasi atas kemajuan kinerja Anda.",
    JenisTindakLanjut.PENUGASAN_BARU: "Pimpinan Anda memberikan penugasan baru; bicarakan "
    "bila penugasan ini perlu dicatat sebagai rencana hasil kerja tambahan.",
    JenisTindakLanjut.PENYESUAIAN_EKSPEKTASI: "Pimpinan Anda menyesuaikan ekspektasi: perubahan "
    "SKP sudah dibuka. Sesuaikan rencana hasil kerja dan indikatornya, lalu ajukan kembali.",
    JenisTindakLanjut.PENYESUAIAN_SUMBER_DAYA: "Pimpinan Anda menyesuaikan dukungan sumber "
    "daya untuk rencana hasil kerja Anda.",
}


@transaction.atomic
def tindak_lanjut_catat(
    *,
    pengguna,
    skp: SKP,
    jenis: str,
    tanggal: date,
    uraian: str,
    rhk: RencanaHasilKerja | None = None,
) -> TindakLanjut:
    """Record apresiasi, penugasan baru, penyesuaian ekspektasi (which opens a new SKP
    version) or penyesuaian dukungan sumber daya (Pasal 20(2)-(5))."""
    skp = _kunci(skp)
    if jenis not in JenisTindakLanjut.values:
        raise ValidationError({"jenis": "Pilih jenis tindak lanjut."})
    saya = _periksa(
        pengguna,
        skp,
        tl.Aksi.CATAT,
        sel.keadaan(skp, ada_perubahan=sel.ada_perubahan(skp)),
        jenis=jenis,
    )
    tanggal = _tanggal(tanggal)
    uraian = _teks(uraian, "uraian", "Uraikan tindak lanjut yang diberikan.")
    if rhk is not None and rhk.skp_id != skp.pk:
        raise ValidationError({"rhk": "Rencana hasil kerja ini bukan bagian dari SKP tersebut."})
    t = TindakLanjut(
        skp=skp, rhk=rhk, jenis=jenis, tanggal=tanggal, uraian=uraian, dicatat_oleh=saya
    )
    if tl.membuka_perubahan_skp(jenis):
        t.skp_perubahan = _buka_perubahan(pengguna, skp, f"Penyesuaian ekspektasi: {uraian}"[:500])
    catat(t, pengguna, f"Tindak lanjut umpan balik: {t.get_jenis_display()}")
    t.save()
    tautan = reverse("skp_detail", args=[t.skp_perubahan.pk]) if t.skp_perubahan else _tautan(skp)
    kirim(
        [
            Kabar(
                skp.pegawai_id,
                f"tindak-lanjut-{t.pk}",
                f"Tindak lanjut umpan balik: {t.get_jenis_display()}",
                f"{_SARAN_PEGAWAI[jenis]} {uraian[:300]}",
                tautan,
            )
        ]
    )
    return t


# --- Bimbingan kinerja: coaching (B.1.6), mentoring (B.1.7) ----------------------------------


@transaction.atomic
def bimbingan_catat(
    *,
    pengguna,
    skp: SKP,
    metode: str,
    tanggal: date,
    tempat: str,
    isi: dict,
    pihak_lain: dict | None = None,
) -> BimbinganKinerja:
    """The coach/mentor records the session after it took place and signs it; the
    employee then co-signs (L5562-5572, L5768-5776). A coaching that agrees to adjust a
    measure or target opens a new SKP version (B.1.6 footnote)."""
    skp = _kunci(skp)
    if metode not in MetodeBimbingan.values:
        raise ValidationError({"metode": "Pilih coaching atau mentoring."})
    penyesuaian = metode == MetodeBimbingan.COACHING and tl.ada_penyesuaian_target(isi)
    saya = _periksa(
        pengguna,
        skp,
        tl.Aksi.CATAT_BIMBINGAN,
        sel.keadaan(skp, ada_perubahan=sel.ada_perubahan(skp)),
        jenis=metode,
        penyesuaian_target=penyesuaian,
    )
    tanggal = _tanggal(tanggal)
    tempat = _teks(tempat, "tempat", "Isi tempat pelaksanaannya.", 200)
    galat = (
        tl.galat_isi_coaching(isi)
        if metode == MetodeBimbingan.COACHING
        else tl.galat_isi_mentoring(isi)
    )
    if galat:
        raise ValidationError(galat)
    pihak_lain = {k: (v or "").strip() for k, v in (pihak_lain or {}).items()}
    if any(pihak_lain.values()) and not pihak_lain.get("nama"):
        raise ValidationError({"pihak_lain_nama": "Isi nama pihak lain yang membimbing."})
    b = BimbinganKinerja(
        skp=skp,
        metode=metode,
        tanggal=tanggal,
        tempat=tempat,
        isi=isi,
        pihak_lain_nama=pihak_lain.get("nama", "")[:200],
        pihak_lain_nip=pihak_lain.get("nip", "")[:30],
        pihak_lain_jabatan=pihak_lain.get("jabatan", "")[:200],
        dicatat_oleh=saya,
    )
    if penyesuaian:
        b.skp_perubahan = _buka_perubahan(
            pengguna, skp, f"Penyesuaian ukuran keberhasilan dan target hasil coaching {tanggal}"
        )
    catat(b, pengguna, f"Pelaksanaan {b.get_metode_display().lower()} dicatat")
    b.save()
    kirim(
        [
            Kabar(
                skp.pegawai_id,
                f"bimbingan-{b.pk}-tandatangani",
                f"Tandatangani catatan {b.get_metode_display().lower()} (format {b.kode_format})",
                f"{saya.nama_lengkap} mencatat pelaksanaan {b.get_metode_display().lower()} "
                f"tanggal {tanggal_id(tanggal)}. Periksa isinya dan tandatangani, lalu isi "
                "umpan balik pelaksanaan bimbingan kinerja (format B.1.8).",
                _tautan(skp, f"bimbingan-{b.pk}"),
            )
        ]
    )
    return b


def _bimbingan_terkunci(bimbingan: BimbinganKinerja) -> tuple[BimbinganKinerja, SKP]:
    b = BimbinganKinerja.objects.select_for_update().get(pk=bimbingan.pk)
    return b, _kunci(b.skp)


@transaction.atomic
def bimbingan_tandatangani(*, pengguna, bimbingan: BimbinganKinerja) -> BimbinganKinerja:
    b, skp = _bimbingan_terkunci(bimbingan)
    _periksa(
        pengguna,
        skp,
        tl.Aksi.TANDATANGANI_BIMBINGAN,
        sel.keadaan(
            skp, bimbingan_ditandatangani_pegawai=b.ditandatangani_pegawai_pada is not None
        ),
    )
    b.ditandatangani_pegawai_pada = timezone.now()
    catat(b, pengguna, f"Format {b.kode_format} ditandatangani pegawai")
    b.save(update_fields=["ditandatangani_pegawai_pada"])
    # Both have signed: the format is a document from now on.
    dokumen.arsipkan_bimbingan(b, pengguna)
    return b


@transaction.atomic
def umpan_balik_bimbingan_isi(
    *, pengguna, bimbingan: BimbinganKinerja, jawaban: list[str]
) -> UmpanBalikBimbingan:
    """B.1.8: the employee's feedback, handed to the atasan of the pimpinan (L5865-5869)."""
    b, skp = _bimbingan_terkunci(bimbingan)
    saya = _periksa(
        pengguna,
        skp,
        tl.Aksi.ISI_UMPAN_BALIK,
        sel.keadaan(
            skp,
            bimbingan_ditandatangani_pegawai=b.ditandatangani_pegawai_pada is not None,
            ada_umpan_balik=UmpanBalikBimbingan.objects.filter(bimbingan=b).exists(),
        ),
    )
    jawaban = [(j or "").strip() for j in jawaban]
    if (pesan := tl.galat_umpan_balik(jawaban)) is not None:
        raise ValidationError({"jawaban": pesan})
    u = UmpanBalikBimbingan(
        bimbingan=b, jawaban=jawaban, tanggal=timezone.localdate(), diisi_oleh=saya
    )
    catat(u, pengguna, "Umpan balik pelaksanaan bimbingan kinerja diisi (B.1.8)")
    u.save()
    dokumen.arsipkan_umpan_balik(b, pengguna)
    if skp.atasan_penilai_id:
        kirim(
            [
                Kabar(
                    skp.atasan_penilai_id,
                    f"bimbingan-{b.pk}-b18-atasan",
                    f"Umpan balik bimbingan kinerja dari {skp.pegawai.nama_lengkap} (format B.1.8)",
                    f"{skp.pegawai.nama_lengkap} menyerahkan umpan balik atas "
                    f"{b.get_metode_display().lower()} tanggal {tanggal_id(b.tanggal)} kepada "
                    "Anda sebagai atasan dari pimpinan yang membimbing.",
                    _tautan(skp, f"bimbingan-{b.pk}"),
                )
            ]
        )
    return u


@transaction.atomic
def evaluasi_kompetensi_isi(
    *,
    pengguna,
    bimbingan: BimbinganKinerja,
    nilai: dict,
    teknis: list[dict],
    rekomendasi: str,
) -> EvaluasiKompetensi:
    """B.1.9: the coach assesses the employee's competencies after the bimbingan; the
    rater reports it with the session record to her atasan (L6123-6137)."""
    b, skp = _bimbingan_terkunci(bimbingan)
    saya = _periksa(
        pengguna,
        skp,
        tl.Aksi.ISI_EVALUASI_KOMPETENSI,
        sel.keadaan(
            skp, ada_evaluasi_kompetensi=EvaluasiKompetensi.objects.filter(bimbingan=b).exists()
        ),
    )
    teknis = [t for t in teknis if (t.get("nama") or "").strip() or t.get("nilai")]
    if galat := tl.galat_evaluasi_kompetensi(nilai, teknis):
        raise ValidationError(galat)
    e = EvaluasiKompetensi(
        bimbingan=b,
        nilai={
            k: {"nilai": nilai[k]["nilai"], "alasan": (nilai[k].get("alasan") or "").strip()}
            for k in tl.KODE_KOMPETENSI
        },
        teknis=[
            {
                "nama": t["nama"].strip(),
                "nilai": t["nilai"],
                "alasan": (t.get("alasan") or "").strip(),
            }
            for t in teknis
        ],
        rekomendasi=(rekomendasi or "").strip()[:2000],
        tanggal=timezone.localdate(),
        diisi_oleh=saya,
    )
    catat(e, pengguna, "Evaluasi kompetensi pegawai dibuat (B.1.9)")
    e.save()
    dokumen.arsipkan_evaluasi_kompetensi(e, pengguna)
    if skp.atasan_penilai_id:
        kirim(
            [
                Kabar(
                    skp.atasan_penilai_id,
                    f"bimbingan-{b.pk}-b19-atasan",
                    f"Laporan bimbingan kinerja {skp.pegawai.nama_lengkap}",
                    f"Pelaksanaan {b.get_metode_display().lower()} (format {b.kode_format}) dan "
                    "evaluasi kompetensi pegawai (format B.1.9) dilaporkan kepada Anda. Tentukan "
                    "tindak lanjut yang dibutuhkan bersama PyB/unit kepegawaian.",
                    _tautan(skp, f"bimbingan-{b.pk}"),
                )
            ]
        )
    return e


# --- Konseling kinerja: laporan B.1.10 and the counselling record ---------------------------


@transaction.atomic
def laporan_perilaku_buat(
    *,
    pengguna,
    skp: SKP,
    tanggal: date,
    dikomunikasikan_pada: date | None,
    punya_ekspektasi_khusus: bool,
    ekspektasi_khusus: str,
    permasalahan: str,
    serupa_pegawai_lain: bool,
    retrospektif: str,
    bukti_umpan_balik: str = "",
    umpan_balik=(),
) -> LaporanPerilakuKerja:
    """B.1.10, from the rater to the unit kepegawaian (the agency admins are told), with
    the evidence of continuous feedback: ids of the employee's feedback entries
    (`umpan_balik`) and/or a short text. An id that is not a feedback entry on this
    employee's SKP readable by the reporter (another employee's, another agency's) is
    refused and nothing is stored."""
    skp = _kunci(skp)
    saya = _periksa(pengguna, skp, tl.Aksi.LAPOR_PERILAKU)
    tanggal = _tanggal(tanggal)
    try:
        diminta = {int(pk) for pk in umpan_balik}
    except (TypeError, ValueError) as exc:
        raise ValidationError({"umpan_balik": "Pilihan umpan balik tidak dikenal."}) from exc
    bukti = list(sel.umpan_balik_untuk_laporan(pengguna, skp).filter(pk__in=diminta))
    if len(bukti) != len(diminta):
        raise ValidationError(
            {
                "umpan_balik": "Umpan balik yang dipilih tidak ditemukan pada rekaman umpan "
                "balik pegawai ini. Pilih dari daftar yang tersedia."
            }
        )
    galat = tl.galat_laporan_perilaku(
        tanggal=tanggal,
        dikomunikasikan_pada=dikomunikasikan_pada,
        permasalahan=permasalahan or "",
        retrospektif=retrospektif or "",
        bukti_umpan_balik=bukti_umpan_balik or "",
        punya_ekspektasi_khusus=punya_ekspektasi_khusus,
        ekspektasi_khusus=ekspektasi_khusus or "",
        jumlah_umpan_balik=len(bukti),
        tanggal_umpan_balik=tuple(timezone.localtime(ub.dibuat_pada).date() for ub in bukti),
    )
    if galat:
        raise ValidationError(galat)
    laporan = LaporanPerilakuKerja(
        skp=skp,
        tanggal=tanggal,
        dikomunikasikan_pada=dikomunikasikan_pada,
        punya_ekspektasi_khusus=punya_ekspektasi_khusus,
        ekspektasi_khusus=(ekspektasi_khusus or "").strip()[:2000]
        if punya_ekspektasi_khusus
        else "",
        permasalahan=permasalahan.strip()[:4000],
        serupa_pegawai_lain=serupa_pegawai_lain,
        retrospektif=retrospektif.strip()[:4000],
        bukti_umpan_balik=(bukti_umpan_balik or "").strip(),
        dicatat_oleh=saya,
    )
    catat(laporan, pengguna, "Laporan permasalahan perilaku kerja dibuat (B.1.10)")
    laporan.save()
    # The links are in place before the report is rendered and archived.
    BuktiLaporanPerilaku.objects.bulk_create(
        BuktiLaporanPerilaku(instansi_id=laporan.instansi_id, laporan=laporan, umpan_balik=ub)
        for ub in bukti
    )
    dokumen.arsipkan_laporan(laporan, pengguna)
    kepegawaian = Pegawai.objects.filter(pengguna__admin_instansi=True).values_list("pk", flat=True)
    kirim(
        [
            Kabar(
                pk,
                f"laporan-perilaku-{laporan.pk}-kepegawaian-{pk}",
                "Laporan permasalahan perilaku kerja (format B.1.10)",
                f"{saya.nama_lengkap} melaporkan permasalahan perilaku kerja seorang pegawai. "
                "Tetapkan apakah pegawai ini menjalani konseling kinerja, konselornya, serta "
                "jadwal dan tempatnya secara individual dan rahasia, lalu catat hasilnya.",
                _tautan(skp, f"laporan-{laporan.pk}"),
            )
            for pk in kepegawaian
        ]
    )
    return laporan


@transaction.atomic
def konseling_catat(
    *,
    pengguna,
    laporan: LaporanPerilakuKerja,
    konselor: str,
    jenis_konselor: str,
    tanggal_konseling: date | None,
    hasil: str,
) -> LaporanPerilakuKerja:
    """The counselling record (rekaman informasi hasil konseling kinerja, L6309-6313): by
    the unit kepegawaian for an independent counsellor, or by the trained rater."""
    laporan = LaporanPerilakuKerja.objects.select_for_update().get(pk=laporan.pk)
    skp = _kunci(laporan.skp)
    _periksa(
        pengguna,
        skp,
        tl.Aksi.CATAT_KONSELING,
        sel.keadaan(skp, ada_hasil_konseling=laporan.tanggal_konseling is not None),
    )
    if jenis_konselor not in JenisKonselor.values:
        raise ValidationError({"jenis_konselor": "Pilih siapa yang memberikan konseling."})
    konselor = _teks(konselor, "konselor", "Isi nama konselornya.", 200)
    tanggal_konseling = _tanggal(tanggal_konseling)
    if tanggal_konseling < laporan.tanggal:
        raise ValidationError(
            {"tanggal": "Konseling dilaksanakan setelah laporan permasalahan perilaku kerja."}
        )
    hasil = _teks(hasil, "hasil", "Tuliskan hasil konseling kinerjanya.", 4000)
    laporan.konselor, laporan.jenis_konselor = konselor, jenis_konselor
    laporan.tanggal_konseling, laporan.hasil_konseling = tanggal_konseling, hasil
    laporan.konseling_dicatat_oleh = pengguna
    catat(laporan, pengguna, "Hasil konseling kinerja dicatat")
    laporan.save()
    return laporan


# --- Pengambilalihan RHK (Pasal 20(6)-(8)) -------------------------------------------------


@transaction.atomic
def ambil_alih_rhk(
    *, pengguna, rhk: RencanaHasilKerja, tanggal: date, catatan: str
) -> PengambilalihanRHK:
    """The pimpinan takes over an RHK after the Pasal 20(3) follow-ups did not help; the
    note that the employee could not complete it is mandatory and reaches the evaluation."""
    skp = _kunci(rhk.skp)
    rhk = RencanaHasilKerja.objects.get(pk=rhk.pk, skp=skp)
    saya = _periksa(
        pengguna,
        skp,
        tl.Aksi.AMBIL_ALIH,
        sel.keadaan(
            skp,
            tindak_lanjut_tanpa_kemajuan=sel.jumlah_tanpa_kemajuan(skp),
            rhk_sudah_diambil_alih=PengambilalihanRHK.objects.filter(rhk=rhk).exists(),
        ),
    )
    if (pesan := tl.galat_catatan_ambil_alih(catatan)) is not None:
        raise ValidationError({"catatan": pesan})
    tanggal = _tanggal(tanggal)
    p = PengambilalihanRHK(
        skp=skp, rhk=rhk, tanggal=tanggal, catatan=catatan.strip(), diambil_alih_oleh=saya
    )
    catat(p, pengguna, "Rencana hasil kerja diambil alih pimpinan")
    p.save()
    kirim(
        [
            Kabar(
                skp.pegawai_id,
                f"ambil-alih-{p.pk}",
                "Rencana hasil kerja Anda diambil alih pimpinan",
                f"{saya.nama_lengkap} mengambil alih rencana hasil kerja “{rhk.teks[:200]}” "
                "dengan catatan yang menjadi dasar pertimbangan evaluasi kinerja Anda.",
                _tautan(skp, f"ambil-alih-{p.pk}"),
            )
        ]
    )
    return p
