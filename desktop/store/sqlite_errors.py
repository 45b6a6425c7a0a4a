"""SQLite's failures in words a user can act on, told apart by SQLite's own error code: a full
disk is not a damaged database, a read-only disk is not a bug. Used at the store's boundary
(opening it, every transaction); an error it does not know is left as it is (a bug)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop.core.errors import StoreError
from desktop.core.i18n import N_, tr

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26

FULL = N_(
    "The disk holding {path} is full, so nothing was saved. Free some space (empty the recycle "
    "bin, move large files away), then try again; what was saved before is intact."
)
READ_ONLY = N_(
    "The database {path} cannot be written: its disk or folder is read-only. Nothing was saved. "
    "Copy the data folder to a disk you can write to, or choose another data folder."
)
LOCKED = N_(
    "The database {path} is busy: another program or Mufakat window is writing to it. Nothing was "
    "saved; close the other one and try again."
)
IO_ERROR = N_(
    "The disk could not read or write {path} (an input/output error). Nothing was saved. Check "
    "the disk (a removed USB drive, a failing disk) and try again; keep a copy of the data folder."
)
CANT_OPEN = N_(
    "The database {path} cannot be opened: check that the data folder still exists and can be "
    "written, or choose another data folder."
)
DAMAGED = N_(
    "The database {path} is damaged ({error}). Stop using this copy: restore the newest copy from "
    "the backups folder, or ask for help to recover it; keep the damaged file."
)

BY_CODE = {
    SQLITE_FULL: FULL,
    SQLITE_READONLY: READ_ONLY,
    SQLITE_BUSY: LOCKED,
    SQLITE_LOCKED: LOCKED,
    SQLITE_IOERR: IO_ERROR,
    SQLITE_CANTOPEN: CANT_OPEN,
    SQLITE_CORRUPT: DAMAGED,
    SQLITE_NOTADB: DAMAGED,
}
# Errors raised without a code (older Pythons, a few paths): SQLite's fixed texts.
BY_TEXT = (
    ("database or disk is full", FULL),
    ("readonly database", READ_ONLY),
    ("database is locked", LOCKED),
    ("disk i/o error", IO_ERROR),
    ("malformed", DAMAGED),
    ("file is not a database", DAMAGED),
    ("unable to open database", CANT_OPEN),
)


def sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The driver's error inside `exc` (SQLAlchemy wraps it), if any."""
    if isinstance(exc, DBAPIError) and isinstance(exc.orig, sqlite3.Error):
        return exc.orig
    return exc if isinstance(exc, sqlite3.Error) else None


def template_for(exc: BaseException) -> str | None:
    found = sqlite_error(exc)
    if found is None:
        return None
    code = getattr(found, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in BY_CODE:
        return BY_CODE[code & 0xFF]
    text = str(found).lower()
    return next((template for marker, template in BY_TEXT if marker in text), None)


# Below this much free space an I/O error is the disk being full (SQLite reports a shared
# memory file it cannot grow as an I/O error).
NEARLY_FULL_BYTES = 256 * 1024


def _free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return None


def classify(exc: BaseException, path: Path) -> StoreError | None:
    """The user's message for a SQLite failure on `path`; None: not one we can explain."""
    template = template_for(exc)
    if template is None:
        return None
    if template in (IO_ERROR, CANT_OPEN):
        free = _free_bytes(path)
        if free is not None and free < NEARLY_FULL_BYTES:
            template = FULL
        elif path.parent.is_dir() and not os.access(path.parent, os.W_OK):
            template = READ_ONLY  # WAL mode cannot open its journal files on a read-only disk
    found = sqlite_error(exc)
    return StoreError(tr(template, path=path, error=str(found) if found else ""))


def is_damage(exc: BaseException) -> bool:
    return template_for(exc) == DAMAGED
