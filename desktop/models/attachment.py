"""Files attached to a forum, a recommendation or a follow-up action: the record names the file
by its SHA-256; the bytes live in the data folder's file store (desktop.attachments.store)."""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import IdRef, Synced
from desktop.models.base import enum_type as _enum
from protocol.vocab import AttachmentKind, AttachmentOwner


class Attachment(Synced):
    """A photo, a document or a forum's signed attendance scan. `owner_id` is no foreign key:
    it names a record of the table `owner_entity` names."""

    __tablename__ = "attachments"
    # A record's files, in the order they were added.
    __table_args__ = (Index("ix_attachments_owner", "owner_id", "created_at"),)

    owner_entity: Mapped[AttachmentOwner] = mapped_column(_enum(AttachmentOwner))
    owner_id: Mapped[IdRef]
    kind: Mapped[AttachmentKind] = mapped_column(_enum(AttachmentKind))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100))
    file_name: Mapped[str] = mapped_column(String(200), default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    width: Mapped[int | None]
    height: Mapped[int | None]
    # The laptop it was added on, by name ("PC-LOKET-2"): where the file is until it travels.
    device_name: Mapped[str] = mapped_column(String(200), default="")
