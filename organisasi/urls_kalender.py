"""The working-day calendar screen; included under "kalender/" in config/urls.py."""

from django.urls import path

from . import views_kalender

urlpatterns = [
    path("", views_kalender.kalender, name="kalender"),
    path("tambah/", views_kalender.kalender_tambah, name="kalender_tambah"),
    path("<int:pk>/hapus/", views_kalender.kalender_hapus, name="kalender_hapus"),
]
