from django.apps import AppConfig


class UmpanbalikConfig(AppConfig):
    name = "umpanbalik"

    def ready(self):
        # Its settings section, menu item, deadline timer and home-page work on what
        # organisasi composes (organisasi never imports us).
        from organisasi import beranda, tenggat
        from organisasi.menu import daftarkan_menu

        from . import pengaturan
        from .beranda import tugas_dokumentasi, tugas_tindak_lanjut
        from .menu import menu_umpanbalik
        from .tenggat import TENGGAT_DOKUMENTASI

        pengaturan.daftarkan()
        daftarkan_menu(menu_umpanbalik)
        tenggat.daftarkan(TENGGAT_DOKUMENTASI)
        beranda.daftarkan(tugas_dokumentasi)
        beranda.daftarkan(tugas_tindak_lanjut)
