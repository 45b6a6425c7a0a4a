"""Real `mufakat-server` processes on 127.0.0.1, for the administrator's tests: started with the
command line an administrator types, stopped with SIGTERM as systemd stops them, their JSON log
kept in a file; and certificates of a test certificate authority (trustme)."""

from __future__ import annotations

import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import trustme

from server_stub import admin, auth
from server_stub.store import ServerStore

ROOT = Path(__file__).resolve().parents[2]
START_S = 60  # a slow, shared machine; far longer than a start takes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Certs:
    """A certificate authority and a server certificate it issued, as PEM files."""

    ca: trustme.CA
    ca_file: Path
    cert: Path
    key: Path

    def context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))


def make_certs(folder: Path, *names: str, ca: trustme.CA | None = None, **issue: Any) -> Certs:
    authority = ca or trustme.CA()
    leaf = authority.issue_cert(*(names or ("127.0.0.1", "localhost")), **issue)
    folder.mkdir(parents=True, exist_ok=True)
    ca_file, cert, key = folder / "office-ca.pem", folder / "server.crt", folder / "server.key"
    authority.cert_pem.write_to_path(str(ca_file))
    cert.write_bytes(b"".join(blob.bytes() for blob in leaf.cert_chain_pems))
    leaf.private_key_pem.write_to_path(str(key))
    return Certs(authority, ca_file, cert, key)


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "server_stub", *args]


def admin_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mufakat-server ARGS` as the administrator runs it."""
    return subprocess.run(
        command(*args), capture_output=True, text=True, timeout=300, cwd=ROOT, env=env, check=False
    )


@dataclass
class ServerProcess:
    url: str
    port: int
    proc: subprocess.Popen[bytes]
    log: Path
    certs: Certs | None = None
    stopped: bool = field(default=False)

    def client(self, **kwargs: Any) -> httpx.Client:
        verify: ssl.SSLContext | bool = self.certs.context() if self.certs else True
        return httpx.Client(base_url=self.url, verify=verify, timeout=30, **kwargs)

    def lines(self) -> list[dict[str, Any]]:
        """Its log, one JSON object per line (every line must be one)."""
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines() if line]

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM, as `systemctl stop` sends it; the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait(timeout=10)
        self.stopped = True
        return code


@contextmanager
def running_server(
    db_url: str,
    folder: Path,
    *args: str,
    certs: Certs | None = None,
    name: str = "server",
    port: int | None = None,
) -> Iterator[ServerProcess]:
    """`mufakat-server serve --db URL --port P ARGS`, until it answers /livez (`port`: the same
    one again, as a restarted service)."""
    port = port or free_port()
    extra = ["--certfile", str(certs.cert), "--keyfile", str(certs.key)] if certs else []
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"{name}-{port}.log"
    env = {k: v for k, v in os.environ.items() if k not in ("MUFAKAT_SERVER_DB", "PROMETHEUS_MULTIPROC_DIR")}
    with log.open("wb") as err:
        proc = subprocess.Popen(
            command("serve", "--db", db_url, "--port", str(port), *args, *extra),
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=ROOT,
            env=env,
        )
    server = ServerProcess(f"{'https' if certs else 'http'}://127.0.0.1:{port}", port, proc, log, certs)
    try:
        deadline = time.monotonic() + START_S
        while True:
            try:
                with server.client() as http:
                    if http.get("/livez", timeout=2).status_code == 200:
                        break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
        yield server
    finally:
        if not server.stopped:
            server.stop()


def add_units(db_url: str) -> None:
    """The unit tree of the tests: DJPB > Kanwil PBD > KPPN Sorong, KPPN Manokwari."""
    store = ServerStore(db_url)
    try:
        store.migrate()
        with store.transaction() as session:
            admin.add_unit(session, "DJPB", "Direktorat Jenderal Perbendaharaan")
            admin.add_unit(session, "KANWIL-PBD", "Kanwil DJPb Provinsi Papua Barat Daya", "DJPB")
            admin.add_unit(session, "KPPN-SORONG", "KPPN Sorong", "KANWIL-PBD")
            admin.add_unit(session, "KPPN-MANOKWARI", "KPPN Manokwari", "KANWIL-PBD")
    finally:
        store.close()


def new_code(db_url: str, unit_code: str, allow_http: bool = False) -> str:
    store = ServerStore(db_url)
    try:
        with store.transaction() as session:
            return auth.new_enroll_code(session, unit_code, allow_http=allow_http)
    finally:
        store.close()
