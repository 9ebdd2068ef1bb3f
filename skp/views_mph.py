"""Pages for the MPH (A.1.5) and its cascade, the performance tree, the Manual Indikator
Kinerja (A.1.3) and the Workblock (A.1.4). Every object is read through the tenant-scoped
managers and `skp_terlihat`, so another agency's id is a 404; writes go through `skp.mph`.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from organisasi.akses import pengguna_instansi_required
from organisasi.models import Pegawai, UnitKerja

from . import mph as layanan
from . import selectors, workflow
from .aturan import BATAS_TEKS
from .models import (
    SKP,
    BarisMPH,
    ButirWorkblock,
    IndikatorKinerjaIndividu,
    Kelompok,
    ManualIndikator,
    MatriksPeranHasil,
    Pendekatan,
    PeranMPH,
    RencanaHasilKerja,
    Workblock,
)

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


class FormManual(forms.Form):
    tujuan = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    definisi = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    formula = forms.CharField(
        label="Formula", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    satuan = forms.CharField(label="Satuan pengukuran", required=False, max_length=100)
    kualitas_kendali = forms.ChoiceField(
        label="Kualitas dan tingkat kendali",
        choices=ManualIndikator.KualitasKendali.choices,
        widget=forms.RadioSelect,
    )
    sumber_data = forms.CharField(label="Sumber data", widget=forms.Textarea(attrs={"rows": 2}))
    periode_pelaporan = forms.ChoiceField(
        label="Periode pelaporan",
        choices=ManualIndikator.PeriodePelaporan.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, pendekatan: str, **kwargs):
        super().__init__(*args, **kwargs)
        pesan = {
            "tujuan": "Tujuan wajib diisi.",
            "definisi": "Definisi wajib diisi.",
            "sumber_data": "Sumber data wajib diisi.",
            "kualitas_kendali": "Pilih kualitas dan tingkat kendali.",
            "periode_pelaporan": "Pilih periode pelaporan.",
        }
        if pendekatan == Pendekatan.KUANTITATIF:
            # V12: optional only for the qualitative approach (000:2446, 2450-2458).
            pesan["formula"] = "Formula wajib diisi pada pendekatan kuantitatif."
            pesan["satuan"] = "Satuan pengukuran wajib diisi pada pendekatan kuantitatif."
        else:
            self.fields["formula"].help_text = "Opsional bagi pendekatan hasil kerja kualitatif."
            self.fields["satuan"].help_text = "Opsional bagi pendekatan hasil kerja kualitatif."
        for nama, teks in pesan.items():
            self.fields[nama].required = True
            self.fields[nama].error_messages["required"] = teks
        self.fields["kualitas_kendali"].error_messages["invalid_choice"] = (
            "Kualitas dan tingkat kendali SKP pejabat pimpinan tinggi hanya Outcome, "
            "Outcome Antara, atau Output kendali rendah."
        )


class FormWorkblock(forms.Form):
    judul = forms.CharField(
        label="Judul inisiatif strategi pencapaian IKU", widget=forms.Textarea(attrs={"rows": 2})
    )
    indikator_diintervensi = forms.CharField(
        label="Indikator dan target yang diintervensi", widget=forms.Textarea(attrs={"rows": 2})
    )
    pemilik_strategi = forms.CharField(label="Pemilik strategi", max_length=200)
    pihak_terlibat = forms.CharField(
        label="Pihak yang terlibat", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    waktu_penyelesaian = forms.CharField(label="Waktu penyelesaian", required=False, max_length=100)
    penerima_manfaat = forms.CharField(
        label="Penerima manfaat", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    tujuan = forms.CharField(
        label="Tujuan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    anggaran = forms.CharField(label="Anggaran", required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, teks in (
            ("judul", "Judul inisiatif strategi wajib diisi."),
            ("indikator_diintervensi", "Indikator dan target yang diintervensi wajib diisi."),
            ("pemilik_strategi", "Pemilik strategi wajib diisi."),
        ):
            self.fields[nama].error_messages["required"] = teks


class FormButir(forms.Form):
    tipe = forms.ChoiceField(label="Jenis", choices=ButirWorkblock.Tipe.choices)
    kategori = forms.ChoiceField(label="Kategori", choices=ButirWorkblock.Kategori.choices)
    teks = forms.CharField(label="Uraian", widget=forms.Textarea(attrs={"rows": 2}))


def _galat_ke_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for kolom, daftar in exc.message_dict.items():
            form.add_error(kolom if kolom in form.fields else None, daftar)
    else:
        form.add_error(None, exc.messages)


# --- Shared lookups -------------------------------------------------------------------------


def _skp(request, pk: int) -> SKP:
    return get_object_or_404(selectors.skp_terlihat(request.user), pk=pk)


def _matriks(request, pk: int) -> MatriksPeranHasil:
    matriks = get_object_or_404(
        MatriksPeranHasil.objects.select_related(
            "skp_pimpinan__pegawai",
            "skp_pimpinan__penempatan__jabatan",
            "induk__skp_pimpinan__pegawai",
        ),
        pk=pk,
    )
    if not selectors.skp_terlihat(request.user).filter(pk=matriks.skp_pimpinan_id).exists():
        raise Http404
    return matriks


def _boleh_sunting_skp(pengguna, skp: SKP) -> bool:
    return workflow.boleh(workflow.Aksi.SUNTING, skp.status, selectors.peran(pengguna, skp))


def _url_matriks(matriks: MatriksPeranHasil) -> str:
    return f"{reverse('mph', args=[matriks.skp_pimpinan_id])}?matriks={matriks.pk}"


def _pesan_galat(request, exc: ValidationError) -> None:
    for pesan in exc.messages:
        messages.error(request, pesan)


# --- MPH (A.1.5) ----------------------------------------------------------------------------


def _konteks_matriks(request, matriks: MatriksPeranHasil, **lain) -> dict:
    tanggal = layanan.tanggal_acuan(matriks.skp_pimpinan)
    return {
        "data": layanan.data_matriks(matriks, tanggal),
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
    return redirect(_url_matriks(matriks))


@pengguna_instansi_required
def mph(request, pk: int):
    """The leader's Matriks Pembagian Peran dan Hasil for one SKP (POST: open a matrix)."""
    skp = _skp(request, pk)
    if request.method == "POST":
        induk = None
        if (nilai := request.POST.get("induk", "")).isdigit():
            induk = get_object_or_404(MatriksPeranHasil, pk=int(nilai))
        try:
            matriks = layanan.mph_buat(
                pengguna=request.user,
                skp=skp,
                induk=induk,
                nama_tim=request.POST.get("nama_tim", ""),
                tanggal=layanan.tanggal_acuan(skp),
            )
        except ValidationError as exc:
            _pesan_galat(request, exc)
            return redirect("mph", pk=skp.pk)
        messages.success(
            request,
            f"Matriks dibuat dengan {matriks.baris.count()} baris pegawai yang Anda nilai. "
            "Tambahkan pegawai lain bila perlu, lalu isi peran hasil setiap sel.",
        )
        return redirect(_url_matriks(matriks))
    daftar = layanan.matriks_skp(skp)
    pilih = daftar[0] if daftar else None
    if (nilai := request.GET.get("matriks", "")).isdigit():
        pilih = next((m for m in daftar if m.pk == int(nilai)), None)
        if pilih is None:
            raise Http404
    pemilik = (saya := selectors.pegawai_pengguna(request.user)) and saya.pk == skp.pegawai_id
    status_siap = skp.status in layanan.STATUS_MPH
    konteks = {
        "skp": skp,
        "daftar": daftar,
        "pemilik": pemilik,
        "status_siap": status_siap,
        "boleh_pimpinan": pemilik
        and status_siap
        and layanan.boleh_matriks_pimpinan(skp)
        and not any(m.induk_id is None for m in daftar),
        "induk_tersedia": layanan.induk_tersedia(skp) if pemilik and status_siap else [],
    }
    if pilih is not None:
        pilih.skp_pimpinan = skp
        konteks.update(_konteks_matriks(request, pilih))
    return render(request, "skp/mph/mph.html", konteks)


def _tampil_sel(request, matriks, baris, kolom, boleh):
    sel = layanan.sel_tunggal(matriks, baris, kolom)
    konteks = {"sel": sel, "matriks": matriks, "boleh": boleh, "tunggal": True}
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
                _galat_ke_form(form, exc)
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
        _pesan_galat(request, exc)
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
        _pesan_galat(request, exc)
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
        _pesan_galat(request, exc)
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
        _pesan_galat(request, exc)
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


# --- Performance tree -----------------------------------------------------------------------


@pengguna_instansi_required
def pohon_kinerja(request):
    """From the JPT's RHK down to every staff RHK of a unit and year, with the gaps."""
    hari_ini = timezone.localdate()
    tahun, galat_tahun = _tahun_pohon(request.GET.get("tahun", ""), hari_ini.year)
    daftar_unit = layanan.unit_pohon_boleh(request.user, hari_ini)
    boleh = {u["pk"]: u for u in daftar_unit}
    nilai = request.GET.get("unit", "")
    if nilai:
        if not nilai.isdigit():
            raise Http404
        if int(nilai) not in boleh:
            if UnitKerja.objects.filter(pk=int(nilai)).exists():
                raise PermissionDenied("Unit ini di luar unit yang Anda pimpin.")
            raise Http404
    if not daftar_unit and not request.user.admin_instansi:
        raise PermissionDenied("Pohon kinerja dapat dibuka admin instansi dan pimpinan unit kerja.")
    unit = boleh[int(nilai)] if nilai else (daftar_unit[0] if daftar_unit else None)
    if galat_tahun:
        # Never silently another year: say what is wrong and show no tree.
        konteks = {"unit": unit, "daftar_unit": daftar_unit, "galat_tahun": galat_tahun}
        return render(request, "skp/mph/pohon.html", konteks, status=400)
    data = layanan.pohon_kinerja(layanan.subpohon(unit["pk"], daftar_unit), tahun) if unit else None
    konteks = {"data": data, "unit": unit, "daftar_unit": daftar_unit, "tahun": tahun}
    return render(request, "skp/mph/pohon.html", konteks)


def _tahun_pohon(nilai: str, tahun_ini: int) -> tuple[int, str | None]:
    """The requested year (this year when none is given), or an error message."""
    if not nilai:
        return tahun_ini, None
    if nilai.isdigit() and 2000 <= int(nilai) <= 2100:
        return int(nilai), None
    return tahun_ini, (
        f"Tahun “{nilai[:20]}” tidak dapat ditampilkan: isi tahun antara 2000 dan 2100."
    )


# --- Manual Indikator Kinerja (A.1.3) -------------------------------------------------------


def _rhk_dengan_iki(skp: SKP) -> list[dict]:
    """RHK in SKP order, each IKI labelled as in A.1.2 ("IKI 1.2", or "IKI 1" if alone)."""
    iki = IndikatorKinerjaIndividu.objects.select_related("manual").order_by("urutan", "pk")
    daftar = sorted(
        RencanaHasilKerja.objects.filter(skp=skp).prefetch_related(Prefetch("iki", queryset=iki)),
        key=lambda r: (r.jenis != "utama", r.urutan, r.pk),
    )
    hasil = []
    for nomor, r in enumerate(daftar, 1):
        semua = list(r.iki.all())
        for n, k in enumerate(semua, 1):
            k.label = selectors.label_iki(nomor, n, len(semua))
            k.manual_ada = getattr(k, "manual", None)
        hasil.append({"nomor": nomor, "rhk": r, "iki": semua})
    return hasil


@pengguna_instansi_required
def manual_ik(request, pk: int):
    skp = _skp(request, pk)
    konteks = {
        "skp": skp,
        "jpt": skp.kelompok == Kelompok.JPT_PUKM,
        "boleh": _boleh_sunting_skp(request.user, skp) and skp.kelompok == Kelompok.JPT_PUKM,
        "daftar": _rhk_dengan_iki(skp) if skp.kelompok == Kelompok.JPT_PUKM else [],
    }
    return render(request, "skp/mph/manual_ik.html", konteks)


def _iki_berlabel(skp: SKP, iki_pk: int) -> IndikatorKinerjaIndividu:
    for kelompok in _rhk_dengan_iki(skp):
        for k in kelompok["iki"]:
            if k.pk == iki_pk:
                return k
    raise Http404


@pengguna_instansi_required
def manual_ik_ubah(request, pk: int, iki: int):
    """One IKI's manual: GET its editor, POST saves (htmx: the card comes back)."""
    skp = _skp(request, pk)
    iki = _iki_berlabel(skp, iki)
    boleh = _boleh_sunting_skp(request.user, skp) and skp.kelompok == Kelompok.JPT_PUKM
    manual = iki.manual_ada
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied("Manual hanya diubah pemilik SKP selama SKP berstatus draf.")
        form = FormManual(request.POST, pendekatan=skp.pendekatan, auto_id=f"id_m{iki.pk}_%s")
        if form.is_valid():
            try:
                manual = layanan.manual_simpan(
                    pengguna=request.user, iki=iki, data=form.cleaned_data
                )
            except ValidationError as exc:
                _galat_ke_form(form, exc)
            else:
                if not request.htmx:
                    messages.success(request, f"Manual {iki.label} disimpan.")
                    return redirect("manual_ik", pk=skp.pk)
                iki.manual_ada = manual
                return render(
                    request,
                    "skp/mph/_manual_kartu.html",
                    {"skp": skp, "iki": iki, "boleh": boleh, "disimpan": True},
                )
    else:
        if not boleh:
            return redirect("manual_ik", pk=skp.pk)
        awal = {k: getattr(manual, k) for k in layanan.KOLOM_MANUAL} if manual else {}
        form = FormManual(initial=awal, pendekatan=skp.pendekatan, auto_id=f"id_m{iki.pk}_%s")
    konteks = {"skp": skp, "iki": iki, "form": form}
    templat = "skp/mph/_manual_form.html" if request.htmx else "skp/mph/manual_ik_ubah.html"
    return render(request, templat, konteks)


@pengguna_instansi_required
def manual_ik_kartu(request, pk: int, iki: int):
    """HTMX partial: one IKI's manual, read-only (the editor's "Batal")."""
    skp = _skp(request, pk)
    iki = _iki_berlabel(skp, iki)
    boleh = _boleh_sunting_skp(request.user, skp) and skp.kelompok == Kelompok.JPT_PUKM
    return render(request, "skp/mph/_manual_kartu.html", {"skp": skp, "iki": iki, "boleh": boleh})


# --- Workblock (A.1.4) ----------------------------------------------------------------------


def _konteks_workblock(request, skp: SKP, form=None) -> dict:
    daftar = list(Workblock.objects.filter(skp=skp).prefetch_related("butir").order_by("pk"))
    for wb in daftar:
        wb.bernomor = layanan.butir_bernomor(wb)
    boleh = _boleh_sunting_skp(request.user, skp) and skp.kelompok == Kelompok.JPT_PUKM
    if form is None:
        form = FormWorkblock(initial={"pemilik_strategi": layanan.jabatan_skp(skp)})
    return {
        "skp": skp,
        "jpt": skp.kelompok == Kelompok.JPT_PUKM,
        "boleh": boleh,
        "daftar": daftar,
        "form": form,
        "form_butir": FormButir(),
        "iki": [k for r in _rhk_dengan_iki(skp) for k in r["iki"]] if boleh else [],
    }


def _workblock_selesai(request, skp: SKP, form=None):
    if request.htmx:
        return render(
            request, "skp/mph/_workblock_daftar.html", _konteks_workblock(request, skp, form)
        )
    if form is not None and form.errors:
        return render(request, "skp/mph/workblock.html", _konteks_workblock(request, skp, form))
    return redirect("workblock", pk=skp.pk)


@pengguna_instansi_required
def workblock(request, pk: int):
    """The SKP's Workblocks (GET) and a new one (POST)."""
    skp = _skp(request, pk)
    if request.method == "POST":
        form = FormWorkblock(request.POST)
        if form.is_valid():
            try:
                layanan.workblock_simpan(pengguna=request.user, skp=skp, data=form.cleaned_data)
            except ValidationError as exc:
                _galat_ke_form(form, exc)
            else:
                messages.success(request, "Workblock ditambahkan.")
                return _workblock_selesai(request, skp)
        return _workblock_selesai(request, skp, form)
    return render(request, "skp/mph/workblock.html", _konteks_workblock(request, skp))


def _workblock_milik(skp: SKP, wb: int) -> Workblock:
    return get_object_or_404(Workblock.objects.prefetch_related("butir"), pk=wb, skp=skp)


@pengguna_instansi_required
def workblock_ubah(request, pk: int, wb: int):
    skp = _skp(request, pk)
    obj = _workblock_milik(skp, wb)
    if request.method == "POST":
        form = FormWorkblock(request.POST)
        if form.is_valid():
            try:
                layanan.workblock_simpan(
                    pengguna=request.user, skp=skp, data=form.cleaned_data, workblock=obj
                )
            except ValidationError as exc:
                _galat_ke_form(form, exc)
            else:
                messages.success(request, "Workblock disimpan.")
                return _workblock_selesai(request, skp)
    else:
        if not _boleh_sunting_skp(request.user, skp):
            return redirect("workblock", pk=skp.pk)
        form = FormWorkblock(initial={k: getattr(obj, k) for k in layanan.KOLOM_WORKBLOCK})
    return render(
        request, "skp/mph/workblock_ubah.html", {"skp": skp, "workblock": obj, "form": form}
    )


@pengguna_instansi_required
@require_POST
def workblock_hapus(request, pk: int, wb: int):
    skp = _skp(request, pk)
    layanan.workblock_hapus(pengguna=request.user, workblock=_workblock_milik(skp, wb))
    messages.success(request, "Workblock dihapus.")
    return _workblock_selesai(request, skp)


@pengguna_instansi_required
@require_POST
def workblock_butir(request, pk: int, wb: int):
    """Add one key activity or key milestone."""
    skp = _skp(request, pk)
    obj = _workblock_milik(skp, wb)
    form = FormButir(request.POST)
    if form.is_valid():
        try:
            layanan.butir_tambah(pengguna=request.user, workblock=obj, **form.cleaned_data)
        except ValidationError as exc:
            _pesan_galat(request, exc)
    else:
        messages.error(request, "Pilih jenis dan kategori, lalu tuliskan uraiannya.")
    return _workblock_selesai(request, skp)


@pengguna_instansi_required
@require_POST
def workblock_butir_hapus(request, pk: int, butir: int):
    skp = _skp(request, pk)
    obj = get_object_or_404(ButirWorkblock, pk=butir, skp=skp)
    layanan.butir_hapus(pengguna=request.user, butir=obj)
    return _workblock_selesai(request, skp)
