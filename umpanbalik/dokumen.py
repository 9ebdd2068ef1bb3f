"""Formats B.1.1 (RENCANA AKSI) and B.1.2 (PENDOKUMENTASIAN KINERJA) through the one
renderer (`organisasi.dokumen`), with the SKP's header and identity blocks (PH + CIB,
000:4657-4679) and the employee's signature only (000:4697-4703, 4800-4806)."""

from __future__ import annotations

from organisasi.dokumen import render_pdf
from skp import dokumen as skp_dokumen
from skp.models import SKP

from . import aturan, selectors


def _dasar(skp: SKP, judul: str) -> dict:
    pegawai, _, _ = skp_dokumen.para_pihak(skp)
    return {
        "kepala": skp_dokumen.kepala(skp, [judul]),
        "identitas": skp_dokumen.identitas(skp, nip_penilai_opsional=False),
        "pegawai": pegawai,
    }


def konteks_rencana_aksi(skp: SKP) -> dict:
    return {**_dasar(skp, "RENCANA AKSI"), "rhk": selectors.dokumentasi(skp, 0)}


def konteks_pendokumentasian(skp: SKP, periode: int) -> dict:
    jenis = selectors.jenis_periode()
    return {
        **_dasar(skp, "PENDOKUMENTASIAN KINERJA"),
        "rhk": selectors.dokumentasi(skp, periode),
        "label_periode": aturan.label_periode(jenis, skp.tahun, periode).upper(),
    }


def pdf_rencana_aksi(skp: SKP) -> bytes:
    return render_pdf("dokumen/b_1_1.html", konteks_rencana_aksi(skp), judul="Rencana Aksi")


def pdf_pendokumentasian(skp: SKP, periode: int) -> bytes:
    return render_pdf(
        "dokumen/b_1_2.html",
        konteks_pendokumentasian(skp, periode),
        judul="Pendokumentasian Kinerja",
    )
