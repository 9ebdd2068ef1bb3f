"""How the SKP documents print, beyond their fields: what people type in any script
reaches the PDF (shipped fallback fonts), tabular formats break across pages cleanly,
and the tenant's form catalogue decides the labels."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from organisasi.tenancy import lingkup_instansi
from skp import dokumen
from skp.models import IndikatorKinerjaIndividu, RencanaHasilKerja
from tests.factories import Org, skp_contoh

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(instansi_a):
    return Org(instansi_a)


def pdf(skp, **kwargs) -> bytes:
    with lingkup_instansi(skp.instansi_id):
        return dokumen.pdf_skp(skp, **kwargs)


def teks_halaman(isi: bytes) -> list[str]:
    return [" ".join((h.extract_text() or "").split()) for h in PdfReader(BytesIO(isi)).pages]


def font_tertanam(isi: bytes) -> dict[str, set[int]]:
    """Embedded font -> the code points its ToUnicode CMap maps its glyphs to."""
    hasil: dict[str, set[int]] = {}
    for halaman in PdfReader(BytesIO(isi)).pages:
        for f in halaman["/Resources"]["/Font"].values():
            f = f.get_object()
            peta = f["/ToUnicode"].get_object().get_data().decode("latin-1")
            kode = hasil.setdefault(str(f["/BaseFont"]).split("+")[-1], set())
            for blok in re.findall(r"beginbfchar(.*?)endbfchar", peta, re.S):
                for _glyph, teks in re.findall(r"<(\w+)>\s*<(\w+)>", blok):
                    kode.update(map(ord, bytes.fromhex(teks).decode("utf-16-be")))
            for blok in re.findall(r"beginbfrange(.*?)endbfrange", peta, re.S):
                for awal, akhir, teks in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", blok):
                    mulai = ord(bytes.fromhex(teks).decode("utf-16-be")[0])
                    kode.update(range(mulai, mulai + int(akhir, 16) - int(awal, 16) + 1))
    return hasil


# --- Fallback fonts ----------------------------------------------------------------------

EMOJI = "👍🎉✅"
CJK = "中文測試 日本語かな 한국어"


def test_emoji_dan_cjk_tercetak_dengan_font_cadangan_yang_dikirim(org):
    skp = skp_contoh(org)
    with lingkup_instansi(org.instansi):
        RencanaHasilKerja.objects.filter(skp=skp, urutan=1, jenis="utama").update(
            teks=f"Tersusunnya laporan {EMOJI} untuk mitra {CJK}"
        )
    isi = pdf(skp)
    fonts = font_tertanam(isi)
    # Each script is set in the shipped face that has it, not in an empty box (.notdef).
    assert {ord(c) for c in EMOJI} <= fonts.get("Dokumen-Emoji", set()), fonts.keys()
    assert {ord(c) for c in CJK if not c.isspace()} <= fonts.get("Dokumen-CJK", set())
    for nama_font in ("Dokumen-Emoji", "Dokumen-CJK"):
        for halaman in PdfReader(BytesIO(isi)).pages:
            for f in halaman["/Resources"]["/Font"].values():
                f = f.get_object()
                if str(f["/BaseFont"]).endswith(nama_font):
                    turunan = f["/DescendantFonts"][0].get_object()
                    deskriptor = turunan["/FontDescriptor"]
                    berkas = deskriptor.get("/FontFile2") or deskriptor.get("/FontFile3")
                    program = TTFont(BytesIO(berkas.get_object().get_data()))
                    assert len(program.getGlyphOrder()) > 2  # real outlines, not .notdef only
    teks = " ".join(teks_halaman(isi))
    assert EMOJI in teks.replace(" ", "")
    for kata in CJK.split():
        assert kata in teks
