"""Formats B.1.6-B.1.10 (pembinaan kinerja) through the one renderer (`organisasi.dokumen`),
field for field as in the Lampiran (000:5573-5975, 5986-6120, 6200-6269), headed with the
agency's terminology (`skp.dokumen.nama_entitas_kepala`) and the SKP's frozen identity
block. A record is archived once it carries every signature it needs; the download then
serves those exact bytes."""

from __future__ import annotations

from django.utils.timezone import localtime

from organisasi.dokumen import arsip_terakhir, arsipkan, isi_arsip, render_pdf
from organisasi.pengaturan import pengaturan_instansi
from organisasi.tanggal import tanggal_id
from skp import dokumen as skp_dokumen
from skp.models import SKP

from . import selectors_tindak_lanjut as sel
from . import tindak_lanjut as tl
from .models import BimbinganKinerja, EvaluasiKompetensi, LaporanPerilakuKerja, MetodeBimbingan

TEMPLAT = {
    "B.1.6": "dokumen/b_1_6.html",
    "B.1.7": "dokumen/b_1_7.html",
    "B.1.8": "dokumen/b_1_8.html",
    "B.1.9": "dokumen/b_1_9.html",
    "B.1.10": "dokumen/b_1_10.html",
}


def _orang(pegawai) -> dict:
    return {"nama": pegawai.nama_lengkap, "nip": pegawai.nip} if pegawai else {}


def _dasar(skp: SKP, kode: str, tanggal, *, periode: bool) -> dict:
    pegawai, penilai, _ = skp_dokumen.para_pihak(skp)
    judul = tl.FORMAT[kode].judul
    kepala = skp_dokumen.kepala(skp, _baris_judul(judul))
    kepala["subjudul"] = []
    kepala["tanpa_periode"] = not periode
    return {
        "kepala": kepala,
        "identitas": skp_dokumen.identitas(skp, nip_penilai_opsional=False),
        "pegawai": pegawai,
        "penilai": penilai,
        "tempat": pengaturan_instansi().tempat_dokumen,
        "tanggal": tanggal_id(tanggal) if tanggal else "",
    }


def _baris_judul(judul: str) -> list[str]:
    # B.1.9's title runs on two lines in the Lampiran (000:5988-5989).
    awal, pisah, akhir = judul.partition(" SEBAGAI ")
    return [awal, f"SEBAGAI {akhir}"] if pisah else [judul]


def _pembimbing(b: BimbinganKinerja) -> dict:
    if b.pihak_lain_nama:
        return {"nama": b.pihak_lain_nama, "nip": b.pihak_lain_nip}
    return _orang(b.dicatat_oleh)


def konteks_bimbingan(b: BimbinganKinerja) -> dict:
    return {
        **_dasar(b.skp, b.kode_format, b.tanggal, periode=True),
        "isi": b.isi,
        "pembimbing": _pembimbing(b),
        "bentuk": [lbl for kode, lbl in tl.BENTUK_MENTORING if kode in (b.isi.get("bentuk") or [])],
    }


def konteks_umpan_balik(b: BimbinganKinerja) -> dict:
    u = b.umpan_balik
    jawaban = list(u.jawaban)
    subjek, n = [], 0
    for judul, kriteria in tl.KRITERIA_B18:
        baris = []
        for teks in kriteria:
            n += 1
            baris.append({"nomor": n, "kriteria": teks, "jawaban": jawaban[n - 1]})
        subjek.append({"judul": judul, "baris": baris})
    return {**_dasar(b.skp, "B.1.8", u.tanggal, periode=False), "subjek": subjek}


def konteks_evaluasi_kompetensi(e: EvaluasiKompetensi) -> dict:
    b = e.bimbingan
    kelompok = []
    for nomor, (judul, daftar) in enumerate(tl.KOMPETENSI_B19, 1):
        kelompok.append(
            {
                "nomor": nomor,
                "judul": judul,
                "baris": [{"label": label, **e.nilai.get(kode, {})} for kode, label in daftar],
            }
        )
    kelompok.append(
        {
            "nomor": len(kelompok) + 1,
            "judul": "Teknis",
            "baris": [{"label": t["nama"], **t} for t in e.teknis],
        }
    )
    return {
        **_dasar(b.skp, "B.1.9", e.tanggal, periode=False),
        "kelompok": kelompok,
        "rekomendasi": e.rekomendasi,
        "skala": tl.SKALA_B19,
        "pembimbing": _pembimbing(b),
    }


def konteks_laporan(laporan: LaporanPerilakuKerja) -> dict:
    return {
        **_dasar(laporan.skp, "B.1.10", laporan.tanggal, periode=False),
        "laporan": laporan,
        "dikomunikasikan": tanggal_id(laporan.dikomunikasikan_pada),
        # The evidence of continuous feedback sent with the report (L6194-6196).
        "bukti": [
            {
                "tanggal": tanggal_id(localtime(ub.dibuat_pada).date()),
                "peran": ub.get_sumber_display(),
                "tentang": ub.tentang,
                "teks": tl.kutipan(ub.teks),
            }
            for ub in sel.bukti_laporan(laporan)
        ],
    }


def _render(kode: str, konteks: dict, *, draf: bool = False) -> bytes:
    return render_pdf(TEMPLAT[kode], konteks, judul=tl.FORMAT[kode].judul.title(), draf=draf)


def pdf_bimbingan(b: BimbinganKinerja) -> bytes:
    """B.1.6 or B.1.7; marked DRAF until the employee has co-signed it."""
    if (arsip := arsip_terakhir(b, b.kode_format)) is not None:
        return isi_arsip(arsip)
    return _render(b.kode_format, konteks_bimbingan(b), draf=b.ditandatangani_pegawai_pada is None)


def pdf_umpan_balik(b: BimbinganKinerja) -> bytes:
    if (arsip := arsip_terakhir(b, "B.1.8")) is not None:
        return isi_arsip(arsip)
    return _render("B.1.8", konteks_umpan_balik(b))


def pdf_evaluasi_kompetensi(e: EvaluasiKompetensi) -> bytes:
    if (arsip := arsip_terakhir(e, "B.1.9")) is not None:
        return isi_arsip(arsip)
    return _render("B.1.9", konteks_evaluasi_kompetensi(e))


def pdf_laporan(laporan: LaporanPerilakuKerja) -> bytes:
    if (arsip := arsip_terakhir(laporan, "B.1.10")) is not None:
        return isi_arsip(arsip)
    return _render("B.1.10", konteks_laporan(laporan))


# --- Archive once signed (called by services_tindak_lanjut) --------------------------------


def arsipkan_bimbingan(b: BimbinganKinerja, pengguna) -> None:
    metode = "Coaching" if b.metode == MetodeBimbingan.COACHING else "Mentoring"
    isi = _render(b.kode_format, konteks_bimbingan(b))
    arsipkan(b, jenis=b.kode_format, judul=f"Pelaksanaan {metode} {b.skp.pegawai}", isi=isi,
             oleh=pengguna)  # fmt: skip


def arsipkan_umpan_balik(b: BimbinganKinerja, pengguna) -> None:
    isi = _render("B.1.8", konteks_umpan_balik(b))
    arsipkan(b, jenis="B.1.8", judul=f"Umpan Balik Bimbingan {b.skp.pegawai}", isi=isi,
             oleh=pengguna)  # fmt: skip


def arsipkan_evaluasi_kompetensi(e: EvaluasiKompetensi, pengguna) -> None:
    isi = _render("B.1.9", konteks_evaluasi_kompetensi(e))
    arsipkan(e, jenis="B.1.9", judul=f"Evaluasi Kompetensi {e.bimbingan.skp.pegawai}", isi=isi,
             oleh=pengguna)  # fmt: skip


def arsipkan_laporan(laporan: LaporanPerilakuKerja, pengguna) -> None:
    isi = _render("B.1.10", konteks_laporan(laporan))
    arsipkan(laporan, jenis="B.1.10", judul=f"Laporan Perilaku Kerja {laporan.skp.pegawai}",
             isi=isi, oleh=pengguna)  # fmt: skip
