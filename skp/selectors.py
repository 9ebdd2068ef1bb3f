"""Reads for SKP, always within the user's agency (the scoped managers ensure it)."""

from __future__ import annotations

from collections import Counter

from django.db.models import Prefetch, Q

from organisasi.models import Pegawai
from organisasi.pengaturan import pengaturan_instansi

from . import aturan, workflow
from .models import (
    SKP,
    STATUS_TERKUNCI,
    ButirLampiran,
    EkspektasiKhusus,
    IndikatorKinerjaIndividu,
    Kelompok,
    RencanaHasilKerja,
    Status,
)


def pegawai_pengguna(pengguna) -> Pegawai | None:
    if not pengguna.is_authenticated or pengguna.instansi_id is None:
        return None
    return Pegawai.objects.filter(pengguna=pengguna).first()


def bertindak_atas_nama_kepala_daerah(pegawai: Pegawai | None) -> bool:
    """The agency named this employee to act for the kepala daerah (who rates the JPT
    and has no account, 003:1316): they take the pejabat penilai's part in the app."""
    return pegawai is not None and pengaturan_instansi().pelaksana_kepala_daerah_id == pegawai.pk


def penilai_efektif_id(skp: SKP) -> int | None:
    """Who acts as pejabat penilai on this SKP in the app: the rater, or for an SKP rated
    by the kepala daerah the employee acting for them (never the ratee himself)."""
    if not skp.penilai_kepala_daerah:
        return skp.penilai_id
    pelaksana = pengaturan_instansi().pelaksana_kepala_daerah_id
    return pelaksana if pelaksana != skp.pegawai_id else None


def identitas_penilai(skp: SKP, pengaturan=None) -> dict:
    """The pejabat penilai as the page and the PDF show them: the snapshot of a set SKP;
    for an unset SKP rated by the kepala daerah, the official the agency names today."""
    ident = dict((skp.identitas or {}).get("penilai") or {})
    if skp.penilai_kepala_daerah and skp.status not in STATUS_TERKUNCI:
        pengaturan = pengaturan or pengaturan_instansi()
        ident = {
            "nama": pengaturan.nama_kepala_daerah,
            "nip": pengaturan.nip_kepala_daerah,
            "jabatan": pengaturan.jabatan_kepala_daerah,
            **({"unit": ident["unit"]} if "unit" in ident else {}),
        }
    return ident


def peran(pengguna, skp: SKP) -> frozenset[workflow.Peran]:
    pegawai = pegawai_pengguna(pengguna)
    return workflow.peran_dalam(
        pegawai_id=pegawai.pk if pegawai else None,
        skp_pegawai_id=skp.pegawai_id,
        penilai_id=penilai_efektif_id(skp),
        atasan_id=skp.atasan_penilai_id,
        tereskalasi=skp.dieskalasi_pada is not None,
    )


def _dinilai_oleh(pegawai: Pegawai) -> Q:
    """SKPs this employee rates: as their pejabat penilai, once escalated as atasan, and
    as the one acting for the kepala daerah (not their own)."""
    syarat = Q(penilai=pegawai) | Q(atasan_penilai=pegawai, dieskalasi_pada__isnull=False)
    if bertindak_atas_nama_kepala_daerah(pegawai):
        syarat |= Q(penilai_kepala_daerah=True) & ~Q(pegawai=pegawai)
    return syarat


def skp_terlihat(pengguna):
    """SKPs this user may open: own, rated by them, escalated to them; all for the admin."""
    qs = SKP.objects.select_related("pegawai", "penilai", "penempatan__jabatan__unit")
    if pengguna.admin_instansi:
        return qs
    pegawai = pegawai_pengguna(pengguna)
    if pegawai is None:
        return qs.none()
    return qs.filter(Q(pegawai=pegawai) | _dinilai_oleh(pegawai))


def skp_lengkap(pk: int, pengguna) -> SKP:
    """One SKP with its content, in a fixed number of queries."""
    iki = IndikatorKinerjaIndividu.objects.select_related("manual").order_by("urutan", "pk")
    return (
        skp_terlihat(pengguna)
        .select_related("atasan_penilai", "ditetapkan_oleh", "pendahulu")
        .prefetch_related(
            Prefetch(
                "rhk",
                queryset=RencanaHasilKerja.objects.select_related(
                    "rhk_pimpinan__skp", "iki_pimpinan"
                )
                .prefetch_related(Prefetch("iki", queryset=iki))
                .order_by("jenis", "urutan", "pk"),
            ),
            Prefetch(
                "ekspektasi_khusus",
                queryset=EkspektasiKhusus.objects.order_by("nilai", "urutan", "pk"),
            ),
            Prefetch("lampiran", queryset=ButirLampiran.objects.order_by("bagian", "urutan", "pk")),
            "catatan_alur__oleh",
        )
        .get(pk=pk)
    )


def data_aturan(skp: SKP) -> aturan.DataSKP:
    """The plain values the content rules read (uses prefetched rows when present)."""
    pengaturan = pengaturan_instansi()
    daftar = []
    for nomor, r in enumerate(rhk_berurut(skp), 1):
        pimpinan_jpt = bool(r.rhk_pimpinan_id and r.rhk_pimpinan.skp.kelompok == Kelompok.JPT_PUKM)
        daftar.append(
            aturan.DataRHK(
                nomor=nomor,
                jenis=r.jenis,
                teks=r.teks,
                penugasan_dari=r.penugasan_dari,
                rhk_pimpinan_teks=r.rhk_pimpinan_teks,
                pimpinan_jpt=pimpinan_jpt,
                iki_pimpinan=r.iki_pimpinan_id is not None,
                dari_mph=r.peran_hasil_id is not None,
                iki=[
                    aturan.DataIKI(
                        teks=k.teks,
                        target=k.target,
                        aspek=tuple(k.aspek or ()),
                        perspektif=k.perspektif,
                        target_mutlak_dikecualikan=k.target_mutlak_dikecualikan,
                        punya_manual=hasattr(k, "manual"),
                    )
                    for k in r.iki.all()
                ],
            )
        )
    return aturan.DataSKP(
        kelompok=skp.kelompok,
        pendekatan=skp.pendekatan,
        rhk=daftar,
        lampiran=dict(Counter(b.bagian for b in skp.lampiran.all())),
        aspek_diizinkan=tuple(pengaturan.aspek_diizinkan or ()),
        manual_ik_wajib=pengaturan.manual_ik == "selalu",
        tugas_belajar=skp.tugas_belajar,
    )


def rhk_berurut(skp: SKP) -> list[RencanaHasilKerja]:
    """UTAMA first, then TAMBAHAN; numbering runs on across both (000:11873-11900)."""
    semua = list(skp.rhk.all())
    return sorted(semua, key=lambda r: (r.jenis != "utama", r.urutan, r.pk))


def label_iki(nomor_rhk: int, ke: int, jumlah: int) -> str:
    """ "IKI 1.2" when the RHK has several indicators, "IKI 1" when it has one (000:2262-2290)."""
    return f"IKI {nomor_rhk}.{ke}" if jumlah > 1 else f"IKI {nomor_rhk}"


def temuan(skp: SKP) -> list[aturan.Temuan]:
    return aturan.periksa(data_aturan(skp))


def skp_untuk_dinilai(pengguna):
    """The rater's inbox: SKPs waiting for them first, then the rest of their team's."""
    pegawai = pegawai_pengguna(pengguna)
    if pegawai is None:
        return SKP.objects.none()
    return (
        SKP.objects.filter(_dinilai_oleh(pegawai))
        .exclude(status=Status.DIGANTI)
        .select_related("pegawai", "penempatan__jabatan", "penilai")
        .order_by("status", "-tahun", "pegawai__nama")
    )


def perubahan_penilai(skp: SKP, tanggal) -> str | None:
    """Why this SKP no longer fits the employee on `tanggal`: a transfer or a new
    rater starts a new SKP (000:4581-4593). None when it still fits."""
    from organisasi import selectors as org_selectors

    if tanggal.year != skp.tahun or tanggal < skp.periode_mulai:
        return None
    penempatan = org_selectors.penempatan_definitif([skp.pegawai_id], tanggal).get(skp.pegawai_id)
    if penempatan is None:
        return None
    if penempatan.pk != skp.penempatan_id:
        return (
            f"Anda kini menduduki jabatan {penempatan.jabatan.nama}; "
            "untuk jabatan baru disusun SKP baru (000:4581-4587)."
        )
    hasil = org_selectors.penilai_pegawai([skp.pegawai], tanggal)[skp.pegawai_id]
    if hasil and hasil.penilai.pejabat and hasil.penilai.pejabat.pegawai_id != skp.penilai_id:
        return (
            f"Pejabat penilai Anda kini {hasil.penilai.pejabat.label} ({hasil.penilai.alasan}); "
            "SKP baru disusun dan ditetapkan bersama pejabat penilai baru (000:4589-4593)."
        )
    return None
