"""Writes for evaluation: each in one transaction, checked against the workflow and the
rules, audited in the same transaction. Bad input raises ValidationError in Indonesian and
changes nothing."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from organisasi.audit import catat
from organisasi.hari_kerja import kalender_instansi
from organisasi.models import UnitKerja
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tanggal import tanggal_id
from organisasi.tenancy import instansi_aktif_id
from organisasi.transaksi import atomik
from skp.models import SKP

from . import dokumen, kuadran, selectors, workflow
from . import periode as periode_mod
from .distribusi import CapaianOrganisasi
from .models import ALASAN_PENUGASAN, BATAS_CATATAN, CapaianOrganisasiUnit, EvaluasiKinerja
from .periode import Periode
from .workflow import Aksi, AksiDitolak


class VersiUsang(ValidationError):
    """Someone saved this evaluation after the form was read. Nothing was changed; the
    caller shows the stored values beside what this user entered."""

    def __init__(self, pesan: str, tersimpan: EvaluasiKinerja | None):
        super().__init__(pesan)
        self.tersimpan = tersimpan


def capaian_tetapkan(
    *, pengguna, unit: UnitKerja, periode: Periode, capaian: str,
    tanggal: date | None = None,
) -> CapaianOrganisasiUnit:  # fmt: skip
    """Set (or correct) a unit's capaian kinerja organisasi for a period. The agency admin
    may set any unit's, a unit head her own unit's (000:6706-6710)."""
    tanggal = tanggal or timezone.localdate()
    if not selectors.capaian_dapat_diatur(pengguna, tanggal).filter(pk=unit.pk).exists():
        raise PermissionDenied(
            "Capaian kinerja organisasi ditetapkan admin instansi atau pimpinan unit tersebut."
        )
    try:
        nilai = CapaianOrganisasi(capaian)
    except ValueError:
        raise ValidationError(
            "Pilih capaian kinerja organisasi: Istimewa, Baik, Butuh Perbaikan, Kurang, "
            "atau Sangat Kurang."
        ) from None
    with transaction.atomic():
        baris = (
            CapaianOrganisasiUnit.objects.select_for_update()
            .filter(
                unit=unit,
                tahun=periode.tahun,
                periode_jenis=periode.jenis,
                periode_nomor=periode.nomor,
            )  # fmt: skip
            .first()
        )
        if baris is None:
            baris = CapaianOrganisasiUnit(
                unit=unit, tahun=periode.tahun, periode_jenis=periode.jenis,
                periode_nomor=periode.nomor,
            )  # fmt: skip
        elif baris.capaian == nilai:
            return baris
        baris.capaian = nilai
        baris.ditetapkan_oleh = pengguna
        baris.ditetapkan_pada = tanggal
        catat(baris, pengguna, f"Capaian kinerja organisasi {periode.label_lengkap}: {nilai.label}")
        baris.save()
    return baris


def _pesan_usang(tersimpan: EvaluasiKinerja | None) -> str:
    if tersimpan is None:
        return "Evaluasi ini sudah tidak ada. Muat ulang halaman."
    siapa = tersimpan.diubah_oleh.nama if tersimpan.diubah_oleh else "pengguna lain"
    waktu = timezone.localtime(tersimpan.diubah_pada)
    return (
        f"Evaluasi {tersimpan.pegawai.nama_lengkap} sudah diubah {siapa} pada "
        f"{tanggal_id(waktu.date())} pukul {waktu:%H.%M} setelah Anda membukanya. "
        "Isian Anda belum disimpan: periksa nilai tersimpan di bawah, lalu simpan lagi bila "
        "tetap ingin mengubahnya."
    )


# What a rating save changes (`diubah_pada` is auto_now: listed so it is written).
_KOLOM_RATING = (
    "rating_hasil_kerja", "rating_perilaku_kerja", "gagal_tugas_belajar", "predikat",
    "catatan", "versi", "diubah_oleh", "diubah_pada",
)  # fmt: skip


@atomik
def evaluasi_nilai(
    *, pengguna, skp: SKP, periode: Periode, versi: int,
    rating_hasil_kerja: str = "", rating_perilaku_kerja: str = "",
    gagal_tugas_belajar: bool = False, predikat_gagal: str = "", catatan: str = "",
    terkunci: EvaluasiKinerja | None = None,
) -> EvaluasiKinerja:  # fmt: skip
    """Save the ratings, the predikat (from the quadrant, or the drop-out pick) and the
    catatan/rekomendasi of `skp`'s pegawai for `periode`.

    `versi` is the version the form was read at (0: no evaluation yet). A stale version is
    refused (VersiUsang) and nothing changes: two raters or two tabs cannot overwrite each
    other unseen.

    `terkunci`: that evaluation, already locked in this transaction by the caller
    (selectors.evaluasi_tercatat with kunci); otherwise it is locked here.
    """
    for nilai in (rating_hasil_kerja, rating_perilaku_kerja):
        if nilai and nilai not in {r.value for r in kuadran.Rating}:
            raise ValidationError(
                "Rating harus salah satu dari: di atas, sesuai, atau di bawah ekspektasi."
            )
    if len(catatan) > BATAS_CATATAN:
        raise ValidationError(
            f"Catatan/rekomendasi paling banyak {BATAS_CATATAN} karakter (sekarang {len(catatan)})."
        )
    try:
        predikat = kuadran.predikat_dipilih(
            rating_hasil_kerja or None, rating_perilaku_kerja or None,
            gagal_tugas_belajar=gagal_tugas_belajar, pilihan_gagal=predikat_gagal or None,
        )  # fmt: skip
    except kuadran.PredikatTidakSah as exc:
        raise ValidationError(str(exc)) from exc
    if skp.status not in selectors.STATUS_SKP_DINILAI or not (
        skp.periode_mulai <= periode.akhir and skp.periode_selesai >= periode.mulai
    ):
        raise ValidationError(
            f"SKP ini tidak berlaku untuk periode {periode.label_lengkap} atau belum ditetapkan."
        )
    if gagal_tugas_belajar and not skp.tugas_belajar:
        raise ValidationError("Pegawai ini tidak sedang tugas belajar menurut SKP-nya.")
    if terkunci is not None:
        if (terkunci.skp_id, periode_evaluasi(terkunci)) != (skp.pk, periode):
            raise ValueError("terkunci bukan evaluasi SKP dan periode ini")
        evaluasi = terkunci
    else:
        evaluasi = _kunci_evaluasi(skp.pegawai_id, periode)
        if evaluasi is not None and evaluasi.status == workflow.Status.DRAF:
            # Not the recorded rater's fast path: a transfer or a new SKP version recorded
            # after the draft began may have moved the case; the rule re-points it first.
            tugas = selectors.penugasan_periode(
                [skp.pegawai_id], periode, kalender_instansi(), baris=True
            )  # fmt: skip
            penugasan_selaraskan([evaluasi], tugas, pengguna=pengguna)
    baru = evaluasi is None
    if baru:
        # Who evaluates (transfers, a rater who moved) is decided once, when the evaluation
        # is created; later saves check the roles it recorded.
        tugas = selectors.penugasan_periode([skp.pegawai_id], periode, kalender_instansi()).get(
            skp.pegawai_id
        )
        if tugas is None or tugas.skp.pk != skp.pk or tugas.penilai_id is None:
            raise PermissionDenied("Anda tidak berwenang melakukan tindakan ini pada evaluasi ini.")
        evaluasi = EvaluasiKinerja(
            pegawai_id=skp.pegawai_id, skp=skp, tahun=periode.tahun,
            periode_jenis=periode.jenis, periode_nomor=periode.nomor,
            penilai_id=tugas.penilai_id, atasan_penilai_id=tugas.atasan_id, versi=0,
        )  # fmt: skip
    # Who may act first: a stranger learns nothing about who saved what.
    peran = selectors.peran(pengguna, evaluasi)
    try:
        workflow.periksa_aksi(Aksi.NILAI, evaluasi.status, peran)
    except AksiDitolak as exc:
        raise PermissionDenied(str(exc)) from exc
    if evaluasi.versi != versi:
        raise VersiUsang(_pesan_usang(None if baru else evaluasi), None if baru else evaluasi)
    evaluasi.rating_hasil_kerja = rating_hasil_kerja
    evaluasi.rating_perilaku_kerja = rating_perilaku_kerja
    evaluasi.gagal_tugas_belajar = gagal_tugas_belajar
    evaluasi.predikat = predikat or ""
    evaluasi.catatan = catatan
    evaluasi.versi += 1
    evaluasi.diubah_oleh = pengguna
    catat(
        evaluasi, pengguna,
        f"Evaluasi {periode.label_lengkap}: predikat "
        f"{predikat.label if predikat else 'belum lengkap'}",
    )  # fmt: skip
    if not baru:
        # The row is locked and its version checked: nothing can collide.
        evaluasi.save(update_fields=_KOLOM_RATING)
        return evaluasi
    try:
        with transaction.atomic():  # a savepoint: a lost race leaves the request usable
            evaluasi.save()
    except IntegrityError:
        # Two first saves at once: the unique key let one through; this one is stale.
        tersimpan = (
            selectors.evaluasi_pegawai_periode(skp.pegawai_id, periode)
            .select_related("pegawai", "diubah_oleh")
            .first()
        )
        raise VersiUsang(_pesan_usang(tersimpan), tersimpan) from None
    return evaluasi


_KOLOM_PENUGASAN = ("skp", "penilai", "atasan_penilai", "diubah_pada")


def penugasan_selaraskan(
    daftar: list[EvaluasiKinerja], tugas: dict, *, pengguna=None, waktu=None
) -> list[EvaluasiKinerja]:
    """Re-point unsigned drafts (DRAF) among `daftar`, locked by the caller, to who
    evaluates them now and from which SKP (`tugas`: selectors.penugasan_periode).

    Who evaluates is recorded when an evaluation is created; a transfer, a rater's move or
    a new SKP version recorded after that changes the rule's answer (spec-evaluation 3.7:
    the new rater evaluates). A signed or taken-over case keeps its roles: a signature or
    the atasan's takeover is not undone. The ratings stay (the draft is the case's, not the
    rater's) and the version does not move: it guards the ratings, and the rule's rater's
    own form names it. Returns the drafts changed, each with a history record."""
    waktu = waktu or timezone.now()
    berubah = []
    for e in daftar:
        t = tugas.get(e.pegawai_id)
        if e.status != workflow.Status.DRAF or t is None or t.penilai_id is None:
            continue
        if (e.skp_id, e.penilai_id, e.atasan_penilai_id) == (t.skp.pk, t.penilai_id, t.atasan_id):
            continue
        e.skp, e.penilai_id, e.atasan_penilai_id = t.skp, t.penilai_id, t.atasan_id
        e.diubah_pada = waktu
        berubah.append(e)
    if berubah:
        EvaluasiKinerja.objects.bulk_update(berubah, _KOLOM_PENUGASAN)
        EvaluasiKinerja.history.bulk_history_create(
            berubah, update=True, default_change_reason=ALASAN_PENUGASAN,
            default_user=pengguna, default_date=waktu,
        )  # fmt: skip
    return berubah


@atomik
def penugasan_selaraskan_semua(*, waktu=None) -> int:
    """Re-point every unsigned draft of the active agency whose rater or SKP the rule now
    names differently (`penugasan_selaraskan`), after a change to what the rule reads
    (placements, delegations, SKPs, settings, the calendar: tasks.penugasan_selaraskan).

    Set-based: per period with drafts, one locked read of its drafts and one
    `penugasan_periode` for their pegawai. Returns how many drafts changed."""
    kalender = kalender_instansi()
    periode_draf = (
        EvaluasiKinerja.objects.filter(status=workflow.Status.DRAF)
        .order_by()
        .values_list("tahun", "periode_jenis", "periode_nomor")
        .distinct()
    )
    jumlah = 0
    for tahun, jenis, nomor in list(periode_draf):
        p = Periode(tahun, jenis, nomor)
        draf = list(
            selectors.evaluasi_periode(p)
            .filter(status=workflow.Status.DRAF)
            .select_for_update(of=("self",))
        )
        tugas = selectors.penugasan_periode([e.pegawai_id for e in draf], p, kalender, baris=True)
        jumlah += len(penugasan_selaraskan(draf, tugas, waktu=waktu))
    return jumlah


def _kunci_evaluasi(pegawai_id: int, periode: Periode) -> EvaluasiKinerja | None:
    # Locked alone (no join to plan, no ordering to compile: the unique key admits one);
    # who changed it last is read only when a save is refused as stale (_pesan_usang).
    try:
        return (
            selectors.evaluasi_pegawai_periode(pegawai_id, periode)
            .select_for_update(of=("self",))
            .get()
        )
    except EvaluasiKinerja.DoesNotExist:
        return None


# --- The document's path: sign, deliver, return, report; the atasan's takeover ------------


def _kunci(evaluasi: EvaluasiKinerja) -> EvaluasiKinerja:
    return (
        EvaluasiKinerja.objects.select_for_update(of=("self",))
        .select_related(
            "pegawai", "penilai", "atasan_penilai", "skp__penempatan__jabatan__unit", "instansi"
        )
        .get(pk=evaluasi.pk)
    )


def _periksa(pengguna, evaluasi: EvaluasiKinerja, aksi: Aksi) -> workflow.Status:
    """The state after `aksi`; a stranger gets PermissionDenied, a person with the role
    who meets the wrong state a ValidationError saying why."""
    peran = selectors.peran(pengguna, evaluasi)
    transisi = workflow.TRANSISI.get((aksi, evaluasi.status))
    if not workflow.berwenang(aksi, peran) or (transisi and not transisi.oleh & peran):
        raise PermissionDenied("Anda tidak berwenang melakukan tindakan ini pada evaluasi ini.")
    try:
        return workflow.periksa_aksi(aksi, evaluasi.status, peran)
    except AksiDitolak as exc:
        raise ValidationError(str(exc)) from exc


def periode_evaluasi(evaluasi: EvaluasiKinerja) -> Periode:
    return Periode(evaluasi.tahun, evaluasi.periode_jenis, evaluasi.periode_nomor)


def _kabar(evaluasi, penerima_id, peristiwa: str, judul: str, isi: str):
    from organisasi.pemberitahuan import Kabar

    return Kabar(
        penerima_id,
        f"evaluasi-{evaluasi.pk}-{peristiwa}-{penerima_id}",
        judul,
        isi,
        reverse("evaluasi_kasus", args=[evaluasi.pk]),
    )


def _kirim(daftar) -> None:
    from organisasi.pemberitahuan import kirim

    kirim([k for k in daftar if k is not None and k.penerima_id is not None])


def _arsipkan(evaluasi: EvaluasiKinerja, pengguna) -> None:
    """Archive the document as signed so far (PDF + SHA-256 + QR), inside the signing
    transaction: a signature never exists without the document it signed."""
    dokumen.arsipkan_evaluasi(evaluasi, pengguna)


def _sebab_final_peran(evaluasi: EvaluasiKinerja) -> str:
    """Why a D.1.1 result is final by the ratee's role (JPT, head of a unit kerja
    mandiri evaluated by the kepala daerah), or ""."""
    skp = evaluasi.skp
    jabatan = skp.penempatan.jabatan if skp.penempatan_id else None
    sebab = periode_mod.sebab_final(
        dievaluasi_atasan=False,
        jenis_jabatan=jabatan.jenis if jabatan else "",
        instansi_daerah=evaluasi.instansi.jenis == "daerah",
        kepala_unit_mandiri=bool(jabatan and jabatan.kepala_unit),
        penilai_pimpinan_instansi=skp.penilai_kepala_daerah,
    )
    return sebab.value if sebab else ""


def evaluasi_tandatangani(
    *, pengguna, evaluasi: EvaluasiKinerja, versi: int, hari_ini: date | None = None
) -> EvaluasiKinerja:
    """The pejabat penilai signs D.1.1 inside the evaluation window (000:8280-8290), or,
    after a takeover, the atasan pejabat penilai signs D.1.2 (000:8387-8398; final).

    Needs a predikat. `versi` is the version the signer saw: a change made meanwhile (by a
    Plt, or another tab) is refused so nobody signs what she has not read."""
    hari_ini = hari_ini or timezone.localdate()
    waktu = timezone.now()
    with transaction.atomic():
        evaluasi = _kunci(evaluasi)
        aksi = workflow.aksi_tanda_tangan(evaluasi.status) or Aksi.TANDATANGANI_PENILAI
        ke = _periksa(pengguna, evaluasi, aksi)
        if evaluasi.versi != versi:
            raise VersiUsang(_pesan_usang(evaluasi), evaluasi)
        if not evaluasi.predikat:
            raise ValidationError(
                "Tetapkan rating hasil kerja dan rating perilaku kerja (predikat) sebelum "
                "menandatangani dokumen evaluasi."
            )
        p = periode_evaluasi(evaluasi)
        jd = selectors.jendela(p, kalender_instansi())
        if aksi == Aksi.TANDATANGANI_PENILAI:
            if hari_ini < jd.mulai:
                raise ValidationError(
                    f"Jangka waktu evaluasi {p.label_lengkap} baru dibuka {tanggal_id(jd.mulai)}."
                )
            if hari_ini > jd.akhir:
                raise ValidationError(
                    f"Jangka waktu evaluasi {p.label_lengkap} berakhir {tanggal_id(jd.akhir)}; "
                    "evaluasi ini beralih kepada atasan pejabat penilai."
                )
            evaluasi.sebab_final = _sebab_final_peran(evaluasi)
            evaluasi.final = bool(evaluasi.sebab_final)
            dokumen = "D.1.1"
        else:
            dokumen = "D.1.2"
        evaluasi.status = ke
        evaluasi.ditandatangani_pada = waktu
        evaluasi.versi += 1
        evaluasi.diubah_oleh = pengguna
        catat(evaluasi, pengguna, f"Dokumen evaluasi {dokumen} {p.label_lengkap} ditandatangani")
        evaluasi.save()
        _arsipkan(evaluasi, pengguna)
        penanda = "penilai" if dokumen == "D.1.1" else "atasan"
        batas = workflow.hari_langkah("serah", d12=dokumen != "D.1.1")
        _kirim([
            _kabar(
                evaluasi, evaluasi.pegawai_id, f"ttd-{penanda}",
                f"Dokumen evaluasi {p.label_lengkap} Anda sudah ditandatangani",
                f"Predikat kinerja Anda {evaluasi.get_predikat_display()}. Dokumen {dokumen} "
                f"diserahkan kepada Anda paling lama {batas} hari kerja setelah "
                "ditandatangani; setelah menerimanya, periksa dan tandatangani.",
            )
        ])  # fmt: skip
    return evaluasi


def evaluasi_serahkan(*, pengguna, evaluasi: EvaluasiKinerja) -> EvaluasiKinerja:
    """The signer delivers the signed document to the pegawai (D.1.1 within 14 working
    days of signing, 000:8292-8296; D.1.2 within 7, 000:8400-8404). The pegawai's
    receipt is this moment: her clock to sign and return starts now."""
    with transaction.atomic():
        evaluasi = _kunci(evaluasi)
        ke = _periksa(pengguna, evaluasi, Aksi.SERAHKAN)
        d12 = evaluasi.status in workflow.JALUR_ATASAN
        p = periode_evaluasi(evaluasi)
        evaluasi.status = ke
        evaluasi.diserahkan_pada = timezone.now()
        evaluasi.versi += 1
        evaluasi.diubah_oleh = pengguna
        dokumen = "D.1.2" if d12 else "D.1.1"
        catat(evaluasi, pengguna, f"Dokumen evaluasi {dokumen} {p.label_lengkap} diserahkan")
        evaluasi.save()
        batas = workflow.hari_langkah("kembali", d12=d12)
        _kirim([
            _kabar(
                evaluasi, evaluasi.pegawai_id, "serah",
                f"Terimalah dokumen evaluasi kinerja {p.label_lengkap}",
                f"Dokumen evaluasi {dokumen} Anda telah diserahkan dengan predikat "
                f"{evaluasi.get_predikat_display()}. Periksa, tandatangani dan kembalikan "
                f"paling lama {batas} hari kerja sejak diterima.",
            )
        ])  # fmt: skip
    return evaluasi


def evaluasi_tandatangani_pegawai(*, pengguna, evaluasi: EvaluasiKinerja) -> EvaluasiKinerja:
    """The pegawai signs the delivered document and returns it (D.1.1 within 14 working
    days of receipt, 000:8298-8304; D.1.2 within 7, 000:8406-8414)."""
    with transaction.atomic():
        evaluasi = _kunci(evaluasi)
        ke = _periksa(pengguna, evaluasi, Aksi.TANDATANGANI_PEGAWAI)
        d12 = evaluasi.status in workflow.JALUR_ATASAN
        p = periode_evaluasi(evaluasi)
        evaluasi.status = ke
        evaluasi.dikembalikan_pada = timezone.now()
        evaluasi.versi += 1
        evaluasi.diubah_oleh = pengguna
        dokumen = "D.1.2" if d12 else "D.1.1"
        catat(evaluasi, pengguna, f"Dokumen evaluasi {dokumen} {p.label_lengkap} "
                                  "ditandatangani pegawai dan dikembalikan")  # fmt: skip
        evaluasi.save()
        _arsipkan(evaluasi, pengguna)
        pelapor = evaluasi.atasan_penilai_id if d12 else evaluasi.penilai_id
        penerima = pengaturan_instansi().penerima_laporan
        _kirim([
            _kabar(
                evaluasi, pelapor, "kembali",
                f"{evaluasi.pegawai} menandatangani dokumen evaluasi {p.label_lengkap}",
                f"Dokumen evaluasi {dokumen} {evaluasi.pegawai} telah ditandatangani dan "
                f"dikembalikan. Laporkan kepada {penerima} paling lama "
                f"{workflow.hari_langkah('lapor', d12=d12)} hari kerja sejak "
                "jangka waktu evaluasi berakhir.",
            )
        ])  # fmt: skip
    return evaluasi


def evaluasi_laporkan(*, pengguna, evaluasi: EvaluasiKinerja) -> EvaluasiKinerja:
    """The signer reports the returned document up the hierarchy to the PyB, or the
    agency's recipient ("Sekretaris Daerah melalui BKPSDM" in Bekasi, 003:386), within 30
    working days of the window's end (000:8379-8385, 8487-8493)."""
    with transaction.atomic():
        evaluasi = _kunci(evaluasi)
        ke = _periksa(pengguna, evaluasi, Aksi.LAPORKAN)
        from .selectors_keberatan import laporan_d11_tertahan  # noqa: PLC0415 (cycle)

        if alasan := laporan_d11_tertahan(evaluasi):
            raise ValidationError(alasan)
        p = periode_evaluasi(evaluasi)
        penerima = pengaturan_instansi().penerima_laporan
        evaluasi.status = ke
        evaluasi.dilaporkan_pada = timezone.now()
        evaluasi.versi += 1
        evaluasi.diubah_oleh = pengguna
        # The audit reason holds 100 characters; the recipient's label may be long.
        catat(evaluasi, pengguna, f"Dokumen evaluasi {p.label_lengkap} dilaporkan kepada "
                                  f"{penerima}"[:100])  # fmt: skip
        evaluasi.save()
        _kirim([
            _kabar(
                evaluasi, evaluasi.pegawai_id, "lapor",
                f"Evaluasi kinerja {p.label_lengkap} Anda telah dilaporkan",
                f"Dokumen evaluasi Anda dilaporkan kepada {penerima}.",
            )
        ])  # fmt: skip
    return evaluasi


ALASAN_AMBIL_ALIH = (
    "Diambil alih atasan pejabat penilai: jangka waktu evaluasi berakhir tanpa tanda tangan"
)


def evaluasi_ambil_alih(*, skp_ids, periode: Periode, waktu) -> list[EvaluasiKinerja]:
    """The window ended: the atasan pejabat penilai takes over every listed case still
    unsigned (000:6439-6447, 8387-8395), each once; the result will be final.

    Set-based, for the deadline sweep: the pegawai of `skp_ids` whose SKP decides the
    period (selectors.penugasan_periode) and who have no evaluation yet get one (a case
    the rater never opened is taken over just the same, and the atasan needs a row to
    rate); then one compare-and-set UPDATE moves the DRAF ones. A case signed meanwhile
    fails the condition under the row lock and is left alone. Returns the cases taken
    over now."""
    ke = workflow.periksa_aksi(Aksi.AMBIL_ALIH, workflow.Status.DRAF,
                               frozenset({workflow.Peran.SISTEM}))  # fmt: skip
    pegawai_ids = SKP.objects.filter(pk__in=list(skp_ids)).values_list("pegawai_id", flat=True)
    tugas = selectors.penugasan_periode(pegawai_ids, periode, kalender_instansi())
    tugas = {k: t for k, t in tugas.items() if t.skp.pk in set(skp_ids) and t.penilai_id}
    if not tugas:
        return []
    baru = [
        EvaluasiKinerja(
            instansi_id=instansi_aktif_id(),
            pegawai_id=k,
            skp=t.skp,
            tahun=periode.tahun,
            periode_jenis=periode.jenis,
            periode_nomor=periode.nomor,
            penilai_id=t.penilai_id,
            atasan_penilai_id=t.atasan_id,
        )  # fmt: skip
        for k, t in tugas.items()
    ]
    EvaluasiKinerja.objects.bulk_create(baru, ignore_conflicts=True)
    # A draft begun before a late-recorded transfer goes to the atasan the rule names now.
    draf = selectors.evaluasi_periode(periode).filter(
        pegawai_id__in=list(tugas), status=workflow.Status.DRAF
    )
    penugasan_selaraskan(list(draf.select_for_update(of=("self",))), tugas, waktu=waktu)
    tabel = EvaluasiKinerja._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"UPDATE {tabel} SET status = %s, final = TRUE, sebab_final = %s, "
            "diambil_alih_pada = %s, diubah_pada = %s, versi = versi + 1, diubah_oleh_id = NULL "
            "WHERE instansi_id = %s AND pegawai_id = ANY(%s::bigint[]) AND tahun = %s "
            "AND periode_jenis = %s AND periode_nomor = %s AND status = %s RETURNING id",
            [ke.value, periode_mod.SebabFinal.ATASAN_MENGAMBIL_ALIH.value, waktu, waktu,
             instansi_aktif_id(), list(tugas), periode.tahun, periode.jenis, periode.nomor,
             workflow.Status.DRAF.value],
        )  # fmt: skip
        naik = [r[0] for r in cur.fetchall()]
    if not naik:
        return []
    daftar = list(
        EvaluasiKinerja.objects.filter(pk__in=naik)
        .select_related("pegawai", "penilai", "atasan_penilai")
        .order_by("pk")
    )
    EvaluasiKinerja.history.bulk_history_create(
        daftar, update=True, default_change_reason=ALASAN_AMBIL_ALIH, default_date=waktu
    )
    return daftar
