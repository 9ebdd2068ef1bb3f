"""`manage.py demo` (run by `make run`): the demo data of every app, lowest app first.

It lives in the app that sits highest in the data flow among those with demo data (today
evaluasi, moved from umpanbalik, which must not import evaluasi) because it is the one
place allowed to import every app below it; organisasi imports no other app.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from evaluasi.demo import isi_evaluasi_demo
from evaluasi.demo_keberatan import isi_keberatan_demo
from organisasi.demo import LOGIN_DEMO, buat_demo
from skp.demo import isi_skp_demo, isi_skp_jpt_demo
from umpanbalik.demo import ANGGOTA, BAWAHAN, KETUA, REKAN, isi_umpanbalik_demo
from umpanbalik.demo_tindak_lanjut import isi_tindak_lanjut_demo


class Command(BaseCommand):
    help = "Membuat instansi, akun dan data demo setiap aplikasi (aman dijalankan berulang kali)."

    def handle(self, *args, **options):
        with transaction.atomic():
            dibuat = (
                buat_demo()
                + isi_skp_demo()
                + isi_skp_jpt_demo()
                + isi_umpanbalik_demo()
                + isi_tindak_lanjut_demo()
                + isi_evaluasi_demo()
                + isi_keberatan_demo()
            )
        if dibuat:
            for hal in dibuat:
                self.stdout.write(f"Dibuat: {hal}")
        else:
            self.stdout.write("Data demo sudah lengkap; tidak ada yang diubah.")
        for login in LOGIN_DEMO:
            self.stdout.write(
                f"  {login['instansi']:<28} {login['peran']:<20} "
                f"{login['username']:<18} {login['password']}"
            )
        for peran, username in (
            ("Rekan kerja", REKAN),
            ("Bawahan Kadis", BAWAHAN),
            ("Ketua kelompok (JF)", KETUA),
            ("Anggota kelompok", ANGGOTA),
        ):
            self.stdout.write(f"  {'Kota Bekasi (demo)':<28} {peran:<20} {username:<18} (sama)")
