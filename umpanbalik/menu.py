"""The execution app's sidebar item (registered in UmpanbalikConfig.ready)."""


def menu_umpanbalik(pengguna) -> list[tuple[str, str]]:
    if pengguna.is_authenticated and pengguna.instansi_id and not pengguna.admin_instansi:
        return [("Pendokumentasian kinerja", "dokumentasi_saya")]
    return []
