"""Keberatan pages: the list (with what the pegawai may still object to, and for the
agency admin the flagged ones), filing, and one keberatan's page where each party acts
in turn. Thin: reads through selectors_keberatan, writes through services_keberatan."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from organisasi.akses import pengguna_instansi_required
from organisasi.hari_kerja import kalender_instansi
from skp.selectors import pegawai_pengguna
from umpanbalik import bukti as aturan_bukti

from . import keberatan as aturan
from . import kuadran
from . import selectors_keberatan as sel
from . import services_keberatan as layanan
from . import workflow_keberatan as wk
from .dokumen_keberatan import pdf_d13
from .models import BuktiKeberatan, EvaluasiKinerja, Keberatan

PILIHAN_RATING = [(r.value, r.label) for r in kuadran.Rating]
PILIHAN_GAGAL = [(p.value, p.label) for p in kuadran.PREDIKAT_GAGAL_TUGAS_BELAJAR]


def _kelas(predikat: str) -> str:
    return kuadran.Predikat(predikat).kelas if predikat else "netral"


def _galat(exc) -> list[str]:
    return exc.messages if isinstance(exc, ValidationError) else [str(exc)]


@require_GET
@pengguna_instansi_required
def keberatan_daftar(request):
    hari_ini = timezone.localdate()
    pegawai = pegawai_pengguna(request.user)
    kesempatan = []
    if pegawai is not None:
        kesempatan = sel.kesempatan_pegawai(pegawai.pk, kalender_instansi(), hari_ini)
    daftar = list(sel.daftar_untuk_pengguna(request.user)[:200])
    for k in daftar:
        k.periode = sel.periode_evaluasi(k.evaluasi)
    return render(
        request,
        "evaluasi/keberatan/daftar.html",
        {
            "kesempatan": kesempatan,
            "daftar": daftar,
            "admin": request.user.admin_instansi,
            "terlambat": [k for k in daftar if k.keputusan_terlambat_pada and k.terbuka],
            "pegawai": pegawai,
            "hari_pengajuan": aturan.HARI_PENGAJUAN,
            "hari_keputusan": aturan.HARI_KEPUTUSAN,
        },
    )


def _evaluasi_sendiri(request, evaluasi_pk: int) -> EvaluasiKinerja:
    try:
        return sel.evaluasi_pegawai(request.user, evaluasi_pk)
    except EvaluasiKinerja.DoesNotExist:
        raise Http404("Evaluasi tidak ditemukan.") from None


@pengguna_instansi_required
def keberatan_ajukan(request, evaluasi_pk: int):
    e = _evaluasi_sendiri(request, evaluasi_pk)
    if hasattr(e, "keberatan"):
        return redirect("keberatan_detail", pk=e.keberatan.pk)
    kalender = kalender_instansi()
    hari_ini = timezone.localdate()
    s = sel.syarat_pengajuan(e)
    galat, isian = [], {}
    if request.method == "POST":
        isian = {"alasan": request.POST.get("alasan", "")}
        try:
            k = layanan.keberatan_ajukan(
                pengguna=request.user, evaluasi=e, alasan=isian["alasan"],
                berkas=request.FILES.getlist("berkas"), tautan=request.POST.getlist("tautan"),
            )  # fmt: skip
        except (ValidationError, PermissionDenied) as exc:
            galat = _galat(exc)
        else:
            messages.success(
                request,
                "Keberatan diajukan kepada atasan pejabat penilai. Pejabat penilai diminta "
                "memberikan penjelasan.",
            )
            return redirect("keberatan_detail", pk=k.pk)
    tolak = aturan.periksa_pengajuan(s, kalender, hari_ini)
    batas = aturan.batas_pengajuan(kalender, s.diterima_pada) if s.diterima_pada else None
    perkiraan = None
    if tolak is None:
        perkiraan = aturan.jadwal(
            kalender, diajukan_pada=hari_ini, akhir_jendela=sel.akhir_jendela(e, kalender)
        )
    return render(
        request,
        "evaluasi/keberatan/ajukan.html",
        {
            "e": e,
            "periode": sel.periode_evaluasi(e),
            "tolak": tolak,
            "batas": batas,
            "perkiraan": perkiraan,
            "galat": galat,
            "isian": isian,
            "accept": aturan_bukti.ACCEPT,
            "hasil": sel.hasil_berlaku(e),
            "kelas_semula": _kelas(e.predikat),
        },  # fmt: skip
        status=400 if galat else 200,
    )


def _keberatan(request, pk: int) -> Keberatan:
    try:
        return sel.detail(request.user, pk)
    except Keberatan.DoesNotExist:
        raise Http404("Keberatan tidak ditemukan.") from None


def _konteks_detail(request, k: Keberatan, **lain) -> dict:
    kalender = kalender_instansi()
    peran = sel.peran(request.user, k)
    aksi = set(wk.aksi_tersedia(k.status, peran))
    sudah = layanan.sudah_menandatangani(k)
    permintaan = list(k.permintaan.all())
    terbuka_untuk_saya = [p for p in permintaan if not p.dijawab_pada and p.kepada in peran]
    if wk.Aksi.TANDATANGANI in aksi and not (peran - sudah):
        aksi.discard(wk.Aksi.TANDATANGANI)
    if wk.Aksi.TANGGAPI in aksi and not terbuka_untuk_saya:
        aksi.discard(wk.Aksi.TANGGAPI)
    e = k.evaluasi
    riwayat = list(k.history.select_related("history_user").order_by("history_date", "history_id"))
    return {
        "k": k, "e": e, "periode": sel.periode_evaluasi(e), "peran": peran,
        "aksi": {a.value for a in aksi}, "jadwal": sel.jadwal(k, kalender),
        "permintaan": permintaan, "terbuka_untuk_saya": terbuka_untuk_saya,
        "bukti": list(k.bukti.all()), "sudah": {p.value for p in sudah},
        "penanda_tangan": [(p.value, wk.LABEL_PERAN[p], p in sudah) for p in wk.PENANDA_TANGAN],
        "riwayat": riwayat, "pilihan_rating": PILIHAN_RATING, "pilihan_gagal": PILIHAN_GAGAL,
        "label_rating": kuadran.LABEL_RATING, "label_predikat": kuadran.LABEL_PREDIKAT,
        "hasil": sel.hasil_berlaku(e), "accept": aturan_bukti.ACCEPT,
        "langkah": _langkah(k, peran, aksi, terbuka_untuk_saya),
        "kelas_semula": _kelas(e.predikat), "kelas_baru": _kelas(k.predikat),
        "tampil_tabrakan": k.status in wk.TERBUKA | wk.BELUM_DILAPORKAN,
        "galat": [], "isian": {}, **lain,
    }  # fmt: skip


def _langkah(k, peran, aksi, terbuka_untuk_saya) -> str:
    """What this person does next, in one sentence."""
    A = wk.Aksi
    if A.JELASKAN in aksi and not k.penjelasan:
        return "Berikan penjelasan Anda atas keberatan ini kepada atasan Anda."
    if terbuka_untuk_saya:
        return "Atasan pejabat penilai meminta keterangan tambahan dari Anda: jawab di bawah."
    if A.PUTUSKAN in aksi:
        return ("Periksa hasil semula, alasan keberatan dan penjelasan, lalu tetapkan keputusan: "
                "menguatkan atau mengubah hasil evaluasi.")  # fmt: skip
    if A.TANDATANGANI in aksi:
        return "Baca dokumen D.1.3 lalu tandatangani."
    if A.LAPORKAN in aksi:
        return "Laporkan dokumen D.1.3 secara berjenjang kepada PyB."
    s = k.status_enum
    if s in wk.TERBUKA:
        return (
            "Keberatan sedang diperiksa atasan pejabat penilai; Anda akan diberi tahu keputusannya."
        )
    if s == wk.Status.DIUBAH:
        return "Menunggu tanda tangan pihak lain pada dokumen D.1.3."
    if s == wk.Status.DIKUATKAN:
        return "Keberatan selesai: hasil evaluasi semula tetap berlaku."
    return "Keberatan selesai: dokumen D.1.3 berlaku sebagai dokumen evaluasi."


@require_GET
@pengguna_instansi_required
def keberatan_detail(request, pk: int):
    k = _keberatan(request, pk)
    return render(request, "evaluasi/keberatan/detail.html", _konteks_detail(request, k))


def _aksi(request, pk: int, jalankan, sukses: str, isian_dari=()):
    k = _keberatan(request, pk)
    try:
        jalankan(k)
    except (ValidationError, PermissionDenied) as exc:
        if isinstance(exc, PermissionDenied):
            raise
        isian = {n: request.POST.get(n, "") for n in isian_dari}
        k = _keberatan(request, pk)
        konteks = _konteks_detail(request, k, galat=_galat(exc), isian=isian)
        return render(request, "evaluasi/keberatan/detail.html", konteks, status=400)
    messages.success(request, sukses)
    return redirect("keberatan_detail", pk=pk)


@require_POST
@pengguna_instansi_required
def keberatan_jelaskan(request, pk: int):
    return _aksi(
        request, pk,
        lambda k: layanan.keberatan_jelaskan(
            pengguna=request.user, keberatan=k, penjelasan=request.POST.get("penjelasan", "")
        ),
        "Penjelasan tersimpan dan disampaikan kepada atasan Anda.", ("penjelasan",),
    )  # fmt: skip


@require_POST
@pengguna_instansi_required
def keberatan_minta(request, pk: int):
    return _aksi(
        request, pk,
        lambda k: layanan.keberatan_minta_tambahan(
            pengguna=request.user, keberatan=k, kepada=request.POST.get("kepada", ""),
            pertanyaan=request.POST.get("pertanyaan", ""),
        ),
        "Permintaan keterangan tambahan terkirim.", ("kepada", "pertanyaan"),
    )  # fmt: skip


@require_POST
@pengguna_instansi_required
def keberatan_tanggapi(request, pk: int):
    return _aksi(
        request, pk,
        lambda k: layanan.keberatan_tanggapi(
            pengguna=request.user, keberatan=k, jawaban=request.POST.get("jawaban", ""),
            berkas=request.FILES.getlist("berkas"), tautan=request.POST.getlist("tautan"),
        ),
        "Keterangan tambahan terkirim kepada atasan pejabat penilai.", ("jawaban",),
    )  # fmt: skip


def _versi(request) -> int:
    nilai = request.POST.get("versi", "")
    return int(nilai) if nilai.isascii() and nilai.isdigit() and len(nilai) < 10 else -1


@require_POST
@pengguna_instansi_required
def keberatan_putuskan(request, pk: int):
    return _aksi(
        request, pk,
        lambda k: layanan.keberatan_putuskan(
            pengguna=request.user, keberatan=k, versi=_versi(request),
            keputusan=request.POST.get("keputusan", ""),
            rekomendasi=request.POST.get("rekomendasi", ""),
            rating_hasil_kerja=request.POST.get("rating_hasil_kerja", ""),
            rating_perilaku_kerja=request.POST.get("rating_perilaku_kerja", ""),
            predikat_gagal=request.POST.get("predikat_gagal", ""),
        ),
        "Keputusan keberatan ditetapkan.",
        ("keputusan", "rekomendasi", "rating_hasil_kerja", "rating_perilaku_kerja",
         "predikat_gagal"),
    )  # fmt: skip


@require_POST
@pengguna_instansi_required
def keberatan_tandatangani(request, pk: int):
    return _aksi(
        request, pk,
        lambda k: layanan.keberatan_tandatangani(pengguna=request.user, keberatan=k),
        "Dokumen D.1.3 Anda tandatangani.",
    )  # fmt: skip


@require_POST
@pengguna_instansi_required
def keberatan_laporkan(request, pk: int):
    return _aksi(
        request, pk,
        lambda k: layanan.keberatan_laporkan(pengguna=request.user, keberatan=k),
        "Dokumen D.1.3 dicatat telah dilaporkan kepada PyB.",
    )  # fmt: skip


@require_GET
@pengguna_instansi_required
def keberatan_d13_pdf(request, pk: int):
    k = _keberatan(request, pk)
    if k.status not in wk.DIUBAH_BERLAKU:
        raise Http404("Dokumen D.1.3 hanya ada bila keputusan mengubah hasil evaluasi.")
    isi, nama = pdf_d13(k)
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = content_disposition_header(False, nama)
    resp["Cache-Control"] = "private, no-store"
    return resp


@require_GET
@pengguna_instansi_required
def keberatan_bukti(request, pk: int):
    terlihat = BuktiKeberatan.objects.filter(
        keberatan__in=sel.keberatan_untuk_pengguna(request.user)
    )
    return aturan_bukti.unduh(terlihat, pk)
