from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    name = "organisasi"
    verbose_name = "Organisasi"

    def ready(self):
        from django.contrib.auth import user_logged_in
        from django.contrib.auth.models import update_last_login
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from . import beranda, peran_db, rls
        from .forms_pengaturan import daftarkan_bagian_organisasi

        connection_created.connect(peran_db.pasang_peran_aplikasi, dispatch_uid="peran_aplikasi")
        post_migrate.connect(rls.pasang_rls, sender=self, dispatch_uid="pasang_rls")
        # Login happens before a tenant scope exists; a plain UPDATE of
        # last_login avoids writing an audit row outside the scope.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(_catat_login, dispatch_uid="catat_login")
        daftarkan_bagian_organisasi()
        beranda.daftarkan(beranda.tugas_admin)


def _catat_login(sender, user, **kwargs):
    from django.utils import timezone

    type(user)._default_manager.filter(pk=user.pk).update(last_login=timezone.now())
