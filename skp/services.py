"""Writes for SKP: each in one transaction, checked against the workflow, audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from organisasi import selectors as org_selectors
from organisasi.audit import catat
from organisasi.models import JABATAN_JPT, PANGKAT, JenisUnit, Pegawai
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import instansi_aktif_id
from organisasi.transaksi import atomik

from . import aturan, selectors, workflow
from .models import (
    SKP,
    STATUS_TERKUNCI,
    ButirLampiran,
    CatatanAlur,
    EkspektasiKhusus,
    IndikatorKinerjaIndividu,
    JenisRHK,
    Kelompok,
    PeranHasil,
    RencanaHasilKerja,
    Status,
)
from .workflow import Aksi, AksiDitolak


def _kunci(skp: SKP) -> SKP:
    """Re-read the SKP row under a lock: two tabs or two people cannot race a transition.
    An SKP the caller read under that lock in a transaction still open (`tandai_terkunci`)
    is already as current as a re-read would be."""
    if _masih_terkunci(skp):
        return skp
    return SKP.objects.select_for_update().get(pk=skp.pk)


def tandai_terkunci(skp: SKP) -> None:
    """Record that `skp` was just read with SELECT ... FOR UPDATE: the lock lasts as long
    as the atomic block it was read in (the request's, for a view) stays open."""
    blok = connection.atomic_blocks
    if not blok:
        raise RuntimeError("Kunci baris hanya berlaku di dalam transaksi.")
    skp._terkunci_dalam = (len(blok), blok[-1])


def _masih_terkunci(skp: SKP) -> bool:
    tanda = getattr(skp, "_terkunci_dalam", None)
    if tanda is None:
        return False
    kedalaman, blok = tanda
    terbuka = connection.atomic_blocks
    return len(terbuka) >= kedalaman and terbuka[kedalaman - 1] is blok


def _alasan(skp: SKP, saya: Pegawai, teks: str) -> str:
    """The audit reason; the rater's act done for the kepala daerah says so (a.n.)."""
    if skp.penilai_kepala_daerah and saya.pk != skp.pegawai_id:
        return f"{teks} oleh {saya.nama_lengkap} a.n. {pengaturan_instansi().jabatan_kepala_daerah}"
    return teks


def _peran_pasti(pengguna, skp: SKP, aksi: Aksi) -> tuple[Pegawai, str | None]:
    pegawai = selectors.pegawai_pengguna(pengguna)
    if pegawai is None:
        raise PermissionDenied("Akun ini belum terhubung dengan data pegawai.")
    peran = selectors.peran(pengguna, skp)
    try:
        ke = workflow.periksa_aksi(aksi, skp.status, peran)
    except AksiDitolak as exc:
        raise PermissionDenied(str(exc)) from exc
    return pegawai, ke


def _pangkat(pegawai: Pegawai) -> str:
    if pegawai.golongan in PANGKAT:
        return f"{PANGKAT[pegawai.golongan]}, {pegawai.golongan}"
    return pegawai.golongan  # PPPK golongan has no pangkat name


def _orang(pegawai: Pegawai | None, penempatan=None) -> dict:
    if pegawai is None:
        return {}
    return {
        "nama": pegawai.nama_lengkap,
        "nip": pegawai.nip,
        "pangkat": _pangkat(pegawai),
        "jabatan": penempatan.jabatan.nama if penempatan else "",
        "unit": penempatan.jabatan.unit.nama if penempatan else "",
    }


def identitas(skp: SKP, tanggal: date) -> dict:
    """The identity table and heading as they will be printed (frozen at penetapan)."""
    pengaturan = pengaturan_instansi()
    penempatan = org_selectors.penempatan_definitif(
        [p for p in (skp.penilai_id, skp.atasan_penilai_id) if p], tanggal
    )
    penilai = _orang(skp.penilai, penempatan.get(skp.penilai_id))
    pelaksana = {}
    if skp.penilai_kepala_daerah:
        # The official as the tenant names them (no rank; the government is the unit).
        penilai = {
            "nama": pengaturan.nama_kepala_daerah,
            "nip": pengaturan.nip_kepala_daerah,
            "jabatan": pengaturan.jabatan_kepala_daerah,
            "unit": skp.pegawai.instansi.nama,
        }
        if skp.ditetapkan_oleh_id is not None:
            # Set in the app by the employee acting for the official: signed "a.n.".
            pelaksana = _orang(
                skp.ditetapkan_oleh,
                org_selectors.penempatan_definitif([skp.ditetapkan_oleh_id], tanggal).get(
                    skp.ditetapkan_oleh_id
                ),
            )
            pelaksana["atas_nama"] = pengaturan.jabatan_kepala_daerah
    return {
        "instansi": skp.pegawai.instansi.nama,
        "istilah_instansi": pengaturan.istilah_instansi,
        # The employee's top unit (a Perangkat Daerah) heads the form in some agencies.
        "perangkat_daerah": org_selectors.jalur_unit(skp.penempatan.jabatan.unit)[0].nama,
        "format_tugas_belajar": pengaturan.format_tugas_belajar if skp.tugas_belajar else "",
        "katalog_format": pengaturan.katalog_format,
        "pegawai": _orang(skp.pegawai, skp.penempatan),
        "penilai": penilai,
        "atasan": _orang(skp.atasan_penilai, penempatan.get(skp.atasan_penilai_id)),
        **({"pelaksana": pelaksana} if pelaksana else {}),
    }


def kelompok_untuk(penempatan) -> str:
    jabatan = penempatan.jabatan
    if jabatan.jenis in JABATAN_JPT or (
        jabatan.kepala_unit and jabatan.unit.jenis == JenisUnit.UNIT_KERJA_MANDIRI
    ):
        return Kelompok.JPT_PUKM
    return Kelompok.ADMIN_JF


@transaction.atomic
def skp_buat(
    *, pengguna, pegawai: Pegawai, tahun: int, pendekatan: str, tanggal: date,
    tugas_belajar: bool = False,
) -> SKP:  # fmt: skip
    """Start an SKP for the employee's placement on `tanggal` with the rater of that day."""
    saya = selectors.pegawai_pengguna(pengguna)
    if saya is None or (saya.pk != pegawai.pk and not pengguna.admin_instansi):
        raise PermissionDenied("SKP disusun oleh pegawai yang bersangkutan.")
    if tanggal.year != tahun:
        raise ValidationError({"tahun": "Tanggal acuan harus berada di tahun SKP."})
    pengaturan = pengaturan_instansi()
    if tugas_belajar:
        if pengaturan.tugas_belajar == "pns" and pegawai.status != "pns":
            raise ValidationError(
                {"tugas_belajar": "Di instansi ini SKP tugas belajar hanya untuk PNS."}
            )
        if pengaturan.format_tugas_belajar == "khusus" and pendekatan != "kualitatif":
            raise ValidationError(
                {"pendekatan": "SKP tugas belajar di instansi ini memakai pendekatan kualitatif."}
            )
    penempatan = org_selectors.penempatan_definitif([pegawai.pk], tanggal).get(pegawai.pk)
    if penempatan is None:
        raise ValidationError(
            "Pegawai belum memiliki penempatan definitif pada tanggal itu; hubungi admin BKD."
        )
    hasil = org_selectors.penilai_pegawai([pegawai], tanggal)[pegawai.pk]
    if hasil is None or hasil.penilai.pejabat is None:
        raise ValidationError(
            "Pejabat penilai belum dapat ditentukan untuk jabatan ini; hubungi admin BKD."
        )
    penilai_id = hasil.penilai.pejabat.pegawai_id
    lama = SKP.objects.filter(penempatan=penempatan, tahun=tahun, penilai_id=penilai_id).exclude(
        status=Status.DIGANTI
    )
    if lama.exists():
        raise ValidationError(
            "SKP untuk jabatan, tahun dan pejabat penilai ini sudah ada; buka SKP tersebut."
        )
    skp = susun_skp_baru(
        pegawai=pegawai,
        penempatan=penempatan,
        tahun=tahun,
        pendekatan=pendekatan,
        hasil=hasil,
        tanggal=tanggal,
        tugas_belajar=tugas_belajar,
    )
    catat(skp, pengguna, "SKP dibuat")
    skp.full_clean()
    skp.save()
    return skp


def susun_skp_baru(
    *, pegawai, penempatan, tahun: int, pendekatan: str, hasil, tanggal: date,
    tugas_belajar: bool = False,
) -> SKP:  # fmt: skip
    """An unsaved first version for a placement and the rater resolved on `tanggal`
    (`hasil` from organisasi.selectors.penilai_pegawai); the caller saves it."""
    pejabat, atasan = hasil.penilai.pejabat, hasil.atasan.pejabat
    with connection.cursor() as cur:
        cur.execute("SELECT nextval('skp_nomor_seri_seq')")
        nomor_seri = cur.fetchone()[0]
    skp = SKP(
        pegawai=pegawai,
        penempatan=penempatan,
        tahun=tahun,
        nomor_seri=nomor_seri,
        periode_mulai=max(date(tahun, 1, 1), penempatan.mulai),
        periode_selesai=min(date(tahun, 12, 31), penempatan.selesai or date(tahun, 12, 31)),
        kelompok=kelompok_untuk(penempatan),
        pendekatan=pendekatan,
        tugas_belajar=tugas_belajar,
        penilai_id=pejabat.pegawai_id,
        penilai_kepala_daerah=pejabat.kepala_daerah,
        atasan_penilai_id=atasan.pegawai_id if atasan else None,
        alasan_penilai=hasil.penilai.alasan,
    )
    skp.identitas = identitas(skp, tanggal)
    return skp


# --- Content (the employee, while draft) -------------------------------------------------


def _sunting(pengguna, skp: SKP) -> SKP:
    terkunci = _kunci(skp)
    _peran_pasti(pengguna, terkunci, Aksi.SUNTING)
    if hasattr(skp, "_pilihan_pimpinan"):
        # The leader-RHK choices the view already read for this request's form come from
        # the rater's SKP, which this lock does not cover: reading them again adds nothing.
        terkunci._pilihan_pimpinan = skp._pilihan_pimpinan
    return terkunci


def _tautkan_pimpinan(skp: SKP, rhk: RencanaHasilKerja, kunci: str | None, teks: str) -> None:
    """Column (2): the leader's RHK chosen from the rater's SKP (kept as a link and as the
    text it read when chosen); free text where the rater's SKP offers nothing, or from a
    caller that gives only text (the page then asks to choose, rule V52)."""
    pilihan = {p.kunci: p for p in selectors.pilihan_rhk_pimpinan(skp)}
    if not pilihan or kunci is None:
        rhk.rhk_pimpinan_id = rhk.iki_pimpinan_id = None
        rhk.rhk_pimpinan_teks = teks.strip()
        return
    if rhk.pk and (tersimpan := selectors.pilihan_tersimpan(rhk)) is not None:
        pilihan.setdefault(tersimpan.kunci, tersimpan)
    if not kunci:
        rhk.rhk_pimpinan_id = rhk.iki_pimpinan_id = None
        rhk.rhk_pimpinan_teks = ""
        return
    if kunci not in pilihan:
        raise ValidationError(
            {"pimpinan": "Pilih rencana hasil kerja pimpinan dari SKP pejabat penilai Anda."}
        )
    p = pilihan[kunci]
    rhk.rhk_pimpinan_id, rhk.iki_pimpinan_id, rhk.rhk_pimpinan_teks = p.rhk_id, p.iki_id, p.teks


@atomik
def rhk_simpan(*, pengguna, skp: SKP, data: dict, rhk: RencanaHasilKerja | None = None):
    """Save an RHK as typed. `data["pimpinan"]` is the chosen leader RHK ("rhk:<pk>" /
    "iki:<pk>", see selectors.pilihan_rhk_pimpinan); `rhk_pimpinan_teks` is read only
    when the rater has no SKP to choose from."""
    skp = _sunting(pengguna, skp)
    if rhk is None:
        urutan = (skp.rhk.aggregate(m=Max("urutan"))["m"] or 0) + 1
        rhk = RencanaHasilKerja(skp=skp, urutan=urutan)
    elif rhk.skp_id != skp.pk:
        raise PermissionDenied("Rencana hasil kerja ini bukan bagian SKP ini.")
    galat = aturan.galat_isian_rhk(
        data.get("teks", rhk.teks),
        data.get("penugasan_dari", rhk.penugasan_dari),
        data.get("rhk_pimpinan_teks", ""),
    )
    if galat:
        raise ValidationError(galat)
    for kolom in ("teks", "penugasan_dari", "jenis"):
        if kolom in data:
            setattr(rhk, kolom, data[kolom].strip())
    if skp.kelompok == Kelompok.ADMIN_JF and ("pimpinan" in data or "rhk_pimpinan_teks" in data):
        _tautkan_pimpinan(skp, rhk, data.get("pimpinan"), data.get("rhk_pimpinan_teks", ""))
    catat(rhk, pengguna, "Rencana hasil kerja disimpan")
    # The agency is set by the tenant scope on save (ModelInstansiDasar): no lookup needed.
    rhk.full_clean(exclude=["instansi", "skp", "rhk_pimpinan", "iki_pimpinan", "peran_hasil"])
    rhk.save()
    return rhk


_KOLOM_TERISI = (
    "Sudah ada peran hasil bawahan di kolom ini dalam matriks pembagian peran dan hasil Anda; "
    "kosongkan dulu sel pada kolom itu di matriks."
)


def _periksa_diintervensi(syarat: Q, apa: str) -> None:
    """A set SKP of a subordinate that names this RHK/IKI in column (2) is a signed
    document: the link cannot be cut from under it. Drafts show the removal instead."""
    terkunci = (
        RencanaHasilKerja.objects.filter(syarat, skp__status__in=STATUS_TERKUNCI)
        .select_related("skp__pegawai")
        .order_by("skp__pegawai__nama")
    )
    nama = sorted({r.skp.pegawai.nama_lengkap for r in terkunci})
    if nama:
        raise ValidationError(
            f"{apa} diintervensi SKP bawahan yang sudah ditetapkan ({', '.join(nama)}); "
            "ubah teksnya atau buat perubahan SKP, jangan dihapus."
        )


@transaction.atomic
def rhk_hapus(*, pengguna, rhk: RencanaHasilKerja) -> None:
    _sunting(pengguna, rhk.skp)
    if rhk.peran_hasil_id:
        raise ValidationError(
            "Rencana hasil kerja ini berasal dari matriks peran dan hasil pimpinan; "
            "minta pimpinan mengubah matriksnya."
        )
    if PeranHasil.objects.filter(Q(rhk_pimpinan=rhk) | Q(iki_pimpinan__rhk=rhk)).exists():
        # Now that the MPH opens before the SKP is set, its cells must not vanish unaudited.
        raise ValidationError(_KOLOM_TERISI)
    _periksa_diintervensi(Q(rhk_pimpinan=rhk) | Q(iki_pimpinan__rhk=rhk), "Rencana hasil kerja ini")
    catat(rhk, pengguna, "Rencana hasil kerja dihapus")
    rhk.delete()


@transaction.atomic
def rhk_pindah(*, pengguna, rhk: RencanaHasilKerja, arah: int) -> None:
    """Move an RHK up (-1) or down (+1) within its section; numbers are renumbered 1..n."""
    skp = _sunting(pengguna, rhk.skp)
    sebaris = list(skp.rhk.filter(jenis=rhk.jenis).order_by("urutan", "pk"))
    i = next(n for n, r in enumerate(sebaris) if r.pk == rhk.pk)
    j = i + arah
    if 0 <= j < len(sebaris):
        sebaris[i], sebaris[j] = sebaris[j], sebaris[i]
    for n, r in enumerate(sebaris, 1):
        if r.urutan != n:
            r.urutan = n
            catat(r, pengguna, "Urutan diubah")
            r.save(update_fields=["urutan"])


@atomik
def iki_simpan(
    *, pengguna, rhk: RencanaHasilKerja, data: dict, iki: IndikatorKinerjaIndividu | None = None
) -> IndikatorKinerjaIndividu:
    skp = _sunting(pengguna, rhk.skp)
    if iki is None:
        urutan = (rhk.iki.aggregate(m=Max("urutan"))["m"] or 0) + 1
        iki = IndikatorKinerjaIndividu(rhk=rhk, urutan=urutan)
    elif iki.rhk_id != rhk.pk:
        raise PermissionDenied("Indikator ini bukan bagian rencana hasil kerja ini.")
    for kolom in ("teks", "target", "aspek", "perspektif", "target_mutlak_dikecualikan"):
        if kolom in data:
            setattr(iki, kolom, data[kolom])
    data_skp = aturan.DataSKP(
        kelompok=skp.kelompok,
        pendekatan=skp.pendekatan,
        rhk=[],
        aspek_diizinkan=tuple(pengaturan_instansi().aspek_diizinkan or ()),
    )
    data_iki = aturan.DataIKI(
        teks=iki.teks, target=iki.target, aspek=tuple(iki.aspek), perspektif=iki.perspektif
    )
    galat = {
        kolom: pesan[0].upper() + pesan[1:] + "."
        for kolom, (_kode, pesan) in aturan.galat_isian_iki(data_skp, data_iki).items()
    }
    if galat:
        raise ValidationError(galat)
    catat(iki, pengguna, "Indikator disimpan")
    iki.save()
    return iki


@transaction.atomic
def iki_hapus(*, pengguna, iki: IndikatorKinerjaIndividu) -> None:
    _sunting(pengguna, iki.rhk.skp)
    if PeranHasil.objects.filter(iki_pimpinan=iki).exists():
        raise ValidationError(_KOLOM_TERISI)
    _periksa_diintervensi(Q(iki_pimpinan=iki), "Indikator ini")
    catat(iki, pengguna, "Indikator dihapus")
    iki.delete()


@transaction.atomic
def lampiran_tambah(
    *, pengguna, skp: SKP, bagian: str, teks: str, jenis: str = ""
) -> ButirLampiran:
    skp = _sunting(pengguna, skp)
    if galat := aturan.galat_isian_lampiran(bagian, jenis, teks):
        raise ValidationError(galat)
    urutan = (skp.lampiran.filter(bagian=bagian).aggregate(m=Max("urutan"))["m"] or 0) + 1
    butir = ButirLampiran(skp=skp, bagian=bagian, jenis=jenis, teks=teks.strip(), urutan=urutan)
    catat(butir, pengguna, "Butir lampiran ditambahkan")
    butir.save()
    return butir


@atomik
def lampiran_ubah(
    *, pengguna, butir: ButirLampiran, bagian: str, teks: str, jenis: str = ""
) -> ButirLampiran:
    """Edit one Lampiran item in place; moving it to another part puts it last there."""
    skp = _sunting(pengguna, butir.skp)
    if butir.skp_id != skp.pk:
        raise PermissionDenied("Butir ini bukan bagian SKP ini.")
    if galat := aturan.galat_isian_lampiran(bagian, jenis, teks):
        raise ValidationError(galat)
    if bagian != butir.bagian:
        butir.urutan = (skp.lampiran.filter(bagian=bagian).aggregate(m=Max("urutan"))["m"] or 0) + 1
    butir.bagian, butir.jenis, butir.teks = bagian, jenis, teks.strip()
    catat(butir, pengguna, "Butir lampiran diubah")
    butir.save()
    return butir


@transaction.atomic
def lampiran_hapus(*, pengguna, butir: ButirLampiran) -> None:
    _sunting(pengguna, butir.skp)
    catat(butir, pengguna, "Butir lampiran dihapus")
    butir.delete()


# --- The rater's part ---------------------------------------------------------------------


@transaction.atomic
def prioritas_atur(*, pengguna, rhk: RencanaHasilKerja, jenis: str) -> RencanaHasilKerja:
    """The rater decides utama/tambahan (000:1788-1794, 3398-3400)."""
    skp = _kunci(rhk.skp)
    saya, _ = _peran_pasti(pengguna, skp, Aksi.ATUR)
    if jenis not in JenisRHK.values:
        raise ValidationError({"jenis": "Pilih UTAMA atau TAMBAHAN."})
    if rhk.jenis != jenis:
        rhk.jenis = jenis
        rhk.urutan = (skp.rhk.filter(jenis=jenis).aggregate(m=Max("urutan"))["m"] or 0) + 1
        catat(rhk, pengguna, _alasan(skp, saya, "Prioritas diatur pejabat penilai"))
        rhk.save(update_fields=["jenis", "urutan"])
    return rhk


@transaction.atomic
def ekspektasi_tambah(*, pengguna, skp: SKP, nilai: str, teks: str) -> EkspektasiKhusus:
    skp = _kunci(skp)
    saya, _ = _peran_pasti(pengguna, skp, Aksi.ATUR)
    if not teks.strip():
        raise ValidationError({"teks": "Tuliskan ekspektasi khususnya."})
    urutan = (skp.ekspektasi_khusus.filter(nilai=nilai).aggregate(m=Max("urutan"))["m"] or 0) + 1
    e = EkspektasiKhusus(
        skp=skp, nilai=nilai, teks=teks.strip(), urutan=urutan, ditetapkan_oleh=saya
    )
    e.full_clean(exclude=["skp", "ditetapkan_oleh"])
    catat(e, pengguna, _alasan(skp, saya, "Ekspektasi khusus ditambahkan"))
    e.save()
    return e


@transaction.atomic
def ekspektasi_hapus(*, pengguna, ekspektasi: EkspektasiKhusus) -> None:
    skp = _kunci(ekspektasi.skp)
    saya, _ = _peran_pasti(pengguna, skp, Aksi.ATUR)
    catat(ekspektasi, pengguna, _alasan(skp, saya, "Ekspektasi khusus dihapus"))
    ekspektasi.delete()


# --- Transitions ---------------------------------------------------------------------------


def _pindah(pengguna, skp: SKP, aksi: Aksi, catatan: str = "") -> SKP:
    skp = _kunci(skp)
    saya, ke = _peran_pasti(pengguna, skp, aksi)
    if aksi in (Aksi.AJUKAN, Aksi.TETAPKAN):
        temuan = selectors.temuan(selectors.skp_lengkap(skp.pk, pengguna))
        if aturan.ada_pelanggaran(temuan):
            wajib = [t.pesan for t in temuan if t.tingkat == aturan.Tingkat.WAJIB]
            raise ValidationError(wajib)
    atas_nama = ""
    if skp.penilai_kepala_daerah and saya.pk != skp.pegawai_id:
        atas_nama = pengaturan_instansi().jabatan_kepala_daerah
    CatatanAlur.objects.create(
        skp=skp, oleh=saya, dari_status=skp.status, ke_status=ke, teks=catatan,
        atas_nama=atas_nama,
    )  # fmt: skip
    skp.status = ke
    return skp


@transaction.atomic
def skp_ajukan(*, pengguna, skp: SKP) -> SKP:
    skp = _pindah(pengguna, skp, Aksi.AJUKAN)
    skp.diajukan_pada = timezone.now()
    catat(skp, pengguna, "SKP diajukan")
    skp.save()
    return skp


@transaction.atomic
def skp_kembalikan(*, pengguna, skp: SKP, catatan: str) -> SKP:
    if not catatan.strip():
        raise ValidationError({"catatan": "Tuliskan catatan: apa yang perlu diperbaiki pegawai."})
    skp = _pindah(pengguna, skp, Aksi.KEMBALIKAN, catatan.strip())
    skp.catatan_penilai = catatan.strip()
    catat(skp, pengguna, _alasan(skp, selectors.pegawai_pengguna(pengguna), "SKP dikembalikan"))
    skp.save()
    return skp


@transaction.atomic
def skp_tetapkan(*, pengguna, skp: SKP, tanggal: date | None = None) -> SKP:
    """The rater (or, once escalated, the atasan) sets the SKP; from now on it never changes."""
    peran = selectors.peran(pengguna, skp)
    skp = _pindah(pengguna, skp, Aksi.TETAPKAN)
    saya = selectors.pegawai_pengguna(pengguna)
    skp.ditetapkan_oleh = saya
    skp.ditetapkan_sebagai_atasan = workflow.Peran.PENILAI not in peran
    skp.ditetapkan_pada = timezone.now()
    skp.identitas = identitas(skp, tanggal or timezone.localdate())
    catat(skp, pengguna, _alasan(skp, saya, "SKP ditetapkan"))
    skp.save()
    # The set SKP is a document from now on: rendered once, kept with its hash.
    from .dokumen import arsipkan_skp

    arsipkan_skp(skp, pengguna, tempat=pengaturan_instansi().tempat_dokumen)
    return skp


@transaction.atomic
def skp_tandatangani(*, pengguna, skp: SKP) -> SKP:
    """The employee signs the set SKP; the PDF is rendered once and archived with its hash."""
    from .dokumen import arsipkan_skp

    skp = _pindah(pengguna, skp, Aksi.TANDATANGANI)
    skp.ditandatangani_pada = timezone.now()
    catat(skp, pengguna, "SKP ditandatangani pegawai")
    skp.save()
    if skp.pendahulu_id:
        lama = SKP.objects.select_for_update().get(pk=skp.pendahulu_id)
        lama.status = Status.DIGANTI
        catat(lama, pengguna, f"Diganti versi {skp.versi}")
        lama.save(update_fields=["status"])
    arsipkan_skp(skp, pengguna, tempat=pengaturan_instansi().tempat_dokumen)
    return skp


ALASAN_ESKALASI = "Batas penetapan SKP lewat: dieskalasi ke atasan pejabat penilai"


@transaction.atomic
def skp_eskalasi(*, ids, waktu) -> list[SKP]:
    """The deadline passed: mark these SKPs escalated (workflow `ESKALASI`), each once.

    One compare-and-set UPDATE for the whole batch: a row set or escalated meanwhile (by
    another sweep, or the rater at this moment) fails the condition after PostgreSQL
    re-reads it under the row lock, and is left alone. `update()` bypasses the audit
    trail, so the history rows are written in bulk like a save would. Returns the SKPs
    escalated now, with the people the notices name.
    """
    if not ids:
        return []
    dari = [str(s) for s in workflow.ATURAN[Aksi.ESKALASI].dari]
    with connection.cursor() as cur:
        cur.execute(
            f"UPDATE {SKP._meta.db_table} SET dieskalasi_pada = %s "
            "WHERE id = ANY(%s::bigint[]) AND instansi_id = %s AND dieskalasi_pada IS NULL "
            "AND status = ANY(%s) RETURNING id",
            [waktu, list(ids), instansi_aktif_id(), dari],
        )
        naik = [r[0] for r in cur.fetchall()]
    if not naik:
        return []
    daftar = list(
        SKP.objects.filter(pk__in=naik)
        .select_related("pegawai", "penilai", "atasan_penilai")
        .order_by("pk")
    )
    SKP.history.bulk_history_create(
        daftar, update=True, default_change_reason=ALASAN_ESKALASI, default_date=waktu
    )
    return daftar


@transaction.atomic
def skp_buat_perubahan(*, pengguna, skp: SKP, alasan: str) -> SKP:
    """A change during the year (000:638-648): a new version, copied, that runs the same flow."""
    if not alasan.strip():
        raise ValidationError({"alasan": "Tuliskan alasan perubahan SKP."})
    skp = _kunci(skp)
    _peran_pasti(pengguna, skp, Aksi.BUAT_PERUBAHAN)
    if SKP.objects.filter(pendahulu=skp).exists():
        raise ValidationError("Versi perubahan SKP ini sudah dibuat; buka versi terbarunya.")
    baru = SKP.objects.get(pk=skp.pk)
    baru.pk = None
    baru.id = None
    baru._state.adding = True
    baru.versi = skp.versi + 1
    baru.pendahulu = skp
    baru.alasan_perubahan = alasan.strip()
    baru.status = Status.DRAF
    for kolom in (
        "ditetapkan_oleh", "ditetapkan_pada", "ditandatangani_pada", "diajukan_pada",
        "dieskalasi_pada",
    ):  # fmt: skip
        setattr(baru, kolom, None)
    baru.ditetapkan_sebagai_atasan = False
    baru.catatan_penilai = ""
    catat(baru, pengguna, f"Perubahan SKP: {alasan.strip()}")
    baru.save()
    for r in skp.rhk.prefetch_related("iki__manual").order_by("jenis", "urutan", "pk"):
        daftar_iki = list(r.iki.all())
        r.pk = r.id = None
        r._state.adding = True
        r.skp = baru
        r.peran_hasil = None  # the MPH cell stays with the version it created
        r.save()
        for k in daftar_iki:
            manual = getattr(k, "manual", None)
            k.pk = k.id = None
            k._state.adding = True
            k.rhk = r
            k.save()
            if manual is not None:
                manual.pk = manual.id = None
                manual._state.adding = True
                manual.iki = k
                manual.save()
    for e in skp.ekspektasi_khusus.all():
        e.pk = e.id = None
        e._state.adding = True
        e.skp = baru
        e.save()
    for b in skp.lampiran.all():
        b.pk = b.id = None
        b._state.adding = True
        b.skp = baru
        b.save()
    return baru
