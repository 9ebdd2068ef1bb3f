"""Two raters (a Plt and the definitive one) saving the same evaluation at the same
moment, each on its own database connection: one save wins, the other is refused with a
clear message, and nothing of the winner's is overwritten."""

import threading

import pytest
from django.db import connection

from evaluasi import selectors, services
from evaluasi.models import EvaluasiKinerja
from evaluasi.periode import Jenis, Periode
from organisasi.tenancy import lingkup_instansi

pytestmark = pytest.mark.django_db(transaction=True)
JANUARI = Periode(2026, Jenis.BULANAN, 1)


@pytest.mark.parametrize("dikunci", ["layanan", "pemanggil"])
def test_dua_simpan_serentak_satu_ditolak(tim, dikunci):
    """`layanan`: the service locks the row; `pemanggil`: as the row endpoint saves, the
    access read locks it (selectors.evaluasi_tercatat) and the service is handed it."""
    with lingkup_instansi(tim.instansi):
        services.evaluasi_nilai(
            pengguna=tim.akun_kasi, skp=tim.skp, periode=JANUARI, versi=0,
            rating_hasil_kerja="sesuai", rating_perilaku_kerja="sesuai",
        )  # fmt: skip
    mulai = threading.Barrier(2)
    hasil: dict[str, object] = {}

    def simpan(nama, hk, pk):
        try:
            mulai.wait()
            with lingkup_instansi(tim.instansi):  # one transaction, as a request
                terkunci = None
                if dikunci == "pemanggil":
                    terkunci = selectors.evaluasi_tercatat(
                        tim.kasi.pk, tim.skp.pk, JANUARI, kunci=True
                    )
                    assert terkunci is not None
                e = services.evaluasi_nilai(
                    pengguna=tim.akun_kasi, skp=tim.skp, periode=JANUARI, versi=1,
                    rating_hasil_kerja=hk, rating_perilaku_kerja=pk, catatan=nama,
                    terkunci=terkunci,
                )  # fmt: skip
            hasil[nama] = e.predikat
        except services.VersiUsang as exc:
            hasil[nama] = exc
        finally:
            connection.close()

    utas = [
        threading.Thread(target=simpan, args=("plt", "diatas", "diatas")),
        threading.Thread(target=simpan, args=("definitif", "dibawah", "dibawah")),
    ]
    for u in utas:
        u.start()
    for u in utas:
        u.join(30)
    ditolak = [n for n, h in hasil.items() if isinstance(h, services.VersiUsang)]
    menang = [n for n, h in hasil.items() if not isinstance(h, services.VersiUsang)]
    assert len(ditolak) == 1 and len(menang) == 1, hasil
    assert "Isian Anda belum disimpan" in hasil[ditolak[0]].messages[0]
    with lingkup_instansi(tim.instansi):
        e = EvaluasiKinerja.objects.get()
    assert (e.versi, e.catatan) == (2, menang[0])
    assert e.predikat == {"plt": "sangat_baik", "definitif": "sangat_kurang"}[menang[0]]
