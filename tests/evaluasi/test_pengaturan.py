"""The evaluation section of the agency settings: the periodic window's length (AMBIG-7)
is the agency's, checked before saving, and read by the evaluation page."""

import pytest
from django.core.exceptions import ValidationError

from evaluasi import selectors
from evaluasi.periode import Jenis, Periode
from organisasi.hari_kerja import KalenderKerja
from organisasi.pengaturan import pengaturan_instansi, pengaturan_ubah
from organisasi.tenancy import lingkup_instansi


@pytest.mark.parametrize(
    ("data", "kolom"),
    [
        ({"jendela_evaluasi_hari_kerja": 0}, "jendela_evaluasi_hari_kerja"),
        ({"jendela_evaluasi_hari_kerja": 61}, "jendela_evaluasi_hari_kerja"),
        ({"jendela_evaluasi_mulai_hari": 32}, "jendela_evaluasi_mulai_hari"),
    ],
)
def test_jangka_waktu_tidak_masuk_akal_ditolak(instansi_a, admin_a, data, kolom):
    with lingkup_instansi(instansi_a):
        with pytest.raises(ValidationError) as e:
            pengaturan_ubah(pengguna=admin_a, data=data)
        assert kolom in e.value.message_dict
        p = pengaturan_instansi()
        assert (p.jendela_evaluasi_mulai_hari, p.jendela_evaluasi_hari_kerja) == (7, 10)


def test_jangka_waktu_instansi_dipakai_halaman(instansi_a, admin_a):
    with lingkup_instansi(instansi_a):
        pengaturan_ubah(
            pengguna=admin_a,
            data={"jendela_evaluasi_mulai_hari": 0, "jendela_evaluasi_hari_kerja": 5},
        )
        j = selectors.jendela(Periode(2026, Jenis.TRIWULANAN, 3), KalenderKerja())
    # Opens on the quarter's last day; five working days after Wed 30 September 2026.
    assert (j.mulai.isoformat(), j.akhir.isoformat()) == ("2026-09-30", "2026-10-07")


def test_bagian_evaluasi_tampil_di_halaman_pengaturan(client, admin_a):
    client.force_login(admin_a)
    html = client.get("/pengaturan/").content.decode()
    assert "Evaluasi kinerja" in html
    assert "jangka waktu evaluasi" in html.lower()


def test_halaman_lama_tanpa_isian_jangka_waktu_tidak_menghapusnya(client, instansi_a, admin_a):
    from tests.organisasi.test_pengaturan import BEKASI

    client.force_login(admin_a)
    client.post("/pengaturan/", {**BEKASI, "jendela_evaluasi_hari_kerja": "12"})
    lama = {k: v for k, v in BEKASI.items() if not k.startswith("jendela_evaluasi")}
    assert client.post("/pengaturan/", {**lama, "istilah_bkd": "BKD"}).status_code == 302
    with lingkup_instansi(instansi_a):
        p = pengaturan_instansi()
    assert (p.jendela_evaluasi_hari_kerja, p.jendela_evaluasi_mulai_hari, p.istilah_bkd) == (
        12, 7, "BKD",
    )  # fmt: skip
