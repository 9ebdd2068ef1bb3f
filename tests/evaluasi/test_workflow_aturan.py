"""The evaluation case's workflow as pure rules: every transition, who may take it, and
the deadline of every step (spec-evaluation §5.3). Service-level tests are in
test_services.py."""

from datetime import date

import pytest

from evaluasi.workflow import (
    TENGGAT_PER_KODE,
    TRANSISI,
    Aksi,
    AksiDitolak,
    Peran,
    Peristiwa,
    Status,
    aksi_tersedia,
    jatuh_tempo,
    peran_dalam,
    periksa_aksi,
    tenggat_berjalan,
)
from organisasi.hari_kerja import KalenderKerja

S, A, R = Status, Aksi, Peran

# Every allowed (action, from, to, by) of §5.3; anything else is refused.
DIIZINKAN = [
    (A.NILAI, S.DRAF, None, R.PENILAI),
    (A.NILAI, S.DIAMBIL_ALIH, None, R.ATASAN),
    (A.TANDATANGANI_PENILAI, S.DRAF, S.D11_DITANDATANGANI, R.PENILAI),  # 000:8288-8290
    (A.AMBIL_ALIH, S.DRAF, S.DIAMBIL_ALIH, R.SISTEM),  # 000:6439-6447
    (A.TANDATANGANI_ATASAN, S.DIAMBIL_ALIH, S.D12_DITANDATANGANI, R.ATASAN),  # 000:8387
    (A.SERAHKAN, S.D11_DITANDATANGANI, S.D11_DISERAHKAN, R.PENILAI),  # 000:8292
    (A.SERAHKAN, S.D12_DITANDATANGANI, S.D12_DISERAHKAN, R.ATASAN),  # 000:8400
    (A.TANDATANGANI_PEGAWAI, S.D11_DISERAHKAN, S.D11_DIKEMBALIKAN, R.PEGAWAI),  # 000:8298
    (A.TANDATANGANI_PEGAWAI, S.D12_DISERAHKAN, S.D12_DIKEMBALIKAN, R.PEGAWAI),  # 000:8406
    (A.LAPORKAN, S.D11_DIKEMBALIKAN, S.DILAPORKAN, R.PENILAI),  # 000:8379
    (A.LAPORKAN, S.D12_DIKEMBALIKAN, S.DILAPORKAN, R.ATASAN),  # 000:8487
]


def test_tabel_transisi_sama_dengan_spesifikasi_5_3():
    assert {(a, d, t.ke, p) for (a, d), t in TRANSISI.items() for p in t.oleh} == set(DIIZINKAN)


@pytest.mark.parametrize("aksi, dari, ke, oleh", DIIZINKAN)
def test_transisi_oleh_perannya(aksi, dari, ke, oleh):
    assert periksa_aksi(aksi, dari, frozenset({oleh})) == ke
    assert aksi in aksi_tersedia(dari, frozenset({oleh}))


@pytest.mark.parametrize("aksi, dari, ke, oleh", DIIZINKAN)
def test_transisi_ditolak_bagi_peran_lain(aksi, dari, ke, oleh):
    for lain in set(Peran) - {oleh}:
        with pytest.raises(AksiDitolak):
            periksa_aksi(aksi, dari, frozenset({lain}))
        assert aksi not in aksi_tersedia(dari, frozenset({lain}))


def test_setiap_pasangan_lain_ditolak_dengan_pesan_indonesia():
    semua = frozenset(Peran)
    for aksi in Aksi:
        for status in Status:
            if (aksi, status) in TRANSISI:
                continue
            with pytest.raises(AksiDitolak) as e:
                periksa_aksi(aksi, status, semua)
            assert "000:" not in str(e.value)


def test_ditandatangani_tidak_dapat_dinilai_ulang():
    for status in (S.D11_DITANDATANGANI, S.D12_DITANDATANGANI, S.DILAPORKAN):
        with pytest.raises(AksiDitolak, match="sebelum dokumen evaluasi ditandatangani"):
            periksa_aksi(A.NILAI, status, frozenset({R.PENILAI, R.ATASAN}))


def test_atasan_hanya_bertindak_setelah_diambil_alih():
    args = {"pegawai_id": 3, "dinilai_id": 1, "penilai_id": 2, "atasan_id": 3}
    assert peran_dalam(**args, status=S.DRAF) == frozenset()
    assert peran_dalam(**args, status=S.DIAMBIL_ALIH) == {R.ATASAN}
    assert peran_dalam(**{**args, "pegawai_id": 2}, status=S.DRAF) == {R.PENILAI}
    assert peran_dalam(**{**args, "pegawai_id": 1}, status=S.DRAF) == {R.PEGAWAI}
    assert peran_dalam(**{**args, "pegawai_id": None}, status=S.DRAF) == frozenset()


def test_penilai_tidak_menandatangani_setelah_diambil_alih():
    with pytest.raises(AksiDitolak, match="belum ditandatangani atau diambil alih"):
        periksa_aksi(A.TANDATANGANI_PENILAI, S.DIAMBIL_ALIH, frozenset({R.PENILAI}))


# --- Deadlines (spec §5.2: 14/14/30 on D.1.1, 14/7/7 and 30 on D.1.2) ----------------------


@pytest.mark.parametrize(
    "kode, peristiwa, hari",
    [
        ("evaluasi.penilaian", Peristiwa.AKHIR_JENDELA, 0),
        ("evaluasi.d11_serah", Peristiwa.TANDA_TANGAN_PENILAI, 14),  # 000:8292-8296
        ("evaluasi.d11_kembali", Peristiwa.DITERIMA_PEGAWAI, 14),  # 000:8298-8304
        ("evaluasi.d11_lapor", Peristiwa.AKHIR_JENDELA, 30),  # 000:8379-8385
        ("evaluasi.d12_tandatangan", Peristiwa.AKHIR_JENDELA, 14),  # 000:8387-8398
        ("evaluasi.d12_serah", Peristiwa.TANDA_TANGAN_ATASAN, 7),  # 000:8400-8404
        ("evaluasi.d12_kembali", Peristiwa.DITERIMA_PEGAWAI, 7),  # 000:8406-8414
        ("evaluasi.d12_lapor", Peristiwa.AKHIR_JENDELA, 30),  # 000:8487-8493
    ],
)
def test_tenggat_000_8292_8493(kode, peristiwa, hari):
    t = TENGGAT_PER_KODE[kode]
    assert (t.peristiwa, t.hari_kerja) == (peristiwa, hari)
    # The one who must act is the one the workflow lets take the step.
    for status in t.berjalan_pada:
        if (t.aksi, status) in TRANSISI:
            assert TRANSISI[(t.aksi, status)].oleh


def test_tenggat_berjalan_per_status():
    assert {t.kode for t in tenggat_berjalan(S.DRAF)} == {"evaluasi.penilaian"}
    assert {t.kode for t in tenggat_berjalan(S.D11_DISERAHKAN)} == {
        "evaluasi.d11_kembali",
        "evaluasi.d11_lapor",
    }
    assert {t.kode for t in tenggat_berjalan(S.DIAMBIL_ALIH)} == {
        "evaluasi.d12_tandatangan",
        "evaluasi.d12_lapor",
    }
    assert tenggat_berjalan(S.DILAPORKAN) == []


def test_jatuh_tempo_melewati_libur_yang_ditambahkan():
    serah = TENGGAT_PER_KODE["evaluasi.d11_serah"]
    tanda_tangan = {Peristiwa.TANDA_TANGAN_PENILAI: date(2026, 3, 2)}  # Monday
    # 14 working days from Mon 2 March 2026: the national holidays of Nyepi/Idul Fitri
    # (and their cuti bersama) in March 2026 are skipped by the calendar.
    biasa = jatuh_tempo(serah, KalenderKerja(), tanda_tangan)
    assert KalenderKerja().hitung_hari_kerja(date(2026, 3, 2), biasa.tanggal) == 14
    libur = KalenderKerja(libur_instansi={date(2026, 3, 4): "Libur daerah"})
    assert jatuh_tempo(serah, libur, tanda_tangan).tanggal > biasa.tanggal
    assert jatuh_tempo(serah, KalenderKerja(), {}) is None
