"""The navigation a user sees, by role: organisasi's items and the apps' (organisasi/menu.py)."""

from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject

from .menu import menu_aplikasi


def _item(request, label, nama_url):
    try:
        url = reverse(nama_url)
    except NoReverseMatch:
        return None
    cocok = request.path == url if url == "/" else request.path.startswith(url)
    return {"label": label, "url": url, "nama": nama_url, "aktif": cocok}


def _satu_aktif(request, items: list[dict]) -> list[dict]:
    """One highlighted entry: the one the view names (`request.menu_aktif`, e.g. a
    subordinate's SKP under "SKP bawahan"), else the longest matching URL, so that
    /skp/bawahan/ does not also light up "SKP saya" at /skp/."""
    pilihan = getattr(request, "menu_aktif", None)
    if pilihan is None:
        cocok = [i for i in items if i["aktif"]]
        pilihan = max(cocok, key=lambda i: len(i["url"]))["nama"] if cocok else None
    for i in items:
        i["aktif"] = i["nama"] == pilihan
    return items


def navigasi(request):
    """Lazy: computed only when a template shows it (HTMX partials show no menu)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if user.is_superuser and not user.instansi_id:
        menu = [("Instansi", "platform"), ("Akun pengguna (lanjutan)", "admin:index")]
        items = _satu_aktif(
            request, [i for i in (_item(request, label, n) for label, n in menu) if i]
        )
        return {"menu": items, "instansi_aktif": None}
    return {
        "menu": SimpleLazyObject(lambda: _menu(request, user)),
        "instansi_aktif": SimpleLazyObject(lambda: user.instansi if user.instansi_id else None),
    }


def _menu(request, user) -> list[dict]:
    menu = [("Beranda", "beranda")]
    if user.instansi_id:
        menu += menu_aplikasi(user)
        menu.append(("Profil saya", "profil"))
    if user.admin_instansi:
        menu += [
            ("Struktur organisasi", "unit_pohon"),
            ("Pegawai", "pegawai_daftar"),
            ("Tabel penilai", "aturan_penilai"),
            ("Impor data", "impor"),
            ("Kalender kerja", "kalender"),
            ("Akun pengguna", "pengguna_daftar"),
            ("Pengaturan instansi", "pengaturan"),
        ]
    if user.is_superuser:
        menu.append(("Administrasi platform", "admin:index"))
    return _satu_aktif(request, [i for i in (_item(request, label, n) for label, n in menu) if i])


def jumlah_pemberitahuan(request) -> dict:
    """Unread notices of the logged-in user, for the badge in the top bar: one query, and
    only when a template shows it (HTMX partials show no top bar)."""
    from .pemberitahuan import jumlah_belum_dibaca

    user = getattr(request, "user", None)
    # No scope: the platform superadmin, or an error page rendered outside the request's
    # tenant transaction. Without a scope the tenant manager would refuse to query.
    if user is None:
        return {"jumlah_pemberitahuan": 0}
    return {"jumlah_pemberitahuan": SimpleLazyObject(lambda: jumlah_belum_dibaca(user))}
