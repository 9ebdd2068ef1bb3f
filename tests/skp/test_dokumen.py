"""Official SKP documents (A.1.1-A.1.8): every fixed label and every value reaches the
PDF, a signed SKP is archived once and served unchanged, the renderer reads nothing
but the app's static files, and nobody outside the SKP's circle can download it."""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import views as auth_views
from django.urls import include, path
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from organisasi import dokumen as renderer
from organisasi.models import ArsipDokumen, PengaturanInstansi
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from skp import dokumen, selectors
from skp.models import (
    SKP,
    BarisMPH,
    ButirLampiran,
    ButirWorkblock,
    EkspektasiKhusus,
    IndikatorKinerjaIndividu,
    ManualIndikator,
    MatriksPeranHasil,
    PeranHasil,
    RencanaHasilKerja,
    Workblock,
)
from skp.perilaku import PERILAKU
from tests.factories import Org, skp_contoh

# The download views under test, mounted as skp/urls.py mounts them ("dokumen/"),
# and the login page anonymous users are sent to.
urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(), name="masuk"),
    path("skp/dokumen/", include("skp.urls_dokumen")),
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

WIB = ZoneInfo("Asia/Jakarta")
PERIODE = "PERIODE PENILAIAN: 2 JANUARI SD 31 DESEMBER TAHUN 2026"
IDENTITAS = ["NO", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", "NAMA", "NIP",
             "PANGKAT/ GOL. RUANG", "JABATAN", "UNIT KERJA"]  # fmt: skip
CATATAN_PERILAKU = (
    "Pimpinan dapat memberikan Ekspektasi khusus terhadap satu atau lebih aspek perilaku "
    "kerja Pegawai."
)


def teks_pdf(isi: bytes) -> str:
    """All text of a PDF with whitespace collapsed (line wraps inside cells vanish)."""
    assert isi.startswith(b"%PDF-")
    halaman = PdfReader(BytesIO(isi)).pages
    return " ".join(" ".join((h.extract_text() or "").split()) for h in halaman)


def jumlah_halaman(isi: bytes) -> int:
    return len(PdfReader(BytesIO(isi)).pages)


def ada_semua(teks: str, harapan) -> None:
    hilang = [h for h in harapan if " ".join(h.split()) not in teks]
    assert not hilang, f"Tidak ada di PDF: {hilang}"


def ada_perilaku(teks: str, tanda: str = "*") -> None:
    ada_semua(teks, [f"PERILAKU KERJA{tanda}", "Ekspektasi Khusus Pimpinan:"])
    for n in PERILAKU:
        ada_semua(teks, [f"{n.nomor} {n.label}", *n.panduan])
    assert teks.count("Ekspektasi Khusus Pimpinan:") >= 7
    ada_semua(teks, [f"{tanda} {CATATAN_PERILAKU}"])


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def _iki(rhk, urutan, teks, target="", aspek=(), perspektif=""):
    return IndikatorKinerjaIndividu.objects.create(
        rhk=rhk, urutan=urutan, teks=teks, target=target, aspek=list(aspek), perspektif=perspektif
    )


def skp_jpt(org, *, pendekatan: str) -> SKP:
    """The Kepala Dinas's SKP, rated by the Wali Kota (kepala daerah), with perspectives
    and manuals: the JPT/PUKM formats A.1.1/A.1.2 (+ A.1.3)."""
    from skp.services import identitas

    skp = skp_contoh(org, pegawai=org.kadis, pendekatan=pendekatan, isi=False)
    with lingkup_instansi(org.instansi):
        p = pengaturan_instansi()
        PengaturanInstansi.objects.filter(pk=p.pk).update(
            nama_kepala_daerah="H. Bambang Wijaya, S.H.", jabatan_kepala_daerah="Wali Kota"
        )
        skp.penilai_kepala_daerah = True
        skp.identitas = identitas(skp, date(2026, 1, 5))
        skp.save()
        kualitatif = pendekatan == "kualitatif"
        r1 = RencanaHasilKerja.objects.create(
            skp=skp,
            urutan=1,
            teks="Meningkatnya kelancaran lalu lintas kota",
            penugasan_dari="Wali Kota",
        )
        k1 = _iki(
            r1,
            1,
            "Waktu tempuh rata-rata koridor utama turun dibanding tahun sebelumnya"
            if kualitatif
            else "Rata-rata waktu tempuh koridor utama",
            "" if kualitatif else "25 menit",
            perspektif="penerima_layanan",
        )
        _iki(
            r1,
            2,
            "Anggaran rekayasa lalu lintas terserap sesuai rencana"
            if kualitatif
            else "Persentase realisasi anggaran rekayasa",
            "" if kualitatif else "95%",
            perspektif="anggaran",
        )
        r2 = RencanaHasilKerja.objects.create(
            skp=skp,
            jenis="tambahan",
            urutan=1,
            teks="Terlaksananya inisiatif strategis parkir elektronik",
            penugasan_dari="Sekretaris Daerah",
        )
        _iki(
            r2,
            1,
            "Parkir elektronik beroperasi di pusat kota"
            if kualitatif
            else "Jumlah titik parkir elektronik beroperasi",
            "" if kualitatif else "10 titik",
            perspektif="proses_bisnis",
        )
        ManualIndikator.objects.create(
            iki=k1,
            tujuan="Mengukur kelancaran arus kendaraan di koridor utama",
            definisi="Waktu tempuh rata-rata kendaraan pribadi pada jam sibuk",
            formula="Jumlah waktu tempuh dibagi jumlah pengukuran",
            satuan="Menit",
            kualitas_kendali="outcome_antara",
            sumber_data="Survei waktu tempuh Bidang Lalu Lintas",
            periode_pelaporan="triwulanan",
        )
        EkspektasiKhusus.objects.create(
            skp=skp,
            nilai="akuntabel",
            teks="Menyampaikan laporan kinerja tepat waktu",
            ditetapkan_oleh=org.kadis,
        )
        EkspektasiKhusus.objects.create(
            skp=skp,
            nilai="akuntabel",
            urutan=2,
            teks="Tidak ada temuan BPK atas anggaran dinas",
            ditetapkan_oleh=org.kadis,
        )
        ButirLampiran.objects.create(
            skp=skp, bagian="dukungan", teks="Dukungan anggaran survei", urutan=1
        )
    return skp


def pdf(skp, **kwargs) -> bytes:
    with lingkup_instansi(skp.instansi_id):
        return dokumen.pdf_skp(skp, **kwargs)


# --- One test per format ---------------------------------------------------------------


def test_a_1_7_kuantitatif_administrasi(org):
    skp = skp_contoh(org)
    assert skp.format == "A.1.7"
    isi = pdf(skp, tempat="Bekasi")
    teks = teks_pdf(isi)
    ada_semua(
        teks,
        [
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA KUANTITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            f"KOTA UJI A {PERIODE}",
            *IDENTITAS,
            # identity values: employee and rater
            "Dedi", "198501012010011005", "Penata Muda, III/a", "Pengelola Rekayasa",
            "Seksi Rekayasa", "Teguh", "198501012010011003", "Kepala Seksi Rekayasa",
            # the table
            "HASIL KERJA", "NO.", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI*",
            "RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET",
            "(1) (2) (3) (4) (5) (6)", "A. UTAMA", "B. TAMBAHAN",
            "Meningkatnya kelancaran lalu lintas kota",
            "Tersusunnya rekayasa lalu lintas simpang padat",
            "IKI 1.1", "Jumlah simpang yang direkayasa", "12 simpang", "Kuantitas",
            "IKI 1.2", "Rekomendasi diterima pimpinan tepat waktu", "90% dalam 5 hari kerja",
            "Kualitas, Waktu",
            "Meningkatnya kepuasan masyarakat", "Terlaksananya survei kepuasan pengguna jalan",
            "IKI 2", "Laporan survei", "1 laporan",
            "Aktif berbagi data dengan seksi lain",
            "* Dalam hal rencana hasil kerja Pimpinan yang diintervensi adalah hasil kerja "
            "pejabat pimpinan tinggi",
            # signatures
            "Bekasi,", "Pegawai yang Dinilai", "Pejabat Penilai Kinerja",
            "NIP. 198501012010011005", "NIP. 198501012010011003",
            # Lampiran follows in the same PDF
            "LAMPIRAN SASARAN KINERJA PEGAWAI",
            "DRAF",
        ],
    )  # fmt: skip
    ada_perilaku(teks, "**")
    assert "NIP (*opsional)" not in teks  # only A.1.1/A.1.2 (000:3936)
    assert "IKI 1 " not in teks  # RHK 1 has two IKI: 1.1 and 1.2
    # No A.1.3 for administrasi/JF; the PDF is SKP + Lampiran.
    assert "MANUAL INDIKATOR KINERJA" not in teks


def test_a_1_6_kualitatif_administrasi_tambahan_kosong(org):
    skp = skp_contoh(org, pendekatan="kualitatif")
    with lingkup_instansi(org.instansi):
        RencanaHasilKerja.objects.filter(skp=skp, jenis="tambahan").delete()
        IndikatorKinerjaIndividu.objects.filter(skp=skp).update(target="")
        IndikatorKinerjaIndividu.objects.filter(skp=skp, urutan=1).update(
            teks="Dua belas simpang padat direkayasa dan diterima pimpinan"
        )
    assert skp.format == "A.1.6"
    teks = teks_pdf(pdf(skp))
    ada_semua(
        teks,
        [
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA KUALITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            f"KOTA UJI A {PERIODE}",
            *IDENTITAS,
            "HASIL KERJA",
            "A. UTAMA",
            "1 Tersusunnya rekayasa lalu lintas simpang padat "
            "(penugasan dari Kepala Seksi Rekayasa)",
            "Ukuran keberhasilan/ indikator kinerja individu dan Target:",
            "- Dua belas simpang padat direkayasa dan diterima pimpinan",
            "- Rekomendasi diterima pimpinan tepat waktu",
            "B. TAMBAHAN",
            "- (dapat ditambahkan pada tahun berjalan)",
            "Aktif berbagi data dengan seksi lain",
            "Pegawai yang Dinilai",
            "Pejabat Penilai Kinerja",
        ],
    )
    ada_perilaku(teks)
    assert "Perspektif" not in teks and "ASPEK" not in teks


def test_a_1_1_kualitatif_jpt_dinilai_kepala_daerah(org):
    skp = skp_jpt(org, pendekatan="kualitatif")
    assert skp.format == "A.1.1"
    teks = teks_pdf(pdf(skp))
    ada_semua(
        teks,
        [
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA KUALITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            f"KOTA UJI A {PERIODE}",
            *IDENTITAS,
            "NIP (*opsional)",
            "Rahmat", "Kepala Dinas Perhubungan", "Dinas Perhubungan",
            # the rater is the kepala daerah: title, government, no NIP
            "H. Bambang Wijaya, S.H.", "Wali Kota", "Kota Uji A",
            "HASIL KERJA", "A. UTAMA",
            "1 Meningkatnya kelancaran lalu lintas kota (penugasan dari Wali Kota)",
            "Ukuran keberhasilan/ Indikator Kinerja Individu, Target, dan Perspektif:",
            "- Waktu tempuh rata-rata koridor utama turun dibanding tahun sebelumnya "
            "(Perspektif Penerima Layanan)",
            "- Anggaran rekayasa lalu lintas terserap sesuai rencana (Perspektif Anggaran)",
            "B. TAMBAHAN",
            "2 Terlaksananya inisiatif strategis parkir elektronik "
            "(penugasan dari Sekretaris Daerah)",
            "- Parkir elektronik beroperasi di pusat kota (Perspektif Proses Bisnis)",
            "Menyampaikan laporan kinerja tepat waktu",
            "Tidak ada temuan BPK atas anggaran dinas",
            # The manual of IKI 1.1 follows (A.1.3)
            "MANUAL INDIKATOR KINERJA",
        ],
    )  # fmt: skip
    ada_perilaku(teks)


def test_a_1_2_kuantitatif_jpt(org):
    skp = skp_jpt(org, pendekatan="kuantitatif")
    assert skp.format == "A.1.2"
    teks = teks_pdf(pdf(skp))
    ada_semua(
        teks,
        [
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA KUANTITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            f"KOTA UJI A {PERIODE}",
            *IDENTITAS,
            "NIP (*opsional)",
            "HASIL KERJA", "NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU",
            "TARGET", "PERSPEKTIF", "(1) (2) (3) (4) (5)",
            "A. UTAMA", "Meningkatnya kelancaran lalu lintas kota (penugasan dari Wali Kota)",
            "IKI 1.1", "Rata-rata waktu tempuh koridor utama", "25 menit", "Penerima Layanan",
            "IKI 1.2", "Persentase realisasi anggaran rekayasa", "95%", "Anggaran",
            "B. TAMBAHAN", "Terlaksananya inisiatif strategis parkir elektronik",
            "IKI 2", "Jumlah titik parkir elektronik beroperasi", "10 titik", "Proses Bisnis",
            "H. Bambang Wijaya, S.H.", "Pegawai yang Dinilai", "Pejabat Penilai Kinerja",
            "NIP. 198501012010011001",
        ],
    )  # fmt: skip
    ada_perilaku(teks)


def test_a_1_3_manual_indikator_kinerja(org):
    skp = skp_jpt(org, pendekatan="kuantitatif")
    isi = pdf(skp)
    teks = teks_pdf(isi)
    manual = teks[teks.index("MANUAL INDIKATOR KINERJA") :]
    ada_semua(
        manual,
        [
            "MANUAL INDIKATOR KINERJA",
            "SKP PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            f"KOTA UJI A {PERIODE}",
            "IKI 1.1",
            "RENCANA HASIL KERJA", "Meningkatnya kelancaran lalu lintas kota",
            "UKURAN KEBERHASILAN/ INDIKATOR KINERJA", "Rata-rata waktu tempuh koridor utama",
            "Target: 25 menit",
            "TUJUAN", "Mengukur kelancaran arus kendaraan di koridor utama",
            "DESKRIPSI", "Definisi", "Waktu tempuh rata-rata kendaraan pribadi pada jam sibuk",
            "Formula (opsional bagi pendekatan hasil kerja kualitatif)",
            "Jumlah waktu tempuh dibagi jumlah pengukuran",
            "SATUAN PENGUKURAN (opsional bagi pendekatan hasil kerja kualitatif)", "Menit",
            "KUALITAS DAN TINGKAT KENDALI",
            "( ) Outcome (X) Outcome Antara ( ) Output kendali rendah",
            "SUMBER DATA", "Survei waktu tempuh Bidang Lalu Lintas",
            "PERIODE PELAPORAN", "( ) Bulanan (X) Triwulanan ( ) Semesteran ( ) Tahunan",
        ],
    )  # fmt: skip
    # Only IKI 1.1 has a manual; no identity table or signatures on it.
    assert "IKI 1.2" not in manual and "Pegawai yang Dinilai" not in manual


def test_a_1_8_lampiran(org):
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        ButirLampiran.objects.create(
            skp=skp, bagian="konsekuensi", urutan=2,
            teks="Apabila tidak memenuhi ekspektasi: teguran lisan",
        )  # fmt: skip
        skp = dokumen.muat(skp)
        isi = renderer.render_pdf(
            "dokumen/a_1_8.html", dokumen.konteks_lampiran(skp, tempat="Bekasi")
        )
    teks = teks_pdf(isi)
    ada_semua(
        teks,
        [
            "LAMPIRAN SASARAN KINERJA PEGAWAI",
            "PENGELOLA REKAYASA",  # the job title under the title, as in the examples
            "KOTA UJI A", "PERIODE PENILAIAN:", "2 JANUARI SD 31 DESEMBER TAHUN 2026",
            "DUKUNGAN SUMBER DAYA", "1. Data volume kendaraan dari dinas",
            "SKEMA PERTANGGUNGJAWABAN", "1. Dilaporkan setiap bulan berupa laporan kemajuan",
            "KONSEKUENSI", "1. Apabila memenuhi ekspektasi: penghargaan non materiil",
            "2. Apabila tidak memenuhi ekspektasi: teguran lisan",
            "Bekasi,", "Pegawai yang Dinilai", "Pejabat Penilai Kinerja", "Dedi", "Teguh",
            "NIP. 198501012010011005", "NIP. 198501012010011003",
        ],
    )  # fmt: skip
    assert "PEGAWAI YANG DINILAI" not in teks  # no identity table (000:4229-4264)


def test_a_1_4_workblock(org):
    skp = skp_jpt(org, pendekatan="kuantitatif")
    with lingkup_instansi(org.instansi):
        wb = Workblock.objects.create(
            skp=skp,
            judul="Penataan simpang bersinyal adaptif",
            indikator_diintervensi="Rata-rata waktu tempuh koridor utama 25 menit",
            pemilik_strategi="Kepala Dinas Perhubungan",
            pihak_terlibat="Bidang Lalu Lintas; Satlantas Polres",
            waktu_penyelesaian="12 Bulan",
            penerima_manfaat="Pengguna jalan koridor utama",
            tujuan="Mengurangi antrean di simpang padat",
            anggaran="Rp 1.200.000.000",
        )
        for tipe, kategori, urutan, teks in (
            ("kegiatan", "rutin", 1, "Pemeliharaan lampu lalu lintas"),
            ("kegiatan", "transformatif", 1, "Pemasangan pengendali sinyal adaptif"),
            ("kegiatan", "transformatif", 2, "Integrasi data kamera lalu lintas"),
            ("keluaran", "rutin", 1, "Lampu lalu lintas berfungsi normal"),
            ("keluaran", "transformatif", 1, "Sepuluh simpang bersinyal adaptif"),
        ):
            ButirWorkblock.objects.create(
                workblock=wb, tipe=tipe, kategori=kategori, urutan=urutan, teks=teks
            )
        isi = dokumen.pdf_workblock(wb)
    teks = teks_pdf(isi)
    ada_semua(
        teks,
        [
            "WORKBLOCK UNTUK IDENTIFIKASI STRATEGI PENCAPAIAN HASIL KERJA",
            "JUDUL INISIATIF STRATEGI PENCAPAIAN IKU", "Penataan simpang bersinyal adaptif",
            "INDIKATOR DAN TARGET YANG DIINTERVENSI",
            "Rata-rata waktu tempuh koridor utama 25 menit",
            "PEMILIK STRATEGI", "Kepala Dinas Perhubungan",
            "PIHAK YANG TERLIBAT", "Bidang Lalu Lintas; Satlantas Polres",
            "WAKTU PENYELESAIAN", "12 Bulan",
            "PENERIMA MANFAAT", "Pengguna jalan koridor utama",
            "TUJUAN", "Mengurangi antrean di simpang padat",
            "ANGGARAN", "Rp 1.200.000.000",
            # one counter per list, running on from RUTIN into TRANSFORMATIF
            "STRATEGI (KEY ACTIVITIES) A. RUTIN 1. Pemeliharaan lampu lalu lintas "
            "B. TRANSFORMATIF 2. Pemasangan pengendali sinyal adaptif "
            "3. Integrasi data kamera lalu lintas",
            "KELUARAN KUNCI (KEY MILESTONE) A. RUTIN 1. Lampu lalu lintas berfungsi normal "
            "B. TRANSFORMATIF 2. Sepuluh simpang bersinyal adaptif",
        ],
    )  # fmt: skip
    assert "PERIODE PENILAIAN" not in teks
    # A draft SKP's Workblock carries the DRAF mark like the SKP; a set one does not.
    assert teks.startswith("DRAF") and teks_pdf(pdf(skp)).startswith("DRAF")
    with lingkup_instansi(org.instansi):
        SKP.objects.filter(pk=skp.pk).update(status="ditetapkan")
        wb.skp.refresh_from_db()
        assert "DRAF" not in teks_pdf(dokumen.pdf_workblock(wb))


def test_a_1_5_mph_satu_dan_dua_tingkat(org):
    skp = skp_jpt(org, pendekatan="kuantitatif")
    skp_kabid = skp_contoh(org, pegawai=org.kabid)
    with lingkup_instansi(org.instansi):
        iki = list(IndikatorKinerjaIndividu.objects.filter(skp=skp).order_by("rhk__jenis", "pk"))
        mph = MatriksPeranHasil.objects.create(skp_pimpinan=skp)
        kabid = BarisMPH.objects.create(matriks=mph, pegawai=org.kabid, peran="ketua_tim")
        kasi = BarisMPH.objects.create(matriks=mph, pegawai=org.kasi, urutan=1)
        PeranHasil.objects.create(
            baris=kabid, iki_pimpinan=iki[0], teks="Tersusunnya rekayasa koridor utama"
        )
        PeranHasil.objects.create(
            baris=kabid, iki_pimpinan=iki[0], urutan=2, teks="Terpasangnya sinyal adaptif"
        )
        PeranHasil.objects.create(baris=kasi, iki_pimpinan=iki[1], tidak_ada_peran=True)
        PeranHasil.objects.create(
            baris=kasi, iki_pimpinan=iki[2], teks="Tersedianya data titik parkir"
        )
        isi = dokumen.pdf_mph(mph)

        tim = MatriksPeranHasil.objects.create(
            skp_pimpinan=skp_kabid, induk=mph, nama_tim="Rekayasa Koridor"
        )
        rhk_kabid = selectors.rhk_berurut(skp_kabid)
        staf = BarisMPH.objects.create(matriks=tim, pegawai=org.staf, peran="anggota_tim")
        PeranHasil.objects.create(
            baris=staf, rhk_pimpinan=rhk_kabid[0], teks="Tersusunnya desain simpang padat"
        )
        isi_tim = dokumen.pdf_mph(tim)
    teks = teks_pdf(isi)
    ada_semua(
        teks,
        [
            "MATRIKS PEMBAGIAN PERAN DAN HASIL",
            "PEGAWAI", "JABATAN", "OUTCOME ANTARA/ OUTPUT/ LAYANAN",
            # top row: the leader and their IKI
            "Rahmat", "Kepala Dinas Perhubungan",
            "IKI 1.1", "Rata-rata waktu tempuh koridor utama",
            "IKI 1.2", "Persentase realisasi anggaran rekayasa",
            "IKI 2", "Jumlah titik parkir elektronik beroperasi",
            # rows: people with their jabatan; cells: roles, TIDAK ADA PERAN, or "-"
            "Sari (Ketua Tim)", "Kepala Bidang Lalu Lintas",
            "- Tersusunnya rekayasa koridor utama - Terpasangnya sinyal adaptif",
            "Teguh", "Kepala Seksi Rekayasa", "TIDAK ADA PERAN",
            "Tersedianya data titik parkir",
        ],
    )  # fmt: skip
    assert jumlah_halaman(isi) == 1
    # landscape: wider than tall
    kotak = PdfReader(BytesIO(isi)).pages[0].mediabox
    assert kotak.width > kotak.height
    teks_tim = teks_pdf(isi_tim)
    ada_semua(
        teks_tim,
        [
            "MATRIKS PEMBAGIAN PERAN DAN HASIL", "TIM KERJA: REKAYASA KORIDOR",
            "Sari (Ketua Tim)", "RHK 1", "Tersusunnya rekayasa lalu lintas simpang padat",
            "RHK 2", "Terlaksananya survei kepuasan pengguna jalan",
            "Dedi", "Pengelola Rekayasa", "Tersusunnya desain simpang padat", "-",
        ],
    )  # fmt: skip


def test_sel_mph_tanpa_isian_tertulis_strip(org):
    skp = skp_jpt(org, pendekatan="kuantitatif")
    with lingkup_instansi(org.instansi):
        mph = MatriksPeranHasil.objects.create(skp_pimpinan=skp)
        BarisMPH.objects.create(matriks=mph, pegawai=org.kasi2)
        konteks = dokumen.konteks_mph(mph)
    (tabel,) = konteks["tabel"]
    assert tabel["baris"][0]["sel"] == [{"tidak_ada": False, "peran": []}] * 3


# --- Heading and signature details ---------------------------------------------------


def test_kepala_mengikuti_istilah_perangkat_daerah(org):
    """A tenant that heads its forms with the Perangkat Daerah prints the employee's
    Perangkat Daerah, not the city (spec-local B20)."""
    with lingkup_instansi(org.instansi):
        p = pengaturan_instansi()
        PengaturanInstansi.objects.filter(pk=p.pk).update(istilah_instansi="Perangkat Daerah")
    skp = skp_contoh(org)  # its identity snapshot now carries the setting
    teks = teks_pdf(pdf(skp))
    assert f"DINAS PERHUBUNGAN {PERIODE}" in teks
    assert "KOTA UJI A PERIODE" not in teks


def test_periode_teks_tengah_tahun():
    assert dokumen.periode_teks(date(2026, 7, 15), date(2026, 12, 31)) == (
        "15 JULI SD 31 DESEMBER TAHUN 2026"
    )


def test_tanggal_tanda_tangan_dan_tanpa_draf_setelah_ditetapkan(org):
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        # Dates and status in one write: a set SKP refuses later changes (trigger).
        SKP.objects.filter(pk=skp.pk).update(
            status="ditandatangani",
            ditetapkan_pada=datetime(2026, 1, 20, 9, 0, tzinfo=WIB),
            ditetapkan_oleh=org.kasi,
            ditandatangani_pada=datetime(2026, 1, 22, 23, 30, tzinfo=WIB),
        )
    teks = teks_pdf(pdf(skp, tempat="Bekasi"))
    ada_semua(
        teks,
        [
            "Bekasi, 22 Januari 2026",
            "Ditandatangani pada 22 Januari 2026",
            "Ditetapkan pada 20 Januari 2026",
        ],
    )
    assert "DRAF" not in teks


# --- Archive and download ------------------------------------------------------------


def _siap_ditandatangani(org, pengguna) -> SKP:
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        SKP.objects.filter(pk=skp.pk).update(
            status="ditetapkan",
            ditetapkan_pada=datetime(2026, 1, 20, 9, 0, tzinfo=WIB),
            ditetapkan_oleh=org.kasi,
        )
        org.staf.pengguna = pengguna
        org.staf.save()
        skp.refresh_from_db()
    return skp


def test_tandatangani_mengarsipkan_pdf_dengan_hash(org, pegawai_a):
    from skp.services import skp_tandatangani

    skp = _siap_ditandatangani(org, pegawai_a)
    with lingkup_instansi(org.instansi):
        skp_tandatangani(pengguna=pegawai_a, skp=skp)
        arsip = ArsipDokumen.objects.get()
        isi = bytes(arsip.isi)
        assert arsip.jenis == "A.1.7"
        assert arsip.sha256 == hashlib.sha256(isi).hexdigest()
        assert arsip.dibuat_oleh == pegawai_a
        assert dokumen.pdf_tersimpan(skp) == isi
        assert renderer.arsip_terakhir(skp, "A.1.7") == arsip
    teks = teks_pdf(isi)
    assert "DRAF" not in teks and "Ditandatangani pada" in teks
    assert "Tersusunnya rekayasa lalu lintas simpang padat" in teks


def test_unduhan_skp_ditandatangani_dari_arsip_tanpa_diubah(org, pegawai_a, masuk_sebagai):
    from skp.services import skp_tandatangani

    skp = _siap_ditandatangani(org, pegawai_a)
    with lingkup_instansi(org.instansi):
        skp_tandatangani(pengguna=pegawai_a, skp=skp)
        arsip = ArsipDokumen.objects.get()
        tersimpan = bytes(arsip.isi)
    respons = masuk_sebagai(pegawai_a).get(f"/skp/dokumen/skp/{skp.pk}/")
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/pdf"
    assert respons.content == tersimpan
    assert respons["X-Dokumen-SHA256"] == hashlib.sha256(tersimpan).hexdigest() == arsip.sha256
    assert 'filename="SKP-2026-A.1.7-Dedi-v1.pdf"' in respons["Content-Disposition"]
    assert "no-store" in respons["Cache-Control"]
    # Served again: the same bytes, nothing rendered anew.
    assert masuk_sebagai(pegawai_a).get(f"/skp/dokumen/skp/{skp.pk}/").content == tersimpan


def test_unduhan_draf_dirender_baru_dengan_tanda_draf(org, pegawai_a, masuk_sebagai):
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        org.staf.pengguna = pegawai_a
        org.staf.save()
    respons = masuk_sebagai(pegawai_a).get(f"/skp/dokumen/skp/{skp.pk}/")
    assert respons.status_code == 200
    assert "X-Dokumen-SHA256" not in respons
    assert "DRAF" in teks_pdf(respons.content)
    with lingkup_instansi(org.instansi):
        assert not ArsipDokumen.objects.exists()  # a preview is never archived


def test_pengguna_lain_mendapat_404(org, pegawai_a, rekan_a, pegawai_b, masuk_sebagai):
    skp = skp_jpt(org, pendekatan="kuantitatif")
    with lingkup_instansi(org.instansi):
        wb = Workblock.objects.create(
            skp=skp, judul="Inisiatif", indikator_diintervensi="IKI", pemilik_strategi="Kadis"
        )
        mph = MatriksPeranHasil.objects.create(skp_pimpinan=skp)
        org.kadis.pengguna = pegawai_a
        org.kadis.save()
    url = [
        f"/skp/dokumen/skp/{skp.pk}/",
        f"/skp/dokumen/workblock/{wb.pk}/",
        f"/skp/dokumen/mph/{mph.pk}/",
    ]
    for u in url:
        assert masuk_sebagai(pegawai_a).get(u).status_code == 200, u
    for orang in (pegawai_b, rekan_a):  # another agency; same agency but unrelated
        klien = masuk_sebagai(orang)
        for u in url:
            assert klien.get(u).status_code == 404, (orang, u)
    klien.logout()
    assert klien.get(url[0]).status_code == 302  # login first


def test_anggota_mph_boleh_membuka_matriks(org, pegawai_a, masuk_sebagai):
    skp = skp_jpt(org, pendekatan="kuantitatif")
    with lingkup_instansi(org.instansi):
        mph = MatriksPeranHasil.objects.create(skp_pimpinan=skp)
        BarisMPH.objects.create(matriks=mph, pegawai=org.staf)
        org.staf.pengguna = pegawai_a
        org.staf.save()
    klien = masuk_sebagai(pegawai_a)
    assert klien.get(f"/skp/dokumen/mph/{mph.pk}/").status_code == 200
    assert klien.get(f"/skp/dokumen/skp/{skp.pk}/").status_code == 404


# --- The renderer reads nothing but the app's static files ----------------------------


def test_pengambil_menolak_berkas_lain_dan_jaringan():
    p = renderer.PengambilStatic()
    for url in (
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://example.com/x.css",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://example.com/x.png",
        "file://example.com/etc/passwd.png",
        renderer.direktori_static()[0].as_uri() + "/../config/settings.py",
        renderer.direktori_static()[0].as_uri() + "/fonts/../../pyproject.toml",
    ):
        with pytest.raises(renderer.SumberDitolak):
            p.fetch(url)
    font = renderer.direktori_static()[0] / "fonts" / "LiberationSans-Regular.ttf"
    respons = p.fetch(font.as_uri())
    assert respons.read()[:4] == b"\x00\x01\x00\x00"  # a TrueType font


def test_html_dengan_img_tidak_membaca_berkas_atau_jaringan(monkeypatch):
    import socket

    def tanpa_jaringan(*args, **kwargs):
        raise AssertionError("renderer mencoba membuka koneksi jaringan")

    monkeypatch.setattr(socket, "create_connection", tanpa_jaringan)
    p = renderer.PengambilStatic()
    isi = renderer.html_ke_pdf(
        '<p>Uji</p><img src="file:///etc/passwd"><img src="http://example.com/x.png">'
        '<img src="/etc/hostname">',
        pengambil=p,
    )
    assert "file:///etc/passwd" in p.ditolak
    assert "http://example.com/x.png" in p.ditolak
    assert "file:///etc/hostname" in p.ditolak  # relative to the static base, still refused
    assert "root:" not in teks_pdf(isi)


def test_teks_pengguna_di_escape(org, monkeypatch):
    diminta = []

    class Pencatat(renderer.PengambilStatic):
        def fetch(self, url, headers=None):
            diminta.append(url)
            return super().fetch(url, headers)

    monkeypatch.setattr(renderer, "PengambilStatic", Pencatat)
    skp = skp_contoh(org)
    jahat = '<img src="file:///etc/passwd"><img src="http://example.com/x.png"> & <b>tebal</b>'
    with lingkup_instansi(org.instansi):
        RencanaHasilKerja.objects.filter(skp=skp, jenis="utama").update(teks=jahat)
    teks = teks_pdf(pdf(skp))
    # Printed as text, not markup (a line may wrap inside the URL, hence no spaces).
    assert jahat.replace(" ", "") in teks.replace(" ", "")
    statik = [d.as_uri() for d in renderer.direktori_static()]
    assert diminta and all(any(u.startswith(s + "/") for s in statik) for u in diminta)
    assert not any("passwd" in u or "example.com" in u for u in diminta)


def test_font_dikirim_bersama_aplikasi_dan_tertanam(org):
    folder = renderer.direktori_static()[0] / "fonts"
    for nama in ("Regular", "Bold", "Italic"):
        assert (folder / f"LiberationSans-{nama}.ttf").is_file()
    assert "SIL Open Font License" in (folder / "LICENSE-LiberationSans.txt").read_text()
    isi = pdf(skp_contoh(org))
    nama, program = set(), set()
    for halaman in PdfReader(BytesIO(isi)).pages:
        for f in halaman["/Resources"]["/Font"].values():
            f = f.get_object()
            nama.add(str(f["/BaseFont"]).split("+")[-1])
            turunan = f["/DescendantFonts"][0].get_object()
            data = turunan["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            tabel = TTFont(BytesIO(data))["name"]
            program.add(f"{tabel.getDebugName(1)} {tabel.getDebugName(5)}")
    # Only our @font-face family, and its program is the shipped Liberation Sans 2.1.5.
    assert nama == {"Dokumen-Sans", "Dokumen-Sans-Bold"}, nama
    assert program == {"Liberation Sans Version 2.1.5"}, program


def test_nama_berkas_aman():
    assert renderer.nama_berkas("SKP", 2026, "A.1.7", "Dr. Siti Nur'aini, M.Si.", "v2") == (
        "SKP-2026-A.1.7-Dr.-Siti-Nur-aini-M.Si-v2.pdf"
    )
    assert renderer.nama_berkas("../../etc/passwd") == "etc-passwd.pdf"
    assert renderer.nama_berkas('"\r\n') == "dokumen.pdf"


def test_waktu_render_wajar(org):
    import time

    skp = skp_contoh(org)
    mulai = time.monotonic()
    pdf(skp)
    assert time.monotonic() - mulai < float(os.environ.get("BATAS_RENDER_DETIK", "8"))
