"""What needs a person's attention after sync ("Perlu perhatian"): every change the server
refused that nobody has dealt with yet, and every open "changed elsewhere" marker.

A refused user action is one item (the server refuses an action whole). A later action that
depends on a record the refused one created (an edit of it, a recommendation in a refused
forum) could never apply on its own: it is folded into the same item, and the user's choice
covers both. The item carries the refusal's code and parameters; the screen words them in the
language of the moment (`desktop.sync.refusals.describe`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import RejectedOp
from desktop.services.change_words import change_words
from desktop.services.conflicts import ChangedElsewhere, conflicts_of, current_values, open_conflicts
from desktop.services.record_words import field_label, record_words, values_words
from protocol.entities import ENTITIES
from protocol.hlc import Stamp
from protocol.refusals import Refusal

AUDIT = "audit_events"
# Records a copy can be made of: added again as new ones (an escalation is sent again by
# retrying; a history entry, an office or a questionnaire is never copied).
COPYABLE = ("forums", "participants", "agenda_items", "recommendations", "follow_ups", "survey_periods")
# Refusals a retry cannot change: the change itself is what the server will not take.
NOT_RETRYABLE = frozenset(
    {
        Refusal.ID_TAKEN,
        Refusal.NOT_YOUR_RECORD,
        Refusal.ADMIN_ONLY,
        Refusal.APPEND_ONLY,
        Refusal.NOT_DELETABLE,
        Refusal.LOCKED_FIELD,
        Refusal.INVALID_FIELD,
    }
)


@dataclass(frozen=True)
class RefusedGroup:
    """The refused operations of one item: its user action first, then the actions folded in."""

    actions: tuple[tuple[RejectedOp, ...], ...]

    @property
    def key(self) -> str:
        return action_key(self.actions[0][0])

    @property
    def ops(self) -> list[RejectedOp]:
        return [op for action in self.actions for op in action]

    @property
    def cause(self) -> RejectedOp:
        """The operation of the first action refused for itself (the others of that action were
        refused with `action_refused`, naming it)."""
        first = self.actions[0]
        return next((op for op in first if op.code != Refusal.ACTION_REFUSED), first[0])

    @property
    def main(self) -> RejectedOp:
        """The operation that says what the first action was: its status change, else what it
        created, else its first change (history entries only travel with the others)."""
        first = [op for op in self.actions[0] if op.entity != AUDIT] or list(self.actions[0])
        for kind in ("transition", "create"):
            found = next((op for op in first if op.kind == kind), None)
            if found is not None:
                return found
        return first[0]

    def created(self, entity_id: str) -> dict[str, Any] | None:
        """The fields of this item's refused create of `entity_id`, if it has one."""
        for op in self.ops:
            if op.kind == "create" and op.entity_id == entity_id:
                return dict(op.fields)
        return None


@dataclass(frozen=True)
class RefusedItem:
    key: str  # the first action's id: what a choice names
    entity: str
    entity_id: str
    what: str  # "Recommendation “…”: accepted"
    later: tuple[str, ...]  # the changes folded in, worded the same way
    code: str  # why (worded by the screen)
    params: dict[str, Any]
    made_at: datetime | None  # when the change was made (its clock stamp)
    refused_at: datetime
    can_retry: bool
    can_copy: bool


def action_key(op: RejectedOp) -> str:
    return op.action_id or op.op_id  # refused before actions existed: an action of its own


def _order(op: RejectedOp) -> tuple[bool, int, datetime, str]:
    return (op.device_seq is None, op.device_seq or 0, op.rejected_at, op.hlc)


def _references(op: RejectedOp) -> Iterator[str]:
    """The ids of records an operation changes or points at."""
    if op.entity == AUDIT:
        return
    yield op.entity_id
    entity = ENTITIES.get(op.entity)
    fields = op.fields or {}
    if entity is None:
        return
    for part in (fields, fields.get("set"), fields.get("fields"), fields.get("data")):
        if isinstance(part, dict):
            for f in entity.references:
                value = part.get(f.name)
                if isinstance(value, str):
                    yield value


def refused_groups(session: Session) -> list[RefusedGroup]:
    """Every refused action nobody has dealt with, oldest first, dependents folded in."""
    rows = session.scalars(select(RejectedOp).where(RejectedOp.resolution == "")).all()
    actions: dict[str, list[RejectedOp]] = {}
    for op in sorted(rows, key=_order):
        actions.setdefault(action_key(op), []).append(op)
    groups: list[list[tuple[RejectedOp, ...]]] = []
    made_by: dict[str, int] = {}  # id of a record a refused create made → its group
    for ops in actions.values():
        into = next((made_by[i] for i in _mentions(ops) if i in made_by), None)
        if into is None:
            into = len(groups)
            groups.append([])
        groups[into].append(tuple(ops))
        for op in ops:
            if op.kind == "create" and op.entity != AUDIT:
                made_by.setdefault(op.entity_id, into)
    return [RefusedGroup(tuple(actions_)) for actions_ in groups]


def _mentions(ops: Iterable[RejectedOp]) -> list[str]:
    return [i for op in ops for i in _references(op)]


def group_of(session: Session, key: str) -> RefusedGroup | None:
    return next((g for g in refused_groups(session) if g.key == key), None)


def _made_at(stamp: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(Stamp.decode(stamp).wall_ms / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _words(session: Session, group: RefusedGroup, op: RejectedOp) -> str:
    return change_words(
        session, op.entity, op.entity_id, op.kind, op.fields or {}, group.created(op.entity_id)
    )


def refused_item(session: Session, group: RefusedGroup) -> RefusedItem:
    main, cause = group.main, group.cause
    later = tuple(
        _words(session, group, op) for action in group.actions[1:] for op in action if op.entity != AUDIT
    )
    return RefusedItem(
        key=group.key,
        entity=main.entity,
        entity_id=main.entity_id,
        what=_words(session, group, main),
        later=later,
        code=cause.code,
        params=dict(cause.params or {}),
        made_at=_made_at(main.hlc),
        refused_at=main.rejected_at,
        can_retry=cause.code not in NOT_RETRYABLE,
        can_copy=any(op.kind == "create" and op.entity in COPYABLE for op in group.actions[0]),
    )


def refused_items(session: Session) -> list[RefusedItem]:
    return [refused_item(session, g) for g in refused_groups(session)]


@dataclass(frozen=True)
class ConflictItem:
    """A "changed elsewhere" marker in words."""

    marker: ChangedElsewhere
    subject: str  # 'Recommendation “…”'
    fields: str  # the labels of the register's fields
    now: str  # the value in use now
    lost: str  # the value that lost
    at: datetime | None  # when the value that lost was typed


def _when(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def conflict_item(session: Session, marker: ChangedElsewhere) -> ConflictItem:
    return ConflictItem(
        marker=marker,
        subject=record_words(session, marker.entity, marker.entity_id),
        fields=", ".join(field_label(name) for name in marker.lost),
        now=values_words(session, marker.entity, current_values(session, marker)),
        lost=values_words(session, marker.entity, marker.lost),
        at=_when(marker.at),
    )


def conflict_items(session: Session, device_id: str = "") -> list[ConflictItem]:
    """Every open marker, in words."""
    return [conflict_item(session, m) for m in open_conflicts(session, device_id)]


def record_conflict_items(
    session: Session, entity: str, entity_id: str, device_id: str = ""
) -> list[ConflictItem]:
    """The open markers of one record, in words."""
    return [conflict_item(session, m) for m in conflicts_of(session, entity, entity_id, device_id)]


def attention_count(session: Session) -> int:
    """What the navigation's badge and the status bar count: refused items and open markers."""
    return len(refused_groups(session)) + len(open_conflicts(session))


def mark(ops: Sequence[RejectedOp], resolution: str, at: datetime) -> None:
    """Remember what the user chose for these refused operations (they need no attention now)."""
    for op in ops:
        op.resolution, op.resolved_at = resolution, at
