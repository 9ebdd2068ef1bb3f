"""The execution app's sidebar items (registered in UmpanbalikConfig.ready)."""

from skp.selectors import menilai_bawahan


def menu_umpanbalik(pengguna) -> list[tuple[str, str]]:
    if pengguna.is_authenticated and pengguna.instansi_id and not pengguna.admin_instansi:
        butir = [("Pendokumentasian kinerja", "dokumentasi_saya")]
        if menilai_bawahan(pengguna):
            butir.append(("Umpan balik tim", "tim_umpan_balik"))
        return butir
    return []
