"""The BKD admin's import of units and employees; included under "impor/" in config/urls.py."""

import csv
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_POST

from .akses import admin_instansi_required
from .impor import baca, pekerjaan, rencana
from .models import ImporData

UKURAN_MB = baca.MAKS_UKURAN // (1024 * 1024)
BARIS_PER_HALAMAN = 100
# The columns the result table shows (the rest stays in the stored result).
KOLOM_TAMPIL = {
    ImporData.Jenis.UNIT: [
        ("nama", "Nama"),
        ("induk", "Induk"),
        ("jenis", "Jenis"),
        ("kode", "Kode"),
    ],
    ImporData.Jenis.PEGAWAI: [
        ("nip", "NIP"),
        ("nama", "Nama"),
        ("golongan", "Golongan"),
        ("jabatan", "Jabatan"),
        ("unit", "Unit kerja"),
    ],
}
TAMPILAN = [
    ("", "Semua"),
    (rencana.GALAT, "Bergalat"),
    (rencana.BARU, "Baru"),
    (rencana.DIPERBARUI, "Diperbarui"),
    (rencana.TETAP, "Tetap"),
]


class FormImpor(forms.Form):
    jenis = forms.ChoiceField(
        label="Jenis data",
        choices=ImporData.Jenis.choices,
        initial=ImporData.Jenis.PEGAWAI,
        widget=forms.RadioSelect,
        help_text="Impor unit kerja lebih dahulu: baris pegawai merujuk ke unit yang sudah ada.",
    )
    berkas = forms.FileField(
        label="Berkas",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        help_text=f"CSV (UTF-8, pemisah koma atau titik koma) atau Excel .xlsx, paling besar "
        f"{UKURAN_MB} MB. Baris pertama berisi nama kolom.",
        error_messages={
            "required": "Pilih berkas yang akan diimpor.",
            "empty": "Berkas kosong; pilih berkas yang berisi data.",
            "invalid": "Berkas tidak terkirim dengan benar; pilih ulang berkasnya.",
            "missing": "Berkas tidak terkirim; pilih ulang berkasnya.",
        },
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        nama = berkas.name.lower()
        if nama.endswith(".xls"):
            raise ValidationError(
                "Format .xls (Excel lama) tidak didukung; buka di Excel lalu simpan sebagai "
                ".xlsx atau CSV UTF-8."
            )
        if not nama.endswith((".csv", ".xlsx")):
            raise ValidationError("Berkas harus berformat .csv atau .xlsx.")
        if berkas.size > baca.MAKS_UKURAN:
            ukuran = f"{berkas.size / (1024 * 1024):.1f}".replace(".", ",")
            raise ValidationError(
                f"Ukuran berkas {ukuran} MB melebihi batas {UKURAN_MB} MB; pecah menjadi "
                "beberapa berkas."
            )
        isi = berkas.read()
        if not isi.strip():
            raise ValidationError("Berkas kosong; pilih berkas yang berisi data.")
        if nama.endswith(".xlsx") and not isi.startswith(b"PK\x03\x04"):
            raise ValidationError("Berkas ini bukan berkas Excel .xlsx yang sah.")
        if nama.endswith(".csv") and (b"\x00" in isi[:4096] or isi.startswith(b"PK\x03\x04")):
            raise ValidationError(
                "Berkas ini bukan teks CSV (mungkin berkas Excel yang diganti namanya)."
            )
        self.cleaned_data["isi"] = isi
        return berkas


def _impor(pk: int, *, dengan_hasil: bool = True) -> ImporData:
    # The file itself is never shown; the per-row result only when the job is done.
    tunda = ["isi"] if dengan_hasil else ["isi", "hasil"]
    return get_object_or_404(ImporData.objects.defer(*tunda), pk=pk)


def _konteks(request, impor: ImporData) -> dict:
    ringkasan = impor.ringkasan or {}
    konteks = {
        "impor": impor,
        "ringkasan": ringkasan,
        "valid": ringkasan.get("total", 0) - ringkasan.get(rencana.GALAT, 0),
        "persen": round(100 * impor.diproses / impor.total_baris) if impor.total_baris else 0,
    }
    if impor.selesai:
        tampil = request.GET.get("tampil", "")
        if tampil not in dict(TAMPILAN):
            tampil = ""
        baris = impor.hasil or []
        if tampil:
            baris = [b for b in baris if b["aksi"] == tampil]
        halaman = Paginator(baris, BARIS_PER_HALAMAN).get_page(request.GET.get("page"))
        kolom = KOLOM_TAMPIL[impor.jenis]
        konteks.update(
            tampil=tampil,
            pilihan_tampil=[
                (nilai, label, ringkasan.get(nilai or "total", 0)) for nilai, label in TAMPILAN
            ],
            page_obj=halaman,
            judul_kolom=[judul for _, judul in kolom],
            baris=[{**b, "sel": [b["data"].get(nama, "") for nama, _ in kolom]} for b in halaman],
        )
    return konteks


def _tampilkan_status(request, impor: ImporData):
    response = render(request, "organisasi/_impor_status.html", _konteks(request, impor))
    patch_vary_headers(response, ("HX-Request",))
    return response


@admin_instansi_required
def impor(request):
    jenis_awal = request.GET.get("jenis")
    if jenis_awal not in ImporData.Jenis.values:
        jenis_awal = ImporData.Jenis.PEGAWAI
    form = FormImpor(request.POST or None, request.FILES or None, initial={"jenis": jenis_awal})
    if request.method == "POST" and form.is_valid():
        baru = pekerjaan.buat_impor(
            pengguna=request.user,
            jenis=form.cleaned_data["jenis"],
            nama_berkas=form.cleaned_data["berkas"].name,
            isi=form.cleaned_data["isi"],
        )
        messages.success(
            request, f"Berkas {baru.nama_berkas} diterima; pratinjau sedang disiapkan."
        )
        return redirect("impor_detail", pk=baru.pk)
    daftar = ImporData.objects.defer("isi", "hasil").select_related("dibuat_oleh")[:20]
    return render(
        request,
        "organisasi/impor.html",
        {
            "form": form,
            "daftar": daftar,
            "spesifikasi": [
                (ImporData.Jenis.UNIT.label, ImporData.Jenis.UNIT, baca.KOLOM_UNIT),
                (ImporData.Jenis.PEGAWAI.label, ImporData.Jenis.PEGAWAI, baca.KOLOM_PEGAWAI),
            ],
        },
    )


@admin_instansi_required
@require_GET
def impor_detail(request, pk: int):
    impor = _impor(pk)
    if request.htmx:
        # Paging and filtering the table swap the status block only.
        return _tampilkan_status(request, impor)
    response = render(request, "organisasi/impor_detail.html", _konteks(request, impor))
    patch_vary_headers(response, ("HX-Request",))
    return response


@admin_instansi_required
@require_GET
def impor_status(request, pk: int):
    """The block the detail page polls every second while the worker is busy."""
    impor = _impor(pk, dengan_hasil=False)
    if impor.selesai:
        impor = _impor(pk)
    return _tampilkan_status(request, impor)


@admin_instansi_required
@require_POST
def impor_terapkan(request, pk: int):
    impor = _impor(pk, dengan_hasil=False)
    try:
        pekerjaan.mulai_terapkan(
            pengguna=request.user,
            impor=impor,
            terapkan_yang_valid=bool(request.POST.get("terapkan_yang_valid")),
        )
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
    else:
        messages.success(request, "Penerapan dimulai. Halaman ini diperbarui otomatis.")
    if request.htmx:
        return _tampilkan_status(request, _impor(pk))
    return redirect("impor_detail", pk=pk)


@admin_instansi_required
@require_GET
def impor_contoh(request, jenis: str):
    """An empty template with the headers; ';' so Excel in an Indonesian locale splits it."""
    if jenis not in ImporData.Jenis.values:
        raise Http404
    keluaran = io.StringIO()
    csv.writer(keluaran, delimiter=";", lineterminator="\r\n").writerow(baca.kolom_templat(jenis))
    # The BOM makes Excel read the file as UTF-8.
    response = HttpResponse("\ufeff" + keluaran.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="templat-impor-{jenis}.csv"'
    return response
