"""Perwal Wali Kota Bekasi 38/2023, Lampiran II: Pejabat Penilai dan Atasan Pejabat Penilai.

Every row of the table (seed 003, lines 1292-1411), transcribed verbatim in the
`*_teks` fields and mapped to the target mini-language of `AturanPenilai` (see
organisasi/models.py). Where the Perwal needed reading, the row's `keterangan`
says how it was read ("Catatan penerapan: ...") after the verbatim column.

`aturan_bekasi()` gives the rows as `organisasi.penilai.Aturan` for pure tests;
`muat_ke_instansi()` writes them into the active agency's rater table.
"""

from __future__ import annotations

from organisasi import penilai

SUMBER = "Lampiran II Perwal Bekasi 38/2023"

# --- Targets ----------------------------------------------------------------------

WALI_KOTA = {"cara": "kepala_daerah"}
# The head of the group's own organisation: Kepala Dinas/Badan/Satuan, Inspektur,
# Sekretaris DPRD, Direktur RSUD, Camat, Lurah, Kepala Pelaksana.
PIMPINAN = {"cara": "kepala_kelompok"}
SEKDA = {"cara": "instansi", "tipe": "setda"}
# Sekretaris Dinas/Badan/Inspektorat/Kecamatan/Kelurahan/Pelaksana, "Sekretaris" of Satpol PP.
SEKRETARIS = {"cara": "dalam", "tipe": "sekretariat"}
# Seen from a Kelurahan: the Sekretariat of the Kecamatan above it.
SEKCAM = {"cara": "dalam", "tipe": "sekretariat", "induk": "kecamatan"}


def _leluhur(tipe: str) -> dict:
    return {"cara": "leluhur", "tipe": tipe}


def _disdik(tipe: str, kode: str) -> dict:
    """A named unit of the Dinas Pendidikan, found by its code."""
    return {"cara": "dalam", "tipe": tipe, "kode": kode}


ASISTEN = _leluhur("asisten")
BAGIAN = _leluhur("bagian")
SUB_BAGIAN = _leluhur("sub_bagian")
BIDANG = _leluhur("bidang")
SUB_BIDANG = _leluhur("sub_bidang")
SEKSI = _leluhur("seksi")
IRBAN = _leluhur("irban")
UPTD = _leluhur("uptd")  # UPTD (Dinas) and UPT (Badan) are one kind
WADIR = _leluhur("wadir")
KECAMATAN = _leluhur("kecamatan")

SEKSI_GTK_PAUD = _disdik("seksi", "seksi-gtk-paud")
BIDANG_PAUD_DIKMAS = _disdik("bidang", "bidang-paud-dikmas")
SEKSI_SD = _disdik("seksi", "seksi-sd")
BIDANG_DIKDAS = _disdik("bidang", "bidang-dikdas")
SEKSI_SMP = _disdik("seksi", "seksi-smp")
BIDANG_PTK = _disdik("bidang", "bidang-ptk")

# Distinguishes the Kepala Sub Bagian Tata Usaha of a UPTD/UPT from the Kepala Sub
# Bagian of the Sekretariat: both head a unit of kind sub_bagian.
POLA_KASUBBAG_TU_UPT = r"Tata Usaha|\bUPTD?\b"
POLA_GURU_KEPSEK = r"\bGuru\b|\bKepala\b"

# --- Recurring reading notes (Indonesian: shown to the agency admin) ----------------

_CATATAN = "Catatan penerapan: "


def _catatan_sub_bagian(sekretaris: str, pimpinan: str) -> str:
    return (
        f"{_CATATAN}berlaku bagi JF/Pelaksana di Sub Bagian maupun yang langsung berada di "
        f"Sekretariat; penilai Kepala Sub Bagian bila pegawai berada di Sub Bagian (atasan "
        f"{sekretaris}), bila tidak {sekretaris} (atasan {pimpinan})."
    )


def _catatan_bidang(bawah: str, pimpinan: str) -> str:
    return (
        f"{_CATATAN}penilai {bawah} bila pegawai berada di {bawah.removeprefix('Kepala ')} "
        f"(atasan Kepala Bidang), bila langsung di Bidang: Kepala Bidang (atasan {pimpinan})."
    )


_CATATAN_UPTD_SUB_BAGIAN = (
    " Jenis unit dibatasi pada Sekretariat agar JF/Pelaksana di Sub Bagian Tata Usaha "
    "{upt} tetap mengikuti baris {nomor}."
)


def _baris(
    nomor: str,
    baris: int,
    kelompok: str,
    dinilai: str,
    peran: str,
    tipe_unit: list[str],
    penilai_teks: str,
    penilai_: list[dict],
    atasan_teks: str,
    atasan: list[dict],
    *,
    pola_jabatan: str = "",
    hanya_diperbantukan: bool = False,
    keterangan: str = "",
) -> dict:
    return {
        "nomor": nomor,
        "baris": baris,
        "kelompok": kelompok,
        "dinilai": dinilai,
        "peran": peran,
        "tipe_unit": list(tipe_unit),
        "pola_jabatan": pola_jabatan,
        "hanya_diperbantukan": hanya_diperbantukan,
        "penilai_teks": penilai_teks,
        # Copies: the target constants are shared between rows.
        "penilai": [dict(t) for t in penilai_],
        "atasan_teks": atasan_teks,
        "atasan": [dict(t) for t in atasan],
        "keterangan": keterangan,
    }


BARIS: list[dict] = [
    # 1. SEKRETARIAT DAERAH (003:1295)
    _baris("1.a", 1296, "setda", "Sekretaris Daerah", "kepala", ["setda"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("1.b", 1297, "setda", "Asisten Daerah", "kepala", ["asisten"],
           "Sekretaris Daerah", [SEKDA], "Wali Kota", [WALI_KOTA]),
    _baris("1.c", 1298, "setda", "Staf Ahli Wali Kota", "semua", [],
           "Sekretaris Daerah", [SEKDA], "Wali Kota", [WALI_KOTA],
           pola_jabatan=r"\bStaf Ahli\b",
           keterangan=f"{_CATATAN}dikenali dari nama jabatan (memuat 'Staf Ahli')."),
    _baris("1.d", 1299, "setda", "Kepala Bagian", "kepala", ["bagian"],
           "Asisten Daerah", [ASISTEN], "Sekretaris Daerah", [SEKDA]),
    _baris("1.e", 1300, "setda", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Kepala Bagian", [BAGIAN], "Asisten Daerah", [ASISTEN]),
    _baris("1.f", 1301, "setda", "Jabatan Fungsional/Pelaksana", "staf", [],
           "Kepala Sub Bagian/ Kepala Bagian", [SUB_BAGIAN, BAGIAN],
           "Kepala Bagian/ Asisten Daerah", [BAGIAN, ASISTEN],
           keterangan=f"{_CATATAN}baris tidak menyebut unit, sehingga berlaku bagi semua "
           "JF/Pelaksana Sekretariat Daerah; penilai Kepala Sub Bagian bila pegawai berada di "
           "Sub Bagian (atasan Kepala Bagian), bila langsung di Bagian: Kepala Bagian (atasan "
           "Asisten Daerah)."),
    # 2. SEKRETARIAT DPRD (003:1302)
    _baris("2.a", 1303, "setwan", "Sekretaris DPRD", "kepala", ["setwan"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("2.b", 1304, "setwan", "Kepala Bagian", "kepala", ["bagian"],
           "Sekretaris DPRD", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("2.c", 1305, "setwan", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Kepala Bagian", [BAGIAN], "Sekretaris DPRD", [PIMPINAN]),
    _baris("2.d", 1306, "setwan", "Jabatan Fungsional/Pelaksana", "staf", [],
           "Kepala Sub Bagian/ Kepala Bagian", [SUB_BAGIAN, BAGIAN],
           "Kepala Bagian/ Sekretaris DPRD", [BAGIAN, PIMPINAN],
           keterangan=f"{_CATATAN}baris tidak menyebut unit, sehingga berlaku bagi semua "
           "JF/Pelaksana Sekretariat DPRD; penilai Kepala Sub Bagian bila pegawai berada di "
           "Sub Bagian (atasan Kepala Bagian), bila langsung di Bagian: Kepala Bagian (atasan "
           "Sekretaris DPRD)."),
    # 3. INSPEKTORAT DAERAH (003:1307)
    _baris("3.a", 1308, "inspektorat", "Inspektur", "kepala", ["inspektorat"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("3.b", 1309, "inspektorat", "Sekretaris Inspektorat", "kepala", ["sekretariat"],
           "Inspektur", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("3.c", 1310, "inspektorat", "Inspektur Pembantu", "kepala", ["irban"],
           "Inspektur", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("3.d", 1311, "inspektorat", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Sekretaris Inspektorat", [SEKRETARIS], "Inspektur", [PIMPINAN]),
    _baris("3.e", 1312, "inspektorat", "Jabatan Fungsional/Pelaksana pada Sub Bagian", "staf",
           ["sub_bagian", "sekretariat"],
           "Kepala Sub Bagian/ Sekretaris Inspektorat", [SUB_BAGIAN, SEKRETARIS],
           "Sekretaris Inspektorat/ Inspektur", [SEKRETARIS, PIMPINAN],
           keterangan=_catatan_sub_bagian("Sekretaris Inspektorat", "Inspektur")),
    _baris("3.f", 1313, "inspektorat", "Jabatan Fungsional/Pelaksana pada Inspektur Pembantu",
           "staf", ["irban"], "Inspektur Pembantu", [IRBAN], "Inspektur", [PIMPINAN],
           keterangan=f"{_CATATAN}JF/Pelaksana (mis. Auditor) di unit Inspektur Pembantu."),
    # 4. DINAS (003:1315)
    _baris("4.a", 1316, "dinas", "Kepala Dinas", "kepala", ["dinas"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("4.b", 1317, "dinas", "Sekretaris Dinas", "kepala", ["sekretariat"],
           "Kepala Dinas", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("4.c", 1318, "dinas", "Kepala Bidang", "kepala", ["bidang"],
           "Kepala Dinas", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("4.d", 1319, "dinas", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Sekretaris Dinas", [SEKRETARIS], "Kepala Dinas", [PIMPINAN]),
    _baris("4.e", 1320, "dinas", "Kepala Seksi", "kepala", ["seksi"],
           "Kepala Bidang", [BIDANG], "Kepala Dinas", [PIMPINAN]),
    _baris("4.f", 1321, "dinas", "Jabatan Fungsional/Pelaksana pada Sub Bagian", "staf",
           ["sub_bagian", "sekretariat"],
           "Kepala Sub Bagian/ Sekretaris Dinas", [SUB_BAGIAN, SEKRETARIS],
           "Sekretaris Dinas/ Kepala Dinas", [SEKRETARIS, PIMPINAN],
           keterangan=_catatan_sub_bagian("Sekretaris Dinas", "Kepala Dinas")),
    _baris("4.g", 1322, "dinas", "Jabatan Fungsional/Pelaksana pada Bidang", "staf", ["bidang"],
           "Kepala Seksi/ Kepala Bidang", [SEKSI, BIDANG],
           "Kepala Bidang/ Kepala Dinas", [BIDANG, PIMPINAN],
           keterangan=_catatan_bidang("Kepala Seksi", "Kepala Dinas")),
    # 5. DINAS YANG MEMILIKI UPTD (003:1323)
    _baris("5.a", 1324, "dinas_uptd", "Kepala Dinas", "kepala", ["dinas_uptd"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("5.b", 1325, "dinas_uptd", "Sekretaris Dinas", "kepala", ["sekretariat"],
           "Kepala Dinas", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("5.c", 1326, "dinas_uptd", "Kepala Bidang", "kepala", ["bidang"],
           "Kepala Dinas", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("5.d", 1327, "dinas_uptd", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Sekretaris Dinas", [SEKRETARIS], "Kepala Dinas", [PIMPINAN]),
    _baris("5.e", 1328, "dinas_uptd", "Kepala Seksi", "kepala", ["seksi"],
           "Kepala Bidang", [BIDANG], "Kepala Dinas", [PIMPINAN]),
    _baris("5.f", 1329, "dinas_uptd", "Jabatan Fungsional /Pelaksana pada Sub Bagian", "staf",
           ["sekretariat"],
           "Kepala Sub Bagian/ Sekretaris Dinas", [SUB_BAGIAN, SEKRETARIS],
           "Sekretaris Dinas/ Kepala Dinas", [SEKRETARIS, PIMPINAN],
           keterangan=_catatan_sub_bagian("Sekretaris Dinas", "Kepala Dinas")
           + _CATATAN_UPTD_SUB_BAGIAN.format(upt="UPTD", nomor="5.j")),
    _baris("5.g", 1330, "dinas_uptd", "Jabatan Fungsional /Pelaksana pada Bidang", "staf",
           ["bidang"],
           "Kepala Seksi/ Kepala Bidang", [SEKSI, BIDANG],
           "Kepala Bidang/ Kepala Dinas", [BIDANG, PIMPINAN],
           keterangan=_catatan_bidang("Kepala Seksi", "Kepala Dinas")),
    _baris("5.h", 1331, "dinas_uptd", "Kepala UPTD", "kepala", ["uptd"],
           "Kepala Dinas", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("5.i", 1332, "dinas_uptd", "Kepala Sub Bagian Tata Usaha UPTD", "kepala",
           ["sub_bagian"], "Kepala UPTD", [UPTD], "Sekretaris Dinas", [SEKRETARIS],
           pola_jabatan=POLA_KASUBBAG_TU_UPT,
           keterangan=f"{_CATATAN}dibedakan dari baris 5.d oleh nama jabatan (memuat "
           "'Tata Usaha' atau 'UPTD')."),
    _baris("5.j", 1333, "dinas_uptd", "Jabatan Fungsional/Pelaksana pada UPTD", "staf",
           ["uptd"], "Kepala UPTD", [UPTD], "Sekretaris Dinas", [SEKRETARIS],
           keterangan=f"{_CATATAN}termasuk JF/Pelaksana di Sub Bagian Tata Usaha UPTD; "
           "atasan pejabat penilai Sekretaris Dinas, bukan Kepala Dinas."),
    # 6. DINAS PENDIDIKAN (003:1334)
    _baris("6.a", 1335, "dinas_pendidikan", "Kepala Dinas", "kepala", ["dinas_pendidikan"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("6.b", 1336, "dinas_pendidikan", "Sekretaris Dinas", "kepala", ["sekretariat"],
           "Kepala Dinas", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("6.c", 1337, "dinas_pendidikan", "Kepala Bidang", "kepala", ["bidang"],
           "Kepala Dinas", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("6.d", 1338, "dinas_pendidikan", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Sekretaris Dinas", [SEKRETARIS], "Kepala Dinas", [PIMPINAN]),
    _baris("6.e", 1339, "dinas_pendidikan", "Kepala Seksi", "kepala", ["seksi"],
           "Kepala Bidang", [BIDANG], "Kepala Dinas", [PIMPINAN]),
    _baris("6.f", 1340, "dinas_pendidikan", "Jabatan Fungsional /Pelaksana pada Sub Bagian",
           "staf", ["sub_bagian", "sekretariat"],
           "Kepala Sub Bagian/ Sekretaris Dinas", [SUB_BAGIAN, SEKRETARIS],
           "Sekretaris Dinas/ Kepala Dinas", [SEKRETARIS, PIMPINAN],
           keterangan=_catatan_sub_bagian("Sekretaris Dinas", "Kepala Dinas")),
    _baris("6.g", 1341, "dinas_pendidikan", "Jabatan Fungsional /Pelaksana pada Bidang", "staf",
           ["bidang"],
           "Kepala Seksi/ Kepala Bidang", [SEKSI, BIDANG],
           "Kepala Bidang/ Kepala Dinas", [BIDANG, PIMPINAN],
           keterangan=_catatan_bidang("Kepala Seksi", "Kepala Dinas")),
    _baris("6.h", 1343, "dinas_pendidikan", "Pengawas/Penilik Sekolah", "staf", [],
           "Kepala Bidang", [BIDANG], "Kepala Dinas", [PIMPINAN],
           pola_jabatan=r"\bPengawas Sekolah\b|\bPenilik\b",
           keterangan=f"{_CATATAN}dikenali dari nama jabatan (Pengawas Sekolah atau Penilik); "
           "penilai Kepala Bidang tempat jabatan itu berada."),
    _baris("6.i", 1344, "dinas_pendidikan", "Kepala TK/PAUD/PNF", "kepala", ["sekolah_tk"],
           "Kepala Seksi GTK PAUD", [SEKSI_GTK_PAUD],
           "Kepala Bidang PAUD dan Pendidikan Masyarakat", [BIDANG_PAUD_DIKMAS]),
    _baris("6.j", 1345, "dinas_pendidikan", "Kepala Sekolah SDN", "kepala", ["sekolah_sd"],
           "Kepala Seksi SD", [SEKSI_SD], "Kepala Bidang Pendidikan Dasar", [BIDANG_DIKDAS]),
    _baris("6.k", 1346, "dinas_pendidikan", "Kepala Sekolah SMPN", "kepala", ["sekolah_smp"],
           "Kepala Seksi Pendidik dan Tenaga Kependidikan Sekolah Menengah PERTAMA", [SEKSI_SMP],
           "Kepala Bidang Pendidik dan Tenaga Pendidik", [BIDANG_PTK],
           keterangan=f"{_CATATAN}Seksi Pendidik dan Tenaga Kependidikan Sekolah Menengah "
           "Pertama dianggap sama dengan 'Seksi SMP' pada baris n (kode seksi-smp); 'Bidang "
           "Pendidik dan Tenaga Pendidik' dibaca Bidang Pendidik dan Tenaga Kependidikan "
           "(kode bidang-ptk)."),
    _baris("6.l", 1347, "dinas_pendidikan", "Pelaksana/Fungsional pada TK/PAUD/PNF", "staf",
           ["sekolah_tk"], "Kepala TK/PAUD/PNF", [_leluhur("sekolah_tk")],
           "Kepala Seksi GTK PAUD", [SEKSI_GTK_PAUD]),
    _baris("6.m", 1348, "dinas_pendidikan", "Pelaksana/Fungsional pada SDN", "staf",
           ["sekolah_sd"], "Kepala Sekolah SDN", [_leluhur("sekolah_sd")],
           "Kepala Seksi SD", [SEKSI_SD]),
    _baris("6.n", 1349, "dinas_pendidikan", "Pelaksana/Fungsional pada SMPN", "staf",
           ["sekolah_smp"], "Kepala Sekolah SMPN", [_leluhur("sekolah_smp")],
           "Kepala Seksi SMP", [SEKSI_SMP],
           keterangan=f"{_CATATAN}'Seksi SMP' dianggap sama dengan Seksi Pendidik dan Tenaga "
           "Kependidikan Sekolah Menengah Pertama pada baris k (kode seksi-smp)."),
    _baris("6.o", 1350, "dinas_pendidikan",
           "Kepala Sekolah dan Guru TK/PAUD/PNF diperbantukan/dipekerjakan", "semua",
           ["sekolah_tk"], "Kepala Bidang Pendidik dan Tenaga Pendidik", [BIDANG_PTK],
           "Kepala Dinas", [PIMPINAN],
           pola_jabatan=POLA_GURU_KEPSEK, hanya_diperbantukan=True,
           keterangan="Berdasarkan bahan pertimbangan dari lembaga pendidikan yang menerima "
           f"perbantuan. {_CATATAN}hanya penempatan yang ditandai diperbantukan/dipekerjakan, "
           "pada jabatan Kepala atau Guru di unit TK/PAUD/PNF."),
    _baris("6.p", 1351, "dinas_pendidikan",
           "Kepala Sekolah dan Guru SD diperbantukan/dipekerjakan", "semua", ["sekolah_sd"],
           "Kepala Bidang Pendidik dan Tenaga Pendidik", [BIDANG_PTK],
           "Kepala Dinas", [PIMPINAN],
           pola_jabatan=POLA_GURU_KEPSEK, hanya_diperbantukan=True,
           keterangan=f"{_CATATAN}kolom Keterangan kosong; keterangan baris o (bahan "
           "pertimbangan dari lembaga pendidikan penerima perbantuan) tampaknya berlaku juga "
           "(sel tergabung). Hanya penempatan yang ditandai diperbantukan/dipekerjakan."),
    _baris("6.q", 1352, "dinas_pendidikan",
           "Kepala Sekolah dan Guru SMP diperbantukan/dipekerjakan", "semua", ["sekolah_smp"],
           "Kepala Bidang Pendidik dan Tenaga Pendidik", [BIDANG_PTK],
           "Kepala Dinas", [PIMPINAN],
           pola_jabatan=POLA_GURU_KEPSEK, hanya_diperbantukan=True,
           keterangan=f"{_CATATAN}kolom Keterangan kosong; keterangan baris o (bahan "
           "pertimbangan dari lembaga pendidikan penerima perbantuan) tampaknya berlaku juga "
           "(sel tergabung). Hanya penempatan yang ditandai diperbantukan/dipekerjakan."),
    _baris("6.r", 1353, "dinas_pendidikan",
           "Koordinator/Pelaksana/Fungsional pada Unit Pelayanan Pendidikan (UPP)", "semua",
           ["upp"], "Kepala Bidang Pendidik dan Tenaga Pendidik", [BIDANG_PTK],
           "Kepala Dinas", [PIMPINAN],
           keterangan=f"{_CATATAN}berlaku bagi Koordinator UPP (kepala unit) dan semua "
           "pegawai UPP."),
    # 7. BADAN (003:1354)
    _baris("7.a", 1355, "badan", "Kepala Badan", "kepala", ["badan"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("7.b", 1356, "badan", "Sekretaris Badan", "kepala", ["sekretariat"],
           "Kepala Badan", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("7.c", 1357, "badan", "Kepala Bidang", "kepala", ["bidang"],
           "Kepala Badan", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("7.d", 1358, "badan", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Sekretaris Badan", [SEKRETARIS], "Kepala Badan", [PIMPINAN]),
    _baris("7.e", 1359, "badan", "Kepala Sub Bidang", "kepala", ["sub_bidang"],
           "Kepala Bidang", [BIDANG], "Kepala Badan", [PIMPINAN]),
    _baris("7.f", 1360, "badan", "Jabatan Fungsional/Pelaksana pada Sub Bagian", "staf",
           ["sub_bagian", "sekretariat"],
           "Kepala Sub Bagian/ Sekretaris Badan", [SUB_BAGIAN, SEKRETARIS],
           "Sekretaris Badan/ Kepala Badan", [SEKRETARIS, PIMPINAN],
           keterangan=_catatan_sub_bagian("Sekretaris Badan", "Kepala Badan")),
    _baris("7.g", 1361, "badan", "Jabatan Fungsional/Pelaksana pada Bidang", "staf", ["bidang"],
           "Kepala Sub Bidang/ Kepala Bidang", [SUB_BIDANG, BIDANG],
           "Kepala Bidang/ Kepala Badan", [BIDANG, PIMPINAN],
           keterangan=_catatan_bidang("Kepala Sub Bidang", "Kepala Badan")),
    # 8. BADAN YANG MEMILIKI UPTD (003:1363)
    _baris("8.a", 1364, "badan_uptd", "Kepala Badan", "kepala", ["badan_uptd"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("8.b", 1365, "badan_uptd", "Sekretaris Badan", "kepala", ["sekretariat"],
           "Kepala Badan", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("8.c", 1366, "badan_uptd", "Kepala Bidang", "kepala", ["bidang"],
           "Kepala Badan", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("8.d", 1367, "badan_uptd", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Sekretaris Badan", [SEKRETARIS], "Kepala Badan", [PIMPINAN]),
    _baris("8.e", 1368, "badan_uptd", "Kepala Sub Bidang", "kepala", ["sub_bidang"],
           "Kepala Bidang", [BIDANG], "Kepala Badan", [PIMPINAN]),
    _baris("8.f", 1369, "badan_uptd", "Jabatan Fungsional/Pelaksana pada Sub Bagian", "staf",
           ["sekretariat"],
           "Kepala Sub Bagian/ Sekretaris Badan", [SUB_BAGIAN, SEKRETARIS],
           "Sekretaris/ Kepala Badan", [SEKRETARIS, PIMPINAN],
           keterangan=f"{_CATATAN}'Sekretaris' pada kolom atasan dibaca Sekretaris Badan. "
           + _catatan_sub_bagian("Sekretaris Badan", "Kepala Badan").removeprefix(_CATATAN)
           + _CATATAN_UPTD_SUB_BAGIAN.format(upt="UPT", nomor="8.j")),
    _baris("8.g", 1370, "badan_uptd", "Jabatan Fungsional/Pelaksana pada Bidang", "staf",
           ["bidang"],
           "Kepala Sub Bidang/ Kepala Bidang", [SUB_BIDANG, BIDANG],
           "Kepala Bidang/ Kepala Badan", [BIDANG, PIMPINAN],
           keterangan=_catatan_bidang("Kepala Sub Bidang", "Kepala Badan")),
    _baris("8.h", 1371, "badan_uptd", "Kepala UPT", "kepala", ["uptd"],
           "Kepala Badan", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("8.i", 1372, "badan_uptd", "Kepala Sub Bagian Tata Usaha UPT", "kepala",
           ["sub_bagian"], "Kepala UPT", [UPTD], "Sekretaris Badan", [SEKRETARIS],
           pola_jabatan=POLA_KASUBBAG_TU_UPT,
           keterangan=f"{_CATATAN}dibedakan dari baris 8.d oleh nama jabatan (memuat "
           "'Tata Usaha' atau 'UPT')."),
    _baris("8.j", 1373, "badan_uptd", "Jabatan Fungsional/Pelaksana pada UPT", "staf",
           ["uptd"], "Kepala UPT", [UPTD], "Sekretaris Badan", [SEKRETARIS],
           keterangan=f"{_CATATAN}termasuk JF/Pelaksana di Sub Bagian Tata Usaha UPT; "
           "atasan pejabat penilai Sekretaris Badan, bukan Kepala Badan."),
    # 9. SATUAN POLISI PAMONG PRAJA (003:1374)
    _baris("9.a", 1375, "satpol_pp", "Kepala Satuan", "kepala", ["satpol_pp"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("9.b", 1376, "satpol_pp", "Sekretaris", "kepala", ["sekretariat"],
           "Kepala Satuan", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("9.c", 1377, "satpol_pp", "Kepala Bidang", "kepala", ["bidang"],
           "Kepala Satuan", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("9.d", 1378, "satpol_pp", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Sekretaris", [SEKRETARIS], "Kepala Satuan", [PIMPINAN]),
    _baris("9.e", 1379, "satpol_pp", "Kepala Seksi", "kepala", ["seksi"],
           "Kepala Bidang", [BIDANG], "Kepala Satuan", [PIMPINAN]),
    _baris("9.f", 1380, "satpol_pp", "Jabatan Fungsional /Pelaksana pada Sub Bagian", "staf",
           ["sub_bagian", "sekretariat"],
           "Kepala Sub Bagian/ Sekretaris", [SUB_BAGIAN, SEKRETARIS],
           "Sekretaris/ Kepala Satuan", [SEKRETARIS, PIMPINAN],
           keterangan=_catatan_sub_bagian("Sekretaris", "Kepala Satuan")),
    _baris("9.g", 1381, "satpol_pp", "Jabatan Fungsional /Pelaksana pada Bidang", "staf",
           ["bidang"],
           "Kepala Sub Seksi/ Kepala Bidang", [SEKSI, BIDANG],
           "Kepala Bidang/ Kepala Satuan", [BIDANG, PIMPINAN],
           keterangan=f"{_CATATAN}'Kepala Sub Seksi' dibaca Kepala Seksi: Satuan Polisi Pamong "
           "Praja tidak memiliki Sub Seksi, dan baris sejenis pada kelompok lain (4.g, 5.g, 6.g) "
           "menyebut Kepala Seksi. "
           + _catatan_bidang("Kepala Seksi", "Kepala Satuan").removeprefix(_CATATAN)),
    # 10. RSUD dr. CHASBULLAH ABDULMADJID (003:1382)
    _baris("10.a", 1383, "rsud", "Direktur RSUD", "kepala", ["rsud"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("10.b", 1384, "rsud", "Wakil Direktur", "kepala", ["wadir"],
           "Direktur RSUD", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("10.c", 1385, "rsud", "Kepala Bagian", "kepala", ["bagian"],
           "Wakil Direktur", [WADIR], "Direktur RSUD", [PIMPINAN],
           keterangan=f"{_CATATAN}Wakil Direktur yang membawahkan Bagian tersebut."),
    _baris("10.d", 1386, "rsud", "Kepala Bidang", "kepala", ["bidang"],
           "Wakil Direktur", [WADIR], "Direktur RSUD", [PIMPINAN],
           keterangan=f"{_CATATAN}Wakil Direktur yang membawahkan Bidang tersebut."),
    _baris("10.e", 1387, "rsud", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Kepala Bagian", [BAGIAN], "Wakil Direktur", [WADIR]),
    _baris("10.f", 1388, "rsud", "Kepala Seksi", "kepala", ["seksi"],
           "Kepala Bidang", [BIDANG], "Wakil Direktur", [WADIR]),
    _baris("10.g", 1389, "rsud",
           "Kepala Instalasi/Unit dan Pelaksana/Fungsional pada Instalasi/Unit", "semua",
           ["instalasi"], "Kepala Bidang", [BIDANG], "Wakil Direktur", [WADIR],
           keterangan=f"{_CATATAN}Kepala Bidang yang membawahkan Instalasi/Unit; dalam "
           "struktur, Instalasi/Unit ditempatkan di bawah Bidang tersebut."),
    _baris("10.h", 1390, "rsud", "Jabatan Fungsional /Pelaksana pada Sub Bagian", "staf",
           ["sub_bagian", "bagian"], "Kepala Bagian", [BAGIAN], "Wakil Direktur", [WADIR],
           keterangan=f"{_CATATAN}penilai Kepala Bagian, bukan Kepala Sub Bagian; berlaku "
           "juga bagi JF/Pelaksana yang langsung berada di Bagian."),
    _baris("10.i", 1391, "rsud", "Jabatan Fungsional/Pelaksana pada Bidang", "staf",
           ["bidang"], "Kepala Bidang", [BIDANG], "Wakil Direktur", [WADIR],
           keterangan=f"{_CATATAN}termasuk JF/Pelaksana di Seksi; penilai tetap Kepala "
           "Bidang (baris ini tidak menyebut Kepala Seksi)."),
    # 11. KECAMATAN (003:1393)
    _baris("11.a", 1394, "kecamatan", "Camat", "kepala", ["kecamatan"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("11.b", 1395, "kecamatan", "Sekretaris Kecamatan", "kepala", ["sekretariat"],
           "Camat", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("11.c", 1396, "kecamatan", "Kepala Sub Bagian", "kepala", ["sub_bagian"],
           "Sekretaris Kecamatan", [SEKRETARIS], "Camat", [PIMPINAN]),
    _baris("11.d", 1397, "kecamatan", "Kepala Seksi", "kepala", ["seksi"],
           "Sekretaris Kecamatan", [SEKRETARIS], "Camat", [PIMPINAN]),
    _baris("11.e", 1398, "kecamatan", "Jabatan Fungsional /Pelaksana pada Sub Bagian", "staf",
           ["sub_bagian"], "Kepala Sub Bagian", [SUB_BAGIAN],
           "Sekretaris Kecamatan", [SEKRETARIS],
           keterangan=f"{_CATATAN}baris ini tanpa alternatif; JF/Pelaksana yang langsung "
           "berada di Sekretariat Kecamatan dinilai menurut ketentuan umum (atasan langsung: "
           "Sekretaris Kecamatan)."),
    _baris("11.f", 1399, "kecamatan", "Jabatan Fungsional /Pelaksana pada Seksi", "staf",
           ["seksi"], "Kepala Seksi", [SEKSI], "Sekretaris Kecamatan", [SEKRETARIS]),
    # 12. KELURAHAN (003:1400)
    _baris("12.a", 1401, "kelurahan", "Lurah", "kepala", ["kelurahan"],
           "Camat", [KECAMATAN], "Sekretaris Daerah", [SEKDA],
           keterangan=f"{_CATATAN}Camat dari Kecamatan yang membawahkan Kelurahan."),
    _baris("12.b", 1402, "kelurahan", "Sekretaris Kelurahan", "kepala", ["sekretariat"],
           "Lurah", [PIMPINAN], "Sekretaris Kecamatan", [SEKCAM],
           keterangan=f"{_CATATAN}Sekretaris Kecamatan dari Kecamatan yang membawahkan "
           "Kelurahan."),
    _baris("12.c", 1403, "kelurahan", "Kepala Seksi", "kepala", ["seksi"],
           "Lurah", [PIMPINAN], "Sekretaris Kecamatan", [SEKCAM],
           keterangan=f"{_CATATAN}Sekretaris Kecamatan dari Kecamatan yang membawahkan "
           "Kelurahan."),
    _baris("12.d", 1404, "kelurahan", "Jabatan Fungsional /Pelaksana pada Sekertariat", "staf",
           ["sekretariat"], "Sekretaris Kelurahan", [SEKRETARIS], "Lurah", [PIMPINAN],
           keterangan=f"{_CATATAN}'Sekertariat' dibaca Sekretariat Kelurahan."),
    _baris("12.e", 1405, "kelurahan", "Jabatan Fungsional /Pelaksana pada Seksi", "staf",
           ["seksi"], "Kepala Seksi", [SEKSI], "Lurah", [PIMPINAN]),
    # 13. PELAKSANA BADAN PENANGGULANGAN BENCANA DAERAH (BPBD) (003:1406)
    _baris("13.a", 1407, "bpbd", "Kepala Pelaksana", "kepala", ["bpbd"],
           "Wali Kota", [WALI_KOTA], "Wali Kota", [WALI_KOTA]),
    _baris("13.b", 1408, "bpbd", "Sekretaris Pelaksana", "kepala", ["sekretariat"],
           "Kepala Pelaksana", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("13.c", 1409, "bpbd", "Kepala Seksi", "kepala", ["seksi"],
           "Kepala Pelaksana", [PIMPINAN], "Sekretaris Daerah", [SEKDA]),
    _baris("13.d", 1410, "bpbd", "Pelaksana pada Sekretariat", "staf", ["sekretariat"],
           "Sekretaris Pelaksana", [SEKRETARIS], "Kepala Pelaksana", [PIMPINAN],
           keterangan=f"{_CATATAN}baris menyebut Pelaksana saja; diberlakukan juga bagi JF "
           "karena tidak ada baris lain untuk JF di Sekretariat BPBD."),
    _baris("13.e", 1411, "bpbd", "Pelaksana pada Seksi", "staf", ["seksi"],
           "Kepala Seksi", [SEKSI], "Kepala Pelaksana", [PIMPINAN],
           keterangan=f"{_CATATAN}baris menyebut Pelaksana saja; diberlakukan juga bagi JF "
           "karena tidak ada baris lain untuk JF di Seksi BPBD."),
]  # fmt: skip


def aturan_bekasi() -> list[penilai.Aturan]:
    """The table as rule objects, for the pure rater rule and its tests."""
    return [
        penilai.Aturan(
            nomor=b["nomor"],
            kelompok=b["kelompok"],
            dinilai=b["dinilai"],
            peran=b["peran"],
            tipe_unit=tuple(b["tipe_unit"]),
            penilai=tuple(dict(t) for t in b["penilai"]),
            penilai_teks=b["penilai_teks"],
            atasan=tuple(dict(t) for t in b["atasan"]),
            atasan_teks=b["atasan_teks"],
            pola_jabatan=b["pola_jabatan"],
            hanya_diperbantukan=b["hanya_diperbantukan"],
            keterangan=b["keterangan"],
            sumber=SUMBER,
        )
        for b in BARIS
    ]


def muat_ke_instansi() -> int:
    """Create or update the table in the active agency's scope; returns the row count.

    Must run inside `organisasi.tenancy.lingkup_instansi`. Idempotent: rows are keyed
    by their number, and rows the agency added itself are left alone.
    """
    # Imported here so the table and `aturan_bekasi` stay usable without Django.
    from organisasi.models import AturanPenilai
    from organisasi.tenancy import instansi_aktif_id

    instansi_aktif_id()  # fail clearly outside a tenant scope
    for b in BARIS:
        AturanPenilai.objects.update_or_create(
            nomor=b["nomor"],
            defaults={
                "kelompok": b["kelompok"],
                "dinilai": b["dinilai"],
                "peran": b["peran"],
                "tipe_unit": list(b["tipe_unit"]),
                "pola_jabatan": b["pola_jabatan"],
                "hanya_diperbantukan": b["hanya_diperbantukan"],
                "penilai_teks": b["penilai_teks"],
                "penilai": [dict(t) for t in b["penilai"]],
                "atasan_teks": b["atasan_teks"],
                "atasan": [dict(t) for t in b["atasan"]],
                "keterangan": b["keterangan"],
                "sumber": SUMBER,
            },
        )
    return len(BARIS)
