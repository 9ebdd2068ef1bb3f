"""The agency settings screen; included under "pengaturan/" in config/urls.py."""

from django.urls import path

from . import views_pengaturan

urlpatterns = [
    path("", views_pengaturan.pengaturan, name="pengaturan"),
    path("lambang/", views_pengaturan.lambang_unggah, name="lambang_unggah"),
    path("lambang/hapus/", views_pengaturan.lambang_hapus, name="lambang_hapus"),
    path("lambang/gambar/", views_pengaturan.lambang_gambar, name="lambang_gambar"),
]
