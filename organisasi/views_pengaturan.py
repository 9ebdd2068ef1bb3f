"""The agency admin's settings page: every app's section in one form, saved through the service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from .akses import admin_instansi_required
from .forms_pengaturan import FormPengaturan
from .pengaturan import pengaturan_instansi, pengaturan_ubah


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
    terakhir = obj.history.select_related("history_user").order_by("-history_id").first()
    return render(
        request,
        "organisasi/pengaturan.html",
        {"form": form, "obj": obj, "terakhir": terakhir},
    )
