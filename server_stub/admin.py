"""What the administrator does: units, enrollment codes, devices, national closed days."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.workdays import national_holidays
from protocol.entities import DELETED, ENTITIES, NATIONAL, UNITS
from protocol.ids import new_id
from protocol.refusals import Refused
from protocol.validate import check_create
from server_stub import sequence
from server_stub.models import Device, Record, ServerUnit
from server_stub.stamps import server_stamp


class AdminError(Exception):
    pass


def next_seq(session: Session) -> int:
    return sequence.hand_out(session, 1)[0]


def unit_code(text: str) -> str:
    """A unit code as the server keeps it: upper case, a run of spaces as one "-"."""
    return "-".join(text.split()).upper()


def add_unit(session: Session, code: str, name: str, parent_code: str | None = None) -> ServerUnit:
    code = unit_code(code)
    if not code or not name.strip():
        raise AdminError("a unit needs a code and a name")
    if session.scalars(select(ServerUnit).where(func.upper(ServerUnit.code) == code)).first():
        raise AdminError(f"unit code {code} is already used")
    parent = None
    if parent_code:
        parent = session.scalars(
            select(ServerUnit).where(ServerUnit.code == unit_code(parent_code))
        ).first()
        if parent is None:
            raise AdminError(f"no parent unit with code {parent_code}")
    unit = ServerUnit(id=new_id(), code=code, name=name.strip(), parent_id=parent.id if parent else None)
    session.add(unit)
    now = datetime.now(UTC).isoformat()
    data: dict[str, Any] = UNITS.defaults()
    data.update(code=code, name=unit.name, parent_id=unit.parent_id, created_at=now, updated_at=now)
    seq = next_seq(session)
    session.add(
        Record(
            entity="units",
            id=unit.id,
            unit_id=unit.id,
            seq=seq,
            deleted=False,
            data=data,
            clocks={"*": server_stamp(session)},
            conflicts=[],
        )
    )
    return unit


@dataclass(frozen=True)
class DeviceLine:
    id: str
    unit_code: str
    name: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked: bool


def shown(text: str) -> str:
    """Text a device sent, fit for the administrator's terminal: every control character (C0,
    DEL, C1: escapes that move the cursor, clear the screen or retitle the window) becomes
    U+FFFD."""
    return "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in text)


def devices(session: Session) -> list[DeviceLine]:
    """The enrolled devices, their names printable (an older server stored them unchecked)."""
    codes = {u.id: u.code for u in session.scalars(select(ServerUnit))}
    return [
        DeviceLine(
            d.id,
            codes.get(d.unit_id, "?"),
            shown(d.name),
            d.enrolled_at,
            d.last_seen_at,
            d.revoked_at is not None,
        )
        for d in session.scalars(select(Device).order_by(Device.enrolled_at))
    ]


def revoke(session: Session, device_id: str) -> datetime | None:
    """Revoke the device; when it was revoked already, nothing changes and that time is returned."""
    device = session.get(Device, device_id)
    if device is None:
        raise AdminError(f"no device {device_id}")
    if device.revoked_at is not None:
        return device.revoked_at
    device.revoked_at = datetime.now(UTC)
    return None


# -- national closed days ------------------------------------------------------------------------
# Cuti bersama decreed after the `holidays` package's data (a late decree): entered once here,
# they reach every unit's laptops at their next sync; no laptop may change them.


@dataclass(frozen=True)
class ClosedDayLine:
    id: str
    day: date
    name: str


def _national_days(session: Session) -> list[Record]:
    return list(
        session.scalars(
            select(Record).where(
                Record.entity == "closed_days", Record.unit_id == NATIONAL, Record.deleted.is_(False)
            )
        )
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AdminError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-31") from None


def closed_days(session: Session) -> list[ClosedDayLine]:
    found = [
        ClosedDayLine(r.id, date.fromisoformat(r.data["day"]), r.data["name"])
        for r in _national_days(session)
    ]
    return sorted(found, key=lambda line: (line.day, line.name))


def add_closed_day(session: Session, day_text: str, name: str) -> str:
    """A national closed day for every unit (checked as the protocol checks any record)."""
    day = _day(day_text)
    if day.weekday() >= 5:
        raise AdminError(f"{day.isoformat()} is a {day.strftime('%A')}: not a working day anyway")
    holiday = national_holidays().get(day)
    if holiday:
        raise AdminError(
            f"{day.isoformat()} is already a holiday or cuti bersama in the holidays package ({holiday})"
        )
    clash = next((line for line in closed_days(session) if line.day == day), None)
    if clash is not None:
        raise AdminError(f"{day.isoformat()} is already a national closed day ({clash.name}, {clash.id})")
    now = datetime.now(UTC).isoformat()
    fields = {
        "day": day.isoformat(),
        "name": " ".join(name.split()),
        "unit_id": NATIONAL,
        "created_at": now,
        "at": now,
    }
    try:
        check_create(ENTITIES["closed_days"], fields)
    except Refused as exc:
        raise AdminError(f"closed day: {exc.error}") from None
    record_id = new_id()
    seq = next_seq(session)
    session.add(
        Record(
            entity="closed_days",
            id=record_id,
            unit_id=NATIONAL,
            seq=seq,
            deleted=False,
            data={"day": fields["day"], "name": fields["name"], "created_at": now, "updated_at": now},
            clocks={"*": server_stamp(session)},
            conflicts=[],
        )
    )
    return record_id


def remove_closed_day(session: Session, day_text: str) -> ClosedDayLine:
    """Withdraw a national closed day (a tombstone every laptop pulls)."""
    day = _day(day_text)
    record = next((r for r in _national_days(session) if r.data.get("day") == day.isoformat()), None)
    if record is None:
        raise AdminError(f"{day.isoformat()} is not a national closed day (see: closed-day list)")
    record.seq = next_seq(session)
    record.deleted = True
    record.clocks = {**(record.clocks or {}), DELETED: server_stamp(session)}
    record.data = {**record.data, "updated_at": datetime.now(UTC).isoformat()}
    record.origin = None
    return ClosedDayLine(record.id, day, str(record.data["name"]))
