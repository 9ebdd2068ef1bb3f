"""Evaluation pages: the rater's team for a period (ratings by HTMX, calibration chart),
and the capaian kinerja organisasi page. Thin: reads through selectors, writes through
services, shows their messages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from organisasi.akses import pengguna_instansi_required
from organisasi.hari_kerja import kalender_instansi
from organisasi.models import UnitKerja
from organisasi.pengaturan import pengaturan_instansi
from skp.models import SKP

from . import grafik, kuadran, selectors, services, views_alur
from . import tenggat as tenggat_evaluasi
from .distribusi import LABEL_CAPAIAN, CapaianOrganisasi
from .models import EvaluasiKinerja
from .periode import Periode


def _periode(kode: str | None, pengaturan=None) -> Periode:
    if kode is None:
        return selectors.periode_saat_ini(timezone.localdate())
    try:
        p = Periode.dari_kode(kode)
    except ValueError as exc:
        raise Http404("Periode tidak dikenal.") from exc
    sah = selectors.periode_tahun_instansi(p.tahun, pengaturan)
    if p not in sah or not 2000 <= p.tahun <= 2100:
        raise Http404("Periode ini tidak dipakai instansi Anda.")
    return p


def _navigasi(p: Periode) -> dict:
    daftar = selectors.periode_tahun_instansi(p.tahun)
    return {
        "periode": p,
        "daftar_periode": daftar,
        "tahun_sebelum": p.tahun - 1,
        "tahun_sesudah": p.tahun + 1,
        "kode_tahun_sebelum": selectors.periode_tahun_instansi(p.tahun - 1)[0].kode,
        "kode_tahun_sesudah": selectors.periode_tahun_instansi(p.tahun + 1)[0].kode,
    }


PILIHAN_RATING = [(r.value, r.label) for r in kuadran.Rating]
PILIHAN_GAGAL = [(p.value, p.label) for p in kuadran.PREDIKAT_GAGAL_TUGAS_BELAJAR]


def _konteks_baris() -> dict:
    return {"pilihan_rating": PILIHAN_RATING, "pilihan_gagal": PILIHAN_GAGAL}


def _panel_kalibrasi(k: selectors.Kalibrasi) -> dict:
    return {"kalibrasi": k, "grafik": grafik.susun(k.jumlah, k.titik, k.capaian.label)}


PER_HALAMAN = 20
SARING = [("", "Semua pegawai"), ("belum", "Belum berpredikat")]


def _konteks_tim(request, p: Periode) -> dict:
    """A page of the rater's team (search by name or NIP, "belum berpredikat" filter,
    kept by the pagination), with the calibration panel of the WHOLE team."""
    penilai = selectors.pegawai_pengguna(request.user)
    konteks = _navigasi(p)
    konteks["penilai"] = penilai
    if penilai is None:
        return konteks
    cari = request.GET.get("q", "").strip()[:100]
    saring = request.GET.get("saring", "")
    if saring not in dict(SARING):
        saring = ""
    kalender = kalender_instansi()
    pengaturan = pengaturan_instansi()
    daftar = selectors.anggota_tim(penilai.pk, p, kalender, pengaturan)
    predikat = selectors.predikat_tim([a.pegawai_id for a in daftar], p)
    unit = selectors.unit_dipimpin(penilai.pk, p.akhir)
    capaian = selectors.capaian_berlaku(unit, p)
    terpilih = [
        a for a in daftar
        if (not cari or a.cocok(cari)) and (saring != "belum" or not predikat.get(a.pegawai_id))
    ]  # fmt: skip
    page_obj = Paginator(terpilih, PER_HALAMAN).get_page(request.GET.get("page"))
    # Realisasi and feedback load when a row is opened (evaluasi_rincian).
    baris = selectors.baris_tim(
        selectors.skp_baris([a.skp_id for a in page_obj]), p, pelaksanaan=False
    )
    views_alur.lengkapi_baris(baris, penilai, p, kalender, pengaturan)
    jendela = selectors.jendela(p, kalender, pengaturan)
    konteks.update(
        baris=baris,
        page_obj=page_obj,
        q=cari,
        saring=saring,
        pilihan_saring=SARING,
        jumlah_tim=len(daftar),
        capaian=capaian,
        jendela=jendela,
        tenggat_jendela=tenggat_evaluasi.jatuh_tempo_kasus(None, kalender, jendela),
        panduan_hasil=kuadran.PANDUAN_HASIL_KERJA,
        panduan_perilaku=kuadran.PANDUAN_PERILAKU_KERJA,
        **_konteks_baris(),
        **_panel_kalibrasi(selectors.kalibrasi_predikat(capaian, predikat, len(daftar))),
    )
    return konteks


@pengguna_instansi_required
def evaluasi_tim(request, kode: str | None = None):
    p = _periode(kode)
    konteks = _konteks_tim(request, p)
    if request.htmx and konteks.get("penilai") and request.htmx.target == "daftar-tim":
        return render(request, "evaluasi/_tim_daftar.html", konteks)
    return render(request, "evaluasi/tim.html", konteks)


def _baris_dinilai(
    request, skp_pk: int, p: Periode, kalender=None, pengaturan=None, *, simpan=False
) -> tuple[SKP, EvaluasiKinerja | None]:
    """The SKP of a row this user evaluates for `p`, and its evaluation if there is one.
    Once the evaluation exists, by the roles it recorded (its pejabat penilai; its atasan
    once taken over); before, by the team page's rule (periode.penilai_periode), which
    decides those roles when the first save creates it. `simpan`: the evaluation locked
    for the save (selectors.evaluasi_tercatat)."""
    penilai = selectors.pegawai_pengguna(request.user)
    if penilai is None:
        raise Http404
    evaluasi = selectors.evaluasi_tercatat(penilai.pk, skp_pk, p, kunci=simpan)
    if evaluasi is not None:
        return evaluasi.skp, evaluasi
    skp = selectors.skp_dinilai(penilai.pk, skp_pk, p, kalender, pengaturan, baris=simpan)
    if skp is None:
        raise Http404
    return skp, None


def _baris_simpan(skp: SKP, p: Periode, evaluasi=None) -> selectors.BarisTim:
    """The row a save answers with (_baris_simpan.html): its rating part and heading only;
    realisasi, feedback and takeover notes stay on the page as they were, unread."""
    if evaluasi is None:
        evaluasi = selectors.evaluasi_pegawai_periode(skp.pegawai_id, p).first()
    return selectors.BarisTim(skp, evaluasi, None, [])


# A saved rating answers with its row and raises this event (HX-Trigger); the calibration
# panel on the team page listens for it and reloads itself (evaluasi_kalibrasi), so a save
# never reads the rater's whole team.
KALIBRASI_BERUBAH = "kalibrasi-berubah"


@require_POST
@pengguna_instansi_required
def evaluasi_simpan(request, kode: str, skp_pk: int):
    """Save one row; answer with what a save changes in it (its rating part, its heading
    out of band). A saved rating tells the calibration panel to reload itself
    (KALIBRASI_BERUBAH)."""
    pengaturan = pengaturan_instansi()
    p = _periode(kode, pengaturan)
    kalender = kalender_instansi()
    penilai = selectors.pegawai_pengguna(request.user)
    # Access by the roles the evaluation recorded (its row locked for this save), or by
    # the team page's rule before the first save creates it.
    skp, terkunci = _baris_dinilai(request, skp_pk, p, kalender, pengaturan, simpan=True)
    isian = {
        "rating_hasil_kerja": request.POST.get("rating_hasil_kerja", ""),
        "rating_perilaku_kerja": request.POST.get("rating_perilaku_kerja", ""),
        "gagal_tugas_belajar": request.POST.get("gagal_tugas_belajar") == "1",
        "predikat_gagal": request.POST.get("predikat_gagal", ""),
        "catatan": request.POST.get("catatan", ""),
    }
    try:
        versi = int(request.POST.get("versi", ""))
    except ValueError:
        versi = -1
    galat, tersimpan, evaluasi = [], None, None
    try:
        evaluasi = services.evaluasi_nilai(
            pengguna=request.user, skp=skp, periode=p, versi=versi, terkunci=terkunci, **isian
        )
    except services.VersiUsang as exc:
        galat, tersimpan = exc.messages, exc.tersimpan
    except (ValidationError, PermissionDenied) as exc:
        galat = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
    # Refused: the row as stored (the locked one is current: nothing was changed).
    baris = _baris_simpan(skp, p, evaluasi or terkunci)
    views_alur.lengkapi_baris([baris], penilai, p, kalender, pengaturan)
    konteks = {
        "b": baris, "periode": p, "galat": galat, "tersimpan": tersimpan,
        "baru_disimpan": evaluasi is not None,
        # The row's status and PDFs change only when this save created the evaluation;
        # a refusal sends them too (someone else may have created it meanwhile).
        "status_berubah": bool(galat) or (evaluasi is not None and terkunci is None),
        **_konteks_baris(),
    }  # fmt: skip
    if galat:
        # Keep what the user entered: nothing typed is lost; the stored version (if any)
        # is the one the next save must name.
        konteks["isian"] = isian
        konteks["predikat_form"] = _predikat_atau_none(isian)
        konteks["versi_form"] = tersimpan.versi if tersimpan else (
            baris.evaluasi.versi if baris.evaluasi else 0
        )  # fmt: skip
    if request.POST.get("halaman") == "atasan":
        # The atasan's page has no calibration panel.
        konteks.update(halaman_atasan=True, kembali=reverse("evaluasi_atasan", args=[p.kode]))
    else:
        konteks["kembali"] = reverse("evaluasi_tim", args=[p.kode])
    respons = render(request, "evaluasi/_baris_simpan.html", konteks)
    if evaluasi is not None:
        trigger_client_event(respons, KALIBRASI_BERUBAH)
    return respons


@require_GET
@pengguna_instansi_required
def evaluasi_kalibrasi(request, kode: str):
    """The calibration panel of the rater's whole team for a period, reloaded after a save
    (KALIBRASI_BERUBAH): the team by the team page's rule, counted as the page counts it."""
    p = _periode(kode)
    penilai = selectors.pegawai_pengguna(request.user)
    if penilai is None:
        raise Http404
    capaian = selectors.capaian_berlaku(selectors.unit_dipimpin(penilai.pk, p.akhir), p)
    kalibrasi = selectors.kalibrasi_tim(capaian, penilai.pk, p)
    return render(
        request, "evaluasi/_kalibrasi.html", {"periode": p, **_panel_kalibrasi(kalibrasi)}
    )


def _predikat_atau_none(isian: dict):
    try:
        return kuadran.predikat_dipilih(
            isian["rating_hasil_kerja"] or None, isian["rating_perilaku_kerja"] or None,
            gagal_tugas_belajar=isian["gagal_tugas_belajar"],
            pilihan_gagal=isian["predikat_gagal"] or None,
        )  # fmt: skip
    except kuadran.PredikatTidakSah:
        return None


@require_GET
@pengguna_instansi_required
def pratinjau_predikat(request):
    """The predikat the two chosen ratings give, at once (pure quadrant, nothing saved)."""
    try:
        p = kuadran.predikat_dipilih(
            request.GET.get("rating_hasil_kerja") or None,
            request.GET.get("rating_perilaku_kerja") or None,
            gagal_tugas_belajar=request.GET.get("gagal_tugas_belajar") == "1",
            pilihan_gagal=request.GET.get("predikat_gagal") or None,
        )
        galat = ""
    except kuadran.PredikatTidakSah as exc:
        p, galat = None, str(exc)
    return render(
        request, "evaluasi/_predikat.html", {"predikat": p, "galat_predikat": galat,
                                             "id_baris": request.GET.get("baris", "")}
    )  # fmt: skip


@require_GET
@pengguna_instansi_required
def rincian_skp(request, kode: str, skp_pk: int):
    """RHK, indicators and targets of one team member, loaded when the row is opened."""
    p = _periode(kode)
    skp, _ = _baris_dinilai(request, skp_pk, p)
    daftar_rhk = selectors.rincian_rhk(skp)
    pelaksanaan = selectors.pelaksanaan_periode([skp.pk], p).get(skp.pk)
    return render(
        request,
        "evaluasi/_rincian.html",
        {"skp": skp, "daftar_rhk": daftar_rhk, "pelaksanaan": pelaksanaan, "periode": p},
    )


@pengguna_instansi_required
def capaian_organisasi(request, kode: str | None = None):
    p = _periode(kode)
    hari_ini = timezone.localdate()
    units = list(selectors.capaian_dapat_diatur(request.user, hari_ini))
    if not units:
        raise PermissionDenied(
            "Capaian kinerja organisasi diatur admin instansi atau pimpinan unit kerja."
        )
    if request.method == "POST":
        unit_id = request.POST.get("unit", "")
        # Only a real id reaches the database (an overlong number would not fit a bigint).
        if not (unit_id.isascii() and unit_id.isdigit() and len(unit_id) <= 18):
            messages.error(request, "Pilih unit kerja dari daftar.")
            return redirect("evaluasi_capaian", kode=p.kode)
        unit = get_object_or_404(UnitKerja, pk=int(unit_id))
        try:
            c = services.capaian_tetapkan(
                pengguna=request.user, unit=unit, periode=p,
                capaian=request.POST.get("capaian", ""), tanggal=hari_ini,
            )  # fmt: skip
        except ValidationError as exc:
            for pesan in exc.messages:
                messages.error(request, f"{unit.nama}: {pesan}")
        else:
            messages.success(
                request,
                f"Capaian kinerja organisasi {unit.nama} periode {p.label_lengkap}: "
                f"{LABEL_CAPAIAN[CapaianOrganisasi(c.capaian)]}.",
            )
        return redirect("evaluasi_capaian", kode=p.kode)
    tersimpan = selectors.capaian_unit([u.pk for u in units], p)
    konteks = _navigasi(p)
    konteks.update(
        baris=[(u, tersimpan.get(u.pk)) for u in units],
        pilihan=[(c.value, c.label) for c in CapaianOrganisasi],
        admin=request.user.admin_instansi,
    )
    return render(request, "evaluasi/capaian.html", konteks)
