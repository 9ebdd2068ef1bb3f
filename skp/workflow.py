"""The SKP workflow: its states, its transitions, and who may take each one.

    DRAF --ajukan--> DIAJUKAN --tetapkan--> DITETAPKAN --tandatangani--> DITANDATANGANI
      ^                 |                                                     |
      +--kembalikan-----+ (as DIKEMBALIKAN, edited like a draft)   ganti (new version signed)
                                                                              v
                                                                           DIGANTI

The employee drafts and submits, the pejabat penilai returns it with comments or
sets priorities and ekspektasi khusus and sets it (menetapkan), then the employee
signs (000:4537-4539; Pasal 14(3)). After the January deadline the system escalates
every SKP still BELUM_DITETAPKAN (`ESKALASI`: no status change, the atasan pejabat
penilai gains the right to return or set it, 000:4573-4579). A change during the year
makes a new version (`buat_perubahan`); the old version becomes DIGANTI when the new
one is signed (`GANTI`, taken by the system inside the signing).

The status groups live here once; models (the database triggers), services, selectors
and the deadline sweep import them.

Pure: no database. Services call `periksa_aksi` before they change anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import models


class Status(models.TextChoices):
    DRAF = "draf", "Draf"
    DIAJUKAN = "diajukan", "Diajukan ke pejabat penilai"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk diperbaiki"
    DITETAPKAN = "ditetapkan", "Ditetapkan pejabat penilai"
    DITANDATANGANI = "ditandatangani", "Ditandatangani pegawai"
    DIGANTI = "diganti", "Diganti versi baru"


# Not yet set: bound by the January deadline, reminded and escalated.
BELUM_DITETAPKAN = (Status.DRAF, Status.DIAJUKAN, Status.DIKEMBALIKAN)
# Once set, the content of an SKP never changes (enforced in PostgreSQL, skp/models.py).
STATUS_TERKUNCI = (Status.DITETAPKAN, Status.DITANDATANGANI, Status.DIGANTI)
# Set and in force: the SKP binds the year (an MPH divides its results, the team builds on it).
BERLAKU = (Status.DITETAPKAN, Status.DITANDATANGANI)
# The employee edits RHK, IKI and Lampiran only in these.
DAPAT_DISUNTING = (Status.DRAF, Status.DIKEMBALIKAN)


class Peran(StrEnum):
    PEGAWAI = "pegawai"
    PENILAI = "penilai"
    ATASAN = "atasan"  # only once the SKP is escalated
    SISTEM = "sistem"  # the deadline sweep, and the signing of a newer version


class Aksi(StrEnum):
    SUNTING = "sunting"  # the employee edits RHK, IKI, Lampiran
    AJUKAN = "ajukan"
    KEMBALIKAN = "kembalikan"
    ATUR = "atur"  # the rater sets priorities (utama/tambahan) and ekspektasi khusus
    TETAPKAN = "tetapkan"
    TANDATANGANI = "tandatangani"
    BUAT_PERUBAHAN = "buat_perubahan"
    ESKALASI = "eskalasi"  # the deadline passed: the atasan may now act
    GANTI = "ganti"  # a newer version was signed


@dataclass(frozen=True)
class Aturan:
    dari: frozenset[str]
    ke: str | None  # None: no state change
    oleh: frozenset[Peran]


_PENILAI = frozenset({Peran.PENILAI, Peran.ATASAN})
_DAPAT_DISUNTING = frozenset(DAPAT_DISUNTING)
_SISTEM = frozenset({Peran.SISTEM})

ATURAN: dict[Aksi, Aturan] = {
    Aksi.SUNTING: Aturan(_DAPAT_DISUNTING, None, frozenset({Peran.PEGAWAI})),
    Aksi.AJUKAN: Aturan(_DAPAT_DISUNTING, Status.DIAJUKAN, frozenset({Peran.PEGAWAI})),
    Aksi.KEMBALIKAN: Aturan(frozenset({Status.DIAJUKAN}), Status.DIKEMBALIKAN, _PENILAI),
    Aksi.ATUR: Aturan(frozenset({Status.DIAJUKAN}), None, _PENILAI),
    Aksi.TETAPKAN: Aturan(frozenset({Status.DIAJUKAN}), Status.DITETAPKAN, _PENILAI),
    Aksi.TANDATANGANI: Aturan(
        frozenset({Status.DITETAPKAN}), Status.DITANDATANGANI, frozenset({Peran.PEGAWAI})
    ),
    Aksi.BUAT_PERUBAHAN: Aturan(
        frozenset({Status.DITANDATANGANI}), None, frozenset({Peran.PEGAWAI, Peran.PENILAI})
    ),
    Aksi.ESKALASI: Aturan(frozenset(BELUM_DITETAPKAN), None, _SISTEM),
    Aksi.GANTI: Aturan(frozenset({Status.DITANDATANGANI}), Status.DIGANTI, _SISTEM),
}

PESAN_STATUS = {
    Aksi.SUNTING: "SKP hanya dapat diubah pegawai selama berstatus draf atau dikembalikan.",
    Aksi.AJUKAN: "Hanya draf (atau SKP yang dikembalikan) yang dapat diajukan oleh pegawainya.",
    Aksi.KEMBALIKAN: "Hanya SKP yang sedang diajukan yang dapat dikembalikan pejabat penilai.",
    Aksi.ATUR: "Prioritas dan ekspektasi khusus diatur pejabat penilai saat SKP diajukan.",
    Aksi.TETAPKAN: "Hanya SKP yang sedang diajukan yang dapat ditetapkan pejabat penilai.",
    Aksi.TANDATANGANI: "Pegawai menandatangani SKP setelah ditetapkan pejabat penilai.",
    Aksi.BUAT_PERUBAHAN: "Perubahan dibuat dari SKP yang sudah ditandatangani.",
    Aksi.ESKALASI: "Hanya SKP yang belum ditetapkan yang diteruskan kepada atasan.",
    Aksi.GANTI: "Hanya SKP yang sudah ditandatangani yang dapat diganti versi baru.",
}


class AksiDitolak(Exception):
    """The action is not allowed; the message is for the user, in Indonesian."""


def peran_dalam(
    *, pegawai_id: int | None, skp_pegawai_id: int, penilai_id: int | None,
    atasan_id: int | None, tereskalasi: bool,
) -> frozenset[Peran]:  # fmt: skip
    """The roles a person has towards one SKP."""
    if pegawai_id is None:
        return frozenset()
    peran = set()
    if pegawai_id == skp_pegawai_id:
        peran.add(Peran.PEGAWAI)
    if penilai_id is not None and pegawai_id == penilai_id:
        peran.add(Peran.PENILAI)
    if tereskalasi and atasan_id is not None and pegawai_id == atasan_id:
        peran.add(Peran.ATASAN)
    return frozenset(peran)


def boleh(aksi: Aksi, status: str, peran: frozenset[Peran]) -> bool:
    aturan = ATURAN[aksi]
    return status in aturan.dari and bool(aturan.oleh & peran)


def periksa_aksi(aksi: Aksi, status: str, peran: frozenset[Peran]) -> str | None:
    """The status after the action; raises AksiDitolak with the reason otherwise."""
    aturan = ATURAN[aksi]
    if not aturan.oleh & peran:
        raise AksiDitolak("Anda tidak berwenang melakukan tindakan ini pada SKP ini.")
    if status not in aturan.dari:
        raise AksiDitolak(PESAN_STATUS[aksi])
    return aturan.ke


def aksi_tersedia(status: str, peran: frozenset[Peran]) -> list[Aksi]:
    """What the page offers this person now (system transitions are never offered)."""
    return [a for a in Aksi if Peran.SISTEM not in ATURAN[a].oleh and boleh(a, status, peran)]
