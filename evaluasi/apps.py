from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"

    def ready(self):
        # Its settings section and menu items on what organisasi composes (organisasi
        # never imports it).
        from organisasi.menu import daftarkan_menu

        from . import pengaturan
        from .menu import menu_evaluasi

        pengaturan.daftarkan()
        daftarkan_menu(menu_evaluasi)
