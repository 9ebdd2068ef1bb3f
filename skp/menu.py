"""The SKP app's sidebar items (registered in SkpConfig.ready)."""

from organisasi.tenancy import ada_lingkup

from .selectors import menilai_bawahan


def menu_skp(pengguna) -> list[tuple[str, str]]:
    menu = [("SKP saya", "skp_saya")]
    # Outside a tenant scope (an error page) the rater question cannot be asked.
    if ada_lingkup() and menilai_bawahan(pengguna):
        menu.append(("SKP bawahan", "skp_bawahan"))
    return menu
