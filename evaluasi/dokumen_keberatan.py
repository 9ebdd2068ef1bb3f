"""Format D.1.3 (000:8561-8641): the dokumen evaluasi kinerja issued when the atasan
pejabat penilai changes the result on a keberatan. Fields 1-5 as D.1.1, then 6 KEBERATAN,
7 PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN, 8 KEPUTUSAN DAN REKOMENDASI ATASAN
PEJABAT PENILAI KINERJA; signature blocks 9 (pejabat penilai), 10 (pegawai), 11 (atasan).

Rendered through `organisasi.dokumen.render_pdf`; archived once, when the third signature
completes it (`arsipkan_d13`), and served from the archive from then on, byte for byte.
Before that it is a draft (watermarked) that shows who has signed.
"""

from __future__ import annotations

from django.utils import timezone

from organisasi.dokumen import arsip_terakhir, arsipkan, isi_arsip, nama_berkas, render_pdf
from organisasi.tanggal import BULAN, tanggal_id
from skp.dokumen import nama_entitas_kepala, periode_teks

from . import kuadran, selectors
from . import workflow_keberatan as wk
from .keberatan import LABEL_KEPUTUSAN, Keputusan
from .models import EvaluasiKinerja, Keberatan
from .periode import Jenis, Periode

JENIS = "D.1.3"
TEMPLAT = "evaluasi/keberatan/d_1_3.html"

_LABEL_IDENTITAS = (("NAMA", "nama"), ("NIP", "nip"), ("PANGKAT/GOL RUANG", "pangkat"),
                    ("JABATAN", "jabatan"), ("UNIT KERJA", "unit"))  # fmt: skip


def _periode_label(p: Periode) -> str:
    """PERIODE*: the agency's period ("JANUARI", "TRIWULAN I"), "AKHIR" for the annual
    one (footnote *: "periode disesuaikan")."""
    if p.jenis == Jenis.TAHUNAN:
        return "AKHIR"
    if p.jenis == Jenis.BULANAN:
        return BULAN[p.nomor - 1].upper()
    return p.label.upper()


def _blok(orang: dict) -> list[tuple[str, str]]:
    return [(label, (orang or {}).get(kunci) or "") for label, kunci in _LABEL_IDENTITAS]


def _rating(nilai: str) -> str:
    return kuadran.Rating(nilai).label if nilai else "-"


def _predikat(nilai: str) -> str:
    return kuadran.Predikat(nilai).label.upper() if nilai else "-"


def konteks_d1_keberatan(evaluasi: EvaluasiKinerja) -> dict:
    """The D.1 fields 1-5 of an evaluation (heading, the three parties from the SKP's
    frozen identity, capaian kinerja organisasi, predikat, catatan/rekomendasi).

    This is the keberatan's own reading of the shared D.1 body; the lead will switch it to
    `evaluasi.dokumen.konteks_d1` once that lands, so D.1.1 and D.1.3 print the same."""
    skp = evaluasi.skp
    ident = skp.identitas or {}
    p = Periode(evaluasi.tahun, evaluasi.periode_jenis, evaluasi.periode_nomor)
    unit = selectors.unit_dipimpin(evaluasi.penilai_id, p.akhir)
    capaian = selectors.capaian_berlaku(unit, p)
    return {
        "nama_instansi": nama_entitas_kepala(skp).upper(),
        "periode": _periode_label(p),
        "periode_penilaian": periode_teks(skp.periode_mulai, skp.periode_selesai),
        "pegawai": _blok(
            ident.get("pegawai")
            or {"nama": evaluasi.pegawai.nama_lengkap, "nip": evaluasi.pegawai.nip}
        ),
        "penilai": _blok(
            ident.get("penilai")
            or {"nama": evaluasi.penilai.nama_lengkap, "nip": evaluasi.penilai.nip}
        ),
        "atasan": _blok(ident.get("atasan") or {}),
        "capaian": capaian.label.upper() if capaian.capaian else "-",
        "predikat": _predikat(evaluasi.predikat),
        "catatan": evaluasi.catatan,
        "orang": {
            "pegawai": ident.get("pegawai") or {},
            "penilai": ident.get("penilai") or {},
            "atasan": ident.get("atasan") or {},
        },
    }


def _ttd(peran: str, orang: dict, pada) -> dict:
    return {
        "peran": peran,
        "nama": orang.get("nama") or "",
        "nip": orang.get("nip") or "",
        "tanggal": tanggal_id(timezone.localdate(pada)) if pada else "",
        "keterangan": (
            f"Ditandatangani secara elektronik pada {tanggal_id(timezone.localdate(pada))}"
            if pada else "Belum ditandatangani"
        ),
    }  # fmt: skip


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


def konteks_d13(k: Keberatan) -> dict:
    d1 = konteks_d1_keberatan(k.evaluasi)
    orang = d1["orang"]
    lokasi = (k.evaluasi.instansi.nama or "").strip()
    tambahan = [
        f"{'Pegawai' if p.kepada == wk.Peran.PEGAWAI else 'Pejabat penilai'} "
        f"(atas permintaan atasan): {p.jawaban}"
        for p in k.permintaan.all() if p.jawaban
    ]  # fmt: skip
    return {
        **d1,
        # Field 4 carries the result that applies: the changed predikat.
        "predikat": _predikat(k.predikat) if k.predikat else d1["predikat"],
        "keberatan": k.alasan,
        "penjelasan": k.penjelasan,
        "tambahan": tambahan,
        "keputusan": keputusan_teks(k),
        "tempat": lokasi,
        "ttd_penilai": _ttd("9. Pejabat Penilai Kinerja", orang["penilai"], k.ttd_penilai_pada),
        "ttd_pegawai": _ttd("10. Pegawai yang Dinilai", orang["pegawai"], k.ttd_pegawai_pada),
        "ttd_atasan": _ttd(
            "11. Atasan Pejabat Penilai Kinerja", orang["atasan"], k.ttd_atasan_pada
        ),  # fmt: skip
    }


def judul(k: Keberatan) -> str:
    e = k.evaluasi
    p = Periode(e.tahun, e.periode_jenis, e.periode_nomor)
    return f"D.1.3 Dokumen Evaluasi Kinerja {e.pegawai.nama_lengkap} {p.label_lengkap}"


def render_d13(k: Keberatan) -> bytes:
    lengkap = k.status in (wk.Status.D13_DITANDATANGANI, wk.Status.DILAPORKAN)
    return render_pdf(TEMPLAT, konteks_d13(k), judul=judul(k), draf=not lengkap)


def arsipkan_d13(k: Keberatan, *, oleh):
    """Archive D.1.3 as issued (called once, by the third signature)."""
    return arsipkan(k, jenis=JENIS, judul=judul(k), isi=render_d13(k), oleh=oleh)


def pdf_d13(k: Keberatan) -> tuple[bytes, str]:
    """The bytes to serve: the archive once complete, a fresh draft before."""
    arsip = arsip_terakhir(k, JENIS)
    isi = isi_arsip(arsip) if arsip is not None else render_d13(k)
    e = k.evaluasi
    return isi, nama_berkas("D.1.3", e.pegawai.nama, e.tahun, e.periode_jenis, e.periode_nomor)
