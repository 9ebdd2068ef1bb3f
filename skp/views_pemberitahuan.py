"""Every user's notices: deadline reminders and escalations, newest first."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from organisasi.tenancy import ada_lingkup

from .models import Pemberitahuan
from .selectors import pegawai_pengguna


def _milik(request):
    """The user's notices; none for an account without employee data (or agency)."""
    # Platform superadmin: no agency, so no scope to read tenant rows in.
    pegawai = pegawai_pengguna(request.user) if ada_lingkup() else None
    if pegawai is None:
        return None, Pemberitahuan.lintas_instansi.none()
    return pegawai, Pemberitahuan.objects.filter(penerima=pegawai)


@login_required
def pemberitahuan(request):
    pegawai, qs = _milik(request)
    halaman = Paginator(qs.order_by("-dibuat_pada", "-pk"), 25).get_page(request.GET.get("page"))
    belum_dibaca = qs.filter(dibaca_pada__isnull=True).exists() if pegawai else False
    return render(
        request,
        "skp/pemberitahuan.html",
        {"page_obj": halaman, "terhubung": pegawai is not None, "ada_belum_dibaca": belum_dibaca},
    )


@login_required
@require_POST
def pemberitahuan_baca(request):
    """Mark one notice (`id`) or all of them read; with `buka`, go on to its page."""
    _, qs = _milik(request)
    belum = qs.filter(dibaca_pada__isnull=True)
    # update(): reading a notice is not an audited change.
    pk = request.POST.get("id", "")
    if not pk:
        belum.update(dibaca_pada=timezone.now())
        return redirect("pemberitahuan")
    if not pk.isdigit():
        raise Http404
    obj = get_object_or_404(qs, pk=int(pk))
    belum.filter(pk=obj.pk).update(dibaca_pada=timezone.now())
    aman = url_has_allowed_host_and_scheme(
        obj.tautan, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if request.POST.get("buka") and obj.tautan and aman:
        return redirect(obj.tautan)
    return redirect("pemberitahuan")
