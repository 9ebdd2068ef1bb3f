"""Login by NIP (18 digits) or by username."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class NipAtauUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        Pengguna = get_user_model()
        kunci = username.strip()
        if kunci.isdigit() and len(kunci) == 18:
            pengguna = Pengguna.objects.filter(nip=kunci).first()
        else:
            pengguna = Pengguna.objects.filter(username__iexact=kunci).first()
        if pengguna is None:
            # Same cost as a real check, so timing does not reveal which accounts exist.
            Pengguna().set_password(password)
            return None
        if pengguna.check_password(password) and self.user_can_authenticate(pengguna):
            if pengguna.instansi_id and not pengguna.instansi.aktif:
                return None
            return pengguna
        return None
