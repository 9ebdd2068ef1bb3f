"""Follow-up of feedback (Pasal 20-21), under /pelaksanaan/ beside the documentation."""

from django.urls import path

from . import views_tindak_lanjut as v

_B = "skp/<int:pk>/tindak-lanjut/bimbingan/<int:bimbingan_pk>"

urlpatterns = [
    path("skp/<int:pk>/tindak-lanjut/", v.tindak_lanjut, name="tindak_lanjut"),
    path("skp/<int:pk>/tindak-lanjut/catat/", v.catat, name="tindak_lanjut_catat"),
    path(
        "skp/<int:pk>/tindak-lanjut/bimbingan/<str:metode>/",
        v.bimbingan_catat,
        name="bimbingan_catat",
    ),
    path(f"{_B}/tandatangani/", v.bimbingan_tandatangani, name="bimbingan_tandatangani"),
    path(f"{_B}/umpan-balik/", v.umpan_balik_isi, name="umpan_balik_bimbingan_isi"),
    path(f"{_B}/evaluasi-kompetensi/", v.evaluasi_kompetensi_isi, name="evaluasi_kompetensi_isi"),
    path(f"{_B}.pdf", v.bimbingan_pdf, name="bimbingan_pdf"),
    path(f"{_B}/umpan-balik.pdf", v.umpan_balik_pdf, name="umpan_balik_bimbingan_pdf"),
    path(
        f"{_B}/evaluasi-kompetensi.pdf", v.evaluasi_kompetensi_pdf, name="evaluasi_kompetensi_pdf"
    ),  # fmt: skip
    path("skp/<int:pk>/tindak-lanjut/laporan/", v.laporan_buat, name="laporan_perilaku_buat"),
    path(
        "skp/<int:pk>/tindak-lanjut/laporan/<int:laporan_pk>/konseling/",
        v.konseling_catat,
        name="konseling_catat",
    ),
    path(
        "skp/<int:pk>/tindak-lanjut/laporan/<int:laporan_pk>.pdf",
        v.laporan_pdf,
        name="laporan_perilaku_pdf",
    ),
    path("skp/<int:pk>/tindak-lanjut/ambil-alih/", v.ambil_alih, name="ambil_alih_rhk"),
]
