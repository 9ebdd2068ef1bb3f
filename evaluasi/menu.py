"""The evaluation app's sidebar items (registered in EvaluasiConfig.ready)."""

from organisasi.tenancy import ada_lingkup

from .selectors import menilai_periode


def menu_evaluasi(pengguna) -> list[tuple[str, str]]:
    # Outside a tenant scope (an error page) the rater question cannot be asked.
    if not ada_lingkup():
        return []
    menu = []
    if menilai_periode(pengguna):
        menu.append(("Evaluasi bawahan", "evaluasi_tim_kini"))
    # Unit heads reach the capaian page from their evaluation page; the admin sets every
    # unit's, so it is in her menu (no query).
    if pengguna.admin_instansi:
        menu.append(("Capaian organisasi", "evaluasi_capaian_kini"))
    menu.append(("Keberatan", "keberatan_daftar"))  # every party and the admin (no query)
    return menu
