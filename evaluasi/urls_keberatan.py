from django.urls import path

from . import views_keberatan as v

urlpatterns = [
    path("", v.keberatan_daftar, name="keberatan_daftar"),
    path("ajukan/<int:evaluasi_pk>/", v.keberatan_ajukan, name="keberatan_ajukan"),
    path("<int:pk>/", v.keberatan_detail, name="keberatan_detail"),
    path("<int:pk>/penjelasan/", v.keberatan_jelaskan, name="keberatan_jelaskan"),
    path("<int:pk>/permintaan/", v.keberatan_minta, name="keberatan_minta"),
    path("<int:pk>/tanggapan/", v.keberatan_tanggapi, name="keberatan_tanggapi"),
    path("<int:pk>/keputusan/", v.keberatan_putuskan, name="keberatan_putuskan"),
    path("<int:pk>/tanda-tangan/", v.keberatan_tandatangani, name="keberatan_tandatangani"),
    path("<int:pk>/laporan/", v.keberatan_laporkan, name="keberatan_laporkan"),
    path("<int:pk>/d13.pdf", v.keberatan_d13_pdf, name="keberatan_d13_pdf"),
    path("bukti/<int:pk>/", v.keberatan_bukti, name="keberatan_bukti"),
]
