"""The ASGI application for uvicorn workers: the database comes from MUFAKAT_SERVER_DB.
`mufakat-server serve` migrates the database once before it starts the workers."""

from __future__ import annotations

import os

from server_stub.app import create_app
from server_stub.store import ServerStore, default_url

app = create_app(ServerStore(os.environ.get("MUFAKAT_SERVER_DB") or default_url()))
