"""Fuzz every named URL with input the database cannot store, and with overlong input.

A tenant admin who is also an employee with a draft SKP (so the SKP, MPH and
admin pages go deep) sends, to every URL pattern with her own ids in its
slots: NUL bytes and invalid UTF-8 in the query and in form fields (a clear
400), and overlong text and digits in the same places (a form error or a
refusal). None of it may end in a 500.
"""

from __future__ import annotations

import re

import pytest

from organisasi.tenancy import lingkup_instansi
from tests.factories import Org, akun, skp_contoh
from tests.test_akses_lintas_instansi import _kandidat_url, _pola_bernama

pytestmark = pytest.mark.django_db

DILEWATI = {"keluar", "admin:logout"}
# Names the views read from the query string or forms, besides those a page shows.
NAMA_UMUM = [
    "q", "cari", "tanggal", "tahun", "halaman", "page", "status", "jenis", "unit", "tab",
    "next", "aksi", "arah", "catatan", "teks", "pk", "id", "skp", "rhk", "pegawai",
]  # fmt: skip
POLA_ISIAN = re.compile(r"<(?:input|textarea|select)[^>]*\bname=\"([^\"]+)\"", re.I)

PANJANG = "x" * 20_000
ANGKA_PANJANG = "9" * 40


def _id_milik_sendiri(org, skp) -> list[int]:
    from organisasi.models import Jabatan, Pegawai, UnitKerja

    with lingkup_instansi(org.instansi):
        rhk = skp.rhk.first()
        return [
            skp.pk,
            rhk.pk,
            rhk.iki.first().pk,
            skp.lampiran.first().pk,
            skp.ekspektasi_khusus.first().pk,
            org.seksi.pk,
            org.staf.pk,
            *UnitKerja.objects.values_list("pk", flat=True)[:2],
            *Pegawai.objects.values_list("pk", flat=True)[:2],
            *Jabatan.objects.values_list("pk", flat=True)[:2],
        ]


def _nama_isian(client, url) -> list[str]:
    resp = client.get(url)
    isi = resp.content.decode(errors="replace") if resp.status_code == 200 else ""
    return sorted({*POLA_ISIAN.findall(isi), *NAMA_UMUM} - {"csrfmiddlewaretoken"})


def test_tidak_ada_url_yang_memberi_500(client, instansi_a):
    org = Org(instansi_a)
    pengguna = akun(org, org.staf, "dedi.admin", admin=True)
    skp = skp_contoh(org)
    id_sendiri = list(dict.fromkeys(_id_milik_sendiri(org, skp)))
    client.force_login(pengguna, backend="organisasi.auth.NipAtauUsernameBackend")
    client.raise_request_exception = False

    galat, ditolak, dikunjungi = [], [], 0
    for nama, pola in _pola_bernama():
        if nama in DILEWATI:
            continue
        for url, _ in list(_kandidat_url(nama, pola, id_sendiri, ["organisasi.UnitKerja"]))[:2]:
            isian = _nama_isian(client, url)
            percobaan = [
                ("get", url + "?" + "&".join(f"{n}=a%00b" for n in isian), None, 400),
                ("get", url + "?q=%FF%FEx&tahun=%C3%28", None, 400),
                ("get", url, dict.fromkeys(isian, PANJANG), None),
                ("get", url, dict.fromkeys(isian, ANGKA_PANJANG), None),
                ("post", url, dict.fromkeys(isian, "a\x00b"), 400),
                ("post", url, dict.fromkeys(isian, PANJANG), None),
                ("post", url, dict.fromkeys(isian, ANGKA_PANJANG), None),
            ]
            for metode, alamat, data, harus in percobaan:
                resp = getattr(client, metode)(alamat, data)
                dikunjungi += 1
                keterangan = f"{metode.upper()} {alamat[:120]} -> {resp.status_code}"
                if resp.status_code >= 500:
                    galat.append(keterangan)
                elif harus is not None and resp.status_code != harus:
                    ditolak.append(keterangan)
                elif harus == 400:
                    assert "tidak dapat disimpan" in resp.content.decode() or (
                        "UTF-8" in resp.content.decode()
                    ), keterangan
    assert dikunjungi > 300
    assert not galat, "\n".join(galat)
    assert not ditolak, "\n".join(ditolak)
