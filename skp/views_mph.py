"""Pages of the Matriks Pembagian Peran dan Hasil (MPH, format A.1.5) and its cascade.
Every matrix is read through `mph.mph_untuk_pengguna` (the same helper the PDF uses), so
another agency's id, or a matrix the user may not see, is a 404; writes go through
`skp.mph`. The rows come a page at a time, so the page stays small for a large team.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from organisasi.akses import pengguna_instansi_required
from organisasi.models import Pegawai

from . import mph as layanan
from . import selectors
from .aturan import BATAS_TEKS
from .models import (
    SKP,
    BarisMPH,
    IndikatorKinerjaIndividu,
    Kelompok,
    MatriksPeranHasil,
    PeranMPH,
    RencanaHasilKerja,
)
from .views_umum import galat_ke_form, pesan_galat

# --- Forms ----------------------------------------------------------------------------------


class FormSel(forms.Form):
    teks = forms.CharField(
        label="Peran hasil",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Satu peran hasil per baris, dalam bahasa hasil (mis. “Tersusunnya …”, "
        "“Meningkatnya …”), bukan kegiatan.",
    )
    tidak_ada_peran = forms.BooleanField(label="TIDAK ADA PERAN", required=False)

    def clean(self):
        data = super().clean()
        if data.get("tidak_ada_peran") and (data.get("teks") or "").strip():
            raise ValidationError("Pilih salah satu: isi peran hasil atau tandai TIDAK ADA PERAN.")
        # Each line becomes an RHK in the subordinate's SKP, which holds BATAS_TEKS characters.
        if any(len(b.strip()) > BATAS_TEKS for b in (data.get("teks") or "").splitlines()):
            self.add_error(
                "teks", f"Setiap peran hasil (satu baris) paling panjang {BATAS_TEKS} karakter."
            )
        return data


class FormBaris(forms.Form):
    nip = forms.CharField(
        label="NIP pegawai",
        max_length=200,
        widget=forms.TextInput(attrs={"list": "pilihan-pegawai", "autocomplete": "off"}),
        help_text="Pegawai lain di instansi ini, mis. anggota tim lintas unit.",
    )
    peran = forms.ChoiceField(label="Peran", choices=PeranMPH.choices)


# --- Lookups -------------------------------------------------------------------------------


def _matriks(request, pk: int) -> MatriksPeranHasil:
    return get_object_or_404(
        layanan.mph_untuk_pengguna(request.user).select_related(
            "skp_pimpinan__pegawai",
            "skp_pimpinan__penempatan__jabatan",
            "induk__skp_pimpinan__pegawai",
        ),
        pk=pk,
    )


def _url_matriks(matriks: MatriksPeranHasil, halaman=None) -> str:
    url = f"{reverse('mph', args=[matriks.skp_pimpinan_id])}?matriks={matriks.pk}"
    return f"{url}&halaman={halaman}" if halaman and str(halaman) != "1" else url


def _halaman(request) -> str:
    """The page of rows the user is on (kept across writes)."""
    nilai = request.POST.get("halaman") or request.GET.get("halaman") or "1"
    return nilai if nilai.isdigit() else "1"


# --- MPH (A.1.5) ----------------------------------------------------------------------------


def _konteks_matriks(request, matriks: MatriksPeranHasil, **lain) -> dict:
    tanggal = layanan.tanggal_acuan(matriks.skp_pimpinan)
    data = layanan.data_matriks(
        matriks, tanggal, halaman=_halaman(request), per_halaman=layanan.BARIS_PER_HALAMAN
    )
    return {
        "data": data,
        "matriks": matriks,
        "boleh": layanan.boleh_sunting(request.user, matriks),
        "form_baris": FormBaris(
            initial={"peran": PeranMPH.ANGGOTA_TIM if matriks.induk_id else PeranMPH.MANDIRI}
        ),
        "pilihan_peran": PeranMPH.choices,
        "tanggal": tanggal,
        **lain,
    }


def _matriks_selesai(request, matriks: MatriksPeranHasil, **lain):
    """After a write: the fresh matrix block for htmx, a redirect otherwise."""
    if request.htmx:
        return render(request, "skp/mph/_matriks.html", _konteks_matriks(request, matriks, **lain))
    return redirect(_url_matriks(matriks, _halaman(request)))


def _ketersediaan(skp: SKP, daftar, induk_tersedia) -> layanan.Ketersediaan:
    jpt = skp.kelompok == Kelompok.JPT_PUKM
    kolom = (IndikatorKinerjaIndividu if jpt else RencanaHasilKerja).objects.filter(skp=skp)
    return layanan.ketersediaan_mph(
        skp,
        jumlah_kolom=kolom.count(),
        pemimpin=layanan.boleh_matriks_pimpinan(skp),
        ketua_tim=bool(induk_tersedia) or any(m.induk_id for m in daftar),
    )


@pengguna_instansi_required
def mph(request, pk: int):
    """The matrices of one SKP (POST: open one). The owner sees why a matrix cannot be
    opened yet and what to do; everyone else sees the matrices they may open."""
    terlihat = layanan.mph_untuk_pengguna(request.user)
    skp = get_object_or_404(layanan.skp_mph_untuk_pengguna(request.user, terlihat), pk=pk)
    if request.method == "POST":
        induk = None
        if (nilai := request.POST.get("induk", "")).isdigit():
            induk = get_object_or_404(terlihat, pk=int(nilai))
        try:
            matriks = layanan.mph_buat(
                pengguna=request.user,
                skp=skp,
                induk=induk,
                nama_tim=request.POST.get("nama_tim", ""),
                tanggal=layanan.tanggal_acuan(skp),
            )
        except ValidationError as exc:
            pesan_galat(request, exc)
            return redirect("mph", pk=skp.pk)
        messages.success(
            request,
            f"Matriks dibuat dengan {matriks.baris.count()} baris pegawai yang Anda nilai. "
            "Tambahkan pegawai lain bila perlu, lalu isi peran hasil setiap sel.",
        )
        return redirect(_url_matriks(matriks))
    daftar = layanan.matriks_skp(skp, terlihat)
    pilih = daftar[0] if daftar else None
    if (nilai := request.GET.get("matriks", "")).isdigit():
        pilih = next((m for m in daftar if m.pk == int(nilai)), None)
        if pilih is None:
            raise Http404
    pemilik = (saya := selectors.pegawai_pengguna(request.user)) and saya.pk == skp.pegawai_id
    konteks = {
        "skp": skp,
        "daftar": daftar,
        "pemilik": pemilik,
        # The tree opens for the agency admin and unit heads (`pohon_kinerja.unit_pohon_boleh`).
        "tautan_pohon": request.user.admin_instansi
        or (pemilik and skp.penempatan.jabatan.kepala_unit),
    }
    if pemilik:
        induk_tersedia = layanan.induk_tersedia(skp) if skp.status in layanan.STATUS_MPH else []
        ada = _ketersediaan(skp, daftar, induk_tersedia)
        konteks.update(
            ketersediaan=ada,
            boleh_pimpinan=ada.tersedia
            and layanan.boleh_matriks_pimpinan(skp)
            and not any(m.induk_id is None for m in daftar),
            induk_tersedia=induk_tersedia if ada.tersedia else [],
            # Where the owner's own roles were divided: her leaders' matrices that list her.
            tercatat=list(
                terlihat.filter(baris__pegawai=saya)
                .select_related("skp_pimpinan__pegawai")
                .order_by("pk")
            ),
        )
    if pilih is not None:
        pilih.skp_pimpinan = skp
        konteks.update(_konteks_matriks(request, pilih))
    return render(request, "skp/mph/mph.html", konteks)


def _tampil_sel(request, matriks, baris, kolom, boleh):
    sel = layanan.sel_tunggal(matriks, baris, kolom)
    konteks = {"sel_daftar": [sel], "matriks": matriks, "boleh": boleh}
    return render(request, "skp/mph/_sel.html", konteks)


def _id_sel(baris, kolom) -> str:
    # Several cells may be open at once: ids must not collide.
    return f"id_sel_{baris.pk}_{kolom.pk}_%s"


def _form_sel(request, matriks, baris, kolom, form):
    konteks = {"form": form, "matriks": matriks, "baris": baris, "kolom": kolom}
    templat = "skp/mph/_sel_form.html" if request.htmx else "skp/mph/sel_halaman.html"
    return render(request, templat, konteks)


@pengguna_instansi_required
def mph_sel(request, pk: int, baris: int, kolom: int):
    """One cell, edited inline: GET shows it (`?ubah=1`: its editor), POST saves it."""
    matriks = _matriks(request, pk)
    baris = get_object_or_404(BarisMPH.objects.select_related("pegawai"), pk=baris, matriks=matriks)
    kolom = layanan.cari_kolom(matriks, kolom)
    if kolom is None:
        raise Http404
    boleh = layanan.boleh_sunting(request.user, matriks)
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied("Hanya pimpinan pemilik SKP yang ditetapkan dapat mengubah sel.")
        form = FormSel(request.POST, auto_id=_id_sel(baris, kolom))
        if form.is_valid():
            try:
                catatan = layanan.sel_simpan(
                    pengguna=request.user,
                    matriks=matriks,
                    baris=baris,
                    kolom=kolom,
                    teks=form.cleaned_data["teks"].splitlines(),
                    tidak_ada_peran=form.cleaned_data["tidak_ada_peran"],
                )
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                for c in catatan:
                    messages.warning(request, c)
                if not request.htmx:
                    messages.success(request, "Sel matriks disimpan.")
                    return redirect(_url_matriks(matriks))
                return _tampil_sel(request, matriks, baris, kolom, boleh)
        return _form_sel(request, matriks, baris, kolom, form)
    if request.GET.get("ubah") == "1" and boleh:
        sel = layanan.sel_tunggal(matriks, baris, kolom)
        form = FormSel(
            initial={
                "teks": "\n".join(p.teks for p in sel.peran),
                "tidak_ada_peran": sel.tidak_ada_peran,
            },
            auto_id=_id_sel(baris, kolom),
        )
        return _form_sel(request, matriks, baris, kolom, form)
    if not request.htmx:
        return redirect(_url_matriks(matriks))
    return _tampil_sel(request, matriks, baris, kolom, boleh)


@pengguna_instansi_required
@require_POST
def mph_turunkan(request, pk: int):
    """Make every role-result a draft RHK in its holder's SKP, and say what happened."""
    matriks = _matriks(request, pk)
    try:
        hasil = layanan.mph_turunkan(
            pengguna=request.user,
            matriks=matriks,
            tanggal=layanan.tanggal_acuan(matriks.skp_pimpinan),
        )
    except ValidationError as exc:
        pesan_galat(request, exc)
        return _matriks_selesai(request, matriks)
    if not request.htmx:
        messages.success(request, hasil.ringkasan)
        for baris in hasil.dilewati:
            messages.warning(request, baris)
    return _matriks_selesai(request, matriks, hasil=hasil)


@pengguna_instansi_required
@require_POST
def mph_baris_tambah(request, pk: int):
    matriks = _matriks(request, pk)
    form = FormBaris(request.POST)
    if not form.is_valid():
        messages.error(request, "Isi NIP pegawai dan pilih perannya.")
        return _matriks_selesai(request, matriks)
    pegawai = Pegawai.objects.filter(nip=form.cleaned_data["nip"].strip(), aktif=True).first()
    if pegawai is None:
        messages.error(
            request,
            "Pegawai dengan NIP itu tidak ditemukan di instansi ini; ketik nama atau NIP lalu "
            "pilih dari daftar saran.",
        )
        return _matriks_selesai(request, matriks)
    try:
        layanan.baris_tambah(
            pengguna=request.user,
            matriks=matriks,
            pegawai=pegawai,
            peran=form.cleaned_data["peran"],
            tanggal=layanan.tanggal_acuan(matriks.skp_pimpinan),
        )
    except ValidationError as exc:
        pesan_galat(request, exc)
    else:
        messages.success(request, f"{pegawai.nama_lengkap} ditambahkan ke matriks.")
    return _matriks_selesai(request, matriks)


@pengguna_instansi_required
@require_POST
def mph_baris(request, pk: int, baris: int):
    """Change a row's role (`peran`) or remove the row (`hapus`)."""
    matriks = _matriks(request, pk)
    baris = get_object_or_404(BarisMPH.objects.select_related("pegawai"), pk=baris, matriks=matriks)
    try:
        if "hapus" in request.POST:
            for catatan in layanan.baris_hapus(pengguna=request.user, baris=baris):
                messages.warning(request, catatan)
            messages.success(request, f"{baris.pegawai.nama_lengkap} dihapus dari matriks.")
        else:
            layanan.baris_ubah_peran(
                pengguna=request.user, baris=baris, peran=request.POST.get("peran", "")
            )
    except ValidationError as exc:
        pesan_galat(request, exc)
    return _matriks_selesai(request, matriks)


@pengguna_instansi_required
@require_POST
def mph_isi_bawahan(request, pk: int):
    """Add the subordinates not yet in the matrix (e.g. placed after it was opened)."""
    matriks = _matriks(request, pk)
    try:
        jumlah = layanan.baris_isi_bawahan(
            pengguna=request.user,
            matriks=matriks,
            tanggal=layanan.tanggal_acuan(matriks.skp_pimpinan),
        )
    except ValidationError as exc:
        pesan_galat(request, exc)
    else:
        messages.info(
            request,
            f"{jumlah} pegawai ditambahkan." if jumlah else "Semua bawahan sudah ada di matriks.",
        )
    return _matriks_selesai(request, matriks)


@pengguna_instansi_required
def mph_cari_pegawai(request, pk: int):
    """HTMX partial: <option>s for the NIP field (name or NIP, at least 3 characters)."""
    _matriks(request, pk)
    q = request.GET.get("nip", "").strip()
    pegawai = []
    if len(q) >= 3:
        saring = {"nip__startswith": q} if q.isdigit() else {"nama__icontains": q}
        pegawai = Pegawai.objects.filter(aktif=True, **saring).order_by("nama")[:20]
    return render(request, "skp/mph/_opsi_pegawai.html", {"pegawai": pegawai})
