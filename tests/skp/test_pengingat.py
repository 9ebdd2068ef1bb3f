"""The SKP deadline on the shared timers (organisasi.tenggat): reminders before the
deadline, escalation to the atasan pejabat penilai after it (000:4573-4579), each exactly
once; the three settings that drive it. (The notices page: tests/organisasi/
test_pemberitahuan.py; the generic sweep: tests/organisasi/test_tenggat_sapu.py.)

The sweep takes its day as an argument, so most tests pass dates; time-machine only pins
the clock the code itself reads (the beat wrapper's date, the escalation timestamp).
Default calendar of 2026: deadline Fri 30 Jan (31 Jan is a Saturday), 10 HK reminder
Thu 15 Jan (16 Jan is Isra Mikraj), 3 HK reminder Tue 27 Jan, escalation Mon 2 Feb.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from organisasi import pemberitahuan as layanan_pemberitahuan
from organisasi import services_kalender, tasks
from organisasi.models import (
    HariKalender,
    Instansi,
    LangkahTenggat,
    Pegawai,
    Pemberitahuan,
    Penempatan,
    PengaturanInstansi,
)
from organisasi.pengaturan import pengaturan_instansi, pengaturan_ubah
from organisasi.tasks import sapu_tenggat, sapu_tenggat_semua
from organisasi.tenancy import lingkup_instansi
from skp import services
from skp.models import SKP, Status
from skp.services import ALASAN_ESKALASI
from tests.factories import AWAL, Org, akun, skp_contoh

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
SEPULUH_HK = date(2026, 1, 15)
TIGA_HK = date(2026, 1, 27)
BATAS = date(2026, 1, 30)
ESKALASI = date(2026, 2, 2)


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def _jalankan(org, hari: date) -> dict:
    return sapu_tenggat(org.instansi.pk, hari.isoformat())


def _kunci(org) -> dict[str, int]:
    """kunci -> penerima_id of every notice of the agency."""
    with lingkup_instansi(org.instansi):
        return dict(Pemberitahuan.objects.values_list("kunci", "penerima_id"))


def _skp(org, pk) -> SKP:
    with lingkup_instansi(org.instansi):
        return SKP.objects.get(pk=pk)


def _tanpa_skp(org, tahun, n):
    """Keys of the draft-your-SKP reminders to everyone in `org` except the staff."""
    return {
        f"skp-pengingat-pegawai{p.pk}-{tahun}-{n}hk": p.pk
        for p in (org.kadis, org.kabid, org.kasi, org.kasi2)
    }


def _pengingat_skp(skp, n):
    return {
        f"skp-pengingat-skp{skp.pk}-2026-{n}hk-pegawai": skp.pegawai_id,
        f"skp-pengingat-skp{skp.pk}-2026-{n}hk-penilai": skp.penilai_id,
    }


def _eskalasi(skp):
    return {
        f"skp-eskalasi-{skp.pk}-atasan": skp.atasan_penilai_id,
        f"skp-eskalasi-{skp.pk}-pegawai": skp.pegawai_id,
        f"skp-eskalasi-{skp.pk}-penilai": skp.penilai_id,
    }


def _staf_kedua(org):
    """A second staff member, in the other Seksi (rated by the Kepala Bidang)."""
    with lingkup_instansi(org.instansi):
        pegawai = org.orang("Eka")
        Penempatan.objects.create(pegawai=pegawai, jabatan=org.jabatan_staf2, mulai=AWAL)
    return pegawai


# --- Reminders ----------------------------------------------------------------------------------


def test_pengingat_10_dan_3_hari_kerja_sebelum_batas_dan_tidak_pada_hari_lain(org):
    skp = skp_contoh(org)  # the staff's draft; the four heads have no SKP yet
    baru_per_hari = {}
    sebelum = {}
    for i in range(40):  # 1 January to 9 February
        hari = date(2026, 1, 1) + timedelta(days=i)
        _jalankan(org, hari)
        sekarang = _kunci(org)
        if tambahan := {k: v for k, v in sekarang.items() if k not in sebelum}:
            baru_per_hari[hari] = tambahan
        sebelum = sekarang

    assert set(baru_per_hari) == {SEPULUH_HK, TIGA_HK, ESKALASI}
    assert baru_per_hari[SEPULUH_HK] == {**_pengingat_skp(skp, 10), **_tanpa_skp(org, 2026, 10)}
    assert baru_per_hari[TIGA_HK] == {**_pengingat_skp(skp, 3), **_tanpa_skp(org, 2026, 3)}
    assert baru_per_hari[ESKALASI] == _eskalasi(skp)
    assert skp.penilai_id == org.kasi.pk and skp.atasan_penilai_id == org.kabid.pk


def test_isi_pengingat_menyebut_batas_dan_sisa_hari_kerja(org):
    skp = skp_contoh(org, status="diajukan")
    _jalankan(org, TIGA_HK)
    with lingkup_instansi(org.instansi):
        p = Pemberitahuan.objects.get(kunci=f"skp-pengingat-skp{skp.pk}-2026-3hk-penilai")
        b = Pemberitahuan.objects.get(kunci=f"skp-pengingat-pegawai{org.kabid.pk}-2026-3hk")
    assert "Dedi" in p.judul
    assert "paling lambat 30 Januari 2026 (3 hari kerja lagi)" in p.isi
    assert p.tautan == reverse("skp_detail", args=[skp.pk])
    assert p.dibaca_pada is None
    assert b.judul == "Pengingat: Anda belum menyusun SKP 2026"
    assert b.tautan == reverse("skp_saya")


def test_pengingat_terlewat_dikejar_sekali(org):
    skp = skp_contoh(org)
    # Beat was down on the 10 HK day; the next working day sends it, once.
    assert _jalankan(org, SEPULUH_HK + timedelta(days=4))["pemberitahuan"] == 6
    assert _jalankan(org, SEPULUH_HK + timedelta(days=5))["pemberitahuan"] == 0
    assert set(_pengingat_skp(skp, 10)) <= set(_kunci(org))


def test_skp_yang_ditetapkan_dan_pegawai_nonaktif_tidak_diingatkan(org):
    ditetapkan = skp_contoh(org, status="ditetapkan")
    eka = _staf_kedua(org)
    with lingkup_instansi(org.instansi):
        Pegawai.objects.filter(pk__in=[eka.pk, org.kasi2.pk]).update(aktif=False)
    skp_contoh(org, pegawai=eka)  # inactive: neither reminded nor escalated
    _jalankan(org, SEPULUH_HK)
    _jalankan(org, ESKALASI)
    kunci = _kunci(org)
    assert not [k for k in kunci if f"skp{ditetapkan.pk}-" in k or f"eskalasi-{ditetapkan.pk}" in k]
    assert org.kasi2.pk not in kunci.values() and eka.pk not in kunci.values()
    assert _skp(org, ditetapkan.pk).dieskalasi_pada is None


def test_skp_yang_periodenya_mulai_setelah_batas_tidak_dieskalasi(org):
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        SKP.objects.filter(pk=skp.pk).update(periode_mulai=date(2026, 3, 2))
    assert _jalankan(org, ESKALASI)["eskalasi"] == 0
    assert _skp(org, skp.pk).dieskalasi_pada is None


def test_pengaturan_dan_kalender_instansi_dipakai(org):
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        pengaturan_instansi()
        PengaturanInstansi.objects.update(
            batas_skp_hari=15, batas_skp_bulan=2, pengingat_skp_hari_kerja=[5]
        )
        HariKalender.objects.create(tanggal=date(2026, 2, 13), jenis="libur", keterangan="Cuti")
    # 15 Feb is a Sunday and Fri 13 Feb the agency's day off: the deadline is Thu 12 Feb,
    # 5 HK before it Thu 5 Feb; after it Mon 16 (cuti bersama) and Tue 17 (Imlek) are off.
    for hari, jumlah in [
        (SEPULUH_HK, 0),
        (TIGA_HK, 0),
        (date(2026, 2, 4), 0),
        (date(2026, 2, 5), 6),
        (date(2026, 2, 12), 0),
        (date(2026, 2, 13), 0),
        (date(2026, 2, 17), 0),
    ]:
        assert _jalankan(org, hari)["pemberitahuan"] == jumlah, hari
    assert _skp(org, skp.pk).dieskalasi_pada is None
    assert _jalankan(org, date(2026, 2, 18))["eskalasi"] == 1


def test_libur_yang_ditambahkan_setelah_pengingat_menggeser_batas_skp(org):
    skp = skp_contoh(org)
    admin = akun(org, org.kadis, "admin.uji", admin=True)
    assert _jalankan(org, SEPULUH_HK)["pemberitahuan"] == 6  # computed on deadline 30 Jan
    assert _jalankan(org, date(2026, 1, 26))["pemberitahuan"] == 0  # 3 HK falls on 27 Jan
    with lingkup_instansi(org.instansi):
        services_kalender.hari_kalender_tambah(
            pengguna=admin, tanggal=BATAS, jenis="libur", keterangan="Hari jadi kota"
        )
    # The deadline is now Thu 29 Jan, so its 3 HK reminder is due Mon 26 Jan.
    assert _jalankan(org, date(2026, 1, 26))["pemberitahuan"] == 6
    with lingkup_instansi(org.instansi):
        p = Pemberitahuan.objects.get(kunci=f"skp-pengingat-skp{skp.pk}-2026-3hk-pegawai")
    assert "paling lambat 29 Januari 2026 (3 hari kerja lagi)" in p.isi
    assert "30 Januari 2026 (Hari jadi kota (libur instansi))" in p.isi
    assert _jalankan(org, date(2026, 1, 30))["eskalasi"] == 0  # a day off now
    assert _jalankan(org, ESKALASI)["eskalasi"] == 1


def test_pengingat_tahun_depan_pada_bulan_desember(org):
    with lingkup_instansi(org.instansi):
        pengaturan_instansi()
        PengaturanInstansi.objects.update(batas_skp_hari=5)
    # The 2027 deadline is Mon 4 Jan 2027; its 10 HK reminder falls on 16 Dec 2026.
    assert _jalankan(org, date(2026, 12, 15))["pemberitahuan"] == 0
    _jalankan(org, date(2026, 12, 16))
    assert set(_kunci(org)) == set(_tanpa_skp(org, 2027, 10)) | {
        f"skp-pengingat-pegawai{org.staf.pk}-2027-10hk"
    }


# --- Escalation ---------------------------------------------------------------------------------


def test_eskalasi_pada_hari_kerja_pertama_setelah_batas(org, time_machine):
    skp = skp_contoh(org, status="diajukan")
    for hari in (BATAS, date(2026, 1, 31), date(2026, 2, 1)):  # deadline day, weekend
        assert _jalankan(org, hari)["eskalasi"] == 0
    assert _skp(org, skp.pk).dieskalasi_pada is None

    waktu = datetime(2026, 2, 2, 6, 0, tzinfo=WIB)
    time_machine.move_to(waktu, tick=False)
    assert _jalankan(org, ESKALASI) == {"tanggal": "2026-02-02", "pemberitahuan": 3, "eskalasi": 1}
    assert _skp(org, skp.pk).dieskalasi_pada == waktu
    # (The deadline day's run sent the 3 HK reminders it found missing.)
    assert {k: v for k, v in _kunci(org).items() if "eskalasi" in k} == _eskalasi(skp)
    with lingkup_instansi(org.instansi):
        riwayat = SKP.history.filter(id=skp.pk).order_by("-history_id").first()
        atasan = Pemberitahuan.objects.get(kunci=f"skp-eskalasi-{skp.pk}-atasan")
    # The compare-and-set bypasses save(); the audit trail still records it.
    assert riwayat.history_change_reason == ALASAN_ESKALASI
    assert riwayat.dieskalasi_pada == waktu and riwayat.history_type == "~"
    assert "dapat mengembalikan atau menetapkan" in atasan.isi
    assert "30 Januari 2026" in atasan.isi


def test_dijalankan_dua_kali_sehari_tidak_menambah_apa_pun(org, time_machine):
    skp = skp_contoh(org)
    assert _jalankan(org, SEPULUH_HK)["pemberitahuan"] == 6
    assert _jalankan(org, SEPULUH_HK) == {
        "tanggal": "2026-01-15",
        "pemberitahuan": 0,
        "eskalasi": 0,
    }

    time_machine.move_to(datetime(2026, 2, 2, 6, 0, tzinfo=WIB), tick=False)
    assert _jalankan(org, ESKALASI)["eskalasi"] == 1
    pertama = _skp(org, skp.pk).dieskalasi_pada
    time_machine.move_to(datetime(2026, 2, 2, 6, 5, tzinfo=WIB), tick=False)
    assert _jalankan(org, ESKALASI) == {"tanggal": "2026-02-02", "pemberitahuan": 0, "eskalasi": 0}
    # A later working day does nothing either, and the first timestamp stays.
    assert _jalankan(org, date(2026, 2, 3))["pemberitahuan"] == 0
    assert _skp(org, skp.pk).dieskalasi_pada == pertama
    assert len(_kunci(org)) == 6 + 3


def test_worker_mati_di_tengah_jalan_lalu_diulang_semuanya_tepat_sekali(
    org, monkeypatch, settings, mailoutbox, django_capture_on_commit_callbacks
):
    """One SKP per batch; the process dies after the first batch has committed and while
    the second is writing: the second batch rolls back whole, the rerun finishes it."""
    settings.TENGGAT_UKURAN_BATCH = 1
    pertama = skp_contoh(org)
    kedua = skp_contoh(org, pegawai=_staf_kedua(org))
    with lingkup_instansi(org.instansi):
        Pegawai.objects.filter(pk=org.staf.pk).update(email="dedi@contoh.go.id")
        Pegawai.objects.filter(pk=org.kabid.pk).update(email="sari@contoh.go.id")
    asli = layanan_pemberitahuan.kirim
    batch = []

    def mati_di_batch_kedua(kabar, **kw):
        hasil = asli(kabar, **kw)  # notices inserted, SKP escalated, e-mail queued ...
        batch.append(len(hasil))
        if len(batch) == 2:
            raise RuntimeError("worker mati")  # ... and then the process dies
        return hasil

    monkeypatch.setattr(layanan_pemberitahuan, "kirim", mati_di_batch_kedua)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        _jalankan(org, ESKALASI)
    assert _kunci(org) == _eskalasi(pertama)
    assert _skp(org, pertama.pk).dieskalasi_pada is not None
    assert _skp(org, kedua.pk).dieskalasi_pada is None
    with lingkup_instansi(org.instansi):
        assert SKP.history.filter(history_change_reason=ALASAN_ESKALASI).count() == 1
        assert LangkahTenggat.objects.count() == 1

    monkeypatch.setattr(layanan_pemberitahuan, "kirim", asli)  # redelivered to a live worker
    with django_capture_on_commit_callbacks(execute=True):
        assert _jalankan(org, ESKALASI)["eskalasi"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert _jalankan(org, ESKALASI)["pemberitahuan"] == 0

    assert _kunci(org) == {**_eskalasi(pertama), **_eskalasi(kedua)}
    with lingkup_instansi(org.instansi):
        assert SKP.history.filter(history_change_reason=ALASAN_ESKALASI).count() == 2
        assert set(LangkahTenggat.objects.values_list("objek_id", "langkah")) == {
            (pertama.pk, "eskalasi"),
            (kedua.pk, "eskalasi"),
        }
    # One e-mail per recipient with an address and per committed batch: the staff and
    # Sari for the first SKP (she is its atasan), Sari again for the second (its rater).
    # The rolled-back batch mailed nothing.
    assert sorted(m.to[0] for m in mailoutbox) == [
        "dedi@contoh.go.id",
        "sari@contoh.go.id",
        "sari@contoh.go.id",
    ]
    assert all("Buka: /skp/" in m.body for m in mailoutbox)


def test_atasan_menetapkan_hanya_setelah_eskalasi(org):
    skp = skp_contoh(org, status="diajukan")
    kabid = akun(org, org.kabid, "sari.kabid")
    _jalankan(org, BATAS)
    with lingkup_instansi(org.instansi), pytest.raises(PermissionDenied):
        services.skp_tetapkan(pengguna=kabid, skp=_skp(org, skp.pk), tanggal=BATAS)
    assert _skp(org, skp.pk).status == Status.DIAJUKAN

    _jalankan(org, ESKALASI)
    with lingkup_instansi(org.instansi):
        services.skp_tetapkan(pengguna=kabid, skp=SKP.objects.get(pk=skp.pk), tanggal=ESKALASI)
    hasil = _skp(org, skp.pk)
    assert hasil.status == Status.DITETAPKAN
    assert hasil.ditetapkan_oleh_id == org.kabid.pk
    assert hasil.ditetapkan_sebagai_atasan is True
    # Set now: a later run neither reminds nor escalates it again.
    assert _jalankan(org, date(2026, 2, 3)) == {
        "tanggal": "2026-02-03",
        "pemberitahuan": 0,
        "eskalasi": 0,
    }


def test_instansi_lain_tidak_tersentuh(org, instansi_b):
    skp = skp_contoh(org)
    org_b = Org(instansi_b)
    skp_b = skp_contoh(org_b)
    _jalankan(org, SEPULUH_HK)
    _jalankan(org, ESKALASI)
    assert _skp(org, skp.pk).dieskalasi_pada is not None
    assert _skp(org_b, skp_b.pk).dieskalasi_pada is None
    assert _kunci(org_b) == {}


# --- The beat entry point ---------------------------------------------------------------------


def test_periksa_semua_memakai_tanggal_jakarta_untuk_setiap_instansi_aktif(
    monkeypatch, time_machine, instansi_a, instansi_b
):
    nonaktif = Instansi.objects.create(nama="Kota Lama", slug="kota-lama", aktif=False)
    antre = []
    monkeypatch.setattr(tasks.sapu_tenggat, "delay", lambda *a: antre.append(a))
    # 23:30 UTC on 1 February is 06:30 WIB on 2 February.
    time_machine.move_to(datetime(2026, 2, 1, 23, 30, tzinfo=UTC), tick=False)
    assert sapu_tenggat_semua() == 2
    assert sorted(antre) == sorted([(instansi_a.pk, "2026-02-02"), (instansi_b.pk, "2026-02-02")])
    assert nonaktif.pk not in {a[0] for a in antre}


def test_jadwal_beat_pukul_enam_wib():
    from config.celery import app

    app.loader.import_default_modules()
    app.finalize()
    jadwal = app.conf.beat_schedule["organisasi.sapu_tenggat_semua"]
    assert jadwal["task"] == "organisasi.sapu_tenggat_semua"
    assert jadwal["schedule"].hour == {6} and jadwal["schedule"].minute == {0}
    assert app.conf.timezone == "Asia/Jakarta"


# --- The real worker ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_worker_sungguhan_mengeskalasi_tepat_sekali(worker_celery, org):
    skp = skp_contoh(org, status="diajukan")
    hasil = [sapu_tenggat.delay(org.instansi.pk, "2026-02-02").get(timeout=60) for _ in range(2)]
    assert hasil[0] == {"tanggal": "2026-02-02", "pemberitahuan": 3, "eskalasi": 1}
    assert hasil[1] == {"tanggal": "2026-02-02", "pemberitahuan": 0, "eskalasi": 0}
    assert _skp(org, skp.pk).dieskalasi_pada is not None
    assert _kunci(org) == _eskalasi(skp)


# --- The three settings -------------------------------------------------------------------------


def _data_pengaturan(**ubah):
    from tests.organisasi.test_pengaturan import BEKASI

    data = {
        **BEKASI,
        "batas_skp_hari": "31",
        "batas_skp_bulan": "1",
        "pengingat_skp_hari_kerja": "10, 3",
        **ubah,
    }
    return {k: v for k, v in data.items() if v is not None}


def _pengaturan(instansi):
    with lingkup_instansi(instansi):
        return PengaturanInstansi.objects.get()


def test_halaman_pengaturan_menampilkan_batas_tahun_ini(
    client, masuk_sebagai, admin_a, time_machine
):
    time_machine.move_to(datetime(2026, 1, 5, 9, 0, tzinfo=WIB), tick=False)
    masuk_sebagai(admin_a)
    isi = client.get(reverse("pengaturan")).content.decode()
    assert "Batas penetapan SKP" in isi
    assert 'name="pengingat_skp_hari_kerja" value="10, 3"' in isi
    assert "SKP ditetapkan paling lambat <strong>30 Januari 2026</strong>" in isi
    assert "31 Januari 2026 bukan hari kerja: akhir pekan" in isi
    assert "15 Januari 2026 (10 hari kerja sebelumnya)" in isi


def test_pengaturan_batas_disimpan(client, masuk_sebagai, instansi_a, admin_a):
    masuk_sebagai(admin_a)
    data = _data_pengaturan(
        batas_skp_hari="15", batas_skp_bulan="2", pengingat_skp_hari_kerja=" 5; 10 ,5 "
    )
    assert client.post(reverse("pengaturan"), data).status_code == 302
    p = _pengaturan(instansi_a)
    assert (p.batas_skp_hari, p.batas_skp_bulan, p.pengingat_skp_hari_kerja) == (15, 2, [10, 5])
    assert client.post(reverse("pengaturan"), _data_pengaturan(pengingat_skp_hari_kerja=""))
    assert _pengaturan(instansi_a).pengingat_skp_hari_kerja == []


@pytest.mark.parametrize(
    ("ubah", "galat"),
    [
        (
            {"batas_skp_hari": "30", "batas_skp_bulan": "2"},
            "harus 1 sampai 28 untuk bulan Februari",
        ),
        ({"batas_skp_hari": "31", "batas_skp_bulan": "4"}, "harus 1 sampai 30 untuk bulan April"),
        ({"batas_skp_hari": "0"}, "Tanggal paling kecil 1."),
        ({"batas_skp_hari": "32"}, "Tanggal paling besar 31."),
        ({"batas_skp_hari": ""}, "wajib diisi"),
        ({"batas_skp_bulan": "13"}, "Pilihan “13” tidak tersedia"),
        ({"pengingat_skp_hari_kerja": "10, tiga"}, "“tiga” bukan bilangan bulat positif"),
        ({"pengingat_skp_hari_kerja": "10, -3"}, "“-3” bukan bilangan bulat positif"),
        ({"pengingat_skp_hari_kerja": "10, 0"}, "harus lebih dari 0"),
        ({"pengingat_skp_hari_kerja": "61"}, "paling awal 60 hari kerja"),
    ],
)
def test_pengaturan_batas_yang_salah_ditolak(
    client, masuk_sebagai, instansi_a, admin_a, ubah, galat
):
    masuk_sebagai(admin_a)
    client.get(reverse("pengaturan"))
    resp = client.post(reverse("pengaturan"), _data_pengaturan(**ubah))
    assert resp.status_code == 200
    assert galat in resp.content.decode()
    p = _pengaturan(instansi_a)
    assert (p.batas_skp_hari, p.batas_skp_bulan, p.pengingat_skp_hari_kerja) == (31, 1, [10, 3])


def test_halaman_lama_tanpa_isian_batas_tidak_menghapus_pengaturan(
    client, masuk_sebagai, instansi_a, admin_a
):
    masuk_sebagai(admin_a)
    client.post(reverse("pengaturan"), _data_pengaturan(batas_skp_hari="20"))
    tanpa = _data_pengaturan(
        batas_skp_hari=None, batas_skp_bulan=None, pengingat_skp_hari_kerja=None
    )
    assert client.post(reverse("pengaturan"), {**tanpa, "istilah_bkd": "BKD"}).status_code == 302
    p = _pengaturan(instansi_a)
    assert (p.batas_skp_hari, p.pengingat_skp_hari_kerja, p.istilah_bkd) == (20, [10, 3], "BKD")


@pytest.mark.parametrize(
    "data",
    [
        {"batas_skp_hari": 29, "batas_skp_bulan": 2},
        {"batas_skp_bulan": 0},
        {"pengingat_skp_hari_kerja": [3, 0]},
        {"pengingat_skp_hari_kerja": ["3"]},
        {"pengingat_skp_hari_kerja": 3},
        {"pengingat_skp_hari_kerja": [True]},
    ],
)
def test_layanan_menolak_batas_yang_salah(instansi_a, admin_a, data):
    with lingkup_instansi(instansi_a), pytest.raises(ValidationError):
        pengaturan_ubah(pengguna=admin_a, data=data)
