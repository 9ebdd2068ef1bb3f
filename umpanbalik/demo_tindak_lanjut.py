"""Demo follow-up of feedback (Pasal 20-21), through the services so every rule applies:
on the set and signed SKP of the Kepala Dinas Kesehatan of Kota Bekasi (kadis.bekasi,
rated by the Wali Kota, for whom sekda.bekasi acts), one coaching (two indicators in every
table of B.1.6) with the employee's signature, her feedback (B.1.8) and the competency
evaluation (B.1.9), one mentoring (B.1.7, two journal entries) whose B.1.8/B.1.9 are
still to be filled, and one laporan permasalahan perilaku kerja (B.1.10) citing the
feedback sekda.bekasi gave her as evidence, with its counselling record by the unit
kepegawaian (admin.bekasi). So every format B.1.6-B.1.10 opens from the demo accounts.
Idempotent: nothing is added once the coaching exists.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from organisasi.tenancy import lingkup_instansi, lingkup_platform
from skp.models import SKP
from skp.workflow import BERLAKU

from . import selectors_tindak_lanjut as sel
from . import services_tindak_lanjut as services
from . import tindak_lanjut as tl
from .models import BimbinganKinerja


def _pengguna(username: str):
    return get_user_model().objects.filter(username=username).first()


def _hari(tahun: int, bulan: int, hari: int) -> date:
    # Never after today (the services refuse future dates), whenever the demo is run.
    return min(date(tahun, bulan, hari), timezone.localdate())


@transaction.atomic
@lingkup_platform()
def isi_tindak_lanjut_demo(tahun: int = 2026) -> list[str]:
    kadis, sekda, admin = (_pengguna(u) for u in ("kadis.bekasi", "sekda.bekasi", "admin.bekasi"))
    if kadis is None or sekda is None:
        return []
    dibuat = []
    with lingkup_instansi(kadis.instansi_id):
        skp = (
            SKP.objects.filter(pegawai__pengguna=kadis, tahun=tahun, status__in=BERLAKU)
            .order_by("-versi")
            .first()
        )
        if skp is None or BimbinganKinerja.objects.filter(skp__nomor_seri=skp.nomor_seri).exists():
            return []
        semua_iki = [
            k for r in skp.rhk.order_by("jenis", "urutan") for k in r.iki.order_by("urutan")
        ]
        iki, iki2 = semua_iki[0], semua_iki[min(1, len(semua_iki) - 1)]
        nama1, nama2 = f"IKI 1: {iki.teks}", f"IKI 2: {iki2.teks}"
        # One session, several issues: two indicators in every table of B.1.6.
        b = services.bimbingan_catat(
            pengguna=sekda,
            skp=skp,
            metode="coaching",
            tanggal=_hari(tahun, 3, 10),
            tempat="Ruang Rapat Sekretariat Daerah",
            isi={
                "tujuan": [
                    {
                        "iki": nama1,
                        "baseline": "62%",
                        "target": iki.target or "-",
                        "strategi": "Kunjungan keluarga terpadu oleh puskesmas setiap pekan",
                    },
                    {
                        "iki": nama2,
                        "baseline": "",
                        "target": iki2.target or "-",
                        "strategi": "Rapat evaluasi bulanan dengan kepala puskesmas",
                    },
                ],
                "fakta": [
                    {
                        "iki": nama1,
                        "target": iki.target or "-",
                        "progres": "Baru 4 dari 12 kecamatan melaporkan data keluarga sehat",
                        "masalah": "Laporan puskesmas terlambat dan tidak seragam",
                        "penyebab": "Format pelaporan berbeda antar puskesmas",
                    },
                    {
                        "iki": nama2,
                        "target": iki2.target or "-",
                        "progres": "Rapat evaluasi baru berjalan sekali",
                        "masalah": "Kepala puskesmas sering berhalangan",
                        "penyebab": "Jadwal rapat bertabrakan dengan pelayanan",
                    },
                ],
                "peluang": "Memakai aplikasi pelaporan yang sudah dipakai dua puskesmas",
                "langkah": [
                    {
                        "iki": nama1,
                        "strategi": "Menyeragamkan format laporan dan memantau mingguan",
                        "penyesuaian": False,
                    },
                    {
                        "iki": nama2,
                        "strategi": "Menjadwalkan rapat evaluasi di luar jam pelayanan",
                        "penyesuaian": False,
                    },
                ],
            },
        )
        services.bimbingan_tandatangani(pengguna=kadis, bimbingan=b)
        services.umpan_balik_bimbingan_isi(
            pengguna=kadis,
            bimbingan=b,
            jawaban=[
                "Ya, pimpinan mendengarkan kendala puskesmas",
                "Ya, langkah yang sudah berjalan diakui",
                "Ya",
                "Ya, memakai data laporan bulanan",
                "Ya",
                "Ya, lebih banyak bertanya",
                "Ya, disepakati penyeragaman format",
                "Ya",
                "Ya",
            ],
        )
        services.evaluasi_kompetensi_isi(
            pengguna=sekda,
            bimbingan=b,
            nilai={k: {"nilai": 3, "alasan": ""} for k in tl.KODE_KOMPETENSI}
            | {"komunikasi": {"nilai": 2, "alasan": "Koordinasi dengan puskesmas belum rutin"}},
            teknis=[{"nama": "Manajemen kesehatan masyarakat", "nilai": 4, "alasan": ""}],
            rekomendasi="Diikutkan pelatihan kepemimpinan kolaboratif",
        )
        dibuat.append(f"Coaching {tahun} kadis.bekasi (B.1.6, B.1.8, B.1.9)")
        # A mentoring signed by both, whose B.1.8 and B.1.9 are still to come: the home
        # pages of kadis.bekasi and sekda.bekasi show what is next.
        m = services.bimbingan_catat(
            pengguna=sekda,
            skp=skp,
            metode="mentoring",
            tanggal=_hari(tahun, 5, 12),
            tempat="Dinas Kesehatan Kota Bekasi",
            isi={
                "bentuk": ["shadowing", "introducing"],
                "tujuan": [
                    {
                        "keahlian": "Memimpin forum kolaborasi lintas perangkat daerah",
                        "jangka_waktu": "3 bulan",
                        "perubahan": "Keputusan layanan kesehatan diambil dalam satu forum",
                        "ukuran": "Forum bulanan berjalan dengan notula keputusan",
                    }
                ],
                "jurnal": [
                    {
                        "waktu_tempat": "12 Mei, Ruang Rapat Sekretariat Daerah",
                        "materi": "Menyusun agenda dan memfasilitasi rapat lintas sektor",
                        "rencana_aksi": "Memfasilitasi forum kesehatan bulan Juni",
                        "target_waktu": "Juni",
                    },
                    {
                        "waktu_tempat": "Forum kesehatan, Aula Dinas Kesehatan",
                        "materi": "Mengamati mentor memimpin forum dan merumuskan keputusan",
                        "rencana_aksi": "Menyusun notula keputusan forum",
                        "target_waktu": "Juli",
                    },
                ],
            },
            pihak_lain={"nama": "dr. Hartono, M.Kes.", "jabatan": "Widyaiswara Ahli Utama"},
        )
        services.bimbingan_tandatangani(pengguna=kadis, bimbingan=m)
        dibuat.append(f"Mentoring {tahun} kadis.bekasi (B.1.7)")
        laporan = services.laporan_perilaku_buat(
            pengguna=sekda,
            skp=skp,
            # Reported after the feedback it cites was given (the demo gives it today).
            tanggal=timezone.localdate(),
            dikomunikasikan_pada=_hari(tahun, 4, 6),
            punya_ekspektasi_khusus=True,
            ekspektasi_khusus="Memimpin kolaborasi lintas perangkat daerah",
            permasalahan="Dua kali tidak menghadiri rapat koordinasi lintas perangkat daerah "
            "tanpa mengutus pengganti, sehingga keputusan layanan kesehatan tertunda.",
            serupa_pegawai_lain=False,
            retrospektif="Menyampaikan langsung pada 6 April dan memberi umpan balik tertulis.",
            bukti_umpan_balik="Notula rapat koordinasi Maret-April",
            # The feedback the pimpinan already gave her, from her record (B.1.3).
            umpan_balik=list(
                sel.umpan_balik_untuk_laporan(sekda, skp)
                .filter(pemberi__pengguna=sekda)
                .values_list("pk", flat=True)
            ),
        )
        if admin is not None:
            services.konseling_catat(
                pengguna=admin,
                laporan=laporan,
                konselor="Konselor independen BKPSDM",
                jenis_konselor="independen",
                tanggal_konseling=timezone.localdate(),
                hasil="Kendala jadwal dibahas; disepakati agenda rapat dikirim sepekan "
                "sebelumnya dan pengganti ditunjuk tertulis bila berhalangan.",
            )
        dibuat.append(f"Konseling kinerja {tahun} kadis.bekasi (B.1.10)")
    return dibuat
