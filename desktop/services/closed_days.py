"""The days an office is closed besides weekends and national holidays, and the calendar its
deadlines are counted with (domain.workdays).

An office adds its own (a regional holiday, a late decree) in Settings: a record of its unit,
synced to its laptops and audited. National cuti bersama decreed after the `holidays` package's
data are entered once by the server's administrator (`mufakat-server closed-day add`) and reach
every laptop by sync; no laptop may change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.models import ClosedDay, Unit
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load
from domain.workdays import WorkCalendar, national_holidays
from protocol.entities import NATIONAL

RULES: dict[str, f.Validator] = {
    "day": f.day(N_("Closed day")),
    "name": f.text(N_("Reason the office is closed")),
}


@dataclass(frozen=True)
class ClosedDayLine:
    id: str
    day: date
    name: str
    national: bool  # entered by the server's administrator for every office


def closed_days_of(session: Session, unit_id: str | None) -> list[ClosedDayLine]:
    """The office's own closed days and the national ones, by date."""
    owners = [NATIONAL, *([unit_id] if unit_id else [])]
    rows = session.scalars(
        select(ClosedDay)
        .where(ClosedDay.unit_id.in_(owners), ClosedDay.deleted.is_(False))
        .order_by(ClosedDay.day, ClosedDay.name, ClosedDay.id)
    )
    return [ClosedDayLine(r.id, r.day, r.name, r.unit_id == NATIONAL) for r in rows]


def calendar_for(session: Session, unit_id: str | None) -> WorkCalendar:
    """The working days of an office: national holidays, cuti bersama and its closed days."""
    return WorkCalendar(line.day for line in closed_days_of(session, unit_id))


def use_calendar(session: Session, ctx: Context) -> None:
    """The services count deadlines with the home office's calendar."""
    ctx.calendar = calendar_for(session, ctx.home_unit_id)


def add_closed_day(session: Session, ctx: Context, unit_id: str, **values: Any) -> str:
    """A day the office is closed. Refused: a weekend, a national holiday or cuti bersama, a
    day already closed (each says so, and nothing is written)."""
    unit = load(session, Unit, unit_id, N_("Unit"))
    data = f.require(RULES, values, "day", "name")
    day: date = data["day"]
    when = day.strftime("%d-%m-%Y")
    if day.weekday() >= 5:
        raise InputError(tr("{day} is a weekend day: it is not a working day anyway.", day=when), field="day")
    holiday = national_holidays().get(day)
    if holiday:
        raise InputError(
            tr("{day} is already a national holiday or cuti bersama ({name}).", day=when, name=holiday),
            field="day",
        )
    known = next((line for line in closed_days_of(session, unit.id) if line.day == day), None)
    if known is not None:
        raise InputError(tr("{day} is already a closed day: {name}.", day=when, name=known.name), field="day")
    row = ClosedDay(unit_id=unit.id, **data)
    Journal(session, ctx).create(row)
    if unit.id == ctx.home_unit_id:
        use_calendar(session, ctx)
    return row.id


def remove_closed_day(session: Session, ctx: Context, closed_day_id: str) -> None:
    row = load(session, ClosedDay, closed_day_id, N_("Closed day"))
    if row.unit_id == NATIONAL:
        raise InputError(
            tr(
                "{day} ({name}) was entered by the server's administrator for every office; only "
                "the administrator can remove it.",
                day=row.day.strftime("%d-%m-%Y"),
                name=row.name,
            )
        )
    Journal(session, ctx).delete(row)
    if row.unit_id == ctx.home_unit_id:
        use_calendar(session, ctx)
