"""TCP_NODELAY on every connection the server accepts, also in worker processes.

asyncio sets TCP_NODELAY only on sockets whose `proto` is IPPROTO_TCP; the listening socket
uvicorn hands to its worker processes (`--workers N`) arrives with proto 0, so connections
accepted there kept Nagle's algorithm: a response written in two pieces (head, then body)
waited for the client's delayed ACK, ~40 ms on every request (bench/workers.py: 44 ms with
2 workers against 1.2 ms with one). The HTTP protocol below sets it on each connection.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


def set_nodelay(transport: asyncio.BaseTransport) -> None:
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with Nagle's algorithm off on the connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        set_nodelay(transport)
        super().connection_made(transport)
