"""Follow-up of feedback (Pasal 20-21) through the pages: who may record what (others and
other agencies refused, nothing changes), the takeover and its mandatory note reaching
the evaluation, notices and home items, and every format B.1.6-B.1.10 read back from
its PDF."""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from evaluasi import selectors as eval_selectors
from evaluasi.periode import Jenis, Periode
from organisasi.models import ArsipDokumen, Pemberitahuan
from organisasi.tenancy import lingkup_instansi
from skp.models import SKP
from tests.factories import Org, akun, skp_contoh
from umpanbalik import selectors_tindak_lanjut as sel
from umpanbalik.models import (
    BimbinganKinerja,
    BuktiLaporanPerilaku,
    EvaluasiKompetensi,
    LaporanPerilakuKerja,
    PengambilalihanRHK,
    TindakLanjut,
    UmpanBalik,
    UmpanBalikBimbingan,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _senin_16_maret_2026():
    with time_machine.travel(datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        yield


@pytest.fixture
def tim(instansi_a):
    org = Org(instansi_a)
    skp = skp_contoh(org, status="ditandatangani")
    return {
        "org": org,
        "skp": skp,
        "pemilik": akun(org, org.staf, "dedi"),
        "penilai": akun(org, org.kasi, "teguh"),
        "atasan": akun(org, org.kabid, "sari"),
        "lain": akun(org, org.kasi2, "wulan"),
        "admin": akun(org, _orang(org, "Admin BKD"), "bkd", admin=True),
    }


def _orang(org, nama):
    with lingkup_instansi(org.instansi):
        return org.orang(nama)


def _p(awalan: str, data: dict) -> dict:
    """Form data under the page's form prefix (every form on the page has its own)."""
    return {f"{awalan}-{k}": v for k, v in data.items()}


def _kirim(client, nama: str, args: list, data: dict, **lain):
    """POST a form of the page under its prefix."""
    awalan = {
        "tindak_lanjut_catat": "tl",
        "laporan_perilaku_buat": "laporan",
        "ambil_alih_rhk": "ambil",
        "bimbingan_catat": args[-1],
        "umpan_balik_bimbingan_isi": f"b18-{args[-1]}",
        "evaluasi_kompetensi_isi": f"b19-{args[-1]}",
        "konseling_catat": f"konseling-{args[-1]}",
    }[nama]
    return client.post(reverse(nama, args=args), _p(awalan, data), **lain)


def teks_pdf(isi: bytes) -> str:
    return " ".join(
        " ".join((h.extract_text() or "").split()) for h in PdfReader(BytesIO(isi)).pages
    )


def _iki(skp):
    with lingkup_instansi(skp.instansi_id):
        return skp.rhk.filter(jenis="utama").order_by("urutan").first().iki.order_by("urutan")[0]


def _rhk(skp):
    with lingkup_instansi(skp.instansi_id):
        return skp.rhk.filter(jenis="utama").order_by("urutan").first()


def _jumlah(instansi) -> tuple:
    with lingkup_instansi(instansi):
        return tuple(
            m.objects.count()
            for m in (
                TindakLanjut,
                BimbinganKinerja,
                UmpanBalikBimbingan,
                EvaluasiKompetensi,
                LaporanPerilakuKerja,
                PengambilalihanRHK,
                SKP,
            )
        )


DATA_COACHING = {
    "tanggal": "2026-03-13",
    "tempat": "Ruang rapat Seksi Rekayasa",
    "tujuan-jumlah": "1",
    "tujuan-0-baseline": "4 simpang",
    "tujuan-0-strategi": "Survei lapangan dua simpang per bulan",
    "fakta-jumlah": "1",
    "fakta-0-progres": "5 dari 12 simpang",
    "fakta-0-masalah": "Data volume kendaraan terlambat",
    "fakta-0-penyebab": "Alat hitung rusak",
    "peluang": "Memakai data kamera ATCS",
    "langkah-jumlah": "1",
    "langkah-0-strategi": "Ajukan akses data ATCS ke Bidang",
    "langkah-0-penyesuaian": "tidak",
}


def _data_coaching(skp, **lain):
    """B.1.6 as the page posts it: each table's rows under `<table>-<i>-`, counted by
    `<table>-jumlah`; every row names its indicator."""
    iki = _iki(skp).pk
    return {
        **DATA_COACHING,
        "tujuan-0-iki": iki,
        "fakta-0-iki": iki,
        "langkah-0-iki": iki,
        **lain,
    }


def _coaching(client, skp, **lain):
    return _kirim(client, "bimbingan_catat", [skp.pk, "coaching"], _data_coaching(skp, **lain))


DATA_MENTORING = {
    "tanggal": "2026-03-12",
    "tempat": "Dinas Perhubungan",
    "bentuk": ["shadowing", "hands_on"],
    "tujuan-jumlah": "1",
    "tujuan-0-keahlian": "Analisis simpang bersinyal",
    "tujuan-0-jangka_waktu": "3 bulan",
    "tujuan-0-perubahan": "Mampu menyusun rekomendasi sinyal sendiri",
    "tujuan-0-ukuran": "Dua rekomendasi diterima pimpinan",
    "jurnal-jumlah": "1",
    "jurnal-0-waktu_tempat": "12 Maret 2026, simpang Bulak Kapal",
    "jurnal-0-materi": "Penghitungan waktu siklus",
    "jurnal-0-rencana_aksi": "Menghitung siklus simpang Juanda",
    "jurnal-0-target_waktu": "April 2026",
}

DATA_LAPORAN = {
    "tanggal": "2026-03-16",
    "dikomunikasikan_pada": "2026-02-20",
    "punya_ekspektasi_khusus": "ya",
    "ekspektasi_khusus": "Hadir tepat waktu pada rapat koordinasi",
    "permasalahan": "Tiga kali tidak hadir rapat koordinasi simpang tanpa kabar",
    "serupa_pegawai_lain": "tidak",
    "retrospektif": "Menegur langsung dan memberi umpan balik tertulis",
    "bukti_umpan_balik": "Umpan balik tertulis 5 dan 19 Februari 2026",
}


def _b18():
    return {f"k{n}": f"Jawaban kriteria {n}" for n in range(1, 10)}


def _b19():
    from umpanbalik.tindak_lanjut import KODE_KOMPETENSI

    data = {f"nilai_{k}": "3" for k in KODE_KOMPETENSI}
    data.update(
        {
            "alasan_integritas": "Jujur dalam melaporkan progres",
            "nilai_komunikasi": "2",
            "teknis_nama": "Rekayasa lalu lintas",
            "teknis_nilai": "4",
            "teknis_alasan": "Menguasai perhitungan kapasitas simpang",
            "rekomendasi": "Diikutkan pelatihan manajemen lalu lintas",
        }
    )
    return data


# --- The whole coaching flow, with its formats ---------------------------------------------


def test_coaching_dicatat_ditandatangani_umpan_balik_dan_evaluasi_kompetensi(client, tim):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    halaman = client.get(reverse("tindak_lanjut", args=[skp.pk]))
    assert halaman.status_code == 200
    assert "Coaching (format B.1.6)" in halaman.content.decode()
    resp = _coaching(client, skp)
    assert resp.status_code == 302, resp.content.decode()[:3000]
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
        assert b.isi["fakta"][0]["progres"] == "5 dari 12 simpang"
        assert b.isi["tujuan"][0]["target"] == "12 simpang"
        assert b.ditandatangani_pegawai_pada is None
        kabar = Pemberitahuan.objects.get(penerima=org.staf)
        assert "Tandatangani catatan coaching" in kabar.judul
        assert kabar.tautan.endswith(f"#bimbingan-{b.pk}")

    # The employee sees it on her home page and on the page, signs, then fills B.1.8.
    client.force_login(tim["pemilik"])
    beranda = client.get(reverse("beranda")).content.decode()
    assert "Tandatangani catatan coaching (format B.1.6)" in beranda
    teks = client.get(reverse("tindak_lanjut", args=[skp.pk])).content.decode()
    assert "Data volume kendaraan terlambat" in teks and "Tandatangani B.1.6" in teks
    # B.1.8 before signing: refused, nothing stored.
    resp = _kirim(client, "umpan_balik_bimbingan_isi", [skp.pk, b.pk], _b18())
    assert resp.status_code == 422 and "Tandatangani dulu" in resp.content.decode()
    resp = client.post(reverse("bimbingan_tandatangani", args=[skp.pk, b.pk]))
    assert resp.status_code == 302
    # Incomplete B.1.8: message, nothing stored.
    kurang = {**_b18(), "k9": " "}
    resp = _kirim(client, "umpan_balik_bimbingan_isi", [skp.pk, b.pk], kurang)
    assert resp.status_code == 422 and "setiap kriteria" in resp.content.decode()
    assert _jumlah(org.instansi)[2] == 0
    resp = _kirim(client, "umpan_balik_bimbingan_isi", [skp.pk, b.pk], _b18())
    assert resp.status_code == 302
    # A second B.1.8 for the same session is refused.
    resp = _kirim(client, "umpan_balik_bimbingan_isi", [skp.pk, b.pk], _b18())
    assert resp.status_code == 422 and "sudah diisi" in resp.content.decode()
    with lingkup_instansi(org.instansi):
        # Handed to the atasan of the pimpinan (L5865-5869).
        assert Pemberitahuan.objects.filter(
            penerima=org.kabid, kunci=f"bimbingan-{b.pk}-b18-atasan"
        ).exists()

    # The pimpinan evaluates competencies (B.1.9); the atasan is told.
    client.force_login(tim["penilai"])
    tanpa_nilai = {**_b19(), "nilai_integritas": ""}
    resp = _kirim(client, "evaluasi_kompetensi_isi", [skp.pk, b.pk], tanpa_nilai)
    assert resp.status_code == 422 and "Beri nilai 1 sampai 5" in resp.content.decode()
    resp = _kirim(client, "evaluasi_kompetensi_isi", [skp.pk, b.pk], _b19())
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        e = EvaluasiKompetensi.objects.get()
        assert e.nilai["komunikasi"]["nilai"] == 2
        assert e.teknis == [
            {
                "nama": "Rekayasa lalu lintas",
                "nilai": 4,
                "alasan": "Menguasai perhitungan kapasitas simpang",
            }
        ]
        assert Pemberitahuan.objects.filter(kunci=f"bimbingan-{b.pk}-b19-atasan").exists()
        # Each signed format archived once.
        assert sorted(ArsipDokumen.objects.values_list("jenis", flat=True)) == [
            "B.1.6",
            "B.1.8",
            "B.1.9",
        ]

    # Read back every format from its PDF, as the atasan opens them.
    client.force_login(tim["atasan"])
    b16 = teks_pdf(client.get(reverse("bimbingan_pdf", args=[skp.pk, b.pk])).content)
    for bagian in (
        "PELAKSANAAN COACHING",
        "PERIODE PENILAIAN",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "TUJUAN: APA YANG INGIN SAYA CAPAI?",
        "BASELINE TARGET (JIKA ADA)",
        "STRATEGI PENCAPAIAN TARGET",
        "Survei lapangan dua simpang per bulan",
        "FAKTA: DIMANA SAYA SEKARANG?",
        "PROGRES PENCAPAIAN TARGET",
        "5 dari 12 simpang",
        "Alat hitung rusak",
        "PELUANG: APA YANG DAPAT SAYA LAKUKAN?",
        "Memakai data kamera ATCS",
        "LANGKAH KEDEPAN",
        "Ajukan akses data ATCS ke Bidang",
        "TIDAK",
        "Jika diperlukan penyesuaian indikator/ target kinerja maka dilakukan perubahan SKP",
        "Pegawai yang Dinilai",
        "Pimpinan/ Pihak Lain yang Diberikan Penugasan Khusus",
        org.staf.nip,
        "Teguh",
    ):
        assert bagian in b16, bagian
    b18 = teks_pdf(client.get(reverse("umpan_balik_bimbingan_pdf", args=[skp.pk, b.pk])).content)
    for bagian in (
        "UMPAN BALIK PELAKSANAAN BIMBINGAN KINERJA",
        "SUBJEK",
        "KRITERIA",
        "TENTANG PEGAWAI",
        "1. Saya merasa diperhatikan dan dipahami",
        "6. Lebih banyak menggunakan metode bertanya dibandingkan menggurui",
        "9. Saya memahami maksud dan tujuan kegiatan bimbingan kinerja ini",
        "Jawaban kriteria 1",
        "Jawaban kriteria 9",
        "Pegawai yang Dinilai",
    ):
        assert bagian in b18, bagian
    assert "PERIODE PENILAIAN" not in b18  # B.1.8 has no period header (L5875-5898)
    b19 = teks_pdf(client.get(reverse("evaluasi_kompetensi_pdf", args=[skp.pk, b.pk])).content)
    for bagian in (
        "EVALUASI KOMPETENSI PEGAWAI",
        "SEBAGAI TINDAK LANJUT BIMBINGAN KINERJA",
        "KOMPETENSI PEGAWAI*",
        "NILAI (SKALA 1-5)",
        "ALASAN TERHADAP PENILAIAN KOMPETENSI",
        "Manajerial",
        "1. Integritas 3 Jujur dalam melaporkan progres",
        "3. Komunikasi 2",
        "8. Pengambilan Keputusan",
        "Sosio Kultural",
        "Perekat dan Pemersatu Bangsa",
        "Teknis",
        "Rekayasa lalu lintas 4 Menguasai perhitungan kapasitas simpang",
        "REKOMENDASI",
        "Diikutkan pelatihan manajemen lalu lintas",
        "DESKRIPSI SKALA PENILAIAN",
        "Diatas Memadai",
        "Pimpinan atau Pihak Lain yang Diberikan Penugasan Khusus",
    ):
        assert bagian in b19, bagian


def test_mentoring_oleh_pihak_lain_dibaca_dari_pdf(client, tim):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    data = {
        **DATA_MENTORING,
        "pihak_lain_nama": "Ir. Bambang Widjojo",
        "pihak_lain_nip": "196901011990031001",
        "pihak_lain_jabatan": "Widyaiswara Ahli Utama",
    }
    resp = _kirim(client, "bimbingan_catat", [skp.pk, "mentoring"], data)
    assert resp.status_code == 302, resp.content.decode()[:2000]
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
    isi = client.get(reverse("bimbingan_pdf", args=[skp.pk, b.pk])).content
    teks = teks_pdf(isi)
    for bagian in (
        "PELAKSANAAN MENTORING",
        "TUJUAN: APA YANG INGIN SAYA CAPAI DENGAN MENTORING?",
        "KEAHLIAN/ KETERAMPILAN SPESIFIK YANG AKAN DIKEMBANGKAN",
        "JANGKA WAKTU MENTORING",
        "Analisis simpang bersinyal",
        "3 bulan",
        "UKURAN KEBERHASILAN MENTORING",
        "Dua rekomendasi diterima pimpinan",
        "JURNAL MENTORING",
        "WAKTU DAN TEMPAT",
        "MATERI MENTORING",
        "Penghitungan waktu siklus",
        "TARGET WAKTU RENCANA AKSI",
        "April 2026",
        "Shadowing Events, Hands-on-training",
        "Ir. Bambang Widjojo",
        "196901011990031001",
        "DRAF",  # not yet co-signed by the employee
    ):
        assert bagian in teks, bagian
    # Without a form of mentoring: refused with a message, nothing stored.
    resp = _kirim(
        client, "bimbingan_catat", [skp.pk, "mentoring"], {**DATA_MENTORING, "bentuk": []}
    )
    assert resp.status_code == 422 and "Pilih bentuk kegiatan mentoring" in resp.content.decode()
    assert _jumlah(org.instansi)[1] == 1


def test_laporan_perilaku_kerja_dan_konseling(client, tim):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    # Reported before telling the employee: refused (L6180-6186).
    resp = _kirim(
        client,
        "laporan_perilaku_buat",
        [skp.pk],
        {**DATA_LAPORAN, "dikomunikasikan_pada": ""},
    )
    assert resp.status_code == 422 and "wajib menyampaikannya" in resp.content.decode()
    resp = _kirim(
        client,
        "laporan_perilaku_buat",
        [skp.pk],
        {**DATA_LAPORAN, "dikomunikasikan_pada": "2026-03-17"},
    )
    assert resp.status_code == 422
    assert _jumlah(org.instansi)[4] == 0
    resp = _kirim(client, "laporan_perilaku_buat", [skp.pk], DATA_LAPORAN)
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        laporan = LaporanPerilakuKerja.objects.get()
        # Sent to the unit kepegawaian (the agency admins), nobody else.
        kepada = Pemberitahuan.objects.filter(kunci__startswith=f"laporan-perilaku-{laporan.pk}-")
        assert [k.penerima.pengguna_id for k in kepada] == [tim["admin"].pk]
    teks = teks_pdf(client.get(reverse("laporan_perilaku_pdf", args=[skp.pk, laporan.pk])).content)
    for bagian in (
        "LAPORAN PERMASALAHAN PERILAKU KERJA",
        "MASALAH: APA PERMASALAHAN PERILAKU KERJA PEGAWAI DIDASARKAN PADA NILAI DASAR ASN?",
        "(diisi oleh pejabat penilai kinerja)",
        "APAKAH ANDA MEMILIKI EKSPEKTASI KHUSUS TERHADAP YANG BERSANGKUTAN?",
        "YA. Hadir tepat waktu pada rapat koordinasi",
        "JELASKAN SECARA DETIL PERMASALAHAN",
        "Tiga kali tidak hadir rapat koordinasi simpang tanpa kabar",
        "APAKAH PERMASALAHAN PERILAKU KERJA SERUPA JUGA TERJADI PADA PEGAWAI LAINNYA? TIDAK",
        "RETROSPEKTIF: APA YANG SUDAH ANDA LAKUKAN UNTUK PERBAIKAN PERILAKU KERJA PEGAWAI?",
        "YANG SUDAH SAYA LAKUKAN UNTUK MEMPERBAIKI PERILAKU KERJA PEGAWAI ADALAH:",
        "Menegur langsung dan memberi umpan balik tertulis",
        "Umpan balik tertulis 5 dan 19 Februari 2026",
        "20 Februari 2026",
        "Pejabat Penilai Kinerja",
        org.kasi.nip,
    ):
        assert bagian in teks, bagian
    assert "PERIODE PENILAIAN" not in teks

    # The unit kepegawaian sees it waiting and records the counselling.
    client.force_login(tim["admin"])
    assert "Tetapkan dan catat konseling kinerja" in client.get(reverse("beranda")).content.decode()
    args = [skp.pk, laporan.pk]
    resp = _kirim(
        client,
        "konseling_catat",
        args,
        {"jenis_konselor": "independen", "konselor": "", "hasil": "x"},
    )
    assert resp.status_code == 422 and "nama konselornya" in resp.content.decode()
    resp = _kirim(
        client,
        "konseling_catat",
        args,
        {
            "jenis_konselor": "independen",
            "konselor": "Dra. Rina Psikolog",
            "tanggal_konseling": "2026-03-16",
            "hasil": "Pegawai bersedia hadir tepat waktu; dipantau dua bulan.",
        },
    )
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        laporan.refresh_from_db()
        assert laporan.konselor == "Dra. Rina Psikolog"
    # The employee cannot record the counselling of her own report.
    client.force_login(tim["pemilik"])
    resp = _kirim(client, "konseling_catat", args, {"jenis_konselor": "penilai"})
    assert resp.status_code in (403, 422)


# --- Who may record what ----------------------------------------------------------------------


@pytest.mark.parametrize("siapa", ["pemilik", "lain", "atasan", "admin"])
def test_selain_pimpinan_tidak_dapat_mencatat_dan_tidak_ada_yang_berubah(client, tim, siapa):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim[siapa])
    sebelum = _jumlah(org.instansi)
    tanggal = {"tanggal": "2026-03-16"}
    kiriman = [
        ("tindak_lanjut_catat", [skp.pk], {"jenis": "apresiasi", "uraian": "Bagus", **tanggal}),
        ("bimbingan_catat", [skp.pk, "coaching"], _data_coaching(skp)),
        ("bimbingan_catat", [skp.pk, "mentoring"], DATA_MENTORING),
        ("laporan_perilaku_buat", [skp.pk], DATA_LAPORAN),
        ("ambil_alih_rhk", [skp.pk], {"rhk": _rhk(skp).pk, "catatan": "x" * 40, **tanggal}),
    ]
    for nama, args, data in kiriman:
        resp = _kirim(client, nama, args, data)
        # Another employee cannot even see the SKP (404); the employee, the atasan and
        # the unit kepegawaian see it but are refused (403).
        assert resp.status_code == (404 if siapa == "lain" else 403), (nama, resp.status_code)
    assert _jumlah(org.instansi) == sebelum


def test_instansi_lain_tidak_melihat_dan_tidak_mengubah(client, tim, admin_b, pegawai_b):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    _coaching(client, skp)
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
    for pengguna in (pegawai_b, admin_b):
        client.force_login(pengguna)
        sebelum = _jumlah(org.instansi)
        assert client.get(reverse("tindak_lanjut", args=[skp.pk])).status_code == 404
        assert client.get(reverse("bimbingan_pdf", args=[skp.pk, b.pk])).status_code == 404
        resp = _kirim(
            client,
            "tindak_lanjut_catat",
            [skp.pk],
            {"jenis": "apresiasi", "uraian": "x", "tanggal": "2026-03-16"},
        )
        assert resp.status_code == 404
        assert (
            client.post(reverse("bimbingan_tandatangani", args=[skp.pk, b.pk])).status_code == 404
        )
        assert _jumlah(org.instansi) == sebelum
    with lingkup_instansi(org.instansi):
        assert BimbinganKinerja.objects.get().ditandatangani_pegawai_pada is None


def test_bimbingan_dari_skp_lain_tidak_terjangkau_lewat_skp_sendiri(client, tim):
    """An object of another SKP addressed through one's own SKP URL is 404."""
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    _coaching(client, skp)
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
        org.staf2 = org.orang("Rina")
        from organisasi.models import Penempatan

        Penempatan.objects.create(
            pegawai=org.staf2, jabatan=org.jabatan_staf2, mulai=date(2026, 1, 2)
        )
    skp2 = skp_contoh(org, pegawai=org.staf2, status="ditandatangani")
    rina = akun(org, org.staf2, "rina")
    client.force_login(rina)
    assert client.post(reverse("bimbingan_tandatangani", args=[skp2.pk, b.pk])).status_code == 404
    assert client.get(reverse("bimbingan_pdf", args=[skp2.pk, b.pk])).status_code == 404


def test_penandatangan_bimbingan_hanya_pegawainya(client, tim):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    _coaching(client, skp)
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
    for siapa in ("penilai", "atasan", "admin"):
        client.force_login(tim[siapa])
        assert (
            client.post(reverse("bimbingan_tandatangani", args=[skp.pk, b.pk])).status_code == 403
        )
        resp = _kirim(client, "umpan_balik_bimbingan_isi", [skp.pk, b.pk], _b18())
        assert resp.status_code == 403
    client.force_login(tim["pemilik"])
    resp = _kirim(client, "evaluasi_kompetensi_isi", [skp.pk, b.pk], _b19())
    assert resp.status_code == 403
    assert _jumlah(org.instansi)[2:4] == (0, 0)


# --- Penyesuaian ekspektasi opens a new SKP version (skp's service) -------------------------


def test_penyesuaian_ekspektasi_membuka_versi_baru_skp(client, tim):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    resp = _kirim(
        client,
        "tindak_lanjut_catat",
        [skp.pk],
        {
            "jenis": "penyesuaian_ekspektasi",
            "tanggal": "2026-03-16",
            "uraian": "Target simpang diturunkan menjadi 10 karena anggaran dipotong",
        },
    )
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        t = TindakLanjut.objects.get()
        baru = SKP.objects.get(pendahulu=skp)
        assert t.skp_perubahan == baru and baru.versi == 2 and baru.status == "draf"
        assert "Penyesuaian ekspektasi" in baru.alasan_perubahan
        kabar = Pemberitahuan.objects.get(kunci=f"tindak-lanjut-{t.pk}")
        assert kabar.tautan == reverse("skp_detail", args=[baru.pk])
    # A second adjustment while the change is open: refused, nothing new.
    sebelum = _jumlah(org.instansi)
    resp = _kirim(
        client,
        "tindak_lanjut_catat",
        [skp.pk],
        {"jenis": "penyesuaian_ekspektasi", "tanggal": "2026-03-16", "uraian": "Lagi"},
    )
    assert resp.status_code == 422 and "sudah dibuat" in resp.content.decode()
    assert _jumlah(org.instansi) == sebelum
    # The employee is told what to do next on her page.
    client.force_login(tim["pemilik"])
    assert (
        "Sesuaikan perubahan SKP Anda (versi 2)"
        in client.get(reverse("tindak_lanjut", args=[skp.pk])).content.decode()
    )


def test_penyesuaian_ekspektasi_pada_skp_belum_ditandatangani_ditolak(client, instansi_a):
    org = Org(instansi_a)
    skp = skp_contoh(org, status="ditetapkan")
    client.force_login(akun(org, org.kasi, "teguh"))
    resp = _kirim(
        client,
        "tindak_lanjut_catat",
        [skp.pk],
        {"jenis": "penyesuaian_ekspektasi", "tanggal": "2026-03-16", "uraian": "Turunkan"},
    )
    assert resp.status_code == 422 and "sudah ditandatangani pegawai" in resp.content.decode()
    with lingkup_instansi(instansi_a):
        assert not TindakLanjut.objects.exists() and SKP.objects.count() == 1
    # Appreciation needs no change of SKP.
    resp = _kirim(
        client,
        "tindak_lanjut_catat",
        [skp.pk],
        {"jenis": "apresiasi", "tanggal": "2026-03-16", "uraian": "Survei selesai lebih awal"},
    )
    assert resp.status_code == 302


def test_tanggal_mendatang_dan_uraian_kosong_ditolak(client, tim):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    args = [skp.pk]
    resp = _kirim(
        client,
        "tindak_lanjut_catat",
        args,
        {"jenis": "apresiasi", "tanggal": "2026-03-17", "uraian": "x"},
    )
    assert resp.status_code == 422 and "setelah hari ini" in resp.content.decode()
    resp = _kirim(
        client,
        "tindak_lanjut_catat",
        args,
        {"jenis": "apresiasi", "tanggal": "2026-03-16", "uraian": " "},
    )
    assert resp.status_code == 422 and "Uraikan tindak lanjut" in resp.content.decode()
    assert _jumlah(org.instansi)[0] == 0


# --- Takeover -----------------------------------------------------------------------------------


def test_ambil_alih_butuh_tindak_lanjut_dan_catatan_lalu_tampil_di_evaluasi(client, tim):
    skp, org = tim["skp"], tim["org"]
    rhk = _rhk(skp)
    client.force_login(tim["penilai"])
    args = [skp.pk]
    catatan = "Pegawai tidak dapat menyelesaikan rekayasa simpang meski sudah dibimbing."
    # Before any Pasal 20(3) follow-up: refused (an appreciation does not count).
    _kirim(
        client,
        "tindak_lanjut_catat",
        [skp.pk],
        {"jenis": "apresiasi", "tanggal": "2026-03-02", "uraian": "Laporan Januari baik"},
    )
    resp = _kirim(
        client, "ambil_alih_rhk", args, {"rhk": rhk.pk, "tanggal": "2026-03-16", "catatan": catatan}
    )
    assert resp.status_code == 422 and "Pasal 20 ayat (6)" in resp.content.decode()
    assert _jumlah(org.instansi)[5] == 0
    # After a coaching: the note is still mandatory.
    _coaching(client, skp)
    for kosong in ("", "   ", "Tidak selesai"):
        resp = _kirim(
            client,
            "ambil_alih_rhk",
            args,
            {"rhk": rhk.pk, "tanggal": "2026-03-16", "catatan": kosong},
        )
        assert resp.status_code == 422, kosong
        assert "Catatan" in resp.content.decode()
    assert _jumlah(org.instansi)[5] == 0
    resp = _kirim(
        client, "ambil_alih_rhk", args, {"rhk": rhk.pk, "tanggal": "2026-03-16", "catatan": catatan}
    )
    assert resp.status_code == 302
    resp = _kirim(
        client, "ambil_alih_rhk", args, {"rhk": rhk.pk, "tanggal": "2026-03-16", "catatan": catatan}
    )
    assert resp.status_code == 422  # once per RHK (it is no longer offered either)
    with lingkup_instansi(org.instansi):
        p = PengambilalihanRHK.objects.get()
        assert p.diambil_alih_oleh == org.kasi
        # Audited: who took it over, and why.
        jejak = p.history.get()
        assert jejak.history_user_id == tim["penilai"].pk
        assert jejak.history_change_reason == "Rencana hasil kerja diambil alih pimpinan"
        assert Pemberitahuan.objects.filter(penerima=org.staf, kunci=f"ambil-alih-{p.pk}").exists()
        # The selector for evaluasi: in March and in the annual evaluation, not in February.
        maret = Periode(2026, Jenis.BULANAN, 3)

        def catatan_sampai(p):
            return [x.catatan for x in sel.pengambilalihan_skp([skp], p.akhir)[skp.pk]]

        assert catatan_sampai(maret) == [catatan]
        assert catatan_sampai(Periode(2026, Jenis.BULANAN, 2)) == []
        assert catatan_sampai(Periode(2026, Jenis.TAHUNAN, 0)) == [catatan]
        # It reaches the rater's team data for the evaluation.
        baris = eval_selectors.tim_penilai(org.kasi.pk, maret)
        assert [a.catatan for a in baris[0].ambil_alih] == [catatan]
    # And the evaluation page row shows it.
    with time_machine.travel(datetime(2026, 4, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        client.force_login(tim["penilai"])  # a new day, a new session
        resp = client.get(reverse("evaluasi_tim_kini"))  # the period just ended
    assert resp.status_code == 200, resp.status_code
    teks = resp.content.decode()
    assert "RHK diambil alih pimpinan" in teks and catatan in teks


def test_ambil_alih_setelah_versi_baru_tetap_terbaca_evaluasi(client, tim):
    """Records belong to every version of the SKP: a takeover recorded on the version in
    force is read when evaluating with any version of it."""
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    _kirim(
        client,
        "tindak_lanjut_catat",
        [skp.pk],
        {"jenis": "penyesuaian_sumber_daya", "tanggal": "2026-03-10", "uraian": "Tambah surveyor"},
    )
    catatan = "Pegawai tidak dapat menyelesaikan survei kepuasan pengguna jalan tepat waktu."
    with lingkup_instansi(org.instansi):
        rhk2 = skp.rhk.get(jenis="tambahan")
    resp = _kirim(
        client,
        "ambil_alih_rhk",
        [skp.pk],
        {"rhk": rhk2.pk, "tanggal": "2026-03-16", "catatan": catatan},
    )
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        hasil = sel.pengambilalihan_skp([skp], date(2026, 12, 31))
        assert [p.catatan for p in hasil[skp.pk]] == [catatan]


def test_halaman_pegawai_menampilkan_rekaman_dan_yang_harus_dilakukan(client, tim):
    skp = tim["skp"]
    client.force_login(tim["penilai"])
    _coaching(client, skp)
    client.force_login(tim["pemilik"])
    teks = client.get(reverse("tindak_lanjut", args=[skp.pk])).content.decode()
    assert "Yang perlu Anda lakukan" in teks
    assert "Periksa dan tandatangani catatan coaching" in teks
    assert "Catat tindak lanjut" not in teks  # no recording forms for the employee
    # From the documentation page both reach it.
    assert (
        reverse("tindak_lanjut", args=[skp.pk])
        in client.get(reverse("dokumentasi", args=[skp.pk])).content.decode()
    )


def test_htmx_mengembalikan_isi_halaman_dengan_galat(client, tim):
    skp = tim["skp"]
    client.force_login(tim["penilai"])
    resp = _kirim(
        client,
        "tindak_lanjut_catat",
        [skp.pk],
        {"jenis": "apresiasi", "tanggal": "2026-03-16", "uraian": ""},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "<html" not in teks and "Uraikan tindak lanjut" in teks
    resp = _kirim(
        client,
        "tindak_lanjut_catat",
        [skp.pk],
        {"jenis": "apresiasi", "tanggal": "2026-03-16", "uraian": "Rapi dan cepat"},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 200 and "Rapi dan cepat" in resp.content.decode()
    assert "Apresiasi tercatat" in resp.content.decode()


def test_jumlah_kueri_halaman_tetap_berapa_pun_rekamannya(client, tim):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    skp, org = tim["skp"], tim["org"]

    def tambah(n):
        with lingkup_instansi(org.instansi):
            rhk = _rhk(skp)
            for i in range(n):
                TindakLanjut.objects.create(
                    skp=skp, rhk=rhk, jenis="apresiasi", tanggal=date(2026, 3, 2),
                    uraian=f"Apresiasi {i}", dicatat_oleh=org.kasi,
                )  # fmt: skip
                b = BimbinganKinerja.objects.create(
                    skp=skp, metode="coaching", tanggal=date(2026, 3, 2), tempat="R",
                    isi={"tujuan": [], "fakta": [], "langkah": [], "peluang": "p"},
                    dicatat_oleh=org.kasi,
                )  # fmt: skip
                UmpanBalikBimbingan.objects.create(
                    bimbingan=b, jawaban=["x"] * 9, tanggal=date(2026, 3, 2), diisi_oleh=org.staf
                )
                laporan = LaporanPerilakuKerja.objects.create(
                    skp=skp, tanggal=date(2026, 3, 2), permasalahan="p", retrospektif="r",
                    dikomunikasikan_pada=date(2026, 3, 1), bukti_umpan_balik="b",
                    dicatat_oleh=org.kasi,
                )  # fmt: skip
                # The report cites feedback entries (offered in the form too).
                ub = UmpanBalik.objects.create(
                    skp=skp, pegawai=org.staf, periode=2, jenis_periode="bulanan",
                    sumber="penilai", sifat="berkala", cara="langsung", rhk=rhk,
                    arah="negatif", teks=f"Umpan balik {i}", pemberi=org.kasi,
                    nama_pemberi="Teguh",
                )  # fmt: skip
                BuktiLaporanPerilaku.objects.create(laporan=laporan, umpan_balik=ub)

    # The feedback links are insert-only: records only grow, each role measured at both.
    jumlah = {}
    for n in (5, 50):
        tambah(n if n == 5 else 45)
        for siapa in ("penilai", "pemilik"):
            client.force_login(tim[siapa])
            with CaptureQueriesContext(connection) as q:
                assert client.get(reverse("tindak_lanjut", args=[skp.pk])).status_code == 200
            jumlah[(siapa, n)] = len(q)
    assert jumlah[("penilai", 5)] == jumlah[("penilai", 50)], jumlah
    assert jumlah[("pemilik", 5)] == jumlah[("pemilik", 50)], jumlah


def test_coaching_yang_menyepakati_penyesuaian_target_membuka_perubahan_skp(client, tim):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    resp = _coaching(client, skp, **{"langkah-0-penyesuaian": "ya"})
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
        baru = SKP.objects.get(pendahulu=skp)
        assert b.skp_perubahan == baru and b.isi["langkah"][0]["penyesuaian"] is True
        assert "hasil coaching" in baru.alasan_perubahan
    # While that change is open a second one cannot be opened; nothing is half-saved.
    sebelum = _jumlah(org.instansi)
    resp = _coaching(client, skp, **{"langkah-0-penyesuaian": "ya"})
    assert resp.status_code == 422 and "sudah dibuat" in resp.content.decode()
    assert _jumlah(org.instansi) == sebelum


# --- Several rows per table in B.1.6 / B.1.7 --------------------------------------------------


def _iki_kedua(skp):
    with lingkup_instansi(skp.instansi_id):
        return [k for r in skp.rhk.order_by("jenis", "urutan") for k in r.iki.order_by("urutan")][1]


def test_coaching_beberapa_baris_tersimpan_tampil_dan_terbaca_dari_pdf(client, tim):
    skp, org = tim["skp"], tim["org"]
    iki2 = _iki_kedua(skp)
    client.force_login(tim["penilai"])
    url = reverse("tindak_lanjut", args=[skp.pk])
    # "Tambah baris" posts the form back with one more row, what was typed kept; nothing
    # is saved (the same as htmx, which sends the clicked button).
    resp = _coaching(client, skp, aksi="tambah:fakta", **{"fakta-0-masalah": "Ketik dulu"})
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert 'name="coaching-fakta-1-progres"' in teks and "Ketik dulu" in teks
    assert 'name="coaching-fakta-jumlah" value="2"' in teks
    assert _jumlah(org.instansi)[1] == 0
    # "Hapus baris" removes that row and shifts the rest.
    dua = {
        "fakta-jumlah": "2",
        "fakta-1-iki": iki2.pk,
        "fakta-1-progres": "Baris kedua",
        "fakta-1-masalah": "m",
        "fakta-1-penyebab": "p",
    }
    data = _data_coaching(skp, aksi="hapus:fakta:0", **dua)
    resp = _kirim(client, "bimbingan_catat", [skp.pk, "coaching"], data, HTTP_HX_REQUEST="true")
    teks = resp.content.decode()
    assert resp.status_code == 200 and "<html" not in teks
    assert 'name="coaching-fakta-jumlah" value="1"' in teks
    assert "Baris kedua" in teks and "5 dari 12 simpang" not in teks
    assert _jumlah(org.instansi)[1] == 0

    # A second row partly filled: refused, the message names the row, nothing stored.
    kurang = {**dua, "fakta-1-penyebab": ""}
    resp = _coaching(client, skp, **kurang)
    assert resp.status_code == 422
    assert "Baris 2: Isi fakta" in resp.content.decode()
    assert _jumlah(org.instansi)[1] == 0
    # An empty extra row is left out; two full rows in each table are stored.
    semua = {
        **dua,
        "tujuan-jumlah": "3",
        "tujuan-1-iki": iki2.pk,
        "tujuan-1-strategi": "Pendampingan tim survei kedua",
        "tujuan-2-strategi": "",
        "langkah-jumlah": "2",
        "langkah-1-iki": iki2.pk,
        "langkah-1-strategi": "Minta tambahan surveyor",
        "langkah-1-penyesuaian": "tidak",
    }
    resp = _coaching(client, skp, **semua)
    assert resp.status_code == 302, resp.content.decode()[:3000]
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
    assert [len(b.isi[t]) for t in ("tujuan", "fakta", "langkah")] == [2, 2, 2]
    assert b.isi["tujuan"][1]["target"] == iki2.target
    assert b.isi["fakta"][1]["progres"] == "Baris kedua"
    # The follow-up page shows every row; so does the PDF.
    teks = client.get(url).content.decode()
    for bagian in ("Pendampingan tim survei kedua", "Baris kedua", "Minta tambahan surveyor"):
        assert bagian in teks, bagian
    pdf = teks_pdf(client.get(reverse("bimbingan_pdf", args=[skp.pk, b.pk])).content)
    for bagian in (
        "Survei lapangan dua simpang per bulan",
        "Pendampingan tim survei kedua",
        "5 dari 12 simpang",
        "Baris kedua",
        "Ajukan akses data ATCS ke Bidang",
        "Minta tambahan surveyor",
    ):
        assert bagian in pdf, bagian


def test_mentoring_beberapa_baris_jurnal(client, tim):
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    data = {
        **DATA_MENTORING,
        "jurnal-jumlah": "2",
        "jurnal-1-waktu_tempat": "26 Maret 2026, Dinas Perhubungan",
        "jurnal-1-materi": "Membaca data volume ATCS",
        "jurnal-1-rencana_aksi": "Rekap volume simpang Juanda",
        "jurnal-1-target_waktu": "Mei 2026",
    }
    resp = _kirim(
        client, "bimbingan_catat", [skp.pk, "mentoring"], {**data, "aksi": "tambah:jurnal"}
    )
    assert 'name="mentoring-jurnal-2-materi"' in resp.content.decode()
    resp = _kirim(client, "bimbingan_catat", [skp.pk, "mentoring"], data)
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
    assert [j["materi"] for j in b.isi["jurnal"]] == [
        "Penghitungan waktu siklus",
        "Membaca data volume ATCS",
    ]
    pdf = teks_pdf(client.get(reverse("bimbingan_pdf", args=[skp.pk, b.pk])).content)
    assert "Penghitungan waktu siklus" in pdf and "Membaca data volume ATCS" in pdf
    assert "Mei 2026" in pdf


def test_bimbingan_yang_ditandatangani_tidak_berubah(client, tim):
    """Once the employee signed, the record and its archived B.1.6 stay as signed: a new
    session is a new record, a second signature is refused."""
    skp, org = tim["skp"], tim["org"]
    client.force_login(tim["penilai"])
    _coaching(client, skp)
    with lingkup_instansi(org.instansi):
        b = BimbinganKinerja.objects.get()
    client.force_login(tim["pemilik"])
    client.post(reverse("bimbingan_tandatangani", args=[skp.pk, b.pk]))
    with lingkup_instansi(org.instansi):
        b.refresh_from_db()
        isi, ttd = b.isi, b.ditandatangani_pegawai_pada
        arsip = ArsipDokumen.objects.get(jenis="B.1.6")
    pdf = client.get(reverse("bimbingan_pdf", args=[skp.pk, b.pk])).content
    assert ttd is not None and "DRAF" not in teks_pdf(pdf)
    resp = client.post(reverse("bimbingan_tandatangani", args=[skp.pk, b.pk]), follow=True)
    assert "sudah Anda tandatangani" in resp.content.decode()
    client.force_login(tim["penilai"])
    resp = _coaching(
        client, skp, **{"fakta-0-progres": "Sesi berikutnya", "tujuan-jumlah": "2",
                        "tujuan-1-iki": _iki(skp).pk, "tujuan-1-strategi": "Lain"}
    )  # fmt: skip
    assert resp.status_code == 302
    with lingkup_instansi(org.instansi):
        b.refresh_from_db()
        assert (b.isi, b.ditandatangani_pegawai_pada) == (isi, ttd)
        assert BimbinganKinerja.objects.count() == 2
        assert ArsipDokumen.objects.filter(jenis="B.1.6").count() == 1
    assert client.get(reverse("bimbingan_pdf", args=[skp.pk, b.pk])).content == pdf
    assert "Sesi berikutnya" not in teks_pdf(pdf)
    with lingkup_instansi(org.instansi):
        assert ArsipDokumen.objects.get(jenis="B.1.6").pk == arsip.pk


# --- B.1.10 cites the employee's feedback entries -------------------------------------------


def _umpan_balik(skp, pegawai, pemberi, teks, **lain):
    with lingkup_instansi(skp.instansi_id):
        return UmpanBalik.objects.create(
            skp=skp, pegawai=pegawai, periode=2, jenis_periode="bulanan", sumber="penilai",
            sifat="berkala", cara="langsung", rhk=_rhk(skp), arah="negatif", teks=teks,
            pemberi=pemberi, nama_pemberi=pemberi.nama, **lain,
        )  # fmt: skip


def _jumlah_bukti(instansi):
    from umpanbalik.models import BuktiLaporanPerilaku

    with lingkup_instansi(instansi):
        return LaporanPerilakuKerja.objects.count(), BuktiLaporanPerilaku.objects.count()


def test_laporan_b110_memilih_umpan_balik_pegawai_sebagai_bukti(client, tim):
    skp, org = tim["skp"], tim["org"]
    with time_machine.travel(datetime(2026, 2, 5, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        ub1 = _umpan_balik(skp, org.staf, org.kasi, "Tidak hadir rapat koordinasi simpang 4 Feb.")
    with time_machine.travel(datetime(2026, 2, 19, 9, tzinfo=ZoneInfo("Asia/Jakarta"))):
        ub2 = _umpan_balik(skp, org.staf, org.kasi, "Kembali tidak hadir rapat tanpa kabar.")
    client.force_login(tim["penilai"])
    halaman = client.get(reverse("tindak_lanjut", args=[skp.pk])).content.decode()
    assert "Tidak hadir rapat koordinasi simpang 4 Feb." in halaman  # offered in the form
    # Feedback given after the report's date is no evidence for it: refused.
    resp = _kirim(
        client,
        "laporan_perilaku_buat",
        [skp.pk],
        {
            **DATA_LAPORAN,
            "tanggal": "2026-02-10",
            "dikomunikasikan_pada": "2026-02-06",
            "umpan_balik": [ub1.pk, ub2.pk],
        },
    )
    assert resp.status_code == 422 and "sebelum tanggal laporan" in resp.content.decode()
    # Nothing picked and no text: refused, nothing stored.
    resp = _kirim(
        client, "laporan_perilaku_buat", [skp.pk], {**DATA_LAPORAN, "bukti_umpan_balik": ""}
    )
    assert resp.status_code == 422 and "Pilih umpan balik berkelanjutan" in resp.content.decode()
    assert _jumlah_bukti(org.instansi) == (0, 0)
    resp = _kirim(
        client,
        "laporan_perilaku_buat",
        [skp.pk],
        {**DATA_LAPORAN, "bukti_umpan_balik": "", "umpan_balik": [ub1.pk, ub2.pk]},
    )
    assert resp.status_code == 302, resp.content.decode()[:2000]
    with lingkup_instansi(org.instansi):
        laporan = LaporanPerilakuKerja.objects.get()
        assert sorted(laporan.umpan_balik.values_list("pk", flat=True)) == [ub1.pk, ub2.pk]
    # Shown on the follow-up page (to the employee too) and listed in the B.1.10 PDF.
    client.force_login(tim["pemilik"])
    teks = client.get(reverse("tindak_lanjut", args=[skp.pk])).content.decode()
    assert "Kembali tidak hadir rapat tanpa kabar." in teks and "05-02-2026" in teks
    pdf = teks_pdf(client.get(reverse("laporan_perilaku_pdf", args=[skp.pk, laporan.pk])).content)
    for bagian in (
        "BUKTI PEMBERIAN UMPAN BALIK BERKELANJUTAN",
        "5 Februari 2026",
        "19 Februari 2026",
        "Pejabat penilai kinerja",
        "Tidak hadir rapat koordinasi simpang 4 Feb.",
        "Kembali tidak hadir rapat tanpa kabar.",
    ):
        assert bagian in pdf, bagian


def test_laporan_b110_menolak_umpan_balik_pegawai_lain_dan_instansi_lain(client, tim, instansi_b):
    from organisasi.models import Penempatan
    from umpanbalik import services_tindak_lanjut as services

    skp, org = tim["skp"], tim["org"]
    sendiri = _umpan_balik(skp, org.staf, org.kasi, "Umpan balik untuk Dedi.")
    # Another employee of the same agency, rated by the same pimpinan.
    with lingkup_instansi(org.instansi):
        rina = org.orang("Rina")
        Penempatan.objects.create(pegawai=rina, jabatan=org.jabatan_staf2, mulai=date(2026, 1, 2))
    skp_rina = skp_contoh(org, pegawai=rina, status="ditandatangani")
    lain = _umpan_balik(skp_rina, rina, org.kasi, "Umpan balik untuk Rina.")
    # Another agency's feedback entry.
    org_b = Org(instansi_b)
    skp_b = skp_contoh(org_b, status="ditandatangani")
    asing = _umpan_balik(skp_b, org_b.staf, org_b.kasi, "Umpan balik instansi B.")
    client.force_login(tim["penilai"])
    teks = client.get(reverse("tindak_lanjut", args=[skp.pk])).content.decode()
    assert "Umpan balik untuk Dedi." in teks
    assert "Umpan balik untuk Rina." not in teks and "Umpan balik instansi B." not in teks
    for pk in (lain.pk, asing.pk, 987654321):
        resp = _kirim(
            client,
            "laporan_perilaku_buat",
            [skp.pk],
            {**DATA_LAPORAN, "umpan_balik": [sendiri.pk, pk]},
        )
        assert resp.status_code == 422, pk
        assert _jumlah_bukti(org.instansi) == (0, 0)
    # The service refuses them too, whoever calls it (not only the form's choices).
    with lingkup_instansi(org.instansi):
        for pk in (lain.pk, asing.pk):
            with pytest.raises(ValidationError) as galat:
                services.laporan_perilaku_buat(
                    pengguna=tim["penilai"],
                    skp=skp,
                    tanggal=date(2026, 3, 16),
                    dikomunikasikan_pada=date(2026, 2, 20),
                    punya_ekspektasi_khusus=False,
                    ekspektasi_khusus="",
                    permasalahan="p",
                    serupa_pegawai_lain=False,
                    retrospektif="r",
                    bukti_umpan_balik="",
                    umpan_balik=[pk],
                )
            assert "tidak ditemukan" in str(galat.value)
    assert _jumlah_bukti(org.instansi) == (0, 0)
    with lingkup_instansi(instansi_b):
        assert LaporanPerilakuKerja.objects.count() == 0
