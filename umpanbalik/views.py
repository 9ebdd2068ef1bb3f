"""Documentation pages (B.1.1 action plans, B.1.2 realisation with evidence).

Thin: read through `selectors` (whose access helper the evidence download shares),
write through `services`, show their errors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from organisasi.akses import pengguna_instansi_required
from organisasi.dokumen import nama_berkas
from organisasi.models import PengaturanInstansi
from skp import selectors as skp_selectors
from skp.models import SKP, IndikatorKinerjaIndividu, RencanaHasilKerja

from . import aturan, bukti, dokumen, selectors, services
from .forms import FormRealisasi, FormRencanaAksi, FormUbahRealisasi
from .models import BuktiDukung, Realisasi, RencanaAksi


def _skp(request, pk):
    try:
        return selectors.skp_dokumentasi_untuk_pengguna(request.user).get(pk=pk)
    except SKP.DoesNotExist as exc:  # another's SKP looks like none at all
        raise Http404 from exc


def _pilihan_iki(rhk):
    return [(k.pk, f"{k.label}: {k.teks}") for r in rhk for k in r.iki.all()]


@pengguna_instansi_required
def dokumentasi_saya(request):
    saya = skp_selectors.pegawai_pengguna(request.user)
    daftar = (
        selectors.skp_dokumentasi_untuk_pengguna(request.user).filter(pegawai=saya) if saya else []
    )
    return render(request, "umpanbalik/dokumentasi_saya.html", {"daftar": daftar})


@pengguna_instansi_required
def dokumentasi(request, pk, form=None, form_aksi=None, status=200):
    skp = _skp(request, pk)
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
    periode = next(p for p in semua if p.nomor == nomor)
    rhk = selectors.dokumentasi(skp, nomor)
    pemilik = skp.pegawai.pengguna_id == request.user.pk
    terbuka = periode.mulai <= timezone.localdate()
    dinilai = selectors.periode_dinilai(skp, periode.mulai, periode.selesai) if pemilik else None
    konteks = {
        "skp": skp,
        "rhk": rhk,
        "semua_periode": semua,
        "periode": periode,
        "terbuka": terbuka,
        "dinilai": dinilai,
        "pemilik": pemilik,
        # One answer for every entry of the period: they share owner, SKP and period.
        "boleh_ubah": pemilik
        and aturan.periksa_ubah_realisasi(
            pemilik=True, skp_berlaku=True, periode_dimulai=terbuka, dinilai=dinilai
        )
        is None,
        "form": form or FormRealisasi(pilihan_iki=_pilihan_iki(rhk)),
        "form_aksi": form_aksi or FormRencanaAksi(),
        "jenis_periode": PengaturanInstansi.Periode(jenis).label.lower(),
    }
    return render(request, "umpanbalik/dokumentasi.html", konteks, status=status)


def _galat(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for kolom, pesan in exc.message_dict.items():
            form.add_error(kolom if kolom in form.fields else None, pesan)
    else:
        for pesan in exc.messages:
            form.add_error(None, pesan)


@require_POST
@pengguna_instansi_required
def realisasi_tambah(request, pk):
    skp = _skp(request, pk)
    rhk = selectors.dokumentasi(skp, 0)
    form = FormRealisasi(request.POST, request.FILES, pilihan_iki=_pilihan_iki(rhk))
    if form.is_valid():
        iki = get_object_or_404(IndikatorKinerjaIndividu, pk=form.cleaned_data["iki"], rhk__skp=skp)
        try:
            services.realisasi_catat(
                pengguna=request.user,
                skp=skp,
                iki=iki,
                periode=int(request.POST.get("periode") or 0),
                jenis=form.cleaned_data["jenis"],
                uraian=form.cleaned_data["uraian"],
                berkas=request.FILES.getlist("berkas") + request.FILES.getlist("foto"),
                tautan=form.cleaned_data["tautan"].splitlines(),
            )
        except ValidationError as exc:
            _galat(form, exc)
        else:
            messages.success(request, "Realisasi dan bukti dukung tersimpan.")
            url = reverse("dokumentasi", args=[skp.pk])
            return redirect(f"{url}?periode={request.POST.get('periode')}#realisasi")
    return dokumentasi(request, pk, form=form, status=422)


def _realisasi(skp, realisasi_pk):
    return get_object_or_404(
        Realisasi.objects.select_related("skp", "iki").prefetch_related(
            Prefetch("bukti", queryset=BuktiDukung.objects.defer("isi").order_by("pk"))
        ),
        pk=realisasi_pk,
        skp=skp,
    )


@pengguna_instansi_required
def realisasi_butir(request, pk, realisasi_pk):
    """One documented realisation as the page shows it (what 'Batal' brings back)."""
    skp = _skp(request, pk)
    x = _realisasi(skp, realisasi_pk)
    boleh = services.realisasi_dapat_diubah(request.user, x) is None
    return render(request, "umpanbalik/_realisasi.html", {"skp": skp, "x": x, "boleh_ubah": boleh})


@pengguna_instansi_required
def realisasi_ubah(request, pk, realisasi_pk):
    """Correct one documented realisation, in place on the documentation page (HTMX), or
    on its own page without JavaScript. Only its author, while the period is open."""
    skp = _skp(request, pk)
    x = _realisasi(skp, realisasi_pk)
    if alasan := services.realisasi_dapat_diubah(request.user, x):
        if skp.pegawai.pengguna_id != request.user.pk:
            raise PermissionDenied(alasan)
        if request.method == "GET":
            messages.error(request, alasan)
            return redirect(_url_periode(skp, x.periode))
    kirim = request.method == "POST"
    form = FormUbahRealisasi(
        request.POST if kirim else None, request.FILES if kirim else None, realisasi=x
    )
    if kirim and form.is_valid():
        awalan = form.prefix + "-"
        try:
            services.realisasi_ubah(
                pengguna=request.user,
                realisasi=x,
                jenis=form.cleaned_data["jenis"],
                uraian=form.cleaned_data["uraian"],
                hapus_bukti=form.cleaned_data["hapus_bukti"],
                berkas=request.FILES.getlist(awalan + "berkas")
                + request.FILES.getlist(awalan + "foto"),
                tautan=form.cleaned_data["tautan"].splitlines(),
            )
        except ValidationError as exc:
            _galat(form, exc)
        else:
            messages.success(request, "Perubahan realisasi tersimpan.")
            if not request.htmx:
                return redirect(_url_periode(skp, x.periode))
            x = _realisasi(skp, x.pk)
            return render(
                request, "umpanbalik/_realisasi.html", {"skp": skp, "x": x, "boleh_ubah": True}
            )
    konteks = {"skp": skp, "x": x, "form": form}
    if request.htmx:
        return render(request, "umpanbalik/_realisasi_form.html", konteks)
    konteks["periode_label"] = aturan.label_periode(x.jenis_periode, skp.tahun, x.periode)
    status = 422 if kirim else 200
    return render(request, "umpanbalik/realisasi_ubah.html", konteks, status=status)


def _url_periode(skp, periode):
    return f"{reverse('dokumentasi', args=[skp.pk])}?periode={periode}#realisasi"


@require_POST
@pengguna_instansi_required
def rencana_aksi_tambah(request, pk, rhk_pk):
    skp = _skp(request, pk)
    rhk = get_object_or_404(RencanaHasilKerja, pk=rhk_pk, skp=skp)
    form = FormRencanaAksi(request.POST)
    if form.is_valid():
        try:
            services.rencana_aksi_tambah(
                pengguna=request.user, rhk=rhk, teks=form.cleaned_data["teks"]
            )
        except ValidationError as exc:
            _galat(form, exc)
        else:
            messages.success(request, "Rencana aksi ditambahkan.")
            url = reverse("dokumentasi", args=[skp.pk])
            return redirect(f"{url}?periode={request.POST.get('periode', '')}#rhk-{rhk.pk}")
    return dokumentasi(request, pk, form_aksi=form, status=422)


@require_POST
@pengguna_instansi_required
def rencana_aksi_hapus(request, pk, aksi_pk):
    skp = _skp(request, pk)
    aksi = get_object_or_404(RencanaAksi, pk=aksi_pk, rhk__skp=skp)
    try:
        services.rencana_aksi_hapus(pengguna=request.user, aksi=aksi)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(reverse("dokumentasi", args=[skp.pk]))


@pengguna_instansi_required
def bukti_unduh(request, pk):
    """Evidence, only to someone who may open its SKP (same helper as the page)."""
    return bukti.unduh(selectors.bukti_untuk_pengguna(request.user), pk)


@pengguna_instansi_required
def rencana_aksi_pdf(request, pk):
    skp = _skp(request, pk)
    isi = dokumen.pdf_rencana_aksi(skp)
    return _pdf(isi, nama_berkas("Rencana-Aksi", skp.tahun, skp.pegawai.nama))


@pengguna_instansi_required
def pendokumentasian_pdf(request, pk, periode):
    skp = _skp(request, pk)
    if periode not in {p.nomor for p in selectors.periode_skp(skp, selectors.jenis_periode())}:
        raise Http404
    isi = dokumen.pdf_pendokumentasian(skp, periode)
    return _pdf(isi, nama_berkas("Pendokumentasian-Kinerja", skp.tahun, periode, skp.pegawai.nama))


def _pdf(isi: bytes, nama: str) -> HttpResponse:
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = content_disposition_header(False, nama)
    resp["Cache-Control"] = "private, no-store"
    return resp
