"""A forum's berita acara as it was agreed in the room, frozen when the forum closed: the shape
of a `frozen_minutes` record's `content`, which the server checks on every snapshot it takes.

Everything the minutes print and nothing else: the office's kop (its names, contacts and logo
as they were that day), the forum's details, who attended (name, organisation, element of the
public, sex, vulnerable group: never a phone number or an e-mail address, UU 27/2022; the parent
office may receive it), the agenda, the agreements, the recommendations with their votes and the
duplicates merged into them, and the satisfaction survey discussed (its answers, from which the
printed figures follow). Unknown fields are refused: a snapshot cannot carry anything else.
"""

from __future__ import annotations

from datetime import date, time
from typing import Annotated

from msgspec import Meta, Struct

from protocol.entities import DOCUMENT, LOGO_BASE64, MINUTES_SIZE, NAME, PARAGRAPH, SHORT
from protocol.schema import NO_CONTROL, Id, Signatory
from protocol.vocab import Category, ForumMode, Gender, IkmMethod, OfficeZone, Role, Scope

MAX_PEOPLE = 10_000
MAX_RECOMMENDATIONS = 10_000
MAX_RESPONSES = 50_000
# The layout (wording and figures) version a snapshot made now carries; one made before versions
# existed has none and is version 1. Each version stays printable for ever
# (desktop/reports/minutes_wording.py); a newer laptop's snapshot (a higher version) is stored and
# synced all the same, and printed once this laptop is upgraded.
LAYOUT = 3
MAX_LAYOUT = 1000
__all__ = ["LAYOUT", "MINUTES_SIZE", "Minutes", "Signatory"]

Short = Annotated[str, Meta(max_length=SHORT, pattern=NO_CONTROL)]
Name = Annotated[str, Meta(max_length=NAME, pattern=NO_CONTROL)]
Line = Annotated[str, Meta(max_length=1000, pattern=NO_CONTROL)]
Paragraph = Annotated[str, Meta(max_length=PARAGRAPH, pattern=NO_CONTROL)]
Long = Annotated[str, Meta(max_length=DOCUMENT, pattern=NO_CONTROL)]
Logo = Annotated[str, Meta(max_length=LOGO_BASE64, pattern=r"^[A-Za-z0-9+/=]*$")]
Score = Annotated[int, Meta(ge=1, le=4)]


class Strict(Struct, forbid_unknown_fields=True, kw_only=True):
    pass


class MinutesUnit(Strict, kw_only=True):
    """The office as the kop and the sentences print it."""

    name: Name
    full_name: Annotated[str, Meta(max_length=300, pattern=NO_CONTROL)] = ""
    letterhead: Annotated[list[Line], Meta(max_length=20)] = []
    address: Annotated[str, Meta(max_length=500, pattern=NO_CONTROL)] = ""
    city: Annotated[str, Meta(max_length=100, pattern=NO_CONTROL)] = ""
    phone: Annotated[str, Meta(max_length=60, pattern=NO_CONTROL)] = ""  # the office's own
    email: Short = ""
    website: Short = ""
    logo: Logo = ""  # PNG, base64
    head_title: Short = ""
    head_name: Short = ""
    head_nip: Annotated[str, Meta(max_length=40, pattern=NO_CONTROL)] = ""
    time_zone: OfficeZone | None = None
    parent_name: Name = ""
    parent_full_name: Annotated[str, Meta(max_length=300, pattern=NO_CONTROL)] = ""
    parent_head_title: Short = ""
    # How the office counted its public on PEKPPP's five unsur that day (category -> unsur, null
    # for none; empty: the defaults of domain.unsur). Codes this version does not know are kept
    # and ignored when printed.
    unsur_mapping: Annotated[dict[Short, Short | None], Meta(max_length=50)] = {}


class Attendee(Strict, kw_only=True):
    """One person who attended (no contact details: they are not printed, nor shared)."""

    id: Id
    name: Name
    organization: Name = ""
    category: Category
    gender: Gender | None = None
    vulnerable: bool = False
    role: Role = Role.PARTICIPANT


class AgendaLine(Strict, kw_only=True):
    title: Name
    presenter: Short = ""
    planned_minutes: Annotated[int, Meta(ge=0, le=24 * 60)] = 0


class Merged(Strict, kw_only=True):
    """A duplicate merged into a recommendation (printed under it)."""

    id: Id
    text: Paragraph
    raised_by: Name = ""


class Recommendation(Strict, kw_only=True):
    id: Id
    text: Paragraph
    scope: Scope
    votes: Annotated[int, Meta(ge=0, le=100_000)] = 0
    raised_by: Name = ""
    raised_by_category: Category | None = None
    merged: Annotated[list[Merged], Meta(max_length=1000)] = []


class Survey(Strict, kw_only=True):
    """The satisfaction survey discussed at the forum: its period and its answers (nine scores
    each), from which every printed figure is computed."""

    title: Name
    starts_on: date
    ends_on: date
    service_users: Annotated[int, Meta(ge=1, le=100_000_000)] | None = None
    method: IkmMethod = IkmMethod.EXACT  # the office's IKM method that day
    scores: Annotated[
        list[Annotated[list[Score], Meta(min_length=9, max_length=9)]], Meta(max_length=MAX_RESPONSES)
    ]


class Minutes(Strict, kw_only=True):
    unit: MinutesUnit
    title: Name
    theme: Annotated[str, Meta(max_length=2000, pattern=NO_CONTROL)] = ""
    held_on: date
    starts_at: time | None = None
    ends_at: time | None = None
    venue: Name = ""
    mode: ForumMode
    facilitator: Short = ""
    moderator: Short = ""
    note_taker: Short = ""
    document_number: Short = ""
    summary: Long = ""
    agreements: Long = ""
    signatories: Annotated[list[Signatory], Meta(max_length=20)] = []
    attendees: Annotated[list[Attendee], Meta(max_length=MAX_PEOPLE)] = []
    agenda: Annotated[list[AgendaLine], Meta(max_length=1000)] = []
    recommendations: Annotated[list[Recommendation], Meta(max_length=MAX_RECOMMENDATIONS)] = []
    survey: Survey | None = None
    # The layout version it was frozen with (protocol 5, additive: none = 1).
    layout: Annotated[int, Meta(ge=1, le=MAX_LAYOUT)] = 1
