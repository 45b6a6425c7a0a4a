"""The public satisfaction survey (SKM): a survey period of a unit and its questionnaires."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.vocab import AgeBand, Education, Gender, Occupation
from desktop.models.base import IdRef, Str200, Synced
from desktop.models.base import enum_type as _enum


class SurveyPeriod(Synced):
    """E.g. "Semester I 2024": the questionnaires collected in it are scored together."""

    __tablename__ = "survey_periods"

    title: Mapped[Str200]
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    forum_id: Mapped[str | None] = mapped_column(ForeignKey("forums.id"), index=True)  # discussed there
    service_users: Mapped[int | None]  # population for the Krejcie–Morgan sample size
    note: Mapped[str] = mapped_column(Text, default="")


class SurveyResponse(Synced):
    """One paper or digital questionnaire: nine scores 1–4 and an optional profile."""

    __tablename__ = "survey_responses"

    period_id: Mapped[IdRef] = mapped_column(ForeignKey("survey_periods.id"), index=True)
    u1: Mapped[int]
    u2: Mapped[int]
    u3: Mapped[int]
    u4: Mapped[int]
    u5: Mapped[int]
    u6: Mapped[int]
    u7: Mapped[int]
    u8: Mapped[int]
    u9: Mapped[int]
    gender: Mapped[Gender | None] = mapped_column(_enum(Gender))
    age_band: Mapped[AgeBand | None] = mapped_column(_enum(AgeBand))
    education: Mapped[Education | None] = mapped_column(_enum(Education))
    occupation: Mapped[Occupation | None] = mapped_column(_enum(Occupation))
    service: Mapped[str] = mapped_column(String(200), default="")  # the service used
    answered_on: Mapped[date | None]


class SurveyAction(Synced):
    """Rencana tindak lanjut (RTL) of a survey period: what the office will do about one of its
    elements (the priority ones first), who, by when, and what became of it (the realisation)."""

    __tablename__ = "survey_actions"

    period_id: Mapped[IdRef] = mapped_column(ForeignKey("survey_periods.id"), index=True)
    element: Mapped[int]  # the SKM element it improves, 1–9
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date | None]
    progress: Mapped[int] = mapped_column(default=0)
    realisation: Mapped[str] = mapped_column(Text, default="")
    completed_on: Mapped[date | None]
