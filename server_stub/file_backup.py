"""The attached files in `mufakat-server backup` and `restore`.

Files never change once stored (they are named by their content), so a backup copies only those
the backup folder lacks, into `FOLDER/files/` beside the database copies, which all of them
share: after the database's copy, so every file that copy names is there (the sweep keeps a file
for its grace period after the last record naming it is deleted). A restore copies back every
file the store lacks, each checked against its name; files the restored database no longer
names are released by the next sweep.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from server_stub.admin import AdminError
from server_stub.filestore import FileStore

FILES = "files"


@dataclass(frozen=True)
class Copied:
    files: int
    bytes: int


def backup_files(files: FileStore, folder: Path) -> Copied:
    """Copy the files `folder/files` lacks (each written beside and renamed)."""
    into = FileStore(folder / FILES)
    copied = size = 0
    for sha256, _written in files.hashes():
        if into.has(sha256):
            continue
        try:
            into.put(files.path(sha256), sha256)
        except FileNotFoundError:
            continue  # swept while the backup ran: no record names it
        except ValueError as exc:
            raise AdminError(f"the file store holds a damaged file: {exc}") from None
        copied += 1
        size += into.size(sha256) or 0
    return Copied(copied, size)


def restore_files(files: FileStore, backup_file: Path) -> Copied:
    """Copy back the files of the backup folder `backup_file` is in that the store lacks."""
    source = FileStore(backup_file.parent / FILES)
    copied = size = 0
    for sha256, _written in source.hashes():
        if files.has(sha256):
            continue
        try:
            files.put(source.path(sha256), sha256)
        except ValueError as exc:
            raise AdminError(f"the backup holds a damaged file: {exc}") from None
        copied += 1
        size += files.size(sha256) or 0
    return Copied(copied, size)
