"""Continuous feedback pages: the rekaman informasi per period (B.1.3-B.1.5), giving
feedback, the rater's guest invitation and the public guest form, the rater's team.

Thin: reads through `selectors`, writes through `services`, shows their errors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from organisasi.akses import pengguna_instansi_required
from organisasi.dokumen import nama_berkas
from skp import selectors as skp_selectors
from skp.models import SKP

from . import aturan, bukti, dokumen, selectors, selectors_tindak_lanjut, services
from .forms import FormUmpanBalik, FormUmpanBalikTamu, FormUndangan
from .views import _galat, _pdf

PER_HALAMAN = 25


def _periode_dipilih(request, skp):
    jenis = selectors.jenis_periode()
    semua = selectors.periode_skp(skp, jenis)
    kini = aturan.periode_ke(jenis, timezone.localdate())
    try:
        nomor = int(request.GET.get("periode") or request.POST.get("periode") or 0)
    except ValueError:
        nomor = 0
    if nomor not in {p.nomor for p in semua}:
        sudah = [p.nomor for p in semua if p.nomor <= kini] or [semua[0].nomor]
        nomor = sudah[-1]
    return semua, next(p for p in semua if p.nomor == nomor)


def _skp_terbaca(request, pk):
    try:
        return selectors.skp_dokumentasi_untuk_pengguna(request.user).get(pk=pk)
    except SKP.DoesNotExist as exc:
        raise Http404 from exc


def _skp_diberi(request, pk):
    try:
        return selectors.skp_dapat_diberi_umpan_balik().get(pk=pk)
    except SKP.DoesNotExist as exc:
        raise Http404 from exc


@pengguna_instansi_required
def rekaman_umpan_balik(request, pk, form_undangan=None, status=200):
    """The employee's record of continuous feedback for one period, for the employee,
    the rater (who also gives feedback and invites outside parties here), the atasan and
    the agency admin."""
    skp = _skp_terbaca(request, pk)
    semua, periode = _periode_dipilih(request, skp)
    rek = selectors.rekaman(skp, periode)
    saya = skp_selectors.pegawai_pengguna(request.user)
    penilai = saya is not None and saya.pk == skp_selectors.penilai_efektif_id(skp)
    konteks = {
        "skp": skp,
        "rek": rek,
        "seksi": selectors.seksi_rhk(rek.rhk),
        "tindak_lanjut": selectors_tindak_lanjut.tindak_lanjut_periode(skp, periode),
        "semua_periode": semua,
        "periode": periode,
        "pemilik": saya is not None and saya.pk == skp.pegawai_id,
        "penilai": penilai,
        "form_undangan": form_undangan or (FormUndangan() if penilai else None),
        "token_baru": request.session.pop("undangan_umpan_balik_baru", None) if penilai else None,
    }
    return render(request, "umpanbalik/rekaman.html", konteks, status=status)


@pengguna_instansi_required
def umpan_balik_beri(request, pk):
    """Give feedback on one employee: the source follows from who the giver is."""
    skp = _skp_diberi(request, pk)
    sumber = selectors.sumber_untuk(request.user, skp, timezone.localdate())
    if sumber is None:
        raise PermissionDenied("Anda tidak dapat memberikan umpan balik kepada pegawai ini.")
    jenis = selectors.jenis_periode()
    periode = aturan.periode_ke(jenis, timezone.localdate())
    rhk = skp_selectors.rhk_bernomor(skp)
    sifat = (aturan.INSIDENTIL,) if sumber == aturan.KETUA_KELOMPOK else None
    pilihan = selectors.pilihan_tentang(rhk)
    kirim = request.method == "POST"
    form = FormUmpanBalik(
        request.POST if kirim else None,
        request.FILES if kirim else None,
        pilihan_tentang=pilihan,
        sifat=sifat,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.umpan_balik_beri(
                    pengguna=request.user,
                    skp=skp,
                    sifat=form.cleaned_data["sifat"],
                    cara=form.cleaned_data["cara"],
                    tentang=form.cleaned_data["tentang"],
                    arah=form.cleaned_data["arah"],
                    teks=form.cleaned_data["teks"],
                    berkas=request.FILES.getlist("berkas"),
                    tautan=form.cleaned_data["tautan"].splitlines(),
                )
            except ValidationError as exc:
                _galat(form, exc)
            else:
                if sumber == aturan.KETUA_KELOMPOK:
                    messages.success(request, "Rekomendasi terkirim kepada pejabat penilai.")
                else:
                    messages.success(
                        request, "Umpan balik tersimpan dan diberitahukan kepada pegawai."
                    )
                if skp_selectors.skp_untuk_pengguna(request.user).filter(pk=skp.pk).exists():
                    return redirect(
                        reverse("rekaman_umpan_balik", args=[skp.pk]) + f"?periode={periode}"
                    )
                return redirect(reverse("umpan_balik_beri", args=[skp.pk]))
        status = 422
    konteks = {
        "skp": skp,
        "form": form,
        "sumber": sumber,
        "label_sumber": dict(aturan.SUMBER)[sumber],
        "label_periode": aturan.label_periode(jenis, skp.tahun, periode)
        if periode in aturan.periode_dalam_skp(jenis, skp.periode_mulai, skp.periode_selesai)
        else "",
        "sudah": selectors.diberikan_oleh(request.user, skp, periode),
    }
    return render(request, "umpanbalik/beri.html", konteks, status=status)


@require_POST
@pengguna_instansi_required
def undangan_buat(request, pk):
    skp = _skp_terbaca(request, pk)
    form = FormUndangan(request.POST)
    if form.is_valid():
        try:
            _, token = services.undangan_buat(pengguna=request.user, skp=skp, **form.cleaned_data)
        except ValidationError as exc:
            _galat(form, exc)
        else:
            # Shown once on the next page, never stored (only its hash is).
            request.session["undangan_umpan_balik_baru"] = request.build_absolute_uri(
                reverse("umpan_balik_tamu", args=[token])
            )
            messages.success(request, "Tautan undangan dibuat. Salin dan kirimkan sekarang.")
            return redirect(reverse("rekaman_umpan_balik", args=[skp.pk]) + "#undangan")
    return rekaman_umpan_balik(request, pk, form_undangan=form, status=422)


def _tamu_ditolak(request, exc: ValidationError):
    """An unknown token is 404 (as any unknown address); a used or expired one is 410."""
    pesan = " ".join(exc.messages)
    status = 404 if pesan == services.TOKEN_SALAH else 410
    return render(request, "umpanbalik/tamu_ditolak.html", {"pesan": pesan}, status=status)


@never_cache
@csrf_protect
def umpan_balik_tamu(request, token):
    """The public form behind a guest link: no login; one feedback on one employee."""
    try:
        undangan, rhk = services.undangan_buka(token)
    except ValidationError as exc:
        return _tamu_ditolak(request, exc)
    kirim = request.method == "POST"
    form = FormUmpanBalikTamu(
        request.POST if kirim else None,
        request.FILES if kirim else None,
        pilihan_tentang=selectors.pilihan_tentang(rhk),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.umpan_balik_tamu(
                    token=token,
                    cara=form.cleaned_data["cara"],
                    tentang=form.cleaned_data["tentang"],
                    arah=form.cleaned_data["arah"],
                    teks=form.cleaned_data["teks"],
                    berkas=request.FILES.getlist("berkas"),
                    tautan=form.cleaned_data["tautan"].splitlines(),
                )
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):
                    return _tamu_ditolak(request, exc)
                _galat(form, exc)
            else:
                return render(request, "umpanbalik/tamu_terima_kasih.html", {"undangan": undangan})
        status = 422
    return render(
        request, "umpanbalik/tamu.html", {"undangan": undangan, "form": form}, status=status
    )


@pengguna_instansi_required
def bukti_umpan_balik_unduh(request, pk):
    return bukti.unduh(selectors.bukti_umpan_balik_untuk_pengguna(request.user), pk)


@pengguna_instansi_required
def rekaman_pdf(request, pk, periode):
    skp = _skp_terbaca(request, pk)
    semua = {p.nomor: p for p in selectors.periode_skp(skp, selectors.jenis_periode())}
    if periode not in semua:
        raise Http404
    isi = dokumen.pdf_rekaman(skp, semua[periode])
    return _pdf(isi, nama_berkas("Rekaman-Umpan-Balik", skp.tahun, periode, skp.pegawai.nama))


@pengguna_instansi_required
def tim_umpan_balik(request):
    """The rater's team for a period: documentation and scheduled-feedback status."""
    saya = skp_selectors.pegawai_pengguna(request.user)
    if saya is None:
        raise Http404
    jenis = selectors.jenis_periode()
    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    kini = aturan.periode_ke(jenis, hari_ini)
    try:
        nomor = int(request.GET.get("periode") or kini)
    except ValueError:
        nomor = kini
    if not 1 <= nomor <= min(kini, aturan.jumlah_periode(jenis, tahun)):
        nomor = kini
    cari = request.GET.get("cari", "").strip()[:100]
    qs = selectors.tim_umpan_balik(saya, jenis, tahun, nomor, cari=cari)
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("page"))
    konteks = {
        "page_obj": halaman,
        "nomor": nomor,
        "label_periode": aturan.label_periode(jenis, tahun, nomor),
        "pilihan_periode": [(n, aturan.label_periode(jenis, tahun, n)) for n in range(1, kini + 1)],
        "cari": cari,
    }
    return render(request, "umpanbalik/tim.html", konteks)
