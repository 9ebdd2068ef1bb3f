"""D.1.3 (000:8561-8641) rendered by WeasyPrint and read back: the original D.1 fields,
the keberatan, the penjelasan, the decision with its recommendation, and the three
signatures; archived once when complete and served byte for byte; the original D.1.1
archive unchanged. Also the pages: each party sees what to do next; others get 404."""

from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from evaluasi import services_keberatan as layanan
from evaluasi.models import Keberatan
from organisasi import verifikasi
from organisasi.dokumen import arsip_terakhir, arsipkan
from organisasi.models import ArsipDokumen
from organisasi.tenancy import lingkup_instansi
from tests.evaluasi.bantuan_keberatan import ajukan, di, evaluasi_diserahkan, jalankan, pukul
from tests.factories import akun

pytestmark = pytest.mark.django_db


def teks_pdf(isi: bytes) -> str:
    assert isi.startswith(b"%PDF-")
    return " ".join(
        " ".join((h.extract_text() or "").split()) for h in PdfReader(BytesIO(isi)).pages
    )


def _diubah(tim):
    e = evaluasi_diserahkan(tim)
    with lingkup_instansi(tim.instansi):
        d11 = arsipkan(e, jenis="D.1.1", judul="D.1.1 Dedi", isi=b"%PDF-1.4 D.1.1 asli",
                       oleh=tim.akun_kasi)  # fmt: skip
    k = ajukan(tim, tim.akun_staf, e, alasan="Simpang kelima selesai Januari.")
    k = jalankan(tim, pukul(2026, 2, 11), layanan.keberatan_jelaskan, pengguna=tim.akun_kasi,
                 keberatan=k, penjelasan="Laporan simpang kelima terlambat.")  # fmt: skip
    k = jalankan(tim, pukul(2026, 2, 12), layanan.keberatan_putuskan, pengguna=tim.akun_kabid,
                 keberatan=k, versi=k.versi, keputusan="mengubah",
                 rekomendasi="Pertahankan kinerja rekayasa simpang.",
                 rating_hasil_kerja="diatas", rating_perilaku_kerja="diatas")  # fmt: skip
    return e, k, d11


def test_d13_tiga_tanda_tangan_diarsipkan_dan_d11_utuh(tim):
    e, k, d11 = _diubah(tim)
    sha_d11 = d11.sha256
    for siapa, hari in ((tim.akun_kasi, 13), (tim.akun_staf, 16 + 2), (tim.akun_kabid, 19)):
        k = jalankan(tim, pukul(2026, 2, hari), layanan.keberatan_tandatangani,
                     pengguna=siapa, keberatan=k)  # fmt: skip
    assert k.status == "d13_ditandatangani"
    with lingkup_instansi(tim.instansi):
        arsip = arsip_terakhir(Keberatan.objects.get(pk=k.pk), "D.1.3")
        isi = bytes(arsip.isi)
        asli = ArsipDokumen.objects.get(pk=d11.pk)
        assert (bytes(asli.isi), asli.sha256) == (b"%PDF-1.4 D.1.1 asli", sha_d11)
        assert ArsipDokumen.objects.filter(jenis="D.1.3").count() == 1
    teks = teks_pdf(isi)
    for bagian in (
        "DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE*: JANUARI",
        "1. PEGAWAI YANG DINILAI", "Dedi", "2. PEJABAT PENILAI KINERJA", "Teguh",
        "3. ATASAN PEJABAT PENILAI KINERJA", "Sari", "PREDIKAT KINERJA PEGAWAI : SANGAT BAIK",
        "Pertahankan ketepatan waktu laporan.", "6. KEBERATAN Simpang kelima selesai Januari.",
        "7. PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN Laporan simpang kelima terlambat.",
        "8. KEPUTUSAN DAN REKOMENDASI ATASAN PEJABAT PENILAI KINERJA",
        "MENGUBAH HASIL EVALUASI KINERJA", "Predikat kinerja pegawai: BAIK menjadi SANGAT BAIK",
        "Rekomendasi: Pertahankan kinerja rekayasa simpang.",
        "9. Pejabat Penilai Kinerja", "10. Pegawai yang Dinilai",
        "11. Atasan Pejabat Penilai Kinerja",
        "Ditandatangani secara elektronik pada 13 Februari 2026",
        "Ditandatangani secara elektronik pada 18 Februari 2026",
        "Ditandatangani secara elektronik pada 19 Februari 2026",
    ):  # fmt: skip
        assert bagian in teks, bagian
    assert "DRAF" not in teks and "Belum ditandatangani" not in teks
    # Like D.1.1, the issued D.1.3 prints its key to the public verification page, which
    # names it and states the keberatan's status now.
    assert arsip.token and verifikasi.alamat(arsip.token) in teks.replace(" ", "")
    assert "Periksa keaslian dan status dokumen ini" in teks
    with di(pukul(2026, 2, 20)):
        halaman = Client().get(verifikasi.alamat(arsip.token)).content.decode()
    assert "D.1.3" in halaman and "Dedi" in halaman
    # The employee downloads exactly the archived bytes.
    klien = _klien(tim.akun_staf)
    with di(pukul(2026, 2, 20)):
        resp = klien.get(reverse("keberatan_d13_pdf", args=[k.pk]))
    assert resp.status_code == 200 and resp.content == isi
    # Reported by the atasan.
    k = jalankan(tim, pukul(2026, 2, 20), layanan.keberatan_laporkan, pengguna=tim.akun_kabid,
                 keberatan=k)  # fmt: skip
    assert k.status == "dilaporkan" and k.dilaporkan_pada is not None


def test_d13_draf_sebelum_lengkap_dan_tanda_tangan_sekali(tim):
    _, k, _ = _diubah(tim)
    k = jalankan(tim, pukul(2026, 2, 13), layanan.keberatan_tandatangani, pengguna=tim.akun_staf,
                 keberatan=k)  # fmt: skip
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="sudah menandatangani"):
        jalankan(tim, pukul(2026, 2, 13), layanan.keberatan_tandatangani, pengguna=tim.akun_staf,
                 keberatan=k)  # fmt: skip
    with di(pukul(2026, 2, 13)):
        resp = _klien(tim.akun_kabid).get(reverse("keberatan_d13_pdf", args=[k.pk]))
    teks = teks_pdf(resp.content)
    assert "DRAF" in teks and "Belum ditandatangani" in teks
    with lingkup_instansi(tim.instansi):
        assert not ArsipDokumen.objects.filter(jenis="D.1.3").exists()


def _klien(pengguna):
    from django.test import Client

    c = Client()
    c.force_login(pengguna, backend="organisasi.auth.NipAtauUsernameBackend")
    return c


def test_halaman_setiap_pihak_tahu_langkah_berikutnya(tim, admin_a):
    e = evaluasi_diserahkan(tim)
    with di(pukul(2026, 2, 10)):
        resp = _klien(tim.akun_staf).get(reverse("keberatan_daftar"))
        assert "Ajukan keberatan" in resp.content.decode()
        assert "paling lambat <strong>Selasa, 24 Februari 2026" in resp.content.decode()
        resp = _klien(tim.akun_staf).post(
            reverse("keberatan_ajukan", args=[e.pk]), {"alasan": "Target tercapai."}
        )
    assert resp.status_code == 302
    with lingkup_instansi(tim.instansi):
        k = Keberatan.objects.get()
    url = reverse("keberatan_detail", args=[k.pk])
    harapan = {
        tim.akun_kasi: "Berikan penjelasan Anda",
        tim.akun_kabid: "tetapkan keputusan",
        tim.akun_staf: "sedang diperiksa",
        admin_a: "sedang diperiksa",
    }
    with di(pukul(2026, 2, 11)):
        for pengguna, kata in harapan.items():
            isi = _klien(pengguna).get(url).content.decode()
            assert kata in isi, pengguna
        with lingkup_instansi(tim.instansi):
            rekan = akun(tim, tim.orang("Rekan"), "rekan")
        for pengguna in (rekan, tim.akun_kasi2):
            c = _klien(pengguna)
            assert c.get(url).status_code == 404
            assert c.post(reverse("keberatan_putuskan", args=[k.pk]),
                          {"keputusan": "menguatkan", "rekomendasi": "x", "versi": k.versi}
                          ).status_code == 404  # fmt: skip
        # The rater posting a decision is refused; nothing changes.
        resp = _klien(tim.akun_kasi).post(
            reverse("keberatan_putuskan", args=[k.pk]),
            {"keputusan": "menguatkan", "rekomendasi": "x", "versi": k.versi},
        )
        assert resp.status_code == 403
    with lingkup_instansi(tim.instansi):
        assert Keberatan.objects.get().status == "penjelasan_diminta"


def test_ajukan_lewat_batas_lewat_halaman(tim):
    e = evaluasi_diserahkan(tim)
    with di(pukul(2026, 2, 25)):
        c = _klien(tim.akun_staf)
        isi = c.get(reverse("keberatan_ajukan", args=[e.pk])).content.decode()
        assert "paling lambat 24 Februari 2026" in isi and 'name="alasan"' not in isi
        resp = c.post(reverse("keberatan_ajukan", args=[e.pk]), {"alasan": "Terlambat."})
    assert resp.status_code == 400 and "paling lambat 24 Februari 2026" in resp.content.decode()
    with lingkup_instansi(tim.instansi):
        assert not Keberatan.objects.exists()


def test_bukti_hanya_untuk_para_pihak(tim, admin_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    e = evaluasi_diserahkan(tim)
    pdf = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n% bukti keberatan\n%%EOF\n")
    k = ajukan(tim, tim.akun_staf, e, berkas=[pdf])
    with lingkup_instansi(tim.instansi):
        b = k.bukti.get()
        rekan = akun(tim, tim.orang("Rekan"), "rekan")
    url = reverse("keberatan_bukti", args=[b.pk])
    for pengguna in (tim.akun_staf, tim.akun_kasi, tim.akun_kabid, admin_a):
        resp = _klien(pengguna).get(url)
        assert resp.status_code == 200 and resp.content.startswith(b"%PDF-1.4\n% bukti")
        assert resp["X-Content-Type-Options"] == "nosniff"
    for pengguna in (rekan, tim.akun_kasi2):
        assert _klien(pengguna).get(url).status_code == 404
    # The detail page links it for the parties.
    with di(pukul(2026, 2, 11)):
        assert (
            url
            in _klien(tim.akun_kabid).get(reverse("keberatan_detail", args=[k.pk])).content.decode()
        )


def test_halaman_keterangan_tambahan_dan_keputusan_salah_tetap_terisi(tim):
    k = ajukan(tim, tim.akun_staf, evaluasi_diserahkan(tim))
    url = reverse("keberatan_detail", args=[k.pk])
    atasan, pegawai = _klien(tim.akun_kabid), _klien(tim.akun_staf)
    with di(pukul(2026, 2, 11)):
        jalankan(tim, pukul(2026, 2, 11), layanan.keberatan_jelaskan, pengguna=tim.akun_kasi,
                 keberatan=k, penjelasan="Dua simpang belum selesai.")  # fmt: skip
        tanya = {"kepada": "pegawai", "pertanyaan": "Sertakan berita acara."}
        resp = atasan.post(reverse("keberatan_minta", args=[k.pk]), tanya)
        assert resp.status_code == 302
        isi = pegawai.get(url).content.decode()
        assert "Sertakan berita acara." in isi and 'name="jawaban"' in isi
        assert "keterangan tambahan dari Anda" in isi  # what to do next
        resp = pegawai.post(reverse("keberatan_tanggapi", args=[k.pk]), {"jawaban": "Terlampir."})
        assert resp.status_code == 302
        isi = atasan.get(url).content.decode()
        assert "Terlampir." in isi and "tetapkan keputusan" in isi
        with lingkup_instansi(tim.instansi):
            versi = Keberatan.objects.get().versi
        # Mengubah with the original ratings: refused, the typed recommendation kept.
        resp = atasan.post(
            reverse("keberatan_putuskan", args=[k.pk]),
            {"versi": versi, "keputusan": "mengubah", "rating_hasil_kerja": "sesuai",
             "rating_perilaku_kerja": "sesuai", "rekomendasi": "Rekomendasi yang diketik."},
        )  # fmt: skip
    isi = resp.content.decode()
    assert resp.status_code == 400
    assert "sama dengan hasil semula" in isi and "Rekomendasi yang diketik." in isi
    with lingkup_instansi(tim.instansi):
        assert Keberatan.objects.get().status == "penjelasan_diberikan"
