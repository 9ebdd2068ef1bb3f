"""How the SKP documents print, beyond their fields: what people type in any script
reaches the PDF (shipped fallback fonts), tabular formats break across pages cleanly,
and the tenant's form catalogue decides the labels."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from organisasi.models import PengaturanInstansi
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from skp import dokumen
from skp.models import ButirLampiran, IndikatorKinerjaIndividu, RencanaHasilKerja
from tests.factories import Org, skp_contoh

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def pdf(skp, **kwargs) -> bytes:
    with lingkup_instansi(skp.instansi_id):
        return dokumen.pdf_skp(skp, **kwargs)


def teks_halaman(isi: bytes) -> list[str]:
    return [" ".join((h.extract_text() or "").split()) for h in PdfReader(BytesIO(isi)).pages]


def font_tertanam(isi: bytes) -> dict[str, set[int]]:
    """Embedded font -> the code points its ToUnicode CMap maps its glyphs to."""
    hasil: dict[str, set[int]] = {}
    for halaman in PdfReader(BytesIO(isi)).pages:
        for f in halaman["/Resources"]["/Font"].values():
            f = f.get_object()
            peta = f["/ToUnicode"].get_object().get_data().decode("latin-1")
            kode = hasil.setdefault(str(f["/BaseFont"]).split("+")[-1], set())
            for blok in re.findall(r"beginbfchar(.*?)endbfchar", peta, re.S):
                for _glyph, teks in re.findall(r"<(\w+)>\s*<(\w+)>", blok):
                    kode.update(map(ord, bytes.fromhex(teks).decode("utf-16-be")))
            for blok in re.findall(r"beginbfrange(.*?)endbfrange", peta, re.S):
                for awal, akhir, teks in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", blok):
                    mulai = ord(bytes.fromhex(teks).decode("utf-16-be")[0])
                    kode.update(range(mulai, mulai + int(akhir, 16) - int(awal, 16) + 1))
    return hasil


# --- Fallback fonts ----------------------------------------------------------------------

EMOJI = "👍🎉✅"
CJK = "中文測試 日本語かな 한국어"


def test_emoji_dan_cjk_tercetak_dengan_font_cadangan_yang_dikirim(org):
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        RencanaHasilKerja.objects.filter(skp=skp, urutan=1, jenis="utama").update(
            teks=f"Tersusunnya laporan {EMOJI} untuk mitra {CJK}"
        )
    isi = pdf(skp)
    fonts = font_tertanam(isi)
    # Each script is set in the shipped face that has it, not in an empty box (.notdef).
    assert {ord(c) for c in EMOJI} <= fonts.get("Dokumen-Emoji", set()), fonts.keys()
    assert {ord(c) for c in CJK if not c.isspace()} <= fonts.get("Dokumen-CJK", set())
    for nama_font in ("Dokumen-Emoji", "Dokumen-CJK"):
        for halaman in PdfReader(BytesIO(isi)).pages:
            for f in halaman["/Resources"]["/Font"].values():
                f = f.get_object()
                if str(f["/BaseFont"]).endswith(nama_font):
                    turunan = f["/DescendantFonts"][0].get_object()
                    deskriptor = turunan["/FontDescriptor"]
                    berkas = deskriptor.get("/FontFile2") or deskriptor.get("/FontFile3")
                    program = TTFont(BytesIO(berkas.get_object().get_data()))
                    assert len(program.getGlyphOrder()) > 2  # real outlines, not .notdef only
    teks = " ".join(teks_halaman(isi))
    assert EMOJI in teks.replace(" ", "")
    for kata in CJK.split():
        assert kata in teks


# --- Page breaks in the tabular formats --------------------------------------------------

KALIMAT = (
    "Terwujudnya layanan perizinan terpadu yang cepat, mudah, transparan dan akuntabel "
    "bagi seluruh pelaku usaha di wilayah kota melalui integrasi sistem daring"
)


def skp_panjang(org, *, pegawai=None, pendekatan="kuantitatif", utama=4, tambahan=1, iki=6):
    """An SKP whose hasil kerja runs over several pages, with RHK of many long IKI."""
    skp = skp_contoh(org, pegawai=pegawai, pendekatan=pendekatan, isi=False)
    with lingkup_instansi(org.instansi):
        for jenis, jumlah in (("utama", utama), ("tambahan", tambahan)):
            for n in range(1, jumlah + 1):
                rhk = RencanaHasilKerja.objects.create(
                    skp=skp,
                    jenis=jenis,
                    urutan=n,
                    teks=f"RHK {jenis} {n}: {KALIMAT}",
                    penugasan_dari="Kepala Dinas",
                    rhk_pimpinan_teks=f"Sasaran pimpinan {n}: {KALIMAT}",
                )
                for i in range(1, iki + 1):
                    IndikatorKinerjaIndividu.objects.create(
                        rhk=rhk,
                        urutan=i,
                        teks=f"Indikator {n}.{i} {jenis}: {KALIMAT}",
                        target=f"{i * 10} dokumen",
                        aspek=["kuantitas"],
                        perspektif="penerima_layanan",
                    )
    return skp


def _halaman_skp(isi: bytes) -> list[str]:
    """The pages of the SKP format itself (the Lampiran A.1.8 follows on its own pages)."""
    halaman = teks_halaman(isi)
    return [h for h in halaman if "LAMPIRAN SASARAN KINERJA PEGAWAI" not in h]


@pytest.mark.parametrize("jpt", [True, False], ids=["A.1.2", "A.1.7"])
def test_rhk_yang_melintasi_halaman_mengulang_nomornya(org, jpt):
    skp = skp_panjang(org, pegawai=org.kadis if jpt else None, utama=2, tambahan=1, iki=8)
    assert skp.format == ("A.1.2" if jpt else "A.1.7")
    halaman = _halaman_skp(pdf(skp))
    lanjutan = 0
    for teks in halaman:
        label = re.findall(r"IKI (\d+)\.(\d+)", teks)
        for nomor, urutan in label:
            # Every indicator row carries its RHK's number in column NO: the first row
            # before the RHK's texts, the others right before the indicator.
            awal = rf"(^| ){nomor} (Sasaran pimpinan \d+: |RHK \w+ \d+: )"
            lanjut = rf"(^| ){nomor} (Kuantitas )?IKI {nomor}\.{urutan} "
            assert re.search(awal if urutan == "1" else lanjut, teks), (nomor, urutan, teks)
        if label and label[0][1] != "1":
            lanjutan += 1  # this page starts inside an RHK
    assert lanjutan >= 2, "the long RHK must really cross pages in this test"
    # Nothing of an RHK spills below the table: each RHK's text is printed once, whole.
    teks_semua = " ".join(halaman)
    for n in (1, 2):
        assert teks_semua.count(f"RHK utama {n}: {KALIMAT}") == 1


@pytest.mark.parametrize("iki", [1, 2, 3, 4, 5])
def test_judul_bagian_tidak_sendirian_di_akhir_halaman(org, iki):
    """Whatever the lengths, "A. UTAMA" and "B. TAMBAHAN" share their page with the first
    RHK of their section, and the signatures share theirs with the last table rows."""
    skp = skp_panjang(org, pendekatan="kualitatif", utama=3, tambahan=2, iki=iki)
    halaman = _halaman_skp(pdf(skp))
    for judul, rhk_pertama in (("A. UTAMA", "RHK utama 1:"), ("B. TAMBAHAN", "RHK tambahan 1:")):
        tempat = [h for h in halaman if judul in h]
        assert len(tempat) == 1 and rhk_pertama in tempat[0], (judul, iki)
    ttd = [h for h in halaman if "Pegawai yang Dinilai" in h]
    assert len(ttd) == 1 and "Kolaboratif" in ttd[0], ttd


def test_tanda_tangan_lampiran_bersama_butir_terakhir(org):
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        for n in range(1, 40):
            ButirLampiran.objects.create(
                skp=skp, bagian="konsekuensi", urutan=10 + n, teks=f"Butir {n}: {KALIMAT}"
            )
    halaman = [h for h in teks_halaman(pdf(skp)) if "Pegawai yang Dinilai" in h]
    assert halaman and "Butir 39:" in halaman[-1]


# --- The tenant's form catalogue, A.1.8 jenis, the period line ----------------------------


def _atur(org, **nilai):
    with lingkup_instansi(org.instansi):
        PengaturanInstansi.objects.filter(pk=pengaturan_instansi().pk).update(**nilai)


def test_katalog_perwal_bekasi_format_4_atasan_dan_penugasan_di_kolom_3(org):
    _atur(org, katalog_format="perwal_bekasi")
    teks = " ".join(teks_halaman(pdf(skp_contoh(org))))
    assert "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI" in teks
    assert "PIMPINAN YANG DIINTERVENSI" not in teks
    assert (
        "Tersusunnya rekayasa lalu lintas simpang padat (penugasan dari Kepala Seksi Rekayasa)"
        in teks
    )
    assert "* Dalam hal rencana hasil kerja" not in teks
    assert "PERILAKU KERJA*" in teks and "PERILAKU KERJA**" not in teks


def test_katalog_nasional_tetap_pimpinan(org):
    teks = " ".join(teks_halaman(pdf(skp_contoh(org))))
    assert "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI*" in teks
    assert "ATASAN YANG DIINTERVENSI" not in teks
    assert "(penugasan dari Kepala Seksi Rekayasa)" not in teks
    assert "PERILAKU KERJA**" in teks


def test_katalog_dibekukan_di_identitas_skp(org):
    skp = skp_contoh(org)  # national when it was made
    _atur(org, katalog_format="perwal_bekasi")
    assert "PIMPINAN YANG DIINTERVENSI*" in " ".join(teks_halaman(pdf(skp)))


def test_lampiran_mencetak_jenis_setiap_butir(org):
    skp = skp_contoh(org, isi=False)
    with lingkup_instansi(org.instansi):
        ButirLampiran.objects.create(
            skp=skp, bagian="dukungan", jenis="anggaran", urutan=1, teks="Dana survei"
        )
        ButirLampiran.objects.create(skp=skp, bagian="dukungan", urutan=2, teks="Data lalu lintas")
        ButirLampiran.objects.create(
            skp=skp, bagian="konsekuensi", jenis="positif", urutan=1, teks="Penghargaan"
        )
    teks = " ".join(teks_halaman(pdf(skp)))
    assert "1. Anggaran: Dana survei" in teks
    assert "2. Data lalu lintas" in teks
    assert "1. Apabila memenuhi ekspektasi: Penghargaan" in teks


def test_baris_periode_tidak_patah_di_tengah_frasa(org):
    org.instansi.nama = "Pemerintah Kabupaten Contoh Dengan Nama Daerah Yang Panjang Sekali"
    org.instansi.save()
    isi = pdf(skp_contoh(org))
    baris = PdfReader(BytesIO(isi)).pages[0].extract_text().splitlines()
    baris = [" ".join(b.split()) for b in baris]
    assert "PERIODE PENILAIAN: 2 JANUARI SD 31 DESEMBER TAHUN 2026" in baris, baris[:12]
    assert org.instansi.nama.upper() in baris
