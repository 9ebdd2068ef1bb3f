"""The evaluation app's sidebar items (registered in EvaluasiConfig.ready)."""

from organisasi.tenancy import ada_lingkup
from skp.selectors import pegawai_pengguna

from .selectors import menilai_periode


def menu_evaluasi(pengguna) -> list[tuple[str, str]]:
    # Outside a tenant scope (an error page) the rater question cannot be asked.
    if not ada_lingkup():
        return []
    menu = []
    # The employee record is read once per request (cached on the user by skp's menu).
    if pegawai_pengguna(pengguna) is not None:
        menu.append(("Evaluasi saya", "evaluasi_saya"))
    if menilai_periode(pengguna):
        menu.append(("Evaluasi bawahan", "evaluasi_tim_kini"))
        menu.append(("Evaluasi (atasan penilai)", "evaluasi_atasan_kini"))
    # Unit heads reach the capaian page from their evaluation page; the admin sets every
    # unit's, so it is in her menu (no query).
    if pengguna.admin_instansi:
        menu.append(("Capaian organisasi", "evaluasi_capaian_kini"))
    menu.append(("Keberatan", "keberatan_daftar"))  # every party and the admin (no query)
    return menu
