"""Attached files in the sync cycle (issue 16; the wire is `protocol.files`).

Upload first, then push: the files the outbox's attachment records name go up before the
records, because the server accepts a record naming a file only once it holds the file for this
office (no laptop may point at a file it cannot prove it has). Were the record first, every
laptop of the office would pull a record whose file the server refuses to hand out. A file the
server refuses (`file_too_large`, `quota_exceeded`) or that could not go up yet leaves its
record refused with `file_unknown`: that refusal waits in the queue while this laptop holds the
record (`desktop.sync.recoverable`), the record goes again after the file, and a refusal that
lasts is set aside and shown, never lost. The upload's own refusal is in the cycle's report
(the status bar says it).

Each upload asks the server how much it holds and sends the rest in chunks (a cut costs at most
the chunk on the way); each download appends to a partial file from where it stopped (`Range`),
and is checked against its SHA-256 before it is renamed into the data folder's file store. Only
one chunk is in memory at a time.

Downloads follow the pull: in the background (the default), or only when a file is opened
(`fetch_files = "on_demand"` in settings.json). A file the server does not hand out yet (its
laptop has not uploaded it) stays a placeholder and is asked for again at the next sync.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.app.workspace import Workspace
from desktop.models import Attachment, OutboxOp
from desktop.store.file_store import FileStore, sync_folder
from desktop.sync.client import SyncClient, SyncRefused, SyncUnavailable
from protocol.files import CHUNK_BYTES, file_sha256, is_sha256
from protocol.refusals import Refusal

# Files on the way at once: each upload ends with the server flushing the file and its record
# to disk; four at once overlap those waits (two: 31 % of a plain HTTP copy on loopback, four:
# 49 %, bench/files_sync.py on a loaded machine).
TRANSFERS = 4
PARTIAL_DIR = ".partial"  # downloads under way, in the file store's folder
UPLOADING_DIR = ".uploading"  # a mark for each upload this laptop began and has not finished
ATTACHMENTS = "attachments"
# A refusal of an upload that passes by itself (another laptop of the office sent its part).
_RETRY_AT_ONCE = frozenset({Refusal.OFFSET_MISMATCH.value})


@dataclass(frozen=True)
class Wanted:
    sha256: str
    size: int


@dataclass
class FileReport:
    uploaded: int = 0  # files the server now holds for the office
    downloaded: int = 0
    bytes_sent: int = 0  # file bytes (chunks) sent, also those a cut connection lost
    bytes_received: int = 0
    refused: dict[str, str] = field(default_factory=dict)  # sha256 → the refusal's code
    refusal_params: dict[str, Any] = field(default_factory=dict)  # the last refusal's parameters
    missing: int = 0  # files named by this laptop's records that are not in its data folder
    interrupted: bool = False  # the connection failed during a transfer: the next sync resumes it

    def add(self, other: FileReport) -> None:
        self.uploaded += other.uploaded
        self.downloaded += other.downloaded
        self.bytes_sent += other.bytes_sent
        self.bytes_received += other.bytes_received
        self.refused.update(other.refused)
        self.refusal_params = other.refusal_params or self.refusal_params
        self.missing += other.missing
        self.interrupted = self.interrupted or other.interrupted


def local_path(data_dir: Path, sha256: str) -> Path:
    """Where the data folder's file store keeps a file."""
    return FileStore.of(data_dir).path_of(sha256)


def _named_by_outbox(session: Session) -> dict[str, tuple[Wanted, str]]:
    """The files the outbox's attachment records name (a create, or a record's state re-sent),
    each with the file name its record gives."""
    rows = session.execute(
        select(OutboxOp.fields).where(OutboxOp.entity == ATTACHMENTS, OutboxOp.kind.in_(("create", "restate")))
    ).scalars()
    found: dict[str, tuple[Wanted, str]] = {}
    for fields in rows:
        values = fields.get("data") if isinstance(fields.get("data"), dict) else fields
        sha256, size = values.get("sha256"), values.get("size")
        if is_sha256(sha256) and isinstance(size, int) and size > 0:
            found[sha256] = (Wanted(sha256, size), str(values.get("file_name") or ""))
    # A removal undone: its file goes up again first (the server may have released it since).
    restored = session.execute(
        select(Attachment.sha256, Attachment.size, Attachment.file_name)
        .join(OutboxOp, (OutboxOp.entity == ATTACHMENTS) & (OutboxOp.entity_id == Attachment.id))
        .where(OutboxOp.kind == "restore")
    ).all()
    for sha256, size, name in restored:
        if is_sha256(sha256) and size > 0:
            found.setdefault(sha256, (Wanted(sha256, size), name))
    return found


def to_upload(session: Session) -> list[Wanted]:
    """The files the outbox's attachment records name."""
    return [wanted for wanted, _name in _named_by_outbox(session).values()]


@dataclass(frozen=True)
class Lost:
    """A file added on this laptop, not sent yet, and no longer in its data folder (removed by
    hand): nobody can fetch it, its record cannot travel until it is put back."""

    sha256: str
    file_name: str


def lost(session: Session, data_dir: Path) -> list[Lost]:
    return [
        Lost(wanted.sha256, name)
        for wanted, name in _named_by_outbox(session).values()
        if not local_path(data_dir, wanted.sha256).is_file()
    ]


def to_fetch(session: Session, data_dir: Path) -> list[Wanted]:
    """The files of live attachment records this laptop holds but not their bytes."""
    rows = session.execute(
        select(Attachment.sha256, Attachment.size).where(Attachment.deleted.is_(False)).distinct()
    ).all()
    return [Wanted(sha, size) for sha, size in rows if is_sha256(sha) and not local_path(data_dir, sha).is_file()]


def waiting(session: Session, data_dir: Path, fetching: bool = True) -> int:
    """Files waiting to travel: named by changes not yet sent, or not yet received (when they
    are fetched with every sync, not only when opened); not those lost from the data folder."""
    coming = to_fetch(session, data_dir) if fetching else []
    gone = {item.sha256 for item in lost(session, data_dir)}  # waiting for nothing: said apart
    return len({w.sha256 for w in (*to_upload(session), *coming)} - gone)


def upload_all(client: SyncClient, data_dir: Path, wanted: list[Wanted], report: FileReport) -> None:
    def one(item: Wanted) -> FileReport:
        own = FileReport()
        path = local_path(data_dir, item.sha256)
        if not path.is_file() or path.stat().st_size != item.size:
            own.missing += 1  # removed (or cut short) by hand in the data folder: its record waits
            return own
        try:
            upload(client, data_dir, item, own)
        except SyncRefused as exc:
            own.refused[item.sha256] = exc.code
            own.refusal_params = exc.params
        except SyncUnavailable:
            # The push goes on: changes that name no waiting file are not held back by one that
            # does (its record waits in the queue, `file_unknown`, until the file is up).
            own.interrupted = True
        return own

    _each(wanted, one, report)


def _each(wanted: list[Wanted], one: Callable[[Wanted], FileReport], report: FileReport) -> None:
    """`one` for every file, TRANSFERS at a time (one file's round trips overlap another's disk
    and checks, on both sides), until a transfer is interrupted; each one's report added up."""
    with ThreadPoolExecutor(TRANSFERS, thread_name_prefix="mufakat-files") as pool:
        running = [pool.submit(one, item) for item in wanted]
        for future in running:
            done = future.result()
            report.add(done)
            if done.interrupted:
                for rest in running:
                    rest.cancel()


def upload(client: SyncClient, data_dir: Path, item: Wanted, report: FileReport) -> None:
    """Send what the server lacks of one file, chunk by chunk from the offset it holds. A file
    this laptop never began to send starts at once (the server answers a first chunk of a file
    it holds for the office already with "complete"); one it began asks first where to go on."""
    store = FileStore.of(data_dir)
    path, begun = store.path_of(item.sha256), store.root / UPLOADING_DIR / item.sha256
    if begun.exists():
        state = client.upload_state(item.sha256, item.size)
    else:
        begun.parent.mkdir(parents=True, exist_ok=True)
        begun.touch()
        state = {"received": 0, "complete": False}
    with path.open("rb") as source:
        while not state["complete"]:
            offset = int(state["received"])
            source.seek(offset)
            chunk = source.read(CHUNK_BYTES)
            report.bytes_sent += len(chunk)  # on its way, whether it arrives or not
            try:
                state = client.upload_chunk(item.sha256, item.size, offset, chunk)
            except SyncRefused as exc:
                if exc.code not in _RETRY_AT_ONCE:
                    raise
                state = {"received": exc.params.get("received", 0), "complete": False}
    begun.unlink(missing_ok=True)
    report.uploaded += 1


def fetch_all(client: SyncClient, data_dir: Path, wanted: list[Wanted], report: FileReport) -> None:
    def one(item: Wanted) -> FileReport:
        own = FileReport()
        try:
            fetch(client, data_dir, item, own)
        except SyncRefused as exc:
            if exc.code != Refusal.FILE_UNKNOWN:
                own.refused[item.sha256] = exc.code
                own.refusal_params = exc.params
            # file_unknown: not on the server yet (record first, file later): a placeholder
        except SyncUnavailable:
            own.interrupted = True  # the partial download stays: the next sync goes on from it
        return own

    _each(wanted, one, report)


def fetch(client: SyncClient, data_dir: Path, item: Wanted, report: FileReport) -> Path:
    """One file into the data folder: appended to its partial download from where that stopped,
    checked, flushed, renamed into place."""
    target = local_path(data_dir, item.sha256)
    if target.is_file():
        return target
    partial = FileStore.of(data_dir).root / PARTIAL_DIR / item.sha256
    partial.parent.mkdir(parents=True, exist_ok=True)
    start = partial.stat().st_size if partial.exists() else 0
    if start > item.size:  # not this file's: start again
        partial.unlink()
        start = 0
    if start < item.size:
        with client.download(item.sha256, start) as blocks, partial.open("ab") as out:
            for block in blocks:
                out.write(block)
                report.bytes_received += len(block)
            out.flush()
            os.fsync(out.fileno())
    if file_sha256(partial) != item.sha256:
        partial.unlink(missing_ok=True)  # a broken download: the next sync starts it again
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial.replace(target)
    sync_folder(target.parent)
    report.downloaded += 1
    return target


def fetch_one(ws: Workspace, sha256: str, size: int) -> Path:
    """One file now (a screen opens it, `fetch_files = "on_demand"`), off the GUI thread: its
    path in the data folder. SyncRefused `file_unknown` while the server does not have it."""
    from desktop.sync.engine import client_for

    with client_for(ws) as client:
        return fetch(client, ws.data_dir, Wanted(sha256, size), FileReport())
