"""The agency's emblem on the dokumen evaluasi: D.1.1, D.1.2 and D.1.3 open with
"(LAMBANG GARUDA)" (000:8307, 8416, 8561). With an emblem uploaded the PDF's D page
carries it as an image, read back from the PDF; without one the page has no image and
no placeholder text. The attached C.1.x has no emblem in the format (000:7644, 7823,
8003). An archived signed PDF keeps the bytes it was issued with."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader

from evaluasi import dokumen
from evaluasi import dokumen_keberatan as dok_keberatan
from evaluasi import services_keberatan as layanan
from organisasi import lambang
from organisasi.dokumen import PengambilStatic, html_ke_pdf
from organisasi.tenancy import lingkup_instansi
from tests.evaluasi.bantuan_keberatan import jalankan, pukul
from tests.evaluasi.test_dokumen import _evaluasi, _simpan_contoh, org  # noqa: F401 (fixture)
from tests.evaluasi.test_keberatan_dokumen import _diubah

pytestmark = pytest.mark.django_db


def _lambang_png() -> bytes:
    gambar = Image.new("RGB", (400, 480), "white")
    for x in range(100, 300):
        for y in range(120, 360):
            gambar.putpixel((x, y), (190, 150, 30))
    keluar = io.BytesIO()
    gambar.save(keluar, "PNG")
    return keluar.getvalue()


def _unggah(org_atau_tim, admin):
    with lingkup_instansi(org_atau_tim.instansi):
        lambang.lambang_unggah(
            pengguna=admin,
            unggahan=SimpleUploadedFile("garuda.png", _lambang_png(), content_type="image/png"),
        )


def _gambar_per_halaman(isi: bytes, tmp_path) -> dict[int, list[tuple[int, int]]]:
    """Images drawn on each page (page -> [(width, height)]), as poppler reads them.
    (pypdf's `page.images` lists the resources WeasyPrint shares between pages, not what
    each page draws.)"""
    # .ci/run installs poppler-utils: the images are read, not assumed.
    assert shutil.which("pdfimages"), "poppler-utils"
    berkas = tmp_path / "periksa.pdf"
    berkas.write_bytes(isi)
    keluar = subprocess.run(
        ["pdfimages", "-list", str(berkas)], capture_output=True, text=True, check=True
    ).stdout
    hasil: dict[int, list[tuple[int, int]]] = {}
    for baris in keluar.splitlines()[2:]:
        kolom = baris.split()
        if kolom:
            hasil.setdefault(int(kolom[0]), []).append((int(kolom[3]), int(kolom[4])))
    return hasil


def _admin(o):
    from tests.factories import akun

    return akun(o, o.kadis, "admin.lambang", admin=True)


def test_d11_memuat_lambang_bila_diunggah(org, tmp_path):  # noqa: F811
    e = _evaluasi(org, org.skp, org.staf)
    with lingkup_instansi(org.instansi):
        tanpa = dokumen.pdf_dokumen(e)
    # No emblem: no image anywhere, and no placeholder in its place.
    assert _gambar_per_halaman(tanpa, tmp_path) == {}
    teks_tanpa = " ".join(h.extract_text() for h in PdfReader(io.BytesIO(tanpa)).pages)
    assert "LAMBANG" not in teks_tanpa.upper()

    _unggah(org, _admin(org))
    with lingkup_instansi(org.instansi):
        dengan = dokumen.pdf_dokumen(e)
    _simpan_contoh("d11-c13-lambang", dengan)
    # One image, on the D.1.1 page (the document's first), the stored 400 x 480 emblem;
    # none on the attached C.1.x, whose format has no emblem.
    assert _gambar_per_halaman(dengan, tmp_path) == {1: [(400, 480)]}
    data = [g.data for g in PdfReader(io.BytesIO(dengan)).pages[0].images]
    with Image.open(io.BytesIO(data[0])) as g:
        assert g.size == (400, 480)


def test_arsip_yang_sudah_ditandatangani_tidak_berubah(org, tmp_path):  # noqa: F811
    e = _evaluasi(org, org.skp, org.staf)
    with lingkup_instansi(org.instansi):
        arsip = dokumen.arsipkan_evaluasi(e, org.akun_kasi)
        sebelum = dokumen.pdf_tersimpan(e)
    assert _gambar_per_halaman(sebelum, tmp_path) == {}
    _unggah(org, _admin(org))
    with lingkup_instansi(org.instansi):
        assert dokumen.pdf_tersimpan(e) == sebelum == bytes(arsip.isi)
        # A document issued from now on carries it.
        baru = dokumen.arsipkan_evaluasi(e, org.akun_kasi)
    assert _gambar_per_halaman(bytes(baru.isi), tmp_path) == {1: [(400, 480)]}


def test_d13_memuat_lambang(tim, tmp_path):
    e, k, _ = _diubah(tim)
    with lingkup_instansi(tim.instansi):
        tanpa = dok_keberatan.render_d13(k)
    assert _gambar_per_halaman(tanpa, tmp_path) == {}
    _unggah(tim, _admin(tim))
    k = jalankan(tim, pukul(2026, 2, 13), layanan.keberatan_tandatangani,
                 pengguna=tim.akun_kasi, keberatan=k)  # fmt: skip
    with lingkup_instansi(tim.instansi):
        dengan = dok_keberatan.render_d13(k)
    _simpan_contoh("d13-lambang", dengan)
    assert _gambar_per_halaman(dengan, tmp_path) == {1: [(400, 480)]}


def test_lambang_instansi_lain_tidak_pernah_dimuat(org, instansi_b, tmp_path):  # noqa: F811
    """The renderer resolves the emblem address in the active agency only: a document of
    an agency without an emblem gets none, even when another agency has one."""
    _unggah(org, _admin(org))
    html = f'<p>x</p><img src="{lambang.URL}" alt="">'
    pengambil = PengambilStatic()
    with lingkup_instansi(instansi_b):
        isi = html_ke_pdf(html, pengambil=pengambil)
    assert _gambar_per_halaman(isi, tmp_path) == {}
    assert pengambil.ditolak == [lambang.URL]
