"""Files attached to a forum, a recommendation or a follow-up action: the record of each (its
caption, what kind it is), removal (a tombstone, undoable) and what a screen or a document
shows of them. The file itself is stored first (`store_file`), durably, then the record that
names it: a record never names a file this laptop has not saved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError, ProgrammingError
from desktop.core.i18n import N_, tr
from desktop.models import Attachment, AuditEvent, FollowUp, Forum, Recommendation, Synced
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load
from desktop.store.file_store import FileStore
from protocol.entities import LINE
from protocol.vocab import AttachmentKind, AttachmentOwner

RULES: dict[str, f.Validator] = {"caption": f.text(N_("Caption"), required=False, max_len=LINE)}
EDITABLE = frozenset({"caption", "kind"})
OWNERS: dict[AttachmentOwner, tuple[type[Synced], str]] = {
    AttachmentOwner.FORUM: (Forum, N_("Forum")),
    AttachmentOwner.RECOMMENDATION: (Recommendation, N_("Recommendation")),
    AttachmentOwner.FOLLOW_UP: (FollowUp, N_("Follow-up")),
}


@dataclass(frozen=True)
class StoredFile:
    """A file saved in the file store, ready to be named by a record."""

    sha256: str
    size: int
    media_type: str
    file_name: str
    width: int | None
    height: int | None

    @property
    def is_photo(self) -> bool:
        return self.width is not None


@dataclass(frozen=True)
class AttachmentItem:
    """What a screen or a document shows of an attachment."""

    id: str
    owner_entity: AttachmentOwner
    owner_id: str
    kind: AttachmentKind
    sha256: str
    size: int
    media_type: str
    file_name: str
    caption: str
    width: int | None
    height: int | None
    added_at: datetime
    added_by: str  # who added it
    added_on: str  # the device it was added on (its id)
    device_name: str = ""  # that laptop's name ("" for files added before it was recorded)

    @property
    def is_photo(self) -> bool:
        return self.media_type.startswith("image/")


def store_file(files: FileStore, source: Path, *, keep_gps: bool = False) -> StoredFile:
    """Read `source` (a photo is reduced), save it durably in the store (once per content) and
    say what was saved. Raises InputError or EnvironmentProblem; nothing half-written."""
    from desktop.store.file_import import prepare  # Pillow: on first use, not at start-up

    prepared = prepare(source, keep_gps=keep_gps)
    stored = files.put_bytes(prepared.data) if prepared.data is not None else files.put_file(prepared.source)
    if prepared.for_print is not None:
        files.keep_print_copy(stored.sha256, prepared.for_print)
    return StoredFile(
        stored.sha256, stored.size, prepared.media_type, prepared.file_name, prepared.width, prepared.height
    )


def attach(
    session: Session,
    ctx: Context,
    owner_entity: AttachmentOwner,
    owner_id: str,
    stored: StoredFile,
    kind: AttachmentKind | None = None,
    caption: str = "",
) -> str:
    """The record of a stored file on its owner; the same file twice on one record is refused."""
    model, what = OWNERS[owner_entity]
    owner = load(session, model, owner_id, what)
    kind = kind or (AttachmentKind.PHOTO if stored.is_photo else AttachmentKind.DOCUMENT)
    if kind is AttachmentKind.ATTENDANCE_SCAN and owner_entity is not AttachmentOwner.FORUM:
        raise InputError(tr("A signed attendance list belongs to a forum."))
    if kind is AttachmentKind.PHOTO and not stored.is_photo:
        raise InputError(tr("“{name}” is not a photo; attach it as a document.", name=stored.file_name))
    data = f.clean(RULES, {"caption": caption})
    same = session.scalar(
        select(Attachment.id).where(
            Attachment.owner_id == owner_id, Attachment.sha256 == stored.sha256, Attachment.deleted.is_(False)
        )
    )
    if same is not None:
        raise InputError(tr("“{name}” is attached here already.", name=stored.file_name))
    row = Attachment(
        owner_entity=owner_entity,
        owner_id=owner_id,
        kind=kind,
        sha256=stored.sha256,
        size=stored.size,
        media_type=stored.media_type,
        file_name=stored.file_name[:200],
        caption=data["caption"],
        width=stored.width,
        height=stored.height,
        device_name=ctx.device_name[:200],
        unit_id=owner.unit_id,
    )
    Journal(session, ctx).create(row)
    return row.id


def set_caption(session: Session, ctx: Context, attachment_id: str, caption: str) -> None:
    row = load(session, Attachment, attachment_id, N_("Attachment"))
    data = f.clean(RULES, {"caption": caption})
    if data["caption"] != row.caption:
        Journal(session, ctx).update(row, **data)


def set_kind(session: Session, ctx: Context, attachment_id: str, kind: AttachmentKind) -> None:
    """Mark a file as the forum's signed attendance list (or no longer)."""
    row = load(session, Attachment, attachment_id, N_("Attachment"))
    if kind is AttachmentKind.ATTENDANCE_SCAN and row.owner_entity is not AttachmentOwner.FORUM:
        raise InputError(tr("A signed attendance list belongs to a forum."))
    if kind is AttachmentKind.PHOTO and not row.media_type.startswith("image/"):
        raise InputError(tr("“{name}” is not a photo; attach it as a document.", name=row.file_name))
    if kind != row.kind:
        Journal(session, ctx).update(row, kind=kind)


def update_attachment(session: Session, ctx: Context, attachment_id: str, **changes: object) -> None:
    """What a user may change of an attachment (its caption, its kind): the editor that settles
    a "changed elsewhere" marker uses it too."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ProgrammingError(f"no such field(s): {sorted(unknown)}")
    if "kind" in changes:
        set_kind(session, ctx, attachment_id, AttachmentKind(str(changes["kind"])))
    if "caption" in changes:
        set_caption(session, ctx, attachment_id, str(changes["caption"]))


def remove(session: Session, ctx: Context, attachment_id: str) -> None:
    """A tombstone: the record stays (and its file), so the removal can be undone and travel."""
    Journal(session, ctx).delete(load(session, Attachment, attachment_id, N_("Attachment")))


def restore(session: Session, ctx: Context, attachment_id: str, files: FileStore | None = None) -> None:
    """Undo a removal. The record comes back only with its file: this laptop sends it again
    before the record (the server may have released it after its grace period). `files`: this
    laptop's store, to check it is there (None: not checked)."""
    row = session.get(Attachment, attachment_id)
    if row is None or not row.deleted:
        return
    if files is not None and not files.has(row.sha256):
        raise InputError(
            tr(
                "“{name}” is no longer on this laptop, so its removal cannot be undone here; add the file "
                "again.",
                name=row.file_name,
            )
        )
    Journal(session, ctx).restore(row)


def attachments_of(session: Session, owner_id: str, kinds: tuple[AttachmentKind, ...] = ()) -> list[AttachmentItem]:
    """A record's live attachments, in the order they were added."""
    query = select(Attachment).where(Attachment.owner_id == owner_id, Attachment.deleted.is_(False))
    if kinds:
        query = query.where(Attachment.kind.in_(kinds))
    rows = list(session.scalars(query.order_by(Attachment.created_at, Attachment.id)))
    return _items(session, rows)


def forum_attachments(session: Session, forum_id: str, kinds: tuple[AttachmentKind, ...] = ()) -> list[AttachmentItem]:
    """Every live attachment of a forum, of its recommendations and of their follow-ups."""
    recs = select(Recommendation.id).where(Recommendation.forum_id == forum_id)
    follow_ups = select(FollowUp.id).where(FollowUp.recommendation_id.in_(recs))
    query = select(Attachment).where(
        or_(
            Attachment.owner_id == forum_id,
            Attachment.owner_id.in_(recs),
            Attachment.owner_id.in_(follow_ups),
        ),
        Attachment.deleted.is_(False),
    )
    if kinds:
        query = query.where(Attachment.kind.in_(kinds))
    return _items(session, list(session.scalars(query.order_by(Attachment.created_at, Attachment.id))))


def forum_disk_use(session: Session, forum_id: str) -> int:
    """Bytes the files of a forum (with its recommendations' and follow-ups') take, each
    content counted once."""
    items = forum_attachments(session, forum_id)
    return sum({item.sha256: item.size for item in items}.values())


def has_attendance_scan(session: Session, forum_id: str) -> bool:
    found = session.scalar(
        select(func.count())
        .select_from(Attachment)
        .where(
            Attachment.owner_id == forum_id,
            Attachment.kind == AttachmentKind.ATTENDANCE_SCAN,
            Attachment.deleted.is_(False),
        )
    )
    return bool(found)


def _items(session: Session, rows: list[Attachment]) -> list[AttachmentItem]:
    ids = [row.id for row in rows]
    added_by: dict[str, tuple[str, str]] = {}
    if ids:
        events = session.execute(
            select(AuditEvent.entity_id, AuditEvent.actor, AuditEvent.device_id).where(
                AuditEvent.entity == "attachments", AuditEvent.entity_id.in_(ids), AuditEvent.action == "create"
            )
        )
        added_by = {entity_id: (actor, device) for entity_id, actor, device in events}
    return [
        AttachmentItem(
            row.id,
            row.owner_entity,
            row.owner_id,
            row.kind,
            row.sha256,
            row.size,
            row.media_type,
            row.file_name,
            row.caption,
            row.width,
            row.height,
            row.created_at,
            *added_by.get(row.id, ("", "")),
            row.device_name,
        )
        for row in rows
    ]


def evidence_photos(session: Session, rec_id: str) -> list[tuple[str, AttachmentItem]]:
    """The photos of a recommendation and of its follow-up actions, each with the action it is
    evidence of ("" for the recommendation's own)."""
    actions = dict(
        session.execute(
            select(FollowUp.id, FollowUp.action).where(
                FollowUp.recommendation_id == rec_id, FollowUp.deleted.is_(False)
            )
        ).all()
    )
    query = select(Attachment).where(
        Attachment.owner_id.in_([rec_id, *actions]),
        Attachment.kind == AttachmentKind.PHOTO,
        Attachment.deleted.is_(False),
    )
    items = _items(session, list(session.scalars(query.order_by(Attachment.created_at, Attachment.id))))
    return [(actions.get(item.owner_id, ""), item) for item in items]
