"""The public page of a unit (issue 17, "The public's view"): the forums the unit chose to publish
(the forum's `published` flag, set by its kepala on a laptop), each with its date, topic, the
public's unsur present as counts, and its recommendations with what became of each. No personal
data: no participant's name, phone or e-mail, nor who raised a recommendation, nor the people
who signed or answered; a rejection's reason is not shown (it may name people)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.unsur import count_unsur, mapping_of
from protocol.vocab import Category, EscalationStatus, PekpppUnsur, RecStatus, Role
from server_stub.models import ServerUnit
from server_stub.web.records import Fields, live, unit_fields

SHOWN = tuple(s for s in RecStatus if s is not RecStatus.MERGED)  # a merged one lives on in its target
WAITING = {EscalationStatus.SENT.value, EscalationStatus.ACKNOWLEDGED.value, EscalationStatus.DISPUTED.value}


@dataclass(frozen=True)
class Person:
    """What the unsur rule reads of an attendance line (and nothing else of it)."""

    category: Category
    role: Role
    vulnerable: bool
    attended: bool


@dataclass(frozen=True)
class PublicRecommendation:
    text: str
    scope: str
    status: str
    progress: int | None  # in progress: the mean of its follow-up actions' progress
    evidence: tuple[str, ...]  # done: the captions of the files attached as evidence
    escalated_to: str  # escalated: the office it waits on
    answer: str  # answered: the answer received
    outcome: str | None  # answered: adopted | declined


@dataclass(frozen=True)
class PublicForum:
    id: str
    title: str
    theme: str
    held_on: str
    mode: str
    venue: str
    unsur: tuple[tuple[str, int], ...]  # PEKPPP unsur present → participants
    participants: int  # the public present (organisers not counted)
    recommendations: tuple[PublicRecommendation, ...]


@dataclass(frozen=True)
class PublicPage:
    code: str
    name: str
    full_name: str
    forums: tuple[PublicForum, ...] = field(default=())


def public_page(session: Session, unit: ServerUnit) -> PublicPage:
    office = unit_fields(session, unit.id)
    found = live(
        session,
        [unit.id],
        ("forums", "participants", "recommendations", "follow_ups", "attachments", "escalations"),
    )
    forums = [f for f in found["forums"] if f.get("published") is True]
    shown = {f["id"] for f in forums}
    people = _by(found["participants"], "forum_id", shown)
    recs = _by(found["recommendations"], "forum_id", shown)
    follow_ups = _by(found["follow_ups"], "recommendation_id")
    captions = _captions(found["attachments"])
    to_units = _escalated_to(session, found["escalations"])
    mapping = mapping_of(office.get("unsur_mapping") or {})
    page = []
    for forum in sorted(forums, key=lambda f: (f.get("held_on") or "", f["id"]), reverse=True):
        counted = count_unsur((_person(p) for p in people[forum["id"]]), mapping)
        per_unsur: defaultdict[PekpppUnsur, int] = defaultdict(int)
        for category, n in counted.by_category.items():
            unsur = counted.mapping.get(category)
            if unsur is not None and n:
                per_unsur[unsur] += n
        page.append(
            PublicForum(
                id=forum["id"],
                title=str(forum.get("title", "")),
                theme=str(forum.get("theme") or ""),
                held_on=str(forum.get("held_on") or ""),
                mode=str(forum.get("mode") or ""),
                venue=str(forum.get("venue") or ""),
                unsur=tuple((u.value, per_unsur[u]) for u in PekpppUnsur if per_unsur[u]),
                participants=counted.participants,
                recommendations=tuple(
                    _recommendation(r, follow_ups, captions, to_units)
                    for r in sorted(recs[forum["id"]], key=_rec_order)
                    if r.get("status") in SHOWN
                ),
            )
        )
    return PublicPage(
        unit.code, str(office.get("name") or unit.name), str(office.get("full_name") or ""), tuple(page)
    )


def _by(records: list[Fields], key: str, among: set[str] | None = None) -> dict[str, list[Fields]]:
    grouped: dict[str, list[Fields]] = defaultdict(list)
    for record in records:
        owner = record.get(key)
        if owner is not None and (among is None or owner in among):
            grouped[owner].append(record)
    return grouped


def _person(record: Fields) -> Person:
    return Person(
        category=_enum(Category, record.get("category"), Category.OTHER),
        role=_enum(Role, record.get("role"), Role.PARTICIPANT),
        vulnerable=bool(record.get("vulnerable")),
        attended=bool(record.get("attended")),
    )


def _enum(kind: Any, value: object, default: Any) -> Any:
    try:
        return kind(value)
    except ValueError:
        return default


def _rec_order(record: Fields) -> tuple[int, str]:
    return (-int(record.get("votes") or 0), record["id"])


def _captions(attachments: list[Fields]) -> dict[str, list[str]]:
    """Each record's attached files' captions (the caption only: never the file's own name)."""
    found: dict[str, list[str]] = defaultdict(list)
    for a in sorted(attachments, key=lambda a: a["id"]):
        caption = str(a.get("caption") or "").strip()
        if caption:
            found[str(a.get("owner_id"))].append(caption)
    return found


def _escalated_to(session: Session, escalations: list[Fields]) -> dict[str, str]:
    """recommendation id → the name of the office its open escalation waits on."""
    names = {u.id: u.name for u in session.scalars(select(ServerUnit))}
    waiting: dict[str, str] = {}
    for e in sorted(escalations, key=lambda e: str(e.get("sent_at") or "")):
        if e.get("status") in WAITING:
            waiting[str(e.get("recommendation_id"))] = names.get(str(e.get("to_unit_id")), "")
    return waiting


def _recommendation(
    rec: Fields, follow_ups: dict[str, list[Fields]], captions: dict[str, list[str]], to_units: dict[str, str]
) -> PublicRecommendation:
    status = str(rec.get("status"))
    actions = follow_ups.get(rec["id"], [])
    progress = round(sum(int(f.get("progress") or 0) for f in actions) / len(actions)) if actions else None
    evidence: list[str] = []
    if status == RecStatus.DONE.value:
        evidence = list(captions.get(rec["id"], []))
        for action in sorted(actions, key=lambda f: f["id"]):
            evidence += captions.get(action["id"], [])
    answered = status == RecStatus.ANSWERED.value
    return PublicRecommendation(
        text=str(rec.get("text", "")),
        scope=str(rec.get("scope") or ""),
        status=status,
        progress=progress if status == RecStatus.IN_PROGRESS.value else None,
        evidence=tuple(evidence),
        escalated_to=to_units.get(rec["id"], "") if status == RecStatus.ESCALATED.value else "",
        answer=str(rec.get("status_reason") or "") if answered else "",
        outcome=rec.get("outcome") if answered else None,
    )
