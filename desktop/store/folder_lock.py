"""The app holds a lock on its data folder while it runs; commands that replace the database from
outside (`mufakat restore`, `mufakat move import`) take it first. A database in use is then never
replaced under the app, which would go on writing into the file it has open (on Linux, a file no
longer in the folder) and lose all it saved afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from desktop.core.errors import InputError
from desktop.core.i18n import tr

LOCK_FILENAME = "mufakat.lock"


def hold(data_dir: Path) -> FileLock | None:
    """The running app's lock (None when another Mufakat window holds it already)."""
    lock = FileLock(str(data_dir / LOCK_FILENAME))
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError):
        return None
    return lock


@contextmanager
def nobody_else(data_dir: Path) -> Iterator[None]:
    """Run the block only while no Mufakat app has the folder open."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(data_dir / LOCK_FILENAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise InputError(
            tr(
                "Mufakat is open on {folder}: close it first, then run this again. Nothing was changed.",
                folder=data_dir,
            )
        ) from None
    try:
        yield
    finally:
        lock.release()
