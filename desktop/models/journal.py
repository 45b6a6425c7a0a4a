"""What the device records about changes: the audit trail, the sync outbox, its own identity."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, IdRef, Synced, utcnow


class AuditEvent(Synced):
    """Who did what, when, to which record: before and after of the fields that changed.

    Append-only; it syncs like any record so every device shows the same history.
    """

    __tablename__ = "audit_events"

    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(120))
    device_id: Mapped[IdRef]
    hlc: Mapped[str] = mapped_column(String(80), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[IdRef] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any]] = mapped_column(default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ImportedOp(Base):
    """An operation of another laptop's outbox imported here (`mufakat outbox import`): the same
    file imported again, after its changes were sent, queues none of them again. Device-local."""

    __tablename__ = "imported_ops"

    op_id: Mapped[IdRef] = mapped_column(primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExampleUnit(Base):
    """A unit of the sample forum loaded beside the office's own (`desktop.services.demo`): its
    records are audited like any, but queue nothing for the server (`Journal`). Device-local."""

    __tablename__ = "example_units"

    unit_id: Mapped[IdRef] = mapped_column(primary_key=True)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutboxOp(Base):
    """One local change waiting to be pushed (DESIGN.md, sync step 1). Device-local.

    `device_seq` never repeats (SQLite AUTOINCREMENT), even once the outbox is empty: its
    highest value is "the highest operation number this device ever made", which tells the
    server a laptop restored from a copy of its folder. Every operation of one user action (one
    local transaction) shares its `action_id`: the server applies or refuses them together."""

    __tablename__ = "outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    device_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[IdRef] = mapped_column(unique=True)
    action_id: Mapped[IdRef]
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[IdRef] = mapped_column(index=True)
    # create | update | transition | counter | delete
    kind: Mapped[str] = mapped_column(String(16))
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    hlc: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Who made it (protocol.users; None: nobody was signed in, or it was queued before users
    # existed) and the pull checkpoint this laptop had reached then (0: unknown).
    user_id: Mapped[str | None] = mapped_column(String(36))
    seen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # How many times the server refused it for a reason that passes (a record it does not hold
    # yet, desktop/sync/recoverable.py): it stays queued, under a new op_id, until it applies
    # or this many refusals set it aside.
    retries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DeviceState(Base):
    """This device: its id (the HLC node), the unit it works for, the highest clock it has seen,
    and where it stands with the server (the token itself is a file readable by the user only)."""

    __tablename__ = "device_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[IdRef]
    home_unit_id: Mapped[str | None] = mapped_column(String(36))
    last_hlc: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    server_url: Mapped[str] = mapped_column(String(300), default="")
    server_epoch: Mapped[str] = mapped_column(String(36), default="")
    checkpoint: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None]
    # What to add to this machine's clock to read the server's, measured at each sync.
    clock_offset_ms: Mapped[int] = mapped_column(Integer, default=0)
    # Restored from a copy of its folder: pull everything again, this device's own records too.
    refetch_own: Mapped[bool] = mapped_column(default=False)
    # Vote operations up to this number were made on such a copy: their contribution is
    # corrected by what the server holds once they are applied (0: none).
    restored_below: Mapped[int] = mapped_column(Integer, default=0)
    # The device this laptop's data was moved from ("Pindahkan ke laptop baru"), told to the
    # server at enrollment (which retires that device); empty otherwise.
    moved_from: Mapped[str] = mapped_column(String(36), default="", server_default="")
    # The app version the server announces and where the office downloads it (Settings → Tentang).
    latest_app_version: Mapped[str] = mapped_column(String(40), default="", server_default="")
    download_url: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # The administrator allowed a plain http:// address for this laptop (an enrollment code made
    # with --allow-http, or an http:// enrollment from before that rule): desktop.sync.address.
    plain_http: Mapped[bool] = mapped_column(default=False)
    # The office's CA file chosen at enrollment, as the user named it (Settings shows it); the
    # laptop trusts the copy in its data folder (desktop.sync.trust). Empty: the system's store.
    ca_file: Mapped[str] = mapped_column(String(1000), default="", server_default="")


class RejectedOp(Base):
    """A local change the server refused (e.g. a transition made stale by another device), with
    the refusal's code and parameters (the client words them in the user's language) and the
    user action it belonged to (refused as a whole). Kept, never silently dropped, shown to the
    user; it no longer blocks the outbox. A refused `create` holds the whole record: the record
    itself is set aside (it does not exist on the server), and can be sent again or copied."""

    __tablename__ = "rejected_ops"

    op_id: Mapped[IdRef] = mapped_column(primary_key=True)
    action_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[IdRef]
    kind: Mapped[str] = mapped_column(String(16))
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    hlc: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(String(2000))  # English, for the log
    rejected_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The refusal's code and parameters (protocol.refusals): worded when shown, in the language
    # of that moment (desktop.sync.refusals.describe).
    code: Mapped[str] = mapped_column(String(40), default="")
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Its place in the outbox, to re-apply a refused action's changes in the order they were made.
    device_seq: Mapped[int | None] = mapped_column(Integer)
    # Who made it and what this laptop had pulled then (as the outbox had them).
    user_id: Mapped[str | None] = mapped_column(String(36))
    seen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What the user chose in "Perlu perhatian" (retried, discarded, copied) and when; kept, so
    # what happened to every refused change can still be told. Empty: it needs attention.
    resolution: Mapped[str] = mapped_column(String(16), default="", server_default="", index=True)
    resolved_at: Mapped[datetime | None]


class Conflict(Base):
    """A value that lost to a concurrent edit on another device: kept, with the value that won,
    so the app can show "changed elsewhere" with both. The server sends them with the record;
    a laptop keeps every one it has seen and closes one (`dismissed`) when a `resolve`
    operation, its own or another laptop's, closed it."""

    __tablename__ = "conflicts"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[IdRef] = mapped_column(primary_key=True)
    register: Mapped[str] = mapped_column(String(40), primary_key=True)
    loser_hlc: Mapped[str] = mapped_column(String(80), primary_key=True)
    winner: Mapped[dict[str, Any]] = mapped_column(default=dict)
    loser: Mapped[dict[str, Any]] = mapped_column(default=dict)
    winner_hlc: Mapped[str] = mapped_column(String(80))
    at: Mapped[str] = mapped_column(String(40), default="")
    dismissed: Mapped[bool] = mapped_column(default=False)


class SeenNews(Base):
    """What this laptop's user has seen of the news the navigation counts: an escalation that
    arrived for this office (`arrived`), an answer that came back to one of ours (`answered`).
    Local to the laptop (each laptop's user sees for themselves); never synced."""

    __tablename__ = "seen_news"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    escalation_id: Mapped[IdRef] = mapped_column(primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)
