"""The office hierarchy: service units and their letterhead."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Str200, Synced


class Unit(Synced):
    """A service unit (satker, KPPN, OPD, puskesmas…) in the office hierarchy.

    A unit owns itself: its `unit_id` equals its `id`.
    """

    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[Str200]
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    # Letterhead (kop surat): the lines above the unit's name, e.g. ministry and directorate.
    letterhead: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(120), default="")
    head_title: Mapped[str] = mapped_column(String(120), default="")
    head_name: Mapped[str] = mapped_column(String(120), default="")
    head_nip: Mapped[str] = mapped_column(String(18), default="")
