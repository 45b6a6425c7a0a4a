"""The parent office's oversight (issue 17): for every unit below a parent unit (DJPb: its whole
subtree), from what the server holds, read-only — forums held and planned, the public present per
unsur (counts), recommendations by scope and status, follow-up progress and what is overdue,
escalations waiting and for how long, SKM results and grades. Counts only: nothing here names a
person."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from domain.errors import RuleError
from domain.skm import score
from domain.unsur import count_unsur, mapping_of
from protocol.vocab import FollowUpStatus, ForumStatus, IkmMethod, PekpppUnsur, RecStatus, Scope
from server_stub.models import ServerUnit
from server_stub.web.public import WAITING, _by, _person
from server_stub.web.records import Fields, live, subtree

ENTITIES = (
    "units",
    "forums",
    "participants",
    "recommendations",
    "follow_ups",
    "escalations",
    "survey_periods",
    "survey_responses",
)


@dataclass(frozen=True)
class Period:
    """The years shown (both included); None: every year."""

    first: int | None = None
    last: int | None = None

    def holds(self, day: object) -> bool:
        if not isinstance(day, str) or len(day) < 4 or not day[:4].isdigit():
            return self.first is None and self.last is None
        year = int(day[:4])
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)


@dataclass(frozen=True)
class Survey:
    title: str
    ends_on: str
    respondents: int
    index: Decimal | None
    grade: str


@dataclass
class UnitView:
    id: str
    code: str
    name: str
    held: int = 0
    planned: int = 0
    unsur: dict[str, int] = field(default_factory=dict)  # PEKPPP unsur → participants present
    recommendations: dict[tuple[str, str], int] = field(default_factory=dict)  # (scope, status) → count
    follow_ups: int = 0
    follow_ups_done: int = 0
    progress: int | None = None  # mean progress of the follow-up actions, %
    overdue: int = 0
    waiting: int = 0  # escalations waiting on an office above
    oldest_waiting_days: int | None = None
    surveys: list[Survey] = field(default_factory=list)

    @property
    def recommendations_total(self) -> int:
        return sum(self.recommendations.values())

    def by_status(self, status: str) -> int:
        return sum(n for (_scope, s), n in self.recommendations.items() if s == status)

    def by_scope(self, scope: str) -> int:
        return sum(n for (s, _status), n in self.recommendations.items() if s == scope)


@dataclass(frozen=True)
class Oversight:
    top: ServerUnit
    units: tuple[ServerUnit, ...]  # every unit below (the filter's choices)
    rows: tuple[UnitView, ...]  # the units shown

    def total(self, name: str) -> int:
        return sum(int(getattr(row, name)) for row in self.rows)


def oversight(
    session: Session, top: ServerUnit, today: date, period: Period = Period(), only: str | None = None
) -> Oversight:
    below = subtree(session, top.id)
    shown = [u for u in below if only is None or u.id == only]
    found = live(session, [u.id for u in shown], ENTITIES)
    owners: dict[str, dict[str, list[Fields]]] = defaultdict(lambda: defaultdict(list))
    for entity, records in found.items():
        for record in records:
            owners[record["_unit"]][entity].append(record)
    rows = [_unit_view(u, owners.get(u.id, {}), today, period) for u in shown]
    return Oversight(top, tuple(below), tuple(rows))


def _unit_view(unit: ServerUnit, records: dict[str, list[Fields]], today: date, period: Period) -> UnitView:
    view = UnitView(unit.id, unit.code, unit.name)
    office = next(iter(records.get("units", [])), {})
    forums = [f for f in records.get("forums", []) if period.holds(f.get("held_on"))]
    in_period = {f["id"] for f in forums}
    view.held = sum(1 for f in forums if f.get("status") == ForumStatus.CLOSED.value)
    view.planned = len(forums) - view.held
    held_ids = {f["id"] for f in forums if f.get("status") == ForumStatus.CLOSED.value}
    mapping = mapping_of(office.get("unsur_mapping") or {})
    people = _by(records.get("participants", []), "forum_id", held_ids)
    unsur: Counter[str] = Counter()
    for forum_people in people.values():
        counted = count_unsur((_person(p) for p in forum_people), mapping)
        for category, n in counted.by_category.items():
            target = counted.mapping.get(category)
            if target is not None:
                unsur[target.value] += n
    view.unsur = {u.value: unsur[u.value] for u in PekpppUnsur}
    recs = [
        r
        for r in records.get("recommendations", [])
        if r.get("forum_id") in in_period and r.get("status") != RecStatus.MERGED.value
    ]
    view.recommendations = dict(Counter((str(r.get("scope")), str(r.get("status"))) for r in recs))
    rec_ids = {r["id"] for r in recs}
    actions = [f for f in records.get("follow_ups", []) if f.get("recommendation_id") in rec_ids]
    view.follow_ups = len(actions)
    view.follow_ups_done = sum(1 for f in actions if f.get("status") == FollowUpStatus.DONE.value)
    if actions:
        view.progress = round(sum(int(f.get("progress") or 0) for f in actions) / len(actions))
    view.overdue = sum(1 for f in actions if _overdue(f, today))
    waiting = [
        e
        for e in records.get("escalations", [])
        if e.get("status") in WAITING and period.holds(e.get("forum_held_on"))
    ]
    view.waiting = len(waiting)
    sent = [_day(e.get("sent_at")) for e in waiting]
    days = [(today - d).days for d in sent if d is not None]
    view.oldest_waiting_days = max(days) if days else None
    view.surveys = _surveys(records, office, period)
    return view


def _overdue(action: Fields, today: date) -> bool:
    due = _day(action.get("due_on"))
    return due is not None and due < today and action.get("status") != FollowUpStatus.DONE.value


def _day(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value[:10])
    except ValueError:
        return None


def _surveys(records: dict[str, list[Fields]], office: Fields, period: Period) -> list[Survey]:
    answers = _by(records.get("survey_responses", []), "period_id")
    try:
        method = IkmMethod(office.get("ikm_method") or IkmMethod.EXACT.value)
    except ValueError:
        method = IkmMethod.EXACT
    found = []
    for p in sorted(records.get("survey_periods", []), key=lambda p: str(p.get("ends_on") or "")):
        if not period.holds(p.get("ends_on")):
            continue
        scores = [[int(r.get(f"u{n}") or 0) for n in range(1, 10)] for r in answers.get(p["id"], [])]
        try:
            result = score(scores, method)
        except RuleError:  # no questionnaires yet
            found.append(Survey(str(p.get("title") or ""), str(p.get("ends_on") or ""), 0, None, ""))
            continue
        grade = result.grade
        found.append(
            Survey(
                str(p.get("title") or ""),
                str(p.get("ends_on") or ""),
                result.respondents,
                result.index,
                grade.letter,
            )
        )
    return found


SCOPES = tuple(s.value for s in Scope)
STATUSES = tuple(s.value for s in RecStatus if s is not RecStatus.MERGED)
