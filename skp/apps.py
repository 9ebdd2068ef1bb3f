from django.apps import AppConfig


class SkpConfig(AppConfig):
    name = "skp"

    def ready(self):
        # What skp contributes to the pages organisasi composes (it never imports skp).
        from . import pengaturan

        pengaturan.daftarkan()
