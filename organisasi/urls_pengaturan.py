"""The agency settings screen; included under "pengaturan/" in config/urls.py."""

from django.urls import path

from . import views_pengaturan

urlpatterns = [
    path("", views_pengaturan.pengaturan, name="pengaturan"),
]
