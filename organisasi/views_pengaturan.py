"""The agency admin's settings page: every app's section in one form, saved through the
service; beside it the emblem for official documents (organisasi.lambang), a file with
its own small form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from . import lambang
from .akses import admin_instansi_required
from .berkas import respons_unduh
from .forms_pengaturan import FormLambang, FormPengaturan
from .pengaturan import pengaturan_instansi, pengaturan_ubah


def _halaman(request, *, form, obj, form_lambang=None):
    terakhir = obj.history.select_related("history_user").order_by("-history_id").first()
    return render(
        request,
        "organisasi/pengaturan.html",
        {
            "form": form,
            "obj": obj,
            "terakhir": terakhir,
            "lambang": lambang.info_lambang(),
            "form_lambang": form_lambang or FormLambang(),
        },
    )


@admin_instansi_required
def pengaturan(request):
    obj = pengaturan_instansi()
    if request.method == "POST":
        form = FormPengaturan(request.POST, instance=obj)
        if form.is_valid():
            if not form.has_changed():
                messages.info(request, "Tidak ada pengaturan yang berubah.")
                return redirect("pengaturan")
            try:
                pengaturan_ubah(pengguna=request.user, data=form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Pengaturan instansi disimpan.")
                return redirect("pengaturan")
        # The form wrote the rejected input onto `obj`; show the stored state beside it.
        obj = pengaturan_instansi()
    else:
        form = FormPengaturan(instance=obj)
    return _halaman(request, form=form, obj=obj)


@require_POST
@admin_instansi_required
def lambang_unggah(request):
    form_lambang = FormLambang(request.POST, request.FILES)
    if form_lambang.is_valid():
        try:
            lambang.lambang_unggah(
                pengguna=request.user, unggahan=form_lambang.cleaned_data["berkas"]
            )
        except ValidationError as exc:
            form_lambang.add_error("berkas", exc)
        else:
            messages.success(
                request, "Lambang disimpan. Dokumen evaluasi yang dicetak sejak kini memuatnya."
            )
            return redirect("pengaturan")
    obj = pengaturan_instansi()
    form = FormPengaturan(instance=obj)
    return _halaman(request, form=form, obj=obj, form_lambang=form_lambang)


@require_POST
@admin_instansi_required
def lambang_hapus(request):
    if lambang.lambang_hapus(pengguna=request.user):
        messages.success(request, "Lambang dihapus. Dokumen yang dicetak sejak kini tanpa lambang.")
    return redirect("pengaturan")


@require_GET
@admin_instansi_required
def lambang_gambar(request):
    """The stored emblem, for the settings page's preview: the active agency's only."""
    berkas = lambang.isi_lambang()
    if berkas is None:
        raise Http404("Instansi ini belum mengunggah lambang.")
    isi, jenis = berkas
    return respons_unduh(isi=isi, jenis_isi=jenis, nama=f"lambang.{jenis.split('/')[1]}")
