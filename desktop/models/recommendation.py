"""Recommendations and what happens to them: follow-up in the unit, escalation upward."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.vocab import EscalationStatus, FollowUpStatus, Outcome, RecCategory, RecStatus, Scope
from desktop.models.base import IdRef, Synced
from desktop.models.base import enum_type as _enum


class Recommendation(Synced):
    __tablename__ = "recommendations"
    # The triage list pages through recommendations newest first.
    # and counts what matches by status and scope without reading the rows (a covering index).
    __table_args__ = (
        Index("ix_recommendations_created_at", "created_at", "id"),
        # One forum's list, newest first, without sorting (live capture refreshes it per save).
        Index("ix_recommendations_forum_created", "forum_id", "created_at", "id"),
        Index("ix_recommendations_status_scope", "status", "scope", "deleted"),
    )
    # Status, its reason, the answer's outcome and who/when change together: one register.
    __registers__ = {
        "status": ("status", "status_reason", "outcome", "status_at", "status_by", "merged_into_id")
    }
    # Votes: each device's own contribution (and the total of each duplicate merged into this
    # one) under its key; `votes` is their sum (domain/counters.py).
    __counters__ = {"votes": "vote_counts"}

    forum_id: Mapped[IdRef] = mapped_column(ForeignKey("forums.id"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"))
    raised_by_id: Mapped[str | None] = mapped_column(ForeignKey("participants.id"))
    text: Mapped[str] = mapped_column(Text)
    scope: Mapped[Scope] = mapped_column(_enum(Scope))
    category: Mapped[RecCategory | None] = mapped_column(_enum(RecCategory))
    priority: Mapped[int] = mapped_column(default=2)
    votes: Mapped[int] = mapped_column(default=0)
    vote_counts: Mapped[dict[str, int]] = mapped_column(default=dict)
    status: Mapped[RecStatus] = mapped_column(_enum(RecStatus), default=RecStatus.PROPOSED)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[Outcome | None] = mapped_column(_enum(Outcome))
    status_at: Mapped[datetime | None]
    status_by: Mapped[str] = mapped_column(String(120), default="")
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("recommendations.id"))
    # The office's response in the room (tanggapan), typed in live capture: the notulen print it
    # beside what was said.
    response: Mapped[str] = mapped_column(Text, default="")


class FollowUp(Synced):
    """Tindak lanjut: what the unit does about a unit-scope recommendation."""

    __tablename__ = "follow_ups"

    recommendation_id: Mapped[IdRef] = mapped_column(ForeignKey("recommendations.id"), index=True)
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date | None]
    progress: Mapped[int] = mapped_column(default=0)
    status: Mapped[FollowUpStatus] = mapped_column(_enum(FollowUpStatus), default=FollowUpStatus.PLANNED)
    evidence: Mapped[str] = mapped_column(Text, default="")
    # The day the action was done (it may be recorded later): the follow-up report's "selesai".
    completed_on: Mapped[date | None]


class Escalation(Synced):
    """A policy recommendation proposed upward (eskalasi berjenjang) and its answer.

    Owned by the sending unit; addressed to `to_unit_id`. It carries a snapshot of what the
    parent office needs to read it (text, forum title and date), because the parent office
    never receives the forum itself. `recommendation_id` is deliberately no foreign key: on
    the parent office's device the recommendation does not exist.
    """

    __tablename__ = "escalations"
    __registers__ = {
        "status": (
            "status",
            "answer",
            "outcome",
            "answered_by",
            "answered_at",
            "forwarded_to_id",
            "dispute_reason",
            "disputed_at",
        )
    }

    recommendation_id: Mapped[IdRef] = mapped_column(index=True)
    from_unit_id: Mapped[IdRef] = mapped_column(ForeignKey("units.id"))
    to_unit_id: Mapped[IdRef] = mapped_column(ForeignKey("units.id"), index=True)
    previous_id: Mapped[str | None] = mapped_column(String(36))
    sent_at: Mapped[datetime]
    due_on: Mapped[date]
    status: Mapped[EscalationStatus] = mapped_column(_enum(EscalationStatus), default=EscalationStatus.SENT)
    answer: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[Outcome | None] = mapped_column(_enum(Outcome))
    answered_by: Mapped[str] = mapped_column(String(120), default="")
    answered_at: Mapped[datetime | None]
    forwarded_to_id: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str] = mapped_column(Text, default="")
    rec_text: Mapped[str] = mapped_column(Text)
    forum_title: Mapped[str] = mapped_column(String(200))
    forum_held_on: Mapped[date]
    # SP4N-LAPOR!: acknowledged by the office above by this day (fixed when sent; none on
    # escalations sent before Mufakat kept it: domain.deadlines.ack_due counts it then).
    ack_due_on: Mapped[date | None]
    # The sending office's dispute (sanggah) of the answer, and when.
    dispute_reason: Mapped[str] = mapped_column(Text, default="")
    disputed_at: Mapped[datetime | None]
