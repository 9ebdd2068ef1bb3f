"""The rater's guest link: single-use, expiring, for one employee; the token is never
stored (only its SHA-256); the public form finds its one invitation through a one-row
policy, and the application role reads no other invitation without its token."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from organisasi.models import Pemberitahuan
from organisasi.tenancy import lingkup_instansi
from umpanbalik import services
from umpanbalik.models import UmpanBalik, UndanganUmpanBalik

pytestmark = pytest.mark.django_db


def _undang(regu, skp=None, pengguna=None, **lain):
    skp = skp or regu["skp"]
    isian = {"sumber": "pihak_lain", "nama_tamu": "Ir. Bambang (Konsultan ATCS)", **lain}
    with lingkup_instansi(skp.instansi_id):
        return services.undangan_buat(pengguna=pengguna or regu["teguh"], skp=skp, **isian)


def _isian(skp, **lain):
    with lingkup_instansi(skp.instansi_id):
        rhk = skp.rhk.filter(jenis="utama").order_by("urutan").first()
    return {
        "tentang": f"rhk-{rhk.pk}",
        "cara": "tidak_langsung",
        "arah": "positif",
        "teks": "Desain simpang sesuai kaidah ATCS.",
        **lain,
    }


def _jumlah(instansi):
    with lingkup_instansi(instansi):
        return UmpanBalik.objects.count()


def test_tautan_dipakai_sekali_untuk_satu_pegawai(client, regu):
    undangan, token = _undang(regu)
    url = reverse("umpan_balik_tamu", args=[token])
    halaman = client.get(url)  # no login
    teks = halaman.content.decode()
    assert halaman.status_code == 200 and "Dedi" in teks and "satu kali" in teks
    resp = client.post(url, _isian(regu["skp"]))
    assert resp.status_code == 200 and "Terima kasih" in resp.content.decode()
    with lingkup_instansi(regu["org"].instansi):
        ub = UmpanBalik.objects.get()
        undangan.refresh_from_db()
        kabar = set(
            Pemberitahuan.objects.filter(kunci__startswith="umpanbalik-").values_list(
                "penerima_id", flat=True
            )
        )
    assert (ub.skp_id, ub.sumber, ub.sifat, ub.pemberi_id) == (
        regu["skp"].pk,
        "pihak_lain",
        "insidentil",
        None,
    )
    assert ub.nama_pemberi == "Ir. Bambang (Konsultan ATCS)" and ub.undangan_id == undangan.pk
    assert undangan.dipakai_pada is not None
    assert kabar == {regu["org"].staf.pk, regu["org"].kasi.pk}  # employee and the inviter

    # Second use: refused with a clear message, nothing added.
    for kedua in (client.get(url), client.post(url, _isian(regu["skp"]))):
        assert kedua.status_code == 410
        assert "sudah dipakai" in kedua.content.decode()
    assert _jumlah(regu["org"].instansi) == 1


def test_hanya_pegawai_yang_diundang(client, regu):
    """The form offers only the invited SKP's RHK; another SKP's RHK is refused."""
    _, token = _undang(regu)
    url = reverse("umpan_balik_tamu", args=[token])
    lain = _isian(regu["skp_kasi"])
    assert lain["tentang"] not in client.get(url).content.decode()
    resp = client.post(url, lain)
    assert resp.status_code == 422
    assert _jumlah(regu["org"].instansi) == 0
    with lingkup_instansi(regu["org"].instansi):
        assert UndanganUmpanBalik.objects.get().dipakai_pada is None  # still usable


def test_kedaluwarsa(client, regu):
    _, token = _undang(regu, berlaku_hari=3)
    url = reverse("umpan_balik_tamu", args=[token])
    with time_machine.travel(datetime(2026, 3, 19, 9, 1, tzinfo=ZoneInfo("Asia/Jakarta"))):
        resp = client.post(url, _isian(regu["skp"]))
    assert resp.status_code == 410 and "sudah habis" in resp.content.decode()
    assert _jumlah(regu["org"].instansi) == 0
    with time_machine.travel(datetime(2026, 3, 19, 8, 59, tzinfo=ZoneInfo("Asia/Jakarta"))):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("token", ["salah", "x" * 43, "a" * 300])
def test_token_salah(client, regu, token):
    _undang(regu)
    resp = client.get(reverse("umpan_balik_tamu", args=[token]))
    assert resp.status_code == 404 and "tidak dikenali" in resp.content.decode()


def test_token_tidak_disimpan(regu):
    undangan, token = _undang(regu)
    with lingkup_instansi(regu["org"].instansi):
        baris = UndanganUmpanBalik.objects.values().get(pk=undangan.pk)
        riwayat = list(undangan.history.values())
    semua = repr(baris) + repr(riwayat)
    assert token not in semua
    assert baris["token_hash"] == services.hash_token(token) != token


def test_hanya_pejabat_penilai_yang_mengundang(regu):
    for siapa in ("dedi", "rina", "sari"):
        with pytest.raises(PermissionDenied):
            _undang(regu, pengguna=regu[siapa])
    with pytest.raises(ValidationError):
        _undang(regu, sumber="rekan")
    with pytest.raises(ValidationError):
        _undang(regu, nama_tamu=" ")
    with lingkup_instansi(regu["org"].instansi):
        assert UndanganUmpanBalik.objects.count() == 0


def test_halaman_penilai_menampilkan_tautan_sekali(client, regu):
    client.force_login(regu["teguh"])
    resp = client.post(
        reverse("undangan_umpan_balik", args=[regu["skp"].pk]),
        {"sumber": "pimpinan_lain", "nama_tamu": "Kepala Dishub Provinsi", "berlaku_hari": 7},
    )
    assert resp.status_code == 302
    pertama = client.get(resp["Location"]).content.decode()
    assert "/pelaksanaan/umpan-balik/tamu/" in pertama
    kedua = client.get(resp["Location"]).content.decode()
    assert "/pelaksanaan/umpan-balik/tamu/" not in kedua
    client.force_login(regu["dedi"])  # the employee cannot invite
    resp = client.post(
        reverse("undangan_umpan_balik", args=[regu["skp"].pk]),
        {"sumber": "pihak_lain", "nama_tamu": "Teman", "berlaku_hari": 7},
    )
    assert resp.status_code == 403
    with lingkup_instansi(regu["org"].instansi):
        assert UndanganUmpanBalik.objects.count() == 1


def test_peran_aplikasi_tidak_membaca_undangan_tanpa_token(regu, instansi_b):
    """Outside any scope the app role sees no invitation; with one token's hash exactly
    that row; another agency's invitation never through the tenant policy."""
    undangan, token = _undang(regu)
    _undang(regu, nama_tamu="Lain")
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM umpanbalik_undanganumpanbalik")
        assert cur.fetchone()[0] == 0
    assert services._baca_undangan(token) == (undangan.pk, regu["org"].instansi.pk)
    with lingkup_instansi(instansi_b), connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM umpanbalik_undanganumpanbalik")
        assert cur.fetchone()[0] == 0
        cur.execute(
            "SELECT set_config('app.undangan_token', %s, true)", [services.hash_token(token)]
        )
        cur.execute("SELECT id FROM umpanbalik_undanganumpanbalik")
        assert cur.fetchall() == [(undangan.pk,)]
        # Read only: the token does not open the row for writing.
        cur.execute("UPDATE umpanbalik_undanganumpanbalik SET nama_tamu = 'x'")
        assert cur.rowcount == 0


def test_kiriman_kedua_menemukan_undangan_terpakai(regu):
    """The invitation is claimed in the entry's transaction: a second submission finds it used."""
    _, token = _undang(regu)
    services.umpan_balik_tamu(token=token, **_isian(regu["skp"]))
    with pytest.raises(ValidationError) as galat:
        services.umpan_balik_tamu(token=token, **_isian(regu["skp"]))
    assert "sudah dipakai" in str(galat.value)
    assert _jumlah(regu["org"].instansi) == 1


def test_masa_berlaku_dibatasi(regu):
    with pytest.raises(ValidationError):
        _undang(regu, berlaku_hari=0)
    with pytest.raises(ValidationError):
        _undang(regu, berlaku_hari=61)
    undangan, _ = _undang(regu, berlaku_hari=1)
    assert undangan.kedaluwarsa - undangan.dibuat_pada <= timedelta(days=1, seconds=1)
