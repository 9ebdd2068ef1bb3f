"""The rater's team page: each member with this period's documentation and scheduled
feedback status and links to give feedback; only the rater's own team."""

import pytest
from django.urls import reverse

from tests.umpanbalik.test_umpan_balik import _beri

pytestmark = pytest.mark.django_db


def test_tim_penilai_dengan_status_periode(client, regu):
    _beri(regu["sari"], regu["skp_kasi"], sifat="berkala")  # Sari rates Teguh and Fajar
    _beri(regu["rina"], regu["skp_fajar"])  # a peer's does not count as scheduled
    client.force_login(regu["sari"])
    resp = client.get(reverse("tim_umpan_balik"))
    teks = resp.content.decode()
    assert resp.status_code == 200 and "Maret 2026" in teks
    baris = {
        b.split("<br>")[0].strip(): b.split("</tr>")[0]
        for b in teks.split("<tr>\n        <td>")[1:]
    }
    teguh, fajar = baris["Teguh"], baris["Fajar"]
    assert "Sudah diberikan" in teguh and "1 umpan balik periode ini" in teguh
    assert "Sudah diberikan" not in fajar and "1 umpan balik periode ini" in fajar
    assert reverse("umpan_balik_beri", args=[regu["skp_fajar"].pk]) in fajar
    assert "Dedi" not in teks  # rated by Teguh, not Sari
    cari = client.get(reverse("tim_umpan_balik"), {"cari": "faj"}).content.decode()
    assert "Fajar" in cari and "Teguh" not in cari


@pytest.mark.parametrize("periode", ["abc", "0", "99", "-1"])
def test_periode_aneh_kembali_ke_periode_berjalan(client, regu, periode):
    client.force_login(regu["sari"])
    resp = client.get(reverse("tim_umpan_balik"), {"periode": periode, "page": "zz"})
    assert resp.status_code == 200 and "Maret 2026" in resp.content.decode()


def test_bukan_penilai_tim_kosong_dengan_arahan(client, regu):
    client.force_login(regu["rina"])
    teks = client.get(reverse("tim_umpan_balik")).content.decode()
    assert "Tidak ada pegawai dengan SKP berlaku yang Anda nilai" in teks
