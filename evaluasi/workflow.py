"""The workflow of one evaluation case (one pegawai, one period): its states, its
transitions, who may take each one, and the deadline of each step (spec-evaluation §5.3).

    DRAF --tandatangani_penilai--> D11_DITANDATANGANI --serahkan--> D11_DISERAHKAN
      |                                                               |
      |                                              tandatangani_pegawai
      |                                                               v
      |                          DILAPORKAN <--laporkan-- D11_DIKEMBALIKAN
      |
      +--ambil_alih (the window ended unsigned)--> DIAMBIL_ALIH
             --tandatangani_atasan--> D12_DITANDATANGANI --serahkan--> D12_DISERAHKAN
             --tandatangani_pegawai--> D12_DIKEMBALIKAN --laporkan--> DILAPORKAN

The pejabat penilai rates and signs the dokumen evaluasi D.1.1 inside the evaluation
window (000:6439-6447, 8280-8296); it is delivered within 14 working days of signing, the
pegawai signs and returns it within 14 working days of receipt, and the penilai reports it
to the PyB (or the agency's recipient) within 30 working days of the window's end
(000:8292-8304, 8379-8385). A penilai who has not evaluated "dan/atau" not signed by the
window's end hands the case to the atasan pejabat penilai, who evaluates and signs D.1.2
within 14 working days of the window's end; delivered within 7, returned within 7,
reported within 30, and the result is final (000:8387-8414, 8487-8493). Rating and
signing are one state here (DRAF): the spec's EVALUATED state is DRAF with a predikat,
since an unsigned evaluation is taken over just the same (AMBIG-14).

Keberatan (D.1.3) will add its states here when it is built.

Pure: no database. Services call `periksa_aksi` before they change anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from organisasi.hari_kerja import KalenderKerja, Tenggat, hitung_tenggat


class Status(StrEnum):
    DRAF = "draf"
    D11_DITANDATANGANI = "d11_ditandatangani"
    D11_DISERAHKAN = "d11_diserahkan"
    D11_DIKEMBALIKAN = "d11_dikembalikan"
    DIAMBIL_ALIH = "diambil_alih"
    D12_DITANDATANGANI = "d12_ditandatangani"
    D12_DISERAHKAN = "d12_diserahkan"
    D12_DIKEMBALIKAN = "d12_dikembalikan"
    DILAPORKAN = "dilaporkan"

    @property
    def label(self) -> str:
        return LABEL_STATUS[self]


LABEL_STATUS = {
    Status.DRAF: "Sedang dievaluasi",
    Status.D11_DITANDATANGANI: "D.1.1 ditandatangani pejabat penilai",
    Status.D11_DISERAHKAN: "D.1.1 diserahkan kepada pegawai",
    Status.D11_DIKEMBALIKAN: "D.1.1 ditandatangani pegawai",
    Status.DIAMBIL_ALIH: "Dievaluasi atasan pejabat penilai",
    Status.D12_DITANDATANGANI: "D.1.2 ditandatangani atasan pejabat penilai",
    Status.D12_DISERAHKAN: "D.1.2 diserahkan kepada pegawai",
    Status.D12_DIKEMBALIKAN: "D.1.2 ditandatangani pegawai",
    Status.DILAPORKAN: "Dilaporkan",
}

# Status groups, defined once.
DAPAT_DINILAI = frozenset({Status.DRAF, Status.DIAMBIL_ALIH})  # ratings may change
JALUR_ATASAN = frozenset(
    {Status.DIAMBIL_ALIH, Status.D12_DITANDATANGANI, Status.D12_DISERAHKAN,
     Status.D12_DIKEMBALIKAN}
)  # fmt: skip
DITANDATANGANI = frozenset(
    {Status.D11_DITANDATANGANI, Status.D11_DISERAHKAN, Status.D11_DIKEMBALIKAN,
     Status.D12_DITANDATANGANI, Status.D12_DISERAHKAN, Status.D12_DIKEMBALIKAN,
     Status.DILAPORKAN}
)  # fmt: skip


class Peran(StrEnum):
    PEGAWAI = "pegawai"
    PENILAI = "penilai"
    ATASAN = "atasan"  # acts only once the case is taken over
    SISTEM = "sistem"  # the deadline sweep


class Aksi(StrEnum):
    NILAI = "nilai"  # set ratings, predikat, catatan/rekomendasi
    TANDATANGANI_PENILAI = "tandatangani_penilai"  # D.1.1
    AMBIL_ALIH = "ambil_alih"
    TANDATANGANI_ATASAN = "tandatangani_atasan"  # D.1.2
    SERAHKAN = "serahkan"
    TANDATANGANI_PEGAWAI = "tandatangani_pegawai"
    LAPORKAN = "laporkan"


@dataclass(frozen=True)
class Transisi:
    dari: Status
    ke: Status | None  # None: no state change
    oleh: frozenset[Peran]


def _t(dari, ke, *oleh) -> Transisi:
    return Transisi(dari, ke, frozenset(oleh))


# (action, from state) -> transition. A pair that is absent is not allowed.
TRANSISI: dict[tuple[Aksi, Status], Transisi] = {
    (Aksi.NILAI, Status.DRAF): _t(Status.DRAF, None, Peran.PENILAI),
    (Aksi.NILAI, Status.DIAMBIL_ALIH): _t(Status.DIAMBIL_ALIH, None, Peran.ATASAN),
    (Aksi.TANDATANGANI_PENILAI, Status.DRAF): _t(
        Status.DRAF, Status.D11_DITANDATANGANI, Peran.PENILAI
    ),
    (Aksi.AMBIL_ALIH, Status.DRAF): _t(Status.DRAF, Status.DIAMBIL_ALIH, Peran.SISTEM),
    (Aksi.TANDATANGANI_ATASAN, Status.DIAMBIL_ALIH): _t(
        Status.DIAMBIL_ALIH, Status.D12_DITANDATANGANI, Peran.ATASAN
    ),
    (Aksi.SERAHKAN, Status.D11_DITANDATANGANI): _t(
        Status.D11_DITANDATANGANI, Status.D11_DISERAHKAN, Peran.PENILAI
    ),
    (Aksi.SERAHKAN, Status.D12_DITANDATANGANI): _t(
        Status.D12_DITANDATANGANI, Status.D12_DISERAHKAN, Peran.ATASAN
    ),
    (Aksi.TANDATANGANI_PEGAWAI, Status.D11_DISERAHKAN): _t(
        Status.D11_DISERAHKAN, Status.D11_DIKEMBALIKAN, Peran.PEGAWAI
    ),
    (Aksi.TANDATANGANI_PEGAWAI, Status.D12_DISERAHKAN): _t(
        Status.D12_DISERAHKAN, Status.D12_DIKEMBALIKAN, Peran.PEGAWAI
    ),
    (Aksi.LAPORKAN, Status.D11_DIKEMBALIKAN): _t(
        Status.D11_DIKEMBALIKAN, Status.DILAPORKAN, Peran.PENILAI
    ),
    (Aksi.LAPORKAN, Status.D12_DIKEMBALIKAN): _t(
        Status.D12_DIKEMBALIKAN, Status.DILAPORKAN, Peran.ATASAN
    ),
}

PESAN_STATUS = {
    Aksi.NILAI: "Penilaian hanya dapat diubah sebelum dokumen evaluasi ditandatangani.",
    Aksi.TANDATANGANI_PENILAI: "Dokumen evaluasi D.1.1 ditandatangani pejabat penilai "
    "selama evaluasi belum ditandatangani atau diambil alih atasan.",
    Aksi.AMBIL_ALIH: "Hanya evaluasi yang belum ditandatangani pejabat penilai yang "
    "diambil alih atasan.",
    Aksi.TANDATANGANI_ATASAN: "Dokumen evaluasi D.1.2 ditandatangani atasan pejabat "
    "penilai setelah evaluasi diambil alih.",
    Aksi.SERAHKAN: "Hanya dokumen evaluasi yang sudah ditandatangani dan belum diserahkan "
    "yang dapat diserahkan kepada pegawai.",
    Aksi.TANDATANGANI_PEGAWAI: "Pegawai menandatangani dokumen evaluasi setelah menerimanya.",
    Aksi.LAPORKAN: "Dokumen evaluasi dilaporkan setelah ditandatangani pegawai.",
}


class AksiDitolak(Exception):
    """The action is not allowed; the message is for the user, in Indonesian."""


def peran_dalam(
    *, pegawai_id: int | None, dinilai_id: int, penilai_id: int | None,
    atasan_id: int | None, status: str,
) -> frozenset[Peran]:  # fmt: skip
    """The roles a person has towards one evaluation case. The atasan acts only on the
    taken-over path; before that she reads, like the SKP's atasan before escalation."""
    if pegawai_id is None:
        return frozenset()
    peran = set()
    if pegawai_id == dinilai_id:
        peran.add(Peran.PEGAWAI)
    if penilai_id is not None and pegawai_id == penilai_id:
        peran.add(Peran.PENILAI)
    if atasan_id is not None and pegawai_id == atasan_id and status in JALUR_ATASAN:
        peran.add(Peran.ATASAN)
    return frozenset(peran)


def boleh(aksi: Aksi, status: str, peran: frozenset[Peran]) -> bool:
    transisi = TRANSISI.get((aksi, status))
    return transisi is not None and bool(transisi.oleh & peran)


def periksa_aksi(aksi: Aksi, status: str, peran: frozenset[Peran]) -> Status | None:
    """The status after the action; raises AksiDitolak with the reason otherwise."""
    berwenang = {p for (a, _), t in TRANSISI.items() if a == aksi for p in t.oleh}
    if not berwenang & peran:
        raise AksiDitolak("Anda tidak berwenang melakukan tindakan ini pada evaluasi ini.")
    transisi = TRANSISI.get((aksi, status))
    if transisi is None:
        raise AksiDitolak(PESAN_STATUS[aksi])
    if not transisi.oleh & peran:
        raise AksiDitolak("Anda tidak berwenang melakukan tindakan ini pada evaluasi ini.")
    return transisi.ke


def berwenang(aksi: Aksi, peran: frozenset[Peran]) -> bool:
    """Whether any of these roles takes `aksi` from some state: a person with the role
    who meets the wrong state is told why (a ValidationError), a stranger only that she
    may not (PermissionDenied)."""
    return any(a == aksi and t.oleh & peran for (a, _), t in TRANSISI.items())


def aksi_tanda_tangan(status: str) -> Aksi | None:
    """Which signature a case awaits: D.1.1 by the penilai while DRAF, D.1.2 by the atasan
    once taken over."""
    return {Status.DRAF: Aksi.TANDATANGANI_PENILAI,
            Status.DIAMBIL_ALIH: Aksi.TANDATANGANI_ATASAN}.get(status)  # fmt: skip


def aksi_tersedia(status: str, peran: frozenset[Peran]) -> list[Aksi]:
    """What the page offers this person now."""
    return [a for a in Aksi if boleh(a, status, peran)]


# --- Deadlines ---------------------------------------------------------------------------


class Peristiwa(StrEnum):
    """The event a deadline counts from (spec §5.3 key clocks)."""

    AKHIR_JENDELA = "akhir jangka waktu evaluasi"  # W_end
    TANDA_TANGAN_PENILAI = "penandatanganan oleh pejabat penilai"  # sigP
    TANDA_TANGAN_ATASAN = "penandatanganan oleh atasan pejabat penilai"  # sigA
    DITERIMA_PEGAWAI = "penerimaan oleh pegawai"  # rcv


@dataclass(frozen=True)
class DefinisiTenggat:
    """One step's deadline: who must act, in which states the clock runs, N working days
    from which event (0: the event's own date, the window's end itself)."""

    kode: str
    judul: str
    aksi: Aksi
    berjalan_pada: frozenset[Status]
    peristiwa: Peristiwa
    hari_kerja: int


TENGGAT: tuple[DefinisiTenggat, ...] = (
    # The window's end: evaluate and sign, or the atasan takes over (000:6439-6447, 8387-8395).
    DefinisiTenggat(
        "evaluasi.penilaian", "Batas evaluasi dan penandatanganan D.1.1",
        Aksi.TANDATANGANI_PENILAI, frozenset({Status.DRAF}), Peristiwa.AKHIR_JENDELA, 0,
    ),
    # 000:8292-8296
    DefinisiTenggat(
        "evaluasi.d11_serah", "Penyerahan D.1.1 kepada pegawai", Aksi.SERAHKAN,
        frozenset({Status.D11_DITANDATANGANI}), Peristiwa.TANDA_TANGAN_PENILAI, 14,
    ),
    # 000:8298-8304
    DefinisiTenggat(
        "evaluasi.d11_kembali", "Pegawai menandatangani dan mengembalikan D.1.1",
        Aksi.TANDATANGANI_PEGAWAI, frozenset({Status.D11_DISERAHKAN}),
        Peristiwa.DITERIMA_PEGAWAI, 14,
    ),
    # 000:8379-8385
    DefinisiTenggat(
        "evaluasi.d11_lapor", "Pelaporan D.1.1", Aksi.LAPORKAN,
        frozenset({Status.D11_DITANDATANGANI, Status.D11_DISERAHKAN, Status.D11_DIKEMBALIKAN}),
        Peristiwa.AKHIR_JENDELA, 30,
    ),
    # 000:8387-8398
    DefinisiTenggat(
        "evaluasi.d12_tandatangan", "Atasan mengevaluasi dan menandatangani D.1.2",
        Aksi.TANDATANGANI_ATASAN, frozenset({Status.DIAMBIL_ALIH}), Peristiwa.AKHIR_JENDELA, 14,
    ),
    # 000:8400-8404
    DefinisiTenggat(
        "evaluasi.d12_serah", "Penyerahan D.1.2 kepada pegawai", Aksi.SERAHKAN,
        frozenset({Status.D12_DITANDATANGANI}), Peristiwa.TANDA_TANGAN_ATASAN, 7,
    ),
    # 000:8406-8414
    DefinisiTenggat(
        "evaluasi.d12_kembali", "Pegawai menandatangani dan mengembalikan D.1.2",
        Aksi.TANDATANGANI_PEGAWAI, frozenset({Status.D12_DISERAHKAN}),
        Peristiwa.DITERIMA_PEGAWAI, 7,
    ),
    # 000:8487-8493
    DefinisiTenggat(
        "evaluasi.d12_lapor", "Pelaporan D.1.2", Aksi.LAPORKAN,
        frozenset({Status.DIAMBIL_ALIH, Status.D12_DITANDATANGANI, Status.D12_DISERAHKAN,
                   Status.D12_DIKEMBALIKAN}),
        Peristiwa.AKHIR_JENDELA, 30,
    ),
)  # fmt: skip

TENGGAT_PER_KODE = {t.kode: t for t in TENGGAT}


def hari_langkah(langkah: str, *, d12: bool) -> int:
    """Working days allowed for a step ("serah", "kembali", "lapor") on the D.1.1 or the
    D.1.2 path, read from TENGGAT so messages never restate the numbers."""
    return TENGGAT_PER_KODE[f"evaluasi.{'d12' if d12 else 'd11'}_{langkah}"].hari_kerja


def tenggat_berjalan(status: str) -> list[DefinisiTenggat]:
    """The deadlines whose clock runs while a case is in `status`."""
    return [t for t in TENGGAT if status in t.berjalan_pada]


def jatuh_tempo(
    definisi: DefinisiTenggat, kalender: KalenderKerja, peristiwa: dict[Peristiwa, date]
) -> Tenggat | None:
    """The due date of one step, or None while its event has not happened yet."""
    mulai = peristiwa.get(definisi.peristiwa)
    if mulai is None:
        return None
    return hitung_tenggat(kalender, mulai, definisi.hari_kerja)
