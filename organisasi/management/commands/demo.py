from django.core.management.base import BaseCommand

from organisasi.demo import LOGIN_DEMO, buat_demo, isi_skp_demo


class Command(BaseCommand):
    help = "Membuat instansi dan akun demo (aman dijalankan berulang kali)."

    def handle(self, *args, **options):
        from skp.demo import isi_skp_jpt_demo

        dibuat = buat_demo() + isi_skp_demo() + isi_skp_jpt_demo()
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
