from django.apps import AppConfig


class SkpConfig(AppConfig):
    name = "skp"

    def ready(self):
        # What skp contributes to the pages organisasi composes (it never imports skp).
        from organisasi.menu import daftarkan_menu

        from . import pengaturan
        from .menu import menu_skp

        pengaturan.daftarkan()
        daftarkan_menu(menu_skp)
