"""organisasi is the ground every app builds on: it imports none of them. The pages it
composes (settings, menus) take what the apps contribute from their AppConfig.ready."""

import ast
from pathlib import Path

import organisasi

APLIKASI_DI_ATAS = {"skp", "umpanbalik", "evaluasi"}
AKAR = Path(organisasi.__file__).parent


def impor_terlarang(sumber: str) -> list[tuple[int, str]]:
    """(line, module) of every import of an app that builds on organisasi, including
    imports inside functions and `importlib.import_module("skp...")` calls."""
    temuan = []
    for node in ast.walk(ast.parse(sumber)):
        if isinstance(node, ast.Import):
            nama = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            nama = [node.module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            nama = [node.args[0].value]
        else:
            continue
        temuan += [(node.lineno, n) for n in nama if n.split(".")[0] in APLIKASI_DI_ATAS]
    return temuan


def test_pemeriksa_menangkap_setiap_bentuk_impor():
    sumber = (
        "import skp\n"
        "from skp.tenggat import batas_penetapan\n"
        "def f():\n"
        "    from evaluasi import models\n"
        "    import umpanbalik.services as u\n"
        "    importlib.import_module('skp.demo')\n"
        "from . import selectors\n"
        "from organisasi.models import Pegawai\n"
        "import skpd_lain\n"
    )
    assert [m for _, m in impor_terlarang(sumber)] == [
        "skp",
        "skp.tenggat",
        "evaluasi",
        "umpanbalik.services",
        "skp.demo",
    ]


def test_organisasi_tidak_mengimpor_aplikasi_lain():
    berkas = sorted(AKAR.rglob("*.py"))
    assert len(berkas) > 30  # the walk really covers the package and its subpackages
    pelanggaran = [
        f"{b.relative_to(AKAR.parent)}:{baris} mengimpor {modul}"
        for b in berkas
        for baris, modul in impor_terlarang(b.read_text(encoding="utf-8"))
    ]
    assert pelanggaran == []


def _impor_internal(berkas: Path) -> set[str]:
    """The organisasi modules a file imports (absolute or relative, at any depth)."""
    paket = ".".join(berkas.relative_to(AKAR.parent).with_suffix("").parts)
    if berkas.name == "__init__.py":
        paket += ".__init__"
    hasil = set()
    for node in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                dasar = paket.split(".")[: -node.level]
                modul = ".".join(dasar + ([node.module] if node.module else []))
            else:
                modul = node.module or ""
            nama = [modul] + [f"{modul}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            nama = [a.name for a in node.names]
        else:
            continue
        hasil |= {n for n in nama if n.startswith("organisasi.")}
    return hasil


def test_paket_impor_berlapis_tanpa_siklus():
    """baca <- rencana <- terapkan <- pekerjaan (<- tasks, views): each module imports only
    those before it, and none imports organisasi.tasks (the old cycle)."""
    urutan = ["baca", "rencana", "terapkan", "pekerjaan"]
    for i, nama in enumerate(urutan):
        dipakai = _impor_internal(AKAR / "impor" / f"{nama}.py")
        assert "organisasi.tasks" not in dipakai
        lapisan = {m.split(".")[2] for m in dipakai if m.startswith("organisasi.impor.")}
        assert lapisan <= set(urutan[:i]), f"impor/{nama}.py mengimpor {lapisan}"
    assert "organisasi.impor.pekerjaan" in _impor_internal(AKAR / "tasks.py")
