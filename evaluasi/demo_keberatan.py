"""Keberatan demo data (issue 11), on top of the SKP demo, in the Kabupaten Karawang
demo agency. The SKP demo's own people keep their SKP as they are (pegawai.karawang's
draft, pegawai.bekasi's submitted SKP); the keberatan belong to a colleague of
pegawai.karawang in the same Sub Bidang, rated by penilai.karawang, who gets the login
`analis.karawang` (the demo password):

- her SKP is drafted, submitted and set (SKP services), rated for the first two
  evaluation periods of the year (evaluation services), and its D.1.1 delivered;
- the first period's keberatan is decided "mengubah" by atasan.karawang and its D.1.3
  signed by the three parties (archived);
- the second period's keberatan is in progress: the rater has explained, the atasan's
  decision is pending.

Every step goes through the services (D.1.1 signed and delivered by `services`, each
keberatan step by `services_keberatan`), so every rule and audit record applies.
Idempotent.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model

from organisasi.audit import catat
from organisasi.hari_kerja import kalender_instansi
from organisasi.models import Pegawai, Penempatan
from organisasi.tenancy import lingkup_instansi, lingkup_platform
from skp import services as skp_services
from skp.models import SKP
from skp.models import Status as StatusSKP

from . import selectors, services
from . import services_keberatan as layanan
from .models import EvaluasiKinerja, Keberatan
from .workflow import Status

PEGAWAI, PENILAI, ATASAN = "analis.karawang", "penilai.karawang", "atasan.karawang"
REKAN = "pegawai.karawang"  # the colleague whose unit and position the demo pegawai shares


def _akun(username):
    return get_user_model().objects.filter(username=username).first()


def _akun_pegawai(instansi_id: int):
    """The demo pegawai's login: a colleague of pegawai.karawang (same position and unit,
    no login yet), created once with the demo password."""
    from organisasi.demo import SANDI_DEMO

    if (akun := _akun(PEGAWAI)) is not None:
        return akun
    rekan = Pegawai.objects.filter(pengguna__username=REKAN).first()
    if rekan is None:
        return None
    jabatan = (
        Penempatan.objects.filter(pegawai=rekan, selesai__isnull=True)
        .values_list("jabatan_id", flat=True)
        .first()
    )
    pegawai = (
        Pegawai.objects.filter(
            penempatan__jabatan_id=jabatan,
            penempatan__selesai__isnull=True,
            pengguna__isnull=True,
            aktif=True,
        )  # fmt: skip
        .order_by("pk")
        .first()
    )
    if pegawai is None:
        return None
    akun = get_user_model().objects.create_user(
        username=PEGAWAI, password=SANDI_DEMO, nama=pegawai.nama_lengkap, nip=pegawai.nip,
        instansi_id=instansi_id,
    )  # fmt: skip
    pegawai.pengguna = akun
    catat(pegawai, None, "Demo: akun pegawai untuk contoh keberatan")
    pegawai.save(update_fields=["pengguna"])
    return akun


def _skp_ditetapkan(pegawai_akun, penilai_akun, pegawai, tahun) -> SKP | None:
    from skp.demo import DEMO_LAMPIRAN, DEMO_RHK

    skp = SKP.objects.filter(pegawai=pegawai, tahun=tahun).order_by("-versi").first()
    if skp is None:
        skp = skp_services.skp_buat(
            pengguna=pegawai_akun, pegawai=pegawai, tahun=tahun, pendekatan="kuantitatif",
            tanggal=date(tahun, 1, 5),
        )  # fmt: skip
        for teks, pimpinan, indikator in DEMO_RHK:
            rhk = skp_services.rhk_simpan(
                pengguna=pegawai_akun, skp=skp,
                data={"teks": teks, "penugasan_dari": "Kepala Sub Bidang Evaluasi Kinerja",
                      "rhk_pimpinan_teks": pimpinan},
            )  # fmt: skip
            for iki, target, aspek in indikator:
                data = {"teks": iki, "target": target, "aspek": aspek}
                skp_services.iki_simpan(pengguna=pegawai_akun, rhk=rhk, data=data)
        for bagian, teks in DEMO_LAMPIRAN:
            skp_services.lampiran_tambah(pengguna=pegawai_akun, skp=skp, bagian=bagian, teks=teks)
    if skp.status == StatusSKP.DRAF:
        skp = skp_services.skp_ajukan(pengguna=pegawai_akun, skp=skp)
    if skp.status == StatusSKP.DIAJUKAN:
        skp = skp_services.skp_tetapkan(pengguna=penilai_akun, skp=skp)
    return skp if skp.status in selectors.STATUS_SKP_DINILAI else None


def _diserahkan(penilai_akun, skp, periode, rating, catatan) -> EvaluasiKinerja:
    e = EvaluasiKinerja.objects.filter(
        pegawai_id=skp.pegawai_id, tahun=periode.tahun, periode_jenis=periode.jenis,
        periode_nomor=periode.nomor,
    ).first()  # fmt: skip
    if e is None:
        e = services.evaluasi_nilai(
            pengguna=penilai_akun, skp=skp, periode=periode, versi=0,
            rating_hasil_kerja=rating[0], rating_perilaku_kerja=rating[1], catatan=catatan,
        )  # fmt: skip
    if e.status == Status.DRAF:
        # Signed on the window's last day (the period is past), delivered now: the
        # employee's 14 working days to object start today.
        hari = selectors.jendela(periode, kalender_instansi()).akhir
        e = services.evaluasi_tandatangani(
            pengguna=penilai_akun, evaluasi=e, versi=e.versi, hari_ini=hari
        )
        e = services.evaluasi_serahkan(pengguna=penilai_akun, evaluasi=e)
    return e


@lingkup_platform()
def isi_keberatan_demo(tahun: int = 2026) -> list[str]:
    penilai_akun, atasan_akun = _akun(PENILAI), _akun(ATASAN)
    if None in (penilai_akun, atasan_akun):
        return []
    dibuat = []
    with lingkup_instansi(penilai_akun.instansi_id):
        baru = _akun(PEGAWAI) is None
        pegawai_akun = _akun_pegawai(penilai_akun.instansi_id)
        if pegawai_akun is None:
            return []
        if baru:
            dibuat.append(f"akun {PEGAWAI} (pegawai dengan keberatan)")
        pegawai = Pegawai.objects.filter(pengguna=pegawai_akun).first()
        skp = _skp_ditetapkan(pegawai_akun, penilai_akun, pegawai, tahun) if pegawai else None
        if skp is None or skp.atasan_penilai_id is None:
            return []
        pertama, kedua = selectors.periode_tahun_instansi(tahun)[:2]
        # 1. Decided "mengubah", D.1.3 signed by all three.
        e1 = _diserahkan(penilai_akun, skp, pertama, ("sesuai", "sesuai"),
                         "Tingkatkan ketepatan waktu rekomendasi.")  # fmt: skip
        if not Keberatan.objects.filter(evaluasi=e1).exists():
            k = layanan.keberatan_ajukan(
                pengguna=pegawai_akun, evaluasi=e1,
                alasan="Seluruh rekomendasi hasil penilaian kinerja selesai sebelum tenggat "
                "dan umpan balik pimpinan unit positif; mohon rating hasil kerja ditinjau.",
            )  # fmt: skip
            k = layanan.keberatan_jelaskan(
                pengguna=penilai_akun, keberatan=k,
                penjelasan="Dua rekomendasi diterima pimpinan lewat dari lima hari kerja.",
            )  # fmt: skip
            k = layanan.keberatan_putuskan(
                pengguna=atasan_akun, keberatan=k, versi=k.versi, keputusan="mengubah",
                rating_hasil_kerja="diatas", rating_perilaku_kerja="diatas",
                rekomendasi="Keterlambatan dua rekomendasi disebabkan data unit lain; hasil "
                "kerja di atas ekspektasi. Libatkan pegawai dalam penyusunan pedoman.",
            )  # fmt: skip
            for akun in (penilai_akun, pegawai_akun, atasan_akun):
                k = layanan.keberatan_tandatangani(pengguna=akun, keberatan=k)
            dibuat.append(f"keberatan {PEGAWAI} {pertama.label_lengkap} (diubah, D.1.3)")
        # 2. In progress: explained, waiting for the atasan.
        e2 = _diserahkan(penilai_akun, skp, kedua, ("sesuai", "dibawah"),
                         "Perbaiki kerja sama dengan tim.")  # fmt: skip
        if not Keberatan.objects.filter(evaluasi=e2).exists():
            k = layanan.keberatan_ajukan(
                pengguna=pegawai_akun, evaluasi=e2,
                alasan="Umpan balik rekan kerja bulan ini positif; rating perilaku kerja di "
                "bawah ekspektasi tidak didukung catatan umpan balik.",
            )  # fmt: skip
            layanan.keberatan_jelaskan(
                pengguna=penilai_akun, keberatan=k,
                penjelasan="Pegawai dua kali tidak hadir dalam rapat koordinasi tim.",
            )  # fmt: skip
            dibuat.append(f"keberatan {PEGAWAI} {kedua.label_lengkap} (menunggu keputusan)")
    return dibuat
