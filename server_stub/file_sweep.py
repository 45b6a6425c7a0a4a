"""Releasing attached files nobody names any more (`mufakat-server files sweep`).

The server keeps a file while any live attachment record names it; a deleted attachment is a
tombstone and names it no more. The sweep, run by the administrator (a timer), is safe while the
server serves, in any number of processes:
- an office's grant (its upload, counted in its quota) is released once no live attachment of
  the office names the file and the upload is older than the grace period (a laptop uploads a
  file before it pushes the record naming it; a cut link can keep the record back for days);
- a file is removed once no grant and no live attachment names it and it was written before the
  grace period (an upload completing during the sweep writes it anew: it is younger);
- an upload abandoned for longer than the grace period is removed, and the size it held
  against its office's quota released.
An undone deletion (`restore`) within the grace period finds its file still there.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import CursorResult, Exists, and_, delete, exists, select

from server_stub.file_access import ATTACHMENTS
from server_stub.filestore import FileStore
from server_stub.models import AttachmentFile, FileGrant, FileUpload, Record
from server_stub.store import ServerStore

DEFAULT_GRACE = timedelta(days=30)


@dataclass(frozen=True)
class Swept:
    grants: int  # office uploads released from their quota
    files: int  # files removed
    bytes: int  # their size
    uploads: int  # abandoned uploads removed


def _named_live(sha256: object, unit_id: object | None = None) -> Exists:
    where = [
        AttachmentFile.sha256 == sha256,
        Record.entity == ATTACHMENTS,
        Record.id == AttachmentFile.attachment_id,
        Record.deleted.is_(False),
    ]
    if unit_id is not None:
        where.append(AttachmentFile.unit_id == unit_id)
    return exists().where(and_(*where))


def sweep(store: ServerStore, files: FileStore, grace: timedelta = DEFAULT_GRACE) -> Swept:
    cutoff = datetime.now(UTC) - grace
    with store.transaction() as session:
        done = session.execute(
            delete(FileGrant).where(FileGrant.at < cutoff, ~_named_live(FileGrant.sha256, FileGrant.unit_id))
        )
        released = done.rowcount if isinstance(done, CursorResult) else 0
        session.execute(delete(FileUpload).where(FileUpload.at < cutoff))
    removed = size = 0
    oldest = time.time() - grace.total_seconds()
    for sha256, written in list(files.hashes()):
        if written >= oldest:
            continue
        with store.transaction() as session:
            granted = session.scalar(select(exists().where(FileGrant.sha256 == sha256)))
            if granted or session.scalar(select(_named_live(sha256))) or _written_since(files, sha256, oldest):
                continue
            size += files.size(sha256) or 0
            files.remove(sha256)
            removed += 1
    uploads = 0
    for partial in list(files.partial.glob("*/*")) if files.partial.is_dir() else ():
        if partial.stat().st_mtime < oldest:
            partial.unlink(missing_ok=True)
            uploads += 1
    return Swept(int(released or 0), removed, size, uploads)


def _written_since(files: FileStore, sha256: str, oldest: float) -> bool:
    """Written again while the sweep ran (an upload that just completed)."""
    try:
        return files.path(sha256).stat().st_mtime >= oldest
    except FileNotFoundError:
        return True
