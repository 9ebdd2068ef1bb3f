"""Template context every page needs from the SKP app."""

from organisasi.tenancy import ada_lingkup

from .models import Pemberitahuan


def jumlah_pemberitahuan(request) -> dict:
    """Unread notices of the logged-in user, for the badge in the top bar: one query."""
    user = getattr(request, "user", None)
    # No scope: the platform superadmin, or an error page rendered outside the request's
    # tenant transaction. Without a scope the tenant manager would refuse to query.
    if user is None or not user.is_authenticated or user.instansi_id is None or not ada_lingkup():
        return {"jumlah_pemberitahuan": 0}
    jumlah = Pemberitahuan.objects.filter(
        penerima__pengguna_id=user.pk, dibaca_pada__isnull=True
    ).count()
    return {"jumlah_pemberitahuan": jumlah}
