"""Writes for keberatan: each in one transaction, checked against `workflow_keberatan` and
the rules in `keberatan`, audited in the same transaction (organisasi.audit.catat), the
parties notified (organisasi.pemberitahuan). Bad input raises ValidationError in
Indonesian and changes nothing; someone without the role gets PermissionDenied."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from organisasi.audit import catat
from organisasi.hari_kerja import kalender_instansi
from organisasi.pemberitahuan import Kabar, kirim
from organisasi.tanggal import tanggal_id
from skp.selectors import pegawai_pengguna
from umpanbalik import bukti as aturan_bukti

from . import keberatan as aturan
from . import selectors_keberatan as sel
from . import workflow_keberatan as wk
from .models import BuktiKeberatan, EvaluasiKinerja, Keberatan, PermintaanKeterangan
from .workflow_keberatan import Aksi, AksiDitolak, Peran

BATAS_BUKTI = 5  # files or links per filing or answer


def _tautan(k: Keberatan) -> str:
    return reverse("keberatan_detail", args=[k.pk])


def _teks(nilai: str, label: str, *, wajib: bool = True) -> str:
    nilai = (nilai or "").strip()
    if wajib and not nilai:
        raise ValidationError(f"{label} wajib diisi.")
    if len(nilai) > aturan.BATAS_TEKS:
        raise ValidationError(
            f"{label} paling banyak {aturan.BATAS_TEKS} karakter (sekarang {len(nilai)})."
        )
    return nilai


def _siapkan_bukti(berkas, tautan) -> list[dict]:
    """Check every file and link before anything is written (one refusal: nothing)."""
    berkas = [b for b in (berkas or []) if b]
    tautan = [t for t in (tautan or []) if t and t.strip()]
    if len(berkas) + len(tautan) > BATAS_BUKTI:
        raise ValidationError(f"Paling banyak {BATAS_BUKTI} berkas atau tautan bukti sekaligus.")
    siap = []
    for b in berkas:
        f = aturan_bukti.siapkan(b)
        siap.append({"nama": f.nama, "jenis_isi": f.jenis_isi, "ukuran": len(f.isi), "isi": f.isi})
    for t in tautan:
        url = aturan_bukti.periksa_tautan(t)
        siap.append({"nama": url[:100], "tautan": url})
    return siap


def _simpan_bukti(k: Keberatan, siap: list[dict], pegawai) -> None:
    BuktiKeberatan.objects.bulk_create(
        [BuktiKeberatan(instansi_id=k.instansi_id, keberatan=k, diunggah_oleh=pegawai, **b)
         for b in siap]
    )  # fmt: skip


def _kunci(pengguna, k: Keberatan) -> tuple[Keberatan, frozenset[Peran]]:
    """Lock the keberatan the user may see; her roles in it."""
    try:
        k = (
            sel.keberatan_untuk_pengguna(pengguna)
            .select_for_update(of=("self",))
            .select_related("evaluasi")
            .get(pk=k.pk)
        )
    except Keberatan.DoesNotExist:
        raise PermissionDenied("Anda tidak berwenang atas keberatan ini.") from None
    return k, sel.peran(pengguna, k)


def _periksa(aksi: Aksi, k: Keberatan, peran: frozenset[Peran]):
    try:
        return wk.periksa_aksi(aksi, k.status, peran)
    except AksiDitolak as exc:
        if not peran or not any(wk.boleh(aksi, s, peran) for s in wk.Status):
            raise PermissionDenied(str(exc)) from exc
        raise ValidationError(str(exc)) from exc


# --- Filing ---------------------------------------------------------------------------------


def keberatan_ajukan(
    *, pengguna, evaluasi: EvaluasiKinerja, alasan: str, berkas=(), tautan=()
) -> Keberatan:
    """The pegawai files a keberatan with her reasons (and optional evidence) to the
    atasan pejabat penilai, within 14 working days of receiving the document. Filing
    asks the rater for a penjelasan at once."""
    alasan = _teks(alasan, "Alasan keberatan")
    siap = _siapkan_bukti(berkas, tautan)
    pegawai = pegawai_pengguna(pengguna)
    sekarang = timezone.now()
    hari_ini = timezone.localdate(sekarang)
    kalender = kalender_instansi()
    try:
        with transaction.atomic():
            e = (
                EvaluasiKinerja.objects.select_for_update(of=("self",))
                .select_related("instansi", "skp__penempatan__jabatan__unit")
                .get(pk=evaluasi.pk)
            )
            if pegawai is None or e.pegawai_id != pegawai.pk:
                raise PermissionDenied("Keberatan diajukan oleh pegawai yang dinilai sendiri.")
            if Keberatan.objects.filter(evaluasi=e).exists():
                raise ValidationError("Keberatan atas hasil evaluasi ini sudah diajukan.")
            s = sel.syarat_pengajuan(e)
            if (pesan := aturan.periksa_pengajuan(s, kalender, hari_ini)) is not None:
                raise ValidationError(pesan)
            k = Keberatan(
                evaluasi=e, pegawai_id=e.pegawai_id, penilai_id=e.penilai_id,
                atasan_id=e.atasan_penilai_id, alasan=alasan,
                dokumen_diterima_pada=s.diterima_pada, tanggal_pengajuan=hari_ini,
                diajukan_pada=sekarang,
            )  # fmt: skip
            catat(k, pengguna, "Keberatan diajukan; penjelasan pejabat penilai diminta")
            k.save()
            _simpan_bukti(k, siap, pegawai)
            j = sel.jadwal(k, kalender)
            batas = tanggal_id(j.keputusan.tanggal)
            periode = sel.periode_evaluasi(e).label_lengkap
            kirim(
                [
                    Kabar(
                        k.atasan_id, f"keberatan-{k.pk}-diajukan-atasan",
                        f"Keberatan {e.pegawai} atas evaluasi {periode}",
                        f"{e.pegawai} mengajukan keberatan atas hasil evaluasi kinerjanya. "
                        f"Periksa alasan dan penjelasan pejabat penilai, lalu tetapkan "
                        f"keputusan paling lambat {batas}. {j.pesan_tabrakan}".strip(),
                        _tautan(k),
                    ),
                    Kabar(
                        k.penilai_id, f"keberatan-{k.pk}-diajukan-penilai",
                        f"Penjelasan diminta: keberatan {e.pegawai}",
                        f"{e.pegawai} mengajukan keberatan atas hasil evaluasi {periode} yang "
                        f"Anda tetapkan. Berikan penjelasan kepada atasan Anda sebelum "
                        f"keputusan ditetapkan (paling lambat {batas}).",
                        _tautan(k),
                    ),
                ]
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError("Keberatan atas hasil evaluasi ini sudah diajukan.") from None
    return k


# --- Examination ----------------------------------------------------------------------------


@transaction.atomic
def keberatan_jelaskan(*, pengguna, keberatan: Keberatan, penjelasan: str) -> Keberatan:
    """The rater's penjelasan (D.1.3 field 7); may be corrected until the decision."""
    penjelasan = _teks(penjelasan, "Penjelasan")
    k, peran = _kunci(pengguna, keberatan)
    ke = _periksa(Aksi.JELASKAN, k, peran)
    pertama = not k.penjelasan
    k.penjelasan = penjelasan
    k.penjelasan_pada = timezone.now()
    if ke is not None:
        k.status = ke
    k.versi += 1
    catat(k, pengguna, "Penjelasan pejabat penilai diberikan" if pertama else
          "Penjelasan pejabat penilai diperbaiki")  # fmt: skip
    k.save()
    kirim(
        [
            Kabar(
                k.atasan_id, f"keberatan-{k.pk}-penjelasan-{k.versi}",
                f"Penjelasan pejabat penilai atas keberatan {k.pegawai}",
                "Pejabat penilai memberikan penjelasan. Periksa lalu tetapkan keputusan, atau "
                "minta keterangan tambahan.",
                _tautan(k),
            ),
            Kabar(
                k.pegawai_id, f"keberatan-{k.pk}-penjelasan-{k.versi}-pegawai",
                "Pejabat penilai memberikan penjelasan atas keberatan Anda",
                "Penjelasan dapat Anda baca pada halaman keberatan; atasan pejabat penilai "
                "akan menetapkan keputusan.",
                _tautan(k),
            ),
        ]
    )  # fmt: skip
    return k


@transaction.atomic
def keberatan_minta_tambahan(
    *, pengguna, keberatan: Keberatan, kepada: str, pertanyaan: str
) -> PermintaanKeterangan:
    """The atasan asks the pegawai or the rater for more (000:8536-8540)."""
    pertanyaan = _teks(pertanyaan, "Pertanyaan")
    if kepada not in (Peran.PEGAWAI, Peran.PENILAI):
        raise ValidationError("Pilih pihak yang dimintai keterangan: pegawai atau pejabat penilai.")
    k, peran = _kunci(pengguna, keberatan)
    ke = _periksa(Aksi.MINTA_TAMBAHAN, k, peran)
    p = PermintaanKeterangan(
        keberatan=k, kepada=kepada, pertanyaan=pertanyaan, diminta_pada=timezone.now()
    )
    catat(p, pengguna, f"Keterangan tambahan diminta dari {wk.LABEL_PERAN[Peran(kepada)]}")
    p.save()
    if ke is not None:
        k.status = ke
    k.versi += 1
    catat(k, pengguna, f"Keterangan tambahan diminta dari {wk.LABEL_PERAN[Peran(kepada)]}")
    k.save()
    penerima = k.pegawai_id if kepada == Peran.PEGAWAI else k.penilai_id
    kirim(
        [
            Kabar(
                penerima, f"keberatan-{k.pk}-permintaan-{p.pk}",
                f"Keterangan tambahan diminta: keberatan {k.pegawai}",
                f"Atasan pejabat penilai meminta keterangan tambahan: {pertanyaan[:300]}",
                _tautan(k),
            )
        ]
    )  # fmt: skip
    return p


@transaction.atomic
def keberatan_tanggapi(
    *, pengguna, keberatan: Keberatan, jawaban: str, berkas=(), tautan=()
) -> Keberatan:
    """The party asked answers every open request addressed to her (the pegawai may add
    evidence). Once nothing is open, the atasan's turn again."""
    jawaban = _teks(jawaban, "Keterangan tambahan")
    siap = _siapkan_bukti(berkas, tautan)
    k, peran = _kunci(pengguna, keberatan)
    _periksa(Aksi.TANGGAPI, k, peran)
    terbuka = list(
        PermintaanKeterangan.objects.select_for_update().filter(
            keberatan=k, dijawab_pada__isnull=True, kepada__in=sorted(peran)
        )
    )
    if not terbuka:
        raise ValidationError(
            "Tidak ada permintaan keterangan tambahan yang ditujukan kepada Anda."
        )
    if siap and Peran.PEGAWAI not in peran:
        raise ValidationError("Bukti dukung keberatan dilampirkan oleh pegawai yang dinilai.")
    sekarang = timezone.now()
    for p in terbuka:
        p.jawaban, p.dijawab_pada = jawaban, sekarang
        catat(p, pengguna, "Keterangan tambahan diberikan")
        p.save()
    if siap:
        _simpan_bukti(k, siap, pegawai_pengguna(pengguna))
    if not PermintaanKeterangan.objects.filter(keberatan=k, dijawab_pada__isnull=True).exists():
        k.status = wk.Status.PENJELASAN_DIBERIKAN
    k.versi += 1
    catat(k, pengguna, "Keterangan tambahan diberikan")
    k.save()
    kirim(
        [
            Kabar(
                k.atasan_id, f"keberatan-{k.pk}-tanggapan-{terbuka[-1].pk}",
                f"Keterangan tambahan atas keberatan {k.pegawai}",
                "Keterangan yang Anda minta sudah diberikan. Tetapkan keputusan keberatan.",
                _tautan(k),
            )
        ]
    )  # fmt: skip
    return k


# --- Decision -------------------------------------------------------------------------------


@transaction.atomic
def keberatan_putuskan(
    *, pengguna, keberatan: Keberatan, versi: int, keputusan: str, rekomendasi: str,
    rating_hasil_kerja: str = "", rating_perilaku_kerja: str = "", predikat_gagal: str = "",
) -> Keberatan:  # fmt: skip
    """The atasan decides: menguatkan (the result stands) or mengubah (new ratings, the
    predikat from the quadrant, a new recommendation; D.1.3 to be signed). `versi` is the
    version the atasan read: a keberatan that changed since (a new penjelasan) is
    refused so that nothing is decided unseen."""
    k, peran = _kunci(pengguna, keberatan)
    _periksa(Aksi.PUTUSKAN, k, peran)
    if k.versi != versi:
        raise ValidationError(
            "Keberatan ini berubah setelah Anda membukanya (penjelasan atau keterangan baru). "
            "Baca kembali lalu tetapkan keputusan."
        )
    e = k.evaluasi
    try:
        baru = aturan.periksa_keputusan(
            keputusan, rekomendasi=rekomendasi, rating_hasil_kerja=rating_hasil_kerja,
            rating_perilaku_kerja=rating_perilaku_kerja, predikat_gagal=predikat_gagal,
            semula=(e.rating_hasil_kerja, e.rating_perilaku_kerja, e.predikat),
            gagal_tugas_belajar=e.gagal_tugas_belajar,
        )  # fmt: skip
    except aturan.KeputusanTidakSah as exc:
        raise ValidationError(str(exc)) from exc
    k.keputusan = keputusan
    k.rekomendasi = rekomendasi.strip()
    k.diputuskan_pada = timezone.now()
    if baru is None:
        k.status = wk.Status.DIKUATKAN
        alasan = "Keberatan diputuskan: menguatkan hasil evaluasi"
    else:
        k.status = wk.Status.DIUBAH
        k.rating_hasil_kerja = baru.rating_hasil_kerja
        k.rating_perilaku_kerja = baru.rating_perilaku_kerja
        k.predikat = baru.predikat.value
        alasan = f"Keberatan diputuskan: mengubah hasil evaluasi, predikat {baru.predikat.label}"
    k.versi += 1
    catat(k, pengguna, alasan)
    k.save()
    if baru is None:
        isi = ("Atasan pejabat penilai menguatkan hasil evaluasi kinerja; dokumen evaluasi "
               "semula tetap berlaku.")  # fmt: skip
    else:
        isi = (f"Atasan pejabat penilai mengubah hasil evaluasi kinerja menjadi predikat "
               f"{baru.predikat.label}. Tandatangani dokumen D.1.3.")  # fmt: skip
    kirim(
        [Kabar(pid, f"keberatan-{k.pk}-putusan-{pid}", f"Keberatan {k.pegawai} diputuskan",
               isi, _tautan(k)) for pid in (k.pegawai_id, k.penilai_id)]
    )  # fmt: skip
    return k


# --- D.1.3 ----------------------------------------------------------------------------------

_KOLOM_TTD = {Peran.PENILAI: "ttd_penilai_pada", Peran.PEGAWAI: "ttd_pegawai_pada",
              Peran.ATASAN: "ttd_atasan_pada"}  # fmt: skip


def sudah_menandatangani(k: Keberatan) -> set[Peran]:
    return {p for p, kolom in _KOLOM_TTD.items() if getattr(k, kolom) is not None}


@transaction.atomic
def keberatan_tandatangani(*, pengguna, keberatan: Keberatan) -> Keberatan:
    """Sign D.1.3 in one's own block (9 rater, 10 pegawai, 11 atasan). The third
    signature completes it: the PDF is archived once, exactly as issued."""
    from .dokumen_keberatan import arsipkan_d13

    k, peran = _kunci(pengguna, keberatan)
    _periksa(Aksi.TANDATANGANI, k, peran)
    belum = [p for p in peran if getattr(k, _KOLOM_TTD[p]) is None]
    if not belum:
        raise ValidationError("Anda sudah menandatangani dokumen D.1.3 ini.")
    sekarang = timezone.now()
    for p in belum:
        setattr(k, _KOLOM_TTD[p], sekarang)
    k.status = wk.status_setelah_tanda_tangan(sudah_menandatangani(k))
    k.versi += 1
    label = ", ".join(wk.LABEL_PERAN[p] for p in sorted(belum))
    catat(k, pengguna, f"D.1.3 ditandatangani {label}")
    k.save()
    if k.status == wk.Status.D13_DITANDATANGANI:
        arsipkan_d13(k, oleh=pengguna)
        kirim(
            [
                Kabar(
                    k.atasan_id, f"keberatan-{k.pk}-d13-lengkap",
                    f"D.1.3 {k.pegawai} ditandatangani lengkap",
                    "Laporkan dokumen D.1.3 secara berjenjang kepada PyB.", _tautan(k),
                )
            ]
        )  # fmt: skip
    return k


@transaction.atomic
def keberatan_laporkan(*, pengguna, keberatan: Keberatan) -> Keberatan:
    """The atasan reports the signed D.1.3 up to the PyB (000:8642-8648)."""
    k, peran = _kunci(pengguna, keberatan)
    ke = _periksa(Aksi.LAPORKAN, k, peran)
    k.status = ke
    k.dilaporkan_pada = timezone.now()
    k.versi += 1
    catat(k, pengguna, "D.1.3 dilaporkan kepada PyB")
    k.save()
    return k


# --- The K2 timer ---------------------------------------------------------------------------


def tandai_terlambat(ids, waktu) -> list[Keberatan]:
    """Flag the still-undecided keberatan among `ids` whose 7 working days have passed
    (set-based; audited). Nothing is decided: the regulation names no consequence."""
    daftar = list(
        Keberatan.objects.select_for_update()
        .filter(pk__in=ids, status__in=sorted(wk.TERBUKA), keputusan_terlambat_pada__isnull=True)
        .select_related("pegawai")
    )
    alasan = f"Batas {aturan.HARI_KEPUTUSAN} hari kerja keputusan keberatan terlampaui"
    for k in daftar:
        k.keputusan_terlambat_pada = waktu
        k._change_reason = f"{alasan} (ditandai sistem)"
    if daftar:
        bulk_update_with_history(
            daftar, Keberatan, ["keputusan_terlambat_pada"], batch_size=500,
            default_change_reason=alasan,
        )  # fmt: skip
    return daftar
