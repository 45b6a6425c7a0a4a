"""`mufakat-server serve`: the HTTP server as an administrator runs it.

- Everything that can be wrong is found before the server starts and said in one line: the
  number of workers (more than one needs PostgreSQL), the certificate and its key, the port
  (in use, or reserved to the administrator), another server on the same SQLite file.
- TLS with `--certfile` and `--keyfile` (PEM; the certificate file may hold the chain), or
  plain HTTP behind a reverse proxy that holds the certificate (deploy/nginx/).
- Logs are JSON lines on stderr (`server_stub.logs`); /metrics counts every worker process
  (prometheus_client's multiprocess mode, in a folder of this serve's own).
- SIGTERM (systemctl stop) stops accepting connections and lets the requests under way finish
  (a push is applied and answered, or not applied at all), within GRACE_S seconds.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import shutil
import socket
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import make_url

from server_stub.admin import AdminError
from server_stub.logs import log_config
from server_stub.running import serving

# prometheus_client's multiprocess folder. Set before prometheus_client is first imported in a
# process (it chooses where counts go at import): this module must not import server_stub.metrics.
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
GRACE_S = 30  # seconds the requests under way get after SIGTERM (the unit's TimeoutStopSec is longer)
log = logging.getLogger("mufakat.server")


@dataclass(frozen=True)
class ServeOptions:
    url: str
    host: str = "127.0.0.1"
    port: int = 8765
    workers: int = 1
    certfile: Path | None = None
    keyfile: Path | None = None


def check_workers(options: ServeOptions) -> None:
    if options.workers < 1:
        raise AdminError(f"--workers {options.workers}: give 1 or more")
    if options.workers > 1 and make_url(options.url).get_backend_name() == "sqlite":
        raise AdminError(
            f"--workers {options.workers}: a SQLite database takes one server process; "
            "serve with --workers 1, or move to PostgreSQL (--db postgresql+psycopg://…) for more"
        )


def check_tls(certfile: Path | None, keyfile: Path | None) -> None:
    """Both files or neither; readable; PEM; the key is the certificate's and has no password
    (a service cannot type one)."""
    if (certfile is None) != (keyfile is None):
        raise AdminError("--certfile and --keyfile go together: give both (PEM files), or neither")
    if certfile is None or keyfile is None:
        return
    texts = {}
    for option, path in (("--certfile", certfile), ("--keyfile", keyfile)):
        try:
            texts[option] = path.read_text(encoding="ascii", errors="replace")
        except FileNotFoundError:
            raise AdminError(f"{option} {path}: no such file") from None
        except PermissionError:
            raise AdminError(f"{option} {path}: this user ({_user()}) may not read it") from None
        except OSError as exc:
            raise AdminError(f"{option} {path}: {exc.strerror or exc}") from None
    if "-----BEGIN CERTIFICATE-----" not in texts["--certfile"]:
        raise AdminError(f"--certfile {certfile}: not a PEM certificate (-----BEGIN CERTIFICATE-----)")
    key = texts["--keyfile"]
    if "PRIVATE KEY-----" not in key:
        raise AdminError(f"--keyfile {keyfile}: not a PEM private key (-----BEGIN … PRIVATE KEY-----)")
    if "ENCRYPTED" in key:
        raise AdminError(
            f"--keyfile {keyfile}: the key has a password, which a service cannot type; save it "
            "without one (openssl pkey -in KEY -out KEY.plain) readable only by the server's user"
        )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(str(certfile), str(keyfile), password=lambda: b"")
    except ssl.SSLError as exc:
        if exc.reason == "KEY_VALUES_MISMATCH":
            raise AdminError(f"--keyfile {keyfile} is not the key of the certificate {certfile}") from None
        raise AdminError(f"--certfile {certfile} / --keyfile {keyfile}: {exc.reason or exc}") from None


def _user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except (ImportError, KeyError, OSError):
        return "the server's user"


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a port in use is one clear line (uvicorn would
    log a traceback-like error and exit)."""
    if not 0 <= port <= 65535:
        raise AdminError(f"--port {port}: a port is a number from 1 to 65535")
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        family = socket.AF_INET  # a host name
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise AdminError(
                f"port {port} on {host} is in use (another mufakat-server, or another program): "
                "stop it, or choose another --port"
            ) from None
        if exc.errno == errno.EACCES:
            raise AdminError(
                f"port {port} needs administrator rights: use a port above 1023 (e.g. 8765) and "
                "let a proxy answer on 443 (see README)"
            ) from None
        if exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
            raise AdminError(f"--host {host}: not an address of this machine") from None
        raise AdminError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


@contextmanager
def metrics_folder() -> Iterator[str]:
    """A fresh folder for the worker processes' metric files, removed at the end (under
    systemd's RuntimeDirectory when there is one)."""
    runtime = os.environ.get("RUNTIME_DIRECTORY", "").split(":")[0] or None
    folder = tempfile.mkdtemp(prefix="metrics-" if runtime else "mufakat-metrics-", dir=runtime)
    os.environ[MULTIPROC_ENV] = folder
    try:
        yield folder
    finally:
        os.environ.pop(MULTIPROC_ENV, None)
        shutil.rmtree(folder, ignore_errors=True)


def _warn_if_plain(options: ServeOptions) -> None:
    if options.certfile is not None:
        return
    try:
        loopback = ipaddress.ip_address(options.host).is_loopback
    except ValueError:
        loopback = options.host == "localhost"
    if not loopback:
        log.warning(
            "serving plain HTTP on %s: laptops refuse it unless their enrollment code was made with "
            "--allow-http; give --certfile and --keyfile, or answer through a TLS proxy",
            options.host,
        )


def serve(options: ServeOptions) -> None:
    """Run until SIGTERM or SIGINT. The database was migrated before (one process does it)."""
    check_workers(options)
    check_tls(options.certfile, options.keyfile)
    with serving(options.url):
        sock = listen(options.host, options.port)
        with metrics_folder():
            _run(options, sock)


def _run(options: ServeOptions, sock: socket.socket) -> None:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from server_stub.nodelay import NoDelayH11Protocol

    os.environ["MUFAKAT_SERVER_DB"] = options.url  # for the application in every worker process
    config = uvicorn.Config(
        "server_stub.wsgi:app",
        host=options.host,
        port=sock.getsockname()[1],
        workers=options.workers,
        http=NoDelayH11Protocol,  # TCP_NODELAY in worker processes too (server_stub/nodelay.py)
        log_config=log_config(),
        access_log=False,
        timeout_graceful_shutdown=GRACE_S,
        ssl_certfile=str(options.certfile) if options.certfile else None,
        ssl_keyfile=str(options.keyfile) if options.keyfile else None,
    )
    scheme = "https" if options.certfile else "http"
    database = make_url(options.url).render_as_string(hide_password=True)
    log.info(
        "serving on %s://%s:%d",
        scheme,
        options.host,
        config.port,
        extra={"database": database, "workers": options.workers, "pid": os.getpid()},
    )
    _warn_if_plain(options)
    if options.workers > 1:
        Multiprocess(config, sockets=[sock]).run()
        return
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
    if not server.started:
        raise AdminError("the server did not start (see the log lines above)")
