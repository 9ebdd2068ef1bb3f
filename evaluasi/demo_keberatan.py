"""Keberatan demo data (issue 11), on top of the SKP demo, in the Kabupaten Karawang
demo agency (Kota Bekasi's submitted SKP is left for penilai.bekasi to review):

- pegawai.karawang's SKP is submitted and set (SKP services), rated for the first two
  evaluation periods of the year (evaluation services), and its D.1.1 delivered;
- the first period's keberatan is decided "mengubah" by atasan.karawang and its D.1.3
  signed by the three parties (archived);
- the second period's keberatan is in progress: the rater has explained, the atasan's
  decision is pending.

Every keberatan step goes through `services_keberatan`, so every rule and audit record
applies. Signing and delivering D.1.1 are recorded on the evaluation row here; the lead
switches those two steps to the D.1.1 services when they land. Idempotent.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from organisasi.models import Pegawai
from organisasi.tenancy import lingkup_instansi, lingkup_platform
from skp import services as skp_services
from skp.models import SKP
from skp.models import Status as StatusSKP

from . import selectors, services
from . import services_keberatan as layanan
from .models import EvaluasiKinerja, Keberatan
from .workflow import Status

PEGAWAI, PENILAI, ATASAN = "pegawai.karawang", "penilai.karawang", "atasan.karawang"


def _akun(username):
    return get_user_model().objects.filter(username=username).first()


def _skp_ditetapkan(pegawai_akun, penilai_akun, pegawai, tahun) -> SKP | None:
    skp = SKP.objects.filter(pegawai=pegawai, tahun=tahun).order_by("-versi").first()
    if skp is None:
        return None
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
        sekarang = timezone.now()
        e.status = Status.D11_DISERAHKAN
        e.ditandatangani_pada = e.diserahkan_pada = sekarang
        e.versi += 1
        e._change_reason = "Demo: D.1.1 ditandatangani dan diserahkan kepada pegawai"
        e.save()
    return e


@lingkup_platform()
def isi_keberatan_demo(tahun: int = 2026) -> list[str]:
    pegawai_akun, penilai_akun, atasan_akun = _akun(PEGAWAI), _akun(PENILAI), _akun(ATASAN)
    if None in (pegawai_akun, penilai_akun, atasan_akun):
        return []
    dibuat = []
    with lingkup_instansi(pegawai_akun.instansi_id):
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
