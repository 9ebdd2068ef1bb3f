"""Supervisor behind `make run`; expects the environment set by layanan.py.

Prepares the database (migrate, collectstatic, demo data), then runs the web
server, the Celery worker and Celery beat side by side, prefixing their
output with [web], [worker] and [beat]. If one of them stops, the others are
stopped too and the exit code is non-zero. Ctrl-C / SIGTERM stop all three.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORT = os.environ.get("PORT") or "8000"
BATAS_BERHENTI = 30  # seconds before a child that ignores SIGTERM is killed

_kunci_cetak = threading.Lock()


def cetak(teks: str, awalan: str = "[jalankan]") -> None:
    with _kunci_cetak:
        sys.stdout.write(f"{awalan} {teks}\n")
        sys.stdout.flush()


def _set_pdeathsig() -> None:
    """In the child (Linux): receive SIGTERM if this supervisor dies abruptly."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _di_depan_terminal() -> bool:
    """True when our process group is the terminal's foreground group."""
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    try:
        return os.tcgetpgrp(fd) == os.getpgrp()
    except OSError:
        return False
    finally:
        os.close(fd)


def _port_terbuka(port: str) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", int(port)), timeout=0.3):
            return True
    except OSError:
        return False


class Penjaga:
    def __init__(self) -> None:
        self.sinyal: int | None = None
        self.langkah: subprocess.Popen | None = None  # current preparation step
        self.depan = _di_depan_terminal()
        self.env = dict(os.environ, PYTHONUNBUFFERED="1")

    # -- signals

    def pasang_sinyal(self) -> None:
        signal.signal(signal.SIGINT, self._penangan)
        signal.signal(signal.SIGTERM, self._penangan)

    def _penangan(self, signum, _frame) -> None:
        if self.sinyal is None:
            self.sinyal = signum
        langkah = self.langkah
        if langkah is None or langkah.poll() is not None:
            return
        # Preparation steps share our process group: a terminal Ctrl-C has
        # already reached them.
        if signum == signal.SIGINT and self.depan:
            return
        with contextlib.suppress(ProcessLookupError):
            langkah.send_signal(signum)

    # -- preparation

    def siapkan(self) -> int:
        python = sys.executable
        for argumen in (
            ["migrate", "--noinput"],
            ["collectstatic", "--noinput"],
            ["demo"],
        ):
            if self.sinyal is not None:
                return 128 + self.sinyal
            cetak(f"manage.py {' '.join(argumen)}")
            self.langkah = subprocess.Popen([python, "manage.py", *argumen], cwd=REPO, env=self.env)
            kode = self.langkah.wait()
            self.langkah = None
            if self.sinyal is not None:
                return 128 + self.sinyal
            if kode != 0:
                cetak(f"manage.py {argumen[0]} gagal (kode {kode}).")
                return kode if kode > 0 else 1
        return 0

    # -- banner

    def login_demo(self) -> list[dict]:
        """Demo logins from organisasi.demo.LOGIN_DEMO; empty if unavailable."""
        try:
            sys.path.insert(0, str(REPO))
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
            import django

            django.setup()
            from organisasi.demo import LOGIN_DEMO

            daftar = LOGIN_DEMO() if callable(LOGIN_DEMO) else LOGIN_DEMO
            hasil = [
                {k: str(baris.get(k, "")) for k in ("instansi", "peran", "username", "password")}
                for baris in daftar
            ]
        except Exception:
            return []
        finally:
            with contextlib.suppress(Exception):
                from django.db import connections

                connections.close_all()
        return hasil

    def spanduk(self, logins: list[dict]) -> None:
        garis = "=" * 72
        baris = [garis, f"  Aplikasi siap: http://127.0.0.1:{PORT}/"]
        if logins:
            kolom = ("instansi", "peran", "username", "password")
            judul = {"instansi": "Instansi", "peran": "Peran", "username": "Nama pengguna"}
            judul["password"] = "Kata sandi"
            lebar = {k: max(len(judul[k]), *(len(r[k]) for r in logins)) for k in kolom}
            baris.append("  Akun demo:")
            baris.append("    " + "  ".join(judul[k].ljust(lebar[k]) for k in kolom))
            for r in logins:
                baris.append("    " + "  ".join(r[k].ljust(lebar[k]) for k in kolom))
        baris += ["  Tekan Ctrl-C untuk berhenti.", garis]
        with _kunci_cetak:
            sys.stdout.write("\n".join(baris) + "\n")
            sys.stdout.flush()

    # -- services

    def jalankan(self) -> int:
        if _port_terbuka(PORT):
            cetak(f"Port {PORT} sudah dipakai program lain. Atur PORT=... lalu coba lagi.")
            return 1
        logins = self.login_demo()
        schedule = REPO / ".data" / "celerybeat-schedule"
        schedule.parent.mkdir(exist_ok=True)
        perintah = {
            "web": [
                str(BIN / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                "2",
                "--access-logfile",
                "-",
            ],
            "worker": [
                str(BIN / "celery"),
                *("-A", "config", "worker", "-l", "info", "--concurrency", "2"),
            ],
            "beat": [
                str(BIN / "celery"),
                *("-A", "config", "beat", "-l", "info", "--schedule", str(schedule)),
            ],
        }
        if self.sinyal is not None:
            return 128 + self.sinyal

        anak: dict[str, subprocess.Popen] = {}
        pembaca: list[threading.Thread] = []
        try:
            # Spawn all first (preexec_fn is only safe without other threads),
            # then start the output readers.
            for nama, argumen in perintah.items():
                anak[nama] = subprocess.Popen(
                    argumen,
                    cwd=REPO,
                    env=self.env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    # Own process group: Ctrl-C reaches only this supervisor,
                    # which then stops each child gracefully with SIGTERM.
                    process_group=0,
                    preexec_fn=_set_pdeathsig if sys.platform == "linux" else None,
                )
            pembaca += [
                threading.Thread(target=self._teruskan, args=(nama, p), daemon=True)
                for nama, p in anak.items()
            ]
            for t in pembaca:
                t.start()

            kode = 0
            siap = False
            while self.sinyal is None:
                mati = [(n, p.returncode) for n, p in anak.items() if p.poll() is not None]
                if mati:
                    nama, kode_anak = mati[0]
                    cetak(f"Proses {nama} berhenti (kode {kode_anak}); menghentikan yang lain.")
                    kode = kode_anak if kode_anak and kode_anak > 0 else 1
                    break
                if not siap and _port_terbuka(PORT):
                    siap = True
                    self.spanduk(logins)
                time.sleep(0.2)
            if self.sinyal is not None:
                cetak("Menghentikan web, worker dan beat ...")
                kode = 128 + self.sinyal
        finally:
            # Cleanup must not be cut short by a second Ctrl-C.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            self._hentikan(anak)
            for t in pembaca:
                t.join(timeout=2)
        return kode

    def _teruskan(self, nama: str, proc: subprocess.Popen) -> None:
        awalan = f"[{nama}]"
        assert proc.stdout is not None
        for baris in iter(proc.stdout.readline, b""):
            cetak(baris.decode("utf-8", "replace").rstrip("\r\n"), awalan)
        proc.stdout.close()

    def _hentikan(self, anak: dict[str, subprocess.Popen]) -> None:
        for p in anak.values():
            # A live leader stops its own children; a dead one may have left
            # orphans in its process group (e.g. gunicorn workers).
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if p.poll() is None:
                    p.terminate()
                else:
                    os.killpg(p.pid, signal.SIGTERM)
        batas = time.monotonic() + BATAS_BERHENTI
        for nama, p in anak.items():
            try:
                p.wait(max(0.1, batas - time.monotonic()))
            except subprocess.TimeoutExpired:
                cetak(f"{nama} tidak berhenti dalam {BATAS_BERHENTI} detik; dipaksa berhenti.")
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        # Whatever is still in a child's group after the grace period is killed.
        for p in anak.values():
            while _grup_ada(p.pid) and time.monotonic() < batas:
                time.sleep(0.1)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(p.pid, signal.SIGKILL)


def _grup_ada(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main() -> int:
    os.chdir(REPO)
    penjaga = Penjaga()
    penjaga.pasang_sinyal()
    kode = penjaga.siapkan()
    if kode != 0:
        return kode
    return penjaga.jalankan()


if __name__ == "__main__":
    sys.exit(main())
