"""The server's tables. Records of every synced entity live in one generic table: the server
merges fields by clock and hands out changes by sequence number; it needs no table per entity."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Index, MetaData, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.naming import NAMING_CONVENTION


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dict[str, Any]: JSON(),
        list[dict[str, Any]]: JSON(),
        datetime: DateTime(timezone=True),
    }


class Meta(Base):
    """Server identity: the epoch changes when the database is restored from a backup."""

    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Counter(Base):
    """The change sequence. Its row stays locked until the transaction that bumped it commits,
    so sequence numbers become visible in commit order (DESIGN.md, sync step 4)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class ServerUnit(Base):
    """The unit tree as the administrator keeps it (codes are unique)."""

    __tablename__ = "units"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[str | None] = mapped_column(String(36))


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]
    # The highest operation number applied from this device: a device that says its own highest
    # is lower was restored from a copy of its folder (it pulls everything again).
    ops_high: Mapped[int] = mapped_column(BigInteger, default=0)
    # Data moved between laptops: the device it came from, and for a retired one, where it went
    # (its requests are then refused with `device_moved`).
    moved_from: Mapped[str | None] = mapped_column(String(36))
    moved_to: Mapped[str | None] = mapped_column(String(36))
    # SHA-256 of the secret the laptop made at its first enrollment: enrolling this device again
    # takes the same secret (its id is public). None: enrolled before secrets were kept.
    secret_hash: Mapped[str | None] = mapped_column(String(64))
    # The server's epoch at this device's last request, and until when it may re-send its state
    # (`restate`): opened when it first comes in a new epoch (the database was restored), when
    # it has seen more than the server holds, or when it enrolls again as a device the server
    # lost. Outside that window a restate is refused.
    epoch: Mapped[str | None] = mapped_column(String(36))
    restate_until: Mapped[datetime | None]


class EnrollCode(Base):
    __tablename__ = "enroll_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by: Mapped[str | None] = mapped_column(String(36))


class Record(Base):
    """The current state of one synced record: its fields, their clocks, its last change's seq."""

    __tablename__ = "records"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(36))
    to_unit_id: Mapped[str | None] = mapped_column(String(36))  # escalations: the addressed unit
    seq: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]]
    clocks: Mapped[dict[str, Any]]
    # Concurrent edits of one register: the value that lost, kept with the one that won.
    conflicts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # The device that made every change of this record so far, if only one did: it holds exactly
    # this state already, so its pulls skip the record (no echo of its own pushes).
    origin: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        Index("ix_records_seq", "seq"),
        Index("ix_records_unit_seq", "unit_id", "seq"),
        Index("ix_records_to_unit_seq", "to_unit_id", "seq"),
    )


class AppliedOp(Base):
    """Every operation the server has seen, so a retried push applies nothing twice and answers
    as the first time did: a refused one with its refusal (code and parameters), a re-stamped
    one with the stamp it was given."""

    __tablename__ = "applied_ops"
    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")  # English, for the administrator's logs
    at: Mapped[datetime]
    code: Mapped[str | None] = mapped_column(String(40))
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    hlc: Mapped[str | None] = mapped_column(String(80))  # the server's stamp, if it re-stamped it
    # Who made it (protocol.users), and whether it carried nobody: made before the unit's users
    # existed (a version-5 laptop, an operation queued before the upgrade, a unit still open).
    user_id: Mapped[str | None] = mapped_column(String(36))
    before_accounts: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class UserMark(Base):
    """When the server learned of each user (the change numbers a laptop's pull checkpoint is
    compared with, protocol.users): the user's creation, and their deactivation while it holds
    (with the deactivation's clock stamp, for the laptop that made it). The unit's accounts
    start at its first user's creation."""

    __tablename__ = "user_marks"
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    created_seq: Mapped[int] = mapped_column(BigInteger)
    revoked_seq: Mapped[int | None] = mapped_column(BigInteger)
    revoked_hlc: Mapped[str | None] = mapped_column(String(80))


class FileGrant(Base):
    """A file an office uploaded whole (its SHA-256 checked): it may name it in its records, and
    it counts against the office's quota, until the sweep releases it (no live attachment of the
    office names it, and the upload is older than the grace period: `server_stub.file_sweep`)."""

    __tablename__ = "file_grants"
    unit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))  # the device whose upload completed it
    at: Mapped[datetime]  # the upload completed (or was found complete again)


class AttachmentFile(Base):
    """Which file each attachment record names (its `sha256`, fixed at its creation), so that
    "may this office download this file?" is an indexed look-up (the record itself says whether
    it is live, of which kind, and who sees it)."""

    __tablename__ = "attachment_files"
    attachment_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(36))
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)


class FileQuota(Base):
    """An office's quota for its files, where the administrator set one (the server's default
    otherwise: `mufakat-server files quota`)."""

    __tablename__ = "file_quotas"
    unit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    quota: Mapped[int] = mapped_column(BigInteger)  # bytes


class WebAdmin(Base):
    """A server administrator's account for the web pages (`mufakat-server web-admin add`):
    the password kept as an argon2id hash only."""

    __tablename__ = "web_admins"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None]


class WebSession(Base):
    """A signed-in browser: the SHA-256 of its cookie's random token (a stolen database signs
    nobody in), who it is (a server administrator, or a user of a unit for the oversight), and
    until when. In the database, so every server process sees it."""

    __tablename__ = "web_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "admin" | "user"
    subject_id: Mapped[str] = mapped_column(String(36))  # the WebAdmin's or the user record's id
    unit_id: Mapped[str | None] = mapped_column(String(36))  # a user's unit
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
