"""Import of units and employees; included under "impor/" in config/urls.py."""

from django.urls import path

from . import views_impor

urlpatterns = [
    path("", views_impor.impor, name="impor"),
    path("<int:pk>/", views_impor.impor_detail, name="impor_detail"),
    path("<int:pk>/status/", views_impor.impor_status, name="impor_status"),
    path("<int:pk>/terapkan/", views_impor.impor_terapkan, name="impor_terapkan"),
    path("contoh/<slug:jenis>.csv", views_impor.impor_contoh, name="impor_contoh"),
]
