"""Keberatan services on real PostgreSQL: filing inside and outside the window (a holiday
moves it), both decisions, who may act at each step (other employees, other agencies and
the rater as decider are refused and nothing changes), audit of every step, the result
that applies, evidence under the pelaksanaan upload rules."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from evaluasi import selectors_keberatan as sel
from evaluasi import services_keberatan as layanan
from evaluasi.models import EvaluasiKinerja, Keberatan
from organisasi.models import HariKalender, Pemberitahuan
from organisasi.tenancy import lingkup_instansi
from tests.evaluasi.bantuan_keberatan import ajukan, evaluasi_diserahkan, jalankan, pukul
from tests.factories import akun

pytestmark = pytest.mark.django_db


@pytest.fixture
def e(tim):
    return evaluasi_diserahkan(tim)


def _potret(tim):
    with lingkup_instansi(tim.instansi):
        return (
            list(Keberatan.objects.order_by("pk").values()),
            list(EvaluasiKinerja.objects.order_by("pk").values()),
            Keberatan.history.count(),
        )


def test_ajukan_dalam_jendela_meminta_penjelasan_dan_memberi_tahu(tim, e):
    k = ajukan(tim, tim.akun_staf, e, pada=pukul(2026, 2, 23))  # last day but one (Imlek)
    assert (k.status, k.tanggal_pengajuan, k.dokumen_diterima_pada) == (
        "penjelasan_diminta", date(2026, 2, 23), date(2026, 2, 2),
    )  # fmt: skip
    assert (k.pegawai_id, k.penilai_id, k.atasan_id) == (tim.staf.pk, tim.kasi.pk, tim.kabid.pk)
    with lingkup_instansi(tim.instansi):
        penerima = set(Pemberitahuan.objects.values_list("penerima_id", flat=True))
        riwayat = k.history.get()
    assert penerima == {tim.kasi.pk, tim.kabid.pk}
    assert riwayat.history_user_id == tim.akun_staf.pk
    assert "Keberatan diajukan" in riwayat.history_change_reason


def test_ajukan_lewat_batas_ditolak_menyebut_hari_terakhir(tim, e):
    sebelum = _potret(tim)
    with pytest.raises(ValidationError, match="paling lambat 24 Februari 2026"):
        ajukan(tim, tim.akun_staf, e, pada=pukul(2026, 2, 25))
    assert _potret(tim) == sebelum


def test_libur_instansi_dalam_jendela_menggeser_batas(tim, e):
    with lingkup_instansi(tim.instansi):
        HariKalender.objects.create(tanggal=date(2026, 2, 10), jenis="libur", keterangan="HUT")
    k = ajukan(tim, tim.akun_staf, e, pada=pukul(2026, 2, 25))
    assert k.tanggal_pengajuan == date(2026, 2, 25)


@pytest.mark.parametrize(
    ("ubah", "kata"),
    [
        ({"status": "d12_diserahkan", "final": True, "sebab_final": "atasan"}, "bersifat final"),
        ({"status": "d11_ditandatangani", "diserahkan_pada": None}, "setelah Anda menerima"),
        ({"atasan_penilai_id": None}, "Tidak ada atasan"),
    ],
)
def test_hasil_final_atau_belum_diterima_ditolak(tim, ubah, kata):
    e = evaluasi_diserahkan(tim, **ubah)
    with pytest.raises(ValidationError, match=kata):
        ajukan(tim, tim.akun_staf, e)
    with lingkup_instansi(tim.instansi):
        assert not Keberatan.objects.exists()


def test_kepala_dinas_dinilai_kepala_daerah_final(tim):
    """Bekasi's Kepala Dinas rows (003:1316): rated by the Wali Kota, final, no keberatan."""
    from organisasi.models import Penempatan
    from skp.models import SKP
    from tests.factories import skp_contoh

    skp = skp_contoh(tim, pegawai=tim.kadis, status="ditandatangani")
    with lingkup_instansi(tim.instansi):
        SKP.objects.filter(pk=skp.pk).update(penilai_kepala_daerah=True)
        skp.refresh_from_db()
        assert Penempatan.objects.get(pegawai=tim.kadis).jabatan.jenis == "jpt_pratama"
    e = evaluasi_diserahkan(tim, skp=skp, penilai_id=tim.kabid.pk, atasan_penilai_id=tim.kasi2.pk)
    kadis = akun(tim, tim.kadis, "rahmat")
    with pytest.raises(ValidationError, match="kepala daerah"):
        ajukan(tim, kadis, e)


@pytest.mark.parametrize("siapa", ["akun_kasi", "akun_kabid", "akun_kasi2"])
def test_hanya_pegawai_sendiri_mengajukan(tim, e, siapa):
    with pytest.raises(PermissionDenied):
        ajukan(tim, getattr(tim, siapa), e)
    with lingkup_instansi(tim.instansi):
        assert not Keberatan.objects.exists()


def test_ajukan_dua_kali_ditolak(tim, e):
    ajukan(tim, tim.akun_staf, e)
    with pytest.raises(ValidationError, match="sudah diajukan"):
        ajukan(tim, tim.akun_staf, e)


def test_bukti_mengikuti_aturan_unggah_pelaksanaan(tim, e):
    exe = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="Jenis berkas tidak diterima"):
        ajukan(tim, tim.akun_staf, e, berkas=[exe])
    with pytest.raises(ValidationError, match="http"):
        ajukan(tim, tim.akun_staf, e, tautan=["javascript:alert(1)"])
    with lingkup_instansi(tim.instansi):
        assert not Keberatan.objects.exists()
    pdf = SimpleUploadedFile("../../etc/<b>laporan.pdf", b"%PDF-1.4\n%%EOF\n")
    k = ajukan(tim, tim.akun_staf, e, berkas=[pdf], tautan=["https://contoh.go.id/x"])
    with lingkup_instansi(tim.instansi):
        nama = sorted(b.nama for b in k.bukti.all())
    assert nama == ["blaporan.pdf", "https://contoh.go.id/x"]  # no path, no markup


def _alur_sampai_penjelasan(tim, e):
    k = ajukan(tim, tim.akun_staf, e)
    return jalankan(tim, pukul(2026, 2, 11), layanan.keberatan_jelaskan, pengguna=tim.akun_kasi,
                    keberatan=k, penjelasan="Dua simpang belum selesai direkayasa.")  # fmt: skip


def test_menguatkan_hasil_semula_tetap(tim, e):
    k = _alur_sampai_penjelasan(tim, e)
    assert k.status == "penjelasan_diberikan"
    k = jalankan(tim, pukul(2026, 2, 12), layanan.keberatan_putuskan, pengguna=tim.akun_kabid,
                 keberatan=k, versi=k.versi, keputusan="menguatkan",
                 rekomendasi="Penjelasan penilai didukung data.")  # fmt: skip
    assert (k.status, k.predikat) == ("dikuatkan", "")
    with lingkup_instansi(tim.instansi):
        h = sel.hasil_berlaku(EvaluasiKinerja.objects.get(pk=e.pk))
        assert (h.format, h.predikat) == ("D.1.1", "baik")
        assert sel.laporan_d11_tertahan(e) is None


def test_mengubah_hasil_baru_dan_semula_tetap_terbaca(tim, e):
    k = _alur_sampai_penjelasan(tim, e)
    with lingkup_instansi(tim.instansi):
        assert "setelah keberatan pegawai diputuskan" in sel.laporan_d11_tertahan(e)
    k = jalankan(tim, pukul(2026, 2, 12), layanan.keberatan_putuskan, pengguna=tim.akun_kabid,
                 keberatan=k, versi=k.versi, keputusan="mengubah",
                 rekomendasi="Ikutkan pelatihan rekayasa lalu lintas.",
                 rating_hasil_kerja="diatas", rating_perilaku_kerja="diatas")  # fmt: skip
    assert (k.status, k.predikat, k.rating_hasil_kerja) == ("diubah", "sangat_baik", "diatas")
    with lingkup_instansi(tim.instansi):
        semula = EvaluasiKinerja.objects.get(pk=e.pk)
        assert (semula.predikat, semula.rating_hasil_kerja, semula.versi) == ("baik", "sesuai", 1)
        h = sel.hasil_berlaku(semula)
        assert (h.format, h.predikat, h.rekomendasi) == (
            "D.1.3", "sangat_baik", "Ikutkan pelatihan rekayasa lalu lintas.",
        )  # fmt: skip
        [banyak] = sel.hasil_berlaku_banyak(EvaluasiKinerja.objects.filter(pk=e.pk))
        assert banyak.predikat == "sangat_baik"
        assert "dilaporkan oleh atasan" in sel.laporan_d11_tertahan(e)
        alasan = list(k.history.order_by("history_id").values_list(
            "history_change_reason", "history_user_id"))  # fmt: skip
    assert alasan[-1] == (
        "Keberatan diputuskan: mengubah hasil evaluasi, predikat Sangat Baik",
        tim.akun_kabid.pk,
    )
    assert len(alasan) == 3  # filed, explained, decided


def test_penilai_tidak_memutuskan_dan_orang_lain_ditolak_tanpa_perubahan(tim, e, admin_a):
    k = _alur_sampai_penjelasan(tim, e)
    with lingkup_instansi(tim.instansi):
        rekan = akun(tim, tim.orang("Rekan"), "rekan")
    sebelum = _potret(tim)
    for pengguna in (tim.akun_kasi, tim.akun_staf, tim.akun_kasi2, rekan, admin_a):
        with pytest.raises(PermissionDenied):
            jalankan(tim, pukul(2026, 2, 12), layanan.keberatan_putuskan, pengguna=pengguna,
                     keberatan=k, versi=k.versi, keputusan="menguatkan",
                     rekomendasi="x")  # fmt: skip
    for pengguna in (tim.akun_kabid, tim.akun_staf, rekan):
        with pytest.raises(PermissionDenied):
            jalankan(tim, pukul(2026, 2, 12), layanan.keberatan_jelaskan, pengguna=pengguna,
                     keberatan=k, penjelasan="ubah")  # fmt: skip
    assert _potret(tim) == sebelum


def test_instansi_lain_tidak_melihat_dan_tidak_bertindak(tim, e, instansi_b, admin_b):
    k = ajukan(tim, tim.akun_staf, e)
    with lingkup_instansi(instansi_b):
        assert not Keberatan.lintas_instansi.exists()  # RLS
        assert not sel.keberatan_untuk_pengguna(admin_b).filter(pk=k.pk).exists()
        with pytest.raises(PermissionDenied):
            layanan.keberatan_putuskan(pengguna=admin_b, keberatan=k, versi=k.versi,
                                       keputusan="menguatkan", rekomendasi="x")  # fmt: skip


def test_akses_hanya_tiga_pihak_dan_admin(tim, e, admin_a):
    k = ajukan(tim, tim.akun_staf, e)
    with lingkup_instansi(tim.instansi):
        rekan = akun(tim, tim.orang("Rekan"), "rekan")
        for pengguna, terlihat in ((tim.akun_staf, 1), (tim.akun_kasi, 1), (tim.akun_kabid, 1),
                                   (admin_a, 1), (tim.akun_kasi2, 0), (rekan, 0)):  # fmt: skip
            assert sel.keberatan_untuk_pengguna(pengguna).filter(pk=k.pk).count() == terlihat


def test_keterangan_tambahan_dari_kedua_pihak(tim, e):
    k = _alur_sampai_penjelasan(tim, e)
    p = jalankan(tim, pukul(2026, 2, 12), layanan.keberatan_minta_tambahan,
                 pengguna=tim.akun_kabid, keberatan=k, kepada="pegawai",
                 pertanyaan="Lampirkan berita acara simpang ketiga.")  # fmt: skip
    with lingkup_instansi(tim.instansi):
        k.refresh_from_db()
    assert k.status == "tambahan_diminta"
    # The rater was not asked: she has nothing to answer.
    with pytest.raises(ValidationError, match="ditujukan kepada Anda"):
        jalankan(tim, pukul(2026, 2, 12), layanan.keberatan_tanggapi, pengguna=tim.akun_kasi,
                 keberatan=k, jawaban="x")  # fmt: skip
    pdf = SimpleUploadedFile("ba.pdf", b"%PDF-1.4\n%%EOF\n")
    k = jalankan(tim, pukul(2026, 2, 13), layanan.keberatan_tanggapi, pengguna=tim.akun_staf,
                 keberatan=k, jawaban="Terlampir.", berkas=[pdf])  # fmt: skip
    assert k.status == "penjelasan_diberikan"
    with lingkup_instansi(tim.instansi):
        p.refresh_from_db()
        assert p.jawaban == "Terlampir." and k.bukti.count() == 1


def test_versi_usang_ditolak(tim, e):
    k = ajukan(tim, tim.akun_staf, e)
    lama = k.versi
    jalankan(tim, pukul(2026, 2, 11), layanan.keberatan_jelaskan, pengguna=tim.akun_kasi,
             keberatan=k, penjelasan="Penjelasan baru.")  # fmt: skip
    with pytest.raises(ValidationError, match="berubah setelah Anda membukanya"):
        jalankan(tim, pukul(2026, 2, 12), layanan.keberatan_putuskan, pengguna=tim.akun_kabid,
                 keberatan=k, versi=lama, keputusan="menguatkan", rekomendasi="x")  # fmt: skip


def test_constraint_basis_data(tim, e):
    k = ajukan(tim, tim.akun_staf, e)
    with lingkup_instansi(tim.instansi):
        qs = Keberatan.objects.filter(pk=k.pk)
        for ubah in (
            {"atasan": tim.kasi},  # the rater as atasan
            {"keputusan": "mengubah"},  # decided while open
            {"status": "dikuatkan"},  # closed without a decision
            {"status": "d13_ditandatangani"},  # complete without signatures
            {"alasan": ""},
        ):
            with pytest.raises(IntegrityError), transaction.atomic():
                qs.update(**ubah)
