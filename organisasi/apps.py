from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    name = "organisasi"
    verbose_name = "Organisasi"

    def ready(self):
        from django.contrib.auth import user_logged_in
        from django.contrib.auth.models import update_last_login
        from django.db.models.signals import post_migrate

        from . import acuan, beranda, rls  # noqa: F401 (acuan: its receivers)
        from .forms_pengaturan import daftarkan_bagian_organisasi

        post_migrate.connect(rls.pasang_rls, sender=self, dispatch_uid="pasang_rls")
        # Login happens before a tenant scope exists; a plain UPDATE of
        # last_login avoids writing an audit row outside the scope.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(_catat_login, dispatch_uid="catat_login")
        daftarkan_bagian_organisasi()
        beranda.daftarkan(beranda.tugas_admin)


def _catat_login(sender, user, request=None, **kwargs):
    from django.utils import timezone

    from .tenancy import KUNCI_SESI, lingkup_akun

    # Later requests open this scope before the user row is read (RLS).
    if request is not None and hasattr(request, "session"):
        request.session[KUNCI_SESI] = user.instansi_id
    with lingkup_akun(user):
        type(user)._default_manager.filter(pk=user.pk).update(last_login=timezone.now())
