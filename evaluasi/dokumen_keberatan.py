"""Format D.1.3 (000:8561-8641): the dokumen evaluasi kinerja issued when the atasan
pejabat penilai changes the result on a keberatan. Fields 1-5 are D.1.1's, built by the
same code (`evaluasi.dokumen.konteks_d1`, `_d1_isi.html`), then 6 KEBERATAN, 7 PENJELASAN
PEJABAT PENILAI KINERJA ATAS KEBERATAN, 8 KEPUTUSAN DAN REKOMENDASI ATASAN PEJABAT PENILAI
KINERJA; signature blocks 10 (pegawai) and 9 (pejabat penilai) side by side, 11 (atasan)
below on the right (`_d1_tanda_tangan.html`).

Rendered through `organisasi.dokumen.render_pdf`; archived once, when the third signature
completes it (`arsipkan_d13`), with a QR code to the public verification page as D.1.1/D.1.2
carry, and served from the archive from then on, byte for byte. Before that it is a draft
(watermarked) that shows who has signed.
"""

from __future__ import annotations

from django.utils import timezone

from organisasi import verifikasi
from organisasi.dokumen import arsip_terakhir, arsipkan, isi_arsip, nama_berkas, render_pdf
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tanggal import tanggal_id

from . import dokumen, kuadran
from . import workflow_keberatan as wk
from .keberatan import LABEL_KEPUTUSAN, Keputusan
from .models import Keberatan
from .periode import Periode

JENIS = "D.1.3"
TEMPLAT = "evaluasi/keberatan/d_1_3.html"


def _rating(nilai: str) -> str:
    return kuadran.Rating(nilai).label if nilai else "-"


def _predikat(nilai: str) -> str:
    return kuadran.Predikat(nilai).label.upper() if nilai else "-"


def _ttd(nomor: int, peran: str, orang: dict, pada) -> dict:
    tanggal = tanggal_id(timezone.localdate(pada)) if pada else ""
    return {
        **(orang or {}),
        "nomor": nomor,
        "peran": peran,
        "tanggal": tanggal,
        "keterangan": (
            f"Ditandatangani secara elektronik pada {tanggal}" if pada else "Belum ditandatangani"
        ),
    }


def keputusan_teks(k: Keberatan) -> list[str]:
    """Field 8: the decision, what it changed, and the atasan's recommendation."""
    if not k.keputusan:
        return []
    baris = [f"Keputusan: {LABEL_KEPUTUSAN[Keputusan(k.keputusan)].upper()}."]
    if k.keputusan == Keputusan.MENGUBAH:
        e = k.evaluasi
        baris += [
            f"Rating hasil kerja: {_rating(e.rating_hasil_kerja)} menjadi "
            f"{_rating(k.rating_hasil_kerja)}.",
            f"Rating perilaku kerja: {_rating(e.rating_perilaku_kerja)} menjadi "
            f"{_rating(k.rating_perilaku_kerja)}.",
            f"Predikat kinerja pegawai: {_predikat(e.predikat)} menjadi {_predikat(k.predikat)}.",
        ]
    baris.append(f"Rekomendasi: {k.rekomendasi}")
    return baris


def _penjelasan(k: Keberatan) -> str:
    """Field 7: the rater's explanation and what the atasan asked for on top of it."""
    bagian = [
        k.penjelasan
        or "Pejabat penilai kinerja tidak memberikan penjelasan sampai keputusan ditetapkan."
    ]
    bagian += [
        f"{'Pegawai' if p.kepada == wk.Peran.PEGAWAI else 'Pejabat penilai'} "
        f"(atas permintaan atasan): {p.jawaban}"
        for p in k.permintaan.all() if p.jawaban
    ]  # fmt: skip
    return "\n\n".join(bagian)


def konteks_d13(k: Keberatan, *, verifikasi_qr: dict | None = None) -> dict:
    konteks = dokumen.konteks_d1(dokumen.muat(k.evaluasi))
    orang = konteks["orang"]
    pegawai = _ttd(10, "Pegawai yang Dinilai", orang["pegawai"], k.ttd_pegawai_pada)
    penilai = _ttd(9, "Pejabat Penilai Kinerja", orang["penilai"], k.ttd_penilai_pada)
    atasan = _ttd(11, "Atasan Pejabat Penilai Kinerja", orang["atasan"], k.ttd_atasan_pada)
    if k.predikat:  # field 4 carries the result that applies: the changed predikat
        konteks["predikat"] = dokumen.CETAK_PREDIKAT.get(k.predikat, "")
    konteks.update(
        format=JENIS,
        bidang_tambahan=[
            {"nomor": 6, "judul": "KEBERATAN", "isi": k.alasan},
            {
                "nomor": 7,
                "judul": "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
                "isi": _penjelasan(k),
            },
            {
                "nomor": 8,
                "judul": "KEPUTUSAN DAN REKOMENDASI ATASAN PEJABAT PENILAI KINERJA",
                "isi": "\n".join(keputusan_teks(k)),
            },
        ],  # fmt: skip
        ttd={"tempat": pengaturan_instansi().tempat_dokumen},
        ttd_atas=[pegawai, penilai],
        ttd_bawah=[{}, atasan],  # the empty left cell keeps 11 under 9, as printed
        verifikasi=verifikasi_qr,
    )
    return konteks


def judul(k: Keberatan) -> str:
    e = k.evaluasi
    p = Periode(e.tahun, e.periode_jenis, e.periode_nomor)
    return f"D.1.3 Dokumen Evaluasi Kinerja {e.pegawai.nama_lengkap} {p.label_lengkap}"


def lengkap(k: Keberatan) -> bool:
    return k.status in (wk.Status.D13_DITANDATANGANI, wk.Status.DILAPORKAN)


def render_d13(k: Keberatan, *, token: str | None = None) -> bytes:
    qr = verifikasi.blok_qr(token) if token else None
    return render_pdf(
        TEMPLAT, konteks_d13(k, verifikasi_qr=qr), judul=judul(k), draf=not lengkap(k)
    )


def kepala_verifikasi(k: Keberatan) -> dict:
    """What the public verification page shows of D.1.3: its own header, the employee as
    printed, the date of the last signature and the status."""
    d = dokumen.konteks_d1(dokumen.muat(k.evaluasi))
    pegawai = d["orang"]["pegawai"]
    terakhir = max(
        (t for t in (k.ttd_penilai_pada, k.ttd_pegawai_pada, k.ttd_atasan_pada) if t),
        default=None,
    )
    return {
        "format": JENIS,
        "judul": dokumen.JUDUL_D,
        "periode": d["kepala"]["subjudul"][0],
        "instansi": d["kepala"]["nama_instansi"],
        "periode_penilaian": d["kepala"]["periode"],
        "nama": pegawai.get("nama", ""),
        "nip": pegawai.get("nip", ""),
        "tanggal": tanggal_id(timezone.localdate(terakhir)) if terakhir else "",
        "status": wk.Status(k.status).label,
    }


def arsipkan_d13(k: Keberatan, *, oleh):
    """Archive D.1.3 as issued (called once, by the third signature), with the key its QR
    code prints."""
    token = verifikasi.buat_token(k.instansi_id)
    return arsipkan(
        k, jenis=JENIS, judul=judul(k), isi=render_d13(k, token=token), oleh=oleh, token=token,
        kepala=kepala_verifikasi(k),
    )  # fmt: skip


def status_kini(objek_id: int) -> str:
    """The verification page's "status now" for a keberatan (registered in apps.py)."""
    k = Keberatan.objects.filter(pk=objek_id).only("status").first()
    return wk.Status(k.status).label if k else ""


def pdf_d13(k: Keberatan) -> tuple[bytes, str]:
    """The bytes to serve: the archive once complete, a fresh draft before."""
    arsip = arsip_terakhir(k, JENIS)
    isi = isi_arsip(arsip) if arsip is not None else render_d13(k)
    e = k.evaluasi
    return isi, nama_berkas("D.1.3", e.pegawai.nama, e.tahun, e.periode_jenis, e.periode_nomor)
