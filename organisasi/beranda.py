"""What to do next: the pending work every app contributes to a person's home page.

An app registers a provider in its AppConfig.ready (`beranda.daftarkan(fungsi)`); the
home page calls every provider with one `Konteks` (the user, their employee record,
today, the agency calendar) and lists the `Tugas` they return, nearest due date first
(overdue on top), undated work last. organisasi never imports another app: skp's
provider lives in skp/beranda.py, and evaluasi or keberatan add theirs the same way.

Providers must be set-based: a fixed number of queries however much work there is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Window
from django.urls import reverse

from .hari_kerja import KalenderKerja, kalender_instansi
from .models import Pegawai
from .tanggal import tanggal_id
from .tenggat import JatuhTempo


@dataclass(frozen=True)
class Konteks:
    pengguna: object
    pegawai: Pegawai | None
    hari_ini: date
    kalender: KalenderKerja


@dataclass(frozen=True)
class Tugas:
    judul: str  # what to do
    untuk: str  # for whom ("SKP Anda", the employee's name, "Instansi")
    tautan: str  # straight to the thing to act on
    jatuh_tempo: JatuhTempo | None = None
    keterangan: str = ""

    def sisa(self, konteks: Konteks) -> str:
        """ "3 hari kerja lagi", "hari ini", "lewat 2 hari kerja" """
        if self.jatuh_tempo is None:
            return ""
        batas, hari_ini = self.jatuh_tempo.tanggal, konteks.hari_ini
        if hari_ini > batas:
            return f"lewat {konteks.kalender.hitung_hari_kerja(batas, hari_ini)} hari kerja"
        if hari_ini == batas:
            return "hari terakhir"
        return f"{konteks.kalender.hitung_hari_kerja(hari_ini, batas)} hari kerja lagi"


Penyedia = Callable[[Konteks], list[Tugas]]
_PENYEDIA: list[Penyedia] = []


def daftarkan(penyedia: Penyedia) -> Penyedia:
    if penyedia not in _PENYEDIA:
        _PENYEDIA.append(penyedia)
    return penyedia


def urutkan(daftar: list[Tugas]) -> list[Tugas]:
    """Nearest due date first (so overdue work comes on top); undated work last."""
    return sorted(
        daftar,
        key=lambda t: (t.jatuh_tempo is None, t.jatuh_tempo.tanggal if t.jatuh_tempo else None),
    )


def tugas_beranda(pengguna, hari_ini: date) -> tuple[Konteks, list[dict]]:
    """Every provider's pending work for this user, ready for the template."""
    pegawai = Pegawai.objects.filter(pengguna=pengguna).first()
    konteks = Konteks(pengguna, pegawai, hari_ini, kalender_instansi())
    daftar = urutkan([t for p in _PENYEDIA for t in p(konteks)])
    return konteks, [
        {
            "tugas": t,
            "sisa": t.sisa(konteks),
            "lewat": bool(t.jatuh_tempo and hari_ini > t.jatuh_tempo.tanggal),
            "tanggal": tanggal_id(t.jatuh_tempo.tanggal) if t.jatuh_tempo else "",
        }
        for t in daftar
    ]


# --- organisasi's own contribution: the admin's employees without a rater -----------------


def tugas_admin(konteks: Konteks) -> list[Tugas]:
    if not konteks.pengguna.admin_instansi:
        return []
    from .selectors import pegawai_tanpa_penilai

    # Set-based: the first three names and the total in one query.
    tanpa = list(
        pegawai_tanpa_penilai(Pegawai.objects.filter(aktif=True), konteks.hari_ini).annotate(
            _jumlah=Window(Count("pk"))
        )[:3]
    )
    if not tanpa:
        return []
    jumlah = tanpa[0]._jumlah
    contoh = ", ".join(str(p) for p in tanpa) + (" dan lainnya" if jumlah > 3 else "")
    return [
        Tugas(
            judul=f"{jumlah} pegawai belum punya pejabat penilai",
            untuk="Instansi",
            tautan=reverse("pegawai_daftar") + "?tanpa_penilai=1",
            keterangan=f"{contoh}. Tanpa pejabat penilai, SKP mereka tidak dapat disusun "
            "dan ditetapkan: catat penempatan, Plt/Plh atau delegasi penilainya.",
        )
    ]
