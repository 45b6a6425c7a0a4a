"""The HTTP client a laptop's background sync keeps from one cycle to the next (issue #18).

A new client costs a TLS context, a connection and its handshake at every cycle (~23 ms on
the reference machine, more than the change it carries); a kept one reuses its open
connection (keep-alive). It is kept only while nothing it was made from changes: the server's
address, the token, the permission for plain http://, the certificate authority's file (its
bytes: the office may give the laptop a new one). A cycle that failed drops it: the next one
starts on a new connection, whatever state the failure left this one in.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from typing import TypeVar

from desktop.app.workspace import Workspace
from desktop.sync.client import SyncClient
from desktop.sync.engine import client_for, server_of
from desktop.sync.trust import kept_ca

T = TypeVar("T")

Key = tuple[str, str, bool, str]


def _key(ws: Workspace) -> Key:
    """What the client is made from (`engine.client_for`)."""
    url, token = server_of(ws)
    try:
        ca = hashlib.sha256(kept_ca(ws.data_dir).read_bytes()).hexdigest()
    except OSError:  # none: the system's store
        ca = ""
    return url, token, ws.store.device().plain_http, ca


class KeptClient:
    """One laptop's sync client, made again only when what it was made from changed or a
    cycle using it failed."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws
        self._lock = threading.Lock()
        self._client: SyncClient | None = None
        self._key: Key | None = None
        self._closed = False

    def use(self, work: Callable[[SyncClient], T]) -> T:
        """`work` with the kept client (a new one if needed); a failure drops the client."""
        with self._lock:
            key = _key(self._ws)
            if self._client is None or key != self._key:
                self._close()
                self._client, self._key = client_for(self._ws), key
            client = self._client
            try:
                return work(client)
            except BaseException:
                self._close()
                raise
            finally:
                if self._closed:  # closed while this cycle ran
                    self._close()

    def close(self) -> None:
        """Close the client now, or (a cycle is using it) as soon as that cycle ends."""
        self._closed = True
        if self._lock.acquire(blocking=False):
            try:
                self._close()
            finally:
                self._lock.release()

    def _close(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client, self._key = None, None
