"""Continuous feedback through the services and pages: the source follows from the giver's
place in the organisation; bad input, strangers and other tenants change nothing; the
constraints hold even when the services are skipped."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from organisasi.models import Pemberitahuan
from organisasi.tenancy import lingkup_instansi
from umpanbalik import selectors, services
from umpanbalik.models import BuktiUmpanBalik, UmpanBalik

pytestmark = pytest.mark.django_db

FOTO = Path("/tmp/shots/umpanbalik")  # the rendered records, for looking at
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _rhk(skp):
    with lingkup_instansi(skp.instansi_id):
        return skp.rhk.filter(jenis="utama").order_by("urutan").first()


def _beri(pengguna, skp, **lain):
    isian = {
        "sifat": "insidentil",
        "cara": "langsung",
        "tentang": f"rhk-{_rhk(skp).pk}",
        "arah": "positif",
        "teks": "Rekayasa simpang Juanda rapi dan tepat waktu.",
        **lain,
    }
    with lingkup_instansi(skp.instansi_id):
        return services.umpan_balik_beri(pengguna=pengguna, skp=skp, **isian)


def _jumlah(instansi):
    with lingkup_instansi(instansi):
        return UmpanBalik.objects.count(), BuktiUmpanBalik.objects.count()


@pytest.mark.parametrize(
    ("siapa", "sumber"),
    [
        ("teguh", "penilai"),  # the SKP's pejabat penilai
        ("sari", "pimpinan_lain"),  # atasan pejabat penilai
        ("wulan", "pimpinan_lain"),  # heads another unit
        ("rina", "rekan"),  # peer in another seksi
        ("nina", "ketua_kelompok"),  # JF ketua of a group the employee is not in: leads it
    ],
)
def test_sumber_mengikuti_kedudukan_pemberi(regu, siapa, sumber):
    skp = regu["skp"] if siapa != "nina" else regu["skp_fajar"]
    ub = _beri(regu[siapa], skp)
    assert ub.sumber == sumber
    assert ub.pemberi.pengguna_id == regu[siapa].pk and ub.periode == 3


def test_bawahan_memberi_umpan_balik_kepada_atasannya(regu):
    ub = _beri(regu["dedi"], regu["skp_kasi"], tentang="nilai-kolaboratif", arah="negatif")
    assert (ub.sumber, ub.rhk_id, ub.nilai_berakhlak) == ("bawahan", None, "kolaboratif")


def test_ketua_kelompok_di_luar_kelompoknya_hanya_rekan_atau_pimpinan(regu):
    # Nina leads a group Dedi is not in: her word on Dedi's SKP is a peer's.
    assert _beri(regu["nina"], regu["skp"]).sumber == "rekan"


def test_diri_sendiri_ditolak_tanpa_perubahan(regu):
    sebelum = _jumlah(regu["org"].instansi)
    with pytest.raises(PermissionDenied):
        _beri(regu["dedi"], regu["skp"])
    assert _jumlah(regu["org"].instansi) == sebelum


def test_ketua_kelompok_hanya_rekomendasi_kepada_penilai(regu):
    skp = regu["skp_fajar"]
    with pytest.raises(ValidationError) as galat:
        _beri(regu["nina"], skp, sifat="berkala")
    assert "rekomendasi" in str(galat.value)
    ub = _beri(regu["nina"], skp)
    assert ub.rekomendasi
    with lingkup_instansi(skp.instansi_id):
        # The rater (Sari, who rates Fajar) is told; the employee is not notified of it.
        penerima = set(
            Pemberitahuan.objects.filter(kunci__startswith="umpanbalik-").values_list(
                "penerima_id", flat=True
            )
        )
    assert penerima == {regu["org"].kabid.pk}


def test_ketua_kelompok_tidak_dapat_menilai(regu):
    """002:416: the rater weighs the recommendation; the ketua kelompok never rates."""
    from evaluasi import services as ev_services
    from evaluasi.selectors import periode_tahun_instansi

    skp = regu["skp_fajar"]
    _beri(regu["nina"], skp)
    with lingkup_instansi(skp.instansi_id):
        februari = periode_tahun_instansi(2026)[1]
        with pytest.raises(PermissionDenied):
            ev_services.evaluasi_nilai(
                pengguna=regu["nina"],
                skp=skp,
                periode=februari,
                versi=0,
                rating_hasil_kerja="sesuai",
                rating_perilaku_kerja="sesuai",
            )


@pytest.mark.parametrize(
    ("isian", "kolom"),
    [
        ({"tentang": "rhk-999999"}, "tentang"),
        ({"tentang": "nilai-jujur"}, "tentang"),
        ({"teks": "   "}, "teks"),
        ({"arah": "netral"}, "arah"),
        ({"cara": "telepati"}, "cara"),
        ({"sifat": "bulanan"}, "sifat"),
        ({"periode": 5}, "periode"),  # not started yet
        ({"periode": 13}, "periode"),  # outside the SKP
    ],
)
def test_masukan_buruk_ditolak_tanpa_perubahan(regu, isian, kolom):
    sebelum = _jumlah(regu["org"].instansi)
    with pytest.raises(ValidationError) as galat:
        _beri(regu["teguh"], regu["skp"], **isian)
    assert kolom in galat.value.message_dict
    assert _jumlah(regu["org"].instansi) == sebelum


def test_rhk_skp_lain_ditolak(regu):
    lain = _rhk(regu["skp_kasi"])
    with pytest.raises(ValidationError):
        _beri(regu["teguh"], regu["skp"], tentang=f"rhk-{lain.pk}")


def test_bukti_berkas_palsu_ditolak_semuanya(regu):
    sebelum = _jumlah(regu["org"].instansi)
    palsu = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00" + b"\0" * 100, "image/jpeg")
    with pytest.raises(ValidationError) as galat:
        _beri(regu["teguh"], regu["skp"], berkas=[palsu])
    assert "foto.jpg" in str(galat.value)
    assert _jumlah(regu["org"].instansi) == sebelum


@pytest.mark.parametrize(
    ("ubah", "nama"),
    [
        ({"nilai_berakhlak": "adaptif"}, "umpan_balik_rhk_atau_berakhlak"),  # both
        ({"rhk": None}, "umpan_balik_rhk_atau_berakhlak"),  # neither
        ({"pemberi_dedi": True}, "umpan_balik_bukan_diri_sendiri"),
        ({"sumber": "ketua_kelompok", "sifat": "berkala"}, "umpan_balik_ketua_kelompok"),
        ({"pemberi": None}, "umpan_balik_tamu_lewat_undangan"),
        ({"sumber": "atasan"}, "umpan_balik_sumber"),
    ],
)
def test_constraint_basis_data(regu, ubah, nama):
    skp = regu["skp"]
    with lingkup_instansi(skp.instansi_id):
        isian = {
            "skp": skp,
            "pegawai": skp.pegawai,
            "periode": 3,
            "jenis_periode": "bulanan",
            "sumber": "penilai",
            "sifat": "berkala",
            "cara": "langsung",
            "rhk": _rhk(skp),
            "arah": "positif",
            "teks": "x",
            "pemberi": regu["org"].kasi,
            "nama_pemberi": "Teguh",
        }
        if ubah.pop("pemberi_dedi", False):
            isian["pemberi"] = regu["org"].staf
        isian.update(ubah)
        if "rhk" in ubah and ubah["rhk"] is None:
            isian["nilai_berakhlak"] = ""
        with pytest.raises(IntegrityError) as galat, transaction.atomic():
            UmpanBalik.objects.create(**isian)
    assert nama in str(galat.value)


def test_halaman_beri_dan_rekaman_pegawai(client, regu):
    skp = regu["skp"]
    client.force_login(regu["rina"])
    halaman = client.get(reverse("umpan_balik_beri", args=[skp.pk]))
    assert halaman.status_code == 200 and "rekan kerja" in halaman.content.decode()
    resp = client.post(
        reverse("umpan_balik_beri", args=[skp.pk]),
        {
            "tentang": "nilai-kolaboratif",
            "sifat": "insidentil",
            "cara": "tidak_langsung",
            "arah": "positif",
            "teks": "Data volume dibagikan cepat ke Seksi Angkutan.",
            "berkas": [SimpleUploadedFile("notulen.pdf", PDF, "application/pdf")],
        },
    )
    assert resp.status_code == 302
    # Rina may not open Dedi's record: she sees what she gave on the giving page.
    assert client.get(reverse("rekaman_umpan_balik", args=[skp.pk])).status_code == 404
    assert "Data volume dibagikan" in client.get(resp["Location"]).content.decode()

    client.force_login(regu["dedi"])
    rekaman = client.get(reverse("rekaman_umpan_balik", args=[skp.pk]))
    teks = rekaman.content.decode()
    assert rekaman.status_code == 200 and "Data volume dibagikan" in teks and "Rina" in teks
    with lingkup_instansi(skp.instansi_id):
        bukti = BuktiUmpanBalik.objects.get()
    unduh = client.get(reverse("bukti_umpan_balik_unduh", args=[bukti.pk]))
    assert unduh.status_code == 200 and b"".join(
        unduh.streaming_content if unduh.streaming else [unduh.content]
    ).startswith(b"%PDF")


def test_salah_isi_di_halaman_menampilkan_pesan(client, regu):
    client.force_login(regu["teguh"])
    resp = client.post(
        reverse("umpan_balik_beri", args=[regu["skp"].pk]),
        {
            "tentang": "nilai-kolaboratif",
            "sifat": "berkala",
            "cara": "langsung",
            "arah": "positif",
            "teks": "",
        },
    )
    assert resp.status_code == 422
    assert _jumlah(regu["org"].instansi) == (0, 0)


def test_instansi_lain_tidak_melihat_apa_pun(client, regu, pegawai_b):
    ub = _beri(
        regu["teguh"], regu["skp"], berkas=[SimpleUploadedFile("a.pdf", PDF, "application/pdf")]
    )
    client.force_login(pegawai_b)
    with lingkup_instansi(regu["org"].instansi):
        bukti = ub.bukti.get()
    for url in (
        reverse("rekaman_umpan_balik", args=[regu["skp"].pk]),
        reverse("umpan_balik_beri", args=[regu["skp"].pk]),
        reverse("rekaman_umpan_balik_pdf", args=[regu["skp"].pk, 3]),
        reverse("bukti_umpan_balik_unduh", args=[bukti.pk]),
    ):
        assert client.get(url).status_code == 404, url
    resp = client.post(
        reverse("umpan_balik_beri", args=[regu["skp"].pk]),
        {
            "tentang": "nilai-adaptif",
            "sifat": "insidentil",
            "cara": "langsung",
            "arah": "negatif",
            "teks": "x",
        },
    )
    assert resp.status_code == 404
    assert _jumlah(regu["org"].instansi) == (1, 1)


def test_selector_periode_dan_kait_evaluasi(regu):
    from datetime import date

    skp = regu["skp"]
    _beri(regu["teguh"], skp, sifat="berkala")
    _beri(
        regu["wulan"],
        skp,
        tentang="nilai-adaptif",
        arah="negatif",
        teks="Lambat menyesuaikan SOP baru.",
    )
    with lingkup_instansi(skp.instansi_id):
        daftar = selectors.umpan_balik_periode(skp, 3)
        assert [u.sumber for u in daftar] == ["penilai", "pimpinan_lain"]
        assert selectors.umpan_balik_periode(skp, 2) == []
        hasil = selectors.pelaksanaan_periode(
            skp_ids=[skp.pk], mulai=date(2026, 3, 1), akhir=date(2026, 3, 31)
        )
    baris = hasil[skp.pk].umpan_balik
    assert len(baris) == 2 and "Lambat menyesuaikan SOP baru." in baris[1]
    assert "Pejabat penilai kinerja, berkala" in baris[0]


def _teks_pdf(isi: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(h.extract_text().split()) for h in PdfReader(io.BytesIO(isi)).pages)


@pytest.mark.parametrize(
    ("pegawai", "pendekatan", "format_", "kolom"),
    [
        ("rina", "kuantitatif", "B.1.5", "ASPEK"),
        ("rina", "kualitatif", "B.1.3", "Ukuran keberhasilan dan Target"),
        ("kadis", "kuantitatif", "B.1.4", "PERSPEKTIF"),
    ],
)
def test_pdf_rekaman_dibaca_kembali(client, regu, pegawai, pendekatan, format_, kolom):
    """Every record format, by the SKP's kind, read back from its PDF."""
    from tests.factories import skp_contoh

    org = regu["org"]
    with lingkup_instansi(org.instansi):
        orang = org.kadis if pegawai == "kadis" else regu["rina"].pegawai
    skp = skp_contoh(org, pegawai=orang, pendekatan=pendekatan, status="ditetapkan")
    _beri(regu["sari"], skp, sifat="berkala", teks="Target simpang bulan ini tercapai.")
    _beri(regu["dedi"], skp, tentang="nilai-harmonis", teks="Ramah membantu rekan seksi lain.")
    client.force_login(regu["sari"])
    resp = client.get(reverse("rekaman_umpan_balik_pdf", args=[skp.pk, 3]))
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    FOTO.mkdir(parents=True, exist_ok=True)
    (FOTO / f"{format_}.pdf").write_bytes(resp.content)
    teks = _teks_pdf(resp.content)
    assert "REKAMAN INFORMASI UMPAN BALIK BERKELANJUTAN" in teks
    # Header cells may wrap inside a word in the extracted text; compare without spaces.
    assert "PERIODE: MARET 2026" in teks and kolom.replace(" ", "") in teks.replace(" ", "")
    assert "Target simpang bulan ini tercapai." in teks
    assert "Ramah membantu rekan seksi lain." in teks
    assert "Pegawai yang Dinilai" in teks and "Pejabat Penilai Kinerja" in teks
    with lingkup_instansi(skp.instansi_id):
        assert selectors.format_rekaman(skp) == format_
