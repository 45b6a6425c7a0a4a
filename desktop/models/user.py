"""The people of the unit who use Mufakat (protocol.users): synced to the unit's own laptops,
so a user signs in on any of them offline. One row per person and unit, its id made from the
unit and the NIP; never deleted (deactivated: the history keeps naming them)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Str200, Synced


class User(Synced):
    __tablename__ = "users"
    __registers__: ClassVar[dict[str, tuple[str, ...]]] = {
        "active": ("active", "deactivated_at", "deactivated_by")
    }
    # The password's hash is recorded in the history by its digest (a change shows, not the hash).
    __audit_digest__: ClassVar[frozenset[str]] = frozenset({"password_hash"})

    nip: Mapped[str] = mapped_column(String(18))
    name: Mapped[Str200]
    jabatan: Mapped[Str200] = mapped_column(default="")
    # protocol.roles.StaffRole values, each once, in the order of that enum.
    roles: Mapped[list[str]] = mapped_column(default=list)
    # argon2id (PHC string); empty: no password set yet (the admin sets one).
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)
    deactivated_at: Mapped[datetime | None]
    deactivated_by: Mapped[str] = mapped_column(String(120), default="")

    __table_args__ = (Index("ix_users_unit_nip", "unit_id", "nip", unique=True),)
