"""The BKD/BKPSDM admin's organisation screens, and each employee's own profile."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from . import selectors, services
from .akses import admin_instansi_required, pengguna_instansi_required
from .forms import FormDelegasi, FormPegawai, FormPenempatan, FormTanggal
from .models import AturanPenilai, Jabatan, JenisPenempatan, Pegawai, UnitKerja

PER_HALAMAN = 50


def _tanggal(request):
    form = FormTanggal(request.GET)
    if form.is_valid() and form.cleaned_data["tanggal"]:
        return form.cleaned_data["tanggal"]
    return timezone.localdate()


def _tampilkan_galat(form, exc: ValidationError):
    for kolom, pesan in exc.message_dict.items():
        form.add_error(kolom if kolom in form.fields else None, pesan)


# --- Unit tree -----------------------------------------------------------------------------


def _unit_dengan_jumlah(qs, tanggal):
    aktif = selectors.berlaku_pada(tanggal, "jabatan__penempatan__")
    return qs.filter(aktif=True).annotate(
        jumlah_anak=Count("anak", distinct=True),
        jumlah_pegawai=Count(
            "jabatan__penempatan",
            filter=aktif & Q(jabatan__penempatan__jenis=JenisPenempatan.DEFINITIF),
            distinct=True,
        ),
    )


@admin_instansi_required
def unit_pohon(request):
    tanggal = _tanggal(request)
    akar = _unit_dengan_jumlah(UnitKerja.objects.filter(induk__isnull=True), tanggal)
    return render(request, "organisasi/unit_pohon.html", {"daftar": akar, "tanggal": tanggal})


@admin_instansi_required
def unit_anak(request, pk):
    """HTMX partial: the children of one unit, each expandable in turn."""
    unit = get_object_or_404(UnitKerja, pk=pk)
    anak = _unit_dengan_jumlah(unit.anak.all(), _tanggal(request))
    return render(request, "organisasi/_unit_anak.html", {"daftar": anak, "induk": unit})


@admin_instansi_required
def unit_detail(request, pk):
    """A unit's positions and the people in it, with who rates each of them and why."""
    unit = get_object_or_404(UnitKerja.objects.select_related("induk"), pk=pk)
    tanggal = _tanggal(request)
    termasuk_sub = request.GET.get("sub") == "1"
    unit_ids = selectors.subpohon_unit(unit) if termasuk_sub else [unit.pk]
    pegawai = (
        Pegawai.objects.filter(
            selectors.berlaku_pada(tanggal, "penempatan__"),
            penempatan__jabatan__unit__in=unit_ids,
            penempatan__jenis=JenisPenempatan.DEFINITIF,
        )
        .distinct()
        .order_by("nama")
    )
    halaman = Paginator(pegawai, PER_HALAMAN).get_page(request.GET.get("page"))
    baris = selectors.baris_penilai(halaman.object_list, tanggal)
    konteks = {
        "unit": unit,
        "jalur": selectors.jalur_unit(unit),
        "jabatan": unit.jabatan.all(),
        "page_obj": halaman,
        "baris": baris,
        "tanggal": tanggal,
        "termasuk_sub": termasuk_sub,
    }
    return render(request, "organisasi/unit_detail.html", konteks)


# --- Employees -------------------------------------------------------------------------------


@admin_instansi_required
def pegawai_daftar(request):
    """Search by NIP or name; `tanpa_penilai=1` lists employees nobody rates."""
    tanggal = _tanggal(request)
    q = request.GET.get("q", "").strip()
    tanpa_penilai = request.GET.get("tanpa_penilai") == "1"
    rangkap = request.GET.get("rangkap") == "1"
    pegawai = Pegawai.objects.filter(aktif=True).order_by("nama")
    if q:
        pegawai = pegawai.filter(Q(nip__startswith=q) | Q(nama__icontains=q))
    if tanpa_penilai or rangkap:
        if tanpa_penilai:
            daftar = selectors.pegawai_tanpa_penilai(pegawai, tanggal)
        else:
            daftar = selectors.pegawai_penilai_rangkap(pegawai, tanggal)
        halaman = Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("page"))
    else:
        halaman = Paginator(pegawai, PER_HALAMAN).get_page(request.GET.get("page"))
    konteks = {
        "page_obj": halaman,
        "baris": selectors.baris_penilai(halaman.object_list, tanggal),
        "q": q,
        "tanpa_penilai": tanpa_penilai,
        "rangkap": rangkap,
        "tanggal": tanggal,
    }
    templat = "organisasi/_pegawai_tabel.html" if request.htmx else "organisasi/pegawai_daftar.html"
    return render(request, templat, konteks)


def _halaman_pegawai(request, pegawai, *, untuk_admin: bool):
    tanggal = _tanggal(request)
    konteks = {
        "pegawai": pegawai,
        "info_nip": selectors.info_nip(pegawai.nip),
        "penempatan": pegawai.penempatan.select_related("jabatan__unit").order_by("-mulai"),
        "delegasi": pegawai.delegasi_dinilai.select_related("penilai").order_by("-mulai"),
        "hasil": selectors.penilai_pegawai([pegawai], tanggal)[pegawai.pk],
        "tanggal": tanggal,
        "untuk_admin": untuk_admin,
    }
    return render(request, "organisasi/pegawai_detail.html", konteks)


@admin_instansi_required
def pegawai_detail(request, pk):
    return _halaman_pegawai(request, get_object_or_404(Pegawai, pk=pk), untuk_admin=True)


@pengguna_instansi_required
def profil(request):
    """The logged-in employee's own page: who rates me, and why."""
    pegawai = Pegawai.objects.filter(pengguna=request.user).first()
    if pegawai is None:
        raise Http404("Akun ini belum terhubung dengan data pegawai.")
    return _halaman_pegawai(request, pegawai, untuk_admin=False)


@admin_instansi_required
def pegawai_ubah(request, pk):
    pegawai = get_object_or_404(Pegawai, pk=pk)
    form = FormPegawai(request.POST or None, instance=pegawai)
    if request.method == "POST" and form.is_valid():
        try:
            services.pegawai_ubah(pengguna=request.user, pegawai=pegawai, data=form.cleaned_data)
        except ValidationError as exc:
            _tampilkan_galat(form, exc)
        else:
            messages.success(request, "Data pegawai disimpan.")
            return redirect("pegawai_detail", pk=pegawai.pk)
    return render(request, "organisasi/pegawai_form.html", {"form": form, "pegawai": pegawai})


@admin_instansi_required
def penempatan_tambah(request, pk):
    """Record a transfer or an acting post (Plt/Plh) with its effective date."""
    pegawai = get_object_or_404(Pegawai, pk=pk)
    form = FormPenempatan(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.penempatan_catat(
                pengguna=request.user,
                pegawai=pegawai,
                jabatan=data["jabatan"],
                jenis=data["jenis"],
                mulai=data["mulai"],
                selesai=data["selesai"],
                dasar=data["dasar"],
                diperbantukan=data["diperbantukan"],
                berwenang_menilai=data["berwenang_menilai"],
            )
        except ValidationError as exc:
            _tampilkan_galat(form, exc)
        else:
            messages.success(request, "Penempatan dicatat.")
            return redirect("pegawai_detail", pk=pegawai.pk)
    return render(request, "organisasi/penempatan_form.html", {"form": form, "pegawai": pegawai})


@admin_instansi_required
def jabatan_opsi(request):
    """HTMX partial: the positions of the unit chosen in the placement form."""
    unit_id = request.GET.get("unit")
    jabatan = Jabatan.objects.filter(unit_id=unit_id) if unit_id and unit_id.isdigit() else []
    return render(request, "organisasi/_jabatan_opsi.html", {"jabatan": jabatan})


@admin_instansi_required
def delegasi_tambah(request, pk):
    pegawai = get_object_or_404(Pegawai, pk=pk)
    form = FormDelegasi(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delegasi_tambah(pengguna=request.user, pegawai=pegawai, **form.cleaned_data)
        except ValidationError as exc:
            _tampilkan_galat(form, exc)
        else:
            messages.success(request, "Delegasi penilai ditetapkan.")
            return redirect("pegawai_detail", pk=pegawai.pk)
    return render(request, "organisasi/delegasi_form.html", {"form": form, "pegawai": pegawai})


@admin_instansi_required
def aturan_penilai(request):
    """The agency's rater table as loaded (for Bekasi: Lampiran II), for checking."""
    aturan = AturanPenilai.objects.order_by("pk")
    return render(request, "organisasi/aturan_penilai.html", {"aturan": aturan})
