"""The document path's pages: the case page, the pegawai's own list, the atasan's page,
the action endpoints (who may, what changes), home items per role, constant queries."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from evaluasi import services
from evaluasi.models import EvaluasiKinerja
from evaluasi.periode import Jenis, Periode
from organisasi.beranda import tugas_beranda
from organisasi.tenancy import lingkup_instansi
from tests.evaluasi.conftest import tim_besar

JANUARI = Periode(2026, Jenis.BULANAN, 1)
DALAM_JENDELA = "2026-02-05 09:00 +07:00"


def _siap(tim, *, serahkan=True) -> EvaluasiKinerja:
    with lingkup_instansi(tim.instansi):
        e = services.evaluasi_nilai(
            pengguna=tim.akun_kasi, skp=tim.skp, periode=JANUARI, versi=0,
            rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai",
        )  # fmt: skip
        e = services.evaluasi_tandatangani(pengguna=tim.akun_kasi, evaluasi=e, versi=e.versi)
        if serahkan:
            e = services.evaluasi_serahkan(pengguna=tim.akun_kasi, evaluasi=e)
    return e


def _status(tim, e) -> str:
    with lingkup_instansi(tim.instansi):
        return EvaluasiKinerja.objects.get(pk=e.pk).status


@time_machine.travel(DALAM_JENDELA, tick=False)
@pytest.mark.parametrize(("siapa", "kode"), [("akun_staf", 200), ("akun_kasi", 200),
                                             ("akun_kabid", 200), ("akun_kasi2", 404)])  # fmt: skip
def test_halaman_kasus_hanya_untuk_yang_terlibat(client, tim, siapa, kode):
    e = _siap(tim)
    client.force_login(getattr(tim, siapa))
    assert client.get(reverse("evaluasi_kasus", args=[e.pk])).status_code == kode


@time_machine.travel(DALAM_JENDELA, tick=False)
def test_instansi_lain_tidak_melihat_kasus(client, tim, admin_b):
    e = _siap(tim)
    client.force_login(admin_b)
    assert client.get(reverse("evaluasi_kasus", args=[e.pk])).status_code == 404
    r = client.post(reverse("evaluasi_kasus_aksi", args=[e.pk, "tandatangani-pegawai"]))
    assert r.status_code == 404
    assert _status(tim, e) == "d11_diserahkan"


@time_machine.travel(DALAM_JENDELA, tick=False)
def test_aksi_oleh_orang_lain_403_tanpa_perubahan_dan_oleh_pegawai_berhasil(client, tim):
    e = _siap(tim)
    url = reverse("evaluasi_kasus_aksi", args=[e.pk, "tandatangani-pegawai"])
    client.force_login(tim.akun_kasi)
    assert client.post(url).status_code == 403
    assert _status(tim, e) == "d11_diserahkan"
    client.force_login(tim.akun_staf)
    r = client.post(url, {"next": "https://jahat.example/"})
    assert r.status_code == 302 and r["Location"] == reverse("evaluasi_kasus", args=[e.pk])
    assert _status(tim, e) == "d11_dikembalikan"
    # Again: the wrong state, a clear message, nothing changes.
    r = client.post(url, follow=True)
    assert "setelah menerimanya" in r.content.decode()
    assert client.post(reverse("evaluasi_kasus_aksi", args=[e.pk, "hapus"])).status_code == 404


@time_machine.travel(DALAM_JENDELA, tick=False)
def test_evaluasi_saya_menunjukkan_langkah_berikut(client, tim):
    e = _siap(tim)
    client.force_login(tim.akun_staf)
    html = client.get(reverse("evaluasi_saya")).content.decode()
    assert "Januari 2026" in html and "Periksa dan tandatangani" in html
    assert reverse("evaluasi_kasus", args=[e.pk]) in html
    assert "Pegawai menandatangani dan mengembalikan D.1.1" in html


def test_beranda_setiap_peran(tim):
    with time_machine.travel(DALAM_JENDELA, tick=False):
        e = _siap(tim, serahkan=False)
    hari = date(2026, 2, 9)
    with lingkup_instansi(tim.instansi):
        _, penilai = tugas_beranda(tim.akun_kasi, hari)
        _, pegawai = tugas_beranda(tim.akun_staf, hari)
    assert [t["tugas"].judul for t in penilai if "D.1.1" in t["tugas"].judul] == [
        "Serahkan dokumen evaluasi D.1.1 kepada pegawai (Januari 2026)"
    ]
    assert not [t for t in pegawai if "/evaluasi/kasus/" in t["tugas"].tautan]
    with time_machine.travel(DALAM_JENDELA, tick=False), lingkup_instansi(tim.instansi):
        services.evaluasi_serahkan(pengguna=tim.akun_kasi, evaluasi=e)
    with lingkup_instansi(tim.instansi):
        _, pegawai = tugas_beranda(tim.akun_staf, hari)
    (t,) = [t for t in pegawai if "/evaluasi/kasus/" in t["tugas"].tautan]
    assert t["tugas"].tautan == reverse("evaluasi_kasus", args=[e.pk])
    # Her own step's deadline (14 HK from receipt), not the rater's reporting one.
    assert (t["tugas"].jatuh_tempo.hari_kerja, t["tugas"].jatuh_tempo.tanggal) == (
        14, date(2026, 2, 27),
    )  # fmt: skip


def test_beranda_dan_halaman_atasan_setelah_ambil_alih(client, tim):
    with lingkup_instansi(tim.instansi):
        (e,) = services.evaluasi_ambil_alih(
            skp_ids=[tim.skp.pk], periode=JANUARI, waktu=datetime(2026, 2, 18, 2, tzinfo=UTC)
        )
        _, atasan = tugas_beranda(tim.akun_kabid, date(2026, 2, 18))
    (t,) = [t for t in atasan if "D.1.2" in t["tugas"].judul]
    assert t["tugas"].tautan == reverse("evaluasi_atasan", args=["2026-bulanan-1"])
    assert t["tugas"].jatuh_tempo.tanggal == date(2026, 3, 9)  # 14 HK after 13 Feb
    assert "bersifat final" in t["tugas"].keterangan
    client.force_login(tim.akun_kabid)
    with time_machine.travel("2026-02-18 09:00 +07:00", tick=False):
        html = client.get(t["tugas"].tautan).content.decode()
    assert f'id="baris-{tim.skp.pk}"' in html and 'name="halaman" value="atasan"' in html
    # She rates through the rater page's own row endpoint.
    with time_machine.travel("2026-02-18 09:00 +07:00", tick=False):
        r = client.post(
            reverse("evaluasi_simpan", args=["2026-bulanan-1", tim.skp.pk]),
            {"versi": e.versi, "rating_hasil_kerja": "diatas", "rating_perilaku_kerja": "diatas",
             "halaman": "atasan"},
        )  # fmt: skip
    assert r.status_code == 200 and "Tersimpan." in r.content.decode()
    assert 'id="kalibrasi"' not in r.content.decode()
    assert "Tandatangani dokumen evaluasi D.1.2" in r.content.decode()
    # The rater can no longer open that row.
    client.force_login(tim.akun_kasi)
    with time_machine.travel("2026-02-18 09:00 +07:00", tick=False):
        r = client.post(
            reverse("evaluasi_simpan", args=["2026-bulanan-1", tim.skp.pk]),
            {"versi": e.versi + 1, "rating_hasil_kerja": "dibawah",
             "rating_perilaku_kerja": "dibawah"},
        )  # fmt: skip
    assert "tidak berwenang" in r.content.decode()
    with lingkup_instansi(tim.instansi):
        assert EvaluasiKinerja.objects.get(pk=e.pk).predikat == "sangat_baik"


def _kueri(client, url, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(60) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@time_machine.travel("2026-02-18 09:00 +07:00", tick=False)
def test_halaman_atasan_jumlah_kueri_tetap(client, tim, django_assert_max_num_queries):
    url = reverse("evaluasi_atasan", args=["2026-bulanan-1"])
    client.force_login(tim.akun_kabid)
    tim_besar(tim, 4)
    with lingkup_instansi(tim.instansi):
        from skp.models import SKP

        ids = list(SKP.objects.values_list("pk", flat=True))
        services.evaluasi_ambil_alih(skp_ids=ids, periode=JANUARI,
                                     waktu=datetime(2026, 2, 18, 2, tzinfo=UTC))  # fmt: skip
    kecil = _kueri(client, url, django_assert_max_num_queries)
    tim_besar(tim, 100, awal=4)
    with lingkup_instansi(tim.instansi):
        ids = list(SKP.objects.values_list("pk", flat=True))
        services.evaluasi_ambil_alih(skp_ids=ids, periode=JANUARI,
                                     waktu=datetime(2026, 2, 18, 2, tzinfo=UTC))  # fmt: skip
    assert _kueri(client, url, django_assert_max_num_queries) == kecil
    assert client.get(url).content.decode().count('class="kartu evaluasi-baris"') == 105


def test_kasus_menautkan_keberatan_selama_masih_boleh_dan_yang_sudah_diajukan(client, tim):
    """The pegawai's case page offers the keberatan form with its last day, 14 working
    days after receipt (000:8526-8530: received Monday 2 February 2026 -> Tuesday 24
    February), says why once it has passed, and links the keberatan once filed."""
    from tests.evaluasi.bantuan_keberatan import ajukan, di, evaluasi_diserahkan, pukul

    e = evaluasi_diserahkan(tim)
    url = reverse("evaluasi_kasus", args=[e.pk])
    form = reverse("keberatan_ajukan", args=[e.pk])
    client.force_login(tim.akun_staf)
    with di(pukul(2026, 2, 24, 15)):
        html = client.get(url).content.decode()
    assert f'href="{form}"' in html
    assert "paling lambat <strong>Selasa, 24 Februari 2026</strong>" in html
    assert "14 hari kerja sejak dokumen evaluasi kinerja diterima" in html
    # The rater sees no form for himself.
    client.force_login(tim.akun_kasi)
    with di(pukul(2026, 2, 24, 15)):
        assert form not in client.get(url).content.decode()
    # A day later: no link, the reason with the last day.
    client.force_login(tim.akun_staf)
    with di(pukul(2026, 2, 25)):
        html = client.get(url).content.decode()
    assert form not in html
    assert "Batas pengajuan keberatan sudah lewat" in html and "24 Februari 2026" in html
    # Filed: every party is led to it, the form is no longer offered.
    k = ajukan(tim, tim.akun_staf, e)
    detail = reverse("keberatan_detail", args=[k.pk])
    for pengguna in (tim.akun_staf, tim.akun_kabid):
        client.force_login(pengguna)
        with di(pukul(2026, 2, 11)):
            html = client.get(url).content.decode()
        assert f'href="{detail}"' in html and form not in html
        assert "diajukan pada 10 Februari 2026" in html


@time_machine.travel(DALAM_JENDELA, tick=False)
def test_kasus_belum_diterima_tidak_menawarkan_keberatan(client, tim):
    e = _siap(tim, serahkan=False)
    client.force_login(tim.akun_staf)
    html = client.get(reverse("evaluasi_kasus", args=[e.pk])).content.decode()
    assert reverse("keberatan_ajukan", args=[e.pk]) not in html
    assert 'id="judul-keberatan"' not in html


@time_machine.travel(DALAM_JENDELA, tick=False)
def test_kasus_menawarkan_pdf_kepada_pegawai_hanya_setelah_ditandatangani(client, tim):
    with lingkup_instansi(tim.instansi):
        e = services.evaluasi_nilai(
            pengguna=tim.akun_kasi, skp=tim.skp, periode=JANUARI, versi=0,
            rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai",
        )  # fmt: skip
    url = reverse("evaluasi_kasus", args=[e.pk])
    pdf = reverse("evaluasi_dokumen_pdf", args=[e.pk])
    client.force_login(tim.akun_kasi)
    isi = client.get(url).content.decode()
    assert pdf in isi and "Pratinjau bertanda DRAF" in isi  # the signer previews
    client.force_login(tim.akun_staf)
    assert pdf not in client.get(url).content.decode()  # not yet a result she received

    with lingkup_instansi(tim.instansi):
        services.evaluasi_tandatangani(pengguna=tim.akun_kasi, evaluasi=e, versi=e.versi)
    isi = client.get(url).content.decode()
    assert f'href="{pdf}?unduh=1"' in isi and "tersimpan di arsip" in isi
