"""The structure of an 18-digit NIP (PNS) or NI PPPK, checked without touching the database.

NIP PNS (Perka BKN 22/2007): digits 1-8 birth date (YYYYMMDD), 9-14 year and month of
TMT CPNS (YYYYMM), 15 sex (1 laki-laki, 2 perempuan), 16-18 sequence number 001-999.

NI PPPK has the same length but digits 13-14 are not a month: 13 is always 2 (the PPPK
marker) and 14 the how-manieth work agreement (1-9), e.g. 19840512 2022 2 1 2 004. A month
never starts with 2, so digit 13 tells the two apart; an NI PPPK's TMT has a year only.

Spaces are ignored because NIPs are commonly written "19870312 201001 1 004".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from .tanggal import BULAN, tanggal_id

LAKI_LAKI = "laki-laki"
PEREMPUAN = "perempuan"
_JENIS_KELAMIN = {"1": LAKI_LAKI, "2": PEREMPUAN}

USIA_MINIMAL = 18
# NIPs are issued before the TMT (a CPNS appointed in December may start in March);
# a TMT further ahead than this is a typing error.
BATAS_TMT_KE_DEPAN_BULAN = 12


@dataclass(frozen=True)
class InfoNip:
    nip: str  # the 18 digits, spaces removed
    tanggal_lahir: date
    tmt: tuple[int, int | None]  # (year, month) of TMT CPNS; (year, None) for NI PPPK
    jenis_kelamin: str  # LAKI_LAKI or PEREMPUAN
    urut: int
    pppk: bool = False
    perjanjian_ke: int | None = None  # NI PPPK only


def _bulan_tahun(tahun: int, bulan: int) -> str:
    return f"{BULAN[bulan - 1]} {tahun}"


def periksa_nip(nip: str, hari_ini: date | None = None) -> InfoNip:
    """Parse and check a NIP; raise ValidationError with the first problem found.

    `hari_ini` is the date "now" means (the module reads no clock); without it the checks
    against the present (birth date not yet passed, TMT far ahead) are skipped.
    """
    teks = re.sub(r"\s+", "", nip or "")
    if not teks:
        raise ValidationError("NIP wajib diisi.", code="nip_kosong")
    if not teks.isascii() or not teks.isdigit():
        raise ValidationError(f"NIP hanya boleh berisi angka: '{nip.strip()}'.", code="nip_angka")
    if len(teks) != 18:
        raise ValidationError(
            f"NIP harus terdiri dari 18 angka; '{teks}' berisi {len(teks)} angka.",
            code="nip_panjang",
        )

    try:
        lahir = date(int(teks[0:4]), int(teks[4:6]), int(teks[6:8]))
    except ValueError:
        raise ValidationError(
            f"Angka ke-1 sampai ke-8 NIP ({teks[0:8]}) bukan tanggal lahir yang valid "
            "(format TTTTBBHH: tahun, bulan, tanggal).",
            code="nip_tanggal_lahir",
        ) from None
    if hari_ini is not None and lahir > hari_ini:
        raise ValidationError(
            f"Tanggal lahir pada NIP ({tanggal_id(lahir)}) belum terjadi.",
            code="nip_lahir_masa_depan",
        )

    tahun_tmt = int(teks[8:12])
    pppk = teks[12] == "2"
    if pppk:
        bulan_tmt, perjanjian_ke = None, int(teks[13])
        if perjanjian_ke == 0:
            raise ValidationError(
                "Angka ke-14 NI PPPK (perjanjian kerja ke-) harus 1 sampai 9, bukan 0.",
                code="nip_perjanjian_pppk",
            )
        # Only the year is known: compare years, and allow next year at most.
        tmt_teks = str(tahun_tmt)
        terlalu_dini = tahun_tmt < lahir.year + USIA_MINIMAL
        bulan_tmt_banding = 1
    else:
        bulan_tmt, perjanjian_ke = int(teks[12:14]), None
        if not 1 <= bulan_tmt <= 12:
            raise ValidationError(
                f"Angka ke-13 dan ke-14 NIP ({teks[12:14]}) harus bulan TMT CPNS 01 sampai 12 "
                "(atau, untuk NI PPPK, angka 2 diikuti perjanjian kerja ke-1 sampai ke-9).",
                code="nip_bulan_tmt",
            )
        tmt_teks = _bulan_tahun(tahun_tmt, bulan_tmt)
        # TMT is a month, so age is compared by month: the month the person turns 18 onwards.
        terlalu_dini = (tahun_tmt, bulan_tmt) < (lahir.year + USIA_MINIMAL, lahir.month)
        bulan_tmt_banding = bulan_tmt
    jenis_tmt = "PPPK" if pppk else "CPNS"
    if terlalu_dini:
        raise ValidationError(
            f"TMT {jenis_tmt} pada NIP ({tmt_teks}) lebih awal daripada usia {USIA_MINIMAL} "
            f"tahun pegawai (lahir {tanggal_id(lahir)}).",
            code="nip_tmt_sebelum_dewasa",
        )
    if (
        hari_ini is not None
        and (tahun_tmt - hari_ini.year) * 12 + (bulan_tmt_banding - hari_ini.month)
        > BATAS_TMT_KE_DEPAN_BULAN
    ):
        raise ValidationError(
            f"TMT {jenis_tmt} pada NIP ({tmt_teks}) terlalu jauh di masa depan.",
            code="nip_tmt_masa_depan",
        )

    kelamin = _JENIS_KELAMIN.get(teks[14])
    if kelamin is None:
        raise ValidationError(
            f"Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), "
            f"bukan {teks[14]}.",
            code="nip_jenis_kelamin",
        )

    urut = int(teks[15:18])
    if urut == 0:
        raise ValidationError(
            "Nomor urut pada NIP (angka ke-16 sampai ke-18) harus 001 sampai 999, bukan 000.",
            code="nip_urut",
        )
    return InfoNip(
        nip=teks,
        tanggal_lahir=lahir,
        tmt=(tahun_tmt, bulan_tmt),
        jenis_kelamin=kelamin,
        urut=urut,
        pppk=pppk,
        perjanjian_ke=perjanjian_ke,
    )
