"""The SKP app's demo data, on top of organisasi's demo organisation and accounts:
a submitted SKP for pegawai.bekasi and a draft for pegawai.karawang. Made through the
SKP services, so every rule and audit record applies."""

from datetime import date

from django.contrib.auth import get_user_model

from organisasi.models import Pegawai
from organisasi.tenancy import lingkup_instansi

from . import services
from .models import SKP


def isi_skp_demo(tahun: int = 2026) -> list[str]:
    """A submitted SKP for pegawai.bekasi (so penilai.bekasi has one to review) and a
    draft for pegawai.karawang. Uses the SKP services, so every rule applies."""
    Pengguna = get_user_model()
    dibuat = []
    for username, ajukan in (("pegawai.bekasi", True), ("pegawai.karawang", False)):
        pengguna = Pengguna.objects.filter(username=username).first()
        if pengguna is None:
            continue
        with lingkup_instansi(pengguna.instansi_id):
            pegawai = Pegawai.objects.filter(pengguna=pengguna).first()
            if pegawai is None or SKP.objects.filter(pegawai=pegawai, tahun=tahun).exists():
                continue
            skp = services.skp_buat(
                pengguna=pengguna, pegawai=pegawai, tahun=tahun,
                pendekatan="kuantitatif", tanggal=date(tahun, 1, 5),
            )  # fmt: skip
            jabatan_penilai = skp.identitas.get("penilai", {}).get("jabatan", "")
            for teks, pimpinan, indikator in DEMO_RHK:
                rhk = services.rhk_simpan(
                    pengguna=pengguna,
                    skp=skp,
                    data={
                        "teks": teks,
                        "penugasan_dari": jabatan_penilai,
                        "rhk_pimpinan_teks": pimpinan,
                    },
                )
                for iki, target, aspek in indikator:
                    services.iki_simpan(
                        pengguna=pengguna,
                        rhk=rhk,
                        data={"teks": iki, "target": target, "aspek": aspek},
                    )
            for bagian, teks in DEMO_LAMPIRAN:
                services.lampiran_tambah(pengguna=pengguna, skp=skp, bagian=bagian, teks=teks)
            if ajukan:
                services.skp_ajukan(pengguna=pengguna, skp=skp)
            dibuat.append(f"SKP {tahun} {username}")
    return dibuat


DEMO_RHK = [
    (
        "Tersusunnya rekomendasi hasil penilaian kinerja pegawai tepat waktu",
        "Meningkatnya kualitas pengelolaan kinerja aparatur",
        [
            ("Jumlah rekomendasi penilaian yang disampaikan", "12 rekomendasi", ["kuantitas"]),
            ("Rekomendasi disampaikan 5 hari kerja setelah periode", "90%", ["waktu"]),
        ],
    ),
    (
        "Tersedianya data kinerja pegawai yang mutakhir",
        "Meningkatnya kualitas data kepegawaian",
        [("Persentase data kinerja pegawai yang dimutakhirkan", "95%", ["kualitas"])],
    ),
]  # fmt: skip
DEMO_LAMPIRAN = [
    ("dukungan", "Akses aplikasi kepegawaian dan data SKP seluruh perangkat daerah"),
    ("skema", "Hasil kerja dilaporkan setiap bulan berupa laporan rekapitulasi"),
    ("konsekuensi", "Apabila memenuhi ekspektasi pimpinan: penghargaan non materiil"),
]
