"""The follow-up page of one SKP (Pasal 20-21): what the pimpinan recorded after feedback,
what the employee must sign or fill, and the formats B.1.6-B.1.10 as PDF.

Thin: read through `selectors_tindak_lanjut` (whose access helper is the SKP's), write
through `services_tindak_lanjut`, show their errors. Every form posts with HTMX and gets
the page body back (`_isi.html`); without JavaScript it posts and is redirected."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from organisasi.akses import pengguna_instansi_required
from organisasi.dokumen import nama_berkas
from skp import selectors as skp_selectors
from skp.models import SKP

from . import dokumen_tindak_lanjut as dokumen
from . import selectors_tindak_lanjut as sel
from . import services_tindak_lanjut as services
from . import tindak_lanjut as tl
from .forms_tindak_lanjut import (
    FormAmbilAlih,
    FormCoaching,
    FormEvaluasiKompetensi,
    FormKonseling,
    FormLaporanPerilaku,
    FormMentoring,
    FormTindakLanjut,
    FormUmpanBalik,
)
from .models import BimbinganKinerja, LaporanPerilakuKerja, MetodeBimbingan


def _skp(request, pk) -> SKP:
    try:
        skp = sel.skp_untuk_pengguna(request.user).get(pk=pk)
    except SKP.DoesNotExist as exc:  # another's SKP looks like none at all
        raise Http404 from exc
    # Act on the version in force: a change in progress does not replace it until signed.
    berlaku = sel.versi_berlaku(skp)
    return skp if berlaku.pk == skp.pk else sel.skp_untuk_pengguna(request.user).get(pk=berlaku.pk)


def _bimbingan(skp: SKP, pk) -> BimbinganKinerja:
    b = (
        BimbinganKinerja.objects.filter(pk=pk, skp__nomor_seri=skp.nomor_seri, skp__tahun=skp.tahun)
        .select_related("skp__pegawai", "dicatat_oleh")
        .first()
    )
    if b is None:
        raise Http404
    return b


def _laporan(skp: SKP, pk) -> LaporanPerilakuKerja:
    laporan = LaporanPerilakuKerja.objects.filter(
        pk=pk, skp__nomor_seri=skp.nomor_seri, skp__tahun=skp.tahun
    ).first()
    if laporan is None:
        raise Http404
    return laporan


def _pilihan(rhk):
    pilihan_rhk = [(r.pk, f"RHK {r.nomor}: {r.teks}"[:160]) for r in rhk]
    pilihan_iki = [(k.pk, f"{k.label}: {k.teks}"[:160]) for r in rhk for k in r.iki.all()]
    return pilihan_rhk, pilihan_iki


def _langkah(peran, rek) -> list[str]:
    """What this person should do next on this page."""
    langkah = []
    if tl.Peran.PEGAWAI in peran:
        for b in rek["bimbingan"]:
            if b.ditandatangani_pegawai_pada is None:
                langkah.append(
                    f"Periksa dan tandatangani catatan {b.get_metode_display().lower()} "
                    f"tanggal {b.tanggal:%d-%m-%Y} (format {b.kode_format})."
                )
            elif not hasattr(b, "umpan_balik"):
                langkah.append(
                    f"Isi umpan balik atas {b.get_metode_display().lower()} tanggal "
                    f"{b.tanggal:%d-%m-%Y} (format B.1.8)."
                )
        for t in rek["tindak_lanjut"]:
            if t.skp_perubahan and t.skp_perubahan.status in ("draf", "dikembalikan"):
                langkah.append(
                    "Sesuaikan perubahan SKP Anda (versi "
                    f"{t.skp_perubahan.versi}) sesuai penyesuaian ekspektasi, lalu ajukan."
                )
                break
    if tl.Peran.PIMPINAN in peran:
        for b in rek["bimbingan"]:
            if not hasattr(b, "evaluasi_kompetensi"):
                langkah.append(
                    f"Buat evaluasi kompetensi pegawai setelah {b.get_metode_display().lower()} "
                    f"tanggal {b.tanggal:%d-%m-%Y} (format B.1.9)."
                )
        if not langkah:
            langkah.append(
                "Setelah memberi umpan balik, catat tindak lanjutnya: apresiasi atau penugasan "
                "baru bila pegawai menunjukkan kemajuan; penyesuaian ekspektasi, dukungan sumber "
                "daya, atau pembinaan kinerja bila tidak."
            )
    if tl.Peran.KEPEGAWAIAN in peran or tl.Peran.PIMPINAN in peran:
        for laporan in rek["laporan"]:
            if laporan.tanggal_konseling is None:
                langkah.append(
                    f"Laporan permasalahan perilaku kerja tanggal {laporan.tanggal:%d-%m-%Y} "
                    "menunggu konseling kinerja: catat hasilnya setelah konseling."
                )
    return langkah


def _konteks(request, skp: SKP, **forms) -> dict:
    peran = sel.peran(request.user, skp)
    rhk = skp_selectors.rhk_bernomor(skp)
    pilihan_rhk, pilihan_iki = _pilihan(rhk)
    rek = sel.rekaman(skp)
    diambil = {p.rhk_id for p in rek["pengambilalihan"]}
    keadaan_ambil_alih = sel.keadaan(
        skp, tindak_lanjut_tanpa_kemajuan=sel.jumlah_tanpa_kemajuan(skp)
    )
    hari_ini = timezone.localdate()
    awal = {"tanggal": hari_ini}
    # One form per record (own prefix: ids stay unique on the page); the one that failed
    # comes back bound, with its messages.
    target = forms.get("target_id")
    for b in rek["bimbingan"]:
        b.form_umpan_balik = (
            forms["form_umpan_balik"]
            if target == b.pk and "form_umpan_balik" in forms
            else FormUmpanBalik(prefix=f"b18-{b.pk}")
        )
        b.form_evaluasi = (
            forms["form_evaluasi"]
            if target == b.pk and "form_evaluasi" in forms
            else FormEvaluasiKompetensi(prefix=f"b19-{b.pk}")
        )
    for laporan in rek["laporan"]:
        laporan.form_konseling = (
            forms["form_konseling"]
            if target == laporan.pk and "form_konseling" in forms
            else FormKonseling(
                initial={"tanggal_konseling": hari_ini}, prefix=f"konseling-{laporan.pk}"
            )
        )
    return {
        "skp": skp,
        "peran": peran,
        "pimpinan": tl.Peran.PIMPINAN in peran,
        "pegawai": tl.Peran.PEGAWAI in peran,
        "kepegawaian": tl.Peran.KEPEGAWAIAN in peran,
        "boleh_konseling": tl.boleh(tl.Aksi.CATAT_KONSELING, peran),
        "rek": rek,
        "langkah": _langkah(peran, rek),
        "skp_berlaku": keadaan_ambil_alih.skp_berlaku,
        "syarat_ambil_alih": tl.syarat_ambil_alih(keadaan_ambil_alih),
        "form_tl": forms.get("form_tl")
        or FormTindakLanjut(initial=awal, pilihan_rhk=pilihan_rhk, prefix="tl"),
        "form_coaching": forms.get("form_coaching")
        or FormCoaching(initial=awal, pilihan_iki=pilihan_iki, prefix="coaching"),
        "form_mentoring": forms.get("form_mentoring")
        or FormMentoring(initial=awal, prefix="mentoring"),
        "form_laporan": forms.get("form_laporan")
        or FormLaporanPerilaku(
            initial=awal,
            # Only the one who reports is offered the employee's feedback (one query).
            pilihan_umpan_balik=sel.umpan_balik_untuk_laporan(request.user, skp)
            if tl.Peran.PIMPINAN in peran
            else (),
            prefix="laporan",
        ),
        "form_ambil_alih": forms.get("form_ambil_alih")
        or FormAmbilAlih(
            initial=awal,
            pilihan_rhk=[p for p in pilihan_rhk if p[0] not in diambil],
            prefix="ambil",
        ),
        "terbuka": forms.get("terbuka", ""),
        "target_id": forms.get("target_id"),
        "skala": tl.SKALA_B19,
    }


@pengguna_instansi_required
def tindak_lanjut(request, pk):
    skp = _skp(request, pk)
    return render(request, "umpanbalik/tindak_lanjut/halaman.html", _konteks(request, skp))


def _hasil(request, skp: SKP, pesan: str, jangkar: str = ""):
    messages.success(request, pesan)
    if request.htmx:
        return render(request, "umpanbalik/tindak_lanjut/_isi.html", _konteks(request, skp))
    url = reverse("tindak_lanjut", args=[skp.pk])
    return redirect(f"{url}#{jangkar}" if jangkar else url)


def _gagal(request, skp: SKP, form, exc: ValidationError, terbuka: str, **lain):
    if hasattr(exc, "error_dict"):
        for kolom, pesan in exc.message_dict.items():
            bagian = kolom in getattr(form, "bagian", {})  # a table of B.1.6/B.1.7
            form.add_error(kolom if kolom in form.fields or bagian else None, pesan)
    else:
        for pesan in exc.messages:
            form.add_error(None, pesan)
    konteks = _konteks(request, skp, terbuka=terbuka, **lain)
    # Errors that belong to no field (a precondition, a role) head the page body: the form
    # they came from may not be shown at all (e.g. B.1.8 before the signature).
    konteks["galat"] = list(form.non_field_errors())
    templat = "_isi.html" if request.htmx else "halaman.html"
    # htmx swaps only 2xx: the form comes back in place with its messages.
    return render(
        request,
        f"umpanbalik/tindak_lanjut/{templat}",
        konteks,
        status=200 if request.htmx else 422,
    )


@require_POST
@pengguna_instansi_required
def catat(request, pk):
    skp = _skp(request, pk)
    pilihan_rhk, _ = _pilihan(skp_selectors.rhk_bernomor(skp))
    form = FormTindakLanjut(request.POST, pilihan_rhk=pilihan_rhk, prefix="tl")
    if form.is_valid():
        d = form.cleaned_data
        try:
            rhk = skp.rhk.get(pk=d["rhk"]) if d["rhk"] else None
            t = services.tindak_lanjut_catat(
                pengguna=request.user,
                skp=skp,
                jenis=d["jenis"],
                tanggal=d["tanggal"],
                uraian=d["uraian"],
                rhk=rhk,
            )
        except ValidationError as exc:
            return _gagal(request, skp, form, exc, "tl", form_tl=form)
        pesan = f"{t.get_jenis_display()} tercatat."
        if t.skp_perubahan:
            pesan += f" Perubahan SKP versi {t.skp_perubahan.versi} dibuka untuk pegawai."
        return _hasil(request, skp, pesan, f"tl-{t.pk}")
    return _gagal(request, skp, form, ValidationError([]), "tl", form_tl=form)


@require_POST
@pengguna_instansi_required
def bimbingan_catat(request, pk, metode):
    skp = _skp(request, pk)
    if metode not in MetodeBimbingan.values:
        raise Http404
    coaching = metode == MetodeBimbingan.COACHING
    nama_form = "form_coaching" if coaching else "form_mentoring"
    if coaching:
        _, pilihan_iki = _pilihan(rhk := skp_selectors.rhk_bernomor(skp))
        form = FormCoaching(request.POST, pilihan_iki=pilihan_iki, prefix="coaching")
    else:
        form = FormMentoring(request.POST, prefix="mentoring")
    if aksi := form.aksi_baris():
        # "Tambah baris" / "Hapus baris": the form comes back with one row more or less,
        # what was typed kept; nothing is checked or saved yet.
        konteks = _konteks(
            request, skp, terbuka=metode, **{nama_form: form.dengan_baris_diubah(aksi)}
        )
        templat = "_isi.html" if request.htmx else "halaman.html"
        return render(request, f"umpanbalik/tindak_lanjut/{templat}", konteks)
    if not form.is_valid():
        return _gagal(request, skp, form, ValidationError([]), metode, **{nama_form: form})
    try:
        isi = form.isi({k.pk: k for r in rhk for k in r.iki.all()}) if coaching else form.isi()
        b = services.bimbingan_catat(
            pengguna=request.user,
            skp=skp,
            metode=metode,
            tanggal=form.cleaned_data["tanggal"],
            tempat=form.cleaned_data["tempat"],
            isi=isi,
            pihak_lain=form.pihak_lain(),
        )
    except KeyError as exc:  # an indicator of another SKP
        raise Http404 from exc
    except ValidationError as exc:
        return _gagal(request, skp, form, exc, metode, **{nama_form: form})
    pesan = (
        f"Pelaksanaan {b.get_metode_display().lower()} tercatat; pegawai diminta menandatanganinya."
    )
    if b.skp_perubahan:
        pesan += f" Perubahan SKP versi {b.skp_perubahan.versi} dibuka."
    return _hasil(request, skp, pesan, f"bimbingan-{b.pk}")


@require_POST
@pengguna_instansi_required
def bimbingan_tandatangani(request, pk, bimbingan_pk):
    skp = _skp(request, pk)
    b = _bimbingan(skp, bimbingan_pk)
    try:
        services.bimbingan_tandatangani(pengguna=request.user, bimbingan=b)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(reverse("tindak_lanjut", args=[skp.pk]))
    return _hasil(
        request,
        skp,
        f"Format {b.kode_format} Anda tandatangani. Selanjutnya isi umpan balik (format B.1.8).",
        f"bimbingan-{b.pk}",
    )


@require_POST
@pengguna_instansi_required
def umpan_balik_isi(request, pk, bimbingan_pk):
    skp = _skp(request, pk)
    b = _bimbingan(skp, bimbingan_pk)
    form = FormUmpanBalik(request.POST, prefix=f"b18-{b.pk}")
    lain = {"form_umpan_balik": form, "target_id": b.pk}
    if not form.is_valid():
        return _gagal(request, skp, form, ValidationError([]), "b18", **lain)
    try:
        services.umpan_balik_bimbingan_isi(
            pengguna=request.user, bimbingan=b, jawaban=form.jawaban()
        )
    except ValidationError as exc:
        return _gagal(request, skp, form, exc, "b18", **lain)
    return _hasil(
        request,
        skp,
        "Umpan balik pelaksanaan bimbingan kinerja (format B.1.8) terkirim kepada atasan "
        "dari pimpinan Anda.",
        f"bimbingan-{b.pk}",
    )


@require_POST
@pengguna_instansi_required
def evaluasi_kompetensi_isi(request, pk, bimbingan_pk):
    skp = _skp(request, pk)
    b = _bimbingan(skp, bimbingan_pk)
    form = FormEvaluasiKompetensi(request.POST, prefix=f"b19-{b.pk}")
    lain = {"form_evaluasi": form, "target_id": b.pk}
    if not form.is_valid():
        return _gagal(request, skp, form, ValidationError([]), "b19", **lain)
    try:
        services.evaluasi_kompetensi_isi(
            pengguna=request.user,
            bimbingan=b,
            nilai=form.nilai(),
            teknis=form.teknis(),
            rekomendasi=form.cleaned_data["rekomendasi"],
        )
    except ValidationError as exc:
        galat = exc.message_dict if hasattr(exc, "error_dict") else {}
        if galat:
            pesan = {
                (f"nilai_{k}" if k in tl.KODE_KOMPETENSI else "teknis_nilai"): v
                for k, v in galat.items()
            }
            exc = ValidationError(pesan)
        return _gagal(request, skp, form, exc, "b19", **lain)
    return _hasil(
        request,
        skp,
        "Evaluasi kompetensi (format B.1.9) tersimpan dan dilaporkan kepada atasan Anda.",
        f"bimbingan-{b.pk}",
    )


@require_POST
@pengguna_instansi_required
def laporan_buat(request, pk):
    skp = _skp(request, pk)
    form = FormLaporanPerilaku(
        request.POST,
        pilihan_umpan_balik=sel.umpan_balik_untuk_laporan(request.user, skp),
        prefix="laporan",
    )
    if not form.is_valid():
        return _gagal(request, skp, form, ValidationError([]), "laporan", form_laporan=form)
    d = form.cleaned_data
    try:
        laporan = services.laporan_perilaku_buat(
            pengguna=request.user,
            skp=skp,
            tanggal=d["tanggal"],
            dikomunikasikan_pada=d["dikomunikasikan_pada"],
            punya_ekspektasi_khusus=d["punya_ekspektasi_khusus"] == "ya",
            ekspektasi_khusus=d["ekspektasi_khusus"],
            permasalahan=d["permasalahan"],
            serupa_pegawai_lain=d["serupa_pegawai_lain"] == "ya",
            retrospektif=d["retrospektif"],
            bukti_umpan_balik=d["bukti_umpan_balik"],
            umpan_balik=d["umpan_balik"],
        )
    except ValidationError as exc:
        return _gagal(request, skp, form, exc, "laporan", form_laporan=form)
    return _hasil(
        request,
        skp,
        "Laporan permasalahan perilaku kerja (format B.1.10) terkirim kepada unit kepegawaian.",
        f"laporan-{laporan.pk}",
    )


@require_POST
@pengguna_instansi_required
def konseling_catat(request, pk, laporan_pk):
    skp = _skp(request, pk)
    laporan = _laporan(skp, laporan_pk)
    form = FormKonseling(request.POST, prefix=f"konseling-{laporan.pk}")
    lain = {"form_konseling": form, "target_id": laporan.pk}
    if not form.is_valid():
        return _gagal(request, skp, form, ValidationError([]), "konseling", **lain)
    d = form.cleaned_data
    try:
        services.konseling_catat(
            pengguna=request.user,
            laporan=laporan,
            konselor=d["konselor"],
            jenis_konselor=d["jenis_konselor"],
            tanggal_konseling=d["tanggal_konseling"],
            hasil=d["hasil"],
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "tanggal" in exc.message_dict:
            exc = ValidationError({"tanggal_konseling": exc.message_dict["tanggal"]})
        return _gagal(request, skp, form, exc, "konseling", **lain)
    return _hasil(request, skp, "Hasil konseling kinerja tercatat.", f"laporan-{laporan.pk}")


@require_POST
@pengguna_instansi_required
def ambil_alih(request, pk):
    skp = _skp(request, pk)
    pilihan_rhk, _ = _pilihan(skp_selectors.rhk_bernomor(skp))
    form = FormAmbilAlih(request.POST, pilihan_rhk=pilihan_rhk, prefix="ambil")
    if not form.is_valid():
        return _gagal(request, skp, form, ValidationError([]), "ambil", form_ambil_alih=form)
    d = form.cleaned_data
    try:
        p = services.ambil_alih_rhk(
            pengguna=request.user,
            rhk=skp.rhk.get(pk=d["rhk"]),
            tanggal=d["tanggal"],
            catatan=d["catatan"],
        )
    except ValidationError as exc:
        return _gagal(request, skp, form, exc, "ambil", form_ambil_alih=form)
    return _hasil(
        request,
        skp,
        "Rencana hasil kerja diambil alih; catatannya akan tampil saat evaluasi kinerja.",
        f"ambil-alih-{p.pk}",
    )


# --- PDFs ---------------------------------------------------------------------------------


def _pdf(isi: bytes, nama: str) -> HttpResponse:
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = content_disposition_header(False, nama)
    resp["Cache-Control"] = "private, no-store"
    return resp


@pengguna_instansi_required
def bimbingan_pdf(request, pk, bimbingan_pk):
    skp = _skp(request, pk)
    b = _bimbingan(skp, bimbingan_pk)
    return _pdf(
        dokumen.pdf_bimbingan(b),
        nama_berkas(f"Pelaksanaan-{b.get_metode_display()}", b.tanggal, skp.pegawai.nama),
    )


@pengguna_instansi_required
def umpan_balik_pdf(request, pk, bimbingan_pk):
    skp = _skp(request, pk)
    b = _bimbingan(skp, bimbingan_pk)
    if not hasattr(b, "umpan_balik"):
        raise Http404
    return _pdf(
        dokumen.pdf_umpan_balik(b),
        nama_berkas("Umpan-Balik-Bimbingan-Kinerja", b.tanggal, skp.pegawai.nama),
    )


@pengguna_instansi_required
def evaluasi_kompetensi_pdf(request, pk, bimbingan_pk):
    skp = _skp(request, pk)
    b = _bimbingan(skp, bimbingan_pk)
    if not hasattr(b, "evaluasi_kompetensi"):
        raise Http404
    return _pdf(
        dokumen.pdf_evaluasi_kompetensi(b.evaluasi_kompetensi),
        nama_berkas("Evaluasi-Kompetensi", b.tanggal, skp.pegawai.nama),
    )


@pengguna_instansi_required
def laporan_pdf(request, pk, laporan_pk):
    skp = _skp(request, pk)
    laporan = _laporan(skp, laporan_pk)
    return _pdf(
        dokumen.pdf_laporan(laporan),
        nama_berkas("Laporan-Permasalahan-Perilaku-Kerja", laporan.tanggal, skp.pegawai.nama),
    )
