"""Login by NIP (18 digits) or by username, under row-level security.

The users table is tenant data like any other: without a scope the
application role reads no account. Logging in therefore goes through one
narrow path: the database function `kinerja_cari_akun` (organisasi/rls.py)
turns what was typed into the id and agency of at most one account, and the
account itself is then read inside that agency's scope (the platform scope for
the superadmin). Later requests open the scope from the session before the
user is loaded (tenancy.LingkupInstansiMiddleware), so `get_user` reads the
row through row-level security too.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connection
from django.db.models import Sum

from . import tenancy


def cari_akun(kunci: str) -> tuple[int, int | None] | None:
    """(id, instansi_id) of the account a login key names, or None."""
    kunci = (kunci or "").strip()
    if not kunci or "\x00" in kunci:
        return None
    with connection.cursor() as cur:
        cur.execute("SELECT id, instansi_id FROM kinerja_cari_akun(%s)", [kunci])
        baris = cur.fetchone()
    return (baris[0], baris[1]) if baris else None


def kunci_throttle(request, credentials: dict | None) -> str | None:
    """AXES_USERNAME_CALLABLE: one key per account however it is typed.

    Username in any case and the NIP map to the account; an unknown name is
    counted under its lower-case spelling.
    """
    ketikan = (credentials or {}).get("username")
    if ketikan is None and request is not None:
        ketikan = request.POST.get("username")
    if not ketikan:
        return None
    akun = cari_akun(ketikan)
    if akun is not None:
        return f"akun:{akun[0]}"
    # Stored by django-axes in a 255-character column; no username is longer than 150.
    return ketikan.strip().lower().replace("\x00", "")[:150]


class NipAtauUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        akun = cari_akun(username)
        pengguna = None
        if akun is not None:
            akun_id, instansi_id = akun
            lingkup = (
                tenancy.lingkup_platform()
                if instansi_id is None
                else tenancy.lingkup_instansi(instansi_id)
            )
            with lingkup:
                pengguna = (
                    get_user_model()
                    ._default_manager.select_related("instansi")
                    .filter(pk=akun_id)
                    .first()
                )
        if pengguna is None:
            # Same cost as a real check, so timing does not reveal which accounts exist.
            get_user_model()().set_password(password)
            return None
        if pengguna.check_password(password) and self.user_can_authenticate(pengguna):
            if pengguna.instansi_id and not pengguna.instansi.aktif:
                return None
            return pengguna
        return None

    def get_user(self, user_id):
        # Read under the scope the request opened from its session; an account
        # of another scope (or any account without a scope) is not found. The
        # employee behind the account comes in the same query (a LEFT JOIN, under
        # row-level security too): nearly every page asks who that is
        # (skp.selectors.pegawai_pengguna), and it would cost a query of its own.
        model = get_user_model()
        try:
            pengguna = model._default_manager.select_related("pegawai").get(pk=user_id)
        except model.DoesNotExist:
            return None
        if not self.user_can_authenticate(pengguna):
            return None
        if pengguna.instansi_id is None:
            return pengguna if tenancy.di_lingkup_platform() else None
        return pengguna if pengguna.instansi_id == tenancy.instansi_lingkup() else None


class PenanganThrottle(AxesDatabaseHandler):
    """django-axes with two limits: per account and per client address.

    AXES_LOCKOUT_PARAMETERS lists [username] then [ip_address]. An account is
    locked after AXES_FAILURE_LIMIT failures however it was typed
    (`kunci_throttle`); an address after AXES_IP_FAILURE_LIMIT failures across
    all accounts (password spraying), set high enough for a whole office behind
    one NAT. Both count within AXES_COOLOFF_TIME.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        # One queryset per entry of AXES_LOCKOUT_PARAMETERS: [username], [ip_address].
        per_akun, per_alamat = (
            q.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for q in self.get_user_attempts(request, credentials)
        )
        if per_alamat >= settings.AXES_IP_FAILURE_LIMIT:
            return max(per_akun, get_failure_limit(request, credentials))
        return per_akun

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        # A successful login clears its account's count only: one valid account
        # must not wipe the address's count of a spraying run.
        akun = self.filter_user_attempts(request, credentials)[0]
        jumlah, _ = akun.delete()
        return jumlah
