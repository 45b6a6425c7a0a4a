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

from desktop.core.errors import EnvironmentProblem, InputError
from desktop.core.i18n import tr
from desktop.core.sizes import megabytes
from protocol.entities import MAX_FILE_SIZE
from protocol.files import file_sha256

FILES_DIR = "files"
PRINT_DIR = "print"  # photos reduced for paper (derived, made again when missing)
TEMP_PREFIX = ".incoming-"
CHUNK = 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Stored:
    sha256: str
    size: int


def too_large(name: str, size: int) -> InputError:
    return InputError(
        tr(
            "“{name}” is {size} MB; a file may be at most {limit} MB. Reduce it (a scan at a "
            "lower resolution, a PDF split in two) and add it again.",
            name=name,
            size=megabytes(size),
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
        digest = file_sha256(source)
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
            sync_folder(target.parent)
        except OSError as exc:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise _disk_problem(exc) from exc
        except BaseException:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
        return Stored(digest, size)

    def print_copy(self, sha256: str) -> Path | None:
        """A photo reduced for paper (`files/print/<sha256>.jpg`, 1,000 to 1,024 px on its long
        side: about 300 dpi in a report's photo box), made once and kept (the photo never
        changes); None when the photo is not here or cannot be read. A report embeds the copy as
        it is, without decoding it."""
        copy, source = self._print_path(sha256), self.path_of(sha256)
        if not source.is_file():
            return None  # not received, or removed by hand: a placeholder, as on screen
        if copy.is_file():
            return copy
        from desktop.store.file_import import print_reduced  # Pillow: on first use

        data = print_reduced(source)
        return self.keep_print_copy(sha256, data) if data is not None else None

    def keep_print_copy(self, sha256: str, data: bytes) -> Path | None:
        """Keep a photo's print copy (made on import, from the photo still in memory); None
        when the disk refuses it (a report makes it again)."""
        copy = self._print_path(sha256)
        tmp = copy.parent / f"{TEMP_PREFIX}{secrets.token_hex(6)}"
        try:  # whole or not at all, but not flushed: a copy lost in a crash is made again
            copy.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            tmp.replace(copy)
        except OSError:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            return None
        return copy

    def thumbnail_source(self, sha256: str) -> Path:
        """The smallest copy of a photo to draw a thumbnail from (its print copy, else itself)."""
        copy, source = self._print_path(sha256), self.path_of(sha256)
        return copy if copy.is_file() and source.is_file() else source

    def _print_path(self, sha256: str) -> Path:
        self.path_of(sha256)  # checks the name
        return self.root / PRINT_DIR / f"{sha256}.jpg"

    def stored(self) -> dict[str, Path]:
        """Every file of the store, by its SHA-256 (no print copy, no temporary file)."""
        if not self.root.is_dir():
            return {}
        found = {}
        for path in self.root.glob("??/*"):
            sha = path.parent.name + path.name
            if SHA256.fullmatch(sha) and path.is_file():
                found[sha] = path
        return found

    def copy_new_to(self, other: FileStore) -> int:
        """Copy the files `other` lacks into it (files never change: only new ones go); how
        many. Raises EnvironmentProblem when `other`'s disk refuses one (those copied stay)."""
        copied = 0
        for sha, path in self.stored().items():
            if not other.has(sha):
                other.put_file(path)
                copied += 1
        return copied

    def leftovers(self) -> list[Path]:
        """Temporary files a crash left behind (never a stored file)."""
        if not self.root.is_dir():
            return []
        return sorted(self.root.glob(f"*/{TEMP_PREFIX}*"))


def _chunks(fh: BinaryIO) -> Iterator[bytes]:
    while chunk := fh.read(CHUNK):
        yield chunk


def sync_folder(folder: Path) -> None:
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
