"""The data folder's file store: attached files, content-addressed by SHA-256
(`files/ab/cdef…`, the first two hex digits a folder). A file is written whole or not at all
(a temporary file in the target's folder, flushed to disk, renamed, the folder flushed too)
before the app says it is saved; the same content is stored once, whatever it was called.
Files never change once stored, so a backup or a move copies only the new ones."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop.errors import EnvironmentProblem, InputError
from desktop.i18n import tr
from protocol.entities import MAX_FILE_SIZE

FILES_DIR = "files"
TEMP_PREFIX = ".incoming-"
CHUNK = 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Stored:
    sha256: str
    size: int


def too_large(name: str, size: int) -> InputError:
    megabytes = f"{size / 1024 / 1024:.1f}"
    return InputError(
        tr(
            "“{name}” is {size} MB; a file may be at most {limit} MB. Reduce it (a scan at a "
            "lower resolution, a PDF split in two) and add it again.",
            name=name,
            size=megabytes,
            limit=MAX_FILE_SIZE // 1024 // 1024,
        )
    )


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def of(cls, data_dir: Path) -> FileStore:
        return cls(data_dir / FILES_DIR)

    def path_of(self, sha256: str) -> Path:
        if not SHA256.fullmatch(sha256):
            raise ValueError(f"not a lower-case SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def read(self, sha256: str) -> bytes | None:
        """The file's bytes, or None when it is not here (not received yet, removed by hand)."""
        try:
            return self.path_of(sha256).read_bytes()
        except FileNotFoundError:
            return None

    def put_bytes(self, data: bytes) -> Stored:
        """Store `data` (durably) unless it is stored already. Raises InputError when it is too
        large, EnvironmentProblem when the disk refuses it (nothing is left behind)."""
        if len(data) > MAX_FILE_SIZE:
            raise too_large("", len(data))
        digest = hashlib.sha256(data).hexdigest()
        return self._put(digest, len(data), iter((data,)))

    def put_file(self, source: Path) -> Stored:
        """Copy `source` into the store (durably) unless its content is stored already. The
        size is checked before anything is copied."""
        size = source.stat().st_size
        if size > MAX_FILE_SIZE:
            raise too_large(source.name, size)
        hasher = hashlib.sha256()
        with source.open("rb") as fh:
            for chunk in _chunks(fh):
                hasher.update(chunk)
        digest = hasher.hexdigest()
        with source.open("rb") as fh:
            return self._put(digest, size, _chunks(fh))

    def _put(self, digest: str, size: int, chunks: Iterator[bytes]) -> Stored:
        target = self.path_of(digest)
        if target.is_file() and target.stat().st_size == size:
            return Stored(digest, size)  # stored before: never twice
        tmp = target.parent / f"{TEMP_PREFIX}{secrets.token_hex(6)}"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            with os.fdopen(fd, "wb") as out:
                hasher = hashlib.sha256()
                for chunk in chunks:
                    hasher.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if hasher.hexdigest() != digest:  # the source changed while it was copied
                raise InputError(tr("The file changed while it was being copied; add it again."))
            tmp.replace(target)
            _sync_folder(target.parent)
        except OSError as exc:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise _disk_problem(exc) from exc
        except BaseException:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
        return Stored(digest, size)

    def leftovers(self) -> list[Path]:
        """Temporary files a crash left behind (never a stored file)."""
        if not self.root.is_dir():
            return []
        return sorted(self.root.glob(f"*/{TEMP_PREFIX}*"))


def _chunks(fh: BinaryIO) -> Iterator[bytes]:
    while chunk := fh.read(CHUNK):
        yield chunk


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry of the renamed file (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _disk_problem(exc: OSError) -> EnvironmentProblem:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return EnvironmentProblem(
            tr("The disk is full: the file was not saved. Free some space on the disk and add it again.")
        )
    return EnvironmentProblem(
        tr("The file could not be saved in the data folder ({problem}); nothing was changed.", problem=str(exc))
    )
