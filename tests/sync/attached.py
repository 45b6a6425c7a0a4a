"""Files attached on a test laptop as the app stores them: the bytes in the data folder's file
store, then the record naming them, journaled (its create queued in the outbox)."""

from __future__ import annotations

import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.app.workspace import Workspace
from desktop.models import Attachment, Forum, Recommendation, Synced, Unit
from desktop.services import forums
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.sync.files import local_path
from protocol.vocab import AttachmentKind, AttachmentOwner

_OWNERS: dict[AttachmentOwner, type[Synced]] = {
    AttachmentOwner.FORUM: Forum,
    AttachmentOwner.RECOMMENDATION: Recommendation,
}


def photo_bytes(size: int = 200_000) -> bytes:
    return b"\xff\xd8\xff\xe0" + os.urandom(size - 4)


def attach(
    ws: Workspace,
    owner_entity: AttachmentOwner,
    owner_id: str,
    data: bytes,
    kind: AttachmentKind = AttachmentKind.PHOTO,
) -> tuple[str, str]:
    """The attachment's id and its file's SHA-256."""
    sha256 = ws.files.put_bytes(data).sha256

    def record(session: Session, ctx: Context) -> str:
        owner = session.get(_OWNERS[owner_entity], owner_id)
        assert owner is not None
        row = Attachment(
            owner_entity=owner_entity,
            owner_id=owner_id,
            kind=kind,
            sha256=sha256,
            size=len(data),
            media_type="image/jpeg",
            file_name="foto kegiatan.jpg",
            caption="Suasana diskusi",
            width=1024,
            height=768,
            unit_id=owner.unit_id,
        )
        Journal(session, ctx).create(row)
        return row.id

    return ws.write(record), sha256


def remove(ws: Workspace, attachment_id: str) -> None:
    def tombstone(session: Session, ctx: Context) -> None:
        row = session.get(Attachment, attachment_id)
        assert row is not None
        Journal(session, ctx).delete(row)

    ws.write(tombstone)


def held(ws: Workspace, sha256: str) -> bytes | None:
    path = local_path(ws.data_dir, sha256)
    return path.read_bytes() if path.is_file() else None


def a_forum(ws: Workspace, unit_code: str = "KPPN-SORONG") -> str:
    with ws.store.read() as session:
        unit = session.scalars(select(Unit.id).where(Unit.code == unit_code)).one()
    return ws.write(forums.create_forum, unit_id=unit, title="FKP Sorong", held_on="2026-10-01")
