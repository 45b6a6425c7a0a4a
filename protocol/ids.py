"""Record ids: UUIDv7 made on the device, so records created offline never collide."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    """A new time-ordered UUIDv7 as its canonical 36-character string."""
    return str(uuid6.uuid7())
