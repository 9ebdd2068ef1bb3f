from django.apps import AppConfig


class UmpanbalikConfig(AppConfig):
    name = "umpanbalik"

    def ready(self):
        # Its settings section and menu item on what organisasi composes (it never imports us).
        from organisasi.menu import daftarkan_menu

        from . import pengaturan
        from .menu import menu_umpanbalik

        pengaturan.daftarkan()
        daftarkan_menu(menu_umpanbalik)
