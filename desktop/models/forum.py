"""A forum (FKP) with its participants and agenda."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.vocab import Category, ForumMode, ForumStatus, Gender, Role
from desktop.models.base import IdRef, Str200, Synced
from desktop.models.base import enum_type as _enum


class Forum(Synced):
    __tablename__ = "forums"
    __registers__ = {"status": ("status", "status_at", "status_by")}

    title: Mapped[Str200]
    theme: Mapped[str] = mapped_column(Text, default="")
    held_on: Mapped[date]
    starts_at: Mapped[time | None] = mapped_column(Time)
    ends_at: Mapped[time | None] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(200), default="")
    mode: Mapped[ForumMode] = mapped_column(_enum(ForumMode), default=ForumMode.FACE_TO_FACE)
    facilitator: Mapped[str] = mapped_column(String(120), default="")
    moderator: Mapped[str] = mapped_column(String(120), default="")
    note_taker: Mapped[str] = mapped_column(String(120), default="")
    document_number: Mapped[str] = mapped_column(String(120), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    agreements: Mapped[str] = mapped_column(Text, default="")
    # Who signs the minutes: [{"role": …, "name": …, "nip": …, "title": …}], in print order.
    signatories: Mapped[list[dict[str, str]]] = mapped_column(default=list)
    status: Mapped[ForumStatus] = mapped_column(_enum(ForumStatus), default=ForumStatus.PLANNED)
    status_at: Mapped[datetime | None]
    status_by: Mapped[str] = mapped_column(String(120), default="")
    # The office's document templates for this forum alone (empty: the unit's, then the
    # built-in wording; desktop/services/templates.py): the Laporan Pelaksanaan's dasar,
    # maksud dan tujuan and penutup, the surat undangan's nomor, sifat, hal and date.
    report_basis: Mapped[str] = mapped_column(Text, default="")
    report_purpose: Mapped[str] = mapped_column(Text, default="")
    report_closing: Mapped[str] = mapped_column(Text, default="")
    invitation_number: Mapped[str] = mapped_column(String(120), default="")
    invitation_nature: Mapped[str] = mapped_column(String(60), default="")
    invitation_subject: Mapped[str] = mapped_column(String(200), default="")
    invitation_date: Mapped[date | None]
    # Published on the server's public page of the unit (issue 17): the kepala's action, audited.
    published: Mapped[bool] = mapped_column(default=False)


class Participant(Synced):
    __tablename__ = "participants"

    forum_id: Mapped[IdRef] = mapped_column(ForeignKey("forums.id"), index=True)
    name: Mapped[Str200]
    organization: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[Category] = mapped_column(_enum(Category))
    gender: Mapped[Gender | None] = mapped_column(_enum(Gender))
    vulnerable: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[Role] = mapped_column(_enum(Role), default=Role.PARTICIPANT)
    invited: Mapped[bool] = mapped_column(default=False)
    attended: Mapped[bool] = mapped_column(default=False)
    signed_in_at: Mapped[datetime | None]


class AgendaItem(Synced):
    __tablename__ = "agenda_items"

    forum_id: Mapped[IdRef] = mapped_column(ForeignKey("forums.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[Str200]
    presenter: Mapped[str] = mapped_column(String(120), default="")
    planned_minutes: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
