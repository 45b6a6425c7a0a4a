"""Minutes frozen when a forum closed, and the issued report of a survey period: records that
are made once and never change (their content is what was signed or issued)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, IdRef, Synced
from desktop.models.base import enum_type as _enum
from protocol.vocab import FreezeCause, Paper, SurveyIssue


class FrozenMinutes(Synced):
    """A forum's berita acara as agreed in the room (protocol.minutes), its paper size and the
    office's kop and logo of that day. `forum_id` is no foreign key: the office above holds the
    minutes of a forum it never sees (one of whose recommendations was escalated to it)."""

    __tablename__ = "frozen_minutes"
    # The content (with the logo) is recorded in the history by its digest.
    __audit_digest__: ClassVar[frozenset[str]] = frozenset({"content"})

    forum_id: Mapped[IdRef] = mapped_column(index=True)
    frozen_at: Mapped[datetime]
    frozen_by: Mapped[str] = mapped_column(String(120), default="")
    cause: Mapped[FreezeCause] = mapped_column(_enum(FreezeCause), default=FreezeCause.CLOSING)
    paper: Mapped[Paper] = mapped_column(_enum(Paper, length=8), default=Paper.A4)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)


class SurveyReport(Synced):
    """A survey period's report, issued (terbit) on a fixed day by an explicit action, or
    re-opened (domain.survey_issue)."""

    __tablename__ = "survey_reports"
    # The content (an issued version's questionnaires) is recorded in the history by its digest.
    __audit_digest__: ClassVar[frozenset[str]] = frozenset({"content"})

    period_id: Mapped[IdRef] = mapped_column(ForeignKey("survey_periods.id"), index=True)
    issued_on: Mapped[date]  # the day of the action (issued, or re-opened)
    issued_by: Mapped[str] = mapped_column(String(120), default="")
    # Issued, or re-opened by the office (that version ends; the next issue is a new version).
    action: Mapped[SurveyIssue] = mapped_column(_enum(SurveyIssue, length=16), default=SurveyIssue.ISSUE)
    version: Mapped[int] = mapped_column(default=1)
    reason: Mapped[str] = mapped_column(Text, default="")  # why it was re-opened
    # What the issued version prints (protocol.survey_report); {} for a re-opening, and for a
    # report issued before this was kept (it prints from its questionnaires while in force).
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class PendingFreeze(Base):
    """A forum closed before this laptop's Mufakat froze minutes: frozen once, at the first
    start after the upgrade (this laptop only; not synced)."""

    __tablename__ = "pending_freezes"

    forum_id: Mapped[str] = mapped_column(String(36), primary_key=True)
