from django.apps import AppConfig


class SkpConfig(AppConfig):
    name = "skp"

    def ready(self):
        # What the ground layer offers every app: deadline timers and the home page's
        # pending work. organisasi never imports skp; skp registers here.
        from organisasi import beranda, tenggat

        from . import beranda as beranda_skp
        from .tenggat import TENGGAT_PENETAPAN, TENGGAT_PENYUSUNAN

        tenggat.daftarkan(TENGGAT_PENETAPAN)
        tenggat.daftarkan(TENGGAT_PENYUSUNAN)
        beranda.daftarkan(beranda_skp.tugas_skp)
