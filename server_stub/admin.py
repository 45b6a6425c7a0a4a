"""What the administrator does: units, enrollment codes, devices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.ids import new_id
from desktop.models import Unit
from server_stub.models import Counter, Device, Record, ServerUnit
from server_stub.stamps import server_stamp
from server_stub.store import SEQ


class AdminError(Exception):
    pass


def next_seq(session: Session) -> int:
    counter = session.execute(select(Counter).where(Counter.name == SEQ).with_for_update()).scalar_one()
    counter.value += 1
    return counter.value


def add_unit(session: Session, code: str, name: str, parent_code: str | None = None) -> ServerUnit:
    code = code.strip().upper().replace(" ", "-")
    if not code or not name.strip():
        raise AdminError("a unit needs a code and a name")
    if session.scalars(select(ServerUnit).where(func.upper(ServerUnit.code) == code)).first():
        raise AdminError(f"unit code {code} is already used")
    parent = None
    if parent_code:
        parent = session.scalars(
            select(ServerUnit).where(ServerUnit.code == parent_code.strip().upper())
        ).first()
        if parent is None:
            raise AdminError(f"no parent unit with code {parent_code}")
    unit = ServerUnit(id=new_id(), code=code, name=name.strip(), parent_id=parent.id if parent else None)
    session.add(unit)
    now = datetime.now(UTC).isoformat()
    data: dict[str, Any] = Unit.field_defaults()
    data.update(code=code, name=unit.name, parent_id=unit.parent_id, created_at=now, updated_at=now)
    seq = next_seq(session)  # first: the counter's lock also guards the server's clock
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


def devices(session: Session) -> list[DeviceLine]:
    codes = {u.id: u.code for u in session.scalars(select(ServerUnit))}
    return [
        DeviceLine(
            d.id, codes.get(d.unit_id, "?"), d.name, d.enrolled_at, d.last_seen_at, d.revoked_at is not None
        )
        for d in session.scalars(select(Device).order_by(Device.enrolled_at))
    ]


def revoke(session: Session, device_id: str) -> None:
    device = session.get(Device, device_id)
    if device is None:
        raise AdminError(f"no device {device_id}")
    device.revoked_at = device.revoked_at or datetime.now(UTC)
