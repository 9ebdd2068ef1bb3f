"""The performance tree (pohon kinerja): from the JPT's RHK (and its IKI) down to every
staff RHK through the stored leader-RHK link, for a unit subtree and a year, with the gaps
(an RHK without a leader RHK, a leader's RHK nobody carries). Read-only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef

from organisasi import selectors as org_selectors
from organisasi.models import Penempatan, UnitKerja

from . import aturan, selectors, workflow
from .models import (
    SKP,
    IndikatorKinerjaIndividu,
    Kelompok,
    MatriksPeranHasil,
    RencanaHasilKerja,
    Status,
)

# What the page shows at once: levels below the roots, and nodes per level. The rest is
# loaded when a branch is opened or more are asked for.
TAMPIL_KEDALAMAN = 3
TAMPIL_ANAK = 20
AKAR = "akar"

# The version whose RHKs subordinates link to: a set one when there is one.
_DITETAPKAN = frozenset(workflow.BERLAKU)


@dataclass
class Simpul:
    """One RHK in the tree, or (for a JPT/PUKM) one of its IKI grouping the RHKs below."""

    jenis: str  # "rhk" | "iki"
    rhk: RencanaHasilKerja
    skp: SKP
    iki: IndikatorKinerjaIndividu | None = None
    label: str = ""
    anak: list[Simpul] = field(default_factory=list)
    yatim: bool = False  # non-JPT RHK without a leader RHK
    induk_luar: bool = False  # its leader RHK is outside this unit/year view
    tanpa_pengampu: bool = False  # a leader's RHK/IKI nobody carries
    jumlah_turunan: int = 0

    @property
    def kunci(self) -> str:
        """How the page asks for this node's children: "rhk-<pk>" or "iki-<pk>"."""
        return f"iki-{self.iki.pk}" if self.iki is not None else f"rhk-{self.rhk.pk}"


@dataclass
class DataPohon:
    akar: list[Simpul]
    simpul: dict[str, Simpul]  # by `Simpul.kunci`, every node reachable from a root
    jumlah_skp: int
    jumlah_rhk: int
    jumlah_yatim: int
    jumlah_tanpa_pengampu: int
    jumlah_induk_luar: int


def _satu_versi(skps: list[SKP]) -> list[SKP]:
    """One SKP per document: the newest set version if any (its RHKs are what the
    subordinates link to), else the newest draft."""
    terpilih: dict[int, SKP] = {}
    for s in skps:
        lama = terpilih.get(s.nomor_seri)
        kunci = (s.status in _DITETAPKAN, s.versi)
        if lama is None or kunci > (lama.status in _DITETAPKAN, lama.versi):
            terpilih[s.nomor_seri] = s
    return list(terpilih.values())


_KOLOM_POHON = (
    "pk", "skp_id", "jenis", "urutan", "teks", "rhk_pimpinan_id", "iki_pimpinan_id",
    "rhk_pimpinan_teks", "penugasan_dari",
)  # fmt: skip


def pohon_kinerja(unit_ids: list[int], tahun: int) -> DataPohon:
    """From the JPT's RHK down to every staff RHK via `rhk_pimpinan`, for SKPs placed in
    the given units. Three queries whatever the number of employees."""
    skps = _satu_versi(
        list(
            SKP.objects.filter(tahun=tahun, penempatan__jabatan__unit_id__in=unit_ids)
            .exclude(status=Status.DIGANTI)
            .select_related("pegawai", "penempatan__jabatan")
            .annotate(
                punya_matriks=Exists(MatriksPeranHasil.objects.filter(skp_pimpinan=OuterRef("pk")))
            )
        )
    )
    per_skp = {s.pk: s for s in skps}
    rhk = list(
        RencanaHasilKerja.objects.filter(skp_id__in=per_skp)
        .only(*_KOLOM_POHON)
        .order_by("skp_id", "jenis", "urutan", "pk")
    )
    jpt = [s.pk for s in skps if s.kelompok == Kelompok.JPT_PUKM]
    iki = list(
        IndikatorKinerjaIndividu.objects.filter(skp_id__in=jpt)
        .only("pk", "rhk_id", "skp_id", "urutan", "teks", "target")
        .order_by("rhk_id", "urutan", "pk")
    )
    # Who leads: a JPT/PUKM, anyone who rates an SKP shown, or who owns a matrix.
    penilai = {s.penilai_id for s in skps if s.penilai_id}
    pimpinan = {
        s.pk
        for s in skps
        if s.kelompok == Kelompok.JPT_PUKM or s.pegawai_id in penilai or s.punya_matriks
    }

    simpul = {r.pk: Simpul("rhk", r, per_skp[r.skp_id]) for r in rhk}
    # RHK numbers as printed in each SKP (UTAMA then TAMBAHAN), for the IKI labels.
    nomor_rhk = {}
    rhk_per_skp = defaultdict(list)
    for r in rhk:
        rhk_per_skp[r.skp_id].append(r)
    for daftar in rhk_per_skp.values():
        daftar.sort(key=lambda r: aturan.urutan_rhk(r.jenis, r.urutan, r.pk))
        nomor_rhk.update((r.pk, n) for n, r in enumerate(daftar, 1))
    iki_rhk = defaultdict(list)
    simpul_iki = {}
    for k in iki:
        iki_rhk[k.rhk_id].append(k)
    for rhk_id, daftar in iki_rhk.items():
        induk = simpul.get(rhk_id)
        if induk is None:
            continue
        for n, k in enumerate(daftar, 1):
            s = Simpul("iki", induk.rhk, induk.skp, iki=k)
            nomor = nomor_rhk[rhk_id]
            s.label = aturan.label_iki(nomor, n, len(daftar))
            simpul_iki[k.pk] = s
            induk.anak.append(s)

    akar = []
    for s in simpul.values():
        r = s.rhk
        if r.iki_pimpinan_id in simpul_iki:
            simpul_iki[r.iki_pimpinan_id].anak.append(s)
        elif r.rhk_pimpinan_id in simpul and r.rhk_pimpinan_id != r.pk:
            simpul[r.rhk_pimpinan_id].anak.append(s)
        else:
            if r.rhk_pimpinan_id or r.iki_pimpinan_id:
                s.induk_luar = True
            elif s.skp.kelompok != Kelompok.JPT_PUKM:
                s.yatim = True
            akar.append(s)

    def kunci(s: Simpul):
        return (
            s.yatim,
            s.skp.kelompok != Kelompok.JPT_PUKM,
            s.skp.pegawai.nama,
            *aturan.urutan_rhk(s.rhk.jenis, s.rhk.urutan, s.rhk.pk),
        )

    akar.sort(key=kunci)
    for s in list(simpul.values()) + list(simpul_iki.values()):
        s.anak.sort(key=lambda a: (a.jenis != "iki",) + kunci(a))

    # Post-order over the whole graph for the counts and gaps; an iterative walk has no
    # recursion limit, and a cycle in bad data stops at a node already seen.
    dikunjungi: set[int] = set()
    tumpukan: list[tuple[Simpul, bool]] = [(s, False) for s in reversed(akar)]
    while tumpukan:
        s, tutup = tumpukan.pop()
        if tutup:
            s.jumlah_turunan = sum(
                a.jumlah_turunan + (a.jenis == "rhk") for a in s.anak if id(a) in dikunjungi
            )
            if s.jenis == "iki":
                s.tanpa_pengampu = not s.anak
            elif s.skp.pk in pimpinan and not any(a.jenis == "iki" for a in s.anak):
                # An RHK with IKI is judged per IKI, so a gap is counted once.
                s.tanpa_pengampu = not s.anak
            continue
        if id(s) in dikunjungi:
            continue
        dikunjungi.add(id(s))
        tumpukan.append((s, True))
        tumpukan.extend((a, False) for a in reversed(s.anak))
    semua = list(simpul.values()) + list(simpul_iki.values())
    return DataPohon(
        akar=akar,
        simpul={s.kunci: s for s in semua if id(s) in dikunjungi},
        jumlah_skp=len(skps),
        jumlah_rhk=len(rhk),
        jumlah_yatim=sum(s.yatim for s in simpul.values()),
        jumlah_tanpa_pengampu=sum(s.tanpa_pengampu for s in semua),
        jumlah_induk_luar=sum(s.induk_luar for s in simpul.values()),
    )


def baris_tampil(
    anak: list[Simpul], *, induk: str = AKAR, mulai: int = 0, dalam: int = TAMPIL_KEDALAMAN
) -> list[dict]:
    """Flat open/leaf/close tokens for `anak` (from `mulai`) and their descendants down to
    `dalam` levels, at most TAMPIL_ANAK per level: a deeper branch is a "muat" token
    (loaded when opened), the rest of a long list a "lagi" token (loaded on request).
    So the page stays small whatever the size of the unit."""
    baris: list[dict] = []
    potong = anak[mulai : mulai + TAMPIL_ANAK]
    for s in potong:
        if not s.anak:
            baris.append({"jenis": "daun", "simpul": s})
        elif dalam <= 1:
            baris.append({"jenis": "muat", "simpul": s})
        else:
            baris.append({"jenis": "buka", "simpul": s})
            baris += baris_tampil(s.anak, induk=s.kunci, dalam=dalam - 1)
            baris.append({"jenis": "tutup"})
    sisa = len(anak) - mulai - len(potong)
    if sisa > 0:
        baris.append({"jenis": "lagi", "induk": induk, "mulai": mulai + TAMPIL_ANAK, "sisa": sisa})
    return baris


def anak_dari(data: DataPohon, kunci: str) -> list[Simpul] | None:
    """The children of a node ("rhk-12", "iki-7") or the roots ("akar"); None if unknown."""
    if kunci == AKAR:
        return data.akar
    s = data.simpul.get(kunci)
    return s.anak if s is not None else None


def unit_pohon_boleh(pengguna, tanggal: date) -> list[dict]:
    """Units whose tree this user may open: all for the agency admin; otherwise the
    subtree of a unit they head (definitive, Plt or Plh) on the date."""
    semua = list(UnitKerja.objects.filter(aktif=True).values("pk", "nama", "induk_id"))
    anak = defaultdict(list)
    for u in semua:
        anak[u["induk_id"]].append(u)
    if pengguna.admin_instansi:
        akar = anak.get(None, [])
    else:
        saya = selectors.pegawai_pengguna(pengguna)
        dipimpin = set()
        if saya is not None:
            dipimpin = set(
                Penempatan.objects.filter(
                    org_selectors.berlaku_pada(tanggal), pegawai=saya, jabatan__kepala_unit=True
                ).values_list("jabatan__unit_id", flat=True)
            )
        akar = [u for u in semua if u["pk"] in dipimpin]
    hasil = []
    antre = [(u, 0) for u in sorted(akar, key=lambda u: u["nama"], reverse=True)]
    while antre:
        u, dalam = antre.pop()
        u["kedalaman"] = dalam
        u["label"] = "– " * dalam + u["nama"]
        hasil.append(u)
        berikut = sorted(anak[u["pk"]], key=lambda a: a["nama"], reverse=True)
        antre.extend((a, dalam + 1) for a in berikut)
    return hasil


def subpohon(unit_id: int, daftar_unit: list[dict]) -> list[int]:
    """Ids of a unit and all below it, from the list `unit_pohon_boleh` already read."""
    return org_selectors.subpohon_dari(unit_id, ((u["pk"], u["induk_id"]) for u in daftar_unit))
