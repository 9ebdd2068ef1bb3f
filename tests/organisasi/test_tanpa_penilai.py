"""The set-based "pegawai tanpa penilai" (admin home page, employee list filter) gives
exactly the per-employee rule engine's answer (`selectors.penilai_pegawai` ->
`penilai.tentukan`) over a varied organisation: unplaced, ended and future placements,
Plt and Plh under both agency policies, vacant head posts, a unit without a head post, a
chain deeper than the engine walks, a head-post holder at the bottom of it, overlapping
placements, delegations, and an exemption that depends on the employee's status."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from organisasi import selectors
from organisasi.models import (
    DelegasiPenilai,
    Jabatan,
    Pegawai,
    Penempatan,
    PengaturanInstansi,
    UnitKerja,
)
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tenancy import lingkup_instansi
from tests.factories import AWAL, Org, acuan_tersimpan

pytestmark = pytest.mark.django_db

HARI = date(2026, 3, 2)


def _menurut_mesin(tanggal) -> set[str]:
    """The reference: the rule engine, one employee at a time."""
    semua = list(Pegawai.objects.filter(aktif=True))
    hasil = selectors.penilai_pegawai(semua, tanggal)
    return {p.nama for p in semua if hasil[p.pk] is None or hasil[p.pk].penilai.pejabat is None}


def _menurut_himpunan(tanggal) -> set[str]:
    return set(
        selectors.pegawai_tanpa_penilai(Pegawai.objects.filter(aktif=True), tanggal).values_list(
            "nama", flat=True
        )
    )


@pytest.fixture
def organisasi(instansi_a):
    """Org's Dinas -> Bidang -> Seksi plus every case the rule engine distinguishes."""
    org = Org(instansi_a)
    with lingkup_instansi(instansi_a):
        jadi = {}

        def tempat(nama, jabatan, mulai=AWAL, **kw):
            pegawai = jadi.get(nama) or org.orang(nama)
            jadi[nama] = pegawai
            Penempatan.objects.create(pegawai=pegawai, jabatan=jabatan, mulai=mulai, **kw)
            return pegawai

        org.orang("Yatim")  # never placed
        tempat("Lalu", org.jabatan_staf, selesai=date(2026, 2, 1))  # placement ended
        # A transfer dated in the future: nothing in force yet today.
        tempat("Nanti", org.jabatan_staf2, mulai=HARI + timedelta(days=7))
        # Moving next week: today's placement still counts.
        tempat("Pindah", org.jabatan_staf, selesai=HARI + timedelta(days=6))
        tempat("Pindah", org.jabatan_staf2, mulai=HARI + timedelta(days=7))
        # Seksi Angkutan's head leaves; Plt. (not given the power to rate) and staff.
        Penempatan.objects.filter(pegawai=org.kasi2).update(selesai=date(2026, 2, 27))
        tempat("Plt Angkutan", org.kasi2.jabatan_kepala, jenis="plt")
        tempat("Staf Angkutan", org.jabatan_staf2)
        # A Seksi whose head post is held by a Plh. who may rate.
        seksi3 = UnitKerja.objects.create(nama="Seksi Parkir", jenis="seksi", induk=org.bidang)
        kepala3 = Jabatan.objects.create(
            nama="Kepala Seksi Parkir", unit=seksi3, jenis="pengawas", kepala_unit=True
        )
        tempat("Plh Parkir", kepala3, jenis="plh", berwenang_menilai=True)
        tempat(
            "Staf Parkir",
            Jabatan.objects.create(nama="Juru Parkir", unit=seksi3, jenis="pelaksana"),
        )
        # A chain of 24 units below the Bidang, each with a vacant head post, staff at
        # several depths. In Subunit 20 a Plt. heads the unit and holds his own post there.
        induk, rantai = org.bidang, []
        for i in range(1, 25):
            unit = UnitKerja.objects.create(nama=f"Subunit {i}", jenis="seksi", induk=induk)
            kepala = Jabatan.objects.create(
                nama=f"Kepala Subunit {i}", unit=unit, jenis="pengawas", kepala_unit=True
            )
            staf = Jabatan.objects.create(nama=f"Staf Subunit {i}", unit=unit, jenis="pelaksana")
            rantai.append((unit, kepala, staf))
            induk = unit
        for i in (2, 10, 12, 13, 16, 24):
            tempat(f"Dalam {i}", rantai[i - 1][2])
        tempat("Plt Subunit 20", rantai[19][1], jenis="plt")
        tempat("Plt Subunit 20", rantai[19][2])
        tempat("Rekan Subunit 20", rantai[19][2])
        tempat("Rekan Subunit 20 PPPK", rantai[19][2])
        Pegawai.objects.filter(nama="Rekan Subunit 20 PPPK").update(status="pppk", golongan="IX")
        # Deep and delegated: the delegation names a rater whatever the chain.
        tempat("Dalam 16 Delegasi", rantai[15][2])
        DelegasiPenilai.objects.create(
            pegawai=jadi["Dalam 16 Delegasi"], penilai=org.kabid, mulai=AWAL, dasar="ND 1/2026"
        )
        # Deep and delegated, but the delegation has ended.
        tempat("Delegasi Usai", rantai[15][2])
        DelegasiPenilai.objects.create(
            pegawai=jadi["Delegasi Usai"],
            penilai=org.kabid,
            mulai=AWAL,
            selesai=date(2026, 2, 1),
            dasar="ND 2/2026",
        )
        # Overlapping definitive placements: the latest start counts.
        tempat("Ganda Dangkal", rantai[15][2])
        tempat("Ganda Dangkal", org.jabatan_staf, mulai=date(2026, 2, 1))
        tempat("Ganda Dalam", org.jabatan_staf)
        tempat("Ganda Dalam", rantai[15][2], mulai=date(2026, 2, 1))
        # A unit with no head post at all, directly under the Dinas.
        tanpa_kepala = UnitKerja.objects.create(nama="Pokja", jenis="seksi", induk=org.dinas)
        tempat(
            "Staf Pokja",
            Jabatan.objects.create(nama="Analis Pokja", unit=tanpa_kepala, jenis="pelaksana"),
        )
        # The Kepala Bidang post falls vacant: the Seksi heads go to the Kadis.
        Penempatan.objects.filter(pegawai=org.kabid).update(selesai=date(2026, 2, 27))
        # Inactive employees are not listed, whatever their placement.
        org.orang("Pensiun")
        Pegawai.objects.filter(nama="Pensiun").update(aktif=False)
    return org


def _atur(instansi, **nilai):
    with lingkup_instansi(instansi):
        pengaturan_instansi()
        PengaturanInstansi.objects.update(**nilai)


@pytest.mark.parametrize("plt_plh", ["otomatis", "delegasi"])
@pytest.mark.parametrize("tanggal", [HARI, date(2026, 1, 15), HARI + timedelta(days=10)])
def test_sama_dengan_mesin_aturan_per_pegawai(organisasi, plt_plh, tanggal):
    _atur(organisasi.instansi, plt_plh_menilai=plt_plh)
    with lingkup_instansi(organisasi.instansi):
        acuan = _menurut_mesin(tanggal)
        assert _menurut_himpunan(tanggal) == acuan
    # Not vacuous: both kinds of answer occur in every configuration.
    assert {"Yatim", "Nanti" if tanggal <= HARI else "Lalu", "Dalam 16", "Plt Subunit 20"} <= acuan
    assert not {"Dedi", "Dalam 2", "Dalam 16 Delegasi", "Staf Pokja", "Pensiun"} & acuan
    assert ("Dalam 24" in acuan) == (plt_plh == "delegasi")


def test_kasus_yang_membedakan(organisasi):
    """The cases the grouping must not blur, spelled out on one date."""
    _atur(organisasi.instansi, plt_plh_menilai="otomatis")
    with lingkup_instansi(organisasi.instansi):
        acuan = _menurut_mesin(HARI)
        assert _menurut_himpunan(HARI) == acuan
    assert {"Nanti", "Delegasi Usai", "Ganda Dalam", "Dalam 13", "Dalam 16"} <= acuan
    assert not {"Pindah", "Ganda Dangkal", "Dalam 16 Delegasi", "Staf Parkir"} & acuan
    # Subunit 24 reaches the Plt. of Subunit 20; in Subunit 20 the Plt. rates his
    # colleagues, but nobody above him is reached within the engine's depth: same post,
    # different answer for the holder.
    assert not {"Dalam 24", "Rekan Subunit 20", "Rekan Subunit 20 PPPK"} & acuan
    assert "Plt Subunit 20" in acuan


def test_pengecualian_status_pppk(organisasi):
    """A JF/pelaksana heading a unit rates only PPPK teachers where the agency requires
    managerial raters: the status splits one post into two answers."""
    with lingkup_instansi(organisasi.instansi):
        Jabatan.objects.filter(nama="Kepala Subunit 20").update(jenis="pelaksana")
        Penempatan.objects.filter(jabatan__nama="Kepala Subunit 20").update(berwenang_menilai=True)
    _atur(
        organisasi.instansi,
        plt_plh_menilai="otomatis",
        penilai_jf_wajib_manajerial=True,
        pengecualian_manajerial=[{"status": "pppk", "pola_jabatan": ""}],
    )
    with lingkup_instansi(organisasi.instansi):
        acuan = _menurut_mesin(HARI)
        assert _menurut_himpunan(HARI) == acuan
    assert "Rekan Subunit 20 PPPK" not in acuan and "Rekan Subunit 20" in acuan


def test_kueri_tetap_berapa_pun_pegawainya(organisasi, django_assert_max_num_queries):
    _atur(organisasi.instansi, plt_plh_menilai="otomatis")
    acuan_tersimpan(organisasi.instansi)
    with lingkup_instansi(organisasi.instansi):
        # The organisation snapshot (5), the distinct combinations (1), the list (1).
        with django_assert_max_num_queries(7) as awal:
            _menurut_himpunan(HARI)
        jabatan = Jabatan.objects.get(nama="Staf Subunit 16")
        for i in range(20):
            p = organisasi.orang(f"Tambahan {i}")
            Penempatan.objects.create(pegawai=p, jabatan=jabatan, mulai=AWAL)
            organisasi.orang(f"Tanpa tempat {i}")
        with django_assert_max_num_queries(len(awal)) as akhir:
            hasil = _menurut_himpunan(HARI)
    assert {"Tambahan 19", "Tanpa tempat 19"} <= hasil
    assert len(akhir) == len(awal)
