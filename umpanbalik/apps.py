from django.apps import AppConfig


class UmpanbalikConfig(AppConfig):
    name = "umpanbalik"

    def ready(self):
        # Its settings section on the page organisasi composes (organisasi never imports it).
        from . import pengaturan

        pengaturan.daftarkan()
