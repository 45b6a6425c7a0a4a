"""The repository's deployment files (deploy/) made runnable in a test: the systemd unit pointed
at this checkout's `mufakat-server`, and the nginx site around real server processes, with a
test certificate authority, its files and logs in a temporary folder."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.server.processes import ROOT, START_S, Certs, free_port

DEPLOY = ROOT / "deploy"
UNITS = DEPLOY / "systemd"
SITE = DEPLOY / "nginx" / "mufakat.conf"
INSTALLED = "/opt/mufakat/.venv/bin/mufakat-server"  # where the unit expects the program


def units_for_this_checkout(folder: Path) -> list[Path]:
    """The units as installed (deploy/systemd), ExecStart pointing at this checkout's
    `mufakat-server`."""
    program = Path(sys.executable).parent / "mufakat-server"
    folder.mkdir(parents=True, exist_ok=True)
    units = []
    for source in sorted(UNITS.glob("*.service")) + sorted(UNITS.glob("*.timer")):
        text = source.read_text(encoding="utf-8")
        assert source.suffix == ".timer" or INSTALLED in text, source
        unit = folder / source.name
        unit.write_text(text.replace(INSTALLED, str(program)), encoding="utf-8")
        units.append(unit)
    return units


def _replaced(text: str, old: str, new: str) -> str:
    assert old in text, f"{SITE.name} no longer has {old!r}: update the test"
    return text.replace(old, new)


def nginx_conf(folder: Path, ports: list[int], listen: int, certs: Certs) -> Path:
    """The site as the README tells to install it, with these upstream ports, this listening
    port and these certificates, inside the smallest nginx.conf that runs without root's folders."""
    site = SITE.read_text(encoding="utf-8")
    site = _replaced(site, "listen 443 ssl;", f"listen 127.0.0.1:{listen} ssl;")
    site = _replaced(site, "/etc/mufakat/tls/server.crt", str(certs.cert))
    site = _replaced(site, "/etc/mufakat/tls/server.key", str(certs.key))
    upstream = "".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;\n" for port in ports)
    site = _replaced(
        site,
        "    server 127.0.0.1:8765 max_fails=1 fail_timeout=5s;\n"
        "    server 127.0.0.1:8766 max_fails=1 fail_timeout=5s;\n",
        upstream,
    )
    temp = "".join(
        f"    {kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = folder / "nginx.conf"
    conf.write_text(
        "user root;\n"  # the tests run as root; the temporary folder is root's
        "worker_processes 1;\n"
        f"pid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "    access_log off;\n"
        f"{temp}{site}\n"
        "}\n",
        encoding="utf-8",
    )
    return conf


def nginx_command(folder: Path, conf: Path, *args: str) -> list[str]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return [nginx, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf), *args]


@dataclass
class Proxy:
    url: str
    certs: Certs

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, verify=self.certs.context(), timeout=30)


@contextmanager
def running_nginx(folder: Path, ports: list[int], certs: Certs) -> Iterator[Proxy]:
    """nginx with deploy/nginx/mufakat.conf in front of the servers on `ports`, until it answers."""
    folder.mkdir(parents=True, exist_ok=True)
    listen = free_port()
    conf = nginx_conf(folder, ports, listen, certs)
    checked = subprocess.run(nginx_command(folder, conf, "-t"), capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr
    proc = subprocess.Popen(
        nginx_command(folder, conf, "-g", "daemon off;"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    proxy = Proxy(f"https://127.0.0.1:{listen}", certs)
    try:
        deadline = time.monotonic() + START_S
        while True:
            try:
                with proxy.client() as http:
                    if http.get("/livez", timeout=2).status_code == 200:
                        break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"nginx did not start: {(folder / 'error.log').read_text(errors='replace')}"
                )
            time.sleep(0.1)
        yield proxy
    finally:
        proc.send_signal(signal.SIGQUIT)  # nginx's graceful stop
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
