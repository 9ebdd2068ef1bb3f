"""The baseline of the HTTP benchmark (scripts/bench_http.py): a logged-in view doing
exactly one query of its own. Routed only when KINERJA_BENCH=1 (settings.KINERJA_BENCH),
so it never exists in a normal deployment."""

from django.http import HttpResponse

from organisasi.akses import pengguna_instansi_required
from organisasi.models import Pegawai


@pengguna_instansi_required
def satu_kueri(request):
    ada = Pegawai.objects.filter(pengguna_id=request.user.pk).exists()
    return HttpResponse("ya" if ada else "tidak", content_type="text/plain")
