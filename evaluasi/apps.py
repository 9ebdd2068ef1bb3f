from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"

    def ready(self):
        # Its settings section, menu items and home-page work on what organisasi composes
        # (organisasi never imports it).
        from organisasi import beranda
        from organisasi.menu import daftarkan_menu

        from . import pengaturan, tenggat, tenggat_keberatan
        from .beranda import tugas_evaluasi, tugas_keberatan
        from .menu import menu_evaluasi

        pengaturan.daftarkan()
        tenggat.daftarkan()
        daftarkan_menu(menu_evaluasi)
        beranda.daftarkan(tugas_evaluasi)
        beranda.daftarkan(tugas_keberatan)
        tenggat_keberatan.daftarkan()
