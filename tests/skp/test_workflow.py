"""The SKP workflow: pure transition table, then the services on the database."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction

from organisasi.tenancy import lingkup_instansi
from skp import services, workflow
from skp.models import SKP, IndikatorKinerjaIndividu, RencanaHasilKerja, Status
from skp.workflow import Aksi, AksiDitolak, Peran
from tests.factories import Org, akun, skp_contoh

P, N, A = frozenset({Peran.PEGAWAI}), frozenset({Peran.PENILAI}), frozenset({Peran.ATASAN})
S = frozenset({Peran.SISTEM})


@pytest.mark.parametrize(
    ("aksi", "status", "peran", "ke"),
    [
        (Aksi.AJUKAN, Status.DRAF, P, Status.DIAJUKAN),
        (Aksi.AJUKAN, Status.DIKEMBALIKAN, P, Status.DIAJUKAN),
        (Aksi.KEMBALIKAN, Status.DIAJUKAN, N, Status.DIKEMBALIKAN),
        (Aksi.TETAPKAN, Status.DIAJUKAN, N, Status.DITETAPKAN),
        (Aksi.TETAPKAN, Status.DIAJUKAN, A, Status.DITETAPKAN),
        (Aksi.TANDATANGANI, Status.DITETAPKAN, P, Status.DITANDATANGANI),
        (Aksi.ESKALASI, Status.DRAF, S, None),  # no status change: the atasan may act
        (Aksi.ESKALASI, Status.DIAJUKAN, S, None),
        (Aksi.ESKALASI, Status.DIKEMBALIKAN, S, None),
        (Aksi.GANTI, Status.DITANDATANGANI, S, Status.DIGANTI),
    ],
)
def test_transisi_yang_sah(aksi, status, peran, ke):
    assert workflow.periksa_aksi(aksi, status, peran) == ke


@pytest.mark.parametrize(
    ("aksi", "status", "peran"),
    [
        (Aksi.AJUKAN, Status.DRAF, N),  # only the employee submits
        (Aksi.TETAPKAN, Status.DIAJUKAN, P),  # the employee cannot set their own SKP
        (Aksi.TETAPKAN, Status.DRAF, N),  # nothing to set before submission
        (Aksi.SUNTING, Status.DIAJUKAN, P),  # no edits while the rater reviews
        (Aksi.SUNTING, Status.DITETAPKAN, P),
        (Aksi.TANDATANGANI, Status.DIAJUKAN, P),
        (Aksi.TANDATANGANI, Status.DITETAPKAN, N),
        (Aksi.KEMBALIKAN, Status.DITANDATANGANI, N),
        (Aksi.ATUR, Status.DITETAPKAN, N),
        (Aksi.ESKALASI, Status.DITETAPKAN, S),  # a set SKP is never escalated
        (Aksi.ESKALASI, Status.DIAJUKAN, N),  # only the deadline sweep escalates
        (Aksi.GANTI, Status.DITETAPKAN, S),  # only a signed version is superseded
        (Aksi.GANTI, Status.DITANDATANGANI, P),
    ],
)
def test_transisi_yang_ditolak(aksi, status, peran):
    with pytest.raises(AksiDitolak):
        workflow.periksa_aksi(aksi, status, peran)


def test_kelompok_status_dan_transisi_sistem():
    assert set(workflow.BELUM_DITETAPKAN) | set(workflow.STATUS_TERKUNCI) == set(Status)
    assert not set(workflow.BELUM_DITETAPKAN) & set(workflow.STATUS_TERKUNCI)
    assert set(workflow.DAPAT_DISUNTING) <= set(workflow.BELUM_DITETAPKAN)
    semua = frozenset(Peran)
    for status in Status:
        # System transitions are never offered on a page.
        assert not {Aksi.ESKALASI, Aksi.GANTI} & set(workflow.aksi_tersedia(status, semua))
    assert workflow.ATURAN[Aksi.ESKALASI].dari == frozenset(workflow.BELUM_DITETAPKAN)


def test_atasan_hanya_berperan_setelah_eskalasi():
    kw = {"pegawai_id": 3, "skp_pegawai_id": 1, "penilai_id": 2, "atasan_id": 3}
    assert workflow.peran_dalam(**kw, tereskalasi=False) == frozenset()
    assert workflow.peran_dalam(**kw, tereskalasi=True) == A


# --- services ---------------------------------------------------------------------------


@pytest.fixture
def tim(instansi_a):
    org = Org(instansi_a)
    return {
        "org": org,
        "pegawai": akun(org, org.staf, "dedi"),
        "penilai": akun(org, org.kasi, "teguh"),
        "atasan": akun(org, org.kabid, "sari"),
        "rekan": akun(org, org.kasi2, "wulan"),
    }


@pytest.mark.django_db
def test_pegawai_membuat_skp_dengan_penilai_dari_hierarki(tim):
    org = tim["org"]
    with lingkup_instansi(org.instansi):
        skp = services.skp_buat(
            pengguna=tim["pegawai"],
            pegawai=org.staf,
            tahun=2026,
            pendekatan="kuantitatif",
            tanggal=date(2026, 1, 5),
        )
        assert (skp.penilai, skp.atasan_penilai, skp.format) == (org.kasi, org.kabid, "A.1.7")
        assert skp.identitas["penilai"]["nama"] == "Teguh"
        assert skp.periode_mulai == date(2026, 1, 2)
        with pytest.raises(ValidationError, match="sudah ada"):
            services.skp_buat(
                pengguna=tim["pegawai"],
                pegawai=org.staf,
                tahun=2026,
                pendekatan="kuantitatif",
                tanggal=date(2026, 1, 6),
            )
        with pytest.raises(PermissionDenied):
            services.skp_buat(
                pengguna=tim["rekan"],
                pegawai=org.staf,
                tahun=2027,
                pendekatan="kuantitatif",
                tanggal=date(2027, 1, 6),
            )


@pytest.mark.django_db
def test_alur_lengkap_sampai_ditandatangani_dan_arsip(tim):
    org = tim["org"]
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        services.skp_ajukan(pengguna=tim["pegawai"], skp=skp)
        with pytest.raises(PermissionDenied):
            services.rhk_simpan(pengguna=tim["pegawai"], skp=skp, data={"teks": "baru"})
        with pytest.raises(PermissionDenied):
            services.skp_tetapkan(pengguna=tim["pegawai"], skp=skp)
        services.skp_kembalikan(pengguna=tim["penilai"], skp=skp, catatan="Pertajam targetnya")
        services.skp_ajukan(pengguna=tim["pegawai"], skp=skp)
        rhk = skp.rhk.get(jenis="tambahan")
        services.prioritas_atur(pengguna=tim["penilai"], rhk=rhk, jenis="utama")
        services.ekspektasi_tambah(
            pengguna=tim["penilai"], skp=skp, nilai="akuntabel", teks="Tepat waktu melapor"
        )
        services.skp_tetapkan(pengguna=tim["penilai"], skp=skp, tanggal=date(2026, 1, 20))
        services.skp_tandatangani(pengguna=tim["pegawai"], skp=skp)
        skp.refresh_from_db()
        assert skp.status == Status.DITANDATANGANI
        assert skp.ditetapkan_oleh == org.kasi and not skp.ditetapkan_sebagai_atasan
        assert list(skp.catatan_alur.values_list("ke_status", flat=True)) == [
            "diajukan",
            "dikembalikan",
            "diajukan",
            "ditetapkan",
            "ditandatangani",
        ]
        from organisasi.dokumen import arsip_terakhir

        assert arsip_terakhir(skp, "A.1.7") is not None


@pytest.mark.django_db
def test_pengajuan_ditolak_bila_aturan_wajib_dilanggar(tim):
    org = tim["org"]
    skp = skp_contoh(org, isi=False)
    with lingkup_instansi(org.instansi):
        with pytest.raises(ValidationError) as exc:
            services.skp_ajukan(pengguna=tim["pegawai"], skp=skp)
        assert any("hasil kerja utama" in m for m in exc.value.messages)
        skp.refresh_from_db()
        assert skp.status == Status.DRAF


@pytest.mark.django_db
def test_skp_yang_ditetapkan_tidak_berubah_di_basis_data(tim):
    """A set SKP never changes: not through the services, not through SQL."""
    org = tim["org"]
    skp = skp_contoh(org, status="ditetapkan")
    with lingkup_instansi(org.instansi):
        rhk = skp.rhk.first()
        with pytest.raises(PermissionDenied):
            services.rhk_simpan(pengguna=tim["pegawai"], skp=skp, rhk=rhk, data={"teks": "x"})
        for ubah in (
            lambda: RencanaHasilKerja.objects.filter(pk=rhk.pk).update(teks="diubah"),
            lambda: IndikatorKinerjaIndividu.objects.filter(rhk=rhk).delete(),
            lambda: RencanaHasilKerja.objects.create(skp=skp, teks="sisipan"),
            lambda: SKP.objects.filter(pk=skp.pk).update(pendekatan="kualitatif"),
            lambda: SKP.objects.filter(pk=skp.pk).update(status="draf"),
            lambda: SKP.objects.filter(pk=skp.pk).delete(),
        ):
            with pytest.raises(DatabaseError), transaction.atomic():
                ubah()
        rhk.refresh_from_db()
        assert rhk.teks != "diubah"


@pytest.mark.django_db
def test_perubahan_membuat_versi_baru_dan_versi_lama_tetap_terbaca(tim):
    org = tim["org"]
    skp = skp_contoh(org, status="ditandatangani")
    with lingkup_instansi(org.instansi):
        baru = services.skp_buat_perubahan(
            pengguna=tim["pegawai"], skp=skp, alasan="Penugasan baru dari Kepala Bidang"
        )
        assert (baru.versi, baru.status, baru.pendahulu_id) == (2, "draf", skp.pk)
        assert baru.rhk.count() == skp.rhk.count() == 2
        assert IndikatorKinerjaIndividu.objects.filter(skp=baru).count() == 3
        with pytest.raises(ValidationError, match="sudah dibuat"):
            services.skp_buat_perubahan(pengguna=tim["pegawai"], skp=skp, alasan="lagi")
        services.rhk_simpan(
            pengguna=tim["pegawai"],
            skp=baru,
            data={"teks": "RHK baru", "penugasan_dari": "Kepala Bidang", "rhk_pimpinan_teks": "x"},
        )
        skp.refresh_from_db()
        assert skp.status == Status.DITANDATANGANI and skp.rhk.count() == 2


@pytest.mark.django_db
def test_tugas_belajar_sesuai_pengaturan_instansi(tim):
    """Bekasi: tugas belajar only for PNS (003:237) with its own qualitative format."""
    from organisasi.pengaturan import pengaturan_instansi

    org = tim["org"]
    with lingkup_instansi(org.instansi):
        p = pengaturan_instansi()
        p.tugas_belajar, p.format_tugas_belajar = "pns", "khusus"
        p.save()
        org.staf.status, org.staf.golongan = "pppk", "IX"
        org.staf.save()
        with pytest.raises(ValidationError, match="hanya untuk PNS"):
            services.skp_buat(
                pengguna=tim["pegawai"],
                pegawai=org.staf,
                tahun=2026,
                pendekatan="kualitatif",
                tanggal=date(2026, 1, 5),
                tugas_belajar=True,
            )
        org.staf.status, org.staf.golongan = "pns", "III/a"
        org.staf.save()
        with pytest.raises(ValidationError, match="kualitatif"):
            services.skp_buat(
                pengguna=tim["pegawai"],
                pegawai=org.staf,
                tahun=2026,
                pendekatan="kuantitatif",
                tanggal=date(2026, 1, 5),
                tugas_belajar=True,
            )
        skp = services.skp_buat(
            pengguna=tim["pegawai"],
            pegawai=org.staf,
            tahun=2026,
            pendekatan="kualitatif",
            tanggal=date(2026, 1, 5),
            tugas_belajar=True,
        )
        from skp.dokumen import pdf_skp

        teks = _teks_pdf(pdf_skp(skp))
    assert "BAGI PEGAWAI TUGAS BELAJAR" in teks and "INSTANSI" in teks


def _teks_pdf(isi: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(isi)).pages).split())


@pytest.mark.django_db
def test_skp_yang_ditetapkan_diarsipkan_dan_disajikan_tanpa_berubah(client, tim):
    from django.urls import reverse

    from organisasi.dokumen import arsip_terakhir

    org = tim["org"]
    skp = skp_contoh(org, status="diajukan")
    with lingkup_instansi(org.instansi):
        services.skp_tetapkan(pengguna=tim["penilai"], skp=skp, tanggal=date(2026, 1, 20))
        arsip = arsip_terakhir(skp, "A.1.7")
        isi = bytes(arsip.isi)
    client.force_login(tim["pegawai"])
    resp = client.get(reverse("skp_pdf", args=[skp.pk]))
    assert resp.content == isi
    assert resp["X-Dokumen-SHA256"] == arsip.sha256
    assert "Tersusunnya rekayasa lalu lintas simpang padat" in _teks_pdf(resp.content)


@pytest.mark.django_db
def test_halaman_memberi_tahu_bila_penilai_berganti(client, tim):
    import time_machine
    from django.urls import reverse

    org = tim["org"]
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        from organisasi import services as org_services

        org_services.penempatan_catat(
            pengguna=tim["pegawai"],
            pegawai=org.staf,
            jabatan=org.jabatan_staf2,
            jenis="definitif",
            mulai=date(2026, 7, 1),
        )
    client.force_login(tim["pegawai"])
    with time_machine.travel(date(2026, 6, 15), tick=False):
        assert "SKP baru" not in client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    with time_machine.travel(date(2026, 7, 2), tick=False):
        isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "Pengelola Angkutan" in isi and "Lampiran Bab II huruf C" in isi
