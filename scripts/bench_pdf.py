"""PDF: the app's renderer against raw WeasyPrint, and a stored PDF against rendering.

1. The same finished HTML of an SKP (A.1.1 + A.1.8) laid out by the app's
   `organisasi.dokumen.html_ke_pdf` (shared stylesheet, shipped fonts, the fetcher that
   reads only static files) and by bare WeasyPrint with the same stylesheet and its
   default fetcher: the ratio is the app's overhead.
2. The PDF download of an SKP through the whole view: a draft is rendered on every
   request, a signed SKP is served byte for byte from the archive.
"""

from __future__ import annotations

import statistics
import time
import uuid

from data_bench import analisis, isi_rhk, klien, organisasi_bench, tabel, ukur


def _median(fungsi, ulang: int) -> float:
    fungsi()  # warm-up: fonts, stylesheet
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu) * 1000


def jalankan(kecil: bool) -> str:
    from django.urls import reverse
    from weasyprint import CSS, HTML

    from organisasi import dokumen as renderer
    from organisasi.tenancy import lingkup_instansi
    from skp import dokumen
    from skp.models import SKP

    jumlah_rhk = 2 if kecil else 10
    ulang = 1 if kecil else 5
    org = organisasi_bench(f"bench-pdf-{uuid.uuid4().hex[:6]}", 2, status_skp="draf")
    draf, ditandatangani = org.skp
    for s in (draf, ditandatangani):
        isi_rhk(org, s, jumlah_rhk)
    with lingkup_instansi(org.instansi):
        # Filled while a draft; a set SKP's content can no longer change.
        SKP.objects.filter(pk=ditandatangani.pk).update(status="ditandatangani")
        dokumen.arsipkan_skp(SKP.objects.get(pk=ditandatangani.pk), org.penilai)
        skp = dokumen.muat(SKP.objects.get(pk=draf.pk))
        utama = dokumen.konteks_skp(skp)
        bagian = [
            (utama["template"], utama),
            ("dokumen/a_1_8.html", dokumen.konteks_lampiran(skp)),
        ]
        html = renderer.render_html(bagian, judul=dokumen.judul_skp(skp), draf=True)
    analisis()

    css_path = next(
        d / renderer.STYLESHEET
        for d in renderer.direktori_static()
        if (d / renderer.STYLESHEET).is_file()
    )

    def mentah():
        css = CSS(filename=str(css_path))
        return HTML(string=html, base_url=renderer._url_dasar()).write_pdf(stylesheets=[css])

    def aplikasi():
        return renderer.html_ke_pdf(html)

    # Alternate the two so drift on a shared machine hits both alike.
    ms_mentah, ms_aplikasi = [], []
    for _ in range(max(1, ulang // 2 + 1)):
        ms_mentah.append(_median(mentah, 2 if not kecil else 1))
        ms_aplikasi.append(_median(aplikasi, 2 if not kecil else 1))
    t_mentah, t_aplikasi = statistics.median(ms_mentah), statistics.median(ms_aplikasi)
    ukuran_kb = len(aplikasi()) // 1024

    # The whole download view, as the employee (draft) and the rater (signed SKP).
    c_pegawai = klien(org.pegawai)
    c_penilai = klien(org.penilai)
    render = ukur(c_pegawai, reverse("skp_pdf", args=[draf.pk]), ulang=ulang)
    arsip = ukur(c_penilai, reverse("skp_pdf", args=[ditandatangani.pk]), ulang=ulang)
    for u, nama in ((render, "draf"), (arsip, "arsip")):
        if u.status != 200:
            raise RuntimeError(f"PDF {nama} menjawab {u.status}")

    return "\n\n".join(
        [
            "## PDF",
            f"SKP A.1.1 + Lampiran A.1.8 dengan {jumlah_rhk} RHK x 2 IKI (PDF {ukuran_kb} KiB). "
            f"Waktu = median; {ulang} pengulangan setelah pemanasan.",
            "### Penata letak aplikasi vs WeasyPrint mentah (HTML yang sama)",
            tabel(
                ["Penata letak", "ms", "rasio thd mentah"],
                [
                    [
                        "WeasyPrint mentah (stylesheet sama, fetcher bawaan)",
                        f"{t_mentah:.0f}",
                        "1.00x",
                    ],
                    [
                        "organisasi.dokumen.html_ke_pdf (fetcher static saja, font bawaan)",
                        f"{t_aplikasi:.0f}",
                        f"{t_aplikasi / t_mentah:.2f}x",
                    ],
                ],
            ),
            "### Unduhan PDF lewat tampilan: dirender vs dari arsip",
            tabel(
                ["Unduhan", "kueri", "ms", "KiB", "kali lebih cepat dari render"],
                [
                    [
                        "SKP draf (dirender setiap permintaan)",
                        render.kueri,
                        f"{render.ms:.0f}",
                        f"{render.kb:.0f}",
                        "1x",
                    ],
                    [
                        "SKP ditandatangani (dari arsip)",
                        arsip.kueri,
                        f"{arsip.ms:.1f}",
                        f"{arsip.kb:.0f}",
                        f"{render.ms / arsip.ms:.0f}x",
                    ],
                ],
            ),
        ]
    )
