"""The agency's emblem for its official documents (organisasi/lambang.py): uploaded by
its admin on the settings page, PNG or JPEG known by content, size-limited, reduced and
stripped of metadata, kept in the agency's own row and never served to another."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from organisasi import lambang
from organisasi.models import LambangInstansi
from organisasi.tenancy import lingkup_instansi

pytestmark = pytest.mark.django_db


def png(ukuran=(300, 300), *, transparan=True, **info) -> bytes:
    gambar = Image.new(
        "RGBA" if transparan else "RGB", ukuran, (0, 0, 0, 0) if transparan else "white"
    )
    for x in range(ukuran[0] // 4, 3 * ukuran[0] // 4):
        for y in range(ukuran[1] // 4, 3 * ukuran[1] // 4, 7):
            gambar.putpixel((x, y), (180, 140, 20, 255) if transparan else (180, 140, 20))
    keluar = io.BytesIO()
    from PIL.PngImagePlugin import PngInfo

    meta = PngInfo()
    for k, v in info.items():
        meta.add_text(k, v)
    gambar.save(keluar, "PNG", pnginfo=meta)
    return keluar.getvalue()


def jpeg_dengan_gps(ukuran=(2400, 1800)) -> bytes:
    gambar = Image.new("RGB", ukuran, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "KameraPonsel"  # Make
    exif[0x8825] = {1: "S", 2: (6.0, 14.0, 30.0), 3: "E", 4: (106.0, 59.0, 10.0)}  # GPS
    keluar = io.BytesIO()
    gambar.save(keluar, "JPEG", exif=exif)
    return keluar.getvalue()


def _unggah(client, nama, isi, jenis="image/png"):
    return client.post(
        reverse("lambang_unggah"), {"berkas": SimpleUploadedFile(nama, isi, content_type=jenis)}
    )


def _tersimpan(instansi):
    with lingkup_instansi(instansi):
        return LambangInstansi.objects.first()


def test_halaman_pengaturan_memberi_tahu_bila_belum_ada(client, masuk_sebagai, admin_a):
    masuk_sebagai(admin_a)
    isi = client.get(reverse("pengaturan")).content.decode()
    assert "Lambang pada dokumen resmi" in isi
    assert "Dokumen evaluasi dicetak tanpa lambang sampai lambang diunggah" in isi
    assert 'enctype="multipart/form-data"' in isi and 'accept="image/png,image/jpeg"' in isi
    assert reverse("lambang_gambar") not in isi


def test_png_transparan_disimpan_dan_ditampilkan(client, masuk_sebagai, admin_a, instansi_a):
    masuk_sebagai(admin_a)
    asli = png(Comment="dibuat di kantor", Author="Humas")
    resp = _unggah(client, "garuda.png", asli)
    assert resp.status_code == 302
    lam = _tersimpan(instansi_a)
    isi = bytes(lam.isi)
    assert lam.jenis_isi == "image/png" and lam.sha256 == hashlib.sha256(isi).hexdigest()
    with Image.open(io.BytesIO(isi)) as g:
        assert g.format == "PNG" and g.mode == "RGBA" and g.size == (300, 300)
        assert g.getpixel((0, 0))[3] == 0  # transparency kept
        assert not g.info.get("Comment") and not g.info.get("Author")  # text chunks gone
    halaman = client.get(reverse("pengaturan")).content.decode()
    assert reverse("lambang_gambar") in halaman and "Ganti lambang" in halaman
    assert "dicetak tanpa lambang" not in halaman
    gambar = client.get(reverse("lambang_gambar"))
    assert gambar.status_code == 200 and gambar["Content-Type"] == "image/png"
    assert gambar.content == isi and gambar["X-Content-Type-Options"] == "nosniff"
    # The change is in the audit history: who, why, which version (not the bytes).
    with lingkup_instansi(instansi_a):
        catatan = lam.history.get()
    assert catatan.history_user_id == admin_a.pk and catatan.history_change_reason == (
        "Lambang dokumen diunggah"
    )
    assert catatan.sha256 == lam.sha256 and not hasattr(catatan, "isi")


def test_jpeg_besar_diperkecil_dan_exif_gps_hilang(client, masuk_sebagai, admin_a, instansi_a):
    masuk_sebagai(admin_a)
    asli = jpeg_dengan_gps()
    with Image.open(io.BytesIO(asli)) as g:
        assert g.getexif().get_ifd(0x8825)  # the upload does carry a location
    # Named .png by mistake: the content decides, and it is kept as a JPEG.
    assert _unggah(client, "foto.png", asli).status_code == 302
    lam = _tersimpan(instansi_a)
    with Image.open(io.BytesIO(bytes(lam.isi))) as g:
        assert g.format == "JPEG" and max(g.size) == lambang.SISI_MAKS
        assert (lam.lebar, lam.tinggi) == g.size == (800, 600)
        assert not g.getexif() and "exif" not in g.info


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("lambang.png", b"MZ\x90\x00\x03" + b"\x00" * 400, lambang.PESAN_JENIS),  # a Windows .exe
        ("lambang.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 400, lambang.PESAN_JENIS),
        ("lambang.png", b"%PDF-1.4\n1 0 obj\n", lambang.PESAN_JENIS),
        ("lambang.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', lambang.PESAN_JENIS),
        ("lambang.png", b"RIFF\x00\x00\x00\x00WEBPVP8 ", lambang.PESAN_JENIS),  # WebP
        ("lambang.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "Gambar rusak"),
        ("lambang.png", b"\x89PNG\r\n\x1a\n" + b"0" * lambang.BATAS_UKURAN, "terlalu besar"),
        ("lambang.png", b"", "kosong"),
    ],
    ids=["exe", "elf", "pdf", "svg", "webp", "rusak", "terlalu-besar", "kosong"],
)
def test_berkas_yang_bukan_png_jpeg_ditolak_tanpa_mengubah_apa_pun(
    client, masuk_sebagai, admin_a, instansi_a, nama, isi, pesan
):
    masuk_sebagai(admin_a)
    assert _unggah(client, "lama.png", png()).status_code == 302
    sebelum = _tersimpan(instansi_a).sha256
    resp = _unggah(client, nama, isi)
    assert resp.status_code == 200
    halaman = resp.content.decode()
    assert pesan in halaman or pesan.replace("“", "&ldquo;") in halaman
    assert "Lambang pada dokumen resmi" in halaman  # the whole page, error by the field
    assert _tersimpan(instansi_a).sha256 == sebelum


def test_hanya_admin_instansi(client, masuk_sebagai, pegawai_a, instansi_a):
    masuk_sebagai(pegawai_a)
    assert _unggah(client, "garuda.png", png()).status_code == 403
    assert client.get(reverse("lambang_gambar")).status_code == 403
    assert _tersimpan(instansi_a) is None


def test_instansi_lain_tidak_dapat_mengambil_atau_menghapus(
    client, masuk_sebagai, admin_a, admin_b, instansi_a, instansi_b
):
    masuk_sebagai(admin_a)
    _unggah(client, "garuda.png", png())
    milik_a = bytes(_tersimpan(instansi_a).isi)
    client.logout()
    masuk_sebagai(admin_b)
    resp = client.get(reverse("lambang_gambar"))
    assert resp.status_code == 404 and milik_a not in resp.content
    assert "dicetak tanpa lambang" in client.get(reverse("pengaturan")).content.decode()
    client.post(reverse("lambang_hapus"))
    assert _tersimpan(instansi_a) is not None
    with lingkup_instansi(instansi_b):
        assert LambangInstansi.objects.count() == 0
        assert lambang.isi_lambang() is None and lambang.url_lambang() == ""
        # Even without the scoped manager, row-level security hides the other agency's row.
        assert LambangInstansi.lintas_instansi.count() == 0


def test_hapus_lambang(client, masuk_sebagai, admin_a, instansi_a):
    masuk_sebagai(admin_a)
    _unggah(client, "garuda.png", png())
    assert client.post(reverse("lambang_hapus")).status_code == 302
    assert _tersimpan(instansi_a) is None
    assert client.get(reverse("lambang_gambar")).status_code == 404
    with lingkup_instansi(instansi_a):
        alasan = list(
            LambangInstansi.history.order_by("history_id").values_list(
                "history_type", "history_change_reason"
            )
        )
    assert alasan == [("+", "Lambang dokumen diunggah"), ("-", "Lambang dokumen dihapus")]
