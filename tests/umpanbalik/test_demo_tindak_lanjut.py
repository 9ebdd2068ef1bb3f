"""The follow-up demo: one coaching and one counselling record in Kota Bekasi, made
through the services, every format opening from the demo accounts; idempotent."""

from datetime import datetime
from io import BytesIO, StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from organisasi.models import Instansi, Pengguna
from organisasi.tenancy import lingkup_instansi, lingkup_platform
from umpanbalik.models import BimbinganKinerja, LaporanPerilakuKerja

pytestmark = pytest.mark.django_db


def test_demo_coaching_dan_konseling_terbuka_dari_akun_demo(client):
    with time_machine.travel(datetime(2026, 6, 1, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        keluaran = StringIO()
        call_command("demo", stdout=keluaran)
        teks = keluaran.getvalue()
        assert "Dibuat: Coaching 2026 kadis.bekasi (B.1.6, B.1.8, B.1.9)" in teks
        assert "Dibuat: Konseling kinerja 2026 kadis.bekasi (B.1.10)" in teks
        bekasi = Instansi.objects.get(slug="kota-bekasi-demo")
        with lingkup_instansi(bekasi):
            b = BimbinganKinerja.objects.select_related("umpan_balik", "evaluasi_kompetensi").get(
                metode="coaching"
            )
            m = BimbinganKinerja.objects.get(metode="mentoring")
            laporan = LaporanPerilakuKerja.objects.get()
            assert b.ditandatangani_pegawai_pada is not None
            assert b.umpan_balik and b.evaluasi_kompetensi
            assert laporan.konselor and laporan.tanggal_konseling
            # Several rows in one session; the report cites feedback from her record.
            assert len(b.isi["tujuan"]) == len(b.isi["fakta"]) == len(b.isi["langkah"]) == 2
            assert len(m.isi["jurnal"]) == 2
            dikutip = list(laporan.umpan_balik.order_by("pk"))
            assert len(dikutip) >= 2
            assert {u.pegawai_id for u in dikutip} == {laporan.skp.pegawai_id}
        with lingkup_platform():
            kadis = Pengguna.objects.get(username="kadis.bekasi")
            sekda = Pengguna.objects.get(username="sekda.bekasi")
        for pengguna in (kadis, sekda):
            client.force_login(pengguna)
            halaman = client.get(reverse("tindak_lanjut", args=[b.skp_id]))
            assert halaman.status_code == 200 and "Coaching" in halaman.content.decode()
            for nama, args in (
                ("bimbingan_pdf", [b.skp_id, b.pk]),
                ("umpan_balik_bimbingan_pdf", [b.skp_id, b.pk]),
                ("evaluasi_kompetensi_pdf", [b.skp_id, b.pk]),
                ("laporan_perilaku_pdf", [laporan.skp_id, laporan.pk]),
                ("bimbingan_pdf", [m.skp_id, m.pk]),
            ):
                resp = client.get(reverse(nama, args=args))
                assert resp.status_code == 200 and resp.content.startswith(b"%PDF"), nama
        from pypdf import PdfReader

        client.force_login(sekda)
        isi = client.get(reverse("laporan_perilaku_pdf", args=[laporan.skp_id, laporan.pk])).content
        teks = " ".join(
            " ".join((h.extract_text() or "").split()) for h in PdfReader(BytesIO(isi)).pages
        )
        assert "BUKTI PEMBERIAN UMPAN BALIK BERKELANJUTAN" in teks
        assert " ".join(dikutip[0].teks.split())[:40] in teks
        isi = client.get(reverse("bimbingan_pdf", args=[b.skp_id, b.pk])).content
        teks = " ".join(
            " ".join((h.extract_text() or "").split()) for h in PdfReader(BytesIO(isi)).pages
        )
        assert "Menjadwalkan rapat evaluasi di luar jam pelayanan" in teks
        client.force_login(kadis)
        assert (
            "Isi umpan balik atas mentoring (format B.1.8)"
            in client.get(reverse("beranda")).content.decode()
        )
        keluaran = StringIO()
        call_command("demo", stdout=keluaran)
        assert "Data demo sudah lengkap; tidak ada yang diubah." in keluaran.getvalue()
