"""The shared notices (organisasi.pemberitahuan): inbox page, unread badge, once per
event key, e-mail after commit with a link straight to the thing to act on."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from organisasi.context_processors import jumlah_pemberitahuan
from organisasi.models import Pegawai, Pemberitahuan
from organisasi.pemberitahuan import Kabar, kirim, kirim_surel_tertunda
from organisasi.tenancy import lingkup_instansi, lingkup_platform
from tests.factories import Org, akun

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def _catatan(org, penerima, kunci, **lain):
    with lingkup_instansi(org.instansi):
        return Pemberitahuan.objects.create(
            penerima=penerima, kunci=kunci, judul=f"Judul {kunci}", **lain
        )


def _badge(pengguna, instansi=None):
    """The badge's number as the top bar shows it (read inside the request's scope)."""
    request = RequestFactory().get("/")
    request.user = pengguna
    if instansi is None:
        return int(str(jumlah_pemberitahuan(request)["jumlah_pemberitahuan"]))
    with lingkup_instansi(instansi):
        return int(str(jumlah_pemberitahuan(request)["jumlah_pemberitahuan"]))


def test_halaman_pemberitahuan_hanya_milik_sendiri_dan_tandai_dibaca(
    client, masuk_sebagai, org, django_assert_max_num_queries
):
    dedi = akun(org, org.staf, "dedi.staf")
    akun(org, org.kasi, "teguh.kasi")
    a = _catatan(org, org.staf, "satu", tautan="/skp/")
    b = _catatan(org, org.staf, "dua")
    _catatan(org, org.kasi, "milik-kasi")

    request = RequestFactory().get("/")
    request.user = dedi
    with lingkup_instansi(org.instansi), django_assert_max_num_queries(1):
        assert jumlah_pemberitahuan(request) == {"jumlah_pemberitahuan": 2}
    masuk_sebagai(dedi)
    isi = client.get(reverse("pemberitahuan")).content.decode()
    assert "Judul satu" in isi and "Judul dua" in isi and "milik-kasi" not in isi
    assert "Tandai semua sudah dibaca" in isi

    # Another person's notice cannot be marked or opened.
    with lingkup_instansi(org.instansi):
        lain = Pemberitahuan.objects.get(kunci="milik-kasi")
    assert client.post(reverse("pemberitahuan_baca"), {"id": lain.pk}).status_code == 404
    assert client.post(reverse("pemberitahuan_baca"), {"id": "x"}).status_code == 404

    resp = client.post(reverse("pemberitahuan_baca"), {"id": a.pk, "buka": "1"})
    assert resp.status_code == 302 and resp.url == "/skp/"
    assert _badge(dedi, org.instansi) == 1
    resp = client.post(reverse("pemberitahuan_baca"), {"id": b.pk})
    assert resp.url == reverse("pemberitahuan")
    assert _badge(dedi, org.instansi) == 0
    with lingkup_instansi(org.instansi):
        assert Pemberitahuan.objects.get(kunci="milik-kasi").dibaca_pada is None
    assert client.get(reverse("pemberitahuan_baca")).status_code == 405


def test_tandai_semua_dan_tautan_luar_tidak_diikuti(client, masuk_sebagai, org):
    dedi = akun(org, org.staf, "dedi.staf")
    jahat = _catatan(org, org.staf, "luar", tautan="https://contoh.invalid/")
    _catatan(org, org.staf, "lain")
    masuk_sebagai(dedi)
    resp = client.post(reverse("pemberitahuan_baca"), {"id": jahat.pk, "buka": "1"})
    assert resp.url == reverse("pemberitahuan")
    client.post(reverse("pemberitahuan_baca"))
    assert _badge(dedi, org.instansi) == 0


def test_pengguna_tanpa_data_pegawai(client, masuk_sebagai, pegawai_a, django_user_model):
    assert _badge(pegawai_a, pegawai_a.instansi) == 0
    masuk_sebagai(pegawai_a)
    isi = client.get(reverse("pemberitahuan")).content.decode()
    assert "belum terhubung dengan data pegawai" in isi
    with lingkup_platform():
        superadmin = django_user_model.objects.create_superuser("akar", password="x")
    assert _badge(superadmin) == 0  # no agency, no scope: no query at all
    masuk_sebagai(superadmin)
    assert client.get(reverse("pemberitahuan")).status_code == 200


def test_kirim_sekali_per_kunci_dan_surel_setelah_commit(
    org, mailoutbox, settings, django_capture_on_commit_callbacks, django_assert_num_queries
):
    settings.ALAMAT_SITUS = "https://kinerja.contoh.go.id"
    with lingkup_instansi(org.instansi):
        Pegawai.objects.filter(pk=org.staf.pk).update(email="dedi@contoh.go.id")
    kabar = [
        Kabar(org.staf.pk, f"uji-{i}", f"Judul {i}", "Isi", f"/skp/{i}/") for i in range(30)
    ] + [Kabar(org.kasi.pk, "uji-kasi", "Untuk kasi", "", "/skp/")]
    with django_capture_on_commit_callbacks() as callbacks:
        with lingkup_instansi(org.instansi), django_assert_num_queries(1):
            baru = kirim(kabar)
        assert mailoutbox == []  # nothing is mailed before the transaction commits
    assert len(baru) == 31 and len(callbacks) == 1
    callbacks[0]()
    assert [m.to for m in mailoutbox] == [["dedi@contoh.go.id"]]  # kasi has no address
    assert mailoutbox[0].subject == "30 pemberitahuan baru"
    assert "Buka: https://kinerja.contoh.go.id/skp/7/" in mailoutbox[0].body

    # The same keys again (a rerun, a redelivered task): nothing new, nothing mailed.
    with django_capture_on_commit_callbacks(execute=True), lingkup_instansi(org.instansi):
        assert kirim(kabar) == []
    # A second sender of the same notices mails nothing: the mark is a compare-and-set.
    callbacks[0]()
    assert len(mailoutbox) == 1
    with lingkup_instansi(org.instansi):
        assert Pemberitahuan.objects.count() == 31
        assert not Pemberitahuan.objects.filter(surel_dikirim_pada__isnull=True).exists()


def test_pemberitahuan_instansi_lain_tidak_terlihat(org, instansi_b, client, masuk_sebagai):
    org_b = Org(instansi_b)
    with lingkup_instansi(org_b.instansi):
        kirim([Kabar(org_b.staf.pk, "rahasia", "Milik instansi B", "", "/")])
    dedi = akun(org, org.staf, "dedi.staf")
    masuk_sebagai(dedi)
    assert "Milik instansi B" not in client.get(reverse("pemberitahuan")).content.decode()
    with lingkup_instansi(org.instansi):
        assert not Pemberitahuan.objects.exists()


def test_surel_yang_tertinggal_karena_worker_mati_dikirim_sapuan_berikutnya(
    org, mailoutbox, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    with lingkup_instansi(org.instansi):
        Pegawai.objects.filter(pk=org.staf.pk).update(email="dedi@contoh.go.id")
    # Committed, but the process died before its on-commit e-mail ran.
    with django_capture_on_commit_callbacks(execute=False), lingkup_instansi(org.instansi):
        kirim([Kabar(org.staf.pk, "tertinggal", "Tertinggal", "", "/skp/")])
    nanti = timezone.now() + timedelta(minutes=1)
    assert (
        kirim_surel_tertunda(org.instansi.pk, sebelum=timezone.now() - timedelta(minutes=10)) == 0
    )
    assert kirim_surel_tertunda(org.instansi.pk, sebelum=nanti) == 1
    assert [m.subject for m in mailoutbox] == ["Tertinggal"]
    assert kirim_surel_tertunda(org.instansi.pk, sebelum=nanti) == 0
    assert len(mailoutbox) == 1
