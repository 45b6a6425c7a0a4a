"""What a user does about a change the server refused ("Perlu perhatian"), one item at a time
(a refused user action with the later changes that depend on it).

- Discard: this laptop keeps the server's state (it shows it already: the records a refused
  action touched came back as the server holds them, and a record it would have created left
  the tables). Nothing else changes; the item is marked discarded.
- Retry: the change is made again, now, on the record as it is: through the same rules as when
  the user first made it (the life cycle of a recommendation, an escalation to the parent
  office of today), as a new user action that is queued, audited and synced like any other. A
  change the rules no longer allow is refused here, with the reason, and nothing changes.
- Copy as new: what a refused create held is added again as a new record of this office, with
  a new id, through the same service as when it was typed (a recommendation, a forum with its
  participants, agenda items and recommendations); it starts its life cycle over.

Each choice marks the item's refused operations with what was chosen; they are kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.errors import InputError, TransitionError
from desktop.core.i18n import tr
from desktop.models import MODEL_BY_TABLE, RejectedOp, Synced
from desktop.services import agenda, escalations, followups, forums, participants, surveys
from desktop.services import recommendations as recs
from desktop.services.attention import AUDIT, COPYABLE, RefusedGroup, group_of, mark
from desktop.services.context import Context
from desktop.services.journal import Journal, start_action
from desktop.store.wire_values import row_values
from protocol.entities import ENTITIES, STATUS
from protocol.refusals import Refusal

log = logging.getLogger("mufakat.attention")
DISCARDED, RETRIED, COPIED = "discarded", "retried", "copied"


def _group(session: Session, key: str) -> RefusedGroup:
    group = group_of(session, key)
    if group is None:
        raise InputError(tr("This refused change was dealt with already."))
    return group


def discard(session: Session, ctx: Context, key: str) -> None:
    """Keep the server's state; the refused change is not sent."""
    group = _group(session, key)
    mark(group.ops, DISCARDED, ctx.now())
    log.info("refused change %s discarded by %s (%d operations)", key, ctx.actor, len(group.ops))


# -- retry -------------------------------------------------------------------------------------


def retry(session: Session, ctx: Context, key: str) -> None:
    """Make the refused change again, now, on the records as they are (one user action per
    action of the item)."""
    group = _group(session, key)
    cause = group.cause
    if cause.code in (Refusal.UNKNOWN_RECORD, Refusal.NOT_VISIBLE):
        _resend_missing(session, ctx, cause.params or {})
    for action in group.actions:
        start_action(session)
        _redo_action(session, ctx, list(action))
    mark(group.ops, RETRIED, ctx.now())


def _resend_missing(session: Session, ctx: Context, params: dict[str, Any]) -> None:
    """The server does not hold a record the change needs: if it is this office's and this
    laptop holds it, send it whole first (the server lost it, say, in a restore)."""
    model = MODEL_BY_TABLE.get(str(params.get("entity")))
    row = session.get(model, str(params.get("id"))) if model is not None else None
    if row is None or not ctx.home_unit_id:
        return
    addressed = getattr(row, "to_unit_id", None) == ctx.home_unit_id
    if row.unit_id == ctx.home_unit_id or addressed:
        start_action(session)
        Journal(session, ctx).resend(row)


def _redo_action(session: Session, ctx: Context, ops: list[RejectedOp]) -> None:
    changes = [op for op in ops if op.entity != AUDIT]  # the journal writes new history entries
    status_change = next((op for op in changes if op.kind == "transition"), None)
    if status_change is not None:
        _redo_transition(session, ctx, status_change, changes)
        return
    for op in changes:
        _redo(session, ctx, op)


def _live(session: Session, op: RejectedOp) -> Synced:
    model = MODEL_BY_TABLE.get(op.entity)
    row = session.get(model, op.entity_id) if model is not None else None
    if row is None or row.deleted:
        raise InputError(tr("The record this change was made to is no longer on this laptop; discard it."))
    return row


def _note_of(changes: list[RejectedOp]) -> str:
    """The note of the escalation an action created (escalating, forwarding)."""
    made = next((op for op in changes if op.entity == "escalations" and op.kind == "create"), None)
    return str((made.fields or {}).get("note") or "") if made is not None else ""


def _redo_transition(session: Session, ctx: Context, op: RejectedOp, changes: list[RejectedOp]) -> None:
    """A status action again, through its service: it checks the life cycle as it stands now
    and makes the whole action (an escalation with its recommendation's status, a merge with
    its votes)."""
    action = str((op.fields or {}).get("action", ""))
    register = dict((op.fields or {}).get("fields") or {})
    reason = str(register.get("status_reason") or "")
    rid = op.entity_id
    steps: dict[tuple[str, str], Callable[[], object]] = {
        ("recommendations", "accept"): lambda: recs.accept(session, ctx, rid),
        ("recommendations", "reject"): lambda: recs.reject(session, ctx, rid, reason),
        ("recommendations", "merge"): lambda: recs.merge(
            session, ctx, rid, str(register.get("merged_into_id"))
        ),
        ("recommendations", "start"): lambda: recs.start(session, ctx, rid),
        ("recommendations", "complete"): lambda: recs.complete(session, ctx, rid, reason),
        ("recommendations", "escalate"): lambda: escalations.escalate(session, ctx, rid, _note_of(changes)),
        ("escalations", "acknowledge"): lambda: escalations.acknowledge(session, ctx, rid),
        ("escalations", "forward"): lambda: escalations.forward(session, ctx, rid, _note_of(changes)),
        ("escalations", "answer"): lambda: escalations.answer(
            session, ctx, rid, str(register.get("outcome")), str(register.get("answer") or "")
        ),
        ("forums", "start"): lambda: forums.start_forum(session, ctx, rid),
        ("forums", "close"): lambda: forums.close_forum(session, ctx, rid),
    }
    step = steps.get((op.entity, action))
    if step is not None:
        step()
        return
    _redo_status(session, ctx, op, action, register)


def _redo_status(
    session: Session, ctx: Context, op: RejectedOp, action: str, register: dict[str, Any]
) -> None:
    """Any other status action: checked against the protocol's life cycle here first."""
    row = _live(session, op)
    rule = ENTITIES[op.entity].actions.get(action) if op.entity in ENTITIES else None
    status = str(getattr(row, STATUS, ""))
    if rule is None or status not in rule.sources:
        raise TransitionError(tr("This change no longer applies: the record is now {status}.", status=status))
    values = row_values(type(row), {k: v for k, v in register.items() if k in rule.sets})
    Journal(session, ctx).transition(row, action, **{STATUS: rule.target, **values})


def _redo(session: Session, ctx: Context, op: RejectedOp) -> None:
    fields = dict(op.fields or {})
    model = MODEL_BY_TABLE.get(op.entity)
    if model is None:
        raise InputError(tr("This Mufakat does not know records of that kind; discard the change."))
    journal = Journal(session, ctx)
    if op.kind == "create":
        if session.get(model, op.entity_id) is not None:
            return  # on this laptop again already
        data = {k: v for k, v in fields.items() if k in model.data_fields()}
        row = model(**row_values(model, data))
        row.id, row.unit_id = op.entity_id, str(fields.get("unit_id"))
        journal.create(row)
    elif op.kind == "update":
        changed = dict(fields.get("set") or {})
        row = _live(session, op)
        if op.entity == "recommendations" and "scope" in changed:
            recs.change_scope(session, ctx, row.id, changed.pop("scope"))
        journal.update(row, **row_values(model, changed))
    elif op.kind == "delete":
        journal.delete(_live(session, op))
    elif op.kind == "restore":
        gone = session.get(model, op.entity_id)
        if gone is None:
            raise InputError(tr("The record this change was made to is no longer on this laptop; discard it."))
        journal.restore(gone)
    elif op.kind == "counter":
        row = _live(session, op)
        name, key = str(fields.get("field")), str(fields.get("key"))
        value = int(fields.get("value") or 0)
        if key.startswith("merge:"):  # a merged duplicate's share: its votes as they are now
            duplicate = session.get(model, key.removeprefix("merge:"))
            value = int(getattr(duplicate, name, value)) if duplicate is not None else value
        journal.counter(row, name, key, value, "vote")
    elif op.kind == "resolve":
        row = _live(session, op)
        journal.resolve(
            row, str(fields.get("register")), str(fields.get("loser_hlc")), str(fields.get("how")), {}
        )
    elif op.kind == "restate":
        journal.resend(_live(session, op))


# -- copy as new -------------------------------------------------------------------------------

Creator = Callable[[Session, Context, str, dict[str, Any]], str]
# How each kind of record is added (given the record it belongs to: its forum, its
# recommendation, or for a forum the office), the fields that service takes, and whether the
# record it belongs to is named by a field (none: the office's).
CREATORS: dict[str, tuple[Creator, frozenset[str], str | None]] = {
    "forums": (
        lambda s, c, unit, v: forums.create_forum(s, c, unit_id=unit, **v),
        frozenset(forums.RULES),
        None,
    ),
    "survey_periods": (
        lambda s, c, unit, v: surveys.create_period(s, c, unit_id=unit, **v),
        frozenset(surveys.PERIOD_RULES),
        None,
    ),
    "participants": (
        lambda s, c, forum, v: participants.add_participant(s, c, forum, **v),
        frozenset(participants.RULES),
        "forum_id",
    ),
    "agenda_items": (
        lambda s, c, forum, v: agenda.add_item(s, c, forum, **v),
        frozenset(agenda.RULES),
        "forum_id",
    ),
    "recommendations": (
        lambda s, c, forum, v: recs.add_recommendation(s, c, forum, **v),
        frozenset(recs.RULES),
        "forum_id",
    ),
    "follow_ups": (
        lambda s, c, rec, v: followups.assign_follow_up(s, c, rec, **v),
        frozenset(followups.RULES),
        "recommendation_id",
    ),
}
# Copied along with the record they belong to: records that need nothing but it (a follow-up
# needs an accepted recommendation, and a copy starts as proposed).
ALONG = ("participants", "agenda_items", "recommendations")


@dataclass(frozen=True)
class Copied:
    first: str  # the id of the copy of the item's record
    records: int  # records copied
    left: int  # changes of the item a copy does not carry (status changes, votes, follow-ups)


def copy_as_new(session: Session, ctx: Context, key: str) -> Copied:
    """Add what the item's refused creates held again as new records of this office, each as
    it was last edited; its status changes and votes are not carried (a copy starts over)."""
    group = _group(session, key)
    first = [op for op in group.actions[0] if op.kind == "create" and op.entity in COPYABLE]
    if not first:
        raise InputError(tr("Only a record the server refused to create can be copied as new."))
    along = [
        op for action in group.actions[1:] for op in action if op.kind == "create" and op.entity in ALONG
    ]
    copies: dict[str, str] = {}  # old id → the copy's
    for op in (*first, *along):
        start_action(session)
        copies[op.entity_id] = _copy(session, ctx, op, _latest(group, op), copies)
    carried = {op.op_id for op in (*first, *along)} | {
        op.op_id for op in group.ops if op.kind == "update" and op.entity_id in copies
    }
    left = sum(1 for op in group.ops if op.entity != AUDIT and op.op_id not in carried)
    mark(group.ops, COPIED, ctx.now())
    return Copied(copies[first[0].entity_id], len(copies), left)


def _latest(group: RefusedGroup, created: RejectedOp) -> dict[str, Any]:
    """The record's fields as the item last left them: its create, then its later edits."""
    fields = dict(created.fields or {})
    for op in group.ops:
        if op.entity_id == created.entity_id and op.kind == "update":
            fields.update((op.fields or {}).get("set") or {})
    return fields


def _copy(
    session: Session, ctx: Context, op: RejectedOp, fields: dict[str, Any], copies: dict[str, str]
) -> str:
    create, allowed, parent_field = CREATORS[op.entity]
    entity = ENTITIES[op.entity]
    values: dict[str, Any] = {}
    for name in allowed & fields.keys():
        value = fields[name]
        spec = entity.by_name.get(name)
        if spec is not None and spec.refers_to and isinstance(value, str):
            value = copies.get(value, value if _exists(session, str(spec.refers_to), value) else None)
        if value is not None:
            values[name] = value
    if parent_field is None:
        owner = ctx.home_unit_id or str(fields.get("unit_id"))
        return create(session, ctx, owner, values)
    parent = copies.get(str(fields.get(parent_field)), str(fields.get(parent_field)))
    return create(session, ctx, parent, values)


def _exists(session: Session, entity: str, record_id: str) -> bool:
    model = MODEL_BY_TABLE.get(entity)
    row = session.get(model, record_id) if model is not None else None
    return row is not None and not row.deleted
