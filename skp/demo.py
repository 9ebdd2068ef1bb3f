"""The SKP app's demo data, on top of organisasi's demo organisation and accounts, made
through the SKP services so every rule and audit record applies:
- a submitted SKP for pegawai.bekasi and a draft for pegawai.karawang (`isi_skp_demo`),
  their RHK intervening the RHK of their rater's draft SKP (so the performance tree shows
  the cascade);
- the JPT's (`isi_skp_jpt_demo`), so every format opens from the demo: A.1.1 + A.1.3 +
  A.1.8 set and signed for the Kepala Dinas Kesehatan of Kota Bekasi (set by the
  Sekretaris Daerah a.n. the Wali Kota), with its Workblock (A.1.4) and MPH (A.1.5); a
  draft A.1.2 with Manual IK and Workblock for the Kepala BKPSDM of Kabupaten Karawang;
  a draft A.1.6 for a Kepala Bidang under him.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from organisasi.models import Pegawai
from organisasi.tenancy import lingkup_instansi, lingkup_platform

from . import manual_ik, mph, selectors, services
from . import workblock as workblock_svc
from .models import SKP, ButirWorkblock


# The demo accounts are looked up by name across agencies, as the platform does.
@lingkup_platform()
def isi_skp_demo(tahun: int = 2026) -> list[str]:
    """A submitted SKP for pegawai.bekasi (so penilai.bekasi has one to review) and a
    draft for pegawai.karawang. Uses the SKP services, so every rule applies."""
    Pengguna = get_user_model()
    dibuat = []
    for username, ajukan in (("pegawai.bekasi", True), ("pegawai.karawang", False)):
        pengguna = Pengguna.objects.filter(username=username).first()
        if pengguna is None:
            continue
        with lingkup_instansi(pengguna.instansi_id):
            pegawai = Pegawai.objects.filter(pengguna=pengguna).first()
            if pegawai is None or SKP.objects.filter(pegawai=pegawai, tahun=tahun).exists():
                continue
            skp = services.skp_buat(
                pengguna=pengguna, pegawai=pegawai, tahun=tahun,
                pendekatan="kuantitatif", tanggal=date(tahun, 1, 5),
            )  # fmt: skip
            jabatan_penilai = skp.identitas.get("penilai", {}).get("jabatan", "")
            dibuat += _skp_penilai_demo(skp, tahun)
            for teks, pimpinan, indikator in DEMO_RHK:
                rhk = services.rhk_simpan(
                    pengguna=pengguna,
                    skp=skp,
                    data={
                        "teks": teks,
                        "penugasan_dari": jabatan_penilai,
                        **_pimpinan(skp, pimpinan),
                    },
                )
                for iki, target, aspek in indikator:
                    services.iki_simpan(
                        pengguna=pengguna,
                        rhk=rhk,
                        data={"teks": iki, "target": target, "aspek": aspek},
                    )
            for bagian, teks in DEMO_LAMPIRAN:
                services.lampiran_tambah(pengguna=pengguna, skp=skp, bagian=bagian, teks=teks)
            if ajukan:
                services.skp_ajukan(pengguna=pengguna, skp=skp)
            dibuat.append(f"SKP {tahun} {username}")
    return dibuat


def _pimpinan(skp: SKP, teks: str) -> dict:
    """Column (2) of an RHK: the rater's RHK (or, for a JPT rater, its indicator) that
    reads `teks`, chosen from the rater's SKP as the form offers it; the text alone only
    when the rater's SKP has no such RHK."""
    for p in selectors.pilihan_rhk_pimpinan(skp):
        if p.teks.startswith(teks):
            return {"pimpinan": p.kunci}
    return {"rhk_pimpinan_teks": teks}


def _skp_penilai_demo(skp: SKP, tahun: int) -> list[str]:
    """The rater's own draft SKP, whose RHK the employee's RHK intervene, so the
    performance tree shows the cascade; nothing when the rater has one already."""
    penilai = skp.penilai.pengguna if skp.penilai_id else None
    skp_penilai = _skp_baru(penilai, "kuantitatif", tahun)
    if skp_penilai is None:
        return []
    jabatan_atasan = skp_penilai.identitas.get("penilai", {}).get("jabatan", "")
    for teks, pimpinan, indikator in DEMO_RHK_PENILAI:
        rhk = services.rhk_simpan(
            pengguna=penilai,
            skp=skp_penilai,
            data={
                "teks": teks,
                "penugasan_dari": jabatan_atasan,
                **_pimpinan(skp_penilai, pimpinan),
            },
        )
        for iki, target, aspek in indikator:
            services.iki_simpan(
                pengguna=penilai, rhk=rhk, data={"teks": iki, "target": target, "aspek": aspek}
            )
    for bagian, teks in DEMO_LAMPIRAN:
        services.lampiran_tambah(pengguna=penilai, skp=skp_penilai, bagian=bagian, teks=teks)
    return [f"SKP {tahun} {penilai.username} (draf; RHK-nya diintervensi bawahan)"]


DEMO_RHK = [
    (
        "Tersusunnya rekomendasi hasil penilaian kinerja pegawai tepat waktu",
        "Meningkatnya kualitas pengelolaan kinerja aparatur",
        [
            ("Jumlah rekomendasi penilaian yang disampaikan", "12 rekomendasi", ["kuantitas"]),
            ("Rekomendasi disampaikan 5 hari kerja setelah periode", "90%", ["waktu"]),
        ],
    ),
    (
        "Tersedianya data kinerja pegawai yang mutakhir",
        "Meningkatnya kualitas data kepegawaian",
        [("Persentase data kinerja pegawai yang dimutakhirkan", "95%", ["kualitas"])],
    ),
]  # fmt: skip
# The rater's RHK: the texts the employees' RHK above name in column (2).
DEMO_RHK_PENILAI = [
    (
        "Meningkatnya kualitas pengelolaan kinerja aparatur",
        "Meningkatnya akuntabilitas kinerja aparatur daerah",
        [("Persentase SKP pegawai sub bidang yang ditetapkan tepat waktu", "100%", ["waktu"])],
    ),
    (
        "Meningkatnya kualitas data kepegawaian",
        "Meningkatnya akuntabilitas kinerja aparatur daerah",
        [("Persentase data kepegawaian yang valid", "95%", ["kualitas"])],
    ),
]  # fmt: skip
DEMO_LAMPIRAN = [
    ("dukungan", "Akses aplikasi kepegawaian dan data SKP seluruh perangkat daerah"),
    ("skema", "Hasil kerja dilaporkan setiap bulan berupa laporan rekapitulasi"),
    ("konsekuensi", "Apabila memenuhi ekspektasi pimpinan: penghargaan non materiil"),
]


# (RHK, penugasan dari, [(IKI, target, perspektif, manual or None)])
RHK_KADIS_BEKASI = [
    (
        "Meningkatnya derajat kesehatan masyarakat Kota Bekasi",
        "Wali Kota Bekasi",
        [
            ("Angka keluarga sehat meningkat dibanding tahun sebelumnya", "",
             "penerima_layanan", {
                 "tujuan": "Mengukur keberhasilan layanan kesehatan keluarga",
                 "definisi": "Persentase keluarga berstatus sehat menurut indikator PIS-PK",
                 "sumber_data": "Aplikasi Keluarga Sehat Kementerian Kesehatan",
                 "kualitas_kendali": "outcome", "periode_pelaporan": "triwulanan",
             }),
            ("Realisasi anggaran program kesehatan masyarakat sesuai rencana", "",
             "anggaran", None),
        ],
    ),
    (
        "Terlaksananya transformasi layanan puskesmas berbasis data",
        "Wali Kota Bekasi",
        [
            ("Puskesmas memakai rekam medis elektronik terintegrasi", "",
             "proses_bisnis", None),
        ],
    ),
]  # fmt: skip
RHK_KABAN_KARAWANG = [
    (
        "Meningkatnya akuntabilitas kinerja aparatur Kabupaten Karawang",
        "Bupati Karawang",
        [
            ("Persentase perangkat daerah dengan SKP ditetapkan tepat waktu", "95%",
             "penerima_layanan", {
                 "tujuan": "Mengukur ketepatan waktu penetapan SKP",
                 "definisi": "Perangkat daerah yang seluruh SKP pegawainya ditetapkan Januari",
                 "formula": "Perangkat daerah tepat waktu / seluruh perangkat daerah x 100%",
                 "satuan": "persen",
                 "sumber_data": "Aplikasi kinerja ASN",
                 "kualitas_kendali": "outcome_antara", "periode_pelaporan": "triwulanan",
             }),
            ("Persentase realisasi anggaran penilaian kinerja", "90%", "anggaran", {
                "tujuan": "Mengukur serapan anggaran program penilaian kinerja",
                "definisi": "Realisasi belanja program dibanding pagu",
                "formula": "Realisasi / pagu x 100%",
                "satuan": "persen",
                "sumber_data": "Laporan realisasi anggaran",
                "kualitas_kendali": "output_rendah", "periode_pelaporan": "bulanan",
            }),
        ],
    ),
]  # fmt: skip
RHK_KADISDIK_BEKASI = [
    (
        "Meningkatnya akses dan mutu pendidikan dasar Kota Bekasi",
        "Wali Kota Bekasi",
        [
            ("Angka partisipasi murni SMP", "92%", "penerima_layanan", None),
            ("Persentase sekolah terakreditasi minimal B", "85%", "proses_bisnis", None),
            ("Persentase realisasi anggaran program pendidikan dasar", "95%", "anggaran",
             None),
        ],
    ),
]  # fmt: skip
LAMPIRAN_JPT = [
    ("dukungan", "Dukungan anggaran dan sistem informasi dari pemerintah daerah"),
    ("skema", "Laporan capaian kinerja setiap triwulan kepada kepala daerah"),
    ("konsekuensi", "Apabila melampaui ekspektasi: penghargaan kinerja dari kepala daerah"),
]
WORKBLOCK = {
    "judul": "Integrasi layanan berbasis data",
    "indikator_diintervensi": "IKI 1.1 dengan target yang ditetapkan",
    "pemilik_strategi": "Kepala perangkat daerah",
    "pihak_terlibat": "Sekretariat dan bidang teknis",
    "waktu_penyelesaian": "Desember",
    "penerima_manfaat": "Masyarakat dan aparatur",
    "tujuan": "Capaian indikator utama dapat dipantau setiap triwulan",
    "anggaran": "APBD",
}
BUTIR_WORKBLOCK = [
    ("kegiatan", "rutin", "Menyusun rencana aksi triwulanan"),
    ("kegiatan", "transformatif", "Mengintegrasikan data layanan dalam satu dasbor"),
    ("keluaran", "rutin", "Laporan capaian triwulan"),
    ("keluaran", "transformatif", "Dasbor kinerja beroperasi"),
]


def _pengguna(username: str):
    return get_user_model().objects.filter(username=username).first()


def _isi(pengguna, skp: SKP, daftar_rhk, *, workblock: bool = True) -> None:
    for teks, penugasan, indikator in daftar_rhk:
        rhk = services.rhk_simpan(
            pengguna=pengguna, skp=skp, data={"teks": teks, "penugasan_dari": penugasan}
        )
        for iki_teks, target, perspektif, manual in indikator:
            iki = services.iki_simpan(
                pengguna=pengguna,
                rhk=rhk,
                data={"teks": iki_teks, "target": target, "perspektif": perspektif},
            )
            if manual:
                manual_ik.manual_simpan(pengguna=pengguna, iki=iki, data=manual)
    for bagian, teks in LAMPIRAN_JPT:
        services.lampiran_tambah(pengguna=pengguna, skp=skp, bagian=bagian, teks=teks)
    if workblock:
        wb = workblock_svc.workblock_simpan(pengguna=pengguna, skp=skp, data=WORKBLOCK)
        for tipe, kategori, teks in BUTIR_WORKBLOCK:
            workblock_svc.butir_tambah(
                pengguna=pengguna,
                workblock=wb,
                tipe=ButirWorkblock.Tipe(tipe),
                kategori=ButirWorkblock.Kategori(kategori),
                teks=teks,
            )


def _skp_baru(pengguna, pendekatan: str, tahun: int) -> SKP | None:
    """None when the account is missing or already has its SKP of the year."""
    if pengguna is None:
        return None
    pegawai = Pegawai.objects.filter(pengguna=pengguna).first()
    if pegawai is None or SKP.objects.filter(pegawai=pegawai, tahun=tahun).exists():
        return None
    return services.skp_buat(
        pengguna=pengguna, pegawai=pegawai, tahun=tahun, pendekatan=pendekatan,
        tanggal=date(tahun, 1, 5),
    )  # fmt: skip


@transaction.atomic
@lingkup_platform()
def isi_skp_jpt_demo(tahun: int = 2026) -> list[str]:
    dibuat = []
    kadis = _pengguna("kadis.bekasi")
    if kadis is not None:
        with lingkup_instansi(kadis.instansi_id):
            skp = _skp_baru(kadis, "kualitatif", tahun)
            if skp is not None:
                _isi(kadis, skp, RHK_KADIS_BEKASI)
                services.skp_ajukan(pengguna=kadis, skp=skp)
                sekda = _pengguna("sekda.bekasi")
                services.ekspektasi_tambah(
                    pengguna=sekda, skp=skp, nilai="kolaboratif",
                    teks="Memimpin kolaborasi lintas perangkat daerah untuk layanan kesehatan",
                )  # fmt: skip
                skp = services.skp_tetapkan(pengguna=sekda, skp=skp, tanggal=date(tahun, 1, 20))
                skp = services.skp_tandatangani(pengguna=kadis, skp=skp)
                matriks = mph.mph_buat(pengguna=kadis, skp=skp, tanggal=date(tahun, 1, 21))
                kolom = mph.kolom_matriks(matriks)
                for baris in matriks.baris.order_by("urutan")[:2]:
                    mph.sel_simpan(
                        pengguna=kadis, matriks=matriks, baris=baris, kolom=kolom[0],
                        teks=["Tersusunnya rencana aksi peningkatan keluarga sehat di unitnya"],
                    )  # fmt: skip
                dibuat.append(f"SKP {tahun} kadis.bekasi (A.1.1 ditandatangani, MPH)")
    # A quantitative JPT SKP (A.1.2) set and signed, so its evaluation prints C.1.2.
    kadisdik = _pengguna("kadisdik.bekasi")
    if kadisdik is not None:
        with lingkup_instansi(kadisdik.instansi_id):
            skp = _skp_baru(kadisdik, "kuantitatif", tahun)
            if skp is not None:
                _isi(kadisdik, skp, RHK_KADISDIK_BEKASI, workblock=False)
                services.skp_ajukan(pengguna=kadisdik, skp=skp)
                sekda = _pengguna("sekda.bekasi")
                skp = services.skp_tetapkan(pengguna=sekda, skp=skp, tanggal=date(tahun, 1, 22))
                services.skp_tandatangani(pengguna=kadisdik, skp=skp)
                dibuat.append(f"SKP {tahun} kadisdik.bekasi (A.1.2 ditandatangani)")
    kaban = _pengguna("kaban.karawang")
    if kaban is not None:
        with lingkup_instansi(kaban.instansi_id):
            skp = _skp_baru(kaban, "kuantitatif", tahun)
            if skp is not None:
                _isi(kaban, skp, RHK_KABAN_KARAWANG)
                dibuat.append(f"SKP {tahun} kaban.karawang (A.1.2 draf)")
            kabid = _pengguna("atasan.karawang")
            skp = _skp_baru(kabid, "kualitatif", tahun)
            if skp is not None:
                rhk = services.rhk_simpan(
                    pengguna=kabid,
                    skp=skp,
                    data={
                        "teks": "Terlaksananya evaluasi kinerja perangkat daerah",
                        "penugasan_dari": "Kepala BKPSDM",
                        **_pimpinan(skp, RHK_KABAN_KARAWANG[0][0]),
                    },
                )
                services.iki_simpan(
                    pengguna=kabid,
                    rhk=rhk,
                    data={"teks": "Hasil evaluasi diterima pimpinan tepat waktu", "target": ""},
                )
                dibuat.append(f"SKP {tahun} atasan.karawang (A.1.6 draf)")
    return dibuat
