"""Test data builders shared by the test modules."""

from datetime import date

from organisasi.models import Jabatan, Pegawai, Penempatan, UnitKerja
from organisasi.tenancy import lingkup_instansi

AWAL = date(2026, 1, 2)


class Org:
    """A Dinas -> Bidang -> Seksi chain with a head in each and staff in the Seksi."""

    def __init__(self, instansi):
        self.instansi = instansi
        self.nomor = 0
        with lingkup_instansi(instansi):
            self.dinas = UnitKerja.objects.create(nama="Dinas Perhubungan", jenis="dinas")
            self.bidang = UnitKerja.objects.create(
                nama="Bidang Lalu Lintas", jenis="bidang", induk=self.dinas
            )
            self.seksi = UnitKerja.objects.create(
                nama="Seksi Rekayasa", jenis="seksi", induk=self.bidang
            )
            self.seksi2 = UnitKerja.objects.create(
                nama="Seksi Angkutan", jenis="seksi", induk=self.bidang
            )
            self.kadis = self.kepala(
                self.dinas, "Kepala Dinas Perhubungan", "jpt_pratama", "Rahmat"
            )
            self.kabid = self.kepala(
                self.bidang, "Kepala Bidang Lalu Lintas", "administrator", "Sari"
            )
            self.kasi = self.kepala(self.seksi, "Kepala Seksi Rekayasa", "pengawas", "Teguh")
            self.kasi2 = self.kepala(self.seksi2, "Kepala Seksi Angkutan", "pengawas", "Wulan")
            self.jabatan_staf = Jabatan.objects.create(
                nama="Pengelola Rekayasa", unit=self.seksi, jenis="pelaksana"
            )
            self.jabatan_staf2 = Jabatan.objects.create(
                nama="Pengelola Angkutan", unit=self.seksi2, jenis="pelaksana"
            )
            self.staf = self.orang("Dedi")
            Penempatan.objects.create(pegawai=self.staf, jabatan=self.jabatan_staf, mulai=AWAL)

    def orang(self, nama):
        self.nomor += 1
        return Pegawai.objects.create(
            nip=f"19850101201001100{self.nomor}"[-18:].rjust(18, "0")
            if self.nomor < 10
            else f"1985010120100110{self.nomor:02d}",
            nama=nama,
            status="pns",
            golongan="III/a",
        )

    def kepala(self, unit, nama_jabatan, jenis, nama_orang):
        jabatan = Jabatan.objects.create(
            nama=nama_jabatan, unit=unit, jenis=jenis, kepala_unit=True
        )
        pegawai = self.orang(nama_orang)
        Penempatan.objects.create(pegawai=pegawai, jabatan=jabatan, mulai=AWAL)
        pegawai.jabatan_kepala = jabatan
        return pegawai


def skp_contoh(
    org: Org,
    *,
    pegawai=None,
    pendekatan: str = "kuantitatif",
    tahun: int = 2026,
    status: str = "draf",
    isi: bool = True,
):
    """An SKP of `org.staf` (rated by the Kepala Seksi) with two RHK, three IKI, a
    Lampiran and one ekspektasi khusus, created directly (no workflow checks)."""
    from skp.models import (
        SKP,
        ButirLampiran,
        EkspektasiKhusus,
        IndikatorKinerjaIndividu,
        RencanaHasilKerja,
    )
    from skp.services import identitas, kelompok_untuk

    pegawai = pegawai or org.staf
    with lingkup_instansi(org.instansi):
        penempatan = Penempatan.objects.select_related("jabatan__unit").get(
            pegawai=pegawai, selesai__isnull=True, jenis="definitif"
        )
        penilai = org.kasi if pegawai == org.staf else org.kabid
        skp = SKP(
            pegawai=pegawai,
            penempatan=penempatan,
            tahun=tahun,
            nomor_seri=pegawai.pk * 100 + tahun % 100,
            periode_mulai=date(tahun, 1, 2),
            periode_selesai=date(tahun, 12, 31),
            kelompok=kelompok_untuk(penempatan),
            pendekatan=pendekatan,
            penilai=penilai,
            atasan_penilai=org.kabid if penilai == org.kasi else org.kadis,
        )
        skp.identitas = identitas(skp, date(tahun, 1, 5))
        skp.save()
        if isi:
            r1 = RencanaHasilKerja.objects.create(
                skp=skp,
                urutan=1,
                teks="Tersusunnya rekayasa lalu lintas simpang padat",
                penugasan_dari="Kepala Seksi Rekayasa",
                rhk_pimpinan_teks="Meningkatnya kelancaran lalu lintas kota",
            )
            IndikatorKinerjaIndividu.objects.create(
                rhk=r1,
                urutan=1,
                teks="Jumlah simpang yang direkayasa",
                target="12 simpang",
                aspek=["kuantitas"],
            )
            IndikatorKinerjaIndividu.objects.create(
                rhk=r1,
                urutan=2,
                teks="Rekomendasi diterima pimpinan tepat waktu",
                target="90% dalam 5 hari kerja",
                aspek=["kualitas", "waktu"],
            )
            r2 = RencanaHasilKerja.objects.create(
                skp=skp,
                jenis="tambahan",
                urutan=1,
                teks="Terlaksananya survei kepuasan pengguna jalan",
                penugasan_dari="Kepala Bidang Lalu Lintas",
                rhk_pimpinan_teks="Meningkatnya kepuasan masyarakat",
            )
            IndikatorKinerjaIndividu.objects.create(
                rhk=r2, urutan=1, teks="Laporan survei", target="1 laporan", aspek=["kuantitas"]
            )
            for bagian, teks in (
                ("dukungan", "Data volume kendaraan dari dinas"),
                ("skema", "Dilaporkan setiap bulan berupa laporan kemajuan"),
                ("konsekuensi", "Apabila memenuhi ekspektasi: penghargaan non materiil"),
            ):
                ButirLampiran.objects.create(skp=skp, bagian=bagian, teks=teks, urutan=1)
            EkspektasiKhusus.objects.create(
                skp=skp,
                nilai="kolaboratif",
                teks="Aktif berbagi data dengan seksi lain",
                ditetapkan_oleh=penilai,
            )
        if status != "draf":
            SKP.objects.filter(pk=skp.pk).update(status=status)
            skp.refresh_from_db()
    return skp


def akun(org: Org, pegawai, username: str, *, admin: bool = False):
    """A login linked to an employee of `org` (password SANDI from conftest)."""
    from organisasi.models import Pengguna

    with lingkup_instansi(org.instansi):
        pengguna = Pengguna.objects.create_user(
            username=username,
            password="Sandi-Uji-2026!",
            nama=pegawai.nama,
            nip=pegawai.nip,
            instansi=org.instansi,
            admin_instansi=admin,
        )
        pegawai.pengguna = pengguna
        pegawai.save(update_fields=["pengguna"])
    return pengguna


def acuan_tersimpan(instansi) -> None:
    """Read the agency's settings and calendar once, so a request counted after this
    finds them kept (organisasi/acuan.py) as every request does after the first."""
    from organisasi.hari_kerja import kalender_instansi
    from organisasi.pengaturan import pengaturan_instansi

    with lingkup_instansi(instansi):
        pengaturan_instansi()
        pengaturan_instansi()  # the first use may have created the row: a new stamp
        kalender_instansi()
