"""The ASGI application for uvicorn workers: the database comes from MUFAKAT_SERVER_DB."""

from __future__ import annotations

import os

from server_stub.app import create_app
from server_stub.store import ServerStore, default_url

_store = ServerStore(os.environ.get("MUFAKAT_SERVER_DB") or default_url())
_store.migrate()
app = create_app(_store)
