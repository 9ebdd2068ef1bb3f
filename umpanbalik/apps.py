from django.apps import AppConfig


class UmpanbalikConfig(AppConfig):
    name = "umpanbalik"
