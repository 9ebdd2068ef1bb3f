"""The SKP demo data on top of the organisation demo, and the `demo` command composing both."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from organisasi.demo import buat_demo
from organisasi.models import Instansi, Pengguna
from organisasi.tenancy import lingkup_instansi
from skp import selectors
from skp.demo import isi_skp_demo
from skp.models import SKP

pytestmark = pytest.mark.django_db


def test_demo_skp_diajukan_ke_penilai_bekasi():
    buat_demo()
    dibuat = isi_skp_demo()
    assert [d.split(" (")[0] for d in dibuat] == [
        "SKP 2026 penilai.bekasi", "SKP 2026 pegawai.bekasi",
        "SKP 2026 penilai.karawang", "SKP 2026 pegawai.karawang",
    ]  # fmt: skip
    assert isi_skp_demo() == []
    bekasi = Instansi.objects.get(slug="kota-bekasi-demo")
    with lingkup_instansi(bekasi):
        skp = SKP.objects.get(pegawai__pengguna__username="pegawai.bekasi")
        assert skp.status == "diajukan"
        assert skp.penilai.pengguna.username == "penilai.bekasi"
        # Column (2) links the rater's real RHK, not free text: no "Tanpa RHK pimpinan".
        skp_penilai = SKP.objects.get(pegawai=skp.penilai)
        for rhk in skp.rhk.select_related("rhk_pimpinan"):
            assert rhk.rhk_pimpinan.skp_id == skp_penilai.pk
            assert rhk.rhk_pimpinan_teks == rhk.rhk_pimpinan.teks
        assert "pimpinan" not in " ".join(t.kode for t in selectors.temuan(skp))


def test_pohon_kinerja_demo_menampilkan_cascade(client):
    buat_demo()
    isi_skp_demo()
    bekasi = Instansi.objects.get(slug="kota-bekasi-demo")
    with lingkup_instansi(bekasi):
        admin = Pengguna.objects.get(username="admin.bekasi")
        skp = SKP.objects.get(pegawai__pengguna__username="pegawai.bekasi")
        unit = skp.penempatan.jabatan.unit
    client.force_login(admin)
    html = client.get(
        reverse("pohon_kinerja"), {"tahun": 2026, "unit": unit.induk_id or unit.pk}
    ).content.decode()
    assert "Meningkatnya kualitas pengelolaan kinerja aparatur" in html
    # The employee's RHK hangs under the rater's, not among those without a leader RHK.
    baris = [b for b in html.splitlines() if "Tersusunnya rekomendasi hasil penilaian" in b]
    assert baris and all("Tanpa RHK pimpinan" not in b for b in baris)
    posisi_penilai = html.index("Meningkatnya kualitas pengelolaan kinerja aparatur")
    assert html.index("Tersusunnya rekomendasi hasil penilaian") > posisi_penilai


def test_perintah_demo_menyusun_semua_aplikasi_dan_idempoten():
    keluaran = StringIO()
    call_command("demo", stdout=keluaran)
    teks = keluaran.getvalue()
    assert "Dibuat: instansi Kota Bekasi (demo)" in teks
    assert "Dibuat: SKP 2026 pegawai.bekasi" in teks
    assert "penilai.bekasi" in teks  # the login table
    keluaran = StringIO()
    call_command("demo", stdout=keluaran)
    assert "Data demo sudah lengkap; tidak ada yang diubah." in keluaran.getvalue()
