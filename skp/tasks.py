"""Daily check of the SKP deadline: reminders before it, escalation to the atasan after it.

Beat runs `skp.periksa_tenggat_semua` at 06:00 WIB. It queues one `skp.periksa_tenggat`
per active agency with today's date, so everything below gets its day from the caller.

Exactly once, however often the job runs: the per-agency task is one transaction (its
tenant scope). Every notice carries a key unique per agency and is inserted with
ON CONFLICT DO NOTHING; an escalation is a compare-and-set on `dieskalasi_pada`. A second
run (beat twice, a message redelivered after a worker died) finds both and adds nothing;
a run that dies rolls back whole. E-mail is sent after commit and only for the rows this
run inserted, so it goes out at most once (lost if the worker dies right after commit).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date
from functools import partial
from typing import NamedTuple

from celery import shared_task
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from organisasi.hari_kerja import KalenderKerja, kalender_instansi
from organisasi.models import Instansi, JenisPenempatan, Pegawai, Penempatan
from organisasi.pengaturan import pengaturan_instansi
from organisasi.selectors import berlaku_pada
from organisasi.tanggal import tanggal_id
from organisasi.tenancy import instansi_aktif_id, tugas_instansi

from .models import SKP, Pemberitahuan, Status
from .tenggat import Rencana, rencana_hari_ini

logger = logging.getLogger(__name__)

BELUM_DITETAPKAN = (Status.DRAF, Status.DIAJUKAN, Status.DIKEMBALIKAN)
ALASAN_ESKALASI = "Batas penetapan SKP lewat: dieskalasi ke atasan pejabat penilai"
_UKURAN_BATCH = 500


class Baru(NamedTuple):
    """A notice to insert; `kunci` makes it happen once per agency."""

    penerima_id: int
    kunci: str
    judul: str
    isi: str
    tautan: str


@shared_task(name="skp.periksa_tenggat_semua")
def periksa_tenggat_semua(hari_ini_iso: str | None = None) -> int:
    """Beat entry point, outside any tenant scope: one check per active agency."""
    # The only place that reads the clock; a rerun for a past day can pass the date.
    hari_ini = hari_ini_iso or timezone.localdate().isoformat()
    daftar = list(Instansi.objects.filter(aktif=True).values_list("pk", flat=True))
    for instansi_id in daftar:
        periksa_tenggat.delay(instansi_id, hari_ini)
    return len(daftar)


@shared_task(name="skp.periksa_tenggat")
@tugas_instansi
def periksa_tenggat(instansi_id: int, hari_ini_iso: str) -> dict:
    """Reminders and escalations of one agency due on `hari_ini_iso`, each done once."""
    hari_ini = date.fromisoformat(hari_ini_iso)
    pengaturan = pengaturan_instansi()
    kalender = kalender_instansi(instansi_id)
    waktu = timezone.now()
    tersimpan: list[Baru] = []
    jumlah_eskalasi = 0
    # Last year: a deadline late in the year escalates in January. Next year: a
    # reminder may fall in December.
    for tahun in (hari_ini.year - 1, hari_ini.year, hari_ini.year + 1):
        rencana = rencana_hari_ini(
            kalender,
            tahun,
            hari_ini,
            hari=pengaturan.batas_skp_hari,
            bulan=pengaturan.batas_skp_bulan,
            pengingat=pengaturan.pengingat_skp_hari_kerja or (),
        )
        baru: list[Baru] = []
        if rencana.pengingat is not None:
            baru += _pengingat(rencana, kalender, hari_ini)
        if rencana.eskalasi:
            naik = _eskalasi(rencana, waktu)
            jumlah_eskalasi += len(naik)
            baru += _pemberitahuan_eskalasi(rencana, naik)
        tersimpan += _sisipkan(baru)
    _surel_setelah_commit(tersimpan)
    hasil = {"tanggal": hari_ini_iso, "pemberitahuan": len(tersimpan), "eskalasi": jumlah_eskalasi}
    logger.info("Tenggat SKP instansi %s: %s", instansi_id, hasil)
    return hasil


# --- Who is due ----------------------------------------------------------------------------


def _skp_terbuka(rencana: Rencana):
    """The year's SKP that should have been set by the deadline and are not.

    Only the first version: a later one is a change during the year (000:638-648). An SKP
    whose period starts after the deadline (a new placement) is not bound by it.
    """
    return SKP.objects.filter(
        tahun=rencana.tahun,
        versi=1,
        status__in=BELUM_DITETAPKAN,
        periode_mulai__lte=rencana.batas.tanggal,
        pegawai__aktif=True,
    )


def _pegawai_tanpa_skp(tahun: int, hari_ini: date):
    """Active employees with a definitive placement today and no SKP of `tahun` at all."""
    penempatan = Penempatan.objects.filter(
        berlaku_pada(hari_ini), pegawai=OuterRef("pk"), jenis=JenisPenempatan.DEFINITIF
    )
    punya_skp = SKP.objects.filter(pegawai=OuterRef("pk"), tahun=tahun)
    return Pegawai.objects.filter(Exists(penempatan), ~Exists(punya_skp), aktif=True)


def _sisa(kalender: KalenderKerja, hari_ini: date, rencana: Rencana) -> str:
    """ "paling lambat 30 Januari 2026 (3 hari kerja lagi)" """
    sisa = kalender.hitung_hari_kerja(hari_ini, rencana.batas.tanggal)
    batas = tanggal_id(rencana.batas.tanggal)
    if sisa == 0:
        return f"paling lambat hari ini, {batas}"
    return f"paling lambat {batas} ({sisa} hari kerja lagi)"


def _pengingat(rencana: Rencana, kalender: KalenderKerja, hari_ini: date) -> list[Baru]:
    tahun, n = rencana.tahun, rencana.pengingat
    sisa = _sisa(kalender, hari_ini, rencana)
    baru = []
    # An SKP rated by the kepala daerah is set by whoever acts for them in the app.
    pelaksana_kd = pengaturan_instansi().pelaksana_kepala_daerah_id
    for skp in _skp_terbuka(rencana).select_related("pegawai", "penilai"):
        kunci = f"skp-pengingat-skp{skp.pk}-{tahun}-{n}hk"
        tautan = reverse("skp_detail", args=[skp.pk])
        status = skp.get_status_display().lower()
        if skp.status == Status.DIAJUKAN:
            saran = "Pejabat penilai juga telah diingatkan untuk menetapkannya."
        else:
            saran = "Lengkapi SKP dan ajukan kepada pejabat penilai."
        baru.append(
            Baru(
                skp.pegawai_id,
                f"{kunci}-pegawai",
                f"Pengingat: SKP {tahun} Anda belum ditetapkan",
                f"SKP Anda tahun {tahun} berstatus {status} dan harus ditetapkan {sisa}. {saran}",
                tautan,
            )
        )
        penilai_id = skp.penilai_id if skp.penilai is not None and skp.penilai.aktif else None
        if skp.penilai_kepala_daerah and pelaksana_kd != skp.pegawai_id:
            penilai_id = pelaksana_kd
        if penilai_id is not None:
            baru.append(
                Baru(
                    penilai_id,
                    f"{kunci}-penilai",
                    f"Pengingat: SKP {skp.pegawai} tahun {tahun} belum ditetapkan",
                    f"SKP {skp.pegawai} berstatus {status}. Sebagai pejabat penilai, tetapkan "
                    f"SKP ini {sisa}; setelah itu SKP dapat ditetapkan oleh atasan pejabat "
                    "penilai.",
                    tautan,
                )
            )
    tautan_buat = reverse("skp_saya")
    for pegawai in _pegawai_tanpa_skp(tahun, hari_ini).only("pk"):
        baru.append(
            Baru(
                pegawai.pk,
                f"skp-pengingat-pegawai{pegawai.pk}-{tahun}-{n}hk",
                f"Pengingat: Anda belum menyusun SKP {tahun}",
                f"Susun SKP tahun {tahun} dan ajukan kepada pejabat penilai; SKP harus "
                f"ditetapkan {sisa}.",
                tautan_buat,
            )
        )
    return baru


# --- Escalation ----------------------------------------------------------------------------


def _eskalasi(rencana: Rencana, waktu) -> list[SKP]:
    """Mark each unset SKP escalated, once: a compare-and-set per row.

    A row set or escalated meanwhile (another run, the rater at this moment) fails the
    condition after PostgreSQL re-reads it under the row lock, so it is left alone.
    """
    calon = _skp_terbuka(rencana).filter(dieskalasi_pada__isnull=True).values_list("pk", flat=True)
    naik = [
        pk
        for pk in calon
        if SKP.objects.filter(
            pk=pk, dieskalasi_pada__isnull=True, status__in=BELUM_DITETAPKAN
        ).update(dieskalasi_pada=waktu)
    ]
    if not naik:
        return []
    skp = list(
        SKP.objects.filter(pk__in=naik).select_related("pegawai", "penilai", "atasan_penilai")
    )
    # `update()` bypasses the audit trail; record the change like a save would.
    SKP.history.bulk_history_create(
        skp, update=True, default_change_reason=ALASAN_ESKALASI, default_date=waktu
    )
    return skp


def _pemberitahuan_eskalasi(rencana: Rencana, daftar: list[SKP]) -> list[Baru]:
    batas = tanggal_id(rencana.batas.tanggal)
    baru = []
    for skp in daftar:
        kunci = f"skp-eskalasi-{skp.pk}"
        tautan = reverse("skp_detail", args=[skp.pk])
        atasan, penilai = skp.atasan_penilai, skp.penilai
        judul = f"SKP {skp.pegawai} tahun {skp.tahun} melewati batas penetapan"
        if atasan is not None and atasan.aktif:
            baru.append(
                Baru(
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
        baru.append(
            Baru(
                skp.pegawai_id,
                f"{kunci}-pegawai",
                f"SKP {skp.tahun} Anda melewati batas penetapan",
                f"SKP Anda tahun {skp.tahun} belum ditetapkan hingga batas {batas}. {dialog}",
                tautan,
            )
        )
        if penilai is not None and penilai.aktif:
            oleh = f"oleh atasan Anda, {atasan}" if atasan else "oleh atasan pejabat penilai"
            baru.append(
                Baru(
                    penilai.pk,
                    f"{kunci}-penilai",
                    judul,
                    f"SKP {skp.pegawai} belum ditetapkan hingga batas {batas}; SKP ini kini "
                    f"juga dapat ditetapkan {oleh}.",
                    tautan,
                )
            )
    return baru


# --- Writing notices once, and mailing them ------------------------------------------------


def _sisipkan(baru: list[Baru]) -> list[Baru]:
    """Insert the notices whose key is new; return only those.

    INSERT ... ON CONFLICT DO NOTHING RETURNING tells which rows this transaction
    created (bulk_create(ignore_conflicts=True) cannot); a concurrent run holding the
    same key makes this wait for it, then skip.
    """
    unik = list({b.kunci: b for b in baru}.values())
    if not unik:
        return []
    meta = Pemberitahuan._meta
    qn = connection.ops.quote_name
    nama = ("instansi", "penerima", "kunci", "judul", "isi", "tautan", "dibuat_pada")
    kolom = [meta.get_field(n).column for n in nama]
    instansi_id, waktu = instansi_aktif_id(), timezone.now()
    tersimpan: set[str] = set()
    with connection.cursor() as cur:
        for awal in range(0, len(unik), _UKURAN_BATCH):
            potong = unik[awal : awal + _UKURAN_BATCH]
            baris = ", ".join(["(" + ", ".join(["%s"] * len(kolom)) + ")"] * len(potong))
            params = [
                v
                for b in potong
                for v in (instansi_id, b.penerima_id, b.kunci, b.judul, b.isi, b.tautan, waktu)
            ]
            cur.execute(
                f"INSERT INTO {qn(meta.db_table)} ({', '.join(map(qn, kolom))}) VALUES {baris} "
                f"ON CONFLICT ({qn(kolom[0])}, {qn(kolom[2])}) DO NOTHING RETURNING {qn(kolom[2])}",
                params,
            )
            tersimpan.update(r[0] for r in cur.fetchall())
    return [b for b in unik if b.kunci in tersimpan]


def _surel_setelah_commit(tersimpan: list[Baru]) -> None:
    """One e-mail per recipient for this run's new notices, sent once the run commits."""
    if not tersimpan:
        return
    per_penerima: dict[int, list[Baru]] = defaultdict(list)
    for b in tersimpan:
        per_penerima[b.penerima_id].append(b)
    alamat = {
        pk: email or email_akun
        for pk, email, email_akun in Pegawai.objects.filter(pk__in=per_penerima).values_list(
            "pk", "email", "pengguna__email"
        )
    }
    pesan = []
    for pk, daftar in per_penerima.items():
        if not alamat.get(pk):
            continue
        subjek = daftar[0].judul if len(daftar) == 1 else f"{len(daftar)} pemberitahuan SKP baru"
        badan = "\n\n".join(f"{b.judul}\n{b.isi}" for b in daftar)
        badan += "\n\nLihat menu Pemberitahuan pada aplikasi Kinerja ASN."
        pesan.append(EmailMessage(subjek, badan, to=[alamat[pk]]))
    if pesan:
        # Robust: a mail server failure is logged, never undoes the committed notices.
        transaction.on_commit(partial(_kirim, pesan), robust=True)


def _kirim(pesan: list[EmailMessage]) -> None:
    get_connection().send_messages(pesan)
