"""An SKM report as it was issued (*Terbitkan*): the shape of an issuing `survey_reports`
record's `content`, which the server checks on every one it takes.

Everything the issued report prints and nothing else: the office's kop and signer of that day,
the period, the office's IKM method, every questionnaire's nine scores with the service used and
the respondent's profile (no name: questionnaires carry none), the collection dates, the
previous period's scores (the trend), and the rencana tindak lanjut as it stood. Every printed
figure follows from these, so version 1 prints its figures as issued after the report is
re-opened and its questionnaires change, on every laptop alike. A re-opening's record, and a
report issued before snapshots, has an empty content.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from msgspec import Meta

from protocol.minutes import MAX_LAYOUT, MAX_RESPONSES, MinutesUnit, Name, Paragraph, Score, Short, Strict
from protocol.vocab import AgeBand, Education, Gender, IkmMethod, Occupation

# The layout version a report issued now carries (none = 1).
LAYOUT = 1

Scores = Annotated[list[Score], Meta(min_length=9, max_length=9)]


class Questionnaire(Strict, kw_only=True):
    scores: Scores
    service: Name = ""
    gender: Gender | None = None
    age_band: AgeBand | None = None
    education: Education | None = None
    occupation: Occupation | None = None


class Previous(Strict, kw_only=True):
    """The office's previous period with questionnaires (the trend)."""

    title: Name
    starts_on: date
    ends_on: date
    scores: Annotated[list[Scores], Meta(min_length=1, max_length=MAX_RESPONSES)]


class Action(Strict, kw_only=True):
    """A line of the rencana tindak lanjut, as it stood when the report was issued."""

    element: Annotated[int, Meta(ge=1, le=9)]
    action: Paragraph
    owner: Short
    due_on: date | None = None
    progress: Annotated[int, Meta(ge=0, le=100)] = 0
    realisation: Paragraph = ""
    completed_on: date | None = None


class IssuedReport(Strict, kw_only=True):
    unit: MinutesUnit
    evidence: Annotated[list[Annotated[int, Meta(ge=0, le=999)]], Meta(max_length=50)] = []  # PEKPPP
    title: Name
    starts_on: date
    ends_on: date
    service_users: Annotated[int, Meta(ge=1, le=100_000_000)] | None = None
    note: Paragraph = ""
    method: IkmMethod = IkmMethod.EXACT
    questionnaires: Annotated[list[Questionnaire], Meta(min_length=1, max_length=MAX_RESPONSES)]
    answered_from: date | None = None
    answered_to: date | None = None
    previous: Previous | None = None
    actions: Annotated[list[Action], Meta(max_length=1000)] = []
    layout: Annotated[int, Meta(ge=1, le=MAX_LAYOUT)] = 1
