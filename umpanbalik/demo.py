"""The execution app's demo data on top of skp's, made through the services so every rule
and audit record applies:
- pegawai.bekasi's submitted SKP is set by penilai.bekasi and signed, then documented for
  January-March with evidence (a PDF report and a phone photo) and given feedback of
  every kind an account can give: the rater's scheduled (berkala) feedback each month and
  an incidental one, the atasan's (another pimpinan), a peer's (rekan.bekasi, an account
  made here for a colleague in the same Sub Bidang), and an outside party's through the
  rater's single-use guest link;
- the JPT's set SKP (kadis.bekasi, kualitatif: B.1.3) gets scheduled feedback from the
  Sekretaris Daerah acting for the Wali Kota and feedback from a subordinate
  (bawahan.bekasi, an account made here for a staff member of the Dinas Kesehatan);
- the Karawang JPT's quantitative SKP (kaban.karawang, A.1.2), left a draft by skp's demo,
  is submitted, set by the Sekretaris Daerah a.n. the Bupati and signed, then gets
  scheduled feedback (B.1.4).
So the record (B.1.3 / B.1.4 / B.1.5), the documentation (B.1.1, B.1.2) and the team page
open with content from the demo accounts. Idempotent.
"""

from __future__ import annotations

import io
from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from organisasi.demo import SANDI_DEMO
from organisasi.models import Pegawai, Penempatan
from organisasi.selectors import subpohon_unit
from organisasi.tenancy import lingkup_instansi, lingkup_platform
from skp import services as skp_services
from skp.demo import DEMO_LAMPIRAN
from skp.models import SKP
from skp.workflow import BERLAKU, Status

from . import services
from .models import Realisasi, UmpanBalik

REKAN = "rekan.bekasi"
BAWAHAN = "bawahan.bekasi"
KETUA = "ketua.bekasi"
ANGGOTA = "anggota.bekasi"

REALISASI = {
    1: (
        "progres",
        "Rekomendasi penilaian kinerja Januari tersusun untuk 4 dari 12 perangkat daerah",
    ),
    2: ("progres", "Rekomendasi penilaian 9 dari 12 perangkat daerah disampaikan ke pimpinan"),
    3: ("akhir", "Seluruh 12 rekomendasi triwulan I disampaikan; 11 tepat waktu"),
}

UMPAN_BALIK_PENILAI = {
    1: ("positif", "Rekomendasi Januari lengkap dan berbasis data; pertahankan format ringkasnya."),
    2: (
        "negatif",
        "Dua rekomendasi terlambat dari jadwal; susun rencana aksi agar tidak berulang.",
    ),
    3: ("positif", "Target triwulan I tercapai; ketepatan waktu membaik setelah rencana aksi."),
}


def _pdf_laporan(judul: str) -> SimpleUploadedFile:
    isi = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
    )
    return SimpleUploadedFile(f"{judul}.pdf", isi, "application/pdf")


def _foto(nama: str) -> SimpleUploadedFile:
    from PIL import Image

    keluaran = io.BytesIO()
    Image.new("RGB", (320, 240), (46, 125, 50)).save(keluaran, "JPEG")
    return SimpleUploadedFile(nama, keluaran.getvalue(), "image/jpeg")


def _akun_staf(pegawai: Pegawai, username: str, *, bawahan: bool = False):
    """A login for a staff member (no unit head) without one yet: a colleague in
    `pegawai`'s unit, or (`bawahan`) someone in the units `pegawai` heads."""
    Pengguna = get_user_model()
    ada = Pengguna.objects.filter(username=username).first()
    if ada is not None:
        return ada
    unit = (
        Penempatan.objects.filter(pegawai=pegawai, selesai__isnull=True)
        .select_related("jabatan__unit")
        .first()
        .jabatan.unit
    )
    units = subpohon_unit(unit) if bawahan else [unit.pk]
    rekan = (
        Pegawai.objects.filter(
            penempatan__jabatan__unit_id__in=units,
            penempatan__selesai__isnull=True,
            pengguna__isnull=True,
            penempatan__jabatan__kepala_unit=False,
        )
        .exclude(pk=pegawai.pk)
        .order_by("pk")
        .first()
    )
    if rekan is None:
        return None
    pengguna = Pengguna.objects.create_user(
        username=username,
        password=SANDI_DEMO,
        nama=rekan.nama_lengkap,
        nip=rekan.nip,
        instansi_id=rekan.instansi_id,
    )
    rekan.pengguna = pengguna
    rekan.save(update_fields=["pengguna"])
    return pengguna


def _akun(pegawai: Pegawai | None, username: str):
    """The login of `username`, made for `pegawai` (who has none yet) when missing."""
    Pengguna = get_user_model()
    ada = Pengguna.objects.filter(username=username).first()
    if ada is not None or pegawai is None or pegawai.pengguna_id is not None:
        return ada
    pengguna = Pengguna.objects.create_user(
        username=username,
        password=SANDI_DEMO,
        nama=pegawai.nama_lengkap,
        nip=pegawai.nip,
        instansi_id=pegawai.instansi_id,
    )
    pegawai.pengguna = pengguna
    pegawai.save(update_fields=["pengguna"])
    return pengguna


def _beri(pengguna, skp, periode, sifat, arah, teks, tentang, **lain):
    return services.umpan_balik_beri(
        pengguna=pengguna, skp=skp, periode=periode, sifat=sifat, cara="langsung",
        tentang=tentang, arah=arah, teks=teks, **lain,
    )  # fmt: skip


def _pegawai_bekasi(tahun: int) -> list[str]:
    Pengguna = get_user_model()
    pegawai_akun = Pengguna.objects.filter(username="pegawai.bekasi").first()
    penilai_akun = Pengguna.objects.filter(username="penilai.bekasi").first()
    atasan_akun = Pengguna.objects.filter(username="atasan.bekasi").first()
    if None in (pegawai_akun, penilai_akun, atasan_akun):
        return []
    dibuat = []
    with lingkup_instansi(pegawai_akun.instansi_id):
        skp = SKP.objects.filter(pegawai__pengguna=pegawai_akun, tahun=tahun).first()
        if skp is None:
            return []
        if skp.status == Status.DIAJUKAN:
            skp = skp_services.skp_tetapkan(
                pengguna=penilai_akun, skp=skp, tanggal=date(tahun, 1, 20)
            )
            skp = skp_services.skp_tandatangani(pengguna=pegawai_akun, skp=skp)
            dibuat.append(f"SKP {tahun} pegawai.bekasi ditetapkan dan ditandatangani")
        if skp.status not in BERLAKU or UmpanBalik.objects.filter(skp=skp).exists():
            return dibuat
        rhk = list(skp.rhk.order_by("jenis", "urutan"))
        iki = [k for r in rhk for k in r.iki.order_by("urutan")]
        if not Realisasi.objects.filter(skp=skp).exists():
            for bulan, (jenis, uraian) in REALISASI.items():
                for n, k in enumerate(iki):
                    services.realisasi_catat(
                        pengguna=pegawai_akun, skp=skp, iki=k, periode=bulan, jenis=jenis,
                        uraian=f"{uraian} ({k.teks.lower()})",
                        berkas=[_pdf_laporan(f"Rekap rekomendasi {bulan:02d}-{n + 1}")]
                        + ([_foto(f"Rapat evaluasi {bulan:02d}.jpg")] if n == 0 else []),
                    )  # fmt: skip
            dibuat.append("Dokumentasi kinerja Januari-Maret pegawai.bekasi (B.1.2)")
        for bulan, (arah, teks) in UMPAN_BALIK_PENILAI.items():
            _beri(penilai_akun, skp, bulan, "berkala", arah, teks, f"rhk-{rhk[0].pk}",
                  tautan=[f"https://sidaring.bekasikota.go.id/rekap/2026-{bulan:02d}"])  # fmt: skip
        _beri(penilai_akun, skp, 2, "insidentil", "positif",
              "Sigap membantu perangkat daerah yang kesulitan mengisi SKP.",
              "nilai-berorientasi_pelayanan")  # fmt: skip
        _beri(atasan_akun, skp, 3, "insidentil", "positif",
              "Paparan data kinerja di rapat pimpinan jelas dan tepat waktu.",
              f"rhk-{rhk[-1].pk}")  # fmt: skip
        rekan = _akun_staf(skp.pegawai, REKAN)
        if rekan is not None:
            _beri(rekan, skp, 3, "insidentil", "negatif",
                  "Data mentah sering dibagikan mendekati tenggat; mohon lebih awal.",
                  "nilai-kolaboratif")  # fmt: skip
            dibuat.append(f"akun {REKAN}")
        _, token = services.undangan_buat(
            pengguna=penilai_akun, skp=skp, sumber="pihak_lain",
            nama_tamu="Dr. Rina Marlina", keterangan_tamu="Konsultan sistem informasi kinerja",
        )  # fmt: skip
        services.umpan_balik_tamu(
            token=token, cara="tidak_langsung", tentang=f"rhk-{rhk[-1].pk}", arah="positif",
            teks="Data kinerja yang disiapkan rapi dan mudah diintegrasikan ke dasbor.",
        )  # fmt: skip
        dibuat.append("Umpan balik berkelanjutan pegawai.bekasi (B.1.5), termasuk tautan tamu")
    return dibuat


def _kadis_bekasi(tahun: int) -> list[str]:
    Pengguna = get_user_model()
    kadis = Pengguna.objects.filter(username="kadis.bekasi").first()
    sekda = Pengguna.objects.filter(username="sekda.bekasi").first()
    if kadis is None or sekda is None:
        return []
    with lingkup_instansi(kadis.instansi_id):
        skp = SKP.objects.filter(pegawai__pengguna=kadis, tahun=tahun, status__in=BERLAKU).first()
        if skp is None or UmpanBalik.objects.filter(skp=skp).exists():
            return []
        rhk = skp.rhk.order_by("jenis", "urutan").first()
        for bulan, arah, teks in (
            (2, "positif", "Cakupan layanan kesehatan dasar naik sesuai rencana."),
            (
                3,
                "negatif",
                "Kolaborasi dengan Dinas Sosial untuk data keluarga miskin belum jalan.",
            ),
        ):
            tentang = f"rhk-{rhk.pk}" if arah == "positif" else "nilai-kolaboratif"
            _beri(sekda, skp, bulan, "berkala", arah, teks, tentang)
        dibuat = ["Umpan balik berkala kadis.bekasi (B.1.3)"]
        bawahan = _akun_staf(skp.pegawai, BAWAHAN, bawahan=True)
        if bawahan is not None:
            _beri(bawahan, skp, 3, "insidentil", "positif",
                  "Arahan Kepala Dinas saat rapat koordinasi puskesmas jelas dan ditindaklanjuti.",
                  "nilai-harmonis")  # fmt: skip
            dibuat.append(f"akun {BAWAHAN}; umpan balik bawahan kepada kadis.bekasi")
    return dibuat


UMPAN_BALIK_KABAN = (
    (2, "positif", "Rancangan evaluasi kinerja perangkat daerah tersusun sesuai jadwal."),
    (3, "negatif", "Capaian indikator triwulan I belum dilaporkan ke Bupati; percepat rekapnya."),
)


def _kaban_karawang(tahun: int) -> list[str]:
    """The quantitative JPT (A.1.2 -> B.1.4): set and signed, then scheduled feedback."""
    Pengguna = get_user_model()
    kaban = Pengguna.objects.filter(username="kaban.karawang").first()
    sekda = Pengguna.objects.filter(username="sekda.karawang").first()
    if kaban is None or sekda is None:
        return []
    dibuat = []
    with lingkup_instansi(kaban.instansi_id):
        skp = SKP.objects.filter(pegawai__pengguna=kaban, tahun=tahun).first()
        if skp is None:
            return []
        if skp.status == Status.DRAF:
            skp = skp_services.skp_ajukan(pengguna=kaban, skp=skp)
        if skp.status == Status.DIAJUKAN:
            skp = skp_services.skp_tetapkan(pengguna=sekda, skp=skp, tanggal=date(tahun, 1, 22))
            skp = skp_services.skp_tandatangani(pengguna=kaban, skp=skp)
            dibuat.append(f"SKP {tahun} kaban.karawang ditetapkan dan ditandatangani")
        if skp.status not in BERLAKU or UmpanBalik.objects.filter(skp=skp).exists():
            return dibuat
        rhk = list(skp.rhk.order_by("jenis", "urutan"))
        for bulan, arah, teks in UMPAN_BALIK_KABAN:
            tentang = f"rhk-{rhk[0].pk}" if arah == "positif" else f"rhk-{rhk[-1].pk}"
            _beri(sekda, skp, bulan, "berkala", arah, teks, tentang)
        dibuat.append("Umpan balik berkala kaban.karawang (B.1.4)")
    return dibuat


RHK_ANGGOTA = (
    "Terlaksananya seleksi penghargaan aparatur berprestasi tingkat kota",
    "Meningkatnya akuntabilitas kinerja aparatur daerah",
    [("Jumlah usulan penghargaan yang diverifikasi", "40 usulan", ["kuantitas"]),
     ("Usulan diverifikasi paling lambat 10 hari kerja", "100%", ["waktu"])],
)  # fmt: skip


def _kelompok_bekasi(tahun: int) -> list[str]:
    """A member of the Kelompok Substansi Penghargaan Aparatur (anggota.bekasi): SKP set by
    the rater (atasan.bekasi, the Kepala Bidang) and signed; the group's JF ketua
    (ketua.bekasi) gives the rater a recommendation (002:416) in March."""
    from organisasi.demo_organisasi import KELOMPOK_BEKASI

    Pengguna = get_user_model()
    bekasi = Pengguna.objects.filter(username="atasan.bekasi").first()
    if bekasi is None:
        return []
    dibuat = []
    with lingkup_instansi(bekasi.instansi_id):
        tempat = {
            p.jabatan.kepala_unit: p.pegawai
            for p in Penempatan.objects.filter(
                jabatan__unit__nama=KELOMPOK_BEKASI[0].nama, selesai__isnull=True
            )
            .select_related("pegawai", "jabatan")
            .order_by("-pk")
        }
        if not tempat:
            return []
        ketua, anggota = _akun(tempat.get(True), KETUA), _akun(tempat.get(False), ANGGOTA)
        if ketua is None or anggota is None:
            return []
        pegawai = Pegawai.objects.get(pengguna=anggota)
        skp = SKP.objects.filter(pegawai=pegawai, tahun=tahun).first()
        if skp is None:
            skp = skp_services.skp_buat(
                pengguna=anggota, pegawai=pegawai, tahun=tahun, pendekatan="kuantitatif",
                tanggal=date(tahun, 1, 6),
            )  # fmt: skip
            teks, pimpinan, indikator = RHK_ANGGOTA
            penugasan = skp.identitas.get("penilai", {}).get("jabatan", "")
            rhk = skp_services.rhk_simpan(
                pengguna=anggota, skp=skp,
                data={"teks": teks, "penugasan_dari": penugasan, "rhk_pimpinan_teks": pimpinan},
            )  # fmt: skip
            for iki, target, aspek in indikator:
                skp_services.iki_simpan(
                    pengguna=anggota, rhk=rhk, data={"teks": iki, "target": target, "aspek": aspek}
                )
            for bagian, isi in DEMO_LAMPIRAN:
                skp_services.lampiran_tambah(pengguna=anggota, skp=skp, bagian=bagian, teks=isi)
            skp = skp_services.skp_ajukan(pengguna=anggota, skp=skp)
            penilai = skp.penilai.pengguna if skp.penilai_id else None
            if penilai is None:
                return [f"akun {KETUA}, {ANGGOTA}"]
            skp = skp_services.skp_tetapkan(pengguna=penilai, skp=skp, tanggal=date(tahun, 1, 21))
            skp = skp_services.skp_tandatangani(pengguna=anggota, skp=skp)
            dibuat.append(f"akun {KETUA}, {ANGGOTA}; SKP {tahun} {ANGGOTA} ditandatangani")
        if skp.status not in BERLAKU or UmpanBalik.objects.filter(skp=skp).exists():
            return dibuat
        rhk = skp.rhk.order_by("jenis", "urutan").first()
        _beri(ketua, skp, 3, "insidentil", "positif",
              "Verifikasi usulan penghargaan teliti; layak diberi tugas koordinasi tim seleksi.",
              f"rhk-{rhk.pk}")  # fmt: skip
        dibuat.append(f"Rekomendasi ketua kelompok untuk {ANGGOTA} (B.1.5)")
    return dibuat


@transaction.atomic
@lingkup_platform()
def isi_umpanbalik_demo(tahun: int = 2026) -> list[str]:
    return (
        _pegawai_bekasi(tahun)
        + _kadis_bekasi(tahun)
        + _kaban_karawang(tahun)
        + _kelompok_bekasi(tahun)
    )
