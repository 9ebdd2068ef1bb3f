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


# --- B.1.3 / B.1.4 / B.1.5 REKAMAN INFORMASI UMPAN BALIK BERKELANJUTAN (000:4962-5438) ----

JUDUL_REKAMAN = {
    "B.1.3": ["REKAMAN INFORMASI UMPAN BALIK BERKELANJUTAN", "PENDEKATAN HASIL KERJA KUALITATIF"],
    "B.1.4": [
        "REKAMAN INFORMASI UMPAN BALIK BERKELANJUTAN",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
    ],
    "B.1.5": [
        "REKAMAN INFORMASI UMPAN BALIK BERKELANJUTAN",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
    ],
}


def _baris_umpan_balik(u) -> str:
    """One feedback as the column prints it: who, what kind, positive/negative, the text."""
    return (
        f"{u.get_sumber_display()} ({u.nama_pemberi}, {u.get_sifat_display().lower()}, "
        f"{u.get_arah_display().lower()}): {u.teks}"
    )


def konteks_rekaman(skp: SKP, periode) -> dict:
    rek = selectors.rekaman(skp, periode)
    jpt = rek.format == "B.1.4"
    pegawai, penilai, _ = skp_dokumen.para_pihak(skp)
    katalog = skp_dokumen.katalog_format(skp)
    for r in rek.rhk:
        r.teks_umpan_balik = [_baris_umpan_balik(u) for u in r.umpan_balik]
        r.teks_pimpinan = skp_dokumen._teks_pimpinan(r)
        r.jumlah_baris = max(1, len(r.baris))
        for b in r.baris:
            b.aspek = ", ".join(skp_dokumen.LABEL_ASPEK.get(a, a) for a in (b.iki.aspek or []))
            b.perspektif = skp_dokumen.LABEL_PERSPEKTIF.get(b.iki.perspektif, "")
    for n in rek.perilaku:
        n["teks_umpan_balik"] = [_baris_umpan_balik(u) for u in n["umpan_balik"]]
    return {
        "format": rek.format,
        "kepala": skp_dokumen.kepala(skp, JUDUL_REKAMAN[rek.format]),
        "label_periode": periode.label.upper(),
        "identitas": skp_dokumen.identitas(
            skp, nip_penilai_opsional=jpt, unit_penilai="INSTANSI" if jpt else "UNIT KERJA"
        ),
        "seksi": selectors.seksi_rhk(rek.rhk),
        "perilaku": rek.perilaku,
        "rekomendasi": [_baris_umpan_balik(u) for u in rek.rekomendasi],
        # Tenant terminology: the same column (2) heading as the tenant's SKP (A.1.7).
        "kolom_rhk_pimpinan": katalog["kolom_rhk_pimpinan"].rstrip("*"),
        "ttd": {
            "kiri": {"peran": "Pegawai yang Dinilai", **pegawai},
            "kanan": {"peran": "Pejabat Penilai Kinerja", **penilai},
        },
    }


def pdf_rekaman(skp: SKP, periode) -> bytes:
    konteks = konteks_rekaman(skp, periode)
    return render_pdf(
        "dokumen/b_1_3_5.html",
        konteks,
        judul=f"Rekaman Informasi Umpan Balik Berkelanjutan ({konteks['format']})",
    )
