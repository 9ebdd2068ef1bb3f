from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"

    def ready(self):
        # Its settings section, menu items and home-page work on what organisasi composes
        # (organisasi never imports it).
        from organisasi import beranda, verifikasi
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
        # The public verification page states an archived evaluation's status now.
        from .dokumen import status_kini
        from .dokumen_keberatan import status_kini as status_keberatan

        verifikasi.daftarkan_status("evaluasi.evaluasikinerja", status_kini)
        verifikasi.daftarkan_status("evaluasi.keberatan", status_keberatan)
        # A period's documentation closes once its evaluation is made (umpanbalik asks).
        from umpanbalik.selectors import daftarkan_penilaian_periode

        from .selectors import periode_dinilai

        daftarkan_penilaian_periode(periode_dinilai)
        # Drafts follow a transfer or a new SKP recorded after they began (tasks.py).
        from . import sinyal

        sinyal.daftarkan()
