"""A fault-injecting HTTP proxy on 127.0.0.1, between laptops and a real server.

It speaks just enough HTTP/1.1 to forward one request at a time, and for each request it asks a
chooser which fault to play: pass it on, drop the connection before forwarding (the server never
acts), drop it after forwarding (the server acted, the laptop never hears), cut the answer
short, answer 503 itself, or forward after a delay. Everything it did is counted, so a test can
say how many faults of each kind it survived.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from enum import StrEnum


class Fault(StrEnum):
    NONE = "none"
    DROP_BEFORE = "drop_before"  # connection closed before the request reaches the server
    DROP_AFTER = "drop_after"  # the server applied it; its answer never reaches the laptop
    TRUNCATE = "truncate"  # the answer is cut off part-way
    ERROR_5XX = "error_5xx"  # a gateway error instead of the server's answer
    DELAY = "delay"  # forwarded late, in full


FAULTS = tuple(f for f in Fault if f is not Fault.NONE)
Chooser = Callable[[str], tuple[Fault, float]]  # request line → fault, and a number in [0, 1)

_GATEWAY_ERROR = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
    b'Content-Length: 26\r\nConnection: close\r\n\r\n{"error": "gateway error"}'
)


class FaultProxy:
    def __init__(self, upstream: str, choose: Chooser, timeout: float = 30.0) -> None:
        host, _, port = upstream.removeprefix("http://").partition(":")
        self._upstream = (host, int(port))
        self._choose = choose
        self._timeout = timeout
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        self._lock = threading.Lock()
        self.played: Counter[Fault] = Counter()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def faults(self) -> int:
        with self._lock:
            return sum(n for fault, n in self.played.items() if fault is not Fault.NONE)

    # -- serving ------------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(self._timeout)
        buffer = b""
        try:
            while True:
                request, buffer = _read_request(client, buffer)
                if request is None:
                    return
                line = request.split(b"\r\n", 1)[0].decode("latin-1")
                fault, share = self._choose(line)
                with self._lock:
                    self.played[fault] += 1
                if fault is Fault.DROP_BEFORE:
                    return
                if fault is Fault.ERROR_5XX:
                    client.sendall(_GATEWAY_ERROR)
                    return
                if fault is Fault.DELAY:
                    time.sleep(0.05 + share * 0.4)
                answer = self._forward(request)
                if fault is Fault.DROP_AFTER:
                    return
                if fault is Fault.TRUNCATE:
                    client.sendall(answer[: max(1, int(len(answer) * share))])
                    return
                client.sendall(answer)
                return  # the upstream answer says "Connection: close"; so do we
        except OSError:
            return
        finally:
            _close(client)

    def _forward(self, request: bytes) -> bytes:
        """Send one request upstream on a connection of its own and read its whole answer."""
        head, _, body = request.partition(b"\r\n\r\n")
        lines = [
            line for line in head.split(b"\r\n") if not line.lower().startswith((b"connection:", b"keep-alive:"))
        ]
        upstream = socket.create_connection(self._upstream, timeout=self._timeout)
        try:
            upstream.sendall(b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body)
            chunks = []
            while chunk := upstream.recv(65536):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            _close(upstream)


def _read_request(client: socket.socket, buffer: bytes) -> tuple[bytes | None, bytes]:
    """One whole request (head and a Content-Length body) from the client, or None at its end."""
    while b"\r\n\r\n" not in buffer:
        chunk = client.recv(65536)
        if not chunk:
            return None, b""
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = client.recv(65536)
        if not chunk:
            return None, b""
        rest += chunk
    return head + b"\r\n\r\n" + rest[:length], rest[length:]


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
