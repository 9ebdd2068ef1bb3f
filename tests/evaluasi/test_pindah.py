"""Who evaluates when people move (spec-evaluation §3.7): the pure rule
`periode.penilai_periode`, exhaustively, and the selectors that use it on real data
(Sari: the pegawai moves mid-period, 000:6470-6500; Purnama: the rater moves before or
inside the window, 000:6508-6550)."""

import time
from datetime import UTC, date, datetime, timedelta
from itertools import product

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from evaluasi import selectors, services
from evaluasi.models import EvaluasiKinerja
from evaluasi.periode import (
    ALASAN_PEGAWAI_PINDAH,
    ALASAN_PENILAI_PINDAH_DALAM_JENDELA,
    ALASAN_PENILAI_PINDAH_SEBELUM_JENDELA,
    ALASAN_PENILAI_SKP,
    Jendela,
    Jenis,
    MasaSKP,
    Periode,
    penilai_periode,
)
from organisasi.hari_kerja import kalender_instansi
from organisasi.models import Penempatan
from organisasi.tenancy import lingkup_instansi
from skp.models import SKP
from tests.factories import skp_contoh

Q3 = Periode(2026, Jenis.TRIWULANAN, 3)
JENDELA_Q3 = Jendela(date(2026, 9, 23), date(2026, 10, 14))
LAMA = MasaSKP(1, date(2026, 1, 2), date(2026, 12, 31), penilai_id=10)


def test_tanpa_skp_yang_berlaku_tidak_ada_penilai():
    assert penilai_periode([], Q3, JENDELA_Q3, pengganti_id=99) is None
    habis = MasaSKP(1, date(2026, 1, 2), date(2026, 6, 30), penilai_id=10)
    assert penilai_periode([habis], Q3, JENDELA_Q3, pengganti_id=99) is None


def test_penilai_pada_skp():
    assert penilai_periode([LAMA], Q3, JENDELA_Q3, pengganti_id=99) == (
        penilai_periode([LAMA], Q3, JENDELA_Q3, pengganti_id=None)
    )
    h = penilai_periode([LAMA], Q3, JENDELA_Q3, pengganti_id=99)
    assert (h.skp_id, h.penilai_id, h.alasan) == (1, 10, ALASAN_PENILAI_SKP)


@pytest.mark.parametrize("hari_pindah", [date(2026, 8, 1), date(2026, 8, 15), date(2026, 9, 30)])
def test_pegawai_pindah_dalam_periode_dinilai_penilai_baru_000_6470(hari_pindah):
    lama = MasaSKP(1, date(2026, 1, 2), hari_pindah - timedelta(days=1), penilai_id=10)
    baru = MasaSKP(2, hari_pindah, date(2026, 12, 31), penilai_id=20)
    for urutan in ([lama, baru], [baru, lama]):
        h = penilai_periode(urutan, Q3, JENDELA_Q3, pengganti_id=None)
        assert (h.skp_id, h.penilai_id, h.alasan) == (2, 20, ALASAN_PEGAWAI_PINDAH)


def test_versi_perubahan_skp_yang_terbaru_menentukan():
    v2 = MasaSKP(5, date(2026, 1, 2), date(2026, 12, 31), penilai_id=10, versi=2)
    h = penilai_periode([LAMA, v2], Q3, JENDELA_Q3, pengganti_id=None)
    assert (h.skp_id, h.alasan) == (5, ALASAN_PENILAI_SKP)


# Purnama (000:6522-6550): quarterly, moved 25 August -> not Q3; 25 September -> Q3.
@pytest.mark.parametrize(
    ("pindah", "penilai", "alasan"),
    [
        (date(2026, 8, 25), 99, ALASAN_PENILAI_PINDAH_SEBELUM_JENDELA),
        (date(2026, 9, 22), 99, ALASAN_PENILAI_PINDAH_SEBELUM_JENDELA),  # the eve of the window
        (date(2026, 9, 23), 10, ALASAN_PENILAI_PINDAH_DALAM_JENDELA),  # its first day
        (date(2026, 9, 25), 10, ALASAN_PENILAI_PINDAH_DALAM_JENDELA),
        (date(2026, 10, 14), 10, ALASAN_PENILAI_PINDAH_DALAM_JENDELA),  # its last day
        (date(2026, 10, 20), 10, ALASAN_PENILAI_PINDAH_DALAM_JENDELA),  # after: done already
    ],
)
def test_purnama_penilai_pindah_000_6522(pindah, penilai, alasan):
    m = MasaSKP(1, date(2026, 1, 2), date(2026, 12, 31), penilai_id=10,
                penilai_pindah_pada=pindah)  # fmt: skip
    h = penilai_periode([m], Q3, JENDELA_Q3, pengganti_id=99)
    assert (h.penilai_id, h.alasan) == (penilai, alasan)


def test_semua_kombinasi_konsisten():
    """Exhaustive over move dates of both people across the year: the decided SKP is
    always the latest overlapping one, and the old rater evaluates iff she had not left
    before the window opened."""
    hari = [date(2026, 1, 2) + timedelta(days=d) for d in range(0, 365, 9)]
    for pindah_pegawai, pindah_penilai in product([None, *hari], [None, *hari]):
        masa = [MasaSKP(1, date(2026, 1, 2), date(2026, 12, 31), penilai_id=10,
                        penilai_pindah_pada=pindah_penilai)]  # fmt: skip
        if pindah_pegawai is not None:
            masa = [
                MasaSKP(1, date(2026, 1, 2), pindah_pegawai - timedelta(days=1), penilai_id=10,
                        penilai_pindah_pada=pindah_penilai),
                MasaSKP(2, pindah_pegawai, date(2026, 12, 31), penilai_id=20),
            ]  # fmt: skip
        berlaku = [m for m in masa if m.mulai <= Q3.akhir and m.selesai >= Q3.mulai]
        h = penilai_periode(masa, Q3, JENDELA_Q3, pengganti_id=99)
        if not berlaku:
            assert h is None
            continue
        terakhir = max(berlaku, key=lambda m: m.mulai)
        assert h.skp_id == terakhir.skp_id
        if terakhir.penilai_pindah_pada and terakhir.penilai_pindah_pada < JENDELA_Q3.mulai:
            assert h.penilai_id == 99
        else:
            assert h.penilai_id == terakhir.penilai_id


# --- On real data ---------------------------------------------------------------------------


@pytest.fixture
def triwulan(tim):
    from organisasi.pengaturan import pengaturan_instansi

    with lingkup_instansi(tim.instansi):
        p = pengaturan_instansi()
        p.periode_evaluasi = "triwulanan"
        p.save()
    return tim


def _penilai_q3(org):
    with lingkup_instansi(org.instansi):
        tugas = selectors.penugasan_periode([org.staf.pk], Q3, kalender_instansi())
        tim_kasi = [b.pegawai.pk for b in selectors.tim_penilai(org.kasi.pk, Q3)]
        tim_kasi2 = [b.pegawai.pk for b in selectors.tim_penilai(org.kasi2.pk, Q3)]
    return tugas[org.staf.pk], tim_kasi, tim_kasi2


def _kasi_pindah(org, tanggal):
    """Teguh (the Kepala Seksi Rekayasa) leaves on `tanggal`; Wulan heads the Seksi from
    then on, as Plt with delegated authority to rate, beside her own post."""
    with lingkup_instansi(org.instansi):
        Penempatan.objects.filter(pegawai=org.kasi).update(selesai=tanggal - timedelta(days=1))
        Penempatan.objects.create(pegawai=org.kasi, jabatan=org.jabatan_staf2, mulai=tanggal)
        Penempatan.objects.create(pegawai=org.kasi2, jabatan=org.kasi.jabatan_kepala,
                                  mulai=tanggal, jenis="plt", berwenang_menilai=True)  # fmt: skip


def test_purnama_pindah_25_september_tetap_menilai_q3(triwulan):
    _kasi_pindah(triwulan, date(2026, 9, 25))
    t, tim_kasi, tim_kasi2 = _penilai_q3(triwulan)
    assert t.penilai_id == triwulan.kasi.pk and t.alasan == ALASAN_PENILAI_PINDAH_DALAM_JENDELA
    assert triwulan.staf.pk in tim_kasi and triwulan.staf.pk not in tim_kasi2


def test_purnama_pindah_25_agustus_tidak_menilai_q3(triwulan):
    _kasi_pindah(triwulan, date(2026, 8, 25))
    t, tim_kasi, tim_kasi2 = _penilai_q3(triwulan)
    assert t.alasan == ALASAN_PENILAI_PINDAH_SEBELUM_JENDELA
    assert t.penilai_id == triwulan.kasi2.pk  # the Plt heading the Seksi when the window opens
    assert triwulan.staf.pk not in tim_kasi and triwulan.staf.pk in tim_kasi2


def _dedi_pindah(org) -> SKP:
    """Dedi moves on 15 August from Seksi Rekayasa to Seksi Angkutan, with a new SKP from
    that day rated by the Kepala Bidang (Sari), the Kepala Dinas his atasan penilai."""
    with lingkup_instansi(org.instansi):
        Penempatan.objects.filter(pegawai=org.staf).update(selesai=date(2026, 8, 14))
        baru = Penempatan.objects.create(pegawai=org.staf, jabatan=org.jabatan_staf2,
                                         mulai=date(2026, 8, 15))  # fmt: skip
        skp_baru = SKP.objects.get(pk=org.skp.pk)
        skp_baru.pk = None
        skp_baru.id = None
        skp_baru._state.adding = True
        skp_baru.penempatan = baru
        skp_baru.nomor_seri += 1
        skp_baru.periode_mulai = date(2026, 8, 15)
        skp_baru.penilai = org.kabid
        skp_baru.atasan_penilai = org.kadis
        skp_baru.save()
    return skp_baru


def test_sari_pegawai_pindah_dinilai_penilai_baru(triwulan):
    """Dedi moves on 15 August from Seksi Rekayasa to Seksi Angkutan: his new SKP (rated
    by the Kepala Bidang in this org) decides Q3; the old rater no longer lists him."""
    org = triwulan
    skp_baru = _dedi_pindah(org)
    t, tim_kasi, _ = _penilai_q3(org)
    assert (t.skp.pk, t.penilai_id, t.alasan) == (skp_baru.pk, org.kabid.pk,
                                                  ALASAN_PEGAWAI_PINDAH)  # fmt: skip
    assert org.staf.pk not in tim_kasi
    with lingkup_instansi(org.instansi):
        assert org.staf.pk in [b.pegawai.pk for b in selectors.tim_penilai(org.kabid.pk, Q3)]
        # Q1 (before the move) stays with the old rater.
        q1 = Periode(2026, Jenis.TRIWULANAN, 1)
        assert (
            selectors.penugasan_periode([org.staf.pk], q1, kalender_instansi())[
                org.staf.pk
            ].penilai_id
            == org.kasi.pk
        )


# --- A transfer recorded after the old rater began the draft -------------------------------

DALAM_JENDELA_Q3 = "2026-09-28 09:00 +07:00"
HTMX = {"HTTP_HX_REQUEST": "true"}


def _teguh_mulai_menilai(org):
    with lingkup_instansi(org.instansi), time_machine.travel(DALAM_JENDELA_Q3, tick=False):
        return services.evaluasi_nilai(
            pengguna=org.akun_kasi, skp=org.skp, periode=Q3, versi=0,
            rating_hasil_kerja="diatas", rating_perilaku_kerja="sesuai", catatan="Draf Teguh",
        )  # fmt: skip


def test_sari_pindah_dicatat_sesudah_draf_penilai_baru_melanjutkan(client, triwulan):
    """Teguh began rating Dedi for Q3; then Dedi's 15 August move is recorded. Sari, his
    rater by the rule now, saves the row from her team page: the draft is hers, on the new
    SKP, with its atasan; the re-pointing is in the history. Teguh cannot touch it."""
    org = triwulan
    e = _teguh_mulai_menilai(org)
    skp_baru = _dedi_pindah(org)
    url = f"/evaluasi/{Q3.kode}/skp/{skp_baru.pk}/"
    client.force_login(org.akun_kabid)
    with time_machine.travel(DALAM_JENDELA_Q3, tick=False):
        html = client.get(f"/evaluasi/{Q3.kode}/").content.decode()
        assert f'id="baris-{skp_baru.pk}"' in html
        r = client.post(url, {"versi": e.versi, "rating_hasil_kerja": "sesuai",
                              "rating_perilaku_kerja": "sesuai"}, **HTMX)  # fmt: skip
    assert r.status_code == 200 and "Tersimpan." in r.content.decode()
    with lingkup_instansi(org.instansi):
        e.refresh_from_db()
        assert (e.skp_id, e.penilai_id, e.atasan_penilai_id) == (
            skp_baru.pk, org.kabid.pk, org.kadis.pk
        )  # fmt: skip
        assert (e.rating_hasil_kerja, e.catatan, e.versi) == ("sesuai", "", 2)
        alasan = list(e.history.order_by("history_id").values_list("history_change_reason",
                                                                   flat=True))  # fmt: skip
    assert services.ALASAN_PENUGASAN in alasan
    # Her case page says whose draft she continues, and why.
    with time_machine.travel(DALAM_JENDELA_Q3, tick=False):
        kasus = client.get(f"/evaluasi/kasus/{e.pk}/").content.decode()
    assert "Beralih dari pejabat penilai Teguh kepada Sari" in kasus
    assert "ketentuan pegawai yang pindah" in kasus
    # Teguh's row (the old SKP) is no longer his to save, nor does his team list Dedi.
    client.force_login(org.akun_kasi)
    with time_machine.travel(DALAM_JENDELA_Q3, tick=False):
        r = client.post(f"/evaluasi/{Q3.kode}/skp/{org.skp.pk}/", {"versi": 2,
                        "rating_hasil_kerja": "dibawah", "rating_perilaku_kerja": "dibawah"},
                        **HTMX)  # fmt: skip
        tim = client.get(f"/evaluasi/{Q3.kode}/").content.decode()
    assert r.status_code == 404
    assert f'id="baris-{org.skp.pk}"' not in tim
    with lingkup_instansi(org.instansi):
        assert EvaluasiKinerja.objects.get(pk=e.pk).rating_hasil_kerja == "sesuai"


def test_draf_sebelum_pindah_diambil_alih_atasan_menurut_penempatan_baru(triwulan):
    """Nobody signed by the end of the window: the draft Teguh began goes to the atasan of
    Dedi's rater by the rule now (the Kepala Dinas), not to Teguh's atasan."""
    org = triwulan
    e = _teguh_mulai_menilai(org)
    skp_baru = _dedi_pindah(org)
    with lingkup_instansi(org.instansi):
        naik = services.evaluasi_ambil_alih(
            skp_ids=[skp_baru.pk], periode=Q3, waktu=datetime(2026, 10, 15, 2, tzinfo=UTC)
        )
        e.refresh_from_db()
    assert [x.pk for x in naik] == [e.pk]
    assert e.status == "diambil_alih"
    assert (e.skp_id, e.penilai_id, e.atasan_penilai_id) == (
        skp_baru.pk, org.kabid.pk, org.kadis.pk
    )  # fmt: skip


def test_draf_yang_sudah_ditandatangani_tidak_dipindahkan(triwulan):
    """A signature is not undone by a move recorded later: the signed D.1.1 keeps its
    rater and SKP, and the new rater's save is refused without changing it."""
    org = triwulan
    e = _teguh_mulai_menilai(org)
    with lingkup_instansi(org.instansi), time_machine.travel(DALAM_JENDELA_Q3, tick=False):
        e = services.evaluasi_tandatangani(pengguna=org.akun_kasi, evaluasi=e, versi=e.versi)
    skp_baru = _dedi_pindah(org)
    with lingkup_instansi(org.instansi), time_machine.travel(DALAM_JENDELA_Q3, tick=False):
        with pytest.raises(PermissionDenied):
            services.evaluasi_nilai(
                pengguna=org.akun_kabid, skp=skp_baru, periode=Q3, versi=e.versi,
                rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai",
            )  # fmt: skip
        e.refresh_from_db()
    assert (e.skp_id, e.penilai_id, e.status) == (org.skp.pk, org.kasi.pk, "d11_ditandatangani")


@pytest.mark.django_db(transaction=True)
def test_worker_memindahkan_draf_begitu_pindah_dicatat(worker_celery, triwulan):
    """The move committed, the worker re-points Teguh's draft without anyone saving it:
    it leaves his home page's tasks and his atasan's takeover before Sari opens it."""
    org = triwulan
    e = _teguh_mulai_menilai(org)
    skp_baru = _dedi_pindah(org)  # its commit queues evaluasi.penugasan_selaraskan
    batas = time.monotonic() + 60
    while True:
        with lingkup_instansi(org.instansi):
            e.refresh_from_db()
        if e.penilai_id != org.kasi.pk or time.monotonic() > batas:
            break
        time.sleep(0.2)
    assert (e.skp_id, e.penilai_id, e.atasan_penilai_id) == (
        skp_baru.pk, org.kabid.pk, org.kadis.pk
    )  # fmt: skip
    assert (e.status, e.rating_hasil_kerja, e.versi) == ("draf", "diatas", 1)
    with lingkup_instansi(org.instansi):
        assert services.penugasan_selaraskan_semua() == 0  # nothing left to change
        alasan = list(e.history.values_list("history_change_reason", flat=True))
    assert alasan.count(services.ALASAN_PENUGASAN) == 1


def test_perubahan_penempatan_mengantrekan_penyelarasan_sekali_setelah_commit(triwulan):
    """A transfer saved row by row, or announced by a bulk import, queues the worker's
    re-pointing once per transaction, on commit; a draft SKP's save queues nothing."""
    from django.db import connection

    from evaluasi.sinyal import _PENANDA
    from organisasi.sinyal import penempatan_diubah_massal

    def antrean():
        return [getattr(f, _PENANDA, None) for _, f, _ in connection.run_on_commit]

    org = triwulan
    # The test is one transaction: forget what the fixtures' own saves queued.
    connection.run_on_commit.clear()
    skp_contoh(org, pegawai=org.kasi2)  # a draft SKP decides nothing
    assert antrean() == []
    with lingkup_instansi(org.instansi):
        penempatan_diubah_massal.send(sender=Penempatan, instansi_id=org.instansi.pk)
    assert antrean() == [org.instansi.pk]
    _dedi_pindah(org)  # a placement and a signed SKP, in the same transaction
    assert antrean() == [org.instansi.pk]
    connection.run_on_commit.clear()
    with lingkup_instansi(org.instansi):
        Penempatan.objects.filter(pegawai=org.staf).order_by("mulai").first().save()
    assert antrean() == [org.instansi.pk]  # one changed placement is enough
