"""The "changed elsewhere" markers: a value that lost to a concurrent edit on another laptop,
kept with the one in use, and what a user does about one.

- Use mine (or the other value, when the lost one was typed on another laptop): the lost value
  is applied again as a new edit, through the record's own edit rules, which then wins
  everywhere; the marker is closed.
- Keep this one: the value in use stays; the marker is closed.
- Dismiss: the marker is closed.

Each is one user action: the edit (if any) and a `resolve` operation that closes the conflict
in the server's copy of the record, so the other laptops of the office stop showing it too;
the history records who chose what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.models import MODEL_BY_TABLE, Conflict, Synced
from desktop.services import (
    agenda,
    attachments,
    followups,
    forums,
    participants,
    survey_actions,
    surveys,
    templates,
    units,
)
from desktop.services import recommendations as recs
from desktop.services.context import Context
from desktop.services.journal import Journal, jsonable
from desktop.store.wire_values import row_values
from protocol.hlc import Stamp
from protocol.schema import Resolution


@dataclass(frozen=True)
class ChangedElsewhere:
    entity: str
    entity_id: str
    register: str
    kept: dict[str, Any]  # the value that won (the record may have changed again since)
    lost: dict[str, Any]  # the value that lost (shown, so nobody's typing silently disappears)
    at: str
    loser_hlc: str
    winner_hlc: str
    lost_here: bool = False  # the lost value was typed on this laptop
    kept_here: bool = False  # the value that won was typed on this laptop


def _made_on(stamp: str) -> str:
    try:
        return Stamp.decode(stamp).node
    except ValueError:
        return ""


def _marker(c: Conflict, device_id: str) -> ChangedElsewhere:
    return ChangedElsewhere(
        c.entity,
        c.entity_id,
        c.register,
        dict(c.winner or {}),
        dict(c.loser or {}),
        c.at,
        c.loser_hlc,
        c.winner_hlc,
        lost_here=bool(device_id) and _made_on(c.loser_hlc) == device_id,
        kept_here=bool(device_id) and _made_on(c.winner_hlc) == device_id,
    )


def conflicts_of(
    session: Session, entity: str, entity_id: str, device_id: str = ""
) -> list[ChangedElsewhere]:
    """The open markers of one record, oldest first."""
    rows = session.scalars(
        select(Conflict)
        .where(Conflict.entity == entity, Conflict.entity_id == entity_id, Conflict.dismissed.is_(False))
        .order_by(Conflict.loser_hlc)
    )
    return [_marker(c, device_id) for c in rows]


def open_conflicts(session: Session, device_id: str = "") -> list[ChangedElsewhere]:
    """Every open marker of a record this laptop still has, oldest first."""
    rows = session.scalars(
        select(Conflict).where(Conflict.dismissed.is_(False)).order_by(Conflict.loser_hlc)
    ).all()
    return [_marker(c, device_id) for c in rows if _live(session, c.entity, c.entity_id) is not None]


def _live(session: Session, entity: str, entity_id: str) -> Synced | None:
    model = MODEL_BY_TABLE.get(entity)
    row = session.get(model, entity_id) if model is not None else None
    return row if row is not None and not row.deleted else None


def current_values(session: Session, marker: ChangedElsewhere) -> dict[str, Any]:
    """The fields of the marker's register as the record holds them now."""
    row = _live(session, marker.entity, marker.entity_id)
    if row is None:
        return dict(marker.kept)
    return {name: jsonable(getattr(row, name)) for name in marker.lost if hasattr(row, name)}


# -- choices -----------------------------------------------------------------------------------


def _open(
    session: Session, entity: str, entity_id: str, register: str, loser_hlc: str
) -> tuple[Conflict, Synced]:
    marker = session.get(Conflict, (entity, entity_id, register, loser_hlc))
    row = _live(session, entity, entity_id)
    if marker is None or marker.dismissed or row is None:
        raise InputError(tr("This “changed elsewhere” marker is closed already (or its record was deleted)."))
    return marker, row


def _close(
    session: Session, ctx: Context, marker: Conflict, row: Synced, how: Resolution, chosen: dict[str, Any]
) -> None:
    Journal(session, ctx).resolve(row, marker.register, marker.loser_hlc, how.value, chosen)
    marker.dismissed = True


Editor = Callable[..., None]
# Each record's own edit rules (what a user may type, the life cycle of a recommendation's
# scope), with the fields each takes; any other field is set as the server had it.
EDITORS: dict[str, tuple[Editor, frozenset[str]]] = {
    "units": (units.update_unit, frozenset(units.RULES)),
    "forums": (forums.update_forum, frozenset(forums.RULES)),
    "participants": (participants.update_participant, frozenset(participants.RULES)),
    "agenda_items": (agenda.update_item, frozenset(agenda.RULES)),
    "follow_ups": (followups.update_follow_up, frozenset(followups.RULES)),
    "survey_periods": (surveys.update_period, frozenset(surveys.PERIOD_RULES)),
    "recommendations": (recs.edit_recommendation, frozenset(recs.EDITABLE)),
    "survey_actions": (survey_actions.update_action, frozenset(survey_actions.RULES)),
    "attachments": (attachments.update_attachment, attachments.EDITABLE),
}
# A forum's own document templates are changed by their own service (allowed once it is closed).
FORUM_TEMPLATES = frozenset(templates.FORUM_RULES)


def _edit(session: Session, ctx: Context, row: Synced, values: dict[str, Any]) -> None:
    """Apply `values` (as the wire carries them) to `row` as a user's edit."""
    entity = row.__tablename__
    others = dict(values)
    if entity == "recommendations" and "scope" in others:
        recs.change_scope(session, ctx, row.id, others.pop("scope"))
    editor, fields = EDITORS.get(entity, (None, frozenset()))
    if entity == "forums" and others and others.keys() <= FORUM_TEMPLATES:
        editor, fields = templates.update_forum_templates, FORUM_TEMPLATES
    if editor is not None and others and others.keys() <= fields:
        editor(session, ctx, row.id, **others)
    elif others:
        Journal(session, ctx).update(row, **row_values(type(row), others))


def use_lost_value(
    session: Session, ctx: Context, entity: str, entity_id: str, register: str, loser_hlc: str
) -> None:
    """ "Use mine": the value that lost is applied again as a new edit (it wins everywhere), and
    the marker is closed on every laptop."""
    marker, row = _open(session, entity, entity_id, register, loser_hlc)
    lost = dict(marker.loser or {})
    _edit(session, ctx, row, lost)
    _close(session, ctx, marker, row, Resolution.MINE, lost)


def keep_current(
    session: Session, ctx: Context, entity: str, entity_id: str, register: str, loser_hlc: str
) -> None:
    """ "Keep this one": the value in use stays; the marker is closed on every laptop."""
    marker, row = _open(session, entity, entity_id, register, loser_hlc)
    kept = {name: jsonable(getattr(row, name)) for name in (marker.loser or {}) if hasattr(row, name)}
    _close(session, ctx, marker, row, Resolution.THEIRS, kept)


def dismiss(
    session: Session, ctx: Context, entity: str, entity_id: str, register: str, loser_hlc: str
) -> None:
    """The marker is closed on every laptop; nothing else changes."""
    marker, row = _open(session, entity, entity_id, register, loser_hlc)
    _close(session, ctx, marker, row, Resolution.DISMISSED, {})
