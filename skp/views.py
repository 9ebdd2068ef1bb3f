"""SKP pages: the employee's list and editor, the rater's inbox and review.

Editing is HTMX: each section (RHK with their IKI, ekspektasi khusus, Lampiran)
is a partial beside the page, re-rendered after every change."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget, trigger_client_event

from organisasi.akses import pengguna_instansi_required
from organisasi.pengaturan import pengaturan_instansi

from . import selectors, services, workflow
from .forms import (
    FormCatatan,
    FormEkspektasi,
    FormIKI,
    FormLampiran,
    FormPerubahan,
    FormRHK,
    FormSKPBaru,
)
from .models import (
    SKP,
    BagianLampiran,
    ButirLampiran,
    EkspektasiKhusus,
    IndikatorKinerjaIndividu,
    RencanaHasilKerja,
    Status,
)
from .perilaku import PERILAKU

# --- helpers ------------------------------------------------------------------------------


def _skp(request, pk) -> SKP:
    try:
        return selectors.skp_lengkap(pk, request.user)
    except SKP.DoesNotExist as exc:
        raise Http404 from exc


def _skp_ringan(request, pk) -> SKP:
    """The SKP row alone (visibility checked, no content, no joined people): for forms
    and changes, whose answers load their own part. A change (POST) reads it under the
    row lock its service takes (`services._kunci`), so the service need not read it again."""
    qs = selectors.skp_untuk_pengguna(request.user).select_related(None)
    if request.method == "POST":
        qs = qs.select_for_update()
    try:
        skp = qs.get(pk=pk)
    except SKP.DoesNotExist as exc:
        raise Http404 from exc
    if request.method == "POST":
        services.tandai_terkunci(skp)
    return skp


def _baris(request, pk, qs, baris_pk, *, skp_saja: bool = False):
    """One row of SKP `pk` (an RHK, an IKI, a Lampiran item) together with its SKP, in one
    query, only if the user may open that SKP; 404 otherwise. A change (POST) reads the
    SKP under the row lock its service takes (`services._kunci`), as `_skp_ringan` does."""
    qs = selectors.baris_skp_untuk_pengguna(request.user, qs, pk)
    if request.method == "POST":
        qs = qs.select_for_update(of=("skp",))
    baris = get_object_or_404(qs, pk=baris_pk)
    if request.method == "POST":
        services.tandai_terkunci(baris.skp)
    return baris


def _rhk(skp: SKP, rhk_pk) -> RencanaHasilKerja:
    rhk = get_object_or_404(RencanaHasilKerja, pk=rhk_pk, skp=skp)
    rhk.skp = skp  # the SKP the view already read: the service need not read it again
    return rhk


def _galat(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for kolom, pesan in exc.message_dict.items():
            form.add_error(kolom if kolom in form.fields else None, pesan)
    else:
        for pesan in exc.messages:
            form.add_error(None, pesan)


def _kepala_daerah(skp: SKP) -> dict | None:
    """For an SKP rated by the kepala daerah: the official's title and who acts for them."""
    if not skp.penilai_kepala_daerah:
        return None
    pengaturan = pengaturan_instansi()
    pelaksana = pengaturan.pelaksana_kepala_daerah
    return {
        "jabatan": pengaturan.jabatan_kepala_daerah,
        "pelaksana": pelaksana,
        # Acting for the official never makes someone their own rater (skp/selectors.py).
        "pelaksana_sendiri": pelaksana is not None and pelaksana.pk == skp.pegawai_id,
    }


def _konteks_sunting(request, skp: SKP) -> dict:
    """What every part of the editor needs to know: who the user is to this SKP and what
    they may do now."""
    peran = selectors.peran(request.user, skp)
    aksi = workflow.aksi_tersedia(skp.status, peran)
    return {
        "skp": skp,
        "peran": peran,
        "aksi": aksi,
        "boleh_sunting": workflow.Aksi.SUNTING in aksi,
        "boleh_atur": workflow.Aksi.ATUR in aksi,
        "kolom_iki": 2 + (skp.pendekatan == "kuantitatif") + (workflow.Aksi.SUNTING in aksi),
    }


def _konteks_rhk(skp: SKP) -> dict:
    rhk = selectors.rhk_bernomor(skp)
    selectors.tandai_pimpinan(skp, rhk)
    return {
        "rhk_utama": [r for r in rhk if r.jenis == "utama"],
        "rhk_tambahan": [r for r in rhk if r.jenis == "tambahan"],
    }


def _konteks_perilaku(skp: SKP) -> dict:
    ekspektasi = {}
    for e in skp.ekspektasi_khusus.all():
        ekspektasi.setdefault(e.nilai, []).append(e)
    return {"perilaku": [(p, ekspektasi.get(p.kode, [])) for p in PERILAKU]}


def _konteks_lampiran(skp: SKP) -> dict:
    lampiran = {b: [] for b in BagianLampiran.values}
    for b in skp.lampiran.all():
        lampiran[b.bagian].append(b)
    return {"lampiran": [(b, lbl, lampiran[b]) for b, lbl in BagianLampiran.choices]}


def _konteks(request, skp: SKP, **lain) -> dict:
    """The whole page."""
    return {
        **_konteks_sunting(request, skp),
        **_konteks_rhk(skp),
        **_konteks_perilaku(skp),
        **_konteks_lampiran(skp),
        "temuan": selectors.temuan(skp) if not skp.terkunci else [],
        "form_rhk": FormRHK(prefix="rhk"),
        "form_lampiran": FormLampiran(prefix="lampiran"),
        "form_ekspektasi": FormEkspektasi(prefix="ekspektasi"),
        "form_catatan": FormCatatan(),
        "form_perubahan": FormPerubahan(),
        "kepala_daerah": _kepala_daerah(skp),
        "penilai_tampil": selectors.identitas_penilai(skp),
        **lain,
    }


# An edit of what the checks read (RHK, IKI, Lampiran) answers with the part it changed
# and raises this event (HX-Trigger); the "Pemeriksaan isi SKP" panel listens for it and
# reloads itself (skp_pemeriksaan), so a save never recomputes the whole SKP's checks.
ISI_BERUBAH = "skp-isi-berubah"

# Each section loads only what it shows (one query per part) onto the SKP already read:
# template -> (target, parts, context builder, read by the checks).
_BAGIAN = {
    "skp/_rhk_daftar.html": ("#bagian-rhk", {"rhk"}, _konteks_rhk, True),
    "skp/_perilaku.html": ("#bagian-perilaku", {"ekspektasi_khusus"}, _konteks_perilaku, False),
    "skp/_lampiran.html": ("#bagian-lampiran", {"lampiran"}, _konteks_lampiran, True),
}


def _isi_berubah(respons):
    return trigger_client_event(respons, ISI_BERUBAH)


def _bagian(request, skp: SKP, templat, **lain):
    """Re-render one HTMX section of the SKP page from fresh rows. Forms post from
    inside the section, so the response is re-aimed at the whole section."""
    target, isi, konteks_bagian, diperiksa = _BAGIAN[templat]
    selectors.muat_isi(skp, frozenset(isi))
    konteks = {
        **_konteks_sunting(request, skp),
        **konteks_bagian(skp),
        "form_lampiran": FormLampiran(prefix="lampiran"),
        "form_ekspektasi": FormEkspektasi(prefix="ekspektasi"),
        **lain,
    }
    respons = reswap(retarget(render(request, templat, konteks), target), "innerHTML")
    return _isi_berubah(respons) if diperiksa else respons


def _satu_rhk(request, skp: SKP, rhk, *, ganti: bool = False):
    """Answer with one RHK (its number, indicators and own warnings): all that an edit of
    the RHK or of one of its indicators changes on the page. `rhk` is its id, or the row
    just saved. `ganti` re-aims the answer at the RHK's article (when the form that
    posted sits elsewhere)."""
    r = selectors.rhk_satu(skp, rhk)
    selectors.tandai_pimpinan(skp, [r])
    respons = render(request, "skp/_rhk.html", {**_konteks_sunting(request, skp), "r": r})
    if ganti:
        respons = reswap(retarget(respons, f"#rhk-{r.pk}"), "outerHTML")
    return _isi_berubah(respons)


def _baris_iki(request, skp: SKP, rhk: RencanaHasilKerja, iki: IndikatorKinerjaIndividu):
    """Answer an indicator's edit with its table row alone (labelled as on the page): the
    row just saved, numbered among its RHK's indicators and its SKP's RHK."""
    selectors.beri_label_iki(skp, rhk, iki)
    konteks = {**_konteks_sunting(request, skp), "r": rhk, "k": iki}
    return _isi_berubah(render(request, "skp/_iki_baris.html", konteks))


def _satu_butir(request, skp: SKP, butir: ButirLampiran):
    """Answer a Lampiran item's edit that kept it in its part with the item alone, as
    listed there (its place among the part's items: one query)."""
    urutan = list(
        ButirLampiran.objects.filter(skp=skp, bagian=butir.bagian)
        .order_by("urutan", "pk")
        .values_list("pk", flat=True)
    )
    konteks = {
        **_konteks_sunting(request, skp),
        "b": butir,
        "nomor": urutan.index(butir.pk) + 1,
        "label": BagianLampiran(butir.bagian).label,
    }
    return _isi_berubah(render(request, "skp/_butir.html", konteks))


# --- pages ----------------------------------------------------------------------------------


@pengguna_instansi_required
def skp_saya(request):
    pegawai = selectors.pegawai_pengguna(request.user)
    if pegawai is None:
        raise Http404("Akun ini belum terhubung dengan data pegawai.")
    hari_ini = timezone.localdate()
    form = FormSKPBaru(request.POST or None, initial={"tahun": hari_ini.year})
    if request.method == "POST" and form.is_valid():
        tahun = form.cleaned_data["tahun"]
        tanggal = hari_ini if hari_ini.year == tahun else date(tahun, 1, 2)
        try:
            skp = services.skp_buat(
                pengguna=request.user,
                pegawai=pegawai,
                tahun=tahun,
                pendekatan=form.cleaned_data["pendekatan"],
                tugas_belajar=form.cleaned_data["tugas_belajar"],
                tanggal=tanggal,
            )
        except ValidationError as exc:
            _galat(form, exc)
        else:
            messages.success(request, f"SKP {tahun} dibuat. Susun rencana hasil kerja Anda.")
            return redirect("skp_detail", pk=skp.pk)
    daftar = (
        SKP.objects.filter(pegawai=pegawai)
        .select_related("penilai", "penempatan__jabatan")
        .order_by("-tahun", "-nomor_seri", "-versi")
    )
    pengaturan = pengaturan_instansi()
    for s in daftar:
        s.penilai_tampil = selectors.identitas_penilai(s, pengaturan)
    return render(request, "skp/skp_saya.html", {"daftar": daftar, "form": form})


PER_HALAMAN = 50
# The rater filters by any status their inbox can hold (superseded versions are not listed).
STATUS_BAWAHAN = [(s, label) for s, label in Status.choices if s != Status.DIGANTI]


@pengguna_instansi_required
def skp_bawahan(request):
    """The rater's inbox, a page at a time (a team of 500 stays a small page), with search
    by name or NIP and a status filter that pagination keeps."""
    cari = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    if status not in dict(STATUS_BAWAHAN):
        status = ""
    daftar = selectors.skp_bawahan_untuk_pengguna(request.user, cari=cari, status=status)
    konteks = {
        "page_obj": Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("page")),
        "q": cari,
        "status": status,
        "pilihan_status": STATUS_BAWAHAN,
        "kepala_daerah": pengaturan_instansi().jabatan_kepala_daerah,
    }
    templat = "skp/_skp_bawahan_tabel.html" if request.htmx else "skp/skp_bawahan.html"
    return render(request, templat, konteks)


@pengguna_instansi_required
def skp_detail(request, pk):
    skp = _skp(request, pk)
    versi = SKP.objects.filter(nomor_seri=skp.nomor_seri).order_by("versi")
    konteks = _konteks(request, skp, versi=versi)
    if workflow.Peran.PEGAWAI not in konteks["peran"]:
        request.menu_aktif = "skp_bawahan"  # a rater reading a subordinate's SKP
    if workflow.Peran.PEGAWAI in konteks["peran"] and skp.status != "diganti":
        konteks["berubah"] = selectors.perubahan_penilai(skp, timezone.localdate())
    return render(request, "skp/skp_detail.html", konteks)


@pengguna_instansi_required
def skp_pemeriksaan(request, pk):
    """The "Pemeriksaan isi SKP" panel alone: loaded again after each change of content,
    reading only what the rules read (`selectors.data_aturan`)."""
    skp = _skp_ringan(request, pk)
    konteks = _konteks_sunting(request, skp)
    konteks["temuan"] = selectors.temuan(skp) if not skp.terkunci else []
    return render(request, "skp/_temuan.html", konteks)


# --- RHK and IKI (employee, while draft) ----------------------------------------------------


@pengguna_instansi_required
def rhk_form(request, pk, rhk_pk=None):
    if rhk_pk:
        rhk = _baris(request, pk, RencanaHasilKerja.objects, rhk_pk)
        skp = rhk.skp
    else:
        skp, rhk = _skp_ringan(request, pk), None
    awal = (
        {
            "teks": rhk.teks,
            "penugasan_dari": rhk.penugasan_dari,
            "pimpinan": selectors.kunci_pimpinan(rhk),
            "rhk_pimpinan_teks": rhk.rhk_pimpinan_teks,
        }
        if rhk
        else {}
    )
    pilihan = selectors.pilihan_rhk_pimpinan(skp) if skp.kelompok == "admin_jf" else []
    tersimpan = selectors.pilihan_tersimpan(rhk) if pilihan and rhk else None
    if tersimpan and tersimpan.kunci not in {p.kunci for p in pilihan}:
        pilihan = [*pilihan, tersimpan]  # an MPH team link stays selectable
    form = FormRHK(request.POST or None, initial=awal, prefix="rhk", pilihan=pilihan)
    if request.method == "POST" and form.is_valid():
        try:
            services.rhk_simpan(pengguna=request.user, skp=skp, rhk=rhk, data=form.cleaned_data)
        except ValidationError as exc:
            _galat(form, exc)
        else:
            if rhk:  # the form stood in for the RHK's article: the article comes back
                return _satu_rhk(request, skp, rhk)
            return _bagian(request, skp, "skp/_rhk_daftar.html")
    return render(request, "skp/_rhk_form.html", {"skp": skp, "rhk": rhk, "form": form})


@pengguna_instansi_required
@require_POST
def rhk_hapus(request, pk, rhk_pk):
    skp = _skp_ringan(request, pk)
    rhk = _rhk(skp, rhk_pk)
    try:
        services.rhk_hapus(pengguna=request.user, rhk=rhk)
    except ValidationError as exc:
        return _bagian(request, skp, "skp/_rhk_daftar.html", galat=exc.messages)
    return _bagian(request, skp, "skp/_rhk_daftar.html")


@pengguna_instansi_required
@require_POST
def rhk_pindah(request, pk, rhk_pk):
    skp = _skp_ringan(request, pk)
    rhk = _rhk(skp, rhk_pk)
    arah = -1 if request.POST.get("arah") == "naik" else 1
    services.rhk_pindah(pengguna=request.user, rhk=rhk, arah=arah)
    return _bagian(request, skp, "skp/_rhk_daftar.html")


@pengguna_instansi_required
def iki_form(request, pk, rhk_pk, iki_pk=None):
    if iki_pk:  # the indicator, its RHK and its SKP in one query
        qs = IndikatorKinerjaIndividu.objects.select_related("rhk").filter(rhk_id=rhk_pk)
        iki = _baris(request, pk, qs, iki_pk)
        skp, rhk = iki.skp, iki.rhk
        rhk.skp = skp  # the SKP already read: the service need not read it again
    else:
        skp = _skp_ringan(request, pk)
        rhk, iki = _rhk(skp, rhk_pk), None
    awal = {}
    if iki:
        awal = {
            "teks": iki.teks,
            "target": iki.target,
            "aspek": iki.aspek,
            "perspektif": iki.perspektif,
            "target_mutlak_dikecualikan": iki.target_mutlak_dikecualikan,
        }
    form = FormIKI(request.POST or None, initial=awal, skp=skp, prefix="iki")
    if request.method == "POST" and form.is_valid():
        try:
            services.iki_simpan(pengguna=request.user, rhk=rhk, iki=iki, data=form.cleaned_data)
        except ValidationError as exc:
            _galat(form, exc)
        else:
            if iki is None:  # a new indicator renumbers its RHK's: the RHK comes back
                return _satu_rhk(request, skp, rhk.pk, ganti=True)
            return _baris_iki(request, skp, rhk, iki)
    konteks = {"skp": skp, "rhk": rhk, "iki": iki, "form": form}
    konteks["kolom_iki"] = 3 + (skp.pendekatan == "kuantitatif")
    return render(request, "skp/_iki_form.html", konteks)


@pengguna_instansi_required
@require_POST
def iki_hapus(request, pk, iki_pk):
    skp = _skp_ringan(request, pk)
    iki = get_object_or_404(IndikatorKinerjaIndividu, pk=iki_pk, skp=skp)
    try:
        services.iki_hapus(pengguna=request.user, iki=iki)
    except ValidationError as exc:
        return _bagian(request, skp, "skp/_rhk_daftar.html", galat=exc.messages)
    return _satu_rhk(request, skp, iki.rhk_id, ganti=True)


# --- Lampiran (employee) --------------------------------------------------------------------


def _tambah(request, pk, form_kelas, prefix: str, layanan, templat: str):
    """Add one item from a section's form; on error re-render the section with the form."""
    skp = _skp_ringan(request, pk)
    form = form_kelas(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            layanan(pengguna=request.user, skp=skp, **form.cleaned_data)
        except ValidationError as exc:
            _galat(form, exc)
        else:
            return _bagian(request, skp, templat)
    return _bagian(request, skp, templat, **{f"form_{prefix}": form})


@pengguna_instansi_required
@require_POST
def lampiran_tambah(request, pk):
    return _tambah(
        request, pk, FormLampiran, "lampiran", services.lampiran_tambah, "skp/_lampiran.html"
    )


@pengguna_instansi_required
def lampiran_ubah(request, pk, butir_pk):
    """One Lampiran item edited in place: GET its form (an <li>), POST saves it."""
    butir = _baris(request, pk, ButirLampiran.objects, butir_pk)
    skp = butir.skp
    awal = {"bagian": butir.bagian, "jenis": butir.jenis, "teks": butir.teks}
    bagian_semula = butir.bagian
    form = FormLampiran(request.POST or None, initial=awal, prefix=f"butir-{butir.pk}")
    if request.method == "POST" and form.is_valid():
        try:
            services.lampiran_ubah(pengguna=request.user, butir=butir, **form.cleaned_data)
        except ValidationError as exc:
            _galat(form, exc)
        else:
            if butir.bagian == bagian_semula:  # still in its place: the item comes back
                return _satu_butir(request, skp, butir)
            return _bagian(request, skp, "skp/_lampiran.html")
    return render(request, "skp/_butir_form.html", {"skp": skp, "butir": butir, "form": form})


@pengguna_instansi_required
@require_POST
def lampiran_hapus(request, pk, butir_pk):
    skp = _skp_ringan(request, pk)
    butir = get_object_or_404(ButirLampiran, pk=butir_pk, skp=skp)
    services.lampiran_hapus(pengguna=request.user, butir=butir)
    return _bagian(request, skp, "skp/_lampiran.html")


# --- The rater: priorities and ekspektasi khusus ---------------------------------------------


@pengguna_instansi_required
@require_POST
def prioritas(request, pk, rhk_pk):
    skp = _skp_ringan(request, pk)
    rhk = _rhk(skp, rhk_pk)
    try:
        services.prioritas_atur(pengguna=request.user, rhk=rhk, jenis=request.POST.get("jenis", ""))
    except ValidationError as exc:
        return _bagian(request, skp, "skp/_rhk_daftar.html", galat=exc.messages)
    return _bagian(request, skp, "skp/_rhk_daftar.html")


@pengguna_instansi_required
@require_POST
def ekspektasi_tambah(request, pk):
    return _tambah(
        request, pk, FormEkspektasi, "ekspektasi", services.ekspektasi_tambah, "skp/_perilaku.html"
    )


@pengguna_instansi_required
@require_POST
def ekspektasi_hapus(request, pk, e_pk):
    skp = _skp_ringan(request, pk)
    e = get_object_or_404(EkspektasiKhusus, pk=e_pk, skp=skp)
    services.ekspektasi_hapus(pengguna=request.user, ekspektasi=e)
    return _bagian(request, skp, "skp/_perilaku.html")


# --- Workflow actions -------------------------------------------------------------------------

_PESAN = {
    "ajukan": "SKP diajukan kepada pejabat penilai.",
    "kembalikan": "SKP dikembalikan kepada pegawai dengan catatan.",
    "tetapkan": "SKP ditetapkan. Pegawai dapat menandatanganinya.",
    "tandatangani": "SKP ditandatangani. Dokumennya tersimpan dan dapat diunduh.",
}


@pengguna_instansi_required
@require_POST
def aksi(request, pk, nama):
    skp = _skp(request, pk)
    try:
        if nama == "ajukan":
            services.skp_ajukan(pengguna=request.user, skp=skp)
        elif nama == "kembalikan":
            services.skp_kembalikan(
                pengguna=request.user, skp=skp, catatan=request.POST.get("catatan", "")
            )
        elif nama == "tetapkan":
            services.skp_tetapkan(pengguna=request.user, skp=skp)
        elif nama == "tandatangani":
            services.skp_tandatangani(pengguna=request.user, skp=skp)
        elif nama == "perubahan":
            baru = services.skp_buat_perubahan(
                pengguna=request.user, skp=skp, alasan=request.POST.get("alasan", "")
            )
            messages.success(request, f"Versi {baru.versi} dibuat sebagai draf.")
            return redirect("skp_detail", pk=baru.pk)
        else:
            raise Http404
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
    except PermissionDenied as exc:
        messages.error(request, str(exc) or "Anda tidak berwenang melakukan tindakan ini.")
    else:
        messages.success(request, _PESAN[nama])
    return redirect("skp_detail", pk=pk)
