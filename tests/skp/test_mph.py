"""MPH (A.1.5) and its cascade into subordinates' SKPs, the performance tree, the Manual
Indikator Kinerja (A.1.3) and the Workblock (A.1.4): rules, permissions and pages."""

import itertools
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisasi.models import Penempatan, Pengguna
from organisasi.tenancy import lingkup_instansi
from skp import manual_ik, mph, pohon_kinerja, workblock
from skp.models import (
    SKP,
    BarisMPH,
    IndikatorKinerjaIndividu,
    ManualIndikator,
    PeranHasil,
    PeranMPH,
    RencanaHasilKerja,
)
from skp.services import kelompok_untuk
from tests.conftest import SANDI
from tests.factories import AWAL, Org, skp_contoh

pytestmark = pytest.mark.django_db

TANGGAL = date(2026, 3, 2)
HTMX = {"HTTP_HX_REQUEST": "true"}
_SERI = itertools.count(10_000_001)


# --- Builders -------------------------------------------------------------------------------


def _akun(org, pegawai, username):
    with lingkup_instansi(org.instansi):
        akun = Pengguna.objects.create_user(
            username=username, password=SANDI, nama=pegawai.nama, instansi=org.instansi
        )
        pegawai.pengguna = akun
        pegawai.save()
    return akun


def _skp(org, pegawai, *, penilai, status="ditetapkan", rhk=(), pendekatan="kuantitatif"):
    """An SKP built directly (no workflow), with `rhk` = [(teks, [iki, ...]), ...]."""
    with lingkup_instansi(org.instansi):
        penempatan = Penempatan.objects.select_related("jabatan__unit").get(
            pegawai=pegawai, selesai__isnull=True, jenis="definitif"
        )
        skp = SKP.objects.create(
            pegawai=pegawai,
            penempatan=penempatan,
            tahun=2026,
            nomor_seri=next(_SERI),
            periode_mulai=date(2026, 1, 2),
            periode_selesai=date(2026, 12, 31),
            kelompok=kelompok_untuk(penempatan),
            pendekatan=pendekatan,
            penilai=penilai,
            penilai_kepala_daerah=penilai is None,
        )
        for n, (teks, daftar_iki) in enumerate(rhk, 1):
            r = RencanaHasilKerja.objects.create(
                skp=skp, urutan=n, teks=teks, penugasan_dari="Wali Kota"
            )
            for m, k in enumerate(daftar_iki, 1):
                IndikatorKinerjaIndividu.objects.create(rhk=r, urutan=m, teks=k, target="80%")
        if status != "draf":
            SKP.objects.filter(pk=skp.pk).update(status=status)
            skp.refresh_from_db()
    return skp


def _status(org, skp, status):
    with lingkup_instansi(org.instansi):
        SKP.objects.filter(pk=skp.pk).update(status=status)
        skp.refresh_from_db()


RHK_KADIS = "Meningkatnya kelancaran lalu lintas kota."
IKI_1 = "Indeks kelancaran lalu lintas"
IKI_2 = "Persentase simpang dengan waktu tunggu di bawah 2 menit"


@pytest.fixture
def dinas(instansi_a):
    org = Org(instansi_a)
    org.akun_kadis = _akun(org, org.kadis, "kadis")
    org.akun_kabid = _akun(org, org.kabid, "kabid")
    org.akun_kasi = _akun(org, org.kasi, "kasi")
    org.akun_staf = _akun(org, org.staf, "staf")
    org.skp_kadis = _skp(org, org.kadis, penilai=None, rhk=[(RHK_KADIS, [IKI_1, IKI_2])])
    return org


def _matriks_kadis(org):
    with lingkup_instansi(org.instansi):
        return mph.mph_buat(pengguna=org.akun_kadis, skp=org.skp_kadis, tanggal=TANGGAL)


def _isi(org, akun, matriks, pegawai, kolom, teks=(), tidak_ada_peran=False):
    with lingkup_instansi(org.instansi):
        baris = BarisMPH.objects.get(matriks=matriks, pegawai=pegawai)
        return mph.sel_simpan(
            pengguna=akun,
            matriks=matriks,
            baris=baris,
            kolom=kolom,
            teks=list(teks),
            tidak_ada_peran=tidak_ada_peran,
        )


def _turunkan(org, akun, matriks):
    with lingkup_instansi(org.instansi):
        return mph.mph_turunkan(pengguna=akun, matriks=matriks, tanggal=TANGGAL)


def _kolom(org, matriks):
    with lingkup_instansi(org.instansi):
        return mph.kolom_matriks(matriks)


def _rhk_dari_mph(org, pegawai):
    with lingkup_instansi(org.instansi):
        return list(
            RencanaHasilKerja.objects.filter(skp__pegawai=pegawai, peran_hasil__isnull=False)
            .select_related(
                "skp", "iki_pimpinan", "rhk_pimpinan__rhk_pimpinan", "rhk_pimpinan__iki_pimpinan"
            )
            .order_by("urutan")
        )


# --- MPH and cascade ----------------------------------------------------------------------


def test_sel_mph_menjadi_draf_rhk_bawahan_dengan_rhk_pimpinan(dinas):
    org = dinas
    m = _matriks_kadis(org)
    with lingkup_instansi(org.instansi):
        # Default rows: whoever the leader rates on the date (the Kabid); the Kasi of
        # another section is added as a cross-unit member (V41).
        assert [b.pegawai for b in m.baris.all()] == [org.kabid]
        mph.baris_tambah(pengguna=org.akun_kadis, matriks=m, pegawai=org.kasi2, tanggal=TANGGAL)
    iki1, iki2 = _kolom(org, m)
    assert (iki1.label, iki2.label) == ("IKI 1.1", "IKI 1.2")
    peran_kabid = ["Tersusunnya rekayasa simpang padat", "Tertatanya parkir di badan jalan"]
    _isi(org, org.akun_kadis, m, org.kabid, iki1, peran_kabid)
    _isi(org, org.akun_kadis, m, org.kabid, iki2, tidak_ada_peran=True)
    _isi(org, org.akun_kadis, m, org.kasi2, iki2, ["Tersedianya angkutan pengumpan"])

    hasil = _turunkan(org, org.akun_kadis, m)

    assert sorted(hasil.skp_dibuat) == ["Sari", "Wulan"]
    assert len(hasil.rhk_dibuat) == 3 and hasil.tidak_ada_peran == 1 and not hasil.dilewati
    rhk_kabid = _rhk_dari_mph(org, org.kabid)
    assert [r.teks for r in rhk_kabid] == [
        "Tersusunnya rekayasa simpang padat",
        "Tertatanya parkir di badan jalan",
    ]
    r = rhk_kabid[0]
    assert r.skp.status == "draf" and r.skp.penilai_id == org.kadis.pk
    assert (r.skp.tahun, r.skp.pendekatan, r.skp.kelompok) == (2026, "kuantitatif", "admin_jf")
    assert r.rhk_pimpinan.teks == RHK_KADIS and r.iki_pimpinan.teks == IKI_1
    assert r.rhk_pimpinan_teks == (
        "Meningkatnya kelancaran lalu lintas kota. Indikator Kinerja Individu: " + IKI_1
    )
    assert r.penugasan_dari == "Kepala Dinas Perhubungan" and r.jenis == "utama"
    (r_kasi2,) = _rhk_dari_mph(org, org.kasi2)
    assert r_kasi2.iki_pimpinan.teks == IKI_2 and r_kasi2.skp.penilai_id == org.kabid.pk
    with lingkup_instansi(org.instansi):
        jejak = r.history.latest("history_id")
        assert jejak.history_user_id == org.akun_kadis.pk
        assert "matriks" in jejak.history_change_reason
        assert "matriks" in r.skp.history.latest("history_id").history_change_reason


def test_tidak_ada_peran_tidak_membuat_apa_pun(dinas):
    org = dinas
    m = _matriks_kadis(org)
    for k in _kolom(org, m):
        _isi(org, org.akun_kadis, m, org.kabid, k, tidak_ada_peran=True)
    hasil = _turunkan(org, org.akun_kadis, m)
    assert hasil.tidak_ada_peran == 2 and not hasil.rhk_dibuat and not hasil.skp_dibuat
    with lingkup_instansi(org.instansi):
        assert not SKP.objects.filter(pegawai=org.kabid).exists()
        with pytest.raises(ValidationError, match="Pilih salah satu"):
            mph.sel_simpan(
                pengguna=org.akun_kadis,
                matriks=m,
                baris=m.baris.get(),
                kolom=_kolom(org, m)[0],
                teks=["Sesuatu"],
                tidak_ada_peran=True,
            )


def test_turunkan_idempoten_memperbarui_draf_dan_melaporkan_skp_terkunci(dinas):
    org = dinas
    m = _matriks_kadis(org)
    iki1, _ = _kolom(org, m)
    _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Tersusunnya rekayasa simpang padat"])
    _turunkan(org, org.akun_kadis, m)
    with lingkup_instansi(org.instansi):
        jumlah = (SKP.objects.count(), RencanaHasilKerja.objects.count())

    ulang = _turunkan(org, org.akun_kadis, m)
    assert ulang.sudah_sesuai == 1 and not ulang.rhk_dibuat and not ulang.skp_dibuat
    with lingkup_instansi(org.instansi):
        assert (SKP.objects.count(), RencanaHasilKerja.objects.count()) == jumlah

    # A changed cell updates the draft RHK...
    _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Tersusunnya rekayasa 20 simpang padat"])
    hasil = _turunkan(org, org.akun_kadis, m)
    assert len(hasil.rhk_diperbarui) == 1
    (r,) = _rhk_dari_mph(org, org.kabid)
    assert r.teks == "Tersusunnya rekayasa 20 simpang padat"

    # ...but never a set SKP: it is reported instead, and the role cannot be withdrawn.
    _status(org, r.skp, "ditetapkan")
    _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Tersusunnya rekayasa 25 simpang padat"])
    hasil = _turunkan(org, org.akun_kadis, m)
    assert not hasil.rhk_diperbarui and "berstatus ditetapkan" in hasil.dilewati[0]
    assert _rhk_dari_mph(org, org.kabid)[0].teks == "Tersusunnya rekayasa 20 simpang padat"
    with pytest.raises(ValidationError, match="sudah menjadi rencana hasil kerja"):
        _isi(org, org.akun_kadis, m, org.kabid, iki1, tidak_ada_peran=True)


def test_menarik_peran_menghapus_draf_rhk_turunannya(dinas):
    org = dinas
    m = _matriks_kadis(org)
    iki1, _ = _kolom(org, m)
    _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Peran A", "Peran B"])
    _turunkan(org, org.akun_kadis, m)
    catatan = _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Peran B"])
    assert "Peran A" in catatan[0]
    assert [r.teks for r in _rhk_dari_mph(org, org.kabid)] == ["Peran B"]


def test_skp_draf_yang_ada_dipakai_dan_skp_diajukan_dilewati(dinas):
    org = dinas
    skp_staf = skp_contoh(org)  # draft, rated by the Kasi
    skp_kasi = _skp(
        org, org.kasi, penilai=org.kabid, rhk=[("Tersusunnya desain simpang prioritas", [])]
    )
    with lingkup_instansi(org.instansi):
        m = mph.mph_buat(pengguna=org.akun_kasi, skp=skp_kasi, tanggal=TANGGAL)
        assert [b.pegawai for b in m.baris.all()] == [org.staf]
    (kolom,) = _kolom(org, m)
    assert kolom.label == "RHK 1" and kolom.iki is None
    _isi(org, org.akun_kasi, m, org.staf, kolom, ["Terhimpunnya data volume simpang"])
    hasil = _turunkan(org, org.akun_kasi, m)
    assert not hasil.skp_dibuat
    (r,) = _rhk_dari_mph(org, org.staf)
    assert r.skp_id == skp_staf.pk and r.urutan == 2  # after the SKP's own UTAMA RHK
    assert r.rhk_pimpinan_teks == "Tersusunnya desain simpang prioritas"
    assert r.iki_pimpinan is None and r.penugasan_dari == "Kepala Seksi Rekayasa"

    _status(org, skp_staf, "diajukan")
    _isi(org, org.akun_kasi, m, org.staf, kolom, ["Terhimpunnya data volume simpang", "Baru"])
    hasil = _turunkan(org, org.akun_kasi, m)
    assert not hasil.rhk_dibuat and "berstatus diajukan" in hasil.dilewati[0]


def test_matriks_tim_dua_tingkat_merangkai_ketua_ke_anggota(dinas):
    org = dinas
    m = _matriks_kadis(org)
    iki1, _ = _kolom(org, m)
    with lingkup_instansi(org.instansi):
        mph.baris_ubah_peran(pengguna=org.akun_kadis, baris=m.baris.get(), peran=PeranMPH.KETUA_TIM)
    _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Tersusunnya rencana rekayasa terpadu"])
    _turunkan(org, org.akun_kadis, m)
    (r_ketua,) = _rhk_dari_mph(org, org.kabid)
    skp_kabid = r_ketua.skp
    # The ketua's SKP is still the draft the cascade made: she divides her work already
    # (Tahap 5 comes before the SKPs are set, 000:1666-1696).
    assert skp_kabid.status == "draf"
    with lingkup_instansi(org.instansi):
        assert mph.induk_tersedia(skp_kabid) == [m]
        tim = mph.mph_buat(
            pengguna=org.akun_kabid,
            skp=skp_kabid,
            induk=m,
            nama_tim="Tim Kerja Rekayasa Terpadu",
            tanggal=TANGGAL,
        )
        assert {b.pegawai for b in tim.baris.all()} == {org.kasi, org.kasi2}
        assert {b.peran for b in tim.baris.all()} == {PeranMPH.ANGGOTA_TIM}
        mph.baris_tambah(pengguna=org.akun_kabid, matriks=tim, pegawai=org.staf, tanggal=TANGGAL)
        # The ketua stays ketua while the team matrix exists.
        with pytest.raises(ValidationError, match="tetap ketua tim"):
            mph.baris_ubah_peran(
                pengguna=org.akun_kadis, baris=m.baris.get(), peran=PeranMPH.MANDIRI
            )
    (kolom,) = _kolom(org, tim)
    assert kolom.rhk == r_ketua and kolom.iki is None  # V40: the ketua's RHK
    _isi(org, org.akun_kabid, tim, org.staf, kolom, ["Terhimpunnya data volume simpang"])
    _isi(org, org.akun_kabid, tim, org.kasi, kolom, ["Tersedianya desain simpang prioritas"])
    _turunkan(org, org.akun_kabid, tim)

    (r_anggota,) = _rhk_dari_mph(org, org.staf)
    assert r_anggota.rhk_pimpinan == r_ketua
    assert r_anggota.rhk_pimpinan.rhk_pimpinan.teks == RHK_KADIS
    assert r_anggota.rhk_pimpinan.iki_pimpinan.teks == IKI_1
    assert r_anggota.rhk_pimpinan_teks == "Tersusunnya rencana rekayasa terpadu"
    assert r_anggota.iki_pimpinan is None
    assert r_anggota.penugasan_dari == "Tim Kerja Rekayasa Terpadu"
    assert r_anggota.skp.penilai_id == org.kasi.pk  # the rater stays the rater


def test_siapa_boleh_membuka_matriks(dinas):
    org = dinas
    skp_staf = _skp(org, org.staf, penilai=org.kasi, rhk=[("Hasil", [])])
    with lingkup_instansi(org.instansi):
        with pytest.raises(PermissionDenied):
            mph.mph_buat(pengguna=org.akun_kabid, skp=org.skp_kadis, tanggal=TANGGAL)
        with pytest.raises(ValidationError, match="memimpin unit"):
            mph.mph_buat(pengguna=org.akun_staf, skp=skp_staf, tanggal=TANGGAL)
    m = _matriks_kadis(org)
    with lingkup_instansi(org.instansi):
        # Not a ketua tim in the Kadis's matrix: no team matrix under it.
        with pytest.raises(ValidationError, match="ketua tim"):
            mph.mph_buat(
                pengguna=org.akun_staf, skp=skp_staf, induk=m, nama_tim="T", tanggal=TANGGAL
            )
        with pytest.raises(PermissionDenied):
            mph.sel_simpan(
                pengguna=org.akun_kabid,
                matriks=m,
                baris=m.baris.get(),
                kolom=_kolom(org, m)[0],
                teks=["x"],
            )
    _status(org, org.skp_kadis, "diganti")  # a superseded version divides nothing any more
    with lingkup_instansi(org.instansi), pytest.raises(ValidationError, match="diganti versi baru"):
        mph.mph_turunkan(pengguna=org.akun_kadis, matriks=m, tanggal=TANGGAL)


# --- Pages ----------------------------------------------------------------------------------


def test_halaman_mph_dan_sunting_sel_htmx(dinas, client, masuk_sebagai):
    org = dinas
    masuk_sebagai(org.akun_kadis)
    url = reverse("mph", args=[org.skp_kadis.pk])
    r = client.post(url)
    assert r.status_code == 302
    with lingkup_instansi(org.instansi):
        m = org.skp_kadis.matriks.get()
        baris = m.baris.get()
    iki1, iki2 = _kolom(org, m)
    halaman = client.get(url).content.decode()
    assert "MATRIKS PEMBAGIAN PERAN DAN HASIL" in halaman and IKI_1 in halaman
    assert "Belum ada pegawai yang mengintervensi" in halaman  # V39

    url_sel = reverse("mph_sel", args=[m.pk, baris.pk, iki1.pk])
    editor = client.get(url_sel + "?ubah=1", **HTMX).content.decode()
    assert "<textarea" in editor and "<html" not in editor
    r = client.post(url_sel, {"teks": "Tersusunnya rekayasa simpang\n\nTertatanya parkir"}, **HTMX)
    isi = r.content.decode()
    assert r.status_code == 200 and "<html" not in isi
    assert "Tertatanya parkir" in isi and "belum diturunkan" in isi
    r = client.post(
        reverse("mph_sel", args=[m.pk, baris.pk, iki2.pk]), {"tidak_ada_peran": "on"}, **HTMX
    )
    assert "TIDAK ADA PERAN" in r.content.decode()

    r = client.post(reverse("mph_turunkan", args=[m.pk]), **HTMX)
    isi = r.content.decode()
    assert "Hasil penurunan" in isi and "2 rencana hasil kerja dibuat" in isi
    assert "Draf SKP baru:</strong> Sari" in isi
    assert len(_rhk_dari_mph(org, org.kabid)) == 2

    # Another employee of the agency, found by name, added by NIP.
    saran = client.get(reverse("mph_cari_pegawai", args=[m.pk]), {"nip": "wul"})
    assert f'value="{org.kasi2.nip}"' in saran.content.decode()
    r = client.post(
        reverse("mph_baris_tambah", args=[m.pk]), {"nip": org.kasi2.nip, "peran": "anggota_tim"}
    )
    assert r.status_code == 302
    with lingkup_instansi(org.instansi):
        assert m.baris.get(pegawai=org.kasi2).peran == PeranMPH.ANGGOTA_TIM
    # Without JavaScript the cell editor is a page of its own and saving redirects back.
    assert "<html" in client.get(url_sel + "?ubah=1").content.decode()
    r = client.post(url_sel, {"teks": "Tersusunnya rekayasa simpang\nTertatanya parkir"})
    assert r.status_code == 302 and r.url.endswith(f"?matriks={m.pk}")


def test_hanya_pimpinan_pemilik_mengubah_matriks(dinas, client, masuk_sebagai, admin_a):
    org = dinas
    m = _matriks_kadis(org)
    with lingkup_instansi(org.instansi):
        baris = m.baris.get()
    iki1, _ = _kolom(org, m)
    url_sel = reverse("mph_sel", args=[m.pk, baris.pk, iki1.pk])
    masuk_sebagai(admin_a)  # may read the matrix, never change it
    assert client.get(reverse("mph", args=[org.skp_kadis.pk])).status_code == 200
    assert client.post(url_sel, {"teks": "x"}, **HTMX).status_code == 403
    assert client.post(reverse("mph_turunkan", args=[m.pk])).status_code == 403
    masuk_sebagai(org.akun_staf)  # cannot even see the Kadis's SKP
    assert client.get(reverse("mph", args=[org.skp_kadis.pk])).status_code == 404
    assert client.post(url_sel, {"teks": "x"}, **HTMX).status_code == 404
    with lingkup_instansi(org.instansi):
        assert not PeranHasil.objects.exists()


# --- Performance tree -----------------------------------------------------------------------


def test_pohon_menandai_rhk_tanpa_induk_dan_rhk_pimpinan_tanpa_pengampu(
    dinas, client, masuk_sebagai, admin_a
):
    org = dinas
    m = _matriks_kadis(org)
    iki1, _ = _kolom(org, m)
    _isi(org, org.akun_kadis, m, org.kabid, iki1, ["Tersusunnya rekayasa simpang padat"])
    _turunkan(org, org.akun_kadis, m)
    skp_contoh(org)  # the staff's RHKs name no leader RHK
    with lingkup_instansi(org.instansi):
        data = pohon_kinerja.pohon_kinerja(
            [org.dinas.pk, org.bidang.pk, org.seksi.pk, org.seksi2.pk], 2026
        )
    simpul = list(data.simpul.values())
    iki = {s.iki.teks: s for s in simpul if s.jenis == "iki"}
    assert not iki[IKI_1].tanpa_pengampu and iki[IKI_2].tanpa_pengampu
    assert [a.rhk.teks for a in iki[IKI_1].anak] == ["Tersusunnya rekayasa simpang padat"]
    yatim = {s.rhk.teks for s in simpul if s.yatim}
    assert yatim == {
        "Tersusunnya rekayasa lalu lintas simpang padat",
        "Terlaksananya survei kepuasan pengguna jalan",
    }
    akar = next(s for s in simpul if s.jenis == "rhk" and s.rhk.teks == RHK_KADIS)
    assert akar in data.akar and akar.jumlah_turunan == 1 and not akar.tanpa_pengampu
    assert data.jumlah_yatim == 2 and data.jumlah_tanpa_pengampu >= 1

    masuk_sebagai(admin_a)
    isi = client.get(reverse("pohon_kinerja"), {"unit": org.dinas.pk, "tahun": 2026})
    isi = isi.content.decode()
    assert "Tanpa RHK pimpinan" in isi and "Belum diintervensi" in isi and IKI_2 in isi
    # A unit head sees his subtree; a staff member no tree at all.
    masuk_sebagai(org.akun_kasi)
    assert client.get(reverse("pohon_kinerja")).status_code == 200
    assert client.get(reverse("pohon_kinerja"), {"unit": org.dinas.pk}).status_code == 403
    masuk_sebagai(org.akun_staf)
    assert client.get(reverse("pohon_kinerja")).status_code == 403


def _staf_banyak(org, jumlah, rhk_kasi):
    with lingkup_instansi(org.instansi):
        for i in range(jumlah):
            p = org.orang(f"Staf {org.nomor:03d}")
            Penempatan.objects.create(pegawai=p, jabatan=org.jabatan_staf, mulai=AWAL)
            skp = _skp_langsung(org, p)
            for n in (1, 2):
                RencanaHasilKerja.objects.create(
                    skp=skp,
                    urutan=n,
                    teks=f"Hasil {n} staf {i}",
                    rhk_pimpinan=rhk_kasi if n == 1 else None,
                )


def _skp_langsung(org, pegawai):
    penempatan = Penempatan.objects.get(pegawai=pegawai)
    return SKP.objects.create(
        pegawai=pegawai,
        penempatan=penempatan,
        tahun=2026,
        nomor_seri=next(_SERI),
        periode_mulai=date(2026, 1, 2),
        periode_selesai=date(2026, 12, 31),
        kelompok="admin_jf",
        pendekatan="kuantitatif",
        penilai=org.kasi,
    )


def test_pohon_jumlah_kueri_tetap_untuk_10_dan_60_pegawai(dinas, client, masuk_sebagai, admin_a):
    org = dinas
    skp_kasi = _skp(org, org.kasi, penilai=org.kabid, rhk=[("Tersusunnya desain simpang", [])])
    with lingkup_instansi(org.instansi):
        rhk_kasi = RencanaHasilKerja.objects.get(skp=skp_kasi)
    masuk_sebagai(admin_a)
    url = reverse("pohon_kinerja")
    param = {"unit": org.dinas.pk, "tahun": 2026}

    def ukur():
        with CaptureQueriesContext(connection) as kueri:
            r = client.get(url, param)
        assert r.status_code == 200
        return len(kueri), r.content.decode()

    _staf_banyak(org, 10, rhk_kasi)
    sedikit, isi_sedikit = ukur()
    # 12 roots (the Kadis's and the Kasi's RHK, each staff's unlinked RHK), all shown; the Kasi's
    # RHK opened with its 10 children.
    assert isi_sedikit.count("Hasil 1 staf") == 10 and isi_sedikit.count("Hasil 2 staf") == 10
    _staf_banyak(org, 50, rhk_kasi)
    banyak, isi = ukur()
    assert banyak == sedikit
    # 62 roots (the Kadis's RHK first): the first 20 come with the page, the rest on
    # request; the page does not grow with the unit.
    assert isi.count("Hasil 2 staf") == pohon_kinerja.TAMPIL_ANAK - 1
    assert "Tampilkan 42 lainnya" in isi
    assert len(isi) < 2 * len(isi_sedikit)

    lagi = client.get(url, {**param, "simpul": "akar", "mulai": 20}, **HTMX).content.decode()
    assert lagi.count("<li>") == 20 and "Tampilkan 22 lainnya" in lagi
    with CaptureQueriesContext(connection) as kueri:
        cabang = client.get(url, {**param, "simpul": f"rhk-{rhk_kasi.pk}"}, **HTMX)
    assert len(kueri) <= banyak
    cabang = cabang.content.decode()
    assert cabang.count("Hasil 1 staf") == 20 and "Tampilkan 40 lainnya" in cabang
    assert "<html" not in cabang
    assert client.get(url, {**param, "simpul": "rhk-0"}).status_code == 404


# --- Manual Indikator Kinerja (A.1.3) -------------------------------------------------------


MANUAL = {
    "tujuan": "Mengukur kelancaran arus lalu lintas",
    "definisi": "Rasio kecepatan rata-rata terhadap kecepatan rencana",
    "formula": "kecepatan rata-rata / kecepatan rencana x 100%",
    "satuan": "Persen",
    "kualitas_kendali": "outcome",
    "sumber_data": "Survei kecepatan Dishub",
    "periode_pelaporan": "triwulanan",
}


def _skp_kadis_draf(org, **lain):
    return _skp(org, org.kadis, penilai=None, status="draf", rhk=[(RHK_KADIS, [IKI_1, IKI_2])],
                **lain)  # fmt: skip


def _iki(org, skp, teks):
    with lingkup_instansi(org.instansi):
        return IndikatorKinerjaIndividu.objects.select_related("skp").get(skp=skp, teks=teks)


def test_manual_ik_validasi_v10_v12_v13(dinas):
    org = dinas
    iki = _iki(org, _skp_kadis_draf(org), IKI_1)
    with lingkup_instansi(org.instansi):
        with pytest.raises(ValidationError) as galat:
            manual_ik.manual_simpan(
                pengguna=org.akun_kadis,
                iki=iki,
                data={**MANUAL, "kualitas_kendali": "output_sedang", "formula": "", "satuan": ""},
            )
        pesan = galat.value.message_dict
        assert "Outcome Antara, atau Output kendali rendah" in pesan["kualitas_kendali"][0]
        assert "pendekatan kuantitatif" in pesan["formula"][0]
        assert "pendekatan kuantitatif" in pesan["satuan"][0]
        with pytest.raises(ValidationError) as galat:
            manual_ik.manual_simpan(pengguna=org.akun_kadis, iki=iki, data={"tujuan": ""})
        assert set(galat.value.message_dict) >= {"tujuan", "definisi", "sumber_data"}

        manual = manual_ik.manual_simpan(pengguna=org.akun_kadis, iki=iki, data=MANUAL)
        jejak = manual.history.latest("history_id")
        assert jejak.history_user_id == org.akun_kadis.pk
        assert jejak.history_change_reason == "Manual indikator kinerja disimpan"

    # Qualitative: formula and unit are optional.
    skp_kual = _skp(org, org.kadis, penilai=None, status="draf", pendekatan="kualitatif",
                    rhk=[("Hasil kualitatif", ["Narasi indikator"])])  # fmt: skip
    with lingkup_instansi(org.instansi):
        manual_ik.manual_simpan(
            pengguna=org.akun_kadis,
            iki=_iki(org, skp_kual, "Narasi indikator"),
            data={**MANUAL, "formula": "", "satuan": ""},
        )
    # Only for JPT/PUKM SKPs.
    skp_staf = skp_contoh(org)
    with lingkup_instansi(org.instansi), pytest.raises(ValidationError, match="hanya disusun"):
        manual_ik.manual_simpan(
            pengguna=org.akun_staf,
            iki=_iki(org, skp_staf, "Laporan survei"),
            data=MANUAL,
        )


def test_manual_ik_hanya_pemilik_selama_draf(dinas, client, masuk_sebagai):
    org = dinas
    iki = _iki(org, org.skp_kadis, IKI_1)  # the Kadis's SKP is set
    with lingkup_instansi(org.instansi), pytest.raises(PermissionDenied):
        manual_ik.manual_simpan(pengguna=org.akun_kadis, iki=iki, data=MANUAL)
    skp = _skp_kadis_draf(org)
    iki = _iki(org, skp, IKI_1)
    with lingkup_instansi(org.instansi), pytest.raises(PermissionDenied):
        manual_ik.manual_simpan(pengguna=org.akun_kabid, iki=iki, data=MANUAL)

    masuk_sebagai(org.akun_kadis)
    url = reverse("manual_ik_ubah", args=[skp.pk, iki.pk])
    r = client.post(url, {**MANUAL, "kualitas_kendali": "output_tinggi"}, **HTMX)
    assert "hanya Outcome, Outcome Antara" in r.content.decode()
    r = client.post(url, MANUAL, **HTMX)
    isi = r.content.decode()
    assert "Disimpan" in isi and "☒ Outcome<" in isi and "<html" not in isi
    halaman = client.get(reverse("manual_ik", args=[skp.pk])).content.decode()
    assert "Survei kecepatan Dishub" in halaman and "KUALITAS DAN TINGKAT KENDALI" in halaman
    masuk_sebagai(org.akun_kabid)
    assert client.post(url, MANUAL).status_code == 404  # not even visible to him
    with lingkup_instansi(org.instansi):
        assert ManualIndikator.objects.count() == 1


# --- Workblock (A.1.4) ----------------------------------------------------------------------


def test_workblock_penomoran_berlanjut_dan_validasi(dinas, client, masuk_sebagai):
    org = dinas
    skp = _skp_kadis_draf(org)
    with lingkup_instansi(org.instansi):
        with pytest.raises(ValidationError) as galat:
            workblock.workblock_simpan(pengguna=org.akun_kadis, skp=skp, data={"judul": " "})
        assert set(galat.value.message_dict) == {
            "judul",
            "indikator_diintervensi",
            "pemilik_strategi",
        }
        wb = workblock.workblock_simpan(
            pengguna=org.akun_kadis,
            skp=skp,
            data={
                "judul": "Manajemen simpang terpadu",
                "indikator_diintervensi": "Indeks kelancaran 80%",
                "pemilik_strategi": "Kepala Dinas Perhubungan",
                "waktu_penyelesaian": "12 Bulan",
            },
        )
        for tipe, kategori, teks in (
            ("kegiatan", "transformatif", "Aplikasi pemantauan simpang"),
            ("kegiatan", "rutin", "Survei volume kendaraan"),
            ("kegiatan", "transformatif", "Koordinasi lintas instansi"),
            ("keluaran", "rutin", "Laporan survei"),
            ("keluaran", "transformatif", "Aplikasi berjalan"),
        ):
            workblock.butir_tambah(
                pengguna=org.akun_kadis, workblock=wb, tipe=tipe, kategori=kategori, teks=teks
            )
        nomor = workblock.bernomor(wb.butir.all())
        with pytest.raises(ValidationError):
            workblock.butir_tambah(
                pengguna=org.akun_kadis, workblock=wb, tipe="kegiatan", kategori="x", teks="y"
            )
        with pytest.raises(PermissionDenied):
            workblock.butir_tambah(
                pengguna=org.akun_kabid, workblock=wb, tipe="kegiatan", kategori="rutin", teks="y"
            )

    def daftar(tipe):
        return [(i["nomor"], i["butir"].teks) for b in nomor[tipe]["bagian"] for i in b["isi"]]

    assert daftar("kegiatan") == [
        (1, "Survei volume kendaraan"),
        (2, "Aplikasi pemantauan simpang"),
        (3, "Koordinasi lintas instansi"),
    ]
    assert daftar("keluaran") == [(1, "Laporan survei"), (2, "Aplikasi berjalan")]

    skp_staf = skp_contoh(org)
    with lingkup_instansi(org.instansi), pytest.raises(ValidationError, match="hanya disusun"):
        data = {"judul": "a", "indikator_diintervensi": "b", "pemilik_strategi": "c"}
        workblock.workblock_simpan(pengguna=org.akun_staf, skp=skp_staf, data=data)

    masuk_sebagai(org.akun_kadis)
    halaman = client.get(reverse("workblock", args=[skp.pk])).content.decode()
    assert "KELUARAN KUNCI (KEY MILESTONE)" in halaman
    assert '<li value="3">Koordinasi lintas instansi' in halaman
    r = client.post(
        reverse("workblock_butir", args=[skp.pk, wb.pk]),
        {"tipe": "keluaran", "kategori": "rutin", "teks": "Data simpang mutakhir"},
        **HTMX,
    )
    assert '<li value="2">Data simpang mutakhir' in r.content.decode()
    _status(org, skp, "diajukan")
    r = client.post(
        reverse("workblock_butir", args=[skp.pk, wb.pk]),
        {"tipe": "keluaran", "kategori": "rutin", "teks": "Terlambat"},
    )
    assert r.status_code == 403


# --- Tenancy --------------------------------------------------------------------------------


def test_instansi_lain_mendapat_404(dinas, client, masuk_sebagai, admin_b):
    org = dinas
    m = _matriks_kadis(org)
    with lingkup_instansi(org.instansi):
        baris = m.baris.get()
    iki = _iki(org, org.skp_kadis, IKI_1)
    masuk_sebagai(admin_b)
    pk = org.skp_kadis.pk
    for url in (
        reverse("mph", args=[pk]),
        reverse("mph_sel", args=[m.pk, baris.pk, iki.pk]),
        reverse("manual_ik", args=[pk]),
        reverse("manual_ik_ubah", args=[pk, iki.pk]),
        reverse("workblock", args=[pk]),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"teks": "x", "judul": "x"}).status_code == 404, url
    assert client.post(reverse("mph_turunkan", args=[m.pk])).status_code == 404
    assert client.get(reverse("pohon_kinerja"), {"unit": org.dinas.pk}).status_code == 404
    with lingkup_instansi(org.instansi):
        assert not PeranHasil.objects.exists() and not SKP.objects.filter(pegawai=org.kabid)
