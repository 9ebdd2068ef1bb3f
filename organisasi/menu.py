"""The sidebar menu's app part: each app contributes its items from AppConfig.ready,
so organisasi lists them without importing the apps built on it."""

from __future__ import annotations

from collections.abc import Callable

# fungsi(pengguna) -> [(label, url name), ...] for a logged-in user of an agency.
_KONTRIBUSI: dict[str, Callable] = {}


def daftarkan_menu(fungsi: Callable) -> None:
    """Add an app's menu items (call from AppConfig.ready; registering again changes nothing).
    They appear after "Beranda", in the order the apps are installed."""
    _KONTRIBUSI[f"{fungsi.__module__}.{fungsi.__qualname__}"] = fungsi


def menu_aplikasi(pengguna) -> list[tuple[str, str]]:
    return [item for fungsi in _KONTRIBUSI.values() for item in fungsi(pengguna)]
