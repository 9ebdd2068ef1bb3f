"""Evaluation services on real PostgreSQL: ratings and predikat, the stale-version guard,
who may act, the capaian kinerja organisasi and its annual fallback, DB constraints."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from evaluasi import selectors, services
from evaluasi.models import CapaianOrganisasiUnit, EvaluasiKinerja
from evaluasi.periode import Jenis, Periode
from organisasi.tenancy import lingkup_instansi
from tests.evaluasi.conftest import skp_lain
from tests.factories import akun

JANUARI = Periode(2026, Jenis.BULANAN, 1)
TAHUNAN = Periode(2026, Jenis.TAHUNAN, 0)


def _nilai(tim, pengguna=None, versi=0, skp=None, **isian):
    with lingkup_instansi(tim.instansi):
        return services.evaluasi_nilai(
            pengguna=pengguna or tim.akun_kasi, skp=skp or tim.skp, periode=JANUARI,
            versi=versi, **isian,
        )  # fmt: skip


def test_penilai_menyimpan_rating_predikat_dari_kuadran_000_7165(tim):
    e = _nilai(tim, rating_hasil_kerja="diatas", rating_perilaku_kerja="sesuai", catatan="Baik")
    assert (e.predikat, e.versi, e.penilai_id, e.atasan_penilai_id) == (
        "baik", 1, tim.kasi.pk, tim.kabid.pk,
    )  # fmt: skip
    e = _nilai(tim, versi=1, rating_hasil_kerja="diatas", rating_perilaku_kerja="diatas")
    assert (e.predikat, e.versi) == ("sangat_baik", 2)
    with lingkup_instansi(tim.instansi):
        riwayat = list(e.history.order_by("history_id"))
    assert len(riwayat) == 2
    assert riwayat[-1].history_user_id == tim.akun_kasi.pk
    assert "Sangat Baik" in riwayat[-1].history_change_reason


def test_baris_terkunci_dari_pemanggil_harus_evaluasi_skp_dan_periode_ini(tim):
    """The row endpoint hands the service the row it locked; another SKP's or another
    period's row is refused before anything is written."""
    _nilai(tim, rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai")
    lain = skp_lain(tim)
    with lingkup_instansi(tim.instansi):
        milik = selectors.evaluasi_tercatat(tim.kasi.pk, tim.skp.pk, JANUARI, kunci=True)
        assert milik is not None and milik.skp == tim.skp
        for skp, periode in ((lain, JANUARI), (tim.skp, TAHUNAN)):
            with pytest.raises(ValueError):
                services.evaluasi_nilai(
                    pengguna=tim.akun_kasi, skp=skp, periode=periode, versi=1,
                    rating_hasil_kerja="diatas", terkunci=milik,
                )  # fmt: skip
        e = services.evaluasi_nilai(
            pengguna=tim.akun_kasi, skp=tim.skp, periode=JANUARI, versi=1,
            rating_hasil_kerja="diatas", rating_perilaku_kerja="diatas", terkunci=milik,
        )  # fmt: skip
        assert e is milik and EvaluasiKinerja.objects.get().predikat == "sangat_baik"


def test_satu_rating_saja_belum_berpredikat(tim):
    e = _nilai(tim, rating_hasil_kerja="sesuai")
    assert e.predikat == "" and e.versi == 1


def test_simpan_versi_usang_ditolak_tanpa_kehilangan_data(tim):
    # Two tabs (or a Plt and the definitive rater) read the evaluation at version 1.
    _nilai(tim, rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai")
    _nilai(tim, versi=1, rating_hasil_kerja="diatas", rating_perilaku_kerja="diatas")
    with pytest.raises(services.VersiUsang) as e:
        _nilai(tim, versi=1, rating_hasil_kerja="dibawah", rating_perilaku_kerja="dibawah")
    assert "sudah diubah Teguh" in e.value.messages[0]
    assert "Isian Anda belum disimpan" in e.value.messages[0]
    assert e.value.tersimpan.predikat == "sangat_baik"
    with lingkup_instansi(tim.instansi):
        tersimpan = EvaluasiKinerja.objects.get()
    assert (tersimpan.predikat, tersimpan.versi) == ("sangat_baik", 2)


def test_simpan_pertama_ganda_ditolak(tim):
    _nilai(tim, rating_hasil_kerja="sesuai")
    with pytest.raises(services.VersiUsang):
        _nilai(tim, versi=0, rating_hasil_kerja="diatas")


@pytest.mark.parametrize("siapa", ["akun_staf", "akun_kabid", "akun_kasi2"])
def test_hanya_penilai_menilai_atasan_sebelum_diambil_alih_tidak(tim, siapa):
    with pytest.raises(PermissionDenied, match="tidak berwenang"):
        _nilai(tim, pengguna=getattr(tim, siapa), rating_hasil_kerja="diatas")
    with lingkup_instansi(tim.instansi):
        assert not EvaluasiKinerja.objects.exists()


def test_rating_tidak_dikenal_dan_catatan_terlalu_panjang_ditolak(tim):
    with pytest.raises(ValidationError, match="di atas, sesuai, atau di bawah"):
        _nilai(tim, rating_hasil_kerja="luar biasa")
    with pytest.raises(ValidationError, match="paling banyak 4000 karakter"):
        _nilai(tim, catatan="x" * 4001)
    with lingkup_instansi(tim.instansi):
        assert not EvaluasiKinerja.objects.exists()


def test_tugas_belajar_gagal_000_7266_hanya_kurang(tim):
    with pytest.raises(ValidationError, match="tidak sedang tugas belajar"):
        _nilai(tim, gagal_tugas_belajar=True, predikat_gagal="kurang")
    skp = skp_lain(tim, tugas_belajar=True)
    with pytest.raises(ValidationError, match="Kurang atau Sangat Kurang"):
        _nilai(tim, pengguna=tim.akun_kabid, skp=skp, gagal_tugas_belajar=True,
               predikat_gagal="baik", rating_hasil_kerja="diatas",
               rating_perilaku_kerja="diatas")  # fmt: skip
    e = _nilai(tim, pengguna=tim.akun_kabid, skp=skp, gagal_tugas_belajar=True,
               predikat_gagal="sangat_kurang", rating_perilaku_kerja="sesuai")  # fmt: skip
    assert e.predikat == "sangat_kurang"


def test_skp_belum_ditetapkan_tidak_dievaluasi(tim):
    skp = skp_lain(tim, status="diajukan")
    with pytest.raises(ValidationError, match="belum ditetapkan"):
        _nilai(tim, pengguna=tim.akun_kabid, skp=skp, rating_hasil_kerja="sesuai")


def test_constraint_basis_data_menjaga_aturan(tim):
    e = _nilai(tim, rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai")
    with lingkup_instansi(tim.instansi):
        qs = EvaluasiKinerja.objects.filter(pk=e.pk)
        for ubah in (
            {"gagal_tugas_belajar": True},  # Baik for a drop-out
            {"rating_perilaku_kerja": ""},  # a predikat without both ratings
            {"predikat": "", "status": "d11_ditandatangani"},  # signed without a predikat
            {"periode_nomor": 13},
            {"versi": 0},
        ):
            with pytest.raises(IntegrityError), transaction.atomic():
                qs.update(**ubah)


# --- Capaian kinerja organisasi -----------------------------------------------------------


def test_capaian_oleh_admin_dan_kepala_unit_bukan_orang_lain(tim, admin_a):
    with lingkup_instansi(tim.instansi):
        c = services.capaian_tetapkan(
            pengguna=tim.akun_kasi, unit=tim.seksi, periode=JANUARI, capaian="baik",
            tanggal=date(2026, 2, 2),
        )  # fmt: skip
        assert c.capaian == "baik"
        services.capaian_tetapkan(
            pengguna=admin_a, unit=tim.seksi, periode=JANUARI, capaian="istimewa"
        )
        assert CapaianOrganisasiUnit.objects.get().capaian == "istimewa"
        for pengguna, unit in ((tim.akun_staf, tim.seksi), (tim.akun_kasi, tim.seksi2)):
            with pytest.raises(PermissionDenied):
                services.capaian_tetapkan(
                    pengguna=pengguna, unit=unit, periode=JANUARI, capaian="kurang",
                    tanggal=date(2026, 2, 2),
                )  # fmt: skip
        with pytest.raises(ValidationError, match="Istimewa, Baik"):
            services.capaian_tetapkan(
                pengguna=admin_a, unit=tim.seksi, periode=JANUARI, capaian="sangat_baik"
            )
        assert CapaianOrganisasiUnit.objects.get().capaian == "istimewa"


def test_capaian_unit_penilai_yang_berlaku_000_6706(tim, admin_a):
    with lingkup_instansi(tim.instansi):
        services.capaian_tetapkan(pengguna=admin_a, unit=tim.seksi, periode=JANUARI, capaian="baik")
        unit = selectors.unit_dipimpin(tim.kasi.pk, JANUARI.akhir)
        assert unit == tim.seksi
        berlaku = selectors.capaian_berlaku(unit, JANUARI)
        assert berlaku.capaian == "baik" and not berlaku.tahun_lalu


def test_capaian_tahunan_000_6698_terbit_februari_pakai_tahun_lalu(tim, admin_a):
    with lingkup_instansi(tim.instansi):
        services.capaian_tetapkan(
            pengguna=admin_a, unit=tim.seksi, periode=Periode(2025, Jenis.TAHUNAN, 0),
            capaian="istimewa", tanggal=date(2026, 1, 20),
        )  # fmt: skip
        services.capaian_tetapkan(
            pengguna=admin_a, unit=tim.seksi, periode=TAHUNAN, capaian="kurang",
            tanggal=date(2027, 2, 3),
        )  # fmt: skip
        berlaku = selectors.capaian_berlaku(tim.seksi, TAHUNAN)
        assert berlaku.capaian == "istimewa" and berlaku.tahun_lalu


def test_instansi_lain_tidak_melihat_evaluasi(tim, instansi_b):
    _nilai(tim, rating_hasil_kerja="sesuai")
    with lingkup_instansi(instansi_b):
        assert not EvaluasiKinerja.objects.exists()
        assert not EvaluasiKinerja.lintas_instansi.exists()  # RLS


def test_akses_evaluasi_per_peran(tim, admin_a):
    _nilai(tim, rating_hasil_kerja="sesuai")
    with lingkup_instansi(tim.instansi):
        orang = tim.orang("Rekan")
    rekan = akun(tim, orang, "rekan")
    with lingkup_instansi(tim.instansi):
        for pengguna, terlihat in (
            (tim.akun_staf, 1), (tim.akun_kasi, 1), (tim.akun_kabid, 1), (admin_a, 1),
            (tim.akun_kasi2, 0), (rekan, 0),
        ):  # fmt: skip
            assert selectors.evaluasi_untuk_pengguna(pengguna).count() == terlihat
