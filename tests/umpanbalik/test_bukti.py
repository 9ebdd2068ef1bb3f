"""Upload rules (umpanbalik.bukti): judged by content, size-limited, names made harmless,
images reduced and stripped of metadata such as GPS location."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from umpanbalik import bukti


def _jpeg_dengan_gps(lebar=4000, tinggi=3000) -> bytes:
    gambar = Image.new("RGB", (lebar, tinggi), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "S", 2: (6.0, 14.0, 30.0), 3: "E", 4: (106.0, 59.0, 10.0)}  # GPS IFD
    keluar = io.BytesIO()
    gambar.save(keluar, "JPEG", exif=exif, quality=70)
    return keluar.getvalue()


def _docx(dengan_makro=False) -> bytes:
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        if dengan_makro:
            z.writestr("word/vbaProject.bin", b"\x00")
    return keluar.getvalue()


def _unggah(nama, isi, jenis="application/octet-stream"):
    return SimpleUploadedFile(nama, isi, content_type=jenis)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_pdf_diterima_menurut_isinya_bukan_namanya():
    siap = bukti.siapkan(_unggah("laporan.txt", PDF, "text/plain"))
    assert siap.jenis_isi == "application/pdf"
    assert siap.nama == "laporan.pdf"


@pytest.mark.parametrize(
    "nama,isi",
    [
        ("laporan.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100),  # Windows executable
        ("foto.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 100),  # Linux executable
        ("skrip.pdf", b"#!/bin/sh\nrm -rf /\n"),
        ("halaman.png", b"<html><script>alert(1)</script></html>"),
        ("arsip.docx", b"PK\x03\x04" + b"\x00" * 50),  # a broken zip
    ],
)
def test_berkas_yang_bukan_jenis_diterima_ditolak(nama, isi):
    with pytest.raises(ValidationError, match="Jenis berkas tidak diterima"):
        bukti.siapkan(_unggah(nama, isi))


def test_zip_biasa_dan_dokumen_bermakro_ditolak_docx_diterima():
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as z:
        z.writestr("program.exe", b"MZ")
    assert bukti.jenis_isi(keluar.getvalue()) is None
    assert bukti.jenis_isi(_docx(dengan_makro=True)) is None
    siap = bukti.siapkan(_unggah("notulen rapat.docx", _docx()))
    assert siap.nama == "notulen rapat.docx" and "wordprocessingml" in siap.jenis_isi


def test_dokumen_ole_lama_dikenali_dari_alirannya():
    kepala = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200
    assert bukti.jenis_isi(kepala + "Workbook".encode("utf-16-le")) == "xls"
    assert bukti.jenis_isi(kepala + "WordDocument".encode("utf-16-le")) == "doc"
    assert bukti.jenis_isi(kepala + b"anything else") is None


def test_berkas_terlalu_besar_ditolak():
    besar = PDF + b"0" * bukti.BATAS_UKURAN
    with pytest.raises(ValidationError, match="terlalu besar"):
        bukti.siapkan(_unggah("besar.pdf", besar))


def test_berkas_kosong_ditolak():
    with pytest.raises(ValidationError, match="kosong"):
        bukti.siapkan(_unggah("kosong.pdf", b""))


@pytest.mark.parametrize(
    "nama,hasil",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Windows\\system32\\a.pdf", "a.pdf"),
        ('<script>alert("x")</script>.pdf', "script.pdf"),
        ("laporan.exe", "laporan.pdf"),
        ("\x00\x1b[31m.pdf", "[31m.pdf"),
        ("<img src=x onerror=alert(1)>.png", "img src=x onerror=alert(1).pdf"),
        ("...", "bukti.pdf"),
    ],
)
def test_nama_berkas_dengan_path_atau_skrip_tidak_berbahaya(nama, hasil):
    aman = bukti.nama_aman(nama, "pdf")
    assert aman == hasil
    assert "/" not in aman and "\\" not in aman and "<" not in aman and ">" not in aman


def test_foto_ponsel_diperkecil_dan_metadata_lokasinya_dihapus():
    asli = _jpeg_dengan_gps()
    with Image.open(io.BytesIO(asli)) as g:
        assert g.getexif().get_ifd(0x8825)  # the original carries a location
    siap = bukti.siapkan(_unggah("IMG_0001.JPG", asli, "image/jpeg"))
    with Image.open(io.BytesIO(siap.isi)) as g:
        assert max(g.size) == bukti.SISI_GAMBAR_MAKS
        assert not g.getexif()
        assert "exif" not in g.info
    assert siap.jenis_isi == "image/jpeg" and siap.nama == "IMG_0001.jpg"
    assert b"PhoneMaker" not in siap.isi


def test_gambar_rusak_ditolak():
    with pytest.raises(ValidationError, match="Gambar rusak"):
        bukti.siapkan(_unggah("rusak.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc", "web"])
def test_tautan_hanya_http(url):
    with pytest.raises(ValidationError):
        bukti.periksa_tautan(url)
    assert (
        bukti.periksa_tautan(" https://drive.example.go.id/x ") == "https://drive.example.go.id/x"
    )
