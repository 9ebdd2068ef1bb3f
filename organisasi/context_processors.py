"""The navigation a user sees, by role."""

from django.urls import NoReverseMatch, reverse


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


def _memimpin(user) -> bool:
    """Heads a unit today (definitive or acting): the pejabat penilai role is derived
    from the hierarchy, never stored on the account."""
    from django.db.models import Q
    from django.utils import timezone

    from .models import Penempatan

    hari_ini = timezone.localdate()
    return (
        Penempatan.objects.filter(
            pegawai__pengguna=user, jabatan__kepala_unit=True, mulai__lte=hari_ini
        )
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=hari_ini))
        .exists()
    )


def _bertindak_atas_nama_kepala_daerah(user) -> bool:
    """Named by the agency to act for the kepala daerah: rates the JPT's SKP in the app."""
    from .models import PengaturanInstansi

    return PengaturanInstansi.objects.filter(pelaksana_kepala_daerah__pengguna=user).exists()


def navigasi(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if user.is_superuser and not user.instansi_id:
        menu = [("Instansi", "platform"), ("Akun pengguna (lanjutan)", "admin:index")]
        items = _satu_aktif(
            request, [i for i in (_item(request, label, n) for label, n in menu) if i]
        )
        return {"menu": items, "instansi_aktif": None}
    menu = [("Beranda", "beranda")]
    if user.instansi_id:
        menu.append(("SKP saya", "skp_saya"))
        if _memimpin(user) or _bertindak_atas_nama_kepala_daerah(user):
            menu.append(("SKP bawahan", "skp_bawahan"))
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
    items = _satu_aktif(request, [i for i in (_item(request, label, n) for label, n in menu) if i])
    return {"menu": items, "instansi_aktif": user.instansi if user.instansi_id else None}
