"""Evaluation documents: C.1.1/C.1.2/C.1.3 and D.1.1/D.1.2 read back from their PDFs
(field for field, national and Bekasi labels), the archive of a signed evaluation (bytes
never change, a later signature archives a new version), the QR code that leads to the
public verification page, that page (genuine, changed, unknown; nothing beyond the
header), and who may download what.

Signed evaluations are made by setting their fields directly: the signing services are
built elsewhere and call `arsipkan_evaluasi` after each signature."""

from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
from datetime import date, datetime
from io import BytesIO
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.utils import InternalError, ProgrammingError
from pypdf import PdfReader

from evaluasi import dokumen, selectors
from evaluasi.models import CapaianOrganisasiUnit, EvaluasiKinerja
from organisasi import verifikasi
from organisasi.models import ArsipDokumen, PengaturanInstansi
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from skp.perilaku import PERILAKU
from tests.factories import Org, akun, skp_contoh
from umpanbalik.models import BuktiDukung, Realisasi

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
CATATAN = "Pertahankan ketelitian rekayasa; ikuti diklat manajemen lalu lintas."


def teks_pdf(isi: bytes) -> str:
    assert isi.startswith(b"%PDF-")
    halaman = PdfReader(BytesIO(isi)).pages
    return " ".join(" ".join((h.extract_text() or "").split()) for h in halaman)


def ada_semua(teks: str, harapan) -> None:
    hilang = [h for h in harapan if " ".join(h.split()) not in teks]
    assert not hilang, f"Tidak ada di PDF: {hilang}"


def _evaluasi(org, skp, pegawai, *, status="d11_ditandatangani", penilai=None, atasan=None,
              **lain) -> EvaluasiKinerja:  # fmt: skip
    nilai = {
        "rating_hasil_kerja": "diatas",
        "rating_perilaku_kerja": "sesuai",
        "predikat": "baik",
        "catatan": CATATAN,
        "ditandatangani_pada": datetime(2026, 2, 5, 9, 0, tzinfo=WIB),
        **lain,
    }
    if status in ("draf", "diambil_alih"):
        nilai["ditandatangani_pada"] = lain.get("ditandatangani_pada")
    with lingkup_instansi(org.instansi):
        return EvaluasiKinerja.objects.create(
            pegawai=pegawai,
            skp=skp,
            tahun=2026,
            periode_jenis="bulanan",
            periode_nomor=1,
            penilai=penilai or skp.penilai,
            atasan_penilai=atasan if atasan is not None else skp.atasan_penilai,
            status=status,
            **nilai,
        )


def _capaian(org, unit, capaian="butuh_perbaikan"):
    with lingkup_instansi(org.instansi):
        CapaianOrganisasiUnit.objects.create(
            unit=unit, tahun=2026, periode_jenis="bulanan", periode_nomor=1, capaian=capaian,
            ditetapkan_pada=date(2026, 2, 2),
        )  # fmt: skip


@pytest.fixture
def org(instansi_a):
    org = Org(instansi_a)
    with lingkup_instansi(instansi_a):
        p = pengaturan_instansi()
        p.periode_evaluasi = "bulanan"
        p.tempat_dokumen = "Bekasi"
        p.save()
    org.skp = skp_contoh(org, status="ditandatangani")
    org.akun_kasi = akun(org, org.kasi, "teguh")
    org.akun_kabid = akun(org, org.kabid, "sari")
    org.akun_staf = akun(org, org.staf, "dedi")
    org.akun_kasi2 = akun(org, org.kasi2, "wulan")
    _capaian(org, org.seksi)
    # January's realisation with its evidence (documented monthly), and one of February
    # that a January evaluation does not print.
    with lingkup_instansi(instansi_a):
        iki = list(org.skp.rhk.get(urutan=1, jenis="utama").iki.order_by("urutan"))
        org.iki = iki
        r = Realisasi.objects.create(
            skp=org.skp, iki=iki[0], periode=1, jenis_periode="bulanan", jenis="progres",
            uraian="3 simpang selesai direkayasa", dicatat_oleh=org.staf,
        )  # fmt: skip
        BuktiDukung.objects.create(
            realisasi=r, nama="laporan-simpang-januari.pdf", isi=b"%PDF-1.4", ukuran=8,
            diunggah_oleh=org.staf,
        )  # fmt: skip
        Realisasi.objects.create(
            skp=org.skp, iki=iki[0], periode=2, jenis_periode="bulanan", jenis="progres",
            uraian="Februari: 6 simpang", dicatat_oleh=org.staf,
        )  # fmt: skip
    return org


@pytest.fixture
def umpan_balik(org, monkeypatch):
    """Feedback of the period as the umpanbalik hook returns it: one on an indicator, one
    on a behaviour value."""
    butir = [
        SimpleNamespace(iki_id=org.iki[0].pk, perilaku="", teks="Rekayasa simpang rapi (atasan)"),
        SimpleNamespace(iki_id=None, perilaku="kolaboratif", teks="Aktif berbagi data (rekan)"),
    ]
    monkeypatch.setattr(
        selectors,
        "pelaksanaan_periode",
        lambda skp_ids, p: {i: selectors.Pelaksanaan(umpan_balik=butir) for i in skp_ids},
    )
    return butir


def _simpan_contoh(nama: str, isi: bytes) -> None:
    """KINERJA_CONTOH_PDF=dir keeps each rendered PDF for a look (not needed to pass)."""
    import os

    tujuan = os.environ.get("KINERJA_CONTOH_PDF")
    if tujuan:
        with open(os.path.join(tujuan, f"{nama}.pdf"), "wb") as f:
            f.write(isi)


def _pdf_c(org, e) -> str:
    with lingkup_instansi(org.instansi):
        isi = dokumen.pdf_hasil(e)
    _simpan_contoh(f"c-{e.pk}", isi)
    return teks_pdf(isi)


def _pdf_d(org, e) -> str:
    with lingkup_instansi(org.instansi):
        isi = dokumen.pdf_dokumen(e)
    _simpan_contoh(f"d-{e.pk}", isi)
    return teks_pdf(isi)


# --- C.1.x ------------------------------------------------------------------------------


def test_c_1_3_dibaca_kembali_kolom_demi_kolom(org, umpan_balik):
    """000:8003-8237: JA/JF quantitative, eight columns, the curve of the unit's capaian,
    January's realisation and feedback, ratings, predikat, the rater's signature."""
    e = _evaluasi(org, org.skp, org.staf)
    teks = _pdf_c(org, e)
    ada_semua(teks, [
        "HASIL EVALUASI KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL", "PERIODE***: JANUARI",
        "KOTA UJI A", "PERIODE PENILAIAN: 2 JANUARI SD 31 DESEMBER TAHUN 2026",
        "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", "PANGKAT/ GOL. RUANG",
        "Dedi", org.staf.nip, "Teguh", org.kasi.nip, "Kepala Seksi Rekayasa",
        "CAPAIAN KINERJA ORGANISASI*", "BUTUH PERBAIKAN", "POLA DISTRIBUSI",
        "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI "
        "BUTUH PERBAIKAN",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
        "INDIKATOR KINERJA INDIVIDU", "TARGET", "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        "(1) (2) (3) (4) (5) (6) (7) (8)", "A. UTAMA", "B. TAMBAHAN",
        "Meningkatnya kelancaran lalu lintas kota",
        "Tersusunnya rekayasa lalu lintas simpang padat", "Jumlah simpang yang direkayasa",
        "12 simpang", "Januari 2026 (progres): 3 simpang selesai direkayasa",
        "Rekayasa simpang rapi (atasan)",
        "Terlaksananya survei kepuasan pengguna jalan",
        "RATING HASIL KERJA* DIATAS EKSPEKTASI", "PERILAKU KERJA",
        "Ekspektasi Khusus Pimpinan:", "Aktif berbagi data dengan seksi lain",
        "Aktif berbagi data (rekan)", "RATING PERILAKU KERJA* SESUAI EKSPEKTASI",
        "PREDIKAT KINERJA PEGAWAI* BAIK", "Bekasi, 5 Februari 2026", "Pejabat Penilai Kinerja",
        dokumen.CATATAN_PILIH, dokumen.CATATAN_POLA, dokumen.CATATAN_PERIODE_C,
    ])  # fmt: skip
    for n in PERILAKU:
        ada_semua(teks, [n.label, *n.panduan])
    # The evidence's name may wrap at its hyphen.
    assert "Buktidukung:laporan-simpang-januari.pdf" in teks.replace(" ", "")
    # February's realisation is another period's; the notes belong on D.1.1 only.
    assert "Februari: 6 simpang" not in teks
    assert CATATAN not in teks
    assert dokumen.CATATAN_PERSPEKTIF not in teks  # C.1.1 only


def test_c_1_1_kualitatif_dengan_catatan_perspektif(org):
    skp = skp_contoh(org, pegawai=org.kasi2, pendekatan="kualitatif", status="ditandatangani")
    e = _evaluasi(org, skp, org.kasi2, rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai")
    teks = _pdf_c(org, e)
    ada_semua(teks, [
        "HASIL EVALUASI KINERJA PEGAWAI PENDEKATAN HASIL KERJA KUALITATIF",
        "NIP (*opsional)", "HASIL KERJA", "REALISASI BERDASARKAN BUKTI DUKUNG",
        "Ukuran Keberhasilan/ Indikator Kinerja Individu, Target, dan Perspektif****:",
        "Jumlah simpang yang direkayasa, target: 12 simpang",
        "RATING HASIL KERJA* SESUAI EKSPEKTASI", dokumen.CATATAN_PERSPEKTIF,
    ])  # fmt: skip
    assert "BAGI PEJABAT" not in teks  # C.1.1 serves every post (000:7643-7650)


def test_c_1_2_jpt_tujuh_kolom_penilai_instansi(org):
    skp = skp_contoh(org, pegawai=org.kadis, status="ditandatangani")
    e = _evaluasi(org, skp, org.kadis, rating_hasil_kerja="dibawah", rating_perilaku_kerja="diatas",
                  predikat="butuh_perbaikan")  # fmt: skip
    teks = _pdf_c(org, e)
    ada_semua(teks, [
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
        "NIP (*opsional)", "INSTANSI", "PERSPEKTIF", "(1) (2) (3) (4) (5) (6) (7)",
        "RATING HASIL KERJA* DIBAWAH EKSPEKTASI", "RATING PERILAKU KERJA* DIATAS EKSPEKTASI",
        "PREDIKAT KINERJA PEGAWAI* BUTUH PERBAIKAN",
    ])  # fmt: skip
    assert "(8)" not in teks
    # The Kepala Bidang leads no unit with a capaian for January: said, not invented.
    assert "BELUM DITETAPKAN" in teks


def test_pola_distribusi_mengikuti_capaian_unit_penilai(org):
    with lingkup_instansi(org.instansi):
        CapaianOrganisasiUnit.objects.filter(unit=org.seksi).update(capaian="istimewa")
    teks = _pdf_c(org, _evaluasi(org, org.skp, org.staf))
    ada_semua(teks, ["CAPAIAN KINERJA ORGANISASI* ISTIMEWA",
                     "DENGAN CAPAIAN KINERJA ORGANISASI ISTIMEWA"])  # fmt: skip
    pola = dokumen.pola_distribusi(dokumen.distribusi.CapaianOrganisasi.ISTIMEWA)
    # The regulation's axis: Sangat Kurang on the left, Sangat Baik (the peak here) right.
    assert [x["baris"] for x in pola["label"]][0] == ("Sangat", "Kurang")
    puncak = min(pola["titik"], key=lambda t: t["y"])  # SVG y grows downwards
    assert puncak["predikat"] == "sangat_baik" and pola["titik"][-1] is puncak
    baik = dokumen.pola_distribusi(dokumen.distribusi.CapaianOrganisasi.BAIK)
    assert min(baik["titik"], key=lambda t: t["y"])["predikat"] == "baik"


# --- D.1.x ------------------------------------------------------------------------------


def test_d_1_1_bidang_satu_sampai_tujuh(org):
    e = _evaluasi(org, org.skp, org.staf, status="d11_diserahkan")
    teks = _pdf_d(org, e)
    ada_semua(teks, [
        "DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE*: JANUARI", "KOTA UJI A",
        "PERIODE PENILAIAN: 2 JANUARI SD 31 DESEMBER TAHUN 2026",
        "1. PEGAWAI YANG DINILAI", "NAMA : Dedi", f"NIP : {org.staf.nip}",
        "PANGKAT/GOL RUANG : Penata Muda, III/a", "JABATAN : Pengelola Rekayasa",
        "UNIT KERJA : Seksi Rekayasa", "2. PEJABAT PENILAI KINERJA", "NAMA : Teguh",
        "JABATAN : Kepala Seksi Rekayasa", "3. ATASAN PEJABAT PENILAI KINERJA",
        "NAMA : Sari", "JABATAN : Kepala Bidang Lalu Lintas", "4. EVALUASI KINERJA",
        "CAPAIAN KINERJA ORGANISASI : BUTUH PERBAIKAN", "PREDIKAT KINERJA PEGAWAI : BAIK",
        "5. CATATAN/REKOMENDASI", CATATAN, "7. Pegawai yang Dinilai",
        "6. Pejabat Penilai Kinerja", "Bekasi, 5 Februari 2026",
        "Ditandatangani pada 5 Februari 2026", dokumen.CATATAN_PERIODE_D,
        dokumen.CATATAN_PILIH_D,
        # its attachment
        "HASIL EVALUASI KINERJA PEGAWAI",
    ])  # fmt: skip
    assert "Atasan Pejabat Penilai Kinerja" not in teks.split("HASIL EVALUASI")[0]
    assert "Kode verifikasi" not in teks  # a preview has no key; only the archive does


def test_d_1_2_ditandatangani_atasan(org):
    e = _evaluasi(org, org.skp, org.staf, status="d12_ditandatangani",
                  diambil_alih_pada=datetime(2026, 2, 16, 8, tzinfo=WIB),
                  ditandatangani_pada=datetime(2026, 2, 20, 10, tzinfo=WIB))  # fmt: skip
    assert dokumen.format_d(e) == "D.1.2"
    teks = _pdf_d(org, e)
    halaman_d = teks.split("HASIL EVALUASI")[0]
    ada_semua(halaman_d, ["6. Atasan Pejabat Penilai Kinerja", "7. Pegawai yang Dinilai",
                          "Ditandatangani pada 20 Februari 2026", "Sari"])  # fmt: skip
    # The C attachment is signed by who evaluated: the atasan.
    assert "Atasan Pejabat Penilai Kinerja" in teks.split("HASIL EVALUASI")[1]
    # A reported case keeps its path.
    with lingkup_instansi(org.instansi):
        EvaluasiKinerja.objects.filter(pk=e.pk).update(status="dilaporkan")
        e.refresh_from_db()
    assert dokumen.format_d(e) == "D.1.2"


def test_penilai_lain_dari_skp_dicetak_dari_penempatannya(org):
    """A rater other than the SKP's (a transfer, 000:6470-6482) is printed as who she is."""
    e = _evaluasi(org, org.skp, org.staf, penilai=org.kasi2)
    teks = _pdf_d(org, e)
    ada_semua(teks.split("HASIL EVALUASI")[0], ["NAMA : Wulan", "JABATAN : Kepala Seksi Angkutan"])


def test_label_katalog_perwal_bekasi(org):
    """Perwal Bekasi 38/2023 Formats 3/4 (003:935-1225), as frozen in the SKP's identity."""
    with lingkup_instansi(org.instansi):
        PengaturanInstansi.objects.update(katalog_format="perwal_bekasi")
    skp = skp_contoh(org, pegawai=org.kasi2, status="ditandatangani")
    e = _evaluasi(org, skp, org.kasi2)
    teks = _pdf_d(org, e)
    d, c = teks.split("EVALUASI KINERJA PEGAWAI PENDEKATAN")
    ada_semua(d, ["DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE: JANUARI",
                  "PANGKAT/GOL. RUANG : Penata Muda, III/a"])  # fmt: skip
    ada_semua(c, ["HASIL KERJA KUANTITATIF BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
                  "RATING HASIL KERJA* DI ATAS EKSPEKTASI", "5 INSTANSI"])  # fmt: skip
    assert "HASIL EVALUASI KINERJA PEGAWAI" not in teks
    assert dokumen.CATATAN_POLA not in teks and "PERIODE*" not in d

    skp = skp_contoh(org, pegawai=org.kabid, pendekatan="kualitatif", status="ditandatangani")
    c = _pdf_c(org, _evaluasi(org, skp, org.kabid))
    ada_semua(c, ["EVALUASI KINERJA PEGAWAI PENDEKATAN HASIL KERJA KUALITATIF BAGI PEJABAT "
                  "ADMINISTRASI DAN PEJABAT FUNGSIONAL",
                  "Ukuran keberhasilan/ indikator kinerja individu dan Target:"])  # fmt: skip
    assert "NIP (*opsional)" not in c


def test_isi_d1_dipakai_bersama_dan_diperluas_d13(org):
    """D.1.3 prints the same fields 1-5 and adds 6-8 after them (000:8561-8618)."""
    import re

    from django.template.loader import render_to_string

    e = _evaluasi(org, org.skp, org.staf)
    with lingkup_instansi(org.instansi):
        k = dokumen.konteks_d1(e)
        k["bidang_tambahan"] = [
            {"nomor": 6, "judul": "KEBERATAN", "isi": "Realisasi Januari belum dihitung"},
            {"nomor": 7, "judul": "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", "isi": ""},
        ]
        html = render_to_string("evaluasi/dokumen/_d1_isi.html", k)
    teks = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    ada_semua(teks, ["1. PEGAWAI YANG DINILAI", "5. CATATAN/REKOMENDASI", CATATAN,
                     "6. KEBERATAN Realisasi Januari belum dihitung",
                     "7. PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN -"])  # fmt: skip
    assert teks.index(CATATAN) < teks.index("6. KEBERATAN")


def test_draf_bertanda_draf(org):
    e = _evaluasi(org, org.skp, org.staf, status="draf")
    assert "DRAF" in _pdf_d(org, e)


# --- Archive and QR ---------------------------------------------------------------------


def _arsipkan(org, e, pengguna=None):
    with lingkup_instansi(org.instansi):
        return dokumen.arsipkan_evaluasi(e, pengguna or org.akun_kasi)


def _qr_dari_pdf(isi: bytes, tmp_path) -> str:
    # .ci/run installs both (zbar-tools, poppler-utils): the QR is read, not assumed.
    assert shutil.which("zbarimg") and shutil.which("pdftoppm"), "zbar-tools/poppler-utils"
    (tmp_path / "d.pdf").write_bytes(isi)
    subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png",
                    str(tmp_path / "d.pdf"), str(tmp_path / "hal")], check=True)  # fmt: skip
    png = sorted(tmp_path.glob("hal*.png"))[0]  # the D page, the document's first
    keluar = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    return keluar.stdout.strip()


def test_arsip_membawa_qr_ke_halaman_verifikasi(org, tmp_path, settings):
    settings.ALAMAT_SITUS = "https://kinerja.bekasikota.go.id"
    e = _evaluasi(org, org.skp, org.staf)
    arsip = _arsipkan(org, e)
    url = f"https://kinerja.bekasikota.go.id/verifikasi/{arsip.token}/"
    assert verifikasi.POLA_TOKEN.match(arsip.token)
    assert arsip.token.startswith(f"{org.instansi.pk}-") and arsip.token != str(arsip.pk)
    isi = bytes(arsip.isi)
    _simpan_contoh("arsip", isi)
    assert arsip.sha256 == hashlib.sha256(isi).hexdigest()
    assert url in teks_pdf(isi).replace(" ", "")  # the address, for typing
    assert _qr_dari_pdf(isi, tmp_path) == url
    assert arsip.kepala["format"] == "D.1.1" and arsip.kepala["nip"] == org.staf.nip


def test_arsipkan_menolak_evaluasi_belum_ditandatangani(org):
    e = _evaluasi(org, org.skp, org.staf, status="draf")
    with pytest.raises(ValidationError):
        _arsipkan(org, e)
    with lingkup_instansi(org.instansi):
        assert not ArsipDokumen.objects.exists()


def test_tanda_tangan_pegawai_mengarsipkan_versi_baru_dan_yang_lama_tetap(org, client):
    e = _evaluasi(org, org.skp, org.staf)
    lama = _arsipkan(org, e)
    isi_lama = bytes(lama.isi)
    with lingkup_instansi(org.instansi):
        EvaluasiKinerja.objects.filter(pk=e.pk).update(
            status="d11_dikembalikan",
            diserahkan_pada=datetime(2026, 2, 6, 9, tzinfo=WIB),
            dikembalikan_pada=datetime(2026, 2, 10, 9, tzinfo=WIB),
        )
        e.refresh_from_db()
    baru = _arsipkan(org, e, org.akun_staf)
    assert baru.pk != lama.pk and baru.token != lama.token
    teks = teks_pdf(bytes(baru.isi))
    ada_semua(teks, ["Ditandatangani pada 5 Februari 2026", "Ditandatangani pada 10 Februari 2026"])
    with lingkup_instansi(org.instansi):
        lama.refresh_from_db()
        assert bytes(lama.isi) == isi_lama
        assert hashlib.sha256(isi_lama).hexdigest() == lama.sha256
    # The download serves the latest archive, byte for byte.
    client.force_login(org.akun_staf)
    r = client.get(f"/evaluasi/dokumen/{e.pk}/")
    assert r.status_code == 200 and r.content == bytes(baru.isi)
    assert r["X-Dokumen-SHA256"] == baru.sha256


def test_arsip_tidak_dapat_diubah(org):
    arsip = _arsipkan(org, _evaluasi(org, org.skp, org.staf))
    with (
        lingkup_instansi(org.instansi),
        pytest.raises((InternalError, ProgrammingError)),
        transaction.atomic(),
        connection.cursor() as cur,
    ):
        cur.execute("UPDATE organisasi_arsipdokumen SET token = 'x' WHERE id = %s", [arsip.pk])


def test_unduhan_yang_ditandatangani_tidak_dirender_ulang(org, client, monkeypatch):
    e = _evaluasi(org, org.skp, org.staf)
    arsip = _arsipkan(org, e)

    def jangan(*a, **k):
        raise AssertionError("dokumen yang ditandatangani dirender ulang")

    monkeypatch.setattr(dokumen, "render_pdf", jangan)
    client.force_login(org.akun_kasi)
    for url in (f"/evaluasi/dokumen/{e.pk}/", f"/evaluasi/dokumen/{e.pk}/hasil/?unduh=1"):
        r = client.get(url)
        assert r.status_code == 200 and r.content == bytes(arsip.isi)


def test_ditandatangani_tanpa_arsip_tidak_dicetak_baru(org, client):
    e = _evaluasi(org, org.skp, org.staf)
    client.force_login(org.akun_kasi)
    assert client.get(f"/evaluasi/dokumen/{e.pk}/").status_code == 404


# --- Verification page ------------------------------------------------------------------


def test_halaman_verifikasi_asli_tanpa_login_hanya_kepala(org, client):
    e = _evaluasi(org, org.skp, org.staf)
    arsip = _arsipkan(org, e)
    r = client.get(f"/verifikasi/{arsip.token}/")
    html = r.content.decode()
    assert r.status_code == 200
    for teks in ("Dokumen asli", "D.1.1", "DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE*: JANUARI",
                 "KOTA UJI A", "Dedi", org.staf.nip, "5 Februari 2026",
                 "D.1.1 ditandatangani pejabat penilai", arsip.sha256):  # fmt: skip
        assert teks in html, teks
    # Nothing beyond the header: not the rating, the predikat, the notes, the rater.
    for rahasia in (CATATAN, "Teguh", "Sari", "BAIK", "EKSPEKTASI", "Pengelola Rekayasa",
                    "simpang"):  # fmt: skip
        assert rahasia not in html, rahasia
    assert r["Cache-Control"] == "no-store" and "noindex" in r["X-Robots-Tag"]


def test_unggah_pdf_cocok_dan_yang_diubah_ditolak(org, client):
    arsip = _arsipkan(org, _evaluasi(org, org.skp, org.staf))
    isi = bytes(arsip.isi)
    url = f"/verifikasi/{arsip.token}/"
    r = client.post(url, {"berkas": SimpleUploadedFile("d.pdf", isi, "application/pdf")})
    assert r.status_code == 200 and "Cocok." in r.content.decode()
    diubah = isi.replace(b"BAIK", b"SANGAT BAIK", 1) if b"BAIK" in isi else isi + b"\n%ubah"
    diubah = diubah if diubah != isi else isi + b"\n%ubah"
    r = client.post(url, {"berkas": SimpleUploadedFile("d.pdf", diubah, "application/pdf")})
    html = r.content.decode()
    assert "Tidak cocok." in html and hashlib.sha256(diubah).hexdigest() in html
    r = client.post(url, {})
    assert "Pilih berkas PDF" in r.content.decode()
    # The archive is untouched by checking.
    with lingkup_instansi(org.instansi):
        assert ArsipDokumen.objects.get(pk=arsip.pk).sha256 == arsip.sha256


def test_versi_lama_dinyatakan_sudah_diganti(org, client):
    e = _evaluasi(org, org.skp, org.staf)
    lama = _arsipkan(org, e)
    with lingkup_instansi(org.instansi):
        EvaluasiKinerja.objects.filter(pk=e.pk).update(
            status="d11_dikembalikan", dikembalikan_pada=datetime(2026, 2, 10, tzinfo=WIB)
        )
        e.refresh_from_db()
    baru = _arsipkan(org, e)
    html = client.get(f"/verifikasi/{lama.token}/").content.decode()
    assert "Dokumen asli" in html and "Sudah ada versi yang lebih baru" in html
    assert "Status saat ini" in html and "D.1.1 ditandatangani pegawai" in html
    html = client.get(f"/verifikasi/{baru.token}/").content.decode()
    assert "Sudah ada versi yang lebih baru" not in html


def test_kode_tidak_dikenal_dan_instansi_lain(org, client, instansi_b):
    arsip = _arsipkan(org, _evaluasi(org, org.skp, org.staf))
    acak = arsip.token.split("-", 1)[1]
    for token in (f"{org.instansi.pk}-{'a' * 32}", f"{instansi_b.pk}-{acak}", acak,
                  str(arsip.pk), "0-" + acak, f"{org.instansi.pk}-{acak.upper()}"):  # fmt: skip
        r = client.get(f"/verifikasi/{token}/")
        assert r.status_code == 404, token
        assert "Dokumen tidak dikenal" in r.content.decode()
    r = client.post(f"/verifikasi/{org.instansi.pk}-{'b' * 32}/",
                    {"berkas": SimpleUploadedFile("d.pdf", bytes(arsip.isi))})  # fmt: skip
    assert r.status_code == 404 and "Cocok" not in r.content.decode()


def test_fuzz_kode_dan_unggahan_tidak_pernah_500(org, client):
    arsip = _arsipkan(org, _evaluasi(org, org.skp, org.staf))
    rng = random.Random(2026)
    abjad = "abcdefghijklmnopqrstuvwxyz234567-_.~%0123456789ABCZ"
    for _ in range(60):
        token = "".join(rng.choice(abjad) for _ in range(rng.randint(1, 80)))
        r = client.get(f"/verifikasi/{token}/")
        assert r.status_code in (404, 400), token
    for _ in range(15):
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 3000)))
        r = client.post(f"/verifikasi/{arsip.token}/",
                        {"berkas": SimpleUploadedFile("x.pdf", data)})  # fmt: skip
        assert r.status_code == 200 and "Tidak cocok." in r.content.decode()
    r = client.get(f"/verifikasi/{'9' * 18}-{'a' * 32}/")
    assert r.status_code == 404


# --- Access -----------------------------------------------------------------------------


def test_akses_unduhan(org, client, admin_a, pegawai_b):
    e = _evaluasi(org, org.skp, org.staf, status="draf")
    boleh = [org.akun_staf, org.akun_kasi, org.akun_kabid, admin_a]
    for pengguna in boleh:
        client.force_login(pengguna)
        for url in (f"/evaluasi/dokumen/{e.pk}/", f"/evaluasi/dokumen/{e.pk}/hasil/"):
            r = client.get(url)
            assert r.status_code == 200, (pengguna, url)
            assert r.content.startswith(b"%PDF-") and r["Cache-Control"] == "private, no-store"
    for pengguna in (org.akun_kasi2, pegawai_b):
        client.force_login(pengguna)
        for url in (f"/evaluasi/dokumen/{e.pk}/", f"/evaluasi/dokumen/{e.pk}/hasil/"):
            assert client.get(url).status_code == 404, (pengguna, url)
    client.logout()
    r = client.get(f"/evaluasi/dokumen/{e.pk}/")
    assert r.status_code == 302 and "/masuk/" in r["Location"]


def test_halaman_penilai_menautkan_pdf(org, client):
    e = _evaluasi(org, org.skp, org.staf, status="draf")
    client.force_login(org.akun_kasi)
    html = client.get("/evaluasi/2026-bulanan-1/").content.decode()
    assert f'href="/evaluasi/dokumen/{e.pk}/"' in html
    assert f'href="/evaluasi/dokumen/{e.pk}/hasil/"' in html
    with lingkup_instansi(org.instansi):
        EvaluasiKinerja.objects.filter(pk=e.pk).update(status="d11_ditandatangani")
    html = client.get("/evaluasi/2026-bulanan-1/").content.decode()
    # Signed: one document, the archived D.1.1 with its C.1.x attached.
    assert f'href="/evaluasi/dokumen/{e.pk}/"' in html
    assert f'href="/evaluasi/dokumen/{e.pk}/hasil/"' not in html


def test_arsip_mencetak_evaluasi_seperti_yang_diberikan(org):
    """The signing service may archive before or after saving the signature: the
    document prints the evaluation object it is given."""
    e = _evaluasi(org, org.skp, org.staf, status="draf")
    e.status = "d11_ditandatangani"
    e.ditandatangani_pada = datetime(2026, 2, 9, 10, tzinfo=WIB)
    teks = teks_pdf(bytes(_arsipkan(org, e).isi))
    assert "Ditandatangani pada 9 Februari 2026" in teks and "DRAF" not in teks
