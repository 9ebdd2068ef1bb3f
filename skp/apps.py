from django.apps import AppConfig


class SkpConfig(AppConfig):
    name = "skp"

    def ready(self):
        # What skp contributes to what organisasi composes (it never imports skp): the
        # settings page, the menu, the deadline timers and the home page's pending work.
        from organisasi import beranda, tenggat, verifikasi
        from organisasi.menu import daftarkan_menu

        from . import beranda as beranda_skp
        from . import pengaturan
        from .menu import menu_skp
        from .tenggat import TENGGAT_PENETAPAN, TENGGAT_PENYUSUNAN

        pengaturan.daftarkan()
        daftarkan_menu(menu_skp)
        tenggat.daftarkan(TENGGAT_PENETAPAN)
        tenggat.daftarkan(TENGGAT_PENYUSUNAN)
        beranda.daftarkan(beranda_skp.tugas_skp)
        from .dokumen import status_kini

        verifikasi.daftarkan_status("skp.skp", status_kini)
