"""Access probe: a user of agency B walks every URL of the app aimed at agency A's data.

Every named URL pattern is visited with GET and POST, with every id of A's
objects in its integer slots. B must get 403/404 (or a redirect to a login
page), never A's data, and A's data must be unchanged afterwards. A new view
is covered by this test the moment it gets a URL.
"""

import datetime
import itertools

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from organisasi.models import ArsipDokumen, HariKalender, Pengguna
from organisasi.tenancy import ModelInstansiDasar, lingkup_instansi

pytestmark = pytest.mark.django_db

RAHASIA = "RAHASIA-INSTANSI-A"
NIP_A = "197001012000031001"
# Logging out would end the probe's own session.
DILEWATI = {"keluar"}


def _pola_bernama(resolver=None, awalan=""):
    resolver = resolver or get_resolver()
    for pola in resolver.url_patterns:
        if isinstance(pola, URLResolver):
            ns = f"{awalan}{pola.namespace}:" if pola.namespace else awalan
            yield from _pola_bernama(pola, ns)
        elif isinstance(pola, URLPattern) and pola.name:
            yield f"{awalan}{pola.name}", pola


def _isi_data_a(instansi_a, admin_a, pegawai_a):
    from organisasi.models import Jabatan, Pegawai, Penempatan, UnitKerja
    from organisasi.pengaturan import pengaturan_instansi

    with lingkup_instansi(instansi_a):
        hari = HariKalender.objects.create(
            tanggal=datetime.date(2026, 9, 1), jenis="libur", keterangan=RAHASIA
        )
        arsip = ArsipDokumen.objects.create(
            jenis="A.1.7",
            judul=RAHASIA,
            objek_tipe=ContentType.objects.get_for_model(pegawai_a),
            objek_id=pegawai_a.pk,
            isi=RAHASIA.encode(),
        )
        pengaturan = pengaturan_instansi()
        pengaturan.nama_kepala_daerah = RAHASIA
        pengaturan.save()
        unit = UnitKerja.objects.create(nama=f"Dinas {RAHASIA}", jenis="dinas")
        jabatan = Jabatan.objects.create(
            nama=f"Kepala {RAHASIA}", unit=unit, jenis="jpt_pratama", kepala_unit=True
        )
        pegawai = Pegawai.objects.create(nip=NIP_A, nama=RAHASIA, status="pns", golongan="IV/c")
        penempatan = Penempatan.objects.create(
            pegawai=pegawai, jabatan=jabatan, mulai=datetime.date(2026, 1, 2)
        )
    return [
        *_isi_skp_a(instansi_a),
        hari.pk,
        arsip.pk,
        admin_a.pk,
        pegawai_a.pk,
        pengaturan.pk,
        unit.pk,
        jabatan.pk,
        pegawai.pk,
        penempatan.pk,
    ]


def _isi_skp_a(instansi_a) -> list[int]:
    """A's SKP with content, a matrix and a workblock: their ids go into every slot."""
    from skp.models import BarisMPH, MatriksPeranHasil, PeranHasil, Workblock
    from tests.factories import Org, skp_contoh
    from umpanbalik.models import BuktiUmpanBalik, UmpanBalik

    org = Org(instansi_a)
    skp = skp_contoh(org)
    pimpinan = skp_contoh(org, pegawai=org.kasi, status="ditetapkan")
    with lingkup_instansi(instansi_a):
        rhk = skp.rhk.first()
        iki = rhk.iki.first()
        matriks = MatriksPeranHasil.objects.create(skp_pimpinan=pimpinan)
        baris = BarisMPH.objects.create(matriks=matriks, pegawai=org.staf)
        peran = PeranHasil.objects.create(
            baris=baris, rhk_pimpinan=pimpinan.rhk.first(), teks=RAHASIA
        )
        wb = Workblock.objects.create(
            skp=skp, judul=RAHASIA, indikator_diintervensi=RAHASIA, pemilik_strategi="x"
        )
        ub = UmpanBalik.objects.create(
            skp=pimpinan, pegawai=org.kasi, periode=3, jenis_periode="bulanan",
            sumber="penilai", sifat="berkala", cara="langsung", nilai_berakhlak="adaptif",
            arah="positif", teks=RAHASIA, pemberi=org.kabid, nama_pemberi=RAHASIA,
        )  # fmt: skip
        bukti = BuktiUmpanBalik.objects.create(
            umpan_balik=ub, nama=RAHASIA, jenis_isi="application/pdf", isi=RAHASIA.encode()
        )
        return [
            skp.pk, pimpinan.pk, rhk.pk, iki.pk, skp.lampiran.first().pk,
            skp.ekspektasi_khusus.first().pk, matriks.pk, baris.pk, peran.pk, wb.pk,
            ub.pk, bukti.pk,
        ]  # fmt: skip


def _kandidat_url(nama, pola, id_a, label_model):
    """Every URL of the pattern with A's ids (and model labels) in its slots."""
    slot = list(pola.pattern.regex.groupindex)
    if not slot:
        yield reverse(nama), False
        return
    converters = getattr(pola.pattern, "converters", {})
    nilai = []
    for s in slot:
        conv = converters.get(s)
        if conv is not None and conv.regex == "[0-9]+":
            nilai.append([(s, i) for i in id_a])
        else:
            nilai.append([(s, v) for v in [*map(str, id_a), *label_model]])
    # Every id in every slot at once, plus every mix of the first few: enough to hit
    # each object through each slot without a combinatorial explosion.
    kombinasi = [tuple((s, v) for s, v in zip(slot, [pil[i][1] for pil in nilai], strict=True))
                 for i in range(min(len(p) for p in nilai))]  # fmt: skip
    kombinasi += list(itertools.product(*(pil[:4] for pil in nilai)))
    for k in dict.fromkeys(kombinasi):
        try:
            yield reverse(nama, kwargs=dict(k)), True
        except NoReverseMatch:
            continue


def _potret_a(instansi_a):
    from skp.models import SKP, IndikatorKinerjaIndividu, PeranHasil, RencanaHasilKerja

    with lingkup_instansi(instansi_a):
        return (
            list(HariKalender.objects.order_by("pk").values()),
            list(ArsipDokumen.objects.order_by("pk").values_list("pk", "sha256")),
            HariKalender.history.count(),
            list(Pengguna.objects.filter(instansi=instansi_a).order_by("pk").values()),
            list(SKP.objects.order_by("pk").values_list("pk", "status", "versi")),
            list(RencanaHasilKerja.objects.order_by("pk").values_list("pk", "teks", "jenis")),
            list(IndikatorKinerjaIndividu.objects.order_by("pk").values_list("pk", "teks")),
            list(PeranHasil.objects.order_by("pk").values_list("pk", "teks")),
        )


def _id_milik(instansi) -> set[int]:
    from organisasi.pengaturan import pengaturan_instansi

    with lingkup_instansi(instansi):
        pengaturan_instansi()
        milik = {
            pk
            for m in apps.get_models()
            if issubclass(m, ModelInstansiDasar)
            for pk in m.objects.values_list("pk", flat=True)
        }
        return milik | set(Pengguna.objects.values_list("pk", flat=True))


def test_pengguna_instansi_lain_tidak_mendapat_apa_pun(
    client, masuk_sebagai, instansi_a, admin_a, pegawai_a, instansi_b, admin_b
):
    id_a = _isi_data_a(instansi_a, admin_a, pegawai_a)
    # Rows B creates lazily (its settings) are made now, and any id that is also the
    # pk of one of B's own rows is left out: B may open its own object with that id.
    id_a = [i for i in id_a if i not in _id_milik(instansi_b)]
    assert id_a, "semua id A bertabrakan dengan id B; tambah data A"
    label_model = sorted(
        m._meta.label for m in apps.get_models() if issubclass(m, ModelInstansiDasar)
    ) + ["organisasi.Pengguna"]
    sebelum = _potret_a(instansi_a)
    masuk_sebagai(admin_b)

    dikunjungi = 0
    for nama, pola in _pola_bernama():
        if nama in DILEWATI:
            continue
        for url, menyasar_a in _kandidat_url(nama, pola, id_a, label_model):
            for metode in ("get", "post"):
                resp = getattr(client, metode)(
                    url, {"keterangan": "diubah", "tanggal": "2026-09-01"}
                )
                dikunjungi += 1
                isi = resp.content.decode(errors="replace")
                pesan = f"{metode.upper()} {url} -> {resp.status_code}"
                assert RAHASIA not in isi, pesan
                assert pegawai_a.nip not in isi, pesan
                assert NIP_A not in isi, pesan
                assert "Tersusunnya rekayasa lalu lintas" not in isi, pesan
                if menyasar_a and resp.status_code in (301, 302):
                    # Only a redirect to a login page (Django admin) is acceptable.
                    assert "login" in resp.url or "masuk" in resp.url, pesan
                elif menyasar_a:
                    assert resp.status_code in (403, 404, 405), pesan
                else:
                    assert resp.status_code in (200, 301, 302, 403, 404, 405), pesan
    assert dikunjungi > 10
    assert _potret_a(instansi_a) == sebelum
