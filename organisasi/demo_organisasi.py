"""Demo organisations: a Kota Bekasi shaped by Perwal 38/2023 Lampiran II and a smaller
Kabupaten Karawang on the national defaults. Every person is fictitious.

A unit is (nama, jenis, kode, kepala, staf, anak): `kepala` is (jabatan, jenis) or None,
`staf` a list of (jabatan, jenis, jenjang, jumlah, status), `anak` the sub-units.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from .models import (
    Jabatan,
    JenisPenempatan,
    JenisUnit,
    Pegawai,
    Penempatan,
    StatusPegawai,
    UnitKerja,
)

PNS, PPPK = StatusPegawai.PNS, StatusPegawai.PPPK
JPT, ADM, PGW = "jpt_pratama", "administrator", "pengawas"
PLK, JF = "pelaksana", "fungsional"


@dataclass
class U:
    nama: str
    jenis: str
    kepala: tuple[str, str] | None = None
    staf: list[tuple] = field(default_factory=list)
    anak: list[U] = field(default_factory=list)
    kode: str = ""
    kepala_kosong: bool = False  # leave the head post vacant (to show the fallback)
    plt: bool = False  # fill a vacant head post with a Plt


def _sub(nama, kepala, staf, jenis=JenisUnit.SUB_BAGIAN):
    return U(nama, jenis, (kepala, PGW), staf)


ADM_STAF = [("Pengadministrasi Perkantoran", PLK, "", 3, PNS), ("Analis SDM Aparatur Ahli Pertama", JF, "ahli_pertama", 1, PNS)]  # fmt: skip


BEKASI = [
    U("Sekretariat Daerah", JenisUnit.SEKRETARIAT_DAERAH, ("Sekretaris Daerah", "jpt_madya"),
      staf=[("Staf Ahli Wali Kota Bidang Hukum dan Politik", JPT, "", 1, PNS)],
      anak=[
        U("Asisten Pemerintahan dan Kesejahteraan Rakyat", JenisUnit.ASISTEN,
          ("Asisten Pemerintahan dan Kesejahteraan Rakyat", JPT), anak=[
            U("Bagian Tata Pemerintahan", JenisUnit.BAGIAN, ("Kepala Bagian Tata Pemerintahan", ADM),
              staf=[("Penata Kelola Pemerintahan", PLK, "", 2, PNS)],
              anak=[_sub("Sub Bagian Otonomi Daerah", "Kepala Sub Bagian Otonomi Daerah",
                         [("Analis Kebijakan Ahli Pertama", JF, "ahli_pertama", 2, PNS),
                          ("Pengadministrasi Umum", PLK, "", 3, PNS)])]),
        ]),
      ]),
    U("Sekretariat DPRD", JenisUnit.SEKRETARIAT_DPRD, ("Sekretaris DPRD", JPT), anak=[
        U("Bagian Umum Sekretariat DPRD", JenisUnit.BAGIAN, ("Kepala Bagian Umum", ADM), anak=[
            _sub("Sub Bagian Tata Usaha Sekretariat DPRD", "Kepala Sub Bagian Tata Usaha", ADM_STAF),
        ]),
    ]),
    U("Inspektorat Daerah", JenisUnit.INSPEKTORAT, ("Inspektur", JPT), anak=[
        U("Sekretariat Inspektorat", JenisUnit.SEKRETARIAT, ("Sekretaris Inspektorat", ADM), anak=[
            _sub("Sub Bagian Umum dan Kepegawaian Inspektorat", "Kepala Sub Bagian Umum dan Kepegawaian", ADM_STAF),
        ]),
        U("Inspektur Pembantu Wilayah I", JenisUnit.INSPEKTUR_PEMBANTU,
          ("Inspektur Pembantu Wilayah I", ADM),
          staf=[("Auditor Ahli Muda", JF, "ahli_muda", 3, PNS), ("Auditor Ahli Pertama", JF, "ahli_pertama", 4, PNS)]),
    ]),
    U("Dinas Kesehatan", JenisUnit.DINAS_UPTD, ("Kepala Dinas Kesehatan", JPT), anak=[
        U("Sekretariat Dinas Kesehatan", JenisUnit.SEKRETARIAT, ("Sekretaris Dinas Kesehatan", ADM), anak=[
            _sub("Sub Bagian Umum dan Kepegawaian Dinas Kesehatan", "Kepala Sub Bagian Umum dan Kepegawaian", ADM_STAF),
        ]),
        U("Bidang Pelayanan Kesehatan", JenisUnit.BIDANG, ("Kepala Bidang Pelayanan Kesehatan", ADM),
          staf=[("Administrator Kesehatan Ahli Muda", JF, "ahli_muda", 1, PNS)],
          anak=[
            U("Seksi Pelayanan Kesehatan Primer", JenisUnit.SEKSI,
              ("Kepala Seksi Pelayanan Kesehatan Primer", PGW), kepala_kosong=True,
              staf=[("Pengelola Layanan Kesehatan", PLK, "", 4, PNS)]),
        ]),
        U("UPTD Puskesmas Bekasi Jaya", JenisUnit.UPTD, ("Kepala UPTD Puskesmas Bekasi Jaya", PGW),
          staf=[("Dokter Ahli Pertama", JF, "ahli_pertama", 3, PNS), ("Bidan Penyelia", JF, "penyelia", 4, PNS),
                ("Perawat Terampil", JF, "terampil", 14, PPPK), ("Nutrisionis Ahli Pertama", JF, "ahli_pertama", 2, PNS)],
          anak=[_sub("Sub Bagian Tata Usaha UPTD Puskesmas Bekasi Jaya",
                     "Kepala Sub Bagian Tata Usaha UPTD Puskesmas Bekasi Jaya", ADM_STAF)]),
    ]),
    U("Dinas Pendidikan", JenisUnit.DINAS_PENDIDIKAN, ("Kepala Dinas Pendidikan", JPT), anak=[
        U("Sekretariat Dinas Pendidikan", JenisUnit.SEKRETARIAT, ("Sekretaris Dinas Pendidikan", ADM), anak=[
            _sub("Sub Bagian Umum dan Kepegawaian Dinas Pendidikan", "Kepala Sub Bagian Umum dan Kepegawaian", ADM_STAF),
        ]),
        U("Bidang Pendidikan Dasar", JenisUnit.BIDANG, ("Kepala Bidang Pendidikan Dasar", ADM),
          kode="bidang-dikdas",
          staf=[("Pengawas Sekolah Ahli Madya", JF, "ahli_madya", 3, PNS)],
          anak=[
            U("Seksi Sekolah Dasar", JenisUnit.SEKSI, ("Kepala Seksi Sekolah Dasar", PGW), kode="seksi-sd",
              staf=[("Analis Kurikulum", PLK, "", 2, PNS)]),
            U("Seksi Sekolah Menengah Pertama", JenisUnit.SEKSI,
              ("Kepala Seksi Sekolah Menengah Pertama", PGW), kode="seksi-smp",
              staf=[("Analis Kurikulum SMP", PLK, "", 2, PNS)]),
        ]),
        U("Bidang PAUD dan Pendidikan Masyarakat", JenisUnit.BIDANG,
          ("Kepala Bidang PAUD dan Pendidikan Masyarakat", ADM), kode="bidang-paud-dikmas", anak=[
            U("Seksi GTK PAUD", JenisUnit.SEKSI, ("Kepala Seksi GTK PAUD", PGW), kode="seksi-gtk-paud",
              staf=[("Penilik Ahli Muda", JF, "ahli_muda", 2, PNS)]),
        ]),
        U("Bidang Pendidik dan Tenaga Kependidikan", JenisUnit.BIDANG,
          ("Kepala Bidang Pendidik dan Tenaga Kependidikan", ADM), kode="bidang-ptk", anak=[
            U("Unit Pelayanan Pendidikan Bekasi Utara", JenisUnit.UPP, None,
              staf=[("Koordinator Pelayanan Pendidikan", PLK, "", 1, PNS), ("Pengelola Data Pendidikan", PLK, "", 3, PPPK)]),
        ]),
        U("TK Negeri Pembina Bekasi", JenisUnit.SEKOLAH_TK, ("Kepala TK Negeri Pembina Bekasi", JF),
          staf=[("Guru TK Ahli Pertama", JF, "ahli_pertama", 6, PPPK)]),
        U("SD Negeri Bekasi Jaya I", JenisUnit.SEKOLAH_SD, ("Kepala Sekolah SDN Bekasi Jaya I", JF),
          staf=[("Guru Kelas Ahli Pertama", JF, "ahli_pertama", 20, PPPK), ("Guru Kelas Ahli Muda", JF, "ahli_muda", 4, PNS),
                ("Pengelola Perpustakaan Sekolah", PLK, "", 1, PNS)]),
        U("SD Negeri Harapan Jaya III", JenisUnit.SEKOLAH_SD, ("Kepala Sekolah SDN Harapan Jaya III", JF),
          staf=[("Guru Kelas Ahli Pertama", JF, "ahli_pertama", 16, PPPK), ("Guru Kelas Ahli Muda", JF, "ahli_muda", 4, PNS)]),
        U("SMP Negeri 1 Bekasi", JenisUnit.SEKOLAH_SMP, ("Kepala Sekolah SMPN 1 Bekasi", JF),
          staf=[("Guru Mata Pelajaran Ahli Pertama", JF, "ahli_pertama", 26, PPPK),
                ("Guru Mata Pelajaran Ahli Muda", JF, "ahli_muda", 6, PNS), ("Pengadministrasi Sekolah", PLK, "", 2, PNS)]),
    ]),
    U("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", JenisUnit.BADAN,
      ("Kepala Badan Kepegawaian dan Pengembangan SDM", JPT), anak=[
        U("Sekretariat BKPSDM", JenisUnit.SEKRETARIAT, ("Sekretaris BKPSDM", ADM), anak=[
            _sub("Sub Bagian Umum BKPSDM", "Kepala Sub Bagian Umum BKPSDM", ADM_STAF),
        ]),
        U("Bidang Penilaian Kinerja Aparatur dan Penghargaan", JenisUnit.BIDANG,
          ("Kepala Bidang Penilaian Kinerja Aparatur dan Penghargaan", ADM), anak=[
            U("Sub Bidang Penilaian Kinerja", JenisUnit.SUB_BIDANG, ("Kepala Sub Bidang Penilaian Kinerja", PGW),
              staf=[("Analis SDM Aparatur Ahli Pertama", JF, "ahli_pertama", 4, PNS),
                    ("Pengolah Data Kinerja", PLK, "", 3, PNS)]),
        ]),
    ]),
    U("RSUD dr. Chasbullah Abdulmadjid", JenisUnit.RSUD, ("Direktur RSUD", JPT), anak=[
        U("Wakil Direktur Pelayanan", JenisUnit.WAKIL_DIREKTUR, ("Wakil Direktur Pelayanan", ADM), anak=[
            U("Bidang Pelayanan Medik", JenisUnit.BIDANG, ("Kepala Bidang Pelayanan Medik", ADM),
              staf=[("Administrator Kesehatan Ahli Pertama", JF, "ahli_pertama", 2, PNS)],
              anak=[
                U("Seksi Pelayanan Rawat Inap", JenisUnit.SEKSI, ("Kepala Seksi Pelayanan Rawat Inap", PGW),
                  staf=[("Pengelola Rekam Medis", PLK, "", 8, PNS)]),
                U("Instalasi Gawat Darurat", JenisUnit.INSTALASI, ("Kepala Instalasi Gawat Darurat", JF),
                  staf=[("Dokter Ahli Pertama IGD", JF, "ahli_pertama", 10, PNS),
                        ("Perawat Ahli Pertama", JF, "ahli_pertama", 24, PPPK), ("Perawat Terampil IGD", JF, "terampil", 12, PNS)]),
            ]),
        ]),
        U("Wakil Direktur Umum dan Keuangan", JenisUnit.WAKIL_DIREKTUR,
          ("Wakil Direktur Umum dan Keuangan", ADM), anak=[
            U("Bagian Umum RSUD", JenisUnit.BAGIAN, ("Kepala Bagian Umum RSUD", ADM), anak=[
                _sub("Sub Bagian Kepegawaian RSUD", "Kepala Sub Bagian Kepegawaian RSUD",
                     [("Pengadministrasi Kepegawaian", PLK, "", 5, PNS), ("Pranata Komputer Terampil", JF, "terampil", 2, PNS)]),
            ]),
        ]),
    ]),
    U("Kecamatan Bekasi Utara", JenisUnit.KECAMATAN, ("Camat Bekasi Utara", ADM), anak=[
        U("Sekretariat Kecamatan Bekasi Utara", JenisUnit.SEKRETARIAT,
          ("Sekretaris Kecamatan Bekasi Utara", ADM), anak=[
            _sub("Sub Bagian Umum dan Kepegawaian Kecamatan", "Kepala Sub Bagian Umum dan Kepegawaian", ADM_STAF),
        ]),
        U("Seksi Pemerintahan Kecamatan Bekasi Utara", JenisUnit.SEKSI, ("Kepala Seksi Pemerintahan", PGW),
          staf=[("Pengelola Pemerintahan", PLK, "", 4, PNS)]),
        U("Kelurahan Harapan Jaya", JenisUnit.KELURAHAN, ("Lurah Harapan Jaya", PGW), anak=[
            U("Sekretariat Kelurahan Harapan Jaya", JenisUnit.SEKRETARIAT,
              ("Sekretaris Kelurahan Harapan Jaya", PGW), staf=[("Pengadministrasi Kelurahan", PLK, "", 4, PNS)]),
            U("Seksi Pemerintahan dan Ketentraman Harapan Jaya", JenisUnit.SEKSI,
              ("Kepala Seksi Pemerintahan dan Ketentraman", PGW), staf=[("Pengelola Ketentraman", PLK, "", 3, PNS)]),
        ]),
        U("Kelurahan Kaliabang Tengah", JenisUnit.KELURAHAN, ("Lurah Kaliabang Tengah", PGW),
          kepala_kosong=True, plt=True, anak=[
            U("Sekretariat Kelurahan Kaliabang Tengah", JenisUnit.SEKRETARIAT,
              ("Sekretaris Kelurahan Kaliabang Tengah", PGW), staf=[("Pengadministrasi Kelurahan", PLK, "", 3, PNS)]),
            U("Seksi Pemerintahan dan Ketentraman Kaliabang Tengah", JenisUnit.SEKSI,
              ("Kepala Seksi Pemerintahan dan Ketentraman Kaliabang Tengah", PGW), staf=[("Pengelola Ketentraman", PLK, "", 2, PNS)]),
        ]),
    ]),
]  # fmt: skip


KARAWANG = [
    U("Sekretariat Daerah", JenisUnit.SEKRETARIAT_DAERAH, ("Sekretaris Daerah", "jpt_madya"), anak=[
        U("Bagian Organisasi", JenisUnit.BAGIAN, ("Kepala Bagian Organisasi", ADM),
          staf=[("Analis Kelembagaan Ahli Pertama", JF, "ahli_pertama", 3, PNS)]),
    ]),
    U("Dinas Komunikasi dan Informatika", JenisUnit.DINAS, ("Kepala Dinas Komunikasi dan Informatika", JPT), anak=[
        U("Sekretariat Diskominfo", JenisUnit.SEKRETARIAT, ("Sekretaris Diskominfo", ADM),
          staf=[("Pengadministrasi Perkantoran", PLK, "", 3, PNS)]),
        U("Bidang Aplikasi Informatika", JenisUnit.BIDANG, ("Kepala Bidang Aplikasi Informatika", ADM),
          staf=[("Pranata Komputer Ahli Muda", JF, "ahli_muda", 2, PNS)],
          anak=[U("Seksi Pengembangan Aplikasi", JenisUnit.SEKSI, ("Kepala Seksi Pengembangan Aplikasi", PGW),
                  staf=[("Pranata Komputer Ahli Pertama", JF, "ahli_pertama", 8, PPPK), ("Pengelola Sistem Informasi", PLK, "", 4, PNS)])]),
    ]),
    U("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", JenisUnit.BADAN,
      ("Kepala BKPSDM", JPT), anak=[
        U("Bidang Penilaian Kinerja", JenisUnit.BIDANG, ("Kepala Bidang Penilaian Kinerja", ADM), anak=[
            U("Sub Bidang Evaluasi Kinerja", JenisUnit.SUB_BIDANG, ("Kepala Sub Bidang Evaluasi Kinerja", PGW),
              staf=[("Analis SDM Aparatur Ahli Pertama", JF, "ahli_pertama", 4, PNS),
                    ("Pengolah Data Kinerja", PLK, "", 2, PNS)]),
        ]),
    ]),
]  # fmt: skip


NAMA_DEPAN = [
    "Adi", "Agus", "Andi", "Ani", "Arief", "Ayu", "Bambang", "Budi", "Citra", "Dedi", "Dewi",
    "Dian", "Eka", "Endang", "Fajar", "Fitri", "Gita", "Hadi", "Hendra", "Indah", "Irma",
    "Joko", "Kartika", "Lestari", "Maya", "Nanda", "Nur", "Putri", "Rahmat", "Rina", "Rizki",
    "Sari", "Siti", "Slamet", "Sri", "Teguh", "Tri", "Wahyu", "Wulan", "Yani", "Yudi", "Yusuf",
]  # fmt: skip
NAMA_BELAKANG = [
    "Pratama", "Saputra", "Lestari", "Wibowo", "Hidayat", "Kurniawan", "Setiawan", "Rahayu",
    "Susanti", "Nugroho", "Purnamasari", "Hasanah", "Permana", "Gunawan", "Maharani",
    "Sulistyo", "Anggraini", "Ramadhan", "Handayani", "Firmansyah", "Utami", "Syahputra",
]  # fmt: skip
GELAR = ["S.E.", "S.Kom.", "S.Sos.", "S.H.", "S.Pd.", "S.Kep., Ners", "A.Md.", "S.T.", "M.Si.", ""]


class _Pembuat:
    """Creates people with unique, structurally valid fictitious NIPs, deterministically."""

    def __init__(self, benih: int, mulai: date):
        self.acak = random.Random(benih)
        self.mulai = mulai
        self.urut = 0

    def nip(self, perempuan: bool) -> str:
        a = self.acak
        lahir = date(a.randint(1968, 1997), a.randint(1, 12), a.randint(1, 28))
        tmt_tahun = min(lahir.year + a.randint(22, 30), 2024)
        self.urut += 1
        return (
            f"{lahir:%Y%m%d}{tmt_tahun}{a.randint(1, 12):02d}"
            f"{2 if perempuan else 1}{self.urut % 1000 or 1:03d}"
        )

    def pegawai(self, status: str, jenis_jabatan: str, nama_jabatan: str) -> Pegawai:
        a = self.acak
        perempuan = a.random() < 0.5
        gelar = a.choice(GELAR)
        if "Guru" in nama_jabatan:
            gelar = "S.Pd."
        elif "Dokter" in nama_jabatan:
            gelar = ""
        golongan = (
            a.choice(["IX", "X", "XI"])
            if status == PPPK
            else {
                JPT: "IV/c",
                "jpt_madya": "IV/d",
                ADM: "IV/a",
                PGW: "III/d",
                JF: a.choice(["III/a", "III/b", "III/c"]),
                PLK: a.choice(["II/c", "II/d", "III/a"]),
            }[jenis_jabatan]
        )
        return Pegawai(
            nip=self.nip(perempuan),
            nama=f"{a.choice(NAMA_DEPAN)} {a.choice(NAMA_BELAKANG)}",
            gelar_depan="dr." if "Dokter" in nama_jabatan else "",
            gelar_belakang=gelar,
            status=status,
            golongan=golongan,
        )


# A non-structural group (kelompok substansi) headed by a JF ketua under the BKPSDM's
# Bidang Penilaian Kinerja: its ketua gives the rater recommendations, not ratings
# (002:416). Built after the main tree with its own seed so nobody else changes.
KELOMPOK_BEKASI = [
    U("Kelompok Substansi Penghargaan Aparatur", JenisUnit.NONSTRUKTURAL,
      ("Ketua Kelompok Substansi Penghargaan Aparatur", JF),
      staf=[("Analis SDM Aparatur Ahli Muda", JF, "ahli_muda", 1, PNS),
            ("Analis SDM Aparatur Ahli Pertama", JF, "ahli_pertama", 2, PNS)]),
]  # fmt: skip
INDUK_KELOMPOK_BEKASI = "Bidang Penilaian Kinerja Aparatur dan Penghargaan"


def buat_struktur(
    pohon: list[U], *, benih: int, mulai: date, induk: UnitKerja | None = None
) -> int:
    """Create units, positions, people and placements in the active agency scope, at the
    top or below `induk`. Returns the number of employees created."""
    pembuat = _Pembuat(benih, mulai)
    jumlah = 0

    def tempatkan(jabatan, status, jenis=JenisPenempatan.DEFINITIF, dasar="SK demo"):
        nonlocal jumlah
        pegawai = pembuat.pegawai(status, jabatan.jenis, jabatan.nama)
        pegawai.save()
        Penempatan.objects.create(
            pegawai=pegawai, jabatan=jabatan, jenis=jenis, mulai=mulai, dasar=dasar
        )
        jumlah += 1
        return pegawai

    def buat(u: U, induk: UnitKerja | None, urutan: int):
        unit = UnitKerja.objects.create(
            nama=u.nama, jenis=u.jenis, induk=induk, kode=u.kode, urutan=urutan
        )
        if u.kepala:
            nama, jenis = u.kepala
            kepala = Jabatan.objects.create(nama=nama, unit=unit, jenis=jenis, kepala_unit=True)
            if not u.kepala_kosong:
                tempatkan(kepala, PNS)
        for nama, jenis, jenjang, banyak, status in u.staf:
            jabatan = Jabatan.objects.create(nama=nama, unit=unit, jenis=jenis, jenjang=jenjang)
            for _ in range(banyak):
                tempatkan(jabatan, status)
        anak = [buat(a, unit, i) for i, a in enumerate(u.anak)]
        if u.kepala and u.kepala_kosong and u.plt:
            # The head of the first sub-unit stands in as Plt (e.g. the Sekretaris Kelurahan).
            wakil = Penempatan.objects.filter(
                jabatan__unit__in=anak, jabatan__kepala_unit=True
            ).first()
            if wakil is not None:
                Penempatan.objects.create(
                    pegawai_id=wakil.pegawai_id,
                    jabatan=kepala,
                    jenis=JenisPenempatan.PLT,
                    mulai=mulai,
                    dasar="Surat Perintah Plt (demo)",
                )
        return unit

    awal = UnitKerja.objects.filter(induk=induk).count() if induk is not None else 0
    for i, u in enumerate(pohon):
        buat(u, induk, awal + i)
    return jumlah
