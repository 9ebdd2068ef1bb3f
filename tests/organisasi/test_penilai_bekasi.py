"""Perwal Wali Kota Bekasi 38/2023, Lampiran II (seed 003, lines 1292-1411), row by row.

A Bekasi-like city is built in memory with one organisation of each of the 13
groups of Lampiran II, every head post filled by a fictitious person and one
employee per staff row. Each case names the employee and, read off the Perwal,
the post whose holder rates him and the post whose holder is the atasan
pejabat penilai. The expected values come from reading 003, never from running
the code; where the Perwal needed interpretation the case says so and the
row's `keterangan` in organisasi/data/lampiran_ii_bekasi.py explains it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from organisasi import penilai as p
from organisasi.data.lampiran_ii_bekasi import BARIS, SUMBER, aturan_bekasi

WALI_KOTA = "wali_kota"
NAMA_WALI_KOTA = "Rahmat Hidayat"


class Struktur:
    """Builds a `PetaOrganisasi` by key: a unit's key also names its head post."""

    def __init__(self):
        self._id = itertools.count(1)
        self.unit: dict[str, p.Unit] = {}
        self.jabatan: dict[str, p.Jabatan] = {}
        self.pemegang: list[p.Pemegang] = []
        self.nama: dict[str, str] = {}  # key of a post -> name of its holder
        self.pegawai_id: dict[str, int] = {}

    def tambah_unit(self, kunci, nama, jenis, induk=None, *, kode="", kepala=None):
        """kepala: (position name, position kind, holder's name)."""
        induk_id = self.unit[induk].id if induk else None
        self.unit[kunci] = p.Unit(next(self._id), nama, induk_id, jenis, kode)
        if kepala:
            nama_jabatan, jenis_jabatan, nama_pemegang = kepala
            self._jabatan(kunci, kunci, nama_jabatan, jenis_jabatan, True, nama_pemegang)

    def tambah_staf(self, kunci, unit, nama_jabatan, jenis="fungsional", pemegang=None):
        self._jabatan(kunci, unit, nama_jabatan, jenis, False, pemegang)

    def _jabatan(self, kunci, unit, nama, jenis, kepala_unit, nama_pemegang):
        jabatan = p.Jabatan(next(self._id), nama, self.unit[unit].id, jenis, kepala_unit)
        self.jabatan[kunci] = jabatan
        self.pegawai_id[kunci] = next(self._id)
        if nama_pemegang:
            self.nama[kunci] = nama_pemegang
            nip = f"19800101200501{self.pegawai_id[kunci]:04d}"
            self.pemegang.append(
                p.Pemegang(self.pegawai_id[kunci], nama_pemegang, nip, jabatan.id, nama)
            )

    def peta(self, aturan, **kebijakan) -> p.PetaOrganisasi:
        kebijakan = {
            "plt_plh_otomatis": True,
            "jabatan_kepala_daerah": "Wali Kota",
            "nama_kepala_daerah": NAMA_WALI_KOTA,
        } | kebijakan
        return p.PetaOrganisasi(
            unit={u.id: u for u in self.unit.values()},
            jabatan={j.id: j for j in self.jabatan.values()},
            pemegang=list(self.pemegang),
            aturan=list(aturan),
            kebijakan=p.Kebijakan(**kebijakan),
        )

    def dinilai(self, kunci, *, diperbantukan=False, status="pns") -> p.Dinilai:
        return p.Dinilai(
            pegawai_id=self.pegawai_id[kunci],
            nama=self.nama.get(kunci, f"Pegawai {kunci}"),
            status=status,
            jabatan=self.jabatan[kunci],
            diperbantukan=diperbantukan,
        )


def kota_bekasi() -> Struktur:
    s = Struktur()
    u, staf = s.tambah_unit, s.tambah_staf
    # fmt: off
    # 1. Sekretariat Daerah
    u(
        "setda",
        "Sekretariat Daerah",
        "setda",
        kepala=("Sekretaris Daerah", "jpt_pratama", "Hendra Wijaya"),
    )
    u(
        "setda.asisten",
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        "asisten",
        "setda",
        kepala=("Asisten Pemerintahan dan Kesejahteraan Rakyat", "jpt_pratama", "Sri Handayani"),
    )
    u(
        "setda.bagian",
        "Bagian Tata Pemerintahan",
        "bagian",
        "setda.asisten",
        kepala=("Kepala Bagian Tata Pemerintahan", "administrator", "Bambang Prasetyo"),
    )
    u(
        "setda.subbag",
        "Sub Bagian Administrasi Kewilayahan",
        "sub_bagian",
        "setda.bagian",
        kepala=("Kepala Sub Bagian Administrasi Kewilayahan", "pengawas", "Ratna Sari"),
    )
    staf(
        "staf_ahli",
        "setda",
        "Staf Ahli Wali Kota Bidang Hukum, Politik dan Pemerintahan",
        "jpt_pratama",
        pemegang="Joko Susilo",
    )
    staf("jf.setda.subbag", "setda.subbag", "Analis Kebijakan Ahli Pertama")
    staf("jf.setda.bagian", "setda.bagian", "Pengadministrasi Perkantoran", "pelaksana")
    # 2. Sekretariat DPRD
    u(
        "setwan",
        "Sekretariat DPRD",
        "setwan",
        kepala=("Sekretaris DPRD", "jpt_pratama", "Yanti Kusumawati"),
    )
    u(
        "setwan.bagian",
        "Bagian Umum dan Keuangan",
        "bagian",
        "setwan",
        kepala=("Kepala Bagian Umum dan Keuangan", "administrator", "Dedi Supriyadi"),
    )
    u(
        "setwan.subbag",
        "Sub Bagian Kepegawaian",
        "sub_bagian",
        "setwan.bagian",
        kepala=("Kepala Sub Bagian Kepegawaian", "pengawas", "Nurul Hidayah"),
    )
    staf("jf.setwan.subbag", "setwan.subbag", "Analis Sumber Daya Manusia Aparatur Ahli Pertama")
    staf("jf.setwan.bagian", "setwan.bagian", "Bendahara", "pelaksana")
    # 3. Inspektorat Daerah
    u(
        "insp",
        "Inspektorat Daerah",
        "inspektorat",
        kepala=("Inspektur", "jpt_pratama", "Arif Rahman"),
    )
    u(
        "insp.sekr",
        "Sekretariat Inspektorat",
        "sekretariat",
        "insp",
        kepala=("Sekretaris Inspektorat", "administrator", "Wulan Sari"),
    )
    u(
        "insp.subbag",
        "Sub Bagian Umum dan Kepegawaian",
        "sub_bagian",
        "insp.sekr",
        kepala=("Kepala Sub Bagian Umum dan Kepegawaian", "pengawas", "Taufik Hidayat"),
    )
    u(
        "insp.irban",
        "Inspektur Pembantu Wilayah I",
        "irban",
        "insp",
        kepala=("Inspektur Pembantu Wilayah I", "administrator", "Maya Puspita"),
    )
    staf("jf.insp.subbag", "insp.subbag", "Pengelola Kepegawaian", "pelaksana")
    staf("jf.insp.sekr", "insp.sekr", "Analis Keuangan Ahli Pertama")
    staf("jf.insp.irban", "insp.irban", "Auditor Ahli Muda")
    # 4. Dinas
    u(
        "dinas",
        "Dinas Komunikasi dan Informatika",
        "dinas",
        kepala=("Kepala Dinas Komunikasi dan Informatika", "jpt_pratama", "Rudi Hermawan"),
    )
    u(
        "dinas.sekr",
        "Sekretariat",
        "sekretariat",
        "dinas",
        kepala=("Sekretaris Dinas", "administrator", "Lina Marlina"),
    )
    u(
        "dinas.subbag",
        "Sub Bagian Umum dan Kepegawaian",
        "sub_bagian",
        "dinas.sekr",
        kepala=("Kepala Sub Bagian Umum dan Kepegawaian", "pengawas", "Eko Saputra"),
    )
    u(
        "dinas.bidang",
        "Bidang Aplikasi Informatika",
        "bidang",
        "dinas",
        kepala=("Kepala Bidang Aplikasi Informatika", "administrator", "Fitri Yanti"),
    )
    u(
        "dinas.seksi",
        "Seksi Pengembangan Aplikasi",
        "seksi",
        "dinas.bidang",
        kepala=("Kepala Seksi Pengembangan Aplikasi", "pengawas", "Gilang Ramadhan"),
    )
    staf("jf.dinas.subbag", "dinas.subbag", "Arsiparis Ahli Pertama")
    staf("jf.dinas.sekr", "dinas.sekr", "Perencana Ahli Pertama")
    staf("jf.dinas.seksi", "dinas.seksi", "Pranata Komputer Ahli Pertama")
    staf("jf.dinas.bidang", "dinas.bidang", "Pranata Komputer Ahli Muda")
    # 5. Dinas yang memiliki UPTD
    u(
        "dlh",
        "Dinas Lingkungan Hidup",
        "dinas_uptd",
        kepala=("Kepala Dinas Lingkungan Hidup", "jpt_pratama", "Hadi Santoso"),
    )
    u(
        "dlh.sekr",
        "Sekretariat",
        "sekretariat",
        "dlh",
        kepala=("Sekretaris Dinas", "administrator", "Indah Permata"),
    )
    u(
        "dlh.subbag",
        "Sub Bagian Umum dan Kepegawaian",
        "sub_bagian",
        "dlh.sekr",
        kepala=("Kepala Sub Bagian Umum dan Kepegawaian", "pengawas", "Iwan Setiawan"),
    )
    u(
        "dlh.bidang",
        "Bidang Pengelolaan Sampah",
        "bidang",
        "dlh",
        kepala=("Kepala Bidang Pengelolaan Sampah", "administrator", "Kartika Dewi"),
    )
    u(
        "dlh.seksi",
        "Seksi Pengurangan Sampah",
        "seksi",
        "dlh.bidang",
        kepala=("Kepala Seksi Pengurangan Sampah", "pengawas", "Lukman Hakim"),
    )
    u(
        "dlh.uptd",
        "UPTD Tempat Pemrosesan Akhir Sampah",
        "uptd",
        "dlh",
        kepala=("Kepala UPTD Tempat Pemrosesan Akhir Sampah", "administrator", "Mega Utami"),
    )
    u(
        "dlh.uptd.tu",
        "Sub Bagian Tata Usaha",
        "sub_bagian",
        "dlh.uptd",
        kepala=(
            "Kepala Sub Bagian Tata Usaha UPTD Tempat Pemrosesan Akhir Sampah",
            "pengawas",
            "Nanang Kosim",
        ),
    )
    staf("jf.dlh.subbag", "dlh.subbag", "Pengelola Barang Milik Daerah", "pelaksana")
    staf("jf.dlh.sekr", "dlh.sekr", "Perencana Ahli Pertama")
    staf("jf.dlh.seksi", "dlh.seksi", "Penyuluh Lingkungan Hidup Ahli Pertama")
    staf("jf.dlh.bidang", "dlh.bidang", "Penyuluh Lingkungan Hidup Ahli Muda")
    staf("jf.dlh.uptd", "dlh.uptd", "Operator Alat Berat", "pelaksana")
    staf("jf.dlh.uptd.tu", "dlh.uptd.tu", "Pengadministrasi Umum", "pelaksana")
    # 6. Dinas Pendidikan
    u(
        "disdik",
        "Dinas Pendidikan",
        "dinas_pendidikan",
        kepala=("Kepala Dinas Pendidikan", "jpt_pratama", "Oktaviani Putri"),
    )
    u(
        "disdik.sekr",
        "Sekretariat",
        "sekretariat",
        "disdik",
        kepala=("Sekretaris Dinas", "administrator", "Purnomo Adi"),
    )
    u(
        "disdik.subbag",
        "Sub Bagian Umum dan Kepegawaian",
        "sub_bagian",
        "disdik.sekr",
        kepala=("Kepala Sub Bagian Umum dan Kepegawaian", "pengawas", "Rina Anggraini"),
    )
    u(
        "disdik.paud",
        "Bidang PAUD dan Pendidikan Masyarakat",
        "bidang",
        "disdik",
        kode="bidang-paud-dikmas",
        kepala=("Kepala Bidang PAUD dan Pendidikan Masyarakat", "administrator", "Slamet Widodo"),
    )
    u(
        "disdik.gtkpaud",
        "Seksi GTK PAUD",
        "seksi",
        "disdik.paud",
        kode="seksi-gtk-paud",
        kepala=("Kepala Seksi GTK PAUD", "pengawas", "Tuti Wulandari"),
    )
    u(
        "disdik.dikdas",
        "Bidang Pendidikan Dasar",
        "bidang",
        "disdik",
        kode="bidang-dikdas",
        kepala=("Kepala Bidang Pendidikan Dasar", "administrator", "Umar Faruq"),
    )
    u(
        "disdik.sd",
        "Seksi Sekolah Dasar",
        "seksi",
        "disdik.dikdas",
        kode="seksi-sd",
        kepala=("Kepala Seksi Sekolah Dasar", "pengawas", "Vina Oktaviani"),
    )
    u(
        "disdik.ptk",
        "Bidang Pendidik dan Tenaga Kependidikan",
        "bidang",
        "disdik",
        kode="bidang-ptk",
        kepala=("Kepala Bidang Pendidik dan Tenaga Kependidikan", "administrator", "Wahyu Nugroho"),
    )
    u(
        "disdik.smp",
        "Seksi Pendidik dan Tenaga Kependidikan Sekolah Menengah Pertama",
        "seksi",
        "disdik.ptk",
        kode="seksi-smp",
        kepala=("Kepala Seksi Pendidik dan Tenaga Kependidikan SMP", "pengawas", "Yulia Rachman"),
    )
    u(
        "tk",
        "TK Negeri Pembina",
        "sekolah_tk",
        "disdik",
        kepala=("Kepala TK Negeri Pembina", "fungsional", "Zahra Amalia"),
    )
    u(
        "sdn",
        "SD Negeri Bekasi Jaya I",
        "sekolah_sd",
        "disdik",
        kepala=("Kepala SD Negeri Bekasi Jaya I", "fungsional", "Agus Firmansyah"),
    )
    u(
        "smpn",
        "SMP Negeri 1",
        "sekolah_smp",
        "disdik",
        kepala=("Kepala SMP Negeri 1", "fungsional", "Budi Rahardjo"),
    )
    u(
        "upp",
        "Unit Pelayanan Pendidikan Kecamatan Bekasi Timur",
        "upp",
        "disdik",
        kepala=("Koordinator UPP Kecamatan Bekasi Timur", "pelaksana", "Citra Maharani"),
    )
    staf("jf.disdik.subbag", "disdik.subbag", "Pengelola Kepegawaian", "pelaksana")
    staf("jf.disdik.sekr", "disdik.sekr", "Perencana Ahli Muda")
    staf("jf.disdik.sd", "disdik.sd", "Analis Pendidikan", "pelaksana")
    staf("jf.disdik.ptk", "disdik.ptk", "Analis Sumber Daya Manusia Aparatur Ahli Muda")
    staf("pengawas_sekolah", "disdik.ptk", "Pengawas Sekolah Ahli Madya")
    staf("penilik", "disdik.paud", "Penilik Ahli Muda")
    staf("guru.tk", "tk", "Guru Ahli Pertama")
    staf("guru.sd", "sdn", "Guru Ahli Muda")
    staf("pelaksana.sd", "sdn", "Pengadministrasi Umum", "pelaksana")
    staf("guru.smp", "smpn", "Guru Ahli Madya")
    staf("staf.upp", "upp", "Pengadministrasi Perkantoran", "pelaksana")
    # 7. Badan
    u(
        "badan",
        "Badan Perencanaan Pembangunan Daerah",
        "badan",
        kepala=("Kepala Badan Perencanaan Pembangunan Daerah", "jpt_pratama", "Dimas Pratama"),
    )
    u(
        "badan.sekr",
        "Sekretariat",
        "sekretariat",
        "badan",
        kepala=("Sekretaris Badan", "administrator", "Endang Suryani"),
    )
    u(
        "badan.subbag",
        "Sub Bagian Umum dan Kepegawaian",
        "sub_bagian",
        "badan.sekr",
        kepala=("Kepala Sub Bagian Umum dan Kepegawaian", "pengawas", "Fajar Nugraha"),
    )
    u(
        "badan.bidang",
        "Bidang Perencanaan Ekonomi",
        "bidang",
        "badan",
        kepala=("Kepala Bidang Perencanaan Ekonomi", "administrator", "Gita Savitri"),
    )
    u(
        "badan.subbid",
        "Sub Bidang Ekonomi Makro",
        "sub_bidang",
        "badan.bidang",
        kepala=("Kepala Sub Bidang Ekonomi Makro", "pengawas", "Haris Munandar"),
    )
    staf("jf.badan.subbag", "badan.subbag", "Pranata Kearsipan", "pelaksana")
    staf("jf.badan.sekr", "badan.sekr", "Analis Anggaran Ahli Pertama")
    staf("jf.badan.subbid", "badan.subbid", "Perencana Ahli Pertama")
    staf("jf.badan.bidang", "badan.bidang", "Perencana Ahli Muda")
    # 8. Badan yang memiliki UPTD
    u(
        "bapenda",
        "Badan Pendapatan Daerah",
        "badan_uptd",
        kepala=("Kepala Badan Pendapatan Daerah", "jpt_pratama", "Irma Suryani"),
    )
    u(
        "bapenda.sekr",
        "Sekretariat",
        "sekretariat",
        "bapenda",
        kepala=("Sekretaris Badan", "administrator", "Jajang Nurjaman"),
    )
    u(
        "bapenda.subbag",
        "Sub Bagian Umum dan Kepegawaian",
        "sub_bagian",
        "bapenda.sekr",
        kepala=("Kepala Sub Bagian Umum dan Kepegawaian", "pengawas", "Kurnia Sari"),
    )
    u(
        "bapenda.bidang",
        "Bidang Pajak Daerah",
        "bidang",
        "bapenda",
        kepala=("Kepala Bidang Pajak Daerah", "administrator", "Lutfi Hakim"),
    )
    u(
        "bapenda.subbid",
        "Sub Bidang Pendataan dan Penetapan",
        "sub_bidang",
        "bapenda.bidang",
        kepala=("Kepala Sub Bidang Pendataan dan Penetapan", "pengawas", "Mira Lestari"),
    )
    u(
        "bapenda.upt",
        "UPT Pajak Daerah Wilayah I",
        "uptd",
        "bapenda",
        kepala=("Kepala UPT Pajak Daerah Wilayah I", "administrator", "Nova Riyanto"),
    )
    u(
        "bapenda.upt.tu",
        "Sub Bagian Tata Usaha",
        "sub_bagian",
        "bapenda.upt",
        kepala=(
            "Kepala Sub Bagian Tata Usaha UPT Pajak Daerah Wilayah I",
            "pengawas",
            "Oki Permadi",
        ),
    )
    staf("jf.bapenda.subbag", "bapenda.subbag", "Pengelola Gaji", "pelaksana")
    staf("jf.bapenda.sekr", "bapenda.sekr", "Analis Keuangan Ahli Pertama")
    staf("jf.bapenda.subbid", "bapenda.subbid", "Pengolah Data Pajak", "pelaksana")
    staf("jf.bapenda.bidang", "bapenda.bidang", "Analis Pajak", "pelaksana")
    staf("jf.bapenda.upt", "bapenda.upt", "Juru Pungut Pajak", "pelaksana")
    staf("jf.bapenda.upt.tu", "bapenda.upt.tu", "Pengadministrasi Umum", "pelaksana")
    # 9. Satuan Polisi Pamong Praja
    u(
        "satpol",
        "Satuan Polisi Pamong Praja",
        "satpol_pp",
        kepala=("Kepala Satuan Polisi Pamong Praja", "jpt_pratama", "Parlindungan Siregar"),
    )
    u(
        "satpol.sekr",
        "Sekretariat",
        "sekretariat",
        "satpol",
        kepala=("Sekretaris Satuan Polisi Pamong Praja", "administrator", "Qori Amelia"),
    )
    u(
        "satpol.subbag",
        "Sub Bagian Umum dan Kepegawaian",
        "sub_bagian",
        "satpol.sekr",
        kepala=("Kepala Sub Bagian Umum dan Kepegawaian", "pengawas", "Ridwan Saputra"),
    )
    u(
        "satpol.bidang",
        "Bidang Penegakan Peraturan Daerah",
        "bidang",
        "satpol",
        kepala=("Kepala Bidang Penegakan Peraturan Daerah", "administrator", "Sinta Maharani"),
    )
    u(
        "satpol.seksi",
        "Seksi Penyelidikan dan Penyidikan",
        "seksi",
        "satpol.bidang",
        kepala=("Kepala Seksi Penyelidikan dan Penyidikan", "pengawas", "Teguh Santosa"),
    )
    staf("jf.satpol.subbag", "satpol.subbag", "Pengelola Data Kepegawaian", "pelaksana")
    staf("jf.satpol.sekr", "satpol.sekr", "Perencana Ahli Pertama")
    staf("jf.satpol.seksi", "satpol.seksi", "Polisi Pamong Praja Terampil")
    staf("jf.satpol.bidang", "satpol.bidang", "Polisi Pamong Praja Ahli Pertama")
    # 10. RSUD
    u(
        "rsud",
        "RSUD dr. Chasbullah Abdulmadjid",
        "rsud",
        kepala=("Direktur RSUD", "jpt_pratama", "Umi Kalsum"),
    )
    u(
        "rsud.wadir_umum",
        "Wakil Direktur Umum dan Keuangan",
        "wadir",
        "rsud",
        kepala=("Wakil Direktur Umum dan Keuangan", "administrator", "Viktor Sihombing"),
    )
    u(
        "rsud.bagian",
        "Bagian Umum dan Kepegawaian",
        "bagian",
        "rsud.wadir_umum",
        kepala=("Kepala Bagian Umum dan Kepegawaian", "administrator", "Winda Ayu"),
    )
    u(
        "rsud.subbag",
        "Sub Bagian Kepegawaian",
        "sub_bagian",
        "rsud.bagian",
        kepala=("Kepala Sub Bagian Kepegawaian", "pengawas", "Yoga Pratama"),
    )
    u(
        "rsud.wadir_yan",
        "Wakil Direktur Pelayanan",
        "wadir",
        "rsud",
        kepala=("Wakil Direktur Pelayanan", "administrator", "Zulkifli Lubis"),
    )
    u(
        "rsud.bidang",
        "Bidang Pelayanan Medis",
        "bidang",
        "rsud.wadir_yan",
        kepala=("Kepala Bidang Pelayanan Medis", "administrator", "Anita Wijayanti"),
    )
    u(
        "rsud.seksi",
        "Seksi Pelayanan Rawat Inap",
        "seksi",
        "rsud.bidang",
        kepala=("Kepala Seksi Pelayanan Rawat Inap", "pengawas", "Bayu Anggara"),
    )
    u(
        "rsud.instalasi",
        "Instalasi Rawat Inap",
        "instalasi",
        "rsud.bidang",
        kepala=("Kepala Instalasi Rawat Inap", "fungsional", "Cahya Purnama"),
    )
    staf("jf.rsud.subbag", "rsud.subbag", "Pengelola Kepegawaian", "pelaksana")
    staf("jf.rsud.bagian", "rsud.bagian", "Arsiparis Ahli Pertama")
    staf("jf.rsud.bidang", "rsud.bidang", "Administrator Kesehatan Ahli Muda")
    staf("jf.rsud.seksi", "rsud.seksi", "Administrator Kesehatan Ahli Pertama")
    staf("perawat", "rsud.instalasi", "Perawat Ahli Pertama")
    # 11. Kecamatan and 12. Kelurahan (a Kelurahan is part of its Kecamatan)
    u(
        "kec",
        "Kecamatan Bekasi Timur",
        "kecamatan",
        kepala=("Camat Bekasi Timur", "administrator", "Darmawan Saputra"),
    )
    u(
        "kec.sekr",
        "Sekretariat Kecamatan",
        "sekretariat",
        "kec",
        kepala=("Sekretaris Kecamatan", "pengawas", "Evi Susanti"),
    )
    u(
        "kec.subbag",
        "Sub Bagian Umum dan Kepegawaian",
        "sub_bagian",
        "kec.sekr",
        kepala=("Kepala Sub Bagian Umum dan Kepegawaian", "pengawas", "Firman Syah"),
    )
    u(
        "kec.seksi",
        "Seksi Pemerintahan",
        "seksi",
        "kec",
        kepala=("Kepala Seksi Pemerintahan", "pengawas", "Gina Marlina"),
    )
    u(
        "kel",
        "Kelurahan Aren Jaya",
        "kelurahan",
        "kec",
        kepala=("Lurah Aren Jaya", "pengawas", "Heri Kurniawan"),
    )
    u(
        "kel.sekr",
        "Sekretariat Kelurahan",
        "sekretariat",
        "kel",
        kepala=("Sekretaris Kelurahan", "pengawas", "Ika Rahayu"),
    )
    u(
        "kel.seksi",
        "Seksi Pemerintahan dan Ketenteraman",
        "seksi",
        "kel",
        kepala=("Kepala Seksi Pemerintahan dan Ketenteraman", "pengawas", "Jamaludin"),
    )
    staf("jf.kec.subbag", "kec.subbag", "Pengadministrasi Perkantoran", "pelaksana")
    staf("jf.kec.sekr", "kec.sekr", "Pengelola Keuangan", "pelaksana")
    staf("jf.kec.seksi", "kec.seksi", "Analis Pemerintahan", "pelaksana")
    staf("jf.kel.sekr", "kel.sekr", "Pengadministrasi Umum", "pelaksana")
    staf("jf.kel.seksi", "kel.seksi", "Pengelola Ketenteraman dan Ketertiban", "pelaksana")
    # 13. Pelaksana BPBD
    u(
        "bpbd",
        "Pelaksana Badan Penanggulangan Bencana Daerah",
        "bpbd",
        kepala=("Kepala Pelaksana BPBD", "jpt_pratama", "Kusnadi Wirawan"),
    )
    u(
        "bpbd.sekr",
        "Sekretariat",
        "sekretariat",
        "bpbd",
        kepala=("Sekretaris Pelaksana", "administrator", "Laras Wati"),
    )
    u(
        "bpbd.seksi",
        "Seksi Kedaruratan dan Logistik",
        "seksi",
        "bpbd",
        kepala=("Kepala Seksi Kedaruratan dan Logistik", "pengawas", "Muhamad Iqbal"),
    )
    staf("pel.bpbd.sekr", "bpbd.sekr", "Pengadministrasi Umum", "pelaksana")
    staf("pel.bpbd.seksi", "bpbd.seksi", "Pengelola Logistik", "pelaksana")
    # fmt: on
    return s


@dataclass(frozen=True)
class Kasus:
    nomor: str  # row of Lampiran II
    baris: int  # its line in 003
    dinilai: str  # key of the post being rated (a unit key: its head)
    penilai: str  # key of the post expected to rate, or WALI_KOTA
    atasan: str  # key of the post expected to be atasan pejabat penilai, or WALI_KOTA
    catatan: str = ""  # which alternative or reading the case exercises
    diperbantukan: bool = False

    @property
    def id(self) -> str:
        akhiran = f"-{self.catatan}" if self.catatan else ""
        return f"{self.nomor}-003:{self.baris}{akhiran}"


K = Kasus
WK = WALI_KOTA

KASUS = [
    # 1. SEKRETARIAT DAERAH
    K("1.a", 1296, "setda", WK, WK),
    K("1.b", 1297, "setda.asisten", "setda", WK),
    K("1.c", 1298, "staf_ahli", "setda", WK),
    K("1.d", 1299, "setda.bagian", "setda.asisten", "setda"),
    K("1.e", 1300, "setda.subbag", "setda.bagian", "setda.asisten"),
    K("1.f", 1301, "jf.setda.subbag", "setda.subbag", "setda.bagian", "di-sub-bagian"),
    K("1.f", 1301, "jf.setda.bagian", "setda.bagian", "setda.asisten", "langsung-di-bagian"),
    # 2. SEKRETARIAT DPRD
    K("2.a", 1303, "setwan", WK, WK),
    K("2.b", 1304, "setwan.bagian", "setwan", "setda"),
    K("2.c", 1305, "setwan.subbag", "setwan.bagian", "setwan"),
    K("2.d", 1306, "jf.setwan.subbag", "setwan.subbag", "setwan.bagian", "di-sub-bagian"),
    K("2.d", 1306, "jf.setwan.bagian", "setwan.bagian", "setwan", "langsung-di-bagian"),
    # 3. INSPEKTORAT DAERAH
    K("3.a", 1308, "insp", WK, WK),
    K("3.b", 1309, "insp.sekr", "insp", "setda"),
    K("3.c", 1310, "insp.irban", "insp", "setda"),
    K("3.d", 1311, "insp.subbag", "insp.sekr", "insp"),
    K("3.e", 1312, "jf.insp.subbag", "insp.subbag", "insp.sekr", "di-sub-bagian"),
    K("3.e", 1312, "jf.insp.sekr", "insp.sekr", "insp", "langsung-di-sekretariat"),
    K("3.f", 1313, "jf.insp.irban", "insp.irban", "insp"),
    # 4. DINAS
    K("4.a", 1316, "dinas", WK, WK),
    K("4.b", 1317, "dinas.sekr", "dinas", "setda"),
    K("4.c", 1318, "dinas.bidang", "dinas", "setda"),
    K("4.d", 1319, "dinas.subbag", "dinas.sekr", "dinas"),
    K("4.e", 1320, "dinas.seksi", "dinas.bidang", "dinas"),
    K("4.f", 1321, "jf.dinas.subbag", "dinas.subbag", "dinas.sekr", "di-sub-bagian"),
    K("4.f", 1321, "jf.dinas.sekr", "dinas.sekr", "dinas", "langsung-di-sekretariat"),
    K("4.g", 1322, "jf.dinas.seksi", "dinas.seksi", "dinas.bidang", "di-seksi"),
    K("4.g", 1322, "jf.dinas.bidang", "dinas.bidang", "dinas", "langsung-di-bidang"),
    # 5. DINAS YANG MEMILIKI UPTD
    K("5.a", 1324, "dlh", WK, WK),
    K("5.b", 1325, "dlh.sekr", "dlh", "setda"),
    K("5.c", 1326, "dlh.bidang", "dlh", "setda"),
    K("5.d", 1327, "dlh.subbag", "dlh.sekr", "dlh"),
    K("5.e", 1328, "dlh.seksi", "dlh.bidang", "dlh"),
    K("5.f", 1329, "jf.dlh.subbag", "dlh.subbag", "dlh.sekr", "di-sub-bagian"),
    K("5.f", 1329, "jf.dlh.sekr", "dlh.sekr", "dlh", "langsung-di-sekretariat"),
    K("5.g", 1330, "jf.dlh.seksi", "dlh.seksi", "dlh.bidang", "di-seksi"),
    K("5.g", 1330, "jf.dlh.bidang", "dlh.bidang", "dlh", "langsung-di-bidang"),
    K("5.h", 1331, "dlh.uptd", "dlh", "setda"),
    K("5.i", 1332, "dlh.uptd.tu", "dlh.uptd", "dlh.sekr"),
    K("5.j", 1333, "jf.dlh.uptd", "dlh.uptd", "dlh.sekr"),
    # Reading: "pada UPTD" covers the UPTD's own Sub Bagian Tata Usaha (not row 5.f).
    K("5.j", 1333, "jf.dlh.uptd.tu", "dlh.uptd", "dlh.sekr", "di-sub-bagian-tu-uptd"),
    # 6. DINAS PENDIDIKAN
    K("6.a", 1335, "disdik", WK, WK),
    K("6.b", 1336, "disdik.sekr", "disdik", "setda"),
    K("6.c", 1337, "disdik.dikdas", "disdik", "setda"),
    K("6.d", 1338, "disdik.subbag", "disdik.sekr", "disdik"),
    K("6.e", 1339, "disdik.sd", "disdik.dikdas", "disdik"),
    K("6.f", 1340, "jf.disdik.subbag", "disdik.subbag", "disdik.sekr", "di-sub-bagian"),
    K("6.f", 1340, "jf.disdik.sekr", "disdik.sekr", "disdik", "langsung-di-sekretariat"),
    K("6.g", 1341, "jf.disdik.sd", "disdik.sd", "disdik.dikdas", "di-seksi"),
    K("6.g", 1341, "jf.disdik.ptk", "disdik.ptk", "disdik", "langsung-di-bidang"),
    K("6.h", 1343, "pengawas_sekolah", "disdik.ptk", "disdik", "pengawas-sekolah"),
    K("6.h", 1343, "penilik", "disdik.paud", "disdik", "penilik"),
    K("6.i", 1344, "tk", "disdik.gtkpaud", "disdik.paud"),
    K("6.j", 1345, "sdn", "disdik.sd", "disdik.dikdas"),
    K("6.k", 1346, "smpn", "disdik.smp", "disdik.ptk"),
    K("6.l", 1347, "guru.tk", "tk", "disdik.gtkpaud"),
    K("6.m", 1348, "guru.sd", "sdn", "disdik.sd", "guru"),
    K("6.m", 1348, "pelaksana.sd", "sdn", "disdik.sd", "pelaksana"),
    # "Kepala Seksi SMP" (1349) read as the seksi of row k (1346).
    K("6.n", 1349, "guru.smp", "smpn", "disdik.smp"),
    K("6.o", 1350, "guru.tk", "disdik.ptk", "disdik", "guru", diperbantukan=True),
    K("6.o", 1350, "tk", "disdik.ptk", "disdik", "kepala-tk", diperbantukan=True),
    K("6.p", 1351, "guru.sd", "disdik.ptk", "disdik", "guru", diperbantukan=True),
    K("6.p", 1351, "sdn", "disdik.ptk", "disdik", "kepala-sekolah", diperbantukan=True),
    K("6.q", 1352, "guru.smp", "disdik.ptk", "disdik", "guru", diperbantukan=True),
    K("6.q", 1352, "smpn", "disdik.ptk", "disdik", "kepala-sekolah", diperbantukan=True),
    K("6.r", 1353, "staf.upp", "disdik.ptk", "disdik", "pelaksana"),
    K("6.r", 1353, "upp", "disdik.ptk", "disdik", "koordinator"),
    # 7. BADAN
    K("7.a", 1355, "badan", WK, WK),
    K("7.b", 1356, "badan.sekr", "badan", "setda"),
    K("7.c", 1357, "badan.bidang", "badan", "setda"),
    K("7.d", 1358, "badan.subbag", "badan.sekr", "badan"),
    K("7.e", 1359, "badan.subbid", "badan.bidang", "badan"),
    K("7.f", 1360, "jf.badan.subbag", "badan.subbag", "badan.sekr", "di-sub-bagian"),
    K("7.f", 1360, "jf.badan.sekr", "badan.sekr", "badan", "langsung-di-sekretariat"),
    K("7.g", 1361, "jf.badan.subbid", "badan.subbid", "badan.bidang", "di-sub-bidang"),
    K("7.g", 1361, "jf.badan.bidang", "badan.bidang", "badan", "langsung-di-bidang"),
    # 8. BADAN YANG MEMILIKI UPTD
    K("8.a", 1364, "bapenda", WK, WK),
    K("8.b", 1365, "bapenda.sekr", "bapenda", "setda"),
    K("8.c", 1366, "bapenda.bidang", "bapenda", "setda"),
    K("8.d", 1367, "bapenda.subbag", "bapenda.sekr", "bapenda"),
    K("8.e", 1368, "bapenda.subbid", "bapenda.bidang", "bapenda"),
    # Atasan "Sekretaris/ Kepala Badan" (1369): "Sekretaris" read as Sekretaris Badan.
    K("8.f", 1369, "jf.bapenda.subbag", "bapenda.subbag", "bapenda.sekr", "di-sub-bagian"),
    K("8.f", 1369, "jf.bapenda.sekr", "bapenda.sekr", "bapenda", "langsung-di-sekretariat"),
    K("8.g", 1370, "jf.bapenda.subbid", "bapenda.subbid", "bapenda.bidang", "di-sub-bidang"),
    K("8.g", 1370, "jf.bapenda.bidang", "bapenda.bidang", "bapenda", "langsung-di-bidang"),
    K("8.h", 1371, "bapenda.upt", "bapenda", "setda"),
    K("8.i", 1372, "bapenda.upt.tu", "bapenda.upt", "bapenda.sekr"),
    K("8.j", 1373, "jf.bapenda.upt", "bapenda.upt", "bapenda.sekr"),
    K("8.j", 1373, "jf.bapenda.upt.tu", "bapenda.upt", "bapenda.sekr", "di-sub-bagian-tu-upt"),
    # 9. SATUAN POLISI PAMONG PRAJA
    K("9.a", 1375, "satpol", WK, WK),
    K("9.b", 1376, "satpol.sekr", "satpol", "setda"),
    K("9.c", 1377, "satpol.bidang", "satpol", "setda"),
    K("9.d", 1378, "satpol.subbag", "satpol.sekr", "satpol"),
    K("9.e", 1379, "satpol.seksi", "satpol.bidang", "satpol"),
    K("9.f", 1380, "jf.satpol.subbag", "satpol.subbag", "satpol.sekr", "di-sub-bagian"),
    K("9.f", 1380, "jf.satpol.sekr", "satpol.sekr", "satpol", "langsung-di-sekretariat"),
    # "Kepala Sub Seksi" (1381) read as Kepala Seksi.
    K("9.g", 1381, "jf.satpol.seksi", "satpol.seksi", "satpol.bidang", "di-seksi"),
    K("9.g", 1381, "jf.satpol.bidang", "satpol.bidang", "satpol", "langsung-di-bidang"),
    # 10. RSUD
    K("10.a", 1383, "rsud", WK, WK),
    K("10.b", 1384, "rsud.wadir_umum", "rsud", "setda", "wadir-umum"),
    K("10.b", 1384, "rsud.wadir_yan", "rsud", "setda", "wadir-pelayanan"),
    K("10.c", 1385, "rsud.bagian", "rsud.wadir_umum", "rsud"),
    K("10.d", 1386, "rsud.bidang", "rsud.wadir_yan", "rsud"),
    K("10.e", 1387, "rsud.subbag", "rsud.bagian", "rsud.wadir_umum"),
    K("10.f", 1388, "rsud.seksi", "rsud.bidang", "rsud.wadir_yan"),
    K("10.g", 1389, "rsud.instalasi", "rsud.bidang", "rsud.wadir_yan", "kepala-instalasi"),
    K("10.g", 1389, "perawat", "rsud.bidang", "rsud.wadir_yan", "fungsional-instalasi"),
    # Rated by the Kepala Bagian, not the Kepala Sub Bagian (1390).
    K("10.h", 1390, "jf.rsud.subbag", "rsud.bagian", "rsud.wadir_umum", "di-sub-bagian"),
    K("10.h", 1390, "jf.rsud.bagian", "rsud.bagian", "rsud.wadir_umum", "langsung-di-bagian"),
    # Row i names no Kepala Seksi: a JF in a Seksi is rated by the Kepala Bidang.
    K("10.i", 1391, "jf.rsud.bidang", "rsud.bidang", "rsud.wadir_yan", "langsung-di-bidang"),
    K("10.i", 1391, "jf.rsud.seksi", "rsud.bidang", "rsud.wadir_yan", "di-seksi"),
    # 11. KECAMATAN
    K("11.a", 1394, "kec", WK, WK),
    K("11.b", 1395, "kec.sekr", "kec", "setda"),
    K("11.c", 1396, "kec.subbag", "kec.sekr", "kec"),
    K("11.d", 1397, "kec.seksi", "kec.sekr", "kec"),
    K("11.e", 1398, "jf.kec.subbag", "kec.subbag", "kec.sekr"),
    K("11.f", 1399, "jf.kec.seksi", "kec.seksi", "kec.sekr"),
    # 12. KELURAHAN
    K("12.a", 1401, "kel", "kec", "setda"),
    K("12.b", 1402, "kel.sekr", "kel", "kec.sekr"),
    K("12.c", 1403, "kel.seksi", "kel", "kec.sekr"),
    K("12.d", 1404, "jf.kel.sekr", "kel.sekr", "kel"),
    K("12.e", 1405, "jf.kel.seksi", "kel.seksi", "kel"),
    # 13. PELAKSANA BPBD
    K("13.a", 1407, "bpbd", WK, WK),
    K("13.b", 1408, "bpbd.sekr", "bpbd", "setda"),
    K("13.c", 1409, "bpbd.seksi", "bpbd", "setda"),
    K("13.d", 1410, "pel.bpbd.sekr", "bpbd.sekr", "bpbd"),
    K("13.e", 1411, "pel.bpbd.seksi", "bpbd.seksi", "bpbd"),
]

KOTA = kota_bekasi()
PETA = KOTA.peta(aturan_bekasi())


def _nama_diharapkan(kunci: str) -> str:
    return NAMA_WALI_KOTA if kunci == WALI_KOTA else KOTA.nama[kunci]


def _periksa(penetapan: p.Penetapan, kunci: str, peran: str, kasus: Kasus) -> None:
    pejabat = penetapan.pejabat
    assert pejabat is not None, f"{kasus.id}: {peran} tidak ditemukan ({penetapan.alasan})"
    assert pejabat.kepala_daerah == (kunci == WALI_KOTA), f"{kasus.id}: {penetapan.alasan}"
    assert pejabat.nama == _nama_diharapkan(kunci), (
        f"{kasus.id}: {peran} {pejabat.label}, seharusnya {kunci} ({penetapan.alasan})"
    )
    assert f"{SUMBER} no. {kasus.nomor}:" in penetapan.alasan, penetapan.alasan


@pytest.mark.parametrize("kasus", [pytest.param(k, id=k.id) for k in KASUS])
def test_baris_lampiran_ii(kasus: Kasus):
    """One case per row of Lampiran II (003:1296-1411): the rater and the atasan named
    by the row, found by person, and the row cited in the reason."""
    dinilai = KOTA.dinilai(kasus.dinilai, diperbantukan=kasus.diperbantukan)
    hasil = p.tentukan(PETA, dinilai)
    _periksa(hasil.penilai, kasus.penilai, "pejabat penilai", kasus)
    _periksa(hasil.atasan, kasus.atasan, "atasan pejabat penilai", kasus)


def test_setiap_baris_lampiran_ii_punya_kasus():
    """A row missing from the cases, or a case citing a row or line that does not
    exist, means a transcription slip somewhere."""
    baris = {b["nomor"]: b["baris"] for b in BARIS}
    assert len(BARIS) == len(baris) == 100  # 6+4+6+7+10+18+7+10+7+9+6+5+5 rows in 003
    assert {k.nomor for k in KASUS} == set(baris)
    for k in KASUS:
        assert baris[k.nomor] == k.baris, k.id
    assert len({k.id for k in KASUS}) == len(KASUS)


@pytest.mark.parametrize(
    "kepala", ["setda", "setwan", "insp", "dinas", "dlh", "disdik", "badan", "bapenda",
               "satpol", "rsud", "bpbd"],
)  # fmt: skip
def test_jpt_dinilai_wali_kota_bersifat_final(kepala):
    """A JPT rated by the kepala daerah: the result is final (000:6459-6461)."""
    hasil = p.tentukan(PETA, KOTA.dinilai(kepala))
    assert hasil.penilai.pejabat.kepala_daerah
    assert hasil.penilai.final
    assert "final" in hasil.penilai.alasan


@pytest.mark.parametrize("kunci", ["setda.asisten", "staf_ahli", "dinas.bidang", "kel"])
def test_dinilai_selain_wali_kota_tidak_final(kunci):
    hasil = p.tentukan(PETA, KOTA.dinilai(kunci))
    assert not hasil.penilai.pejabat.kepala_daerah
    assert not hasil.penilai.final


def test_pelaksana_sekolah_diperbantukan_tetap_baris_m():
    """Rows o-q name only "Kepala Sekolah dan Guru": a seconded pelaksana of an SDN
    is still rated by the Kepala Sekolah (row m, 003:1348)."""
    hasil = p.tentukan(PETA, KOTA.dinilai("pelaksana.sd", diperbantukan=True))
    assert hasil.penilai.pejabat.nama == KOTA.nama["sdn"]
    assert f"{SUMBER} no. 6.m:" in hasil.penilai.alasan


def test_kepala_sekolah_jf_menilai_karena_disebut_tabel():
    """A kepala sekolah is a JF, not a manajerial post; the Perwal naming him as rater
    (003:1347-1349) is the delegation that lets him rate."""
    hasil = p.tentukan(PETA, KOTA.dinilai("guru.sd"))
    assert KOTA.jabatan["sdn"].jenis == "fungsional"
    assert hasil.penilai.pejabat.nama == KOTA.nama["sdn"]


def test_jf_langsung_di_sekretariat_kecamatan_ikut_ketentuan_umum():
    """Row 11.e names only the Kepala Sub Bagian; a JF directly in the Sekretariat
    Kecamatan has no row and falls to the national rule: the head of his unit."""
    hasil = p.tentukan(PETA, KOTA.dinilai("jf.kec.sekr"))
    assert hasil.penilai.pejabat.nama == KOTA.nama["kec.sekr"]
    assert "ketentuan nasional" in hasil.penilai.alasan
    # The Sekretaris Kecamatan's own rater, by row 11.b.
    assert hasil.atasan.pejabat.nama == KOTA.nama["kec"]
    assert f"{SUMBER} no. 11.b:" in hasil.atasan.alasan


def test_kepala_kosong_diisi_plt_otomatis_di_bekasi():
    """Bekasi lets a Plt rate by right (003:357): a vacant Kepala Bidang post held by a
    Plt is still the rater of row 4.e."""
    struktur = kota_bekasi()
    jabatan_kabid = struktur.jabatan["dinas.bidang"]
    struktur.pemegang = [x for x in struktur.pemegang if x.jabatan_id != jabatan_kabid.id]
    plt = p.Pemegang(9001, "Sutrisno Adi", "197901012005011001", jabatan_kabid.id, jenis="plt")
    struktur.pemegang.append(plt)
    hasil = p.tentukan(struktur.peta(aturan_bekasi()), struktur.dinilai("dinas.seksi"))
    assert hasil.penilai.pejabat.nama == "Sutrisno Adi"
    assert hasil.penilai.pejabat.sebutan == "Plt."
    assert "kosong" in hasil.penilai.alasan
    assert f"{SUMBER} no. 4.e:" in hasil.penilai.alasan
