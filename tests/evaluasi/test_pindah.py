"""Who evaluates when people move (spec-evaluation §3.7): the pure rule
`periode.penilai_periode`, exhaustively, and the selectors that use it on real data
(Sari: the pegawai moves mid-period, 000:6470-6500; Purnama: the rater moves before or
inside the window, 000:6508-6550)."""

from datetime import date, timedelta
from itertools import product

import pytest

from evaluasi import selectors
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


def test_sari_pegawai_pindah_dinilai_penilai_baru(triwulan):
    """Dedi moves on 15 August from Seksi Rekayasa to Seksi Angkutan: his new SKP (rated
    by the Kepala Bidang in this org) decides Q3; the old rater no longer lists him."""
    org = triwulan
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
