"""PDF downloads; mounted by evaluasi/urls.py under "dokumen/"."""

from django.urls import path

from . import views_dokumen

urlpatterns = [
    path("<int:pk>/", views_dokumen.dokumen_evaluasi_pdf, name="evaluasi_dokumen_pdf"),
    path("<int:pk>/hasil/", views_dokumen.hasil_evaluasi_pdf, name="evaluasi_hasil_pdf"),
]
