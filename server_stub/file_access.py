"""Who may have which attached file (issue 16), in one place.

- An office downloads a file only when a live attachment record it may see names it
  (`server_stub.visibility`): its own, and the office above those of a recommendation escalated
  to it, never a signed attendance scan (`attendance_scan` never leaves its office).
- An office names a hash in a new attachment record only after uploading the file whole (a
  grant) or when it may download it; otherwise `file_unknown`, the same answer whether the
  server holds the file for others or not at all.
- The attachment records of an escalated recommendation reach the office above (as its forum's
  frozen minutes do: `server_stub.minutes`), which is what lets it download their files.
- A signed attendance scan belongs to a forum: an attachment of a recommendation or an action is
  never re-marked as one (it may have gone to the office above with an escalation already).
- A deleted attachment is brought back (`restore`) only while the office may name its file: after
  the sweep released it, the laptop that restores it uploads the file first (it waits, refused
  `file_unknown`, until then), so no live record names a file the server no longer holds.
- Quota: the sizes of an office's grants and of its uploads under way (every office pays for
  what it uploaded, whoever else holds the same bytes), within its own quota or the server's
  default. An upload holds its size from its first chunk; the check and the hold are made under
  a lock of the office's files (`lock_files`), so uploads at once never pass the quota together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from protocol.files import is_sha256
from protocol.refusals import Problem, Refusal, Refused, invalid
from protocol.vocab import AttachmentKind, AttachmentOwner
from server_stub.authorize import Caller
from server_stub.minutes import records_of
from server_stub.models import AttachmentFile, FileGrant, FileQuota, FileUpload, Record
from server_stub.registers import AnyRecord, Batch, NewRecord
from server_stub.visibility import may_see

ATTACHMENTS = "attachments"
DEFAULT_QUOTA = 10 * 1024**3  # bytes per office, unless the administrator set another


def unknown_file(sha256: str) -> Refused:
    return Refused(Refusal.FILE_UNKNOWN, f"no file {sha256} this office may use", sha256=sha256)


def _leaves_office(record: AnyRecord, unit_id: str) -> bool:
    """May this attachment's file reach `unit_id`, which sees the record?"""
    return record.unit_id == unit_id or record.data.get("kind") != AttachmentKind.ATTENDANCE_SCAN


def downloadable(session: Session, unit_id: str, sha256: str) -> bool:
    rows = session.scalars(
        select(Record)
        .join(AttachmentFile, (Record.entity == ATTACHMENTS) & (Record.id == AttachmentFile.attachment_id))
        .where(AttachmentFile.sha256 == sha256, Record.deleted.is_(False))
    )
    return any(may_see(unit_id, r) and _leaves_office(r, unit_id) for r in rows)


def grant(session: Session, unit_id: str, sha256: str) -> FileGrant | None:
    return session.get(FileGrant, (unit_id, sha256))


def may_name(session: Session, unit_id: str, sha256: str) -> bool:
    return grant(session, unit_id, sha256) is not None or downloadable(session, unit_id, sha256)


def quota_of(session: Session, unit_id: str, default: int) -> int:
    set_here = session.get(FileQuota, unit_id)
    return set_here.quota if set_here is not None else default


def lock_files(session: Session, unit_id: str) -> None:
    """Until the transaction ends, no other transaction checks or changes the office's use of its
    quota. PostgreSQL: a transaction-level advisory lock keyed by the office; SQLite: every
    transaction holds the database's write lock from its start (BEGIN IMMEDIATE) already."""
    if session.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(f"files:{unit_id}".encode()).digest()[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def used(session: Session, unit_id: str, besides: str | None = None) -> int:
    """Bytes of the office's quota in use: its grants and its uploads under way (but the upload
    of `besides`, the one being checked)."""
    granted = select(func.coalesce(func.sum(FileGrant.size), 0)).where(FileGrant.unit_id == unit_id)
    coming = select(func.coalesce(func.sum(FileUpload.size), 0)).where(FileUpload.unit_id == unit_id)
    if besides is not None:
        coming = coming.where(FileUpload.sha256 != besides)
    return int(session.scalar(granted) or 0) + int(session.scalar(coming) or 0)


def hold_upload(session: Session, unit_id: str, sha256: str, size: int, device_id: str) -> None:
    """The office's upload of the file begins (again): its size is held against the quota."""
    held = session.get(FileUpload, (unit_id, sha256))
    if held is None:
        session.add(FileUpload(unit_id=unit_id, sha256=sha256, size=size, device_id=device_id, at=datetime.now(UTC)))
    else:
        held.size, held.device_id, held.at = size, device_id, datetime.now(UTC)


def drop_upload(session: Session, unit_id: str, sha256: str) -> None:
    """The upload ended (a grant now, or discarded): its size is no longer held."""
    session.execute(delete(FileUpload).where(FileUpload.unit_id == unit_id, FileUpload.sha256 == sha256))


def keep_grant(session: Session, unit_id: str, sha256: str, size: int, device_id: str) -> None:
    """The office uploaded the file whole (again): it may name it, from now (the sweep's grace
    counts from here)."""
    now = datetime.now(UTC)
    drop_upload(session, unit_id, sha256)
    held = grant(session, unit_id, sha256)
    if held is None:
        session.add(FileGrant(unit_id=unit_id, sha256=sha256, size=size, device_id=device_id, at=now))
    else:
        held.at, held.device_id = now, device_id


# -- pushed attachment records ---------------------------------------------------------------


def check_named(session: Session, caller: Caller, fields: dict[str, Any]) -> None:
    """A new attachment record names a file the caller's office may use, at its size."""
    sha256 = fields.get("sha256")
    if not is_sha256(sha256):
        raise invalid(ATTACHMENTS, "sha256", Problem.MALFORMED)
    assert isinstance(sha256, str)
    held = grant(session, caller.unit_id, sha256)
    if held is None and not downloadable(session, caller.unit_id, sha256):
        raise unknown_file(sha256)
    if held is not None and held.size != fields.get("size"):
        raise invalid(ATTACHMENTS, "size", Problem.NOT_ALLOWED)


def check_kind(record: AnyRecord, changes: dict[str, Any]) -> None:
    """Only a forum's file is its signed attendance scan (as the laptops' own rule says)."""
    scan = changes.get("kind") == AttachmentKind.ATTENDANCE_SCAN
    if scan and record.data.get("owner_entity") != AttachmentOwner.FORUM:
        raise invalid(ATTACHMENTS, "kind", Problem.NOT_ALLOWED)


def check_restored(session: Session, caller: Caller, record: AnyRecord) -> None:
    """A deleted attachment comes back only naming a file the office may use now."""
    sha256 = record.data.get("sha256")
    if not is_sha256(sha256) or not may_name(session, caller.unit_id, str(sha256)):
        raise unknown_file(str(sha256))


def remember(session: Session, created: Iterable[NewRecord]) -> None:
    """The file each new attachment record names (records only come into being in a push)."""
    for record in created:
        named = record.entity == ATTACHMENTS and is_sha256(record.data.get("sha256"))
        if named and session.get(AttachmentFile, record.id) is None:
            session.add(
                AttachmentFile(
                    attachment_id=record.id,
                    unit_id=record.unit_id,
                    owner_id=str(record.data.get("owner_id")),
                    sha256=str(record.data["sha256"]),
                )
            )


def _escalated_to(batch: Batch, unit_id: str, recommendation_id: object) -> str | None:
    """The office a recommendation of `unit_id` was first escalated to, if it was."""
    for escalation in records_of(batch, "escalations", unit_id):
        data = escalation.data
        if data.get("previous_id") is None and data.get("recommendation_id") == recommendation_id:
            return escalation.to_unit_id
    return None


def route_new(batch: Batch, attachment: NewRecord) -> None:
    """A file attached to a recommendation already escalated: the office above sees it too."""
    if attachment.data.get("owner_entity") != AttachmentOwner.RECOMMENDATION:
        return
    if attachment.data.get("kind") == AttachmentKind.ATTENDANCE_SCAN:
        return
    attachment.to_unit_id = _escalated_to(batch, attachment.unit_id, attachment.data.get("owner_id"))


def route_escalated(batch: Batch, escalation: AnyRecord) -> list[AnyRecord]:
    """A recommendation escalated: the office above sees its attachments (and may download
    their files) from its next pull."""
    if escalation.data.get("previous_id") is not None:
        return []  # forwarded further up: the files stay with the first office above
    recommendation_id = escalation.data.get("recommendation_id")
    ids = batch.session.scalars(
        select(AttachmentFile.attachment_id).where(
            AttachmentFile.owner_id == str(recommendation_id), AttachmentFile.unit_id == escalation.unit_id
        )
    ).all()
    new = [
        r
        for r in batch.created()
        if r.entity == ATTACHMENTS and r.unit_id == escalation.unit_id and r.data.get("owner_id") == recommendation_id
    ]
    routed = []
    for record in [*(batch.get(ATTACHMENTS, i) for i in ids), *new]:
        if (
            record is not None
            and record.data.get("owner_entity") == AttachmentOwner.RECOMMENDATION
            and record.data.get("kind") != AttachmentKind.ATTENDANCE_SCAN
            and record.to_unit_id != escalation.to_unit_id
        ):
            record.to_unit_id = escalation.to_unit_id
            routed.append(record)
    return routed
