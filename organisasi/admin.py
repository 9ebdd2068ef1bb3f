"""The platform superadmin's screens: create agencies and their first admin."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Instansi, Pengguna
from .tenancy import lingkup_instansi


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["nama", "slug", "jenis", "aktif", "dibuat_pada"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["nama", "slug"]
    prepopulated_fields = {"slug": ["nama"]}


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    list_display = ["username", "nama", "nip", "instansi", "admin_instansi", "is_active"]
    list_filter = ["instansi", "admin_instansi", "is_active", "is_superuser"]
    search_fields = ["username", "nama", "nip"]
    list_select_related = ["instansi"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Identitas", {"fields": ("nama", "nip", "email", "instansi", "admin_instansi")}),
        ("Status", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "nama",
                    "nip",
                    "instansi",
                    "admin_instansi",
                    "password1",
                    "password2",
                ),
            },
        ),
    )

    def save_model(self, request, obj, form, change):
        # The account's history row belongs to its agency, so it is written
        # inside that agency's scope.
        if obj.instansi_id is None:
            super().save_model(request, obj, form, change)
            return
        with lingkup_instansi(obj.instansi_id):
            super().save_model(request, obj, form, change)
