"""Import of units and employees: reading, dry run, apply, the job, the screens."""

import io
import time
from datetime import date, timedelta

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from organisasi.impor import baca, pekerjaan
from organisasi.models import (
    ImporData,
    Jabatan,
    JenisJabatan,
    Pegawai,
    Penempatan,
    UnitKerja,
)
from organisasi.tenancy import lingkup_instansi

pytestmark = pytest.mark.django_db

JUDUL = ["NIP", "Nama", "Gelar Depan", "Gelar Belakang", "Status", "Golongan", "Jabatan",
         "Jenis Jabatan", "Unit", "Email", "TMT Jabatan"]  # fmt: skip


def nip(i: int, *, pppk: bool = False) -> str:
    """A valid, distinct NIP for every i (birth date grows by a day)."""
    lahir = date(1970, 1, 1) + timedelta(days=i)
    tengah = f"{lahir.year + 25}21" if pppk else f"{lahir.year + 25}01"
    return f"{lahir:%Y%m%d}{tengah}1001"


def csv_bytes(baris, *, judul=JUDUL, pemisah=";", bom=True) -> bytes:
    def sel(v):
        v = "" if v is None else str(v)
        return f'"{v}"' if pemisah in v else v

    teks = "\n".join(pemisah.join(sel(v) for v in b) for b in [judul, *baris]) + "\n"
    return (("\ufeff" if bom else "") + teks).encode()


def xlsx_bytes(baris, *, judul=JUDUL) -> bytes:
    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.append(judul)
    for b in baris:
        lembar.append(list(b))
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def pegawai_baris(i, *, nama=None, status="PNS", golongan="III/a",
                  jabatan="Pengadministrasi Umum", jenis_jabatan="", unit="seksi-sd", email="",
                  tmt="", depan="", belakang=""):  # fmt: skip
    return [nip(i, pppk=status == "PPPK"), nama or f"Pegawai {i}", depan, belakang, status,
            golongan, jabatan, jenis_jabatan, unit, email, tmt]  # fmt: skip


@pytest.fixture
def organisasi_a(instansi_a):
    """Dinas Pendidikan with two Seksi Kurikulum (same name, different bidang)."""
    with lingkup_instansi(instansi_a):
        dinas = UnitKerja.objects.create(
            nama="Dinas Pendidikan", jenis="dinas_pendidikan", kode="disdik"
        )
        dasar = UnitKerja.objects.create(
            nama="Bidang Pendidikan Dasar", jenis="bidang", induk=dinas
        )
        paud = UnitKerja.objects.create(nama="Bidang PAUD", jenis="bidang", induk=dinas)
        seksi_sd = UnitKerja.objects.create(
            nama="Seksi SD", jenis="seksi", induk=dasar, kode="seksi-sd"
        )
        UnitKerja.objects.create(nama="Seksi Kurikulum", jenis="seksi", induk=dasar)
        UnitKerja.objects.create(nama="Seksi Kurikulum", jenis="seksi", induk=paud)
        sekolah = UnitKerja.objects.create(
            nama="SD Negeri 1 Contoh", jenis="sekolah_sd", induk=dinas
        )
    return {"dinas": dinas, "dasar": dasar, "seksi_sd": seksi_sd, "sekolah": sekolah}


def unggah(instansi, admin, isi, *, jenis="pegawai", nama="pegawai.csv") -> ImporData:
    """Upload and run the dry run in-process (what the worker does)."""
    with lingkup_instansi(instansi):
        impor = pekerjaan.buat_impor(pengguna=admin, jenis=jenis, nama_berkas=nama, isi=isi)
        pekerjaan.jalankan_pratinjau(impor.pk)
        impor.refresh_from_db()
    return impor


def terapkan(instansi, admin, impor, *, valid=False) -> ImporData:
    with lingkup_instansi(instansi):
        pekerjaan.mulai_terapkan(pengguna=admin, impor=impor, terapkan_yang_valid=valid)
        pekerjaan.jalankan_penerapan(impor.pk)
        impor.refresh_from_db()
    return impor


def potret(instansi):
    """Everything an import may write, to prove a refused file wrote nothing."""
    with lingkup_instansi(instansi):
        return (
            list(UnitKerja.objects.order_by("pk").values()),
            list(Jabatan.objects.order_by("pk").values()),
            list(Pegawai.objects.order_by("pk").values()),
            list(Penempatan.objects.order_by("pk").values()),
            Pegawai.history.count(),
            Penempatan.history.count(),
        )


def galat_baris(impor, nomor) -> list[str]:
    return next(b["galat"] for b in impor.hasil if b["baris"] == nomor)


def baris_hasil(impor, nomor) -> dict:
    return next(b for b in impor.hasil if b["baris"] == nomor)


# --- Good files ----------------------------------------------------------------------


def test_berkas_pegawai_csv_baik_dipratinjau_lalu_diterapkan(instansi_a, admin_a, organisasi_a):
    isi = csv_bytes(
        [
            pegawai_baris(1, jabatan="Kepala Seksi SD", golongan="III/D", tmt="01-02-2024",
                          depan="Dr.", belakang="S.Kom., M.Si.", email="budi@contoh.go.id"),
            pegawai_baris(2, status="PPPK", golongan="9", jabatan="Guru Ahli Pertama",
                          unit="SD Negeri 1 Contoh"),
            pegawai_baris(3, golongan="2c", jabatan="Pengadministrasi Umum",
                          unit="Dinas Pendidikan / Bidang Pendidikan Dasar / Seksi SD",
                          tmt="2025-07-01"),
            pegawai_baris(4, golongan="IIIb", jabatan="Pengadministrasi Umum"),
        ]
    )  # fmt: skip
    sebelum = potret(instansi_a)
    impor = unggah(instansi_a, admin_a, isi)

    assert impor.status == ImporData.Status.PRATINJAU
    assert impor.ringkasan == {"baru": 4, "diperbarui": 0, "tetap": 0, "galat": 0, "total": 4}
    assert impor.total_baris == impor.diproses == 4
    assert potret(instansi_a) == sebelum  # a dry run writes nothing
    assert (
        "Jabatan baru: Kepala Seksi SD (Pengawas, kepala unit)" in baris_hasil(impor, 2)["catatan"]
    )

    impor = terapkan(instansi_a, admin_a, impor)
    assert impor.status == ImporData.Status.DITERAPKAN
    assert impor.diterapkan_oleh_id == admin_a.pk and impor.diterapkan_pada is not None
    with lingkup_instansi(instansi_a):
        budi = Pegawai.objects.get(nip=nip(1))
        assert (budi.gelar_depan, budi.gelar_belakang, budi.golongan, budi.email) == (
            "Dr.",
            "S.Kom., M.Si.",
            "III/d",
            "budi@contoh.go.id",
        )
        assert Pegawai.objects.get(nip=nip(2, pppk=True)).golongan == "IX"
        assert Pegawai.objects.get(nip=nip(3)).golongan == "II/c"
        assert Pegawai.objects.get(nip=nip(4)).golongan == "III/b"

        kasi = Jabatan.objects.get(nama="Kepala Seksi SD")
        assert (kasi.unit_id, kasi.jenis, kasi.kepala_unit) == (
            organisasi_a["seksi_sd"].pk,
            JenisJabatan.PENGAWAS,
            True,
        )
        guru = Jabatan.objects.get(nama="Guru Ahli Pertama")
        assert (guru.jenis, guru.jenjang, guru.kepala_unit) == ("fungsional", "ahli_pertama", False)
        # Two rows, one position per unit and name.
        assert Jabatan.objects.filter(nama="Pengadministrasi Umum").count() == 1

        tempat = {p.pegawai.nip: p for p in Penempatan.objects.select_related("pegawai")}
        assert tempat[nip(1)].mulai == date(2024, 2, 1)
        assert tempat[nip(3)].mulai == date(2025, 7, 1)
        # No tmt_jabatan: the upload date.
        assert tempat[nip(4)].mulai == timezone.localdate(impor.dibuat_pada)
        assert all(p.jenis == "definitif" and p.selesai is None for p in tempat.values())

        # Every write is audited, by the admin, with the file as the reason.
        for model in (Pegawai, Jabatan, Penempatan):
            catatan = list(model.history.values_list("history_change_reason", "history_user_id"))
            assert catatan and set(catatan) == {("Impor pegawai.csv", admin_a.pk)}


def test_berkas_pegawai_xlsx_dengan_gelar_satu_kolom_dan_tanggal_excel(
    instansi_a, admin_a, organisasi_a
):
    judul = ["NIP Baru", "NAMA", "GELAR", "JENIS PEGAWAI", "GOL AKHIR NAMA", "JABATAN NAMA",
             "UNOR NAMA", "TMT JABATAN", "TEMPAT LAHIR"]  # fmt: skip
    isi = xlsx_bytes(
        [
            [nip(1), "Budi Santoso", "Dr. S.Kom., M.Si.", "PNS", "Penata (III/c)",
             "Analis Kepegawaian Ahli Muda", "seksi-sd", date(2023, 1, 2), "Bekasi"],
            [nip(2), "Ani", "dr., Sp.A", "CPNS", "III/b", "Pengadministrasi Umum",
             "Seksi SD", "2024-03-01", "Bogor"],
        ],
        judul=judul,
    )  # fmt: skip
    impor = unggah(instansi_a, admin_a, isi, nama="siasn.xlsx")
    assert impor.status == ImporData.Status.PRATINJAU, impor.hasil
    assert impor.ringkasan["baru"] == 2
    assert impor.ringkasan["kolom_diabaikan"] == ["TEMPAT LAHIR"]

    terapkan(instansi_a, admin_a, impor)
    with lingkup_instansi(instansi_a):
        budi = Pegawai.objects.get(nip=nip(1))
        assert (budi.gelar_depan, budi.gelar_belakang, budi.golongan) == (
            "Dr.",
            "S.Kom., M.Si.",
            "III/c",
        )
        ani = Pegawai.objects.get(nip=nip(2))
        assert (ani.gelar_depan, ani.gelar_belakang, ani.status) == ("dr.", "Sp.A", "pns")
        assert Penempatan.objects.get(pegawai=budi).mulai == date(2023, 1, 2)
        ahli = Jabatan.objects.get(nama="Analis Kepegawaian Ahli Muda")
        assert (ahli.jenis, ahli.jenjang) == ("fungsional", "ahli_muda")


def test_berkas_unit_xlsx_urutan_baris_bebas(instansi_a, admin_a, organisasi_a):
    judul = ["Nama Unit", "Unit Induk", "Jenis Unit", "Kode Unit"]
    isi = xlsx_bytes(
        [
            # The child comes before its parent; the parent is named by kode.
            ["Seksi Sarana", "bidang-sarpras", "Seksi", ""],
            ["Bidang Sarana Prasarana", "disdik", "bidang", "bidang-sarpras"],
            # A path, and a unique name.
            ["Seksi Kurikulum SD", "Dinas Pendidikan / Bidang Pendidikan Dasar", "SEKSI", ""],
            ["UPTD Pelatihan Guru", "Dinas Pendidikan", "UPTD/UPT", "uptd-guru"],
            # An existing unit (by kode): its kind changes.
            ["Seksi SD", "", "Sub Bidang", "seksi-sd"],
            # Unchanged.
            ["Bidang PAUD", "Dinas Pendidikan", "Bidang", ""],
        ],
        judul=judul,
    )
    impor = unggah(instansi_a, admin_a, isi, jenis="unit", nama="unit.xlsx")
    assert impor.ringkasan == {"baru": 4, "diperbarui": 1, "tetap": 1, "galat": 0, "total": 6}
    assert "Jenis: Seksi → Sub Bidang" in baris_hasil(impor, 6)["catatan"]

    terapkan(instansi_a, admin_a, impor)
    with lingkup_instansi(instansi_a):
        sarpras = UnitKerja.objects.get(kode="bidang-sarpras")
        assert sarpras.induk_id == organisasi_a["dinas"].pk
        assert UnitKerja.objects.get(nama="Seksi Sarana").induk_id == sarpras.pk
        assert UnitKerja.objects.get(nama="Seksi Kurikulum SD").induk_id == organisasi_a["dasar"].pk
        assert UnitKerja.objects.get(kode="uptd-guru").jenis == "uptd"
        assert UnitKerja.objects.get(kode="seksi-sd").jenis == "sub_bidang"
        assert UnitKerja.history.filter(history_change_reason="Impor unit.xlsx").count() == 5


def test_csv_koma_tanpa_bom_juga_dibaca(instansi_a, admin_a, organisasi_a):
    isi = csv_bytes([pegawai_baris(1, belakang="S.Kom., M.Si.")], pemisah=",", bom=False)
    impor = unggah(instansi_a, admin_a, isi)
    assert impor.ringkasan["baru"] == 1, impor.hasil
    assert baris_hasil(impor, 2)["data"]["gelar_belakang"] == "S.Kom., M.Si."


# --- Bad and mixed files -------------------------------------------------------------


def test_berkas_buruk_tidak_mengubah_apa_pun(instansi_a, admin_a, organisasi_a):
    isi = csv_bytes(
        [
            ["19870312201001100A", "Budi", "", "", "PNS", "III/a", "Staf", "", "seksi-sd", "", ""],
            pegawai_baris(2, unit="Dinas Kesehatan"),
        ]
    )  # fmt: skip
    sebelum = potret(instansi_a)
    impor = unggah(instansi_a, admin_a, isi)
    assert impor.status == ImporData.Status.PRATINJAU
    assert impor.ringkasan["galat"] == 2
    with pytest.raises(ValidationError, match="masih berisi baris bergalat"):
        terapkan(instansi_a, admin_a, impor)
    with pytest.raises(ValidationError, match="Tidak ada baris baru atau berubah"):
        terapkan(instansi_a, admin_a, impor, valid=True)
    assert potret(instansi_a) == sebelum
    with lingkup_instansi(instansi_a):
        assert ImporData.objects.get(pk=impor.pk).status == ImporData.Status.PRATINJAU


def test_berkas_campuran_hanya_baris_valid_bila_dipilih(instansi_a, admin_a, organisasi_a):
    isi = csv_bytes(
        [
            pegawai_baris(1),  # row 2: valid
            ["198713122010011004", "Salah NIP", "", "", "PNS", "III/a", "Staf", "", "seksi-sd",
             "", ""],  # row 3
            pegawai_baris(3, unit="Dinas Kesehatan"),  # row 4
            pegawai_baris(4),  # row 5 and 6: duplicate NIP
            pegawai_baris(4, nama="Kembar"),
            pegawai_baris(5, status="PPPK", golongan="III/a"),  # row 7
            pegawai_baris(6, golongan="IX"),  # row 8
            pegawai_baris(7, golongan="I/e"),  # row 9
            pegawai_baris(8, email="bukan-email"),  # row 10
            pegawai_baris(9, tmt="31-02-2024"),  # row 11
            pegawai_baris(10, status="Honorer"),  # row 12
            pegawai_baris(11, jenis_jabatan="Struktural"),  # row 13
            [nip(12), "PPPK NIP PNS", "", "", "PPPK", "V", "Staf", "", "seksi-sd", "", ""],
            pegawai_baris(13),  # row 15: valid
        ]
    )  # fmt: skip
    sebelum = potret(instansi_a)
    impor = unggah(instansi_a, admin_a, isi)

    assert galat_baris(impor, 2) == []
    assert galat_baris(impor, 3) == [
        "Angka ke-1 sampai ke-8 NIP (19871312) bukan tanggal lahir yang valid "
        "(format TTTTBBHH: tahun, bulan, tanggal)."
    ]
    assert galat_baris(impor, 4) == [
        "Unit kerja 'Dinas Kesehatan' tidak ditemukan. Tulis kode unit, jalurnya (mis. 'Dinas "
        "Pendidikan / Bidang Pendidikan Dasar'), atau namanya bila hanya ada satu. Impor unit "
        "kerja terlebih dahulu."
    ]
    assert galat_baris(impor, 5) == [
        f"NIP {nip(4)} muncul lebih dari sekali dalam berkas (juga baris 6)."
    ]
    assert galat_baris(impor, 6) == [
        f"NIP {nip(4)} muncul lebih dari sekali dalam berkas (juga baris 5)."
    ]
    assert galat_baris(impor, 7) == [
        "Golongan III/a adalah golongan PNS; golongan PPPK ditulis I sampai XVII."
    ]
    assert galat_baris(impor, 8) == [
        "Golongan 'IX' bukan golongan PNS; tulis golongan dan ruangnya, mis. III/a."
    ]
    assert galat_baris(impor, 9) == [
        "Golongan I/e tidak ada; golongan PNS I/a sampai IV/e (ruang e hanya untuk golongan IV)."
    ]
    assert galat_baris(impor, 10) == ["Email 'bukan-email' tidak valid."]
    assert galat_baris(impor, 11) == [
        "TMT jabatan '31-02-2024' bukan tanggal; tulis hh-bb-tttt atau tttt-bb-hh."
    ]
    assert galat_baris(impor, 12) == ["Status 'Honorer' tidak dikenal; tulis PNS atau PPPK."]
    assert galat_baris(impor, 13) == [
        "Jenis jabatan 'Struktural' terlalu umum; tulis JPT Pratama, Administrator atau Pengawas."
    ]
    assert galat_baris(impor, 14) == [
        "NIP ini berformat NIP PNS (angka ke-13 dan ke-14 bulan TMT), tetapi status PPPK."
    ]
    assert galat_baris(impor, 15) == []
    assert impor.ringkasan["galat"] == 12 and impor.ringkasan["baru"] == 2

    # Without the admin's choice nothing is written.
    with pytest.raises(ValidationError):
        terapkan(instansi_a, admin_a, impor)
    assert potret(instansi_a) == sebelum

    impor = terapkan(instansi_a, admin_a, impor, valid=True)
    assert impor.status == ImporData.Status.DITERAPKAN
    with lingkup_instansi(instansi_a):
        assert sorted(Pegawai.objects.values_list("nip", flat=True)) == sorted([nip(1), nip(13)])
        assert Penempatan.objects.count() == 2


def test_kolom_wajib_hilang_menolak_seluruh_berkas(instansi_a, admin_a, organisasi_a):
    judul = [j for j in JUDUL if j != "Unit"]
    isi = csv_bytes([pegawai_baris(1)[:8] + pegawai_baris(1)[9:]], judul=judul)
    impor = unggah(instansi_a, admin_a, isi)
    assert impor.status == ImporData.Status.GAGAL
    assert impor.galat_berkas == [
        "Kolom wajib 'unit' tidak ada. Tambahkan kolom berjudul unit (atau unit kerja, unor, "
        "unor nama)."
    ]
    with pytest.raises(ValidationError, match="tidak dapat diterapkan lagi"):
        terapkan(instansi_a, admin_a, impor)


@pytest.mark.parametrize(
    ("isi", "nama", "pesan"),
    [
        (b"\xff\xfeN\x00I\x00P\x00", "a.csv", "Berkas CSV harus berenkode UTF-8"),
        (b"PK\x03\x04bukan-excel", "a.xlsx", "Berkas Excel tidak dapat dibaca"),
        (b"judul;tidak;dikenal\n1;2;3\n", "a.csv", "Baris judul kolom tidak ditemukan"),
        (csv_bytes([]), "a.csv", "Berkas tidak berisi baris data"),
    ],
)
def test_berkas_tidak_terbaca_ditolak_dengan_pesan_jelas(
    instansi_a, admin_a, organisasi_a, isi, nama, pesan
):
    impor = unggah(instansi_a, admin_a, isi, nama=nama)
    assert impor.status == ImporData.Status.GAGAL
    assert pesan in impor.galat_berkas[0]


def test_unit_bernama_ganda_minta_jalur(instansi_a, admin_a, organisasi_a):
    isi = csv_bytes(
        [
            pegawai_baris(1, unit="Seksi Kurikulum"),
            pegawai_baris(2, unit="Bidang Pendidikan Dasar / Seksi Kurikulum"),
            pegawai_baris(3, unit="dinas pendidikan / bidang paud / seksi  kurikulum"),
        ]
    )
    impor = unggah(instansi_a, admin_a, isi)
    assert galat_baris(impor, 2) == [
        "Unit 'Seksi Kurikulum' ada di lebih dari satu tempat (Dinas Pendidikan / Bidang PAUD "
        "/ Seksi Kurikulum; Dinas Pendidikan / Bidang Pendidikan Dasar / Seksi Kurikulum). "
        "Tulis jalurnya, mis. 'Dinas Pendidikan / Bidang PAUD / Seksi Kurikulum', atau kode "
        "unitnya."
    ]
    assert galat_baris(impor, 3) == [] and galat_baris(impor, 4) == []


def test_berkas_unit_bergalat(instansi_a, admin_a, organisasi_a):
    isi = csv_bytes(
        [
            ["Seksi A", "Bidang Tidak Ada", "Seksi", ""],
            ["Seksi B", "Seksi Kurikulum", "Seksi", ""],
            ["Bidang C", "disdik", "Bagian Baru", ""],
            ["Seksi D", "Bidang C", "Seksi", ""],
            ["Seksi E", "disdik", "Seksi", "Kode Salah"],
            ["Seksi F", "disdik", "Seksi", "seksi-f"],
            ["Seksi G", "disdik", "Seksi", "seksi-f"],
        ],
        judul=["nama", "induk", "jenis", "kode"],
    )
    impor = unggah(instansi_a, admin_a, isi, jenis="unit", nama="unit.csv")
    assert galat_baris(impor, 2)[0].startswith("Unit induk 'Bidang Tidak Ada' tidak ditemukan.")
    assert galat_baris(impor, 3)[0].startswith("Unit 'Seksi Kurikulum' ada di lebih dari satu")
    assert galat_baris(impor, 4)[0].startswith("Jenis unit 'Bagian Baru' tidak dikenal.")
    assert galat_baris(impor, 5) == ["Unit induk 'Bidang C' (baris 4) juga bergalat."]
    assert galat_baris(impor, 6)[0].startswith("Kode 'kode salah' tidak sah")
    assert galat_baris(impor, 7) == []
    assert galat_baris(impor, 8) == ["Kode 'seksi-f' sudah dipakai di baris 7."]


# --- Re-import -----------------------------------------------------------------------


def test_impor_ulang_memperbarui_per_nip_dan_mutasi_menyimpan_riwayat(
    instansi_a, admin_a, organisasi_a
):
    pertama = csv_bytes(
        [
            pegawai_baris(1, jabatan="Pengadministrasi Umum", tmt="01-01-2024"),
            pegawai_baris(2, jabatan="Pengadministrasi Umum", tmt="01-01-2024"),
            pegawai_baris(3, jabatan="Pengadministrasi Umum", tmt="01-01-2024"),
        ]
    )
    terapkan(instansi_a, admin_a, unggah(instansi_a, admin_a, pertama, nama="awal.csv"))

    kedua = csv_bytes(
        [
            # Promoted and moved: a new placement from 1 July, the old one ends the day before.
            pegawai_baris(1, jabatan="Analis SDM Aparatur Ahli Pertama", golongan="III/b",
                          unit="SD Negeri 1 Contoh", tmt="01-07-2025"),
            # Only the golongan changes: the placement stays.
            pegawai_baris(2, jabatan="Pengadministrasi Umum", golongan="III/c"),
            # Nothing changes.
            pegawai_baris(3, jabatan="Pengadministrasi Umum"),
            # Someone new.
            [nip(9), "Baru", "", "", "PNS", "II/a", "Pengadministrasi Umum", "", "seksi-sd",
             "", ""],
        ]
    )  # fmt: skip
    impor = unggah(instansi_a, admin_a, kedua, nama="mutasi.csv")
    assert [b["aksi"] for b in impor.hasil] == ["diperbarui", "diperbarui", "tetap", "baru"]
    assert "Golongan: III/a → III/b" in baris_hasil(impor, 2)["catatan"]
    impor = terapkan(instansi_a, admin_a, impor)

    with lingkup_instansi(instansi_a):
        satu = Pegawai.objects.get(nip=nip(1))
        assert satu.golongan == "III/b"
        riwayat = list(Penempatan.objects.filter(pegawai=satu).order_by("mulai"))
        assert [(p.jabatan.nama, p.mulai, p.selesai) for p in riwayat] == [
            ("Pengadministrasi Umum", date(2024, 1, 1), date(2025, 6, 30)),
            ("Analis SDM Aparatur Ahli Pertama", date(2025, 7, 1), None),
        ]
        assert riwayat[1].jabatan.unit_id == organisasi_a["sekolah"].pk
        dua = Pegawai.objects.get(nip=nip(2))
        assert dua.golongan == "III/c"
        assert Penempatan.objects.filter(pegawai=dua).count() == 1
        # The audit trail tells both imports apart.
        alasan = list(
            satu.history.order_by("history_date").values_list("history_change_reason", flat=True)
        )
        assert alasan == ["Impor awal.csv", "Impor mutasi.csv"]
        ditutup = riwayat[0].history.order_by("history_date").last()
        assert ditutup.history_change_reason == "Impor mutasi.csv" and ditutup.selesai

    # The same move again is "tetap": a re-import of an applied file changes nothing.
    ulang = unggah(instansi_a, admin_a, kedua, nama="mutasi-lagi.csv")
    assert [b["aksi"] for b in ulang.hasil] == ["tetap", "tetap", "tetap", "tetap"]

    mundur = csv_bytes([pegawai_baris(1, jabatan="Pengadministrasi Umum", tmt="01-07-2025")])
    impor = unggah(instansi_a, admin_a, mundur)
    assert galat_baris(impor, 2) == [
        "TMT jabatan (1 Juli 2025) harus sesudah mulai jabatan sekarang (1 Juli 2025); isi "
        "kolom tmt_jabatan."
    ]


def test_mutasi_lewat_impor_diumumkan_sekali(instansi_a, admin_a, organisasi_a):
    """Bulk writes send no post_save: an applied file that moves people says so once
    (organisasi.sinyal), so the apps above can follow the transfers; one that moves
    nobody says nothing."""
    from organisasi.sinyal import penempatan_diubah_massal

    diterima = []

    def penerima(sender, instansi_id, **kwargs):
        diterima.append(instansi_id)

    penempatan_diubah_massal.connect(penerima, dispatch_uid="uji_impor_massal")
    try:
        pertama = csv_bytes([pegawai_baris(i, jabatan="Pengadministrasi Umum",
                                           tmt="01-01-2024") for i in (1, 2)])  # fmt: skip
        terapkan(instansi_a, admin_a, unggah(instansi_a, admin_a, pertama, nama="awal.csv"))
        assert diterima == [instansi_a.pk]  # new placements
        golongan = csv_bytes([pegawai_baris(1, jabatan="Pengadministrasi Umum",
                                            golongan="III/c")])  # fmt: skip
        terapkan(instansi_a, admin_a, unggah(instansi_a, admin_a, golongan, nama="gol.csv"))
        assert diterima == [instansi_a.pk]  # nobody moved
        dipindah = pegawai_baris(1, jabatan="Analis SDM Aparatur Ahli Pertama",
                                 unit="SD Negeri 1 Contoh", tmt="01-07-2025")  # fmt: skip
        pindah = csv_bytes([dipindah])
        terapkan(instansi_a, admin_a, unggah(instansi_a, admin_a, pindah, nama="mutasi.csv"))
        assert diterima == [instansi_a.pk, instansi_a.pk]
    finally:
        penempatan_diubah_massal.disconnect(dispatch_uid="uji_impor_massal")


def test_jenis_jabatan_eksplisit_dan_kepala_unit(instansi_a, admin_a, organisasi_a):
    isi = csv_bytes(
        [
            # Named by the unit's head word but the file says it is not managerial.
            pegawai_baris(1, jabatan="Kepala Sekolah", unit="SD Negeri 1 Contoh"),
            # A head post given explicitly goes first, whatever its row.
            pegawai_baris(2, jabatan="Sekretaris Dinas", unit="disdik"),
            pegawai_baris(3, jabatan="Kepala Dinas Pendidikan", jenis_jabatan="JPT Pratama",
                          unit="disdik"),
            # Does not name its unit: an ordinary post.
            pegawai_baris(4, jabatan="Kepala Sub Bagian Umum", unit="Bidang PAUD"),
            pegawai_baris(5, jabatan="Penelaah Teknis Kebijakan", jenis_jabatan="Eselon IV.a"),
            pegawai_baris(6, jabatan="Penelaah Teknis Kebijakan", jenis_jabatan="Pelaksana"),
        ]
    )  # fmt: skip
    impor = unggah(instansi_a, admin_a, isi)
    assert galat_baris(impor, 7) == [
        "Jenis jabatan 'Penelaah Teknis Kebijakan' di unit ini berbeda dengan baris 6 (Pengawas)."
    ]
    terapkan(instansi_a, admin_a, impor, valid=True)
    with lingkup_instansi(instansi_a):
        jabatan = {j.nama: j for j in Jabatan.objects.all()}
    assert (jabatan["Kepala Sekolah"].kepala_unit, jabatan["Kepala Sekolah"].jenis) == (
        True,
        "fungsional",
    )
    assert (
        jabatan["Kepala Dinas Pendidikan"].kepala_unit,
        jabatan["Kepala Dinas Pendidikan"].jenis,
    ) == (
        True,
        "jpt_pratama",
    )
    assert (jabatan["Sekretaris Dinas"].kepala_unit, jabatan["Sekretaris Dinas"].jenis) == (
        False,
        "pelaksana",
    )
    assert jabatan["Kepala Sub Bagian Umum"].kepala_unit is False
    assert jabatan["Penelaah Teknis Kebijakan"].jenis == "pengawas"


# --- Pure helpers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "status", "hasil"),
    [
        ("III/a", "pns", "III/a"),
        ("III/A", "pns", "III/a"),
        ("iii/a", "pns", "III/a"),
        ("IIIa", "pns", "III/a"),
        ("III a", "pns", "III/a"),
        ("III-a", "pns", "III/a"),
        ("3a", "pns", "III/a"),
        ("3/a", "pns", "III/a"),
        ("4E", "pns", "IV/e"),
        ("I/a", "pns", "I/a"),
        ("Penata Muda Tk. I (III/b)", "pns", "III/b"),
        ("Pembina Utama Muda, IV/c", "pns", "IV/c"),
        ("IX", "pppk", "IX"),
        ("ix", "pppk", "IX"),
        ("9", "pppk", "IX"),
        ("Gol. XVII", "pppk", "XVII"),
        ("V", "pppk", "V"),
        ("17", "pppk", "XVII"),
    ],
)
def test_golongan_dinormalkan(nilai, status, hasil):
    assert baca.baca_golongan(nilai, status) == hasil


@pytest.mark.parametrize(
    ("nilai", "status"),
    [("II/e", "pns"), ("V/a", "pns"), ("IX", "pns"), ("", "pns"), ("XVIII", "pppk"),
     ("18", "pppk"), ("IV/a", "pppk"), ("Penata", "pns")],
)  # fmt: skip
def test_golongan_salah(nilai, status):
    with pytest.raises(ValidationError):
        baca.baca_golongan(nilai, status)


@pytest.mark.parametrize(
    ("gelar", "depan", "belakang"),
    [
        ("Dr. S.Kom., M.Si.", "Dr.", "S.Kom., M.Si."),
        ("Dr. / S.Kom., M.Si.", "Dr.", "S.Kom., M.Si."),
        ("dr., Sp.A", "dr.", "Sp.A"),
        ("Prof. Dr. Ir. H., M.T.", "Prof. Dr. Ir. H.", "M.T."),
        ("S.Pd.", "", "S.Pd."),
        ("S.H., M.H.", "", "S.H., M.H."),
        ("Hj.", "Hj.", ""),
        ("apt. S.Farm.", "apt.", "S.Farm."),
        ("", "", ""),
    ],
)
def test_gelar_satu_kolom_dipisah(gelar, depan, belakang):
    assert baca.pisah_gelar(gelar) == (depan, belakang)


@pytest.mark.parametrize(
    ("nilai", "jenis"),
    [("JPT Pratama", "jpt_pratama"), ("jabatan pimpinan tinggi pratama", "jpt_pratama"),
     ("Administrator", "administrator"), ("Eselon III.a", "administrator"),
     ("pengawas", "pengawas"), ("JFU", "pelaksana"), ("Jabatan Fungsional Tertentu", "fungsional"),
     ("fungsional", "fungsional"), ("", None)],
)  # fmt: skip
def test_jenis_jabatan_dikenali(nilai, jenis):
    assert baca.baca_jenis_jabatan(nilai) == jenis


@pytest.mark.parametrize(
    ("nilai", "jenis"),
    [("Dinas", "dinas"), ("dinas_uptd", "dinas_uptd"), ("Sub Bagian", "sub_bagian"),
     ("Subbagian", "sub_bagian"), ("UPT", "uptd"), ("Sekolah Dasar", "sekolah_sd"),
     ("SD", "sekolah_sd"), ("TK/PAUD/PNF", "sekolah_tk"), ("kecamatan", "kecamatan")],
)  # fmt: skip
def test_jenis_unit_dikenali(nilai, jenis):
    assert baca.baca_jenis_unit(nilai) == jenis


def test_nip_angka_excel_yang_terpotong_diberi_pesan_khusus(instansi_a, admin_a, organisasi_a):
    isi = xlsx_bytes([[1.98703122010011e17, "Budi", "", "", "PNS", "III/a", "Staf", "",
                       "seksi-sd", "", ""]])  # fmt: skip
    impor = unggah(instansi_a, admin_a, isi, nama="a.xlsx")
    assert galat_baris(impor, 2) == [
        "NIP tersimpan sebagai angka di Excel sehingga angka terakhirnya hilang; ubah format "
        "kolom NIP menjadi Teks lalu isi ulang NIP-nya."
    ]


# --- The job --------------------------------------------------------------------------


def test_menerapkan_dua_kali_tidak_menggandakan(instansi_a, admin_a, organisasi_a):
    impor = unggah(instansi_a, admin_a, csv_bytes([pegawai_baris(1), pegawai_baris(2)]))
    terapkan(instansi_a, admin_a, impor)
    with lingkup_instansi(instansi_a):
        # A redelivered task finds the job already applied.
        assert pekerjaan.jalankan_penerapan(impor.pk) == ImporData.Status.DITERAPKAN
        with pytest.raises(ValidationError, match="tidak dapat diterapkan lagi"):
            pekerjaan.mulai_terapkan(pengguna=admin_a, impor=impor, terapkan_yang_valid=False)
        # A stale copy of the job (still "pratinjau") loses the compare-and-set.
        basi = ImporData.objects.get(pk=impor.pk)
        basi.status = ImporData.Status.PRATINJAU
        with pytest.raises(ValidationError, match="sudah diterapkan"):
            pekerjaan.mulai_terapkan(pengguna=admin_a, impor=basi, terapkan_yang_valid=False)
        assert Pegawai.objects.count() == 2 and Penempatan.objects.count() == 2
        assert Pegawai.history.count() == 2


def test_penerapan_gagal_bila_data_berubah_sejak_pratinjau(instansi_a, admin_a, organisasi_a):
    impor = unggah(instansi_a, admin_a, csv_bytes([pegawai_baris(1, unit="Bidang PAUD")]))
    with lingkup_instansi(instansi_a):
        # Someone adds a second "Bidang PAUD" between preview and apply.
        UnitKerja.objects.create(nama="Bidang PAUD", jenis="bidang", induk=organisasi_a["sekolah"])
    impor = terapkan(instansi_a, admin_a, impor)
    assert impor.status == ImporData.Status.GAGAL
    assert "berubah sejak pratinjau" in impor.galat_berkas[0]
    with lingkup_instansi(instansi_a):
        assert Pegawai.objects.count() == 0


def test_pratinjau_500_baris_jumlah_kueri_tetap(
    instansi_a, admin_a, organisasi_a, django_assert_max_num_queries
):
    def siapkan(n, awal):
        isi = csv_bytes([pegawai_baris(awal + i, jabatan=f"Jabatan {i % 40}") for i in range(n)])
        with lingkup_instansi(instansi_a):
            return pekerjaan.buat_impor(
                pengguna=admin_a, jenis="pegawai", nama_berkas="q.csv", isi=isi
            )

    kecil, besar = siapkan(5, 0), siapkan(500, 1000)
    # Some existing employees, positions and placements to look up.
    ada = csv_bytes([pegawai_baris(1000 + i) for i in range(50)])
    terapkan(instansi_a, admin_a, unggah(instansi_a, admin_a, ada))
    jumlah = {}
    for impor in (kecil, besar):
        with lingkup_instansi(instansi_a), django_assert_max_num_queries(10) as kueri:
            pekerjaan.jalankan_pratinjau(impor.pk)
        jumlah[impor.pk] = len(kueri.captured_queries)
    assert jumlah[kecil.pk] == jumlah[besar.pk]
    with lingkup_instansi(instansi_a):
        assert ImporData.objects.get(pk=besar.pk).ringkasan["total"] == 500


# --- Another agency ------------------------------------------------------------------


def test_instansi_lain_tidak_bisa_melihat_atau_menerapkan(
    client, masuk_sebagai, instansi_a, admin_a, instansi_b, admin_b, organisasi_a
):
    impor = unggah(
        instansi_a,
        admin_a,
        csv_bytes([pegawai_baris(1, nama="Rahasia A")]),
        nama="rahasia-a.csv",
    )
    masuk_sebagai(admin_b)
    for nama in ("impor_detail", "impor_status"):
        resp = client.get(reverse(nama, args=[impor.pk]))
        assert resp.status_code == 404
        assert "Rahasia A" not in resp.content.decode()
    resp = client.post(reverse("impor_terapkan", args=[impor.pk]), {"terapkan_yang_valid": "1"})
    assert resp.status_code == 404
    daftar = client.get(reverse("impor")).content.decode()
    assert "rahasia-a.csv" not in daftar

    with lingkup_instansi(instansi_b):
        assert not ImporData.objects.filter(pk=impor.pk).exists()
        with pytest.raises(ImporData.DoesNotExist):
            pekerjaan.jalankan_penerapan(impor.pk)
    with lingkup_instansi(instansi_a):
        assert ImporData.objects.get(pk=impor.pk).status == ImporData.Status.PRATINJAU
        assert Pegawai.objects.count() == 0


def test_pegawai_biasa_tidak_boleh_mengimpor(client, masuk_sebagai, pegawai_a):
    masuk_sebagai(pegawai_a)
    assert client.get(reverse("impor")).status_code == 403


# --- Screens -------------------------------------------------------------------------


def _berkas(nama, isi):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(nama, isi)


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("data.xls", b"\xd0\xcf\x11\xe0", "Format .xls (Excel lama) tidak didukung"),
        ("data.pdf", b"%PDF-1.7", "Berkas harus berformat .csv atau .xlsx."),
        ("data.csv", b"", "Berkas kosong"),
        ("data.csv", b"  \n\n", "Berkas kosong"),
        ("data.xlsx", b"nip;nama\n", "bukan berkas Excel .xlsx yang sah"),
        ("data.csv", b"PK\x03\x04\x00\x00", "bukan teks CSV"),
    ],
)
def test_unggah_berkas_salah_diberi_pesan(client, masuk_sebagai, admin_a, nama, isi, pesan):
    masuk_sebagai(admin_a)
    resp = client.post(reverse("impor"), {"jenis": "pegawai", "berkas": _berkas(nama, isi)})
    assert resp.status_code == 200
    assert pesan in resp.content.decode()


def test_unggah_berkas_terlalu_besar(client, masuk_sebagai, admin_a, monkeypatch):
    monkeypatch.setattr(baca, "MAKS_UKURAN", 10)
    masuk_sebagai(admin_a)
    resp = client.post(
        reverse("impor"), {"jenis": "pegawai", "berkas": _berkas("a.csv", b"x" * 2048)}
    )
    assert "melebihi batas" in resp.content.decode()


def test_alur_layar_unggah_pantau_terapkan(
    client, masuk_sebagai, instansi_a, admin_a, organisasi_a
):
    masuk_sebagai(admin_a)
    assert client.get(reverse("impor")).status_code == 200
    resp = client.post(
        reverse("impor"),
        {"jenis": "pegawai", "berkas": _berkas("pegawai.csv", csv_bytes([pegawai_baris(1)]))},
    )
    with lingkup_instansi(instansi_a):
        impor = ImporData.objects.get()
    assert resp.status_code == 302 and resp.url == reverse("impor_detail", args=[impor.pk])

    # While the worker has not finished, the block polls itself every second.
    halaman = client.get(resp.url).content.decode()
    assert 'hx-trigger="every 1s"' in halaman and "<progress" in halaman
    status = client.get(reverse("impor_status", args=[impor.pk]), HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in status.content.decode()

    with lingkup_instansi(instansi_a):
        pekerjaan.jalankan_pratinjau(impor.pk)
    status = client.get(reverse("impor_status", args=[impor.pk]), HTTP_HX_REQUEST="true")
    isi = status.content.decode()
    # Done: the returned block has no trigger, so polling stops.
    assert "hx-trigger" not in isi
    assert "Terapkan" in isi and "Unggah ulang" in isi and nip(1) in isi

    resp = client.post(reverse("impor_terapkan", args=[impor.pk]), HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in resp.content.decode()
    with lingkup_instansi(instansi_a):
        assert ImporData.objects.get(pk=impor.pk).status == ImporData.Status.MENERAPKAN


def test_tombol_terapkan_nonaktif_bila_ada_galat(
    client, masuk_sebagai, instansi_a, admin_a, organisasi_a
):
    impor = unggah(
        instansi_a, admin_a, csv_bytes([pegawai_baris(1), pegawai_baris(2, unit="Tidak Ada")])
    )
    masuk_sebagai(admin_a)
    isi = client.get(reverse("impor_detail", args=[impor.pk])).content.decode()
    assert "data-terapkan disabled" in isi
    assert "Terapkan hanya baris yang valid" in isi
    assert "Unit kerja &#x27;Tidak Ada&#x27; tidak ditemukan" in isi
    hanya_galat = client.get(reverse("impor_detail", args=[impor.pk]), {"tampil": "galat"})
    assert nip(1) not in hanya_galat.content.decode()
    # The server refuses as well, whatever the browser sent.
    client.post(reverse("impor_terapkan", args=[impor.pk]))
    with lingkup_instansi(instansi_a):
        assert ImporData.objects.get(pk=impor.pk).status == ImporData.Status.PRATINJAU


def test_templat_csv(client, masuk_sebagai, admin_a):
    masuk_sebagai(admin_a)
    resp = client.get(reverse("impor_contoh", args=["pegawai"]))
    assert resp["Content-Type"].startswith("text/csv")
    assert resp.content.decode("utf-8-sig").strip() == (
        "nip;nama;gelar_depan;gelar_belakang;status;golongan;jabatan;jenis_jabatan;unit;email;"
        "tmt_jabatan"
    )
    resp = client.get(reverse("impor_contoh", args=["unit"]))
    assert resp.content.decode("utf-8-sig").strip() == "nama;induk;jenis;kode"
    assert client.get(reverse("impor_contoh", args=["lain"])).status_code == 404


# --- Progress and the real worker ----------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_progres_terlihat_selagi_transaksi_pekerjaan_masih_terbuka(instansi_a, admin_a, instansi_b):
    with lingkup_instansi(instansi_a):
        # Not buat_impor: its on-commit hook would queue a real task on a real broker.
        impor = ImporData(jenis="pegawai", nama_berkas="a.csv", isi=b"nip\n", dibuat_oleh=admin_a)
        impor.save_without_historical_record()
    with lingkup_instansi(instansi_a), pekerjaan.LaporanProgres(instansi_a.pk, impor.pk) as progres:
        progres.total(1000)
        progres(400)
        # Still inside the job's open transaction, the committed report is visible.
        segar = ImporData.objects.only("diproses", "total_baris").get(pk=impor.pk)
        assert (segar.diproses, segar.total_baris) == (400, 1000)
    # Row-level security holds on the reporting connection: another scope cannot touch the job.
    with pekerjaan.LaporanProgres(instansi_b.pk, impor.pk) as lain:
        lain(999)
    with lingkup_instansi(instansi_a):
        assert ImporData.objects.get(pk=impor.pk).diproses == 400


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_pratinjau_dijalankan_worker_sungguhan(worker_celery, instansi_a, admin_a):
    with lingkup_instansi(instansi_a):
        UnitKerja.objects.create(nama="Seksi SD", jenis="seksi", kode="seksi-sd")
    isi = csv_bytes([pegawai_baris(i) for i in range(450)] + [pegawai_baris(1)])
    # Queued on commit by the service, exactly as the upload view does.
    with lingkup_instansi(instansi_a):
        impor = pekerjaan.buat_impor(
            pengguna=admin_a, jenis="pegawai", nama_berkas="worker.csv", isi=isi
        )
    batas = time.monotonic() + 60
    while time.monotonic() < batas:
        with lingkup_instansi(instansi_a):
            segar = ImporData.objects.defer("isi").get(pk=impor.pk)
        if segar.selesai:
            break
        time.sleep(0.2)
    assert segar.status == ImporData.Status.PRATINJAU, segar.galat_berkas
    assert segar.total_baris == segar.diproses == 451
    assert segar.ringkasan["baru"] == 449 and segar.ringkasan["galat"] == 2
    with lingkup_instansi(instansi_a):
        assert Pegawai.objects.count() == 0
