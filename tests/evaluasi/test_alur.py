"""The evaluation document's path through the services (spec-evaluation §5.3): D.1.1
signed by the rater inside the window (000:8280-8290), delivered, signed and returned by
the pegawai, reported to the agency's recipient; the late-rater path: taken over, rated
and signed by the atasan on D.1.2 (000:8387-8414), final; JPT final by role
(000:6459-6461). Every transition: who may, from which state, audited, notified."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from evaluasi import services
from evaluasi.models import EvaluasiKinerja
from evaluasi.periode import Jenis, Periode
from organisasi.models import ArsipDokumen, Pemberitahuan
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from skp.models import SKP
from tests.factories import akun, skp_contoh

JANUARI = Periode(2026, Jenis.BULANAN, 1)
# Monthly window of January 2026: 24 January to 13 February (10 working days after 31 Jan).
DALAM_JENDELA = "2026-02-05 09:00 +07:00"
SETELAH_JENDELA = "2026-02-18 09:00 +07:00"


def _nilai(tim, pengguna=None, versi=0, skp=None, hk="diatas", pk="sesuai"):
    with lingkup_instansi(tim.instansi):
        return services.evaluasi_nilai(
            pengguna=pengguna or tim.akun_kasi, skp=skp or tim.skp, periode=JANUARI,
            versi=versi, rating_hasil_kerja=hk, rating_perilaku_kerja=pk,
            catatan="Pertahankan",
        )  # fmt: skip


def _aksi(tim, fungsi, pengguna, e, **kw):
    with lingkup_instansi(tim.instansi):
        return getattr(services, fungsi)(pengguna=pengguna, evaluasi=e, **kw)


def _segar(tim, e) -> EvaluasiKinerja:
    with lingkup_instansi(tim.instansi):
        return EvaluasiKinerja.objects.get(pk=e.pk)


def _kunci(tim) -> dict:
    with lingkup_instansi(tim.instansi):
        return dict(Pemberitahuan.objects.values_list("kunci", "penerima_id"))


def _riwayat(tim, e) -> list:
    with lingkup_instansi(tim.instansi):
        return list(
            EvaluasiKinerja.history.filter(id=e.pk)
            .order_by("history_id")
            .values_list("status", "history_user_id", "history_change_reason")
        )


def _arsip(tim, e) -> list:
    """The documents archived for the evaluation, oldest first: (format, signer)."""
    with lingkup_instansi(tim.instansi):
        return list(
            ArsipDokumen.objects.filter(
                objek_tipe=ContentType.objects.get_for_model(EvaluasiKinerja), objek_id=e.pk
            )
            .order_by("pk")
            .values_list("jenis", "dibuat_oleh_id")
        )


@time_machine.travel(DALAM_JENDELA, tick=False)
def test_jalur_d11_lengkap_diaudit_dan_diberitahukan_000_8280_8385(tim):
    with lingkup_instansi(tim.instansi):
        p = pengaturan_instansi()
        p.penerima_laporan = "Sekretaris Daerah melalui BKPSDM"
        p.save()
    e = _nilai(tim)
    e = _aksi(tim, "evaluasi_tandatangani", tim.akun_kasi, e, versi=e.versi)
    assert (e.status, e.final, e.sebab_final) == ("d11_ditandatangani", False, "")
    assert e.ditandatangani_pada is not None
    e = _aksi(tim, "evaluasi_serahkan", tim.akun_kasi, e)
    assert e.status == "d11_diserahkan" and e.diserahkan_pada is not None
    e = _aksi(tim, "evaluasi_tandatangani_pegawai", tim.akun_staf, e)
    assert e.status == "d11_dikembalikan" and e.dikembalikan_pada is not None
    e = _aksi(tim, "evaluasi_laporkan", tim.akun_kasi, e)
    assert e.status == "dilaporkan" and e.dilaporkan_pada is not None

    riwayat = _riwayat(tim, e)
    assert [r[0] for r in riwayat] == [
        "draf", "d11_ditandatangani", "d11_diserahkan", "d11_dikembalikan", "dilaporkan",
    ]  # fmt: skip
    assert [r[1] for r in riwayat] == [tim.akun_kasi.pk] * 3 + [tim.akun_staf.pk,
                                                                 tim.akun_kasi.pk]  # fmt: skip
    assert "Sekretaris Daerah melalui BKPSDM" in riwayat[-1][2]
    # Each signature archives the document as signed so far: the rater's, then the pegawai's.
    assert _arsip(tim, e) == [("D.1.1", tim.akun_kasi.pk), ("D.1.1", tim.akun_staf.pk)]
    kunci = _kunci(tim)
    assert kunci[f"evaluasi-{e.pk}-ttd-penilai-{tim.staf.pk}"] == tim.staf.pk
    assert kunci[f"evaluasi-{e.pk}-serah-{tim.staf.pk}"] == tim.staf.pk
    assert kunci[f"evaluasi-{e.pk}-kembali-{tim.kasi.pk}"] == tim.kasi.pk
    with lingkup_instansi(tim.instansi):
        lapor = Pemberitahuan.objects.get(kunci=f"evaluasi-{e.pk}-lapor-{tim.staf.pk}")
        kembali = Pemberitahuan.objects.get(kunci=f"evaluasi-{e.pk}-kembali-{tim.kasi.pk}")
    assert "Sekretaris Daerah melalui BKPSDM" in lapor.isi
    assert "Sekretaris Daerah melalui BKPSDM" in kembali.isi
    assert lapor.tautan == f"/evaluasi/kasus/{e.pk}/"


@time_machine.travel(DALAM_JENDELA, tick=False)
@pytest.mark.parametrize(
    ("fungsi", "siapa", "status_awal"),
    [
        ("evaluasi_tandatangani", "akun_staf", "draf"),
        ("evaluasi_tandatangani", "akun_kabid", "draf"),
        ("evaluasi_serahkan", "akun_staf", "d11_ditandatangani"),
        ("evaluasi_serahkan", "akun_kasi2", "d11_ditandatangani"),
        ("evaluasi_tandatangani_pegawai", "akun_kasi", "d11_diserahkan"),
        ("evaluasi_tandatangani_pegawai", "akun_kabid", "d11_diserahkan"),
        ("evaluasi_laporkan", "akun_staf", "d11_dikembalikan"),
        ("evaluasi_laporkan", "akun_kabid", "d11_dikembalikan"),
    ],
)
def test_orang_lain_ditolak_tanpa_perubahan(tim, fungsi, siapa, status_awal):
    e = _nilai(tim)
    with lingkup_instansi(tim.instansi):
        EvaluasiKinerja.objects.filter(pk=e.pk).update(status=status_awal)
    kw = {"versi": e.versi} if fungsi == "evaluasi_tandatangani" else {}
    with pytest.raises(PermissionDenied, match="tidak berwenang"):
        _aksi(tim, fungsi, getattr(tim, siapa), e, **kw)
    assert _segar(tim, e).status == status_awal
    assert len(_riwayat(tim, e)) == 1


@time_machine.travel(DALAM_JENDELA, tick=False)
@pytest.mark.parametrize(
    ("fungsi", "siapa", "status_awal", "pesan"),
    [
        ("evaluasi_serahkan", "akun_kasi", "draf", "sudah ditandatangani dan belum diserahkan"),
        ("evaluasi_serahkan", "akun_kasi", "d11_diserahkan", "sudah ditandatangani dan belum"),
        ("evaluasi_tandatangani_pegawai", "akun_staf", "d11_ditandatangani", "menerimanya"),
        ("evaluasi_laporkan", "akun_kasi", "d11_diserahkan", "setelah ditandatangani pegawai"),
        ("evaluasi_tandatangani", "akun_kasi", "d11_ditandatangani", "D.1.1 ditandatangani"),
    ],
)
def test_langkah_di_luar_urutan_ditolak_dengan_alasan(tim, fungsi, siapa, status_awal, pesan):
    e = _nilai(tim)
    with lingkup_instansi(tim.instansi):
        EvaluasiKinerja.objects.filter(pk=e.pk).update(status=status_awal)
    kw = {"versi": e.versi} if fungsi == "evaluasi_tandatangani" else {}
    with pytest.raises(ValidationError, match=pesan):
        _aksi(tim, fungsi, getattr(tim, siapa), e, **kw)
    assert _segar(tim, e).status == status_awal


@time_machine.travel(DALAM_JENDELA, tick=False)
def test_tanda_tangan_butuh_predikat_dan_versi_yang_dilihat(tim):
    e = _nilai(tim, hk="sesuai", pk="")
    with pytest.raises(ValidationError, match="sebelum menandatangani"):
        _aksi(tim, "evaluasi_tandatangani", tim.akun_kasi, e, versi=e.versi)
    e = _nilai(tim, versi=e.versi)
    with pytest.raises(services.VersiUsang):
        _aksi(tim, "evaluasi_tandatangani", tim.akun_kasi, e, versi=e.versi - 1)
    assert _segar(tim, e).status == "draf"


def test_penilai_menandatangani_hanya_dalam_jangka_waktu_evaluasi(tim):
    with time_machine.travel("2026-01-20 09:00 +07:00", tick=False):
        e = _nilai(tim)
        with pytest.raises(ValidationError, match="baru dibuka 24 Januari 2026"):
            _aksi(tim, "evaluasi_tandatangani", tim.akun_kasi, e, versi=e.versi)
    with (
        time_machine.travel(SETELAH_JENDELA, tick=False),
        pytest.raises(ValidationError, match="berakhir 13 Februari 2026"),
    ):
        _aksi(tim, "evaluasi_tandatangani", tim.akun_kasi, e, versi=e.versi)
    assert _segar(tim, e).status == "draf"


def _ambil_alih(tim, skp_ids):
    with lingkup_instansi(tim.instansi):
        return services.evaluasi_ambil_alih(
            skp_ids=skp_ids, periode=JANUARI, waktu=datetime(2026, 2, 16, 1, tzinfo=UTC)
        )


def test_jalur_atasan_d12_final_000_8387_8414(tim):
    # The rater never opened the case: the takeover creates it.
    with time_machine.travel(SETELAH_JENDELA, tick=False):
        daftar = _ambil_alih(tim, [tim.skp.pk])
        assert len(daftar) == 1
        e = daftar[0]
        assert (e.status, e.final, e.sebab_final) == ("diambil_alih", True, "atasan")
        assert (e.penilai_id, e.atasan_penilai_id) == (tim.kasi.pk, tim.kabid.pk)
        assert _ambil_alih(tim, [tim.skp.pk]) == []  # once
        # The rater may no longer rate; the atasan does, on the same row.
        with pytest.raises(PermissionDenied):
            _nilai(tim, versi=e.versi)
        e = _nilai(tim, pengguna=tim.akun_kabid, versi=e.versi, hk="sesuai", pk="sesuai")
        assert e.predikat == "baik"
        e = _aksi(tim, "evaluasi_tandatangani", tim.akun_kabid, e, versi=e.versi)
        assert e.status == "d12_ditandatangani" and e.final
        with pytest.raises(PermissionDenied):
            _aksi(tim, "evaluasi_serahkan", tim.akun_kasi, e)
        e = _aksi(tim, "evaluasi_serahkan", tim.akun_kabid, e)
        e = _aksi(tim, "evaluasi_tandatangani_pegawai", tim.akun_staf, e)
        assert e.status == "d12_dikembalikan"
        e = _aksi(tim, "evaluasi_laporkan", tim.akun_kabid, e)
        assert e.status == "dilaporkan"
    riwayat = _riwayat(tim, e)
    # The row the rater never opened is born in the takeover; its first record says so.
    assert riwayat[0][0] == "diambil_alih" and "Diambil alih atasan" in riwayat[0][2]
    assert riwayat[0][1] is None  # the system, not a person
    assert [r[0] for r in riwayat[1:]] == [
        "diambil_alih", "d12_ditandatangani", "d12_diserahkan", "d12_dikembalikan", "dilaporkan",
    ]  # fmt: skip
    assert _arsip(tim, e) == [("D.1.2", tim.akun_kabid.pk), ("D.1.2", tim.akun_staf.pk)]


def test_ambil_alih_tidak_menyentuh_yang_sudah_ditandatangani(tim):
    with time_machine.travel(DALAM_JENDELA, tick=False):
        e = _nilai(tim)
        _aksi(tim, "evaluasi_tandatangani", tim.akun_kasi, e, versi=e.versi)
    assert _ambil_alih(tim, [tim.skp.pk]) == []
    assert _segar(tim, e).status == "d11_ditandatangani"


@time_machine.travel(DALAM_JENDELA, tick=False)
def test_jpt_dievaluasi_kepala_daerah_melalui_pejabat_yang_ditunjuk_final_000_6459(tim):
    with lingkup_instansi(tim.instansi):
        sekda = tim.orang("Sekda")
        p = pengaturan_instansi()
        p.pelaksana_kepala_daerah = sekda
        p.save()
    skp = skp_contoh(tim, pegawai=tim.kadis)
    with lingkup_instansi(tim.instansi):
        SKP.objects.filter(pk=skp.pk).update(
            status="ditandatangani", penilai=None, penilai_kepala_daerah=True,
            atasan_penilai=None,
        )  # fmt: skip
        skp.refresh_from_db()
    akun_sekda = akun(tim, sekda, "sekda")
    # The kabid (the SKP factory's old rater) is nobody here; the named official rates.
    with pytest.raises(PermissionDenied):
        _nilai(tim, pengguna=tim.akun_kabid, skp=skp)
    e = _nilai(tim, pengguna=akun_sekda, skp=skp)
    assert e.penilai_id == sekda.pk
    e = _aksi(tim, "evaluasi_tandatangani", akun_sekda, e, versi=e.versi)
    assert (e.final, e.sebab_final) == (True, "jpt_daerah")
