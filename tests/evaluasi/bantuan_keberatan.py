"""Builders for the keberatan tests: an evaluation delivered to the pegawai, set field by
field (the D.1.1 signing and delivery services are built elsewhere)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from evaluasi import services_keberatan as layanan
from evaluasi.models import EvaluasiKinerja
from organisasi.tenancy import lingkup_instansi

WIB = ZoneInfo("Asia/Jakarta")


def pukul(tahun, bulan, hari, jam=9) -> datetime:
    return datetime(tahun, bulan, hari, jam, tzinfo=WIB)


def evaluasi_diserahkan(org, *, diserahkan=None, status="d11_diserahkan", skp=None,
                        pegawai=None, **lain):  # fmt: skip
    """Dedi's January 2026 evaluation (Baik), signed by Teguh on 2 February and delivered
    on `diserahkan` (default Monday 2 February 2026)."""
    skp = skp or org.skp
    isian = {
        "pegawai_id": pegawai.pk if pegawai else skp.pegawai_id, "skp": skp, "tahun": 2026,
        "periode_jenis": "bulanan", "periode_nomor": 1, "penilai_id": skp.penilai_id,
        "atasan_penilai_id": skp.atasan_penilai_id, "rating_hasil_kerja": "sesuai",
        "rating_perilaku_kerja": "sesuai", "predikat": "baik",
        "catatan": "Pertahankan ketepatan waktu laporan.", "status": status,
        "ditandatangani_pada": pukul(2026, 2, 2, 8),
        "diserahkan_pada": diserahkan or pukul(2026, 2, 2),
    }  # fmt: skip
    isian.update(lain)
    with lingkup_instansi(org.instansi):
        return EvaluasiKinerja.objects.create(**isian)


def di(waktu):
    """Move the clock (time_machine) to `waktu`."""
    return time_machine.travel(waktu, tick=False)


def ajukan(org, pengguna, e, *, pada=None, alasan="Realisasi simpang melebihi target.", **lain):
    with di(pada or pukul(2026, 2, 10)), lingkup_instansi(org.instansi):
        return layanan.keberatan_ajukan(pengguna=pengguna, evaluasi=e, alasan=alasan, **lain)


def jalankan(org, pada, fungsi, **kw):
    with di(pada), lingkup_instansi(org.instansi):
        return fungsi(**kw)
