"""PDF downloads; mounted by skp/urls.py under "dokumen/"."""

from django.urls import path

from . import views_dokumen

urlpatterns = [
    path("skp/<int:pk>/", views_dokumen.skp_pdf, name="skp_pdf"),
    path("workblock/<int:pk>/", views_dokumen.workblock_pdf, name="workblock_pdf"),
    path("mph/<int:pk>/", views_dokumen.mph_pdf, name="mph_pdf"),
    path("skp/<int:pk>/manual-ik/", views_dokumen.manual_pdf, name="manual_ik_pdf"),
]
