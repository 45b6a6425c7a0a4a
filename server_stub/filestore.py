"""The server's attached files on disk: one folder, content-addressed, written durably and
atomically (issue 16).

    ROOT/objects/ab/abcdef…   a whole file, named by its SHA-256, never changed once there
    ROOT/partial/UNIT/abcdef… an office's upload under way (its size is the offset it resumes at)

An upload grows its partial file chunk by chunk (under an exclusive lock, so two requests of one
office never write it at once, in one process or several); the last chunk is followed by a
check of the whole file's SHA-256, an fsync, and a rename into `objects/` (and an fsync of the
folder): a file in `objects/` is always whole and right. Each office uploads into a folder of its
own, so nothing of another office's uploads shows through.

Several server processes (`--workers`, or several hosts) share one ROOT: a shared volume
(NFSv4 or another file system with POSIX locks and atomic rename). The folder is
MUFAKAT_SERVER_FILES, or beside a SQLite database (`<name>-files`), or ./mufakat-server-files.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import make_url

from protocol.files import file_sha256, is_sha256

FILES_ENV = "MUFAKAT_SERVER_FILES"
READ_BLOCK = 1024 * 1024


class StoreFull(OSError):
    """The disk holding the file store is full: the upload is kept as far as it got."""


class OffsetMismatch(Exception):
    """A chunk at another offset than the upload holds (`held` bytes)."""

    def __init__(self, held: int) -> None:
        super().__init__(f"the upload holds {held} bytes")
        self.held = held


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "objects"
        self.partial = root / "partial"

    # -- whole files ----------------------------------------------------------------------
    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.objects / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def size(self, sha256: str) -> int | None:
        try:
            return self.path(sha256).stat().st_size
        except FileNotFoundError:
            return None

    def hashes(self) -> Iterator[tuple[str, float]]:
        """Every whole file: its hash and when it was written (seconds since the epoch)."""
        if not self.objects.is_dir():
            return
        for folder in sorted(self.objects.iterdir()):
            for path in sorted(folder.iterdir()) if folder.is_dir() else ():
                if is_sha256(path.name):
                    with contextlib.suppress(FileNotFoundError):
                        yield path.name, path.stat().st_mtime

    def remove(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)

    def put(self, source: Path, sha256: str) -> None:
        """A whole file copied in (restore): written beside, checked, renamed."""
        with source.open("rb") as src:
            partial = self.root / "partial" / f".put-{os.getpid()}-{sha256}"
            partial.parent.mkdir(parents=True, exist_ok=True)
            with partial.open("wb") as out:
                while block := src.read(READ_BLOCK):
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
        if file_sha256(partial) != sha256:
            partial.unlink(missing_ok=True)
            raise ValueError(f"{source}: its content is not the file {sha256}")
        self._publish(partial, sha256)

    # -- uploads ------------------------------------------------------------------------------
    def _partial(self, unit_id: str, sha256: str) -> Path:
        return self.partial / unit_id / self.path(sha256).name

    def received(self, unit_id: str, sha256: str) -> int:
        try:
            return self._partial(unit_id, sha256).stat().st_size
        except FileNotFoundError:
            return 0

    def append(self, unit_id: str, sha256: str, offset: int, chunk: bytes) -> int:
        """Write `chunk` at `offset` of the office's upload, if the upload holds exactly
        `offset` bytes (OffsetMismatch otherwise); returns what it holds after."""
        target = self._partial(unit_id, sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("ab") as out:
            fcntl.flock(out.fileno(), fcntl.LOCK_EX)
            held = os.fstat(out.fileno()).st_size
            if held != offset:
                raise OffsetMismatch(held)
            try:
                out.write(chunk)
                out.flush()
            except OSError as exc:
                out.truncate(held)  # nothing half-written: the chunk is sent again
                if exc.errno == errno.ENOSPC:
                    raise StoreFull(exc.errno, "the file store's disk is full") from exc
                raise
            return held + len(chunk)

    def complete(self, unit_id: str, sha256: str) -> bool:
        """The office's upload is whole: is it the file `sha256` names? Yes: it is in
        `objects/` now. No: what was uploaded is discarded."""
        partial = self._partial(unit_id, sha256)
        with partial.open("rb") as held:
            fcntl.flock(held.fileno(), fcntl.LOCK_EX)
            if file_sha256(partial) != sha256:
                partial.unlink(missing_ok=True)
                return False
            os.fsync(held.fileno())
            self._publish(partial, sha256)
        return True

    def discard(self, unit_id: str, sha256: str) -> None:
        self._partial(unit_id, sha256).unlink(missing_ok=True)

    def _publish(self, partial: Path, sha256: str) -> None:
        """Rename a checked, synced file into `objects/` (always, even if one is there: the new
        one is just as whole, and its fresh time keeps the sweep off it), then sync the folder."""
        final = self.path(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        partial.replace(final)
        _sync_folder(final.parent)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def default_root(database_url: str) -> Path:
    """MUFAKAT_SERVER_FILES; else beside a SQLite database; else ./mufakat-server-files."""
    configured = os.environ.get(FILES_ENV)
    if configured:
        return Path(configured)
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db = Path(url.database)
        return db.with_name(f"{db.stem}-files")
    return Path.cwd() / "mufakat-server-files"
