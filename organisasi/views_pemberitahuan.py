"""Every user's notices, newest first: reminders, escalations, anything an app sends."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .pemberitahuan import milik, tandai_dibaca


@login_required
def pemberitahuan(request):
    pegawai, qs = milik(request.user)
    halaman = Paginator(qs.order_by("-dibuat_pada", "-pk"), 25).get_page(request.GET.get("page"))
    belum_dibaca = qs.filter(dibaca_pada__isnull=True).exists() if pegawai else False
    return render(
        request,
        "organisasi/pemberitahuan.html",
        {"page_obj": halaman, "terhubung": pegawai is not None, "ada_belum_dibaca": belum_dibaca},
    )


@login_required
@require_POST
def pemberitahuan_baca(request):
    """Mark one notice (`id`) or all of them read; with `buka`, go on to its page."""
    _, qs = milik(request.user)
    pk = request.POST.get("id", "")
    if not pk:
        tandai_dibaca(qs)
        return redirect("pemberitahuan")
    if not pk.isdigit():
        raise Http404
    obj = get_object_or_404(qs, pk=int(pk))
    tandai_dibaca(qs.filter(pk=obj.pk))
    aman = url_has_allowed_host_and_scheme(
        obj.tautan, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if request.POST.get("buka") and obj.tautan and aman:
        return redirect(obj.tautan)
    return redirect("pemberitahuan")
