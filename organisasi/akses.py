"""Who may open what: the decorators views use. Roles derived from data live here too."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def pengguna_instansi_required(view):
    """Logged in and belonging to an agency (the platform superadmin is not)."""

    @login_required
    @wraps(view)
    def bungkus(request, *args, **kwargs):
        if request.user.instansi_id is None:
            raise PermissionDenied("Halaman ini hanya untuk pengguna instansi.")
        return view(request, *args, **kwargs)

    return bungkus


def admin_instansi_required(view):
    """The agency's BKD/BKPSDM administrators only."""

    @pengguna_instansi_required
    @wraps(view)
    def bungkus(request, *args, **kwargs):
        if not request.user.admin_instansi:
            raise PermissionDenied("Halaman ini hanya untuk admin BKD/BKPSDM instansi.")
        return view(request, *args, **kwargs)

    return bungkus
