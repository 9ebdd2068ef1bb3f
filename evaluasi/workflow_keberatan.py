"""The workflow of one keberatan: its states, its transitions and who may take each one
(Lampiran BAB V huruf B; spec-evaluation §5.3 rows 7-9K).

    (filed by the pegawai)
    PENJELASAN_DIMINTA --jelaskan (penilai)--> PENJELASAN_DIBERIKAN
    PENJELASAN_DIBERIKAN --minta_tambahan (atasan)--> TAMBAHAN_DIMINTA
    TAMBAHAN_DIMINTA --tanggapi (the party asked)--> PENJELASAN_DIBERIKAN (all answered)
    any open state --putuskan (atasan)--> DIKUATKAN            (the result stands; D.1.1)
                                      --> DIUBAH               (new result; D.1.3 to sign)
    DIUBAH --tandatangani (penilai, pegawai, atasan: 9, 10, 11)--> D13_DITANDATANGANI
    D13_DITANDATANGANI --laporkan (atasan)--> DILAPORKAN

Filing sends the keberatan to the atasan pejabat penilai, whose examination starts by
asking the rater for a penjelasan (000:8532-8540); that request is part of the filing,
so a filed keberatan waits for the rater at once. The atasan may decide in any open
state: the 7 working days run whether or not the rater answered (000:8548-8552). The
rater never decides: only the atasan does, and a person who is both is refused.

Pure: no database. Services call `periksa_aksi` before they change anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    PENJELASAN_DIMINTA = "penjelasan_diminta"
    PENJELASAN_DIBERIKAN = "penjelasan_diberikan"
    TAMBAHAN_DIMINTA = "tambahan_diminta"
    DIKUATKAN = "dikuatkan"
    DIUBAH = "diubah"
    D13_DITANDATANGANI = "d13_ditandatangani"
    DILAPORKAN = "dilaporkan"

    @property
    def label(self) -> str:
        return LABEL_STATUS[self]


LABEL_STATUS = {
    Status.PENJELASAN_DIMINTA: "Diajukan; menunggu penjelasan pejabat penilai",
    Status.PENJELASAN_DIBERIKAN: "Penjelasan diberikan; menunggu keputusan atasan",
    Status.TAMBAHAN_DIMINTA: "Atasan meminta keterangan tambahan",
    Status.DIKUATKAN: "Diputuskan: hasil evaluasi dikuatkan",
    Status.DIUBAH: "Diputuskan: hasil evaluasi diubah; D.1.3 menunggu tanda tangan",
    Status.D13_DITANDATANGANI: "D.1.3 ditandatangani; menunggu pelaporan",
    Status.DILAPORKAN: "D.1.3 dilaporkan",
}

# Not yet decided: the K2 clock runs and the missed-decision flag may be raised.
TERBUKA = frozenset({Status.PENJELASAN_DIMINTA, Status.PENJELASAN_DIBERIKAN,
                     Status.TAMBAHAN_DIMINTA})  # fmt: skip
# Changed and not yet reported: the K3 clock runs.
BELUM_DILAPORKAN = frozenset({Status.DIUBAH, Status.D13_DITANDATANGANI})
# The result of D.1.3 applies (reports and exports read it).
DIUBAH_BERLAKU = frozenset({Status.DIUBAH, Status.D13_DITANDATANGANI, Status.DILAPORKAN})


class Peran(StrEnum):
    PEGAWAI = "pegawai"
    PENILAI = "penilai"
    ATASAN = "atasan"


LABEL_PERAN = {
    Peran.PEGAWAI: "pegawai yang dinilai",
    Peran.PENILAI: "pejabat penilai kinerja",
    Peran.ATASAN: "atasan pejabat penilai kinerja",
}


class Aksi(StrEnum):
    JELASKAN = "jelaskan"
    MINTA_TAMBAHAN = "minta_tambahan"
    TANGGAPI = "tanggapi"
    PUTUSKAN = "putuskan"
    TANDATANGANI = "tandatangani"
    LAPORKAN = "laporkan"


@dataclass(frozen=True)
class Transisi:
    ke: Status | None  # None: no state change by itself
    oleh: frozenset[Peran]


def _t(ke, *oleh) -> Transisi:
    return Transisi(ke, frozenset(oleh))


_SEMUA = (Peran.PEGAWAI, Peran.PENILAI)

TRANSISI: dict[tuple[Aksi, Status], Transisi] = {
    (Aksi.JELASKAN, Status.PENJELASAN_DIMINTA): _t(Status.PENJELASAN_DIBERIKAN, Peran.PENILAI),
    # The rater may correct the penjelasan until it is decided.
    (Aksi.JELASKAN, Status.PENJELASAN_DIBERIKAN): _t(None, Peran.PENILAI),
    (Aksi.MINTA_TAMBAHAN, Status.PENJELASAN_DIBERIKAN): _t(Status.TAMBAHAN_DIMINTA, Peran.ATASAN),
    (Aksi.MINTA_TAMBAHAN, Status.TAMBAHAN_DIMINTA): _t(None, Peran.ATASAN),
    # Back to PENJELASAN_DIBERIKAN once every open request is answered (the service).
    (Aksi.TANGGAPI, Status.TAMBAHAN_DIMINTA): _t(None, *_SEMUA),
    (Aksi.PUTUSKAN, Status.PENJELASAN_DIMINTA): _t(None, Peran.ATASAN),
    (Aksi.PUTUSKAN, Status.PENJELASAN_DIBERIKAN): _t(None, Peran.ATASAN),
    (Aksi.PUTUSKAN, Status.TAMBAHAN_DIMINTA): _t(None, Peran.ATASAN),
    # D.1.3 signature blocks 9, 10, 11: the last one completes it (the service).
    (Aksi.TANDATANGANI, Status.DIUBAH): _t(None, Peran.PENILAI, Peran.PEGAWAI, Peran.ATASAN),
    (Aksi.LAPORKAN, Status.D13_DITANDATANGANI): _t(Status.DILAPORKAN, Peran.ATASAN),
}

PESAN_STATUS = {
    Aksi.JELASKAN: "Penjelasan diberikan selama keberatan belum diputuskan.",
    Aksi.MINTA_TAMBAHAN: "Keterangan tambahan diminta setelah pejabat penilai memberikan "
    "penjelasan dan sebelum keberatan diputuskan.",
    Aksi.TANGGAPI: "Tidak ada permintaan keterangan tambahan yang menunggu tanggapan.",
    Aksi.PUTUSKAN: "Keberatan ini sudah diputuskan.",
    Aksi.TANDATANGANI: "Dokumen D.1.3 ditandatangani setelah keputusan mengubah dan sebelum "
    "ditandatangani lengkap.",
    Aksi.LAPORKAN: "D.1.3 dilaporkan setelah ditandatangani pejabat penilai, pegawai dan "
    "atasan pejabat penilai.",
}


class AksiDitolak(Exception):
    """The action is not allowed; the message is for the user, in Indonesian."""


def peran_dalam(
    *, pegawai_id: int | None, dinilai_id: int, penilai_id: int, atasan_id: int
) -> frozenset[Peran]:
    """The roles a person has in one keberatan. Someone who is both rater and atasan
    (bad data) is only the rater: the rater never decides on an objection to her own
    result."""
    if pegawai_id is None:
        return frozenset()
    peran = set()
    if pegawai_id == dinilai_id:
        peran.add(Peran.PEGAWAI)
    if pegawai_id == penilai_id:
        peran.add(Peran.PENILAI)
    elif pegawai_id == atasan_id:
        peran.add(Peran.ATASAN)
    return frozenset(peran)


def boleh(aksi: Aksi, status: str, peran: frozenset[Peran]) -> bool:
    t = TRANSISI.get((aksi, status))
    return t is not None and bool(t.oleh & peran)


def periksa_aksi(aksi: Aksi, status: str, peran: frozenset[Peran]) -> Status | None:
    """The status after the action (None: unchanged); AksiDitolak with the reason."""
    berwenang = {p for (a, _), t in TRANSISI.items() if a == aksi for p in t.oleh}
    if not berwenang & peran:
        raise AksiDitolak("Anda tidak berwenang melakukan tindakan ini pada keberatan ini.")
    t = TRANSISI.get((aksi, status))
    if t is None:
        raise AksiDitolak(PESAN_STATUS[aksi])
    if not t.oleh & peran:
        raise AksiDitolak("Anda tidak berwenang melakukan tindakan ini pada keberatan ini.")
    return t.ke


def aksi_tersedia(status: str, peran: frozenset[Peran]) -> list[Aksi]:
    return [a for a in Aksi if boleh(a, status, peran)]


PENANDA_TANGAN = (Peran.PENILAI, Peran.PEGAWAI, Peran.ATASAN)  # D.1.3 blocks 9, 10, 11


def status_setelah_tanda_tangan(sudah: set[Peran] | frozenset[Peran]) -> Status:
    """DIUBAH until all three have signed D.1.3."""
    return Status.D13_DITANDATANGANI if set(PENANDA_TANGAN) <= set(sudah) else Status.DIUBAH
