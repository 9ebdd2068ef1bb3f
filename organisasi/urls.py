from django.urls import path

from . import views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("pengguna/", views.daftar_pengguna, name="pengguna_daftar"),
    path("pengguna/<int:pk>/reset-sandi/", views.reset_sandi, name="pengguna_reset_sandi"),
    path("riwayat/<str:label_model>/<int:pk>/", views.riwayat, name="riwayat"),
]
