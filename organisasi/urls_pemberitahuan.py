"""The notices page; included under "pemberitahuan/" in organisasi/urls.py."""

from django.urls import path

from . import views_pemberitahuan

urlpatterns = [
    path("", views_pemberitahuan.pemberitahuan, name="pemberitahuan"),
    path("baca/", views_pemberitahuan.pemberitahuan_baca, name="pemberitahuan_baca"),
]
