"""`serve --workers N`: connections accepted from the listening socket uvicorn shares with its
worker processes (whose `proto` is 0, so asyncio leaves Nagle's algorithm on) get TCP_NODELAY.
Figures: bench/workers.py."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from server_stub import __main__ as server_cli
from server_stub.nodelay import NoDelayH11Protocol


async def hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})


def nodelay_of_accepted(http: type | str) -> list[int]:
    """TCP_NODELAY of the server side of a kept-alive connection, served from a socket made as
    a worker process receives it (proto 0)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    assert listener.proto == 0
    server = uvicorn.Server(uvicorn.Config(hello, http=http, log_level="critical", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive()
            time.sleep(0.02)
        port = listener.getsockname()[1]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            assert client.get("/").text == "ok"
            return [
                conn.transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
                for conn in list(server.server_state.connections)
            ]
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


def test_connections_of_a_shared_socket_get_tcp_nodelay() -> None:
    found = nodelay_of_accepted(NoDelayH11Protocol)
    assert found and all(found)


def test_serve_uses_the_nodelay_protocol(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def run(self: uvicorn.Server, sockets: list[socket.socket] | None = None) -> None:
        seen.update(http=self.config.http, sockets=sockets)
        self.started = True

    monkeypatch.setattr(uvicorn.Server, "run", run)
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    monkeypatch.setenv("MUFAKAT_SERVER_DB", url)  # serve sets it for its workers; restored after
    assert server_cli.main(["--db", url, "init"]) == 0
    assert server_cli.main(["--db", url, "serve", "--port", "0"]) == 0
    assert seen["http"] is NoDelayH11Protocol and len(seen["sockets"]) == 1
