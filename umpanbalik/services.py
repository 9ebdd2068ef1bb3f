"""Writes for the year's execution: each in one transaction, checked, audited."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from organisasi.audit import catat
from organisasi.pemberitahuan import Kabar, kirim
from organisasi.selectors import penempatan_definitif
from organisasi.tenancy import lingkup_instansi
from skp import selectors as skp_selectors
from skp.models import SKP, IndikatorKinerjaIndividu, NilaiBerakhlak, RencanaHasilKerja
from skp.workflow import BERLAKU

from . import aturan, bukti, selectors
from .models import (
    BuktiDukung,
    BuktiUmpanBalik,
    JenisRealisasi,
    Realisasi,
    RencanaAksi,
    UmpanBalik,
    UndanganUmpanBalik,
)
from .selectors import jenis_periode

BATAS_BUKTI = 10  # files and links per realisation entry


def _pemilik(pengguna, skp: SKP):
    """Only the employee documents their own SKP, and only once it is in force."""
    saya = skp_selectors.pegawai_pengguna(pengguna)
    if saya is None or saya.pk != skp.pegawai_id:
        raise PermissionDenied("Hanya pegawai pemilik SKP yang mendokumentasikan kinerjanya.")
    if skp.status not in BERLAKU:
        raise ValidationError(
            "SKP ini belum ditetapkan atau sudah diganti; "
            "dokumentasi dicatat pada SKP yang berlaku."
        )
    return saya


@transaction.atomic
def rencana_aksi_tambah(*, pengguna, rhk: RencanaHasilKerja, teks: str) -> RencanaAksi:
    """Add a step to an RHK's action plan (B.1.1), as agreed in the performance dialogue."""
    skp = SKP.objects.select_for_update().get(pk=rhk.skp_id)
    _pemilik(pengguna, skp)
    teks = (teks or "").strip()
    if not teks:
        raise ValidationError({"teks": "Tuliskan langkah rencana aksinya."})
    if len(teks) > 500:
        raise ValidationError({"teks": "Rencana aksi paling panjang 500 karakter."})
    urutan = (rhk.rencana_aksi.aggregate(m=Max("urutan"))["m"] or 0) + 1
    aksi = RencanaAksi(rhk=rhk, urutan=urutan, teks=teks)
    catat(aksi, pengguna, "Rencana aksi ditambahkan")
    aksi.save()
    return aksi


@transaction.atomic
def rencana_aksi_hapus(*, pengguna, aksi: RencanaAksi) -> None:
    _pemilik(pengguna, SKP.objects.select_for_update().get(pk=aksi.rhk.skp_id))
    catat(aksi, pengguna, "Rencana aksi dihapus")
    aksi.delete()


@transaction.atomic
def realisasi_catat(
    *,
    pengguna,
    skp: SKP,
    iki: IndikatorKinerjaIndividu,
    periode: int,
    jenis: str,
    uraian: str,
    berkas: list | tuple = (),
    tautan: list | tuple = (),
) -> Realisasi:
    """Document what an indicator reached in a period, with evidence of the result (B.1.2).

    Every file is checked by `bukti.siapkan` before anything is written: one refused
    file refuses the whole entry, so nothing half-saved remains."""
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    saya = _pemilik(pengguna, skp)
    if iki.rhk.skp_id != skp.pk:
        raise ValidationError({"iki": "Indikator ini bukan bagian dari SKP tersebut."})
    jenis_p = jenis_periode()
    if periode not in aturan.periode_dalam_skp(jenis_p, skp.periode_mulai, skp.periode_selesai):
        raise ValidationError({"periode": "Periode ini di luar periode penilaian SKP."})
    mulai, akhir = aturan.rentang_periode(jenis_p, skp.tahun, periode)
    if mulai > timezone.localdate():
        raise ValidationError({"periode": "Periode ini belum dimulai."})
    jenis, uraian = _isi_realisasi(jenis, uraian)
    siap, tautan = _siapkan_bukti(berkas, tautan)
    if pesan := aturan.periksa_jumlah_bukti(
        tersisa=0, baru=len(siap) + len(tautan), batas=BATAS_BUKTI
    ):
        raise ValidationError({"berkas": pesan})
    # A period already evaluated takes no new entry either (the same rule as correcting).
    if pesan := aturan.periksa_ubah_realisasi(
        pemilik=True,
        skp_berlaku=True,
        periode_dimulai=True,
        dinilai=selectors.periode_dinilai(skp, mulai, akhir),
    ):
        raise ValidationError({"periode": pesan})

    realisasi = Realisasi(
        skp=skp,
        iki=iki,
        periode=periode,
        jenis_periode=jenis_p,
        jenis=jenis,
        uraian=uraian,
        dicatat_oleh=saya,
    )
    catat(realisasi, pengguna, "Realisasi didokumentasikan")
    realisasi.save()
    _simpan_bukti_dukung(realisasi, siap, tautan, saya)
    return realisasi


def _isi_realisasi(jenis: str, uraian: str) -> tuple[str, str]:
    if jenis not in JenisRealisasi.values:
        raise ValidationError({"jenis": "Pilih progres atau realisasi akhir."})
    uraian = (uraian or "").strip()
    if not uraian:
        raise ValidationError({"uraian": "Tuliskan realisasi yang dicapai."})
    if len(uraian) > 2000:
        raise ValidationError({"uraian": "Uraian realisasi paling panjang 2000 karakter."})
    return jenis, uraian


def _siapkan_bukti(berkas, tautan) -> tuple[list, list[str]]:
    """Every file checked by `bukti.siapkan` and every link by `bukti.periksa_tautan`
    before anything is written: one refused file refuses the whole change."""
    tautan = [t for t in (t.strip() for t in tautan) if t]
    berkas = [b for b in berkas if b]
    if len(berkas) + len(tautan) > BATAS_BUKTI:
        raise ValidationError({"berkas": f"Paling banyak {BATAS_BUKTI} bukti per realisasi."})
    siap = []
    for b in berkas:
        try:
            siap.append(bukti.siapkan(b))
        except ValidationError as exc:
            raise ValidationError({"berkas": f"{b.name}: {' '.join(exc.messages)}"}) from exc
    try:
        tautan = [bukti.periksa_tautan(t) for t in tautan]
    except ValidationError as exc:
        raise ValidationError({"tautan": exc.messages}) from exc
    return siap, tautan


def _simpan_bukti_dukung(realisasi: Realisasi, siap, tautan, saya) -> None:
    BuktiDukung.objects.bulk_create(
        [
            BuktiDukung(
                realisasi=realisasi,
                nama=s.nama,
                jenis_isi=s.jenis_isi,
                ukuran=len(s.isi),
                isi=s.isi,
                diunggah_oleh=saya,
                instansi_id=realisasi.instansi_id,
            )
            for s in siap
        ]
        + [
            BuktiDukung(
                realisasi=realisasi,
                nama=t[:100],
                tautan=t,
                diunggah_oleh=saya,
                instansi_id=realisasi.instansi_id,
            )
            for t in tautan
        ]
    )


def realisasi_dapat_diubah(pengguna, realisasi: Realisasi) -> str | None:
    """Why this user may not correct this realisation now (`aturan.periksa_ubah_realisasi`
    on the facts read here), or None. One query for the evaluation, none more."""
    skp = realisasi.skp
    saya = skp_selectors.pegawai_pengguna(pengguna)
    mulai, akhir = aturan.rentang_periode(realisasi.jenis_periode, skp.tahun, realisasi.periode)
    pemilik = saya is not None and saya.pk == skp.pegawai_id == realisasi.dicatat_oleh_id
    return aturan.periksa_ubah_realisasi(
        pemilik=pemilik,
        skp_berlaku=skp.status in BERLAKU,
        periode_dimulai=mulai <= timezone.localdate(),
        dinilai=selectors.periode_dinilai(skp, mulai, akhir) if pemilik else None,
    )


def _alasan_ubah(dihapus: list[str], ditambah: int) -> str:
    """The history row's reason (100 characters): what happened to the evidence, whose
    rows are removed rather than kept (BuktiDukung has no history of its own)."""
    alasan = "Realisasi diubah"
    if ditambah:
        alasan += f"; {ditambah} bukti ditambah"
    if dihapus:
        alasan += f"; bukti dihapus: {', '.join(dihapus)}"
    return alasan if len(alasan) <= 100 else alasan[:99] + "…"


@transaction.atomic
def realisasi_ubah(
    *,
    pengguna,
    realisasi: Realisasi,
    jenis: str,
    uraian: str,
    hapus_bukti: list | tuple = (),
    berkas: list | tuple = (),
    tautan: list | tuple = (),
) -> Realisasi:
    """Correct a documented realisation (B.1.2): its kind, its text, evidence added and
    evidence its author uploaded removed, while `aturan.periksa_ubah_realisasi` allows.

    Everything is checked before anything is written; the realisation's history row
    records who changed what, and names the evidence removed."""
    skp = SKP.objects.select_for_update().get(pk=realisasi.skp_id)
    realisasi = Realisasi.objects.select_for_update().select_related("skp").get(pk=realisasi.pk)
    saya = skp_selectors.pegawai_pengguna(pengguna)
    if alasan := realisasi_dapat_diubah(pengguna, realisasi):
        # Someone else's entry is not theirs to act on; the owner is told why not now.
        if saya is None or saya.pk != skp.pegawai_id:
            raise PermissionDenied(alasan)
        raise ValidationError(alasan)
    jenis, uraian = _isi_realisasi(jenis, uraian)
    lama = {b.pk: b for b in realisasi.bukti.defer("isi")}
    try:
        hapus = {int(h) for h in hapus_bukti}
    except (TypeError, ValueError) as exc:
        raise ValidationError({"hapus_bukti": "Pilihan bukti yang dihapus tidak dikenal."}) from exc
    if not hapus <= {pk for pk, b in lama.items() if b.diunggah_oleh_id == saya.pk}:
        raise ValidationError(
            {"hapus_bukti": "Hanya bukti yang Anda unggah pada realisasi ini yang dapat dihapus."}
        )
    siap, tautan = _siapkan_bukti(berkas, tautan)
    if pesan := aturan.periksa_jumlah_bukti(
        tersisa=len(lama) - len(hapus), dihapus=len(hapus), baru=len(siap) + len(tautan),
        batas=BATAS_BUKTI,
    ):  # fmt: skip
        raise ValidationError({"hapus_bukti" if hapus else "berkas": pesan})
    if (jenis, uraian) == (realisasi.jenis, realisasi.uraian) and not (hapus or siap or tautan):
        return realisasi  # nothing to record
    realisasi.jenis, realisasi.uraian = jenis, uraian
    catat(
        realisasi,
        pengguna,
        _alasan_ubah(sorted(lama[pk].nama for pk in hapus), len(siap) + len(tautan)),
    )
    realisasi.save()
    BuktiDukung.objects.filter(pk__in=hapus, realisasi=realisasi).delete()
    _simpan_bukti_dukung(realisasi, siap, tautan, saya)
    return realisasi


# === Continuous feedback (Lampiran BAB III huruf C) =======================================

BATAS_BUKTI_UMPAN_BALIK = 5
MASA_UNDANGAN_HARI = 14  # an invitation is good for two weeks
MASA_UNDANGAN_MAKS = 60


def _tentang(skp: SKP, tentang: str) -> tuple[RencanaHasilKerja | None, str]:
    """'rhk-<pk>' (an RHK of this SKP) or 'nilai-<kode>' (a BerAKHLAK value)."""
    jenis, _, kode = (tentang or "").partition("-")
    if jenis == "rhk" and kode.isdigit():
        rhk = RencanaHasilKerja.objects.filter(pk=int(kode), skp=skp).first()
        if rhk is not None:
            return rhk, ""
    if jenis == "nilai" and kode in NilaiBerakhlak.values:
        return None, kode
    raise ValidationError(
        {"tentang": "Pilih rencana hasil kerja pada SKP ini atau salah satu nilai BerAKHLAK."}
    )


def _periode_berjalan(skp: SKP, periode: int | None) -> tuple[int, str]:
    jenis_p = jenis_periode()
    hari_ini = timezone.localdate()
    if periode is None:
        periode = aturan.periode_ke(jenis_p, hari_ini)
    if periode not in aturan.periode_dalam_skp(jenis_p, skp.periode_mulai, skp.periode_selesai):
        raise ValidationError({"periode": "Periode ini di luar periode penilaian SKP."})
    mulai, _ = aturan.rentang_periode(jenis_p, skp.tahun, periode)
    if mulai > hari_ini:
        raise ValidationError({"periode": "Periode ini belum dimulai."})
    return periode, jenis_p


def _isi_umpan_balik(teks, arah, cara, berkas, tautan):
    teks = (teks or "").strip()
    if not teks:
        raise ValidationError({"teks": "Tuliskan umpan baliknya."})
    if len(teks) > 2000:
        raise ValidationError({"teks": "Umpan balik paling panjang 2000 karakter."})
    if arah not in dict(aturan.ARAH):
        raise ValidationError({"arah": "Pilih umpan balik positif atau negatif."})
    if cara not in dict(aturan.CARA):
        raise ValidationError({"cara": "Pilih cara pemberian: langsung atau tidak langsung."})
    berkas = [b for b in berkas if b]
    tautan = [t for t in (t.strip() for t in tautan) if t]
    if len(berkas) + len(tautan) > BATAS_BUKTI_UMPAN_BALIK:
        raise ValidationError(
            {"berkas": f"Paling banyak {BATAS_BUKTI_UMPAN_BALIK} bukti per umpan balik."}
        )
    siap = []
    for b in berkas:
        try:
            siap.append(bukti.siapkan(b))
        except ValidationError as exc:
            raise ValidationError({"berkas": f"{b.name}: {' '.join(exc.messages)}"}) from exc
    try:
        tautan = [bukti.periksa_tautan(t) for t in tautan]
    except ValidationError as exc:
        raise ValidationError({"tautan": exc.messages}) from exc
    return teks, siap, tautan


def _simpan_bukti(ub: UmpanBalik, siap, tautan) -> None:
    BuktiUmpanBalik.objects.bulk_create(
        [
            BuktiUmpanBalik(
                umpan_balik=ub,
                nama=s.nama,
                jenis_isi=s.jenis_isi,
                ukuran=len(s.isi),
                isi=s.isi,
                instansi_id=ub.instansi_id,
            )
            for s in siap
        ]
        + [
            BuktiUmpanBalik(umpan_balik=ub, nama=t[:100], tautan=t, instansi_id=ub.instansi_id)
            for t in tautan
        ]
    )


def _kabar_umpan_balik(ub: UmpanBalik, skp: SKP) -> None:
    url = reverse("rekaman_umpan_balik", args=[skp.pk]) + f"?periode={ub.periode}"
    if ub.rekomendasi:
        penilai_id = skp_selectors.penilai_efektif_id(skp)
        if penilai_id:
            kirim(
                [
                    Kabar(
                        penilai_id,
                        f"umpanbalik-rekomendasi-{ub.pk}",
                        f"Rekomendasi umpan balik untuk {skp.pegawai.nama_lengkap}",
                        f"{ub.nama_pemberi} menyampaikan rekomendasi umpan balik ({ub.tentang}). "
                        "Pertimbangkan dalam umpan balik dan evaluasi kinerja Anda.",
                        url,
                    )
                ]
            )
        return
    kirim(
        [
            Kabar(
                skp.pegawai_id,
                f"umpanbalik-diterima-{ub.pk}",
                "Anda menerima umpan balik kinerja",
                f"{ub.get_sumber_display()}: {ub.nama_pemberi} ({ub.tentang}).",
                url,
            )
        ]
    )


@transaction.atomic
def umpan_balik_beri(
    *,
    pengguna,
    skp: SKP,
    sifat: str,
    cara: str,
    tentang: str,
    arah: str,
    teks: str,
    periode: int | None = None,
    berkas: list | tuple = (),
    tautan: list | tuple = (),
) -> UmpanBalik:
    """Record feedback on an employee's RHK or BerAKHLAK value (000:4830-4948).

    The source (rater, other pimpinan, peer, subordinate, ketua kelompok) follows from
    the giver's place in the organisation (`selectors.hubungan`), never from the form;
    `aturan.periksa_umpan_balik` decides whether it may be given."""
    skp = SKP.objects.select_related("pegawai").get(pk=skp.pk)
    if skp.status not in BERLAKU:
        raise ValidationError("Umpan balik diberikan atas SKP yang berlaku.")
    saya = skp_selectors.pegawai_pengguna(pengguna)
    sumber = aturan.sumber_pemberi(selectors.hubungan(saya, skp, timezone.localdate()))
    if sumber is None:
        raise PermissionDenied("Anda tidak dapat memberikan umpan balik kepada pegawai ini.")
    if (alasan := aturan.periksa_umpan_balik(sumber, sifat)) is not None:
        raise ValidationError({"sifat": alasan})
    periode, jenis_p = _periode_berjalan(skp, periode)
    rhk, nilai = _tentang(skp, tentang)
    teks, siap, tautan = _isi_umpan_balik(teks, arah, cara, berkas, tautan)
    penempatan = penempatan_definitif([saya.pk], timezone.localdate()).get(saya.pk)
    ub = UmpanBalik(
        skp=skp,
        pegawai=skp.pegawai,
        periode=periode,
        jenis_periode=jenis_p,
        sumber=sumber,
        sifat=sifat,
        cara=cara,
        rhk=rhk,
        nilai_berakhlak=nilai,
        arah=arah,
        teks=teks,
        pemberi=saya,
        nama_pemberi=saya.nama_lengkap,
        keterangan_pemberi=penempatan.jabatan.nama if penempatan else "",
    )
    catat(ub, pengguna, "Rekomendasi umpan balik" if ub.rekomendasi else "Umpan balik diberikan")
    ub.save()
    _simpan_bukti(ub, siap, tautan)
    _kabar_umpan_balik(ub, skp)
    return ub


# --- Guest link: an outside party invited by the rater ------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def undangan_buat(
    *,
    pengguna,
    skp: SKP,
    sumber: str,
    nama_tamu: str,
    keterangan_tamu: str = "",
    berlaku_hari: int = MASA_UNDANGAN_HARI,
) -> tuple[UndanganUmpanBalik, str]:
    """The rater invites an outside party (another agency's pimpinan or another party
    linked to the work) to leave one feedback on this one employee. Returns the
    invitation and the token, which is shown once and never stored."""
    skp = SKP.objects.select_related("pegawai").get(pk=skp.pk)
    saya = skp_selectors.pegawai_pengguna(pengguna)
    if saya is None or saya.pk != skp_selectors.penilai_efektif_id(skp):
        raise PermissionDenied("Hanya pejabat penilai yang mengundang pihak lain.")
    if skp.status not in BERLAKU:
        raise ValidationError("Undangan umpan balik dibuat untuk SKP yang berlaku.")
    if sumber not in aturan.SUMBER_TAMU:
        raise ValidationError({"sumber": "Pilih pimpinan lain atau pihak lain."})
    nama_tamu = (nama_tamu or "").strip()
    if not nama_tamu:
        raise ValidationError({"nama_tamu": "Tuliskan nama pihak yang diundang."})
    if len(nama_tamu) > 200 or len(keterangan_tamu or "") > 200:
        raise ValidationError({"nama_tamu": "Nama dan keterangan paling panjang 200 karakter."})
    if not 1 <= berlaku_hari <= MASA_UNDANGAN_MAKS:
        raise ValidationError(
            {"berlaku_hari": f"Masa berlaku undangan 1 sampai {MASA_UNDANGAN_MAKS} hari."}
        )
    token = secrets.token_urlsafe(32)
    undangan = UndanganUmpanBalik(
        skp=skp,
        pegawai=skp.pegawai,
        dibuat_oleh=saya,
        sumber=sumber,
        nama_tamu=nama_tamu,
        keterangan_tamu=(keterangan_tamu or "").strip(),
        token_hash=hash_token(token),
        kedaluwarsa=timezone.now() + timedelta(days=berlaku_hari),
    )
    catat(undangan, pengguna, "Undangan umpan balik pihak lain dibuat")
    undangan.save()
    return undangan, token


TOKEN_SALAH = (
    "Tautan undangan umpan balik ini tidak dikenali. Periksa kembali tautan yang Anda "
    "terima atau minta tautan baru kepada pejabat penilai yang mengundang Anda."
)
TOKEN_TERPAKAI = (
    "Tautan undangan ini sudah dipakai untuk memberikan umpan balik. Setiap tautan hanya "
    "dapat dipakai satu kali; terima kasih atas umpan balik Anda."
)
TOKEN_KEDALUWARSA = (
    "Masa berlaku tautan undangan ini sudah habis. Minta tautan baru kepada pejabat penilai "
    "yang mengundang Anda."
)


def _baca_undangan(token: str) -> tuple[int, int]:
    """(id, instansi_id) of the invitation whose token this is, read through the one-row
    policy (`app.undangan_token`), outside any agency's scope."""
    if not token or len(token) > 100:
        raise ValidationError(TOKEN_SALAH)
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("SELECT set_config('app.undangan_token', %s, true)", [hash_token(token)])
        try:
            baris = list(
                UndanganUmpanBalik.lintas_instansi.filter(token_hash=hash_token(token)).values_list(
                    "pk", "instansi_id"
                )[:2]
            )
        finally:
            cur.execute("SELECT set_config('app.undangan_token', '', true)")
    if len(baris) != 1:
        raise ValidationError(TOKEN_SALAH)
    return baris[0]


def _periksa_undangan(undangan: UndanganUmpanBalik) -> None:
    if undangan.dipakai_pada is not None:
        raise ValidationError(TOKEN_TERPAKAI)
    if undangan.kedaluwarsa <= timezone.now():
        raise ValidationError(TOKEN_KEDALUWARSA)


def undangan_buka(token: str):
    """The invitation and what the public form shows (the employee's name, the RHK of that
    one SKP), read in its agency's scope for this call only. Refuses a wrong, used or
    expired token with a message for the guest."""
    pk, instansi_id = _baca_undangan(token)
    with lingkup_instansi(instansi_id):
        undangan = UndanganUmpanBalik.objects.select_related("skp", "pegawai", "dibuat_oleh").get(
            pk=pk
        )
        _periksa_undangan(undangan)
        rhk = skp_selectors.rhk_bernomor(undangan.skp)
        return undangan, rhk


def umpan_balik_tamu(
    *,
    token: str,
    cara: str,
    tentang: str,
    arah: str,
    teks: str,
    berkas: list | tuple = (),
    tautan: list | tuple = (),
) -> UmpanBalik:
    """The invited party's one feedback: on the invited employee's SKP only, once, before
    the invitation expires. The invitation is claimed with a locked row in the same
    transaction as the entry, so two submissions never both land."""
    pk, instansi_id = _baca_undangan(token)
    with lingkup_instansi(instansi_id):
        undangan = (
            UndanganUmpanBalik.objects.select_for_update()
            .select_related("skp__pegawai", "dibuat_oleh")
            .get(pk=pk)
        )
        _periksa_undangan(undangan)
        skp = undangan.skp
        if skp.status not in BERLAKU:
            raise ValidationError(
                "SKP pegawai ini tidak lagi berlaku; minta tautan baru kepada pejabat penilai."
            )
        if alasan := aturan.periksa_umpan_balik(undangan.sumber, aturan.INSIDENTIL, tamu=True):
            raise ValidationError(alasan)
        periode, jenis_p = _periode_berjalan(skp, None)
        rhk, nilai = _tentang(skp, tentang)
        teks, siap, tautan = _isi_umpan_balik(teks, arah, cara, berkas, tautan)
        ub = UmpanBalik(
            skp=skp,
            pegawai=undangan.pegawai,
            periode=periode,
            jenis_periode=jenis_p,
            sumber=undangan.sumber,
            sifat=aturan.INSIDENTIL,
            cara=cara,
            rhk=rhk,
            nilai_berakhlak=nilai,
            arah=arah,
            teks=teks,
            nama_pemberi=undangan.nama_tamu,
            keterangan_pemberi=undangan.keterangan_tamu,
            undangan=undangan,
        )
        catat(ub, None, f"Umpan balik pihak lain lewat undangan {undangan.dibuat_oleh}")
        ub.save()
        _simpan_bukti(ub, siap, tautan)
        undangan.dipakai_pada = timezone.now()
        catat(undangan, None, "Undangan dipakai")
        undangan.save(update_fields=["dipakai_pada"])
        _kabar_umpan_balik(ub, skp)
        kirim(
            [
                Kabar(
                    undangan.dibuat_oleh_id,
                    f"umpanbalik-undangan-dipakai-{undangan.pk}",
                    f"{undangan.nama_tamu} memberikan umpan balik",
                    f"Umpan balik untuk {skp.pegawai.nama_lengkap} dari pihak yang Anda undang "
                    "sudah masuk ke rekaman informasi umpan balik berkelanjutan.",
                    reverse("rekaman_umpan_balik", args=[skp.pk]) + f"?periode={periode}",
                )
            ]
        )
        return ub
