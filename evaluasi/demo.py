"""Evaluation demo data on top of the SKP demo, made through the services (every rule
applies), so the rater, employee and atasan pages show real cases in several states.

For Kota Bekasi (monthly evaluation) relative to today's period P (the one the rater
evaluates now, `selectors.periode_saat_ini`):
- pegawai.bekasi (rated by penilai.bekasi, atasan atasan.bekasi): P-3 finished (D.1.1
  signed, delivered, signed back, reported to the agency's recipient), P-2 delivered and
  waiting for her signature, P-1 taken over by the atasan (the rater let the window pass),
  P ready to rate;
- kadis.bekasi and kadisdik.bekasi (JPT, rated by the Wali Kota through sekda.bekasi):
  P-2 signed by the official acting for the Wali Kota, final by role; their qualitative and
  quantitative SKPs make the results C.1.1 and C.1.2 (pegawai.bekasi's is C.1.3).
The SKP of pegawai.bekasi (submitted by the SKP demo) is set by penilai.bekasi first.
Idempotent: a pegawai who already has an evaluation is left alone.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone

from organisasi.hari_kerja import kalender_instansi
from organisasi.models import Pegawai
from organisasi.tenancy import lingkup_instansi, lingkup_platform
from skp import services as skp_services
from skp.models import SKP

from . import selectors, services
from .models import EvaluasiKinerja
from .periode import Periode


def _pengguna(username: str):
    return get_user_model().objects.filter(username=username).first()


def _mundur(p: Periode, n: int) -> Periode:
    for _ in range(n):
        daftar = selectors.periode_tahun_instansi(p.tahun)[:-1]
        i = daftar.index(p)
        p = daftar[i - 1] if i > 0 else selectors.periode_tahun_instansi(p.tahun - 1)[-2]
    return p


def _skp_berlaku(pegawai, tahun: int) -> SKP | None:
    return (
        SKP.objects.filter(pegawai=pegawai, tahun=tahun, status__in=selectors.STATUS_SKP_DINILAI)
        .order_by("-versi")
        .first()
    )


def _nilai(penilai, skp, p: Periode, hk: str, pk: str, catatan: str) -> EvaluasiKinerja:
    return services.evaluasi_nilai(
        pengguna=penilai, skp=skp, periode=p, versi=0, rating_hasil_kerja=hk,
        rating_perilaku_kerja=pk, catatan=catatan,
    )  # fmt: skip


def _tandatangani(penilai, e: EvaluasiKinerja, p: Periode) -> EvaluasiKinerja:
    # Signed on the window's last day: the demo's periods are in the past.
    hari = selectors.jendela(p, kalender_instansi()).akhir
    return services.evaluasi_tandatangani(pengguna=penilai, evaluasi=e, versi=e.versi,
                                          hari_ini=hari)  # fmt: skip


@lingkup_platform()
def isi_evaluasi_demo(hari_ini: date | None = None) -> list[str]:
    hari_ini = hari_ini or timezone.localdate()
    dibuat = []
    pegawai_u, penilai_u = _pengguna("pegawai.bekasi"), _pengguna("penilai.bekasi")
    if pegawai_u is None or penilai_u is None:
        return dibuat
    with lingkup_instansi(pegawai_u.instansi_id):
        pegawai = Pegawai.objects.filter(pengguna=pegawai_u).first()
        skp = SKP.objects.filter(pegawai=pegawai, tahun=hari_ini.year).order_by("-versi").first()
        if skp is None or EvaluasiKinerja.objects.filter(pegawai=pegawai).exists():
            return dibuat
        if skp.status == "diajukan":
            skp = skp_services.skp_tetapkan(
                pengguna=penilai_u, skp=skp, tanggal=date(hari_ini.year, 1, 20)
            )
        p = selectors.periode_saat_ini(hari_ini)
        selesai, diserahkan, alih = _mundur(p, 3), _mundur(p, 2), _mundur(p, 1)
        if selesai.tahun != skp.tahun or skp.status not in selectors.STATUS_SKP_DINILAI:
            return dibuat  # early in the year: no earlier period of this SKP
        e = _nilai(penilai_u, skp, selesai, "sesuai", "diatas",
                   "Pertahankan ketelitian penilaian; bagikan praktik baik ke tim.")  # fmt: skip
        e = _tandatangani(penilai_u, e, selesai)
        e = services.evaluasi_serahkan(pengguna=penilai_u, evaluasi=e)
        e = services.evaluasi_tandatangani_pegawai(pengguna=pegawai_u, evaluasi=e)
        services.evaluasi_laporkan(pengguna=penilai_u, evaluasi=e)
        dibuat.append(f"evaluasi {selesai.label_lengkap} pegawai.bekasi (dilaporkan)")

        saran = "Hasil kerja melampaui ekspektasi; siap diberi penugasan lebih luas."
        e = _nilai(penilai_u, skp, diserahkan, "diatas", "diatas", saran)
        e = _tandatangani(penilai_u, e, diserahkan)
        services.evaluasi_serahkan(pengguna=penilai_u, evaluasi=e)
        dibuat.append(f"evaluasi {diserahkan.label_lengkap} pegawai.bekasi (diserahkan)")

        _nilai(penilai_u, skp, alih, "sesuai", "", "Perilaku kerja belum dinilai.")
        services.evaluasi_ambil_alih(skp_ids=[skp.pk], periode=alih, waktu=timezone.now())
        dibuat.append(f"evaluasi {alih.label_lengkap} pegawai.bekasi (diambil alih atasan)")

        kadis_u, sekda_u = _pengguna("kadis.bekasi"), _pengguna("sekda.bekasi")
        if kadis_u is not None and sekda_u is not None:
            kadis = Pegawai.objects.filter(pengguna=kadis_u).first()
            skp_kadis = _skp_berlaku(kadis, hari_ini.year)
            if skp_kadis is not None:
                e = _nilai(sekda_u, skp_kadis, diserahkan, "sesuai", "sesuai",
                           "Capaian keluarga sehat sesuai ekspektasi pimpinan.")  # fmt: skip
                e = _tandatangani(sekda_u, e, diserahkan)
                dibuat.append(f"evaluasi {diserahkan.label_lengkap} kadis.bekasi (final, JPT)")
            # A quantitative JPT SKP: its result is format C.1.2.
            kadisdik_u = _pengguna("kadisdik.bekasi")
            kadisdik = Pegawai.objects.filter(pengguna=kadisdik_u).first() if kadisdik_u else None
            skp_kadisdik = _skp_berlaku(kadisdik, hari_ini.year) if kadisdik else None
            if skp_kadisdik is not None:
                saran = "Partisipasi SMP melampaui target; jaga mutu akreditasi sekolah."
                e = _nilai(sekda_u, skp_kadisdik, diserahkan, "diatas", "sesuai", saran)
                e = _tandatangani(sekda_u, e, diserahkan)
                dibuat.append(
                    f"evaluasi {diserahkan.label_lengkap} kadisdik.bekasi (final, JPT, C.1.2)"
                )
    return dibuat
