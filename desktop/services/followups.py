"""Follow-up (tindak lanjut) of unit-scope recommendations: who does what by when, and progress."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.errors import InputError, TransitionError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import RecStatus, Scope
from desktop.models import FollowUp, Recommendation
from desktop.services import fields as f
from desktop.services import recommendations as recs
from desktop.services.completion import DONE, check_evidence, status_for
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load

RULES: dict[str, f.Validator] = {
    "action": f.text(N_("Action"), max_len=5000),
    "owner": f.text(N_("Person in charge"), max_len=120),
    "due_on": f.day(N_("Due date"), required=False),
    "progress": f.integer(N_("Progress (%)"), 0, 100),
    "evidence": f.text(N_("Evidence"), required=False, max_len=5000),
    "completed_on": f.day(N_("Date completed"), required=False),
}


def _completed_on(ctx: Context, progress: int, given: date | None, before: date | None) -> date | None:
    """The day an action was done: given (it may be recorded later), kept, or today when it
    reaches 100%; none while it is not done. Never a day still to come."""
    if progress < 100:
        if given is not None:
            raise InputError(
                tr("A follow-up gets its completion date when its progress reaches 100%."), field="completed_on"
            )
        return None
    day = given or before or ctx.today()
    if day > ctx.today():
        raise InputError(
            tr("The completion date {day} is still to come; give the day the action was done.", day=day.isoformat()),
            field="completed_on",
        )
    return day


def default_due(ctx: Context) -> date:
    """When a follow-up is due unless someone says otherwise: the office's deadline, counted in
    working days from today."""
    return ctx.calendar.add_working_days(ctx.today(), ctx.follow_up_working_days)


def assign_follow_up(session: Session, ctx: Context, rec_id: str, **values: Any) -> str:
    """Assign an action to an accepted unit-scope recommendation; it moves to in progress."""
    rec = load(session, Recommendation, rec_id, N_("Recommendation"))
    if rec.scope != Scope.UNIT:
        raise TransitionError(
            tr("Follow-up is for recommendations of unit scope; escalate policy recommendations instead.")
        )
    if rec.status not in (RecStatus.ACCEPTED, RecStatus.IN_PROGRESS):
        raise TransitionError(tr("Accept the recommendation before assigning follow-up."))
    data = f.require(RULES, values, "action", "owner")
    if data.get("due_on") is None:
        data["due_on"] = default_due(ctx)
    data.setdefault("progress", 0)
    if data["progress"] >= DONE:
        check_evidence(session, rec.unit_id, data.get("evidence") or "", [])
    data["completed_on"] = _completed_on(ctx, data["progress"], data.get("completed_on"), None)
    item = FollowUp(recommendation_id=rec.id, unit_id=rec.unit_id, status=status_for(data["progress"]), **data)
    Journal(session, ctx).create(item)
    if rec.status == RecStatus.ACCEPTED:
        recs.start(session, ctx, rec.id)
    return item.id


def update_follow_up(session: Session, ctx: Context, follow_up_id: str, **changes: Any) -> None:
    item = load(session, FollowUp, follow_up_id, N_("Follow-up"))
    data = f.clean(RULES, changes)
    progress = data.get("progress", item.progress)
    evidence = data.get("evidence", item.evidence)
    if progress >= DONE and item.progress < DONE:
        check_evidence(session, item.unit_id, evidence or "", [item.id])
    data["status"] = status_for(progress)
    completed = _completed_on(ctx, progress, data.get("completed_on"), item.completed_on)
    if completed != item.completed_on:
        data["completed_on"] = completed
    else:
        data.pop("completed_on", None)
    Journal(session, ctx).update(item, **data)


def remove_follow_up(session: Session, ctx: Context, follow_up_id: str) -> None:
    Journal(session, ctx).delete(load(session, FollowUp, follow_up_id, N_("Follow-up")))
