"""The SKP editor as people meet it (issue 8): the leader's RHK chosen from the rater's
SKP, Lampiran items edited in place, input limits and checks, the live check panel, the
sidebar and no seed line numbers in anything a user reads."""

import ast
import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisasi.tenancy import lingkup_instansi
from skp import aturan, selectors, services
from skp.models import ButirLampiran, IndikatorKinerjaIndividu, RencanaHasilKerja
from tests.factories import Org, akun, skp_contoh

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
ROOT = Path(__file__).resolve().parents[2]
RUJUKAN_BARIS = re.compile(r"\d{3}:\d+")


@pytest.fixture
def tim(instansi_a):
    org = Org(instansi_a)
    return {
        "org": org,
        "pegawai": akun(org, org.staf, "dedi"),
        "penilai": akun(org, org.kasi, "teguh"),
    }


# --- Pure rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "negatif"),
    [
        ("-5 dokumen", True),
        ("turun −3 kasus", True),
        ("target: -1", True),
        ("12 simpang", False),
        ("80 - 90%", False),
        ("80 -90%", False),
        ("2-3 hari", False),
        ("80% -90%", False),
        ("", False),
    ],
)
def test_target_negatif(target, negatif):
    assert aturan.target_negatif(target) is negatif


@pytest.mark.parametrize(
    ("target", "persen"),
    [
        ("90%", 90),
        ("87,5 persen", 87.5),
        ("1.500%", 1500),
        ("80 - 5000 %", 5000),
        ("12 dokumen", None),
    ],
)
def test_persen_terbesar(target, persen):
    assert aturan.persen_terbesar(target) == persen


def _data_skp():
    return aturan.DataSKP(kelompok="admin_jf", pendekatan="kuantitatif", rhk=[])


def test_galat_isian_iki_panjang_dan_negatif():
    galat = aturan.galat_isian_iki(
        _data_skp(), aturan.DataIKI(teks="x" * 1001, target="-2 laporan", aspek=("kuantitas",))
    )
    assert galat["teks"][0] == "V47" and "1000 karakter" in galat["teks"][1]
    assert galat["target"][0] == "V48"
    galat = aturan.galat_isian_iki(
        _data_skp(), aturan.DataIKI(teks="ok", target="y" * 301, aspek=("kuantitas",))
    )
    assert galat["target"][0] == "V47"


def test_persentase_tidak_lazim_dipertanyakan_bukan_ditolak():
    iki = aturan.DataIKI(teks="Kepuasan", target="5000%", aspek=("kualitas",))
    data = aturan.DataSKP(
        kelompok="admin_jf",
        pendekatan="kuantitatif",
        rhk=[aturan.DataRHK(1, "utama", "RHK", rhk_pimpinan_teks="x", dari_mph=True, iki=[iki])],
        lampiran={"dukungan": 1, "skema": 1, "konsekuensi": 1},
    )
    temuan = {t.kode: t for t in aturan.periksa(data)}
    assert temuan["V49"].tingkat == aturan.Tingkat.SARAN and "5000%" in temuan["V49"].pesan
    assert "target" not in aturan.galat_isian_iki(data, iki)


@pytest.mark.parametrize(
    ("bagian", "jenis", "kolom"),
    [
        ("dukungan", "positif", "jenis"),
        ("konsekuensi", "anggaran", "jenis"),
        ("skema", "sdm", "jenis"),
        ("lain", "", "bagian"),
    ],
)
def test_jenis_lampiran_harus_milik_bagiannya(bagian, jenis, kolom):
    assert kolom in aturan.galat_isian_lampiran(bagian, jenis, "isi")


def test_jenis_lampiran_yang_sesuai_diterima():
    assert aturan.galat_isian_lampiran("dukungan", "anggaran", "Dana survei") == {}
    assert aturan.galat_isian_lampiran("konsekuensi", "negatif", "Teguran") == {}
    assert aturan.galat_isian_lampiran("skema", "", "Laporan bulanan") == {}
    assert "teks" in aturan.galat_isian_lampiran("skema", "", "z" * 1001)


def test_teks_rhk_pimpinan_jpt_menyertakan_iki():
    assert aturan.teks_rhk_pimpinan("Meningkatnya layanan.", "Indeks kepuasan") == (
        "Meningkatnya layanan. Indikator Kinerja Individu: Indeks kepuasan"
    )
    assert aturan.teks_rhk_pimpinan(" Meningkatnya layanan ") == "Meningkatnya layanan"


# --- No seed line numbers where people read --------------------------------------------------


def _string_pengguna():
    """Every string literal in the apps' Python code except docstrings (comments are
    not literals): messages, help texts, choices, rule findings."""
    for berkas in sorted(ROOT.glob("*/**/*.py")):
        if any(b in berkas.parts for b in ("tests", "migrations", ".venv", "scripts")):
            continue
        pohon = ast.parse(berkas.read_text())
        dok = set()
        for n in ast.walk(pohon):
            jenis = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
            if isinstance(n, jenis) and n.body and isinstance(n.body[0], ast.Expr):
                dok.add(id(n.body[0].value))
        for n in ast.walk(pohon):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in dok:
                yield f"{berkas.relative_to(ROOT)}:{n.lineno}", n.value


def test_tidak_ada_rujukan_baris_di_string_pengguna():
    temuan = [
        f"{tempat}: {s[:80]!r}" for tempat, s in _string_pengguna() if RUJUKAN_BARIS.search(s)
    ]
    assert temuan == []


def test_tidak_ada_rujukan_baris_di_templat_yang_tampil():
    for berkas in (ROOT / "templates").rglob("*.html"):
        tanpa_komentar = re.sub(
            r"{#.*?#}|{% comment %}.*?{% endcomment %}", "", berkas.read_text(), flags=re.S
        )
        assert not RUJUKAN_BARIS.search(tanpa_komentar), berkas


def test_halaman_dan_pesan_aturan_tanpa_rujukan_baris(client, tim):
    skp = skp_contoh(tim["org"], isi=False)  # empty: most findings fire
    client.force_login(tim["pegawai"])
    for url in (reverse("skp_detail", args=[skp.pk]), reverse("skp_saya")):
        isi = client.get(url).content.decode()
        assert not RUJUKAN_BARIS.search(isi), url
    with lingkup_instansi(tim["org"].instansi):
        pesan = [t.pesan for t in selectors.temuan(skp)]
    assert pesan and not [p for p in pesan if RUJUKAN_BARIS.search(p)]


# --- The leader's RHK, chosen from the rater's SKP ---------------------------------------------


@pytest.fixture
def dua_skp(tim):
    org = tim["org"]
    skp_kasi = skp_contoh(org, pegawai=org.kasi)  # rated by the Kepala Bidang
    skp = skp_contoh(org, isi=False)
    with lingkup_instansi(org.instansi):
        rhk_kasi = selectors.rhk_berurut(skp_kasi)
    return skp, skp_kasi, rhk_kasi


def _simpan(tim, skp, **data):
    with lingkup_instansi(tim["org"].instansi):
        return services.rhk_simpan(
            pengguna=tim["pegawai"],
            skp=skp,
            data={"teks": "Tersusunnya desain simpang", "penugasan_dari": "Kepala Seksi", **data},
        )


def test_rhk_pimpinan_dipilih_dari_skp_penilai_dan_tersimpan(tim, dua_skp):
    skp, _, rhk_kasi = dua_skp
    with lingkup_instansi(tim["org"].instansi):
        pilihan = selectors.pilihan_rhk_pimpinan(skp)
    assert [p.rhk_id for p in pilihan] == [r.pk for r in rhk_kasi]
    rhk = _simpan(tim, skp, pimpinan=f"rhk:{rhk_kasi[0].pk}")
    assert rhk.rhk_pimpinan_id == rhk_kasi[0].pk and rhk.iki_pimpinan_id is None
    assert rhk.rhk_pimpinan_teks == rhk_kasi[0].teks


def test_rhk_pimpinan_dari_skp_lain_ditolak_tanpa_perubahan(tim, dua_skp):
    skp, _, _ = dua_skp
    org = tim["org"]
    lain = skp_contoh(org, pegawai=org.kasi2)  # not the rater's SKP
    with lingkup_instansi(org.instansi):
        asing = RencanaHasilKerja.objects.filter(skp=lain).first()
    with pytest.raises(ValidationError) as galat:
        _simpan(tim, skp, pimpinan=f"rhk:{asing.pk}")
    assert "pimpinan" in galat.value.message_dict
    with lingkup_instansi(org.instansi):
        assert not RencanaHasilKerja.objects.filter(skp=skp).exists()


def test_pimpinan_jpt_dipilih_per_iki(tim):
    org = tim["org"]
    skp_kabid = skp_contoh(org, pegawai=org.kabid)  # the Kepala Bidang's own SKP
    with lingkup_instansi(org.instansi):
        from skp.models import SKP

        SKP.objects.filter(pk=skp_kabid.pk).update(kelompok="jpt_pukm")
        skp_kasi = skp_contoh(org, pegawai=org.kasi, isi=False)
        pilihan = selectors.pilihan_rhk_pimpinan(skp_kasi)
        iki = [k for r in selectors.rhk_berurut(skp_kabid) for k in r.iki.order_by("urutan")]
    assert [p.iki_id for p in pilihan] == [k.pk for k in iki]
    assert pilihan[0].teks.endswith(f"Indikator Kinerja Individu: {iki[0].teks}")


def test_tanpa_skp_penilai_teks_bebas_tetap_dipakai(tim):
    skp = skp_contoh(tim["org"], isi=False)
    rhk = _simpan(tim, skp, rhk_pimpinan_teks="Meningkatnya kelancaran lalu lintas")
    assert rhk.rhk_pimpinan_id is None
    assert rhk.rhk_pimpinan_teks == "Meningkatnya kelancaran lalu lintas"


def _kode(tim, skp):
    with lingkup_instansi(tim["org"].instansi):
        return {t.kode for t in selectors.temuan(selectors.skp_lengkap(skp.pk, tim["pegawai"]))}


def test_draf_menunjukkan_rhk_pimpinan_berubah_atau_dihapus(client, tim, dua_skp):
    skp, _, rhk_kasi = dua_skp
    _simpan(tim, skp, pimpinan=f"rhk:{rhk_kasi[0].pk}")
    assert not {"V51", "V52"} & _kode(tim, skp)
    with lingkup_instansi(tim["org"].instansi):
        services.rhk_simpan(
            pengguna=tim["penilai"],
            skp=rhk_kasi[0].skp,
            rhk=rhk_kasi[0],
            data={"teks": "Meningkatnya kelancaran lalu lintas di 20 simpang"},
        )
    assert "V51" in _kode(tim, skp)
    client.force_login(tim["pegawai"])
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "Pejabat penilai telah mengubah rencana hasil kerja ini" in isi
    assert "di 20 simpang" in isi
    with lingkup_instansi(tim["org"].instansi):
        services.rhk_hapus(pengguna=tim["penilai"], rhk=rhk_kasi[0])
    assert "V52" in _kode(tim, skp)
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert "tidak lagi ada di SKP pejabat penilai" in isi


def test_rhk_pimpinan_yang_diintervensi_skp_ditetapkan_tidak_dihapus(tim, dua_skp):
    skp, _, rhk_kasi = dua_skp
    _simpan(tim, skp, pimpinan=f"rhk:{rhk_kasi[0].pk}")
    with lingkup_instansi(tim["org"].instansi):
        from skp.models import SKP

        SKP.objects.filter(pk=skp.pk).update(status="ditetapkan")
        with pytest.raises(ValidationError, match="sudah ditetapkan"):
            services.rhk_hapus(pengguna=tim["penilai"], rhk=rhk_kasi[0])
        assert RencanaHasilKerja.objects.filter(pk=rhk_kasi[0].pk).exists()


def test_form_rhk_menawarkan_rhk_penilai(client, tim, dua_skp):
    skp, _, rhk_kasi = dua_skp
    client.force_login(tim["pegawai"])
    isi = client.get(reverse("rhk_baru", args=[skp.pk]), **HX).content.decode()
    assert f'value="rhk:{rhk_kasi[0].pk}"' in isi and 'name="rhk-rhk_pimpinan_teks"' not in isi
    resp = client.post(
        reverse("rhk_baru", args=[skp.pk]),
        {"rhk-teks": "Tersusunnya desain", "rhk-pimpinan": f"rhk:{rhk_kasi[1].pk}"},
        **HX,
    )
    assert resp.status_code == 200 and "Intervensi: " + rhk_kasi[1].teks in resp.content.decode()


# --- Lampiran edited in place; limits ---------------------------------------------------------


def test_butir_lampiran_diubah_di_tempat(client, tim):
    skp = skp_contoh(tim["org"])
    with lingkup_instansi(tim["org"].instansi):
        butir = ButirLampiran.objects.get(skp=skp, bagian="dukungan")
    client.force_login(tim["pegawai"])
    url = reverse("lampiran_ubah", args=[skp.pk, butir.pk])
    isi = client.get(url, **HX).content.decode()
    assert isi.lstrip().startswith(f'<li id="butir-{butir.pk}"') and "Data volume" in isi
    p = f"butir-{butir.pk}"
    resp = client.post(
        url, {f"{p}-bagian": "dukungan", f"{p}-jenis": "positif", f"{p}-teks": "Dana"}, **HX
    )
    assert "Pilih opsi yang valid" not in resp.content.decode()  # a real option, wrong part
    assert "bukan bagian dari dukungan sumber daya" in resp.content.decode()
    with lingkup_instansi(tim["org"].instansi):
        butir.refresh_from_db()
    assert butir.teks == "Data volume kendaraan dari dinas" and butir.jenis == ""
    resp = client.post(
        url,
        {f"{p}-bagian": "dukungan", f"{p}-jenis": "anggaran", f"{p}-teks": "Dana survei"},
        **HX,
    )
    # Still in its part: the answer is the item alone (it replaces the form's <li>), as the
    # page lists it, and the check panel is told to reload.
    jawaban = resp.content.decode()
    assert "HX-Retarget" not in resp and json.loads(resp["HX-Trigger"]) == {"skp-isi-berubah": {}}
    assert jawaban.lstrip().startswith(f'<li id="butir-{butir.pk}">') and "<section" not in jawaban
    assert "Dana survei" in jawaban
    with lingkup_instansi(tim["org"].instansi):
        butir.refresh_from_db()
    assert (butir.jenis, butir.teks) == ("anggaran", "Dana survei")
    halaman = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert _li(halaman, butir.pk) == _li(jawaban, butir.pk)
    # Moved to another part: its place changes, the whole Lampiran section comes back.
    resp = client.post(
        url, {f"{p}-bagian": "skema", f"{p}-jenis": "", f"{p}-teks": "Dana survei"}, **HX
    )
    assert resp["HX-Retarget"] == "#bagian-lampiran" and "Dana survei" in resp.content.decode()
    with lingkup_instansi(tim["org"].instansi):
        butir.refresh_from_db()
    assert butir.bagian == "skema"


def _li(html: str, pk: int) -> str:
    cocok = re.search(rf'<li id="butir-{pk}">.*?</li>', html, re.S)
    assert cocok, f"butir-{pk} tidak ada"
    return " ".join(cocok.group(0).split())


def test_teks_terlalu_panjang_dan_target_negatif_ditolak_tanpa_perubahan(client, tim):
    skp = skp_contoh(tim["org"])
    with lingkup_instansi(tim["org"].instansi):
        iki = IndikatorKinerjaIndividu.objects.filter(skp=skp).first()
        rhk = iki.rhk
    target_asal, teks_asal = iki.target, rhk.teks
    client.force_login(tim["pegawai"])
    resp = client.post(reverse("rhk_ubah", args=[skp.pk, rhk.pk]), {"rhk-teks": "a" * 1001}, **HX)
    assert "Paling panjang 1000 karakter (kini 1001)" in resp.content.decode()
    url = reverse("iki_ubah", args=[skp.pk, rhk.pk, iki.pk])
    resp = client.post(
        url, {"iki-teks": iki.teks, "iki-target": "-3 simpang", "iki-aspek": ["kuantitas"]}, **HX
    )
    assert "Target tidak boleh bernilai negatif." in resp.content.decode()
    assert resp.content.decode().lstrip().startswith(f'<tr id="iki-{iki.pk}"')
    with lingkup_instansi(tim["org"].instansi):
        iki.refresh_from_db()
        rhk.refresh_from_db()
    assert iki.target == target_asal and rhk.teks == teks_asal


def test_form_ubah_iki_adalah_baris_tabel(client, tim):
    skp = skp_contoh(tim["org"])
    with lingkup_instansi(tim["org"].instansi):
        iki = IndikatorKinerjaIndividu.objects.filter(skp=skp).first()
    client.force_login(tim["pegawai"])
    isi = client.get(reverse("iki_ubah", args=[skp.pk, iki.rhk_id, iki.pk]), **HX).content.decode()
    assert isi.lstrip().startswith(f'<tr id="iki-{iki.pk}"') and '<td colspan="4">' in isi
    assert isi.rstrip().endswith("</tr>")


# --- Live check panel, sidebar, year out of range ---------------------------------------------


def test_setiap_suntingan_memuat_ulang_panel_pemeriksaan(client, tim):
    """An edit raises "skp-isi-berubah"; the panel on the page listens for it and reloads
    from its own URL, which then shows the checks of the changed SKP."""
    skp = skp_contoh(tim["org"], isi=False)
    client.force_login(tim["pegawai"])
    halaman = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    url_panel = reverse("skp_pemeriksaan", args=[skp.pk])
    assert (
        f'<div id="pemeriksaan" hx-get="{url_panel}" hx-trigger="skp-isi-berubah from:body"'
        in halaman
    )
    assert "belum memuat dukungan sumber daya" not in halaman
    resp = client.post(
        reverse("lampiran_tambah", args=[skp.pk]),
        {"lampiran-bagian": "skema", "lampiran-teks": "Laporan bulanan"},
        **HX,
    )
    assert json.loads(resp["HX-Trigger"]) == {"skp-isi-berubah": {}}
    assert 'id="pemeriksaan"' not in resp.content.decode()  # not recomputed by the save
    panel = client.get(url_panel, **HX).content.decode()
    assert panel.strip().startswith('<div id="pemeriksaan" hx-get=')
    assert "belum memuat dukungan sumber daya" in panel


def test_panel_sendiri_membaca_seperti_halaman(tim, django_assert_max_num_queries):
    """The panel's reload reads only the columns the rules read, unordered; it must give
    the rules exactly what the page gives them (a leader link that changed, a Manual IK,
    indicators numbered by urutan whatever order they were written in), in a number of
    queries that does not grow with the RHK (no deferred column read row by row)."""
    from skp.models import SKP, ManualIndikator

    org = tim["org"]
    skp_kasi = skp_contoh(org, pegawai=org.kasi)
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        rhk_kasi = RencanaHasilKerja.objects.filter(skp=skp_kasi).first()
        r1 = RencanaHasilKerja.objects.filter(skp=skp, jenis="utama").get()
        r1.rhk_pimpinan = rhk_kasi  # linked, then the leader's text changed: "berubah"
        r1.rhk_pimpinan_teks = "Teks lama RHK pimpinan"
        r1.save()
        IndikatorKinerjaIndividu.objects.create(rhk=r1, urutan=0, teks="Ditulis terakhir")
        iki = IndikatorKinerjaIndividu.objects.filter(rhk=r1, urutan=2).get()
        ManualIndikator.objects.create(
            iki=iki, skp=skp, tujuan="t", definisi="d", kualitas_kendali="outcome",
            sumber_data="s", periode_pelaporan="bulanan",
        )  # fmt: skip

        def panel(skp_pk):
            return selectors.data_aturan(SKP.objects.get(pk=skp_pk))

        halaman = selectors.data_aturan(selectors.skp_lengkap(skp.pk, tim["pegawai"]))
        with django_assert_max_num_queries(10) as sedikit:
            sendiri = panel(skp.pk)
        assert sendiri == halaman
        r = sendiri.rhk[0]
        assert r.pimpinan_berubah and [k.teks for k in r.iki][0] == "Ditulis terakhir"
        assert [k.punya_manual for k in r.iki] == [False, False, True]
        assert "Indikator 1.1" in " ".join(t.pesan for t in aturan.periksa(sendiri))

        for n in range(10):
            tambahan = RencanaHasilKerja.objects.create(
                skp=skp, jenis="tambahan", urutan=n + 2, teks=f"RHK {n}",
                rhk_pimpinan=rhk_kasi, rhk_pimpinan_teks=rhk_kasi.teks,
            )  # fmt: skip
            IndikatorKinerjaIndividu.objects.create(rhk=tambahan, urutan=1, teks="x")
        with django_assert_max_num_queries(len(sedikit.captured_queries)):
            assert len(panel(skp.pk).rhk) == 12


def test_ekspektasi_tidak_memuat_ulang_panel(client, tim):
    """The checks do not read the rater's ekspektasi khusus: adding one leaves the panel."""
    skp = skp_contoh(tim["org"], status="diajukan")
    client.force_login(tim["penilai"])
    resp = client.post(
        reverse("ekspektasi_tambah", args=[skp.pk]),
        {"ekspektasi-nilai": "berorientasi_pelayanan", "ekspektasi-teks": "Ramah"},
        **HX,
    )
    assert resp.status_code == 200 and "Ramah" in resp.content.decode()
    assert "HX-Trigger" not in resp


def _artikel(html: str, pk: int) -> str:
    cocok = re.search(rf'<article class="rhk" id="rhk-{pk}">.*?</article>', html, re.S)
    return " ".join(cocok.group(0).split())


def _baris_iki(html: str, pk: int) -> str:
    cocok = re.search(rf'<tr id="iki-{pk}">.*?</tr>', html, re.S)
    return " ".join(cocok.group(0).split())


def test_simpan_rhk_dan_iki_menjawab_bagian_yang_berubah_saja(client, tim, dua_skp):
    """Editing one RHK answers with that RHK's article (its number, indicators, own
    warning); editing one indicator with its row; both in as many queries with 2 RHK as
    with 8, and neither re-renders the other RHK."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    skp, _, rhk_kasi = dua_skp
    client.force_login(tim["pegawai"])
    pertama = _simpan(tim, skp, teks="RHK pertama")  # leader RHK not chosen: V52
    kedua = _simpan(tim, skp, teks="RHK kedua", pimpinan=f"rhk:{rhk_kasi[0].pk}")
    with lingkup_instansi(tim["org"].instansi):
        iki = services.iki_simpan(
            pengguna=tim["pegawai"],
            rhk=RencanaHasilKerja.objects.select_related("skp").get(pk=kedua.pk),
            data={"teks": "Jumlah desain", "target": "2 dokumen", "aspek": ["kuantitas"]},
        )
        services.iki_simpan(
            pengguna=tim["pegawai"],
            rhk=RencanaHasilKerja.objects.select_related("skp").get(pk=kedua.pk),
            data={"teks": "Mutu desain", "target": "100 persen", "aspek": ["kualitas"]},
        )

    def simpan():
        hasil = []
        for url, data in (
            (
                reverse("rhk_ubah", args=[skp.pk, kedua.pk]),
                {"rhk-teks": "RHK kedua diubah", "rhk-pimpinan": f"rhk:{rhk_kasi[1].pk}"},
            ),
            (
                reverse("iki_ubah", args=[skp.pk, kedua.pk, iki.pk]),
                {
                    "iki-teks": "Jumlah desain final",
                    "iki-target": "3 dokumen",
                    "iki-aspek": "kuantitas",
                },
            ),
            (
                reverse("rhk_ubah", args=[skp.pk, pertama.pk]),
                {"rhk-teks": "RHK pertama diubah", "rhk-pimpinan": ""},
            ),
        ):
            with CaptureQueriesContext(connection) as q:
                resp = client.post(url, data, **HX)
            assert json.loads(resp["HX-Trigger"]) == {"skp-isi-berubah": {}}
            hasil.append((resp.content.decode(), len(q)))
        return hasil

    (rhk2, n_rhk), (baris, n_iki), (rhk1, _) = simpan()
    assert rhk2.strip().startswith(f'<article class="rhk" id="rhk-{kedua.pk}">')
    assert '<span class="rhk__nomor">2</span>' in rhk2 and "RHK kedua diubah" in rhk2
    assert "IKI 2.1: Jumlah desain" in rhk2 and "IKI 2.2: Mutu desain" in rhk2
    assert f"rhk-{pertama.pk}" not in rhk2 and "pilih dari SKP pejabat penilai" not in rhk2
    assert baris.strip().startswith(f'<tr id="iki-{iki.pk}">') and "<article" not in baris
    assert "IKI 2.1: Jumlah desain final" in baris and "3 dokumen" in baris
    halaman = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert _artikel(halaman, pertama.pk) == _artikel(rhk1, pertama.pk)
    assert _baris_iki(halaman, iki.pk) == _baris_iki(baris, iki.pk)
    # The leader edits the RHK the second one intervenes: adding an indicator to it
    # answers with the RHK and its own warning (V51), exactly as the page shows it.
    with lingkup_instansi(tim["org"].instansi):
        RencanaHasilKerja.objects.filter(pk=rhk_kasi[1].pk).update(teks="Teks pimpinan baru")
    resp = client.post(
        reverse("iki_baru", args=[skp.pk, kedua.pk]),
        {"iki-teks": "Waktu desain", "iki-target": "12 bulan", "iki-aspek": "waktu"},
        **HX,
    )
    assert resp["HX-Retarget"] == f"#rhk-{kedua.pk}" and resp["HX-Reswap"] == "outerHTML"
    jawaban = resp.content.decode()
    assert "Kini tertulis: “Teks pimpinan baru”" in jawaban and "IKI 2.3: Waktu desain" in jawaban
    halaman = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert _artikel(halaman, kedua.pk) == _artikel(jawaban, kedua.pk)
    with lingkup_instansi(tim["org"].instansi):
        assert RencanaHasilKerja.objects.get(pk=kedua.pk).teks == "RHK kedua diubah"
        assert IndikatorKinerjaIndividu.objects.get(pk=iki.pk).target == "3 dokumen"
    for n in range(6):
        _simpan(tim, skp, teks=f"RHK tambahan {n}", pimpinan=f"rhk:{rhk_kasi[0].pk}")
    (_, n_rhk_8), (_, n_iki_8), _ = simpan()
    assert (n_rhk_8, n_iki_8) == (n_rhk, n_iki)


def test_penilai_membuka_skp_bawahan_menyorot_skp_bawahan(client, tim):
    skp = skp_contoh(tim["org"], status="diajukan")
    client.force_login(tim["penilai"])
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    aktif = re.findall(r'<a href="([^"]+)" class="aktif"', isi)
    assert aktif == [reverse("skp_bawahan")]
    isi = client.get(reverse("skp_bawahan")).content.decode()
    assert re.findall(r'<a href="([^"]+)" class="aktif"', isi) == [reverse("skp_bawahan")]


def test_tahun_di_luar_jangkauan_ditolak_dengan_pesan(client, tim):
    client.force_login(tim["penilai"])
    resp = client.get(reverse("pohon_kinerja"), {"tahun": "99999"})
    assert resp.status_code == 400
    isi = resp.content.decode()
    assert "Tahun “99999” tidak dapat ditampilkan" in isi and "Belum ada SKP tahun" not in isi


def test_catatan_pengembalian_di_atas(client, tim):
    skp = skp_contoh(tim["org"], status="dikembalikan")
    with lingkup_instansi(tim["org"].instansi):
        from skp.models import SKP

        SKP.objects.filter(pk=skp.pk).update(catatan_penilai="Target IKI 1.2 belum terukur")
    client.force_login(tim["pegawai"])
    isi = client.get(reverse("skp_detail", args=[skp.pk])).content.decode()
    assert isi.index("Target IKI 1.2 belum terukur") < isi.index("Pegawai dan pejabat penilai")
    assert "Ajukan ke pejabat penilai</strong>" in isi


def test_layanan_lampiran_menolak_jenis_bagian_lain_tanpa_perubahan(tim):
    skp = skp_contoh(tim["org"], isi=False)
    with lingkup_instansi(tim["org"].instansi):
        with pytest.raises(ValidationError) as galat:
            services.lampiran_tambah(
                pengguna=tim["pegawai"], skp=skp, bagian="konsekuensi", jenis="sdm", teks="Staf"
            )
        assert "jenis" in galat.value.message_dict
        assert not ButirLampiran.objects.filter(skp=skp).exists()


def test_tahun_skp_baru_di_luar_jangkauan_diberi_pesan(client, tim):
    client.force_login(tim["pegawai"])
    resp = client.post(reverse("skp_saya"), {"tahun": 99999, "pendekatan": "kuantitatif"})
    assert resp.status_code == 200
    assert "Tahun SKP paling akhir 2100" in resp.content.decode()


def test_v52_tidak_mengulang_v19():
    rhk = aturan.DataRHK(1, "utama", "RHK", pimpinan_belum_dipilih=True, dari_mph=True)
    data = aturan.DataSKP(kelompok="admin_jf", pendekatan="kuantitatif", rhk=[rhk])
    kode = [t.kode for t in aturan.periksa(data)]
    assert "V19" in kode and "V52" not in kode
    rhk.rhk_pimpinan_teks = "Teks lama"
    kode = [t.kode for t in aturan.periksa(data)]
    assert "V19" not in kode and "V52" in kode
    data.pendekatan = "kualitatif"
    rhk.rhk_pimpinan_teks = ""
    assert "V52" in [t.kode for t in aturan.periksa(data)]


def test_kueri_halaman_dan_bagian_tidak_tumbuh_dengan_jumlah_rhk(client, tim, dua_skp):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    skp, _, rhk_kasi = dua_skp
    client.force_login(tim["pegawai"])

    def hitung():
        jumlah = []
        for url, extra in (
            (reverse("skp_detail", args=[skp.pk]), {}),
            (reverse("lampiran_tambah", args=[skp.pk]), HX),
        ):
            with CaptureQueriesContext(connection) as q:
                if extra:
                    client.post(
                        url, {"lampiran-bagian": "skema", "lampiran-teks": "Laporan"}, **extra
                    )
                else:
                    client.get(url)
            jumlah.append(len(q))
        return jumlah

    _simpan(tim, skp, pimpinan=f"rhk:{rhk_kasi[0].pk}")
    sedikit = hitung()
    for n in range(6):
        _simpan(tim, skp, pimpinan=f"rhk:{rhk_kasi[n % 2].pk}")
    assert hitung() == sedikit
