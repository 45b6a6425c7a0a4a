"""A `-wal` beside the database that belongs to another copy of it is never replayed into it.

SQLite replays whatever valid `-wal` file lies beside a database when it opens it. After a
laptop's database is restored from a copy, the `-wal` of the database it replaced (left by a
crash, a power cut, a copy taken while the app ran) would be replayed into the restored copy,
mixing pages of two databases. So each opening marks the database: a random number in SQLite's
`user_version` header field, written into the main file at once (a checkpoint) and into a
small file beside it (`mufakat.sqlite3-copy`). At the next opening, a non-empty `-wal` is
this database's only if the two still agree; otherwise it is moved aside with its `-shm`,
kept for support, and the user is told.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.files import write_atomically
from desktop.core.i18n import tr

log = logging.getLogger("mufakat.store")
HEADER_BYTES = 100
USER_VERSION = slice(60, 64)  # big-endian, in the database header


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _header_mark(path: Path) -> int | None:
    """The mark in the header of `path`; only while no connection of this process has it open
    (reading it closes a descriptor of the file: see mark_copy)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(HEADER_BYTES)
    except OSError:
        return None
    if len(header) < HEADER_BYTES or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[USER_VERSION], "big", signed=True)


def set_aside_foreign_wal(path: Path) -> str | None:
    """Before SQLite opens `path`: move a `-wal` of another copy aside; the user's message."""
    wal, marker = _sibling(path, "-wal"), _sibling(path, "-copy")
    try:
        if not path.exists() or not wal.exists() or wal.stat().st_size == 0 or not marker.exists():
            return None
        expected = int(marker.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None  # nothing to compare with: SQLite's usual recovery
    if _header_mark(path) in (None, expected):
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    moved = _sibling(path, f"-wal.other-copy-{stamp}")
    wal.replace(moved)
    shm = _sibling(path, "-shm")
    if shm.exists():
        shm.replace(_sibling(path, f"-shm.other-copy-{stamp}"))
    log.warning("the -wal beside %s belonged to another copy of the database; moved to %s", path, moved)
    return tr(
        "The database {path} was replaced by another copy (a restore?), and the journal of the "
        "previous one was still beside it. It was not applied to this copy; it was kept as {kept}.",
        path=path,
        kept=moved.name,
    )


def mark_copy(connection: sqlite3.Connection, path: Path) -> None:
    """After opening: give this copy a new mark, in the main file and beside it. The file
    beside it is written only once the mark is confirmed in the main file (if another
    program keeps the journal from being emptied, no mark is kept, and the next opening does
    SQLite's usual recovery)."""
    marker = _sibling(path, "-copy")
    try:
        marker.unlink(missing_ok=True)
        mark = secrets.randbelow(2**31 - 2) + 1
        connection.execute(f"PRAGMA user_version={mark}")
        # Whether the mark reached the main file is asked of SQLite (the checkpoint is done, not
        # busy), never by reading the file here: closing any descriptor of the database file
        # drops every POSIX lock this process holds on it, SQLite's too, and another program
        # closing its connection would then delete the -wal this app still writes into.
        busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy == 0:
            write_atomically(marker, f"{mark}\n".encode("ascii"))
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not mark the database copy %s: %s", path, exc)
