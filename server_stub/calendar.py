"""An office's working days and its time zone as the server knows them (the rules are
`domain.workdays` and `domain.deadlines`, the laptop's): national holidays and cuti bersama, the
national closed days its administrator entered, the office's own closed days, and the zone its
unit record names (WIB when it names none)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.workdays import WorkCalendar
from protocol.entities import NATIONAL
from protocol.vocab import OfficeZone
from server_stub.models import Record

DEFAULT_ZONE = OfficeZone.WIB


def calendar_of(session: Session, unit_id: str) -> WorkCalendar:
    rows = session.scalars(
        select(Record.data).where(
            Record.entity == "closed_days", Record.unit_id.in_([unit_id, NATIONAL]), Record.deleted.is_(False)
        )
    )
    return WorkCalendar(date.fromisoformat(str(data["day"])) for data in rows)


def zone_of(session: Session, unit_id: str) -> tzinfo:
    unit = session.get(Record, ("units", unit_id))
    name = unit.data.get("time_zone") if unit is not None else None
    if isinstance(name, str) and name in OfficeZone._value2member_map_:
        return OfficeZone(name).tzinfo()
    return DEFAULT_ZONE.tzinfo()


def day_of(value: object, zone: tzinfo) -> date | None:
    """The day a stored moment (ISO text or a datetime) falls on in `zone`."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(zone).date() if isinstance(value, datetime) else None
