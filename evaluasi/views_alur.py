"""The evaluation document's path in pages: one case (what happened, what is due when and
why, what this person does next), the pegawai's own evaluations, the atasan pejabat
penilai's page, and the actions (sign, deliver, sign and return, report). Thin: reads
through selectors, writes through services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from organisasi.akses import pengguna_instansi_required
from organisasi.hari_kerja import kalender_instansi
from organisasi.pengaturan import pengaturan_instansi

from . import keberatan as aturan_keberatan
from . import selectors, services, workflow
from . import selectors_keberatan as sel_keberatan
from . import tenggat as tenggat_evaluasi
from . import workflow_keberatan as wk
from .periode import PENJELASAN_FINAL, Periode, SebabFinal
from .workflow import Aksi, Status

# The buttons a page offers for each action (NILAI is the row's form; AMBIL_ALIH the sweep's).
SLUG = {
    "tandatangani": None,  # D.1.1 or D.1.2, by the case's state
    "serahkan": Aksi.SERAHKAN,
    "tandatangani-pegawai": Aksi.TANDATANGANI_PEGAWAI,
    "laporkan": Aksi.LAPORKAN,
}
SLUG_AKSI = {
    Aksi.TANDATANGANI_PENILAI: "tandatangani",
    Aksi.TANDATANGANI_ATASAN: "tandatangani",
    Aksi.SERAHKAN: "serahkan",
    Aksi.TANDATANGANI_PEGAWAI: "tandatangani-pegawai",
    Aksi.LAPORKAN: "laporkan",
}


def label_aksi(aksi: Aksi, penerima: str) -> str:
    return {
        Aksi.TANDATANGANI_PENILAI: "Tandatangani dokumen evaluasi D.1.1",
        Aksi.TANDATANGANI_ATASAN: "Tandatangani dokumen evaluasi D.1.2",
        Aksi.SERAHKAN: "Serahkan kepada pegawai",
        Aksi.TANDATANGANI_PEGAWAI: "Tandatangani dan kembalikan",
        Aksi.LAPORKAN: f"Laporkan kepada {penerima}",
    }[aksi]


KONFIRMASI = {
    Aksi.TANDATANGANI_PENILAI: "Setelah ditandatangani, penilaian tidak dapat diubah. Lanjutkan?",
    Aksi.TANDATANGANI_ATASAN: "Setelah ditandatangani, penilaian tidak dapat diubah dan "
    "bersifat final. Lanjutkan?",
    Aksi.TANDATANGANI_PEGAWAI: "Anda menyatakan telah menerima dan menandatangani dokumen "
    "evaluasi ini. Lanjutkan?",
}


def tombol(evaluasi, peran, penerima: str) -> list[dict]:
    """The action buttons for this person on this case (the workflow decides)."""
    if evaluasi is None:
        return []
    hasil = []
    for a in workflow.aksi_tersedia(evaluasi.status, peran):
        if a not in SLUG_AKSI:
            continue
        if a in (Aksi.TANDATANGANI_PENILAI, Aksi.TANDATANGANI_ATASAN) and not evaluasi.predikat:
            continue
        hasil.append({"slug": SLUG_AKSI[a], "label": label_aksi(a, penerima),
                      "konfirmasi": KONFIRMASI.get(a, "")})  # fmt: skip
    return hasil


def lengkapi_baris(baris, pegawai, p: Periode, kalender, pengaturan=None) -> None:
    """Add to each team row what its viewer may do and the deadline running once signed
    or taken over (no query when the agency's settings are given)."""
    pengaturan = pengaturan or pengaturan_instansi()
    jd = selectors.jendela(p, kalender, pengaturan)
    penerima = pengaturan.penerima_laporan
    for b in baris:
        e = b.evaluasi
        if e is not None:
            peran = selectors.peran_pegawai(pegawai, e)
            b.aksi = tombol(e, peran, penerima)
        # The window's end is the same for every unsigned row: the page says it once.
        if e is not None and e.status != Status.DRAF:
            b.tenggat = tenggat_evaluasi.jatuh_tempo_kasus(e, kalender, jd)[:1]


def _kembali(request, evaluasi) -> str:
    tujuan = request.POST.get("next", "")
    if tujuan and url_has_allowed_host_and_scheme(
        tujuan, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return tujuan
    return reverse("evaluasi_kasus", args=[evaluasi.pk])


@pengguna_instansi_required
def kasus(request, pk: int):
    """One evaluation case: the result, the path so far, every deadline running (each
    explained), and what this person does next."""
    evaluasi = get_object_or_404(
        selectors.evaluasi_untuk_pengguna(request.user).select_related(
            "instansi", "atasan_penilai", "skp__penempatan__jabatan__unit", "keberatan"
        ),
        pk=pk,
    )
    p = services.periode_evaluasi(evaluasi)
    kalender = kalender_instansi()
    jd = selectors.jendela(p, kalender)
    peran = selectors.peran(request.user, evaluasi)
    penerima = pengaturan_instansi().penerima_laporan
    konteks = {
        "e": evaluasi,
        "periode": p,
        "jendela": jd,
        "peran": peran,
        "tenggat": tenggat_evaluasi.jatuh_tempo_kasus(evaluasi, kalender, jd),
        "tombol": tombol(evaluasi, peran, penerima),
        "langkah": langkah_berikut(evaluasi, peran, penerima),
        "penerima": penerima,
        "sebab_final": PENJELASAN_FINAL.get(SebabFinal(evaluasi.sebab_final))
        if evaluasi.sebab_final
        else "",
        "d12": evaluasi.status in workflow.JALUR_ATASAN
        or (evaluasi.sebab_final == SebabFinal.ATASAN_MENGAMBIL_ALIH),
        "hari_ini": timezone.localdate(),
        "dokumen": dokumen_kasus(evaluasi, peran),
        "keberatan": keberatan_kasus(evaluasi, peran, kalender, timezone.localdate()),
        "penyesuaian": selectors.penyesuaian_penilai(evaluasi),
    }
    return render(request, "evaluasi/kasus.html", konteks)


def dokumen_kasus(evaluasi, peran) -> dict | None:
    """What the case page offers to download. Once signed, the archived document (D.1.1 or
    D.1.2 with its C.1.x attached) for every party, since the pegawai keeps her copy; before
    that only the signer's preview, because an unsigned rating is not yet a result the
    pegawai has received."""
    if evaluasi.status in workflow.DITANDATANGANI:
        return {"ditandatangani": True}
    if peran & {workflow.Peran.PENILAI, workflow.Peran.ATASAN}:
        return {"ditandatangani": False}
    return None


def keberatan_kasus(evaluasi, peran, kalender, hari_ini) -> dict | None:
    """The case's keberatan as its parties see it: the one filed (for every party), or
    for the pegawai whether she may still file and until when (evaluasi/keberatan.py:
    14 working days from receiving the document, Lampiran BAB V huruf B), or why not.
    None when there is nothing to say (the document has not reached her yet)."""
    try:
        ada = evaluasi.keberatan
    except ObjectDoesNotExist:
        ada = None
    if ada is not None:
        return {"ada": ada, "status": wk.Status(ada.status).label}
    if workflow.Peran.PEGAWAI not in peran:
        return None
    s = sel_keberatan.syarat_pengajuan(evaluasi)
    if s.diterima_pada is None:
        return None
    if (sebab := aturan_keberatan.sebab_tidak_dapat_diajukan(s)) is not None:
        return {"tolak": sebab}
    batas = aturan_keberatan.batas_pengajuan(kalender, s.diterima_pada)
    if hari_ini > batas.tanggal:
        return {"tolak": aturan_keberatan.pesan_lewat_batas(batas)}
    return {"batas": batas, "hari": aturan_keberatan.HARI_PENGAJUAN}


def langkah_berikut(evaluasi, peran, penerima: str) -> str:
    """One sentence: what this person does next on this case."""
    s = evaluasi.status
    P = workflow.Peran
    if P.PEGAWAI in peran:
        return {
            Status.DRAF: "Pejabat penilai sedang mengevaluasi kinerja Anda; tidak ada yang "
            "perlu Anda lakukan sekarang.",
            Status.DIAMBIL_ALIH: "Atasan pejabat penilai sedang mengevaluasi kinerja Anda.",
            Status.D11_DITANDATANGANI: "Dokumen sudah ditandatangani pejabat penilai dan akan "
            "diserahkan kepada Anda.",
            Status.D12_DITANDATANGANI: "Dokumen sudah ditandatangani atasan pejabat penilai "
            "dan akan diserahkan kepada Anda.",
            Status.D11_DISERAHKAN: "Periksa hasil evaluasi di bawah, lalu tandatangani dan "
            "kembalikan dokumen ini.",
            Status.D12_DISERAHKAN: "Periksa hasil evaluasi di bawah, lalu tandatangani dan "
            "kembalikan dokumen ini.",
            Status.D11_DIKEMBALIKAN: f"Anda sudah menandatanganinya; pejabat penilai "
            f"melaporkannya kepada {penerima}.",
            Status.D12_DIKEMBALIKAN: f"Anda sudah menandatanganinya; atasan pejabat penilai "
            f"melaporkannya kepada {penerima}.",
            Status.DILAPORKAN: f"Selesai: dokumen telah dilaporkan kepada {penerima}.",
        }[s]
    pelaku = P.ATASAN if s in workflow.JALUR_ATASAN else P.PENILAI
    if pelaku in peran:
        return {
            Status.DRAF: "Tetapkan rating dan catatan, lalu tandatangani dokumen D.1.1 "
            "sebelum jangka waktu evaluasi berakhir.",
            Status.DIAMBIL_ALIH: "Evaluasi ini beralih kepada Anda: tetapkan rating dan "
            "catatan, lalu tandatangani dokumen D.1.2.",
            Status.D11_DITANDATANGANI: "Serahkan dokumen kepada pegawai.",
            Status.D12_DITANDATANGANI: "Serahkan dokumen kepada pegawai.",
            Status.D11_DISERAHKAN: "Menunggu pegawai menandatangani dan mengembalikannya.",
            Status.D12_DISERAHKAN: "Menunggu pegawai menandatangani dan mengembalikannya.",
            Status.D11_DIKEMBALIKAN: f"Laporkan dokumen kepada {penerima}.",
            Status.D12_DIKEMBALIKAN: f"Laporkan dokumen kepada {penerima}.",
        }.get(s, f"Selesai: dokumen telah dilaporkan kepada {penerima}.")
    return f"Status: {workflow.Status(s).label}."


@require_POST
@pengguna_instansi_required
def kasus_aksi(request, pk: int, slug: str):
    if slug not in SLUG:
        raise Http404
    evaluasi = get_object_or_404(selectors.evaluasi_untuk_pengguna(request.user), pk=pk)
    try:
        if slug == "tandatangani":
            try:
                versi = int(request.POST.get("versi", ""))
            except ValueError:
                versi = -1
            evaluasi = services.evaluasi_tandatangani(
                pengguna=request.user, evaluasi=evaluasi, versi=versi
            )
            pesan = "Dokumen evaluasi ditandatangani. Serahkan kepada pegawai."
        elif slug == "serahkan":
            evaluasi = services.evaluasi_serahkan(pengguna=request.user, evaluasi=evaluasi)
            pesan = f"Dokumen evaluasi diserahkan kepada {evaluasi.pegawai}."
        elif slug == "tandatangani-pegawai":
            evaluasi = services.evaluasi_tandatangani_pegawai(
                pengguna=request.user, evaluasi=evaluasi
            )
            pesan = "Dokumen evaluasi Anda tandatangani dan kembalikan kepada penandatangannya."
        else:
            evaluasi = services.evaluasi_laporkan(pengguna=request.user, evaluasi=evaluasi)
            pesan = f"Dokumen evaluasi dilaporkan kepada {pengaturan_instansi().penerima_laporan}."
    except PermissionDenied:
        raise
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, pesan)
    return redirect(_kembali(request, evaluasi))


@pengguna_instansi_required
def evaluasi_saya(request):
    """The pegawai's own evaluations, newest period first, each with its next step."""
    pegawai = selectors.pegawai_pengguna(request.user)
    daftar = selectors.evaluasi_pegawai(pegawai) if pegawai else []
    kalender = kalender_instansi()
    penerima = pengaturan_instansi().penerima_laporan
    baris = []
    for e in daftar:
        p = services.periode_evaluasi(e)
        jd = selectors.jendela(p, kalender)
        peran = selectors.peran_pegawai(pegawai, e)
        baris.append({
            "e": e, "periode": p,
            "tenggat": tenggat_evaluasi.jatuh_tempo_kasus(e, kalender, jd)[:1],
            "langkah": langkah_berikut(e, peran, penerima),
            "perlu": e.status in (Status.D11_DISERAHKAN, Status.D12_DISERAHKAN),
        })  # fmt: skip
    return render(request, "evaluasi/saya.html", {"baris": baris, "pegawai": pegawai})


@pengguna_instansi_required
def evaluasi_atasan(request, kode: str | None = None):
    """The atasan pejabat penilai's page for a period: cases taken over (rated here with
    the rater page's own row) and the cases of the raters under her, read-only."""
    from .views import _konteks_baris, _navigasi, _periode

    p = _periode(kode)
    pegawai = selectors.pegawai_pengguna(request.user)
    konteks = _navigasi(p)
    konteks["pegawai"] = pegawai
    konteks["hari_d12"] = workflow.TENGGAT_PER_KODE["evaluasi.d12_tandatangan"].hari_kerja
    if pegawai is None:
        return render(request, "evaluasi/atasan.html", konteks)
    kalender = kalender_instansi()
    diambil_alih, tim = selectors.kasus_atasan(pegawai.pk, p)
    lengkapi_baris(diambil_alih, pegawai, p, kalender)
    jd = selectors.jendela(p, kalender)
    penerima = pengaturan_instansi().penerima_laporan
    ringkas = [
        {"e": e, "tenggat": tenggat_evaluasi.jatuh_tempo_kasus(e, kalender, jd)[:1],
         "langkah": langkah_berikut(e, selectors.peran_pegawai(pegawai, e), penerima)}
        for e in tim
    ]  # fmt: skip
    konteks.update(
        baris=diambil_alih, tim=ringkas, jendela=jd, halaman_atasan=True, **_konteks_baris()
    )
    return render(request, "evaluasi/atasan.html", konteks)
