"""The MPH as people meet it: when it is available (and why not), who may open the page
and the PDF (the same people), the PDF's columns and cells read back, the links to the
A.1.3/A.1.4/A.1.5 PDFs, and the page's size and queries for a large team."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from organisasi.models import Pegawai
from organisasi.tenancy import lingkup_instansi
from skp import manual_ik, mph
from skp.models import SKP, BarisMPH, PeranHasil, PeranMPH, Workblock
from tests.factories import Org
from tests.skp.test_mph import (
    HTMX,
    IKI_1,
    MANUAL,
    RHK_KADIS,
    TANGGAL,
    _akun,
    _isi,
    _kolom,
    _matriks_kadis,
    _skp,
    _status,
    _turunkan,
)

pytestmark = pytest.mark.django_db

RHK_KASI_1 = "Tersusunnya desain rekayasa simpang prioritas"
RHK_KASI_2 = "Terkendalinya antrean di simpang padat"
PERAN_DEDI = "Terhimpunnya data volume lalu lintas simpang"


def _teks_pdf(isi: bytes) -> str:
    halaman = PdfReader(io.BytesIO(isi)).pages
    return re.sub(r"\s+", " ", " ".join(h.extract_text() for h in halaman))


@pytest.fixture
def seksi(instansi_a):
    """A Kepala Seksi (pengawas) whose own SKP is still in review, and his staff."""
    org = Org(instansi_a)
    org.akun_kadis = _akun(org, org.kadis, "kadis")
    org.akun_kabid = _akun(org, org.kabid, "kabid")
    org.akun_kasi = _akun(org, org.kasi, "kasi")
    org.akun_kasi2 = _akun(org, org.kasi2, "kasi2")
    org.akun_staf = _akun(org, org.staf, "staf")
    org.skp_kasi = _skp(
        org, org.kasi, penilai=org.kabid, status="diajukan",
        rhk=[(RHK_KASI_1, ["Desain 4 simpang"]), (RHK_KASI_2, ["Antrean < 200 m"])],
    )  # fmt: skip
    return org


def test_kasi_membagi_peran_selagi_skp_sendiri_diperiksa_lalu_pdf_terbaca(
    seksi, client, masuk_sebagai
):
    """A pengawas whose SKP is in review opens his matrix (columns: his RHK, as the team
    table of the format), fills a cell, and the PDF linked from the page prints it."""
    org = seksi
    masuk_sebagai(org.akun_kasi)
    url = reverse("mph", args=[org.skp_kasi.pk])
    halaman = client.get(url).content.decode()
    assert "Buka matriks pimpinan" in halaman
    assert "masih berstatus <strong>diajukan ke pejabat penilai</strong>" in halaman
    assert client.post(url).status_code == 302
    with lingkup_instansi(org.instansi):
        m = org.skp_kasi.matriks.get()
        baris = m.baris.get(pegawai=org.staf)
    k1, k2 = _kolom(org, m)
    assert (k1.label, k2.label) == ("RHK 1", "RHK 2") and k1.iki is None
    r = client.post(reverse("mph_sel", args=[m.pk, baris.pk, k1.pk]), {"teks": PERAN_DEDI})
    assert r.status_code == 302
    client.post(reverse("mph_sel", args=[m.pk, baris.pk, k2.pk]), {"tidak_ada_peran": "on"})

    halaman = client.get(url).content.decode()
    url_pdf = reverse("mph_pdf", args=[m.pk])
    assert f'href="{url_pdf}"' in halaman and "Unduh PDF (format A.1.5)" in halaman
    assert ">RHK 1</th>" in halaman and ">IKI" not in halaman
    r = client.get(url_pdf)
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    teks = _teks_pdf(r.content)
    # Top row: the leader and his RHK under the page's labels; then Dedi's row, read
    # left to right: name, post, RHK 1 cell, RHK 2 cell.
    assert re.search(rf"Teguh Kepala Seksi Rekayasa RHK 1 {RHK_KASI_1} RHK 2 {RHK_KASI_2}", teks), (
        teks
    )
    assert re.search(rf"Dedi Pengelola Rekayasa {PERAN_DEDI} TIDAK ADA PERAN", teks), teks
    assert "IKI" not in teks
    assert teks.startswith("DRAF")  # the leader's SKP is not set yet


def test_mph_belum_tersedia_menjelaskan_alasan_dan_langkah(seksi, client, masuk_sebagai):
    org = seksi
    # A staff member leads nobody: the page says who makes a matrix and what to do.
    skp_staf = _skp(org, org.staf, penilai=org.kasi, rhk=[("Hasil", [])])
    masuk_sebagai(org.akun_staf)
    halaman = client.get(reverse("mph", args=[skp_staf.pk])).content.decode()
    assert "Matriks belum dapat disusun dari SKP ini." in halaman
    assert "pejabat yang memimpin unit kerja" in halaman and "Langkah berikutnya" in halaman
    assert "Buka matriks pimpinan" not in halaman
    # ... and the matrices of her leaders that list her, to read her roles there.
    with lingkup_instansi(org.instansi):
        m = mph.mph_buat(pengguna=org.akun_kasi, skp=org.skp_kasi, tanggal=TANGGAL)
    halaman = client.get(reverse("mph", args=[skp_staf.pk])).content.decode()
    assert f'href="{reverse("mph", args=[org.skp_kasi.pk])}?matriks={m.pk}"' in halaman
    assert client.get(f"{reverse('mph', args=[org.skp_kasi.pk])}?matriks={m.pk}").status_code == 200
    # A leader with nothing to divide yet: write the RHK first.
    skp_kasi2 = _skp(org, org.kasi2, penilai=org.kabid, status="draf")
    masuk_sebagai(org.akun_kasi2)
    halaman = client.get(reverse("mph", args=[skp_kasi2.pk])).content.decode()
    assert "belum memiliki rencana hasil kerja untuk dibagi" in halaman
    assert "Tuliskan rencana hasil kerja di SKP ini" in halaman
    assert reverse("skp_detail", args=[skp_kasi2.pk]) in halaman
    # A superseded version: open the newest one.
    _status(org, org.skp_kasi, "diganti")
    masuk_sebagai(org.akun_kasi)
    halaman = client.get(reverse("mph", args=[org.skp_kasi.pk])).content.decode()
    assert "sudah diganti versi baru" in halaman and "Buka matriks pimpinan" not in halaman
    assert client.post(reverse("mph", args=[org.skp_kasi.pk])).status_code == 302
    with lingkup_instansi(org.instansi):
        assert org.skp_kasi.matriks.count() == 1  # nothing opened on a superseded SKP


def test_ketersediaan_mph_aturan():
    class S:
        status, kelompok = "draf", "admin_jf"

    for status in ("draf", "diajukan", "dikembalikan", "ditetapkan", "ditandatangani"):
        S.status = status
        assert mph.ketersediaan_mph(S, jumlah_kolom=1, pemimpin=True, ketua_tim=False).tersedia
        assert mph.ketersediaan_mph(S, jumlah_kolom=1, pemimpin=False, ketua_tim=True).tersedia
        ada = mph.ketersediaan_mph(S, jumlah_kolom=0, pemimpin=True, ketua_tim=False)
        assert not ada.tersedia and "rencana hasil kerja" in ada.alasan
        ada = mph.ketersediaan_mph(S, jumlah_kolom=3, pemimpin=False, ketua_tim=False)
        assert not ada.tersedia and ada.langkah
    S.status = "diganti"
    assert not mph.ketersediaan_mph(S, jumlah_kolom=3, pemimpin=True, ketua_tim=True).tersedia
    S.status, S.kelompok = "draf", "jpt_pukm"
    ada = mph.ketersediaan_mph(S, jumlah_kolom=0, pemimpin=True, ketua_tim=False)
    assert "indikator kinerja individu" in ada.alasan


def test_halaman_dan_pdf_mph_sepakat_siapa_boleh_melihat(
    seksi, client, masuk_sebagai, admin_a, admin_b
):
    org = seksi
    org.skp_kadis = _skp(org, org.kadis, penilai=None, rhk=[(RHK_KADIS, [IKI_1])])
    m = _matriks_kadis(org)  # rows: the Kabid
    with lingkup_instansi(org.instansi):
        mph.baris_tambah(pengguna=org.akun_kadis, matriks=m, pegawai=org.kasi, tanggal=TANGGAL)
    halaman = reverse("mph", args=[org.skp_kadis.pk])
    pdf = reverse("mph_pdf", args=[m.pk])
    # Owner, her rater's side (the admin) and the people listed in it: both open.
    for akun in (org.akun_kadis, admin_a, org.akun_kabid, org.akun_kasi):
        masuk_sebagai(akun)
        assert client.get(halaman).status_code == 200, akun
        assert client.get(f"{halaman}?matriks={m.pk}").status_code == 200, akun
        assert client.get(pdf).status_code == 200, akun
    # Listed people see it read-only.
    masuk_sebagai(org.akun_kasi)
    isi = client.get(halaman).content.decode()
    assert RHK_KADIS in isi and "Turunkan ke SKP pegawai" not in isi
    # Neither for someone not listed, nor for another agency.
    for akun in (org.akun_kasi2, org.akun_staf, admin_b):
        masuk_sebagai(akun)
        assert client.get(halaman).status_code == 404, akun
        assert client.get(pdf).status_code == 404, akun


def test_pdf_matriks_tim_dua_tingkat(seksi, client, masuk_sebagai):
    """The team matrix of a ketua tim prints under the leader's table: the two-level
    layout, each table read back cell by cell."""
    org = seksi
    org.skp_kadis = _skp(org, org.kadis, penilai=None, rhk=[(RHK_KADIS, [IKI_1])])
    m = _matriks_kadis(org)
    (iki1,) = _kolom(org, m)
    with lingkup_instansi(org.instansi):
        mph.baris_ubah_peran(pengguna=org.akun_kadis, baris=m.baris.get(), peran=PeranMPH.KETUA_TIM)
    _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Tersusunnya rencana rekayasa terpadu"])
    _turunkan(org, org.akun_kadis, m)
    with lingkup_instansi(org.instansi):
        skp_kabid = SKP.objects.get(pegawai=org.kabid)
        tim = mph.mph_buat(
            pengguna=org.akun_kabid, skp=skp_kabid, induk=m, nama_tim="Rekayasa Terpadu",
            tanggal=TANGGAL,
        )  # fmt: skip
    (kolom,) = _kolom(org, tim)
    _isi(org, org.akun_kabid, tim, org.kasi, kolom, ["Tersedianya desain simpang prioritas"])
    masuk_sebagai(org.akun_kabid)
    teks = _teks_pdf(client.get(reverse("mph_pdf", args=[tim.pk])).content)
    assert re.search(
        r"Rahmat Kepala Dinas Perhubungan IKI 1 Indeks kelancaran lalu lintas "
        r"Sari \(Ketua Tim\) Kepala Bidang Lalu Lintas Tersusunnya rencana rekayasa terpadu",
        teks,
    ), teks
    assert re.search(
        r"TIM KERJA: REKAYASA TERPADU .*Sari \(Ketua Tim\) Kepala Bidang Lalu Lintas RHK 1 "
        r"Tersusunnya rencana rekayasa terpadu .*Teguh Kepala Seksi Rekayasa "
        r"Tersedianya desain simpang prioritas",
        teks,
    ), teks
    # A team member not listed in the leader's matrix gets the team's table only: the
    # PDF shows what the page shows her.
    with lingkup_instansi(org.instansi):
        mph.baris_tambah(pengguna=org.akun_kabid, matriks=tim, pegawai=org.staf, tanggal=TANGGAL)
    masuk_sebagai(org.akun_staf)
    assert client.get(reverse("mph", args=[org.skp_kadis.pk])).status_code == 404
    teks_staf = _teks_pdf(client.get(reverse("mph_pdf", args=[tim.pk])).content)
    assert "TIM KERJA: REKAYASA TERPADU" in teks_staf and "Dedi" in teks_staf
    assert "Indeks kelancaran lalu lintas" not in teks_staf
    # The leader's PDF carries the team's table too.
    masuk_sebagai(org.akun_kadis)
    teks_kadis = _teks_pdf(client.get(reverse("mph_pdf", args=[m.pk])).content)
    assert "TIM KERJA: REKAYASA TERPADU" in teks_kadis
    assert "Tersedianya desain simpang prioritas" in teks_kadis


def _baris_banyak(org, matriks, jumlah, kolom):
    with lingkup_instansi(org.instansi):
        awal = Pegawai.objects.count()
        pegawai = Pegawai.objects.bulk_create(
            Pegawai(
                nip=f"1990010120200110{awal + i:02d}"[:14] + f"{awal + i:04d}",
                nama=f"Anggota {i:03d}",
                status="pns",
                golongan="III/a",
                instansi=org.instansi,
            )
            for i in range(jumlah)
        )
        baris = BarisMPH.objects.bulk_create(
            BarisMPH(
                matriks=matriks,
                pegawai=p,
                peran=PeranMPH.MANDIRI,
                urutan=i + 10,
                instansi=org.instansi,
            )  # fmt: skip
            for i, p in enumerate(pegawai)
        )
        PeranHasil.objects.bulk_create(
            PeranHasil(
                baris=b,
                rhk_pimpinan=kolom.rhk,
                teks=f"Peran hasil anggota {n}",
                instansi=org.instansi,
            )  # fmt: skip
            for n, b in enumerate(baris)
        )


@pytest.mark.parametrize("jumlah", [5, 500])
def test_halaman_mph_tim_besar_kecil_dan_kueri_tetap(
    seksi, client, masuk_sebagai, django_assert_max_num_queries, jumlah
):
    """5 or 500 people in the matrix: the same bound on queries, a page of rows, and
    under 300 KB of HTML."""
    org = seksi
    with lingkup_instansi(org.instansi):
        m = mph.mph_buat(pengguna=org.akun_kasi, skp=org.skp_kasi, tanggal=TANGGAL)
    k1, _ = _kolom(org, m)
    _baris_banyak(org, m, jumlah - 1, k1)
    masuk_sebagai(org.akun_kasi)
    url = f"{reverse('mph', args=[org.skp_kasi.pk])}?matriks={m.pk}"
    with django_assert_max_num_queries(30):
        r = client.get(url)
    isi = r.content.decode()
    assert r.status_code == 200 and len(r.content) < 300_000
    assert isi.count("Peran hasil anggota") == min(jumlah - 1, mph.BARIS_PER_HALAMAN - 1)
    if jumlah > mph.BARIS_PER_HALAMAN:
        assert f"dari {jumlah} pegawai" in isi and "Berikutnya" in isi
        terakhir = client.get(url + "&halaman=20").content.decode()
        assert "Anggota 498" in terakhir and "Berikutnya" not in terakhir
        # A write on page 3 returns page 3.
        with lingkup_instansi(org.instansi):
            b = m.baris.order_by("urutan", "pk")[2 * mph.BARIS_PER_HALAMAN]
        r = client.post(
            reverse("mph_baris", args=[m.pk, b.pk]), {"peran": "ketua_tim", "halaman": "3"}, **HTMX
        )
        assert "Halaman 3 dari 20" in r.content.decode()


def test_halaman_manual_dan_workblock_menautkan_pdf(seksi, client, masuk_sebagai):
    org = seksi
    skp = _skp(org, org.kadis, penilai=None, status="draf", rhk=[(RHK_KADIS, [IKI_1])])
    masuk_sebagai(org.akun_kadis)
    halaman = client.get(reverse("manual_ik", args=[skp.pk])).content.decode()
    url_manual = reverse("manual_ik_pdf", args=[skp.pk])
    assert url_manual not in halaman and "tersedia setelah sedikitnya satu manual" in halaman
    with lingkup_instansi(org.instansi):
        iki = skp.rhk.get().iki.get()
        manual_ik.manual_simpan(pengguna=org.akun_kadis, iki=iki, data=MANUAL)
    halaman = client.get(reverse("manual_ik", args=[skp.pk])).content.decode()
    assert f'href="{url_manual}"' in halaman
    teks = _teks_pdf(client.get(url_manual).content)
    assert teks.startswith("DRAF") and "MANUAL INDIKATOR KINERJA" in teks
    assert MANUAL["definisi"] in teks

    with lingkup_instansi(org.instansi):
        wb = Workblock.objects.create(
            skp=skp, judul="Penataan simpang", indikator_diintervensi="x", pemilik_strategi="y"
        )
    halaman = client.get(reverse("workblock", args=[skp.pk])).content.decode()
    url_wb = reverse("workblock_pdf", args=[wb.pk])
    assert f'href="{url_wb}"' in halaman and "Unduh PDF (format A.1.4)" in halaman
    teks = _teks_pdf(client.get(url_wb).content)
    assert teks.startswith("DRAF") and "Penataan simpang" in teks
    # Not a JPT SKP: no A.1.3 PDF.
    masuk_sebagai(org.akun_kasi)
    assert client.get(reverse("manual_ik_pdf", args=[org.skp_kasi.pk])).status_code == 404


def test_kolom_matriks_terisi_tidak_hilang_saat_skp_pimpinan_masih_draf(seksi):
    """The matrix opens while the leader's SKP is still a draft: deleting an RHK or IKI
    that already carries role-results is refused (nothing vanishes unaudited)."""
    from django.core.exceptions import ValidationError

    from skp import services

    org = seksi
    skp = _skp(org, org.kadis, penilai=None, status="draf", rhk=[(RHK_KADIS, [IKI_1, "Lain"])])
    with lingkup_instansi(org.instansi):
        m = mph.mph_buat(pengguna=org.akun_kadis, skp=skp, tanggal=TANGGAL)
    iki1, iki2 = _kolom(org, m)
    _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Tersusunnya rencana rekayasa"])
    with lingkup_instansi(org.instansi):
        with pytest.raises(ValidationError, match="kosongkan dulu sel"):
            services.iki_hapus(pengguna=org.akun_kadis, iki=iki1.iki)
        with pytest.raises(ValidationError, match="kosongkan dulu sel"):
            services.rhk_hapus(pengguna=org.akun_kadis, rhk=iki1.rhk)
        assert PeranHasil.objects.filter(baris__matriks=m).count() == 1
        services.iki_hapus(pengguna=org.akun_kadis, iki=iki2.iki)  # an empty column may go


def _tim_dengan_skp(org, jumlah, rhk_kasi):
    """`jumlah` staff in the Seksi, each with an SKP of two RHK: one linked to the Kepala
    Seksi's RHK, one linked to nothing."""
    from organisasi.models import Penempatan
    from skp.models import RencanaHasilKerja

    i = org.instansi
    with lingkup_instansi(i):
        awal = Pegawai.objects.count()
        staf = Pegawai.objects.bulk_create(
            Pegawai(instansi=i, nip=f"1991020220210120{awal + n:02d}"[:14] + f"{awal + n:04d}",
                    nama=f"Staf {n:03d}", status="pns", golongan="II/c")
            for n in range(jumlah)
        )  # fmt: skip
        penempatan = Penempatan.objects.bulk_create(
            Penempatan(instansi=i, pegawai=p, jabatan=org.jabatan_staf, mulai=date(2026, 1, 2))
            for p in staf
        )
        skp = SKP.objects.bulk_create(
            SKP(instansi=i, pegawai=p, penempatan=pn, tahun=2026, nomor_seri=50_000 + awal + n,
                periode_mulai=date(2026, 1, 2), periode_selesai=date(2026, 12, 31),
                kelompok="admin_jf", pendekatan="kuantitatif", penilai=org.kasi)
            for n, (p, pn) in enumerate(zip(staf, penempatan, strict=True))
        )  # fmt: skip
        RencanaHasilKerja.objects.bulk_create(
            RencanaHasilKerja(instansi=i, skp=s, urutan=k, teks=f"Hasil {k} {s.pegawai.nama}",
                              rhk_pimpinan=rhk_kasi if k == 1 else None)
            for s in skp
            for k in (1, 2)
        )  # fmt: skip


@pytest.mark.parametrize("jumlah", [5, 500])
def test_pohon_kinerja_tim_besar_kecil_dan_kueri_tetap(
    seksi, client, masuk_sebagai, admin_a, django_assert_max_num_queries, jumlah
):
    org = seksi
    with lingkup_instansi(org.instansi):
        rhk_kasi = org.skp_kasi.rhk.order_by("urutan").first()
    _tim_dengan_skp(org, jumlah, rhk_kasi)
    masuk_sebagai(admin_a)
    with django_assert_max_num_queries(16):
        r = client.get(reverse("pohon_kinerja"), {"unit": org.dinas.pk, "tahun": 2026})
    isi = r.content.decode()
    assert r.status_code == 200 and len(r.content) < 300_000
    # Every staff RHK is counted; only a bounded part is on the page.
    assert f'<div class="kartu__judul">{2 * jumlah + 2}</div>' in isi
    assert isi.count("Hasil 1 Staf") <= 20 and isi.count("Hasil 2 Staf") <= 20


@pytest.mark.parametrize("pendekatan", ["kuantitatif", "kualitatif"])
def test_form_dan_layanan_memakai_aturan_isian_yang_sama(pendekatan):
    """The Manual IK and Workblock forms show exactly the messages the services refuse
    with: both read the one rule."""
    from skp import workblock
    from skp.views_manual_ik import FormManual
    from skp.views_workblock import FormWorkblock

    form = FormManual(data={}, pendekatan=pendekatan)
    assert not form.is_valid()
    galat_form = {k: v[0] for k, v in form.errors.items()}
    assert galat_form == manual_ik.galat_manual({}, pendekatan)
    if pendekatan == "kualitatif":
        assert "formula" not in galat_form and "satuan" not in galat_form
    form = FormManual(
        data={"kualitas_kendali": "output_tinggi"}, pendekatan=pendekatan
    )  # not a JPT level (V10)
    assert form.errors["kualitas_kendali"] == [manual_ik.PESAN_KUALITAS_KENDALI]

    form = FormWorkblock(data={})
    assert {k: v[0] for k, v in form.errors.items()} == workblock.galat_workblock({})
