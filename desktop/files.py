"""Writing a file whole or not at all: a temporary file in the target's own folder (same disk,
so the rename is atomic), flushed to disk, then renamed over the target. A failure on the way
(disk full, folder read-only, interrupted) leaves the target as it was and no temporary file."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TEMP_PREFIX = ".mufakat-"


def write_atomically(target: Path, data: bytes) -> None:
    """Raises OSError, with nothing left behind."""
    folder = target.parent if str(target.parent) else Path()
    tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp"
    # O_EXCL: never another's file; mode 0o666 less the umask, as any file the user saves.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
