"""The satisfaction survey's rencana tindak lanjut (RTL, PermenPANRB 14/2017): for the elements
to improve (the priority ones first), what the office will do, who answers for it, by when, and
what was done (its realisation, progress and the day it was completed)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.models import SurveyAction, SurveyPeriod
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load

RULES: dict[str, f.Validator] = {
    "element": f.integer(N_("Element"), 1, 9),
    "action": f.text(N_("Action"), max_len=5000),
    "owner": f.text(N_("Person in charge"), max_len=120),
    "due_on": f.day(N_("Due date"), required=False),
    "progress": f.integer(N_("Progress (%)"), 0, 100),
    "realisation": f.text(N_("Realisation"), required=False, max_len=5000),
    "completed_on": f.day(N_("Date completed"), required=False),
}


def _settle(ctx: Context, data: dict[str, Any], before: SurveyAction | None) -> dict[str, Any]:
    """Progress 100% needs its realisation, and dates the completion (today unless given);
    below 100% there is no completion date."""
    progress = data.get("progress", before.progress if before else 0)
    realisation = data.get("realisation", before.realisation if before else "")
    given: date | None = data.get("completed_on")
    if progress < 100:
        if given is not None:
            raise InputError(
                tr("An action gets its completion date when its progress reaches 100%."), field="completed_on"
            )
        data["completed_on"] = None
        return data
    if not realisation:
        raise InputError(tr("Describe what was done before setting progress to 100%."), field="realisation")
    day = given or (before.completed_on if before else None) or ctx.today()
    if day > ctx.today():
        raise InputError(
            tr(
                "The completion date {day} is still to come; give the day the action was done.",
                day=day.isoformat(),
            ),
            field="completed_on",
        )
    data["completed_on"] = day
    return data


def add_action(session: Session, ctx: Context, period_id: str, **values: Any) -> str:
    period = load(session, SurveyPeriod, period_id, N_("Survey period"))
    data = f.require(RULES, values, "element", "action", "owner")
    data.setdefault("progress", 0)
    item = SurveyAction(period_id=period.id, unit_id=period.unit_id, **_settle(ctx, data, None))
    Journal(session, ctx).create(item)
    return item.id


def update_action(session: Session, ctx: Context, action_id: str, **changes: Any) -> None:
    item = load(session, SurveyAction, action_id, N_("Survey action"))
    data = _settle(ctx, f.clean(RULES, changes), item)
    changed = {k: v for k, v in data.items() if getattr(item, k) != v}
    if changed:
        Journal(session, ctx).update(item, **changed)


def remove_action(session: Session, ctx: Context, action_id: str) -> None:
    Journal(session, ctx).delete(load(session, SurveyAction, action_id, N_("Survey action")))


def actions_of(session: Session, period_id: str) -> list[SurveyAction]:
    """A period's live actions, by element, then as they were planned."""
    return list(
        session.scalars(
            select(SurveyAction)
            .where(SurveyAction.period_id == period_id, SurveyAction.deleted.is_(False))
            .order_by(SurveyAction.element, SurveyAction.created_at, SurveyAction.id)
        )
    )
