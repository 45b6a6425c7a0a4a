"""Writing a file whole or not at all: a temporary file in the target's own folder (same disk,
so the rename is atomic), flushed to disk, then renamed over the target. A failure on the way
(disk full, folder read-only, interrupted) leaves the target as it was and no temporary file."""

from __future__ import annotations

import os
import secrets
import tempfile
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


def write_private(target: Path, text: str) -> None:
    """Write a secret (a token) whole or not at all, readable by the user only (mkstemp's 0o600
    on POSIX; on Windows the user's profile ACL). Raises OSError, with nothing left behind."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
