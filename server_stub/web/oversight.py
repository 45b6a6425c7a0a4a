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

from domain.skm import score_of_totals
from domain.unsur import DEFAULT_MAPPING, is_participant, mapping_of
from protocol.vocab import FollowUpStatus, ForumStatus, IkmMethod, PekpppUnsur, RecStatus, Scope
from server_stub.models import ServerUnit
from server_stub.web.public import WAITING, _person
from server_stub.web.records import Fields, counted, projected, subtree, summed


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
    ids = [u.id for u in shown]
    found: dict[str, list[Fields]] = {
        "units": projected(session, ids, "units", ("unsur_mapping", "ikm_method")),
        "forums": projected(session, ids, "forums", ("held_on", "status")),
        "participants": counted(
            session,
            ids,
            "participants",
            ("forum_id", "category", "role", "attended", "vulnerable"),
        ),
        "recommendations": projected(session, ids, "recommendations", ("forum_id", "scope", "status")),
        "follow_ups": projected(
            session,
            ids,
            "follow_ups",
            ("recommendation_id", "progress", "status", "due_on"),
        ),
        "escalations": projected(session, ids, "escalations", ("status", "sent_at", "forum_held_on")),
        "survey_periods": projected(session, ids, "survey_periods", ("title", "ends_on")),
    }
    answers = {
        row["period_id"]: row for row in summed(session, ids, "survey_responses", "period_id", ANSWERS)
    }
    owners: dict[str, dict[str, list[Fields]]] = defaultdict(lambda: defaultdict(list))
    for entity, records in found.items():
        for record in records:
            owners[record["_unit"]][entity].append(record)
    rows = [_unit_view(u, owners.get(u.id, {}), answers, today, period) for u in shown]
    return Oversight(top, tuple(below), tuple(rows))


ANSWERS = tuple(f"u{n}" for n in range(1, 10))


def _unit_view(
    unit: ServerUnit,
    records: dict[str, list[Fields]],
    answers: dict[str, Fields],
    today: date,
    period: Period,
) -> UnitView:
    view = UnitView(unit.id, unit.code, unit.name)
    office = next(iter(records.get("units", [])), {})
    forums = [f for f in records.get("forums", []) if period.holds(f.get("held_on"))]
    in_period = {f["id"] for f in forums}
    held_ids = {f["id"] for f in forums if f.get("status") == ForumStatus.CLOSED.value}
    view.held = len(held_ids)
    view.planned = len(forums) - view.held
    mapping = {**DEFAULT_MAPPING, **mapping_of(office.get("unsur_mapping") or {})}
    unsur: Counter[str] = Counter()
    for group in records.get("participants", []):
        if group.get("forum_id") not in held_ids or not is_participant(_person(group)):
            continue
        target = mapping.get(_person(group).category)
        if target is not None:
            unsur[target.value] += int(group["n"])
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
    view.surveys = _surveys(records, answers, office, period)
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


def _surveys(
    records: dict[str, list[Fields]], answers: dict[str, Fields], office: Fields, period: Period
) -> list[Survey]:
    try:
        method = IkmMethod(office.get("ikm_method") or IkmMethod.EXACT.value)
    except ValueError:
        method = IkmMethod.EXACT
    found = []
    for p in sorted(records.get("survey_periods", []), key=lambda p: str(p.get("ends_on") or "")):
        if not period.holds(p.get("ends_on")):
            continue
        title, ends_on = str(p.get("title") or ""), str(p.get("ends_on") or "")
        sums = answers.get(p["id"])
        if not sums or not int(sums["n"]):  # no questionnaires yet
            found.append(Survey(title, ends_on, 0, None, ""))
            continue
        result = score_of_totals([int(sums[u] or 0) for u in ANSWERS], int(sums["n"]), method)
        found.append(Survey(title, ends_on, result.respondents, result.index, result.grade.letter))
    return found


SCOPES = tuple(s.value for s in Scope)
STATUSES = tuple(s.value for s in RecStatus if s is not RecStatus.MERGED)
