"""The shared deadline sweep against the database (organisasi.tenggat.sapu): a timer kind
counted in working days from each object's own event (the shape evaluasi and keberatan
will use), exactly once per step, a holiday added after the timer started, and a constant
number of queries per batch. The SKP deadline on it: tests/skp/test_pengingat.py.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisasi import services_kalender, tenggat
from organisasi.models import LangkahTenggat, Pemberitahuan, Penempatan
from organisasi.pemberitahuan import Kabar
from organisasi.tenancy import lingkup_instansi
from organisasi.tenggat import JenisTenggat, Rombongan
from scripts.bench_tenggat import HARI_ESKALASI, HARI_PENGINGAT, semai
from tests.factories import Org, akun

pytestmark = pytest.mark.django_db

WAKTU = datetime(2026, 3, 1, tzinfo=UTC)
KODE = "uji.tindak_lanjut"


def _rombongan(hari_ini, kalender):
    """One rombongan per distinct event date: 5 working days from the placement's start."""
    tanggal = Penempatan.objects.order_by().values_list("mulai", flat=True).distinct()
    return [
        Rombongan(
            putaran="",
            peristiwa="dimulainya penempatan",
            mulai=d,
            hari_kerja=5,
            pengingat=(2,),
            objek=Penempatan.objects.filter(mulai=d),
        )
        for d in tanggal
    ]


def _ingatkan(ids, rombongan, jt, n, hari_ini, kalender):
    pegawai = dict(Penempatan.objects.filter(pk__in=ids).values_list("pk", "pegawai_id"))
    return [
        Kabar(pegawai[pk], f"uji-{pk}-{n}", f"Sisa {n} hari kerja", jt.penjelasan, "/")
        for pk in ids
    ]


def _eskalasi(ids, rombongan, jt, waktu):
    pegawai = dict(Penempatan.objects.filter(pk__in=ids).values_list("pk", "pegawai_id"))
    return [Kabar(pegawai[pk], f"uji-{pk}-lewat", "Lewat", "", "/") for pk in ids], len(ids)


@pytest.fixture
def jenis_uji():
    jenis = tenggat.daftarkan(
        JenisTenggat(
            kode=KODE,
            judul="Uji",
            rombongan=_rombongan,
            ingatkan=_ingatkan,
            eskalasi=_eskalasi,
        )
    )
    yield jenis
    tenggat._JENIS.pop(KODE)


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def _sapu(org, hari):
    return tenggat.sapu(org.instansi.pk, hari, WAKTU, kode=[KODE])


def _langkah(org):
    with lingkup_instansi(org.instansi):
        return sorted(LangkahTenggat.objects.values_list("objek_id", "langkah"))


def test_setiap_objek_dihitung_dari_peristiwanya_sendiri(org, jenis_uji):
    with lingkup_instansi(org.instansi):
        lama = Penempatan.objects.get(pegawai=org.staf)  # from Fri 2 Jan 2026
        baru = Penempatan.objects.create(
            pegawai=org.orang("Eka"), jabatan=org.jabatan_staf2, mulai=date(2026, 1, 12)
        )
        lain = list(
            Penempatan.objects.exclude(pk__in=[lama.pk, baru.pk]).values_list("pk", flat=True)
        )
    kejadian = {}
    for i in range(30):
        hari = date(2026, 1, 2) + timedelta(days=i)
        sebelum = set(_langkah(org))
        _sapu(org, hari)
        if tambah := set(_langkah(org)) - sebelum:
            kejadian[hari] = tambah
    # 2 Jan + 5 HK = Fri 9 Jan (2 HK before: Wed 7); 12 Jan + 5 HK = Tue 20 Jan, as Fri 16
    # is Isra Mikraj (2 HK before: Thu 15).
    semua_lama = {(pk, "pengingat-2hk") for pk in [lama.pk, *lain]}
    assert kejadian[date(2026, 1, 7)] == semua_lama
    assert kejadian[date(2026, 1, 12)] == {(pk, "eskalasi") for pk in [lama.pk, *lain]}
    assert kejadian[date(2026, 1, 15)] == {(baru.pk, "pengingat-2hk")}
    assert kejadian[date(2026, 1, 21)] == {(baru.pk, "eskalasi")}
    assert set(kejadian) == {date(2026, 1, d) for d in (7, 12, 15, 21)}
    with lingkup_instansi(org.instansi):
        isi = Pemberitahuan.objects.get(kunci=f"uji-{baru.pk}-2").isi
    assert "Dihitung sejak dimulainya penempatan pada Senin, 12 Januari 2026" in isi
    assert "16 Januari 2026 (Isra Mikraj" in isi


def test_libur_yang_ditambahkan_setelah_timer_berjalan_menggeser_tanggal(org, jenis_uji):
    admin = akun(org, org.kadis, "admin.uji", admin=True)
    _sapu(org, date(2026, 1, 7))  # the 2 HK reminder of the placements of 2 Jan
    assert {langkah for _, langkah in _langkah(org)} == {"pengingat-2hk"}
    # The admin declares Fri 9 Jan a day off: the due date moves to Mon 12 Jan, so on
    # that Monday nothing is late yet, and the escalation comes on Tue 13 Jan.
    with lingkup_instansi(org.instansi):
        services_kalender.hari_kalender_tambah(
            pengguna=admin, tanggal=date(2026, 1, 9), jenis="libur", keterangan="Banjir"
        )
    _sapu(org, date(2026, 1, 12))
    assert {langkah for _, langkah in _langkah(org)} == {"pengingat-2hk"}
    _sapu(org, date(2026, 1, 13))
    assert "eskalasi" in {langkah for _, langkah in _langkah(org)}


def test_dua_kali_sehari_dan_hari_berikutnya_tidak_menambah_apa_pun(org, jenis_uji):
    pertama = _sapu(org, date(2026, 1, 12))
    assert pertama.eskalasi == 5 and pertama.pemberitahuan == 5
    for hari in (date(2026, 1, 12), date(2026, 1, 13), date(2026, 2, 2)):
        hasil = _sapu(org, hari)
        assert (hasil.eskalasi, hasil.pemberitahuan) == (0, 0)
    assert len(_langkah(org)) == 5


def test_instansi_lain_tidak_disapu(org, instansi_b, jenis_uji):
    org_b = Org(instansi_b)
    _sapu(org, date(2026, 1, 12))
    assert _langkah(org_b) == []


# --- Queries per batch --------------------------------------------------------------------------


@pytest.mark.parametrize("hari", [HARI_PENGINGAT, HARI_ESKALASI], ids=["pengingat", "eskalasi"])
def test_jumlah_kueri_tetap_per_batch_pada_berbagai_ukuran(
    hari, settings, django_capture_on_commit_callbacks
):
    settings.TENGGAT_UKURAN_BATCH = 5
    hitung = []
    for n in (10, 20, 40):
        instansi, _, _ = semai(n)
        # The e-mail claims after each commit are counted too.
        with (
            CaptureQueriesContext(connection) as kueri,
            django_capture_on_commit_callbacks(execute=True),
        ):
            hasil = tenggat.sapu(instansi.pk, hari, WAKTU)
        hitung.append((len(kueri), hasil.batch))
        assert hasil.pemberitahuan >= 2 * n
    (q1, b1), (q2, b2), (q3, b3) = hitung
    per_batch = (q2 - q1) / (b2 - b1)
    # Linear in the number of batches, never in the number of items.
    assert (q3 - q2) == per_batch * (b3 - b2)
    assert per_batch <= 20, hitung  # statements, savepoints and tenant setting of one batch
    assert b3 - b2 == 4  # 20 more SKPs, 5 per batch
