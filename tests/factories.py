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
