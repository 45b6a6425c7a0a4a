"""Who may sign in to the oversight: a kepala or an admin of a unit with units below it, with the
password of their user record (the `users` entity, synced from the unit's laptops: an argon2id
hash made on a laptop; the password never reached the server). A deactivated user, one who lost
the role, or one of a unit with nothing below it cannot sign in, and a session of theirs ends at
their next page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.roles import StaffRole
from protocol.users import USERS, normal_nip
from server_stub.models import Record, ServerUnit
from server_stub.web.accounts import check_password_or_waste
from server_stub.web.records import subtree, unit_by_code
from server_stub.web.sessions import Kind, Who

OVERSEERS = frozenset({StaffRole.KEPALA.value, StaffRole.ADMIN.value})


def published_units(session: Session) -> list[ServerUnit]:
    """The units with at least one published forum, by name (the public index)."""
    owners = {
        unit_id
        for unit_id, data in session.execute(
            select(Record.unit_id, Record.data).where(Record.entity == "forums", Record.deleted.is_(False))
        )
        if data.get("published") is True
    }
    if not owners:
        return []
    return list(session.scalars(select(ServerUnit).where(ServerUnit.id.in_(owners)).order_by(ServerUnit.name)))


def _may_oversee(data: dict[str, Any]) -> bool:
    return data.get("active") is True and bool(OVERSEERS & set(data.get("roles") or ()))


def check_user(session: Session, unit_code: str, name: str, password: str) -> Who | None:
    """The user these credentials sign in to the oversight, or None (whatever the reason: the
    page says the same for a wrong name, a wrong password and a role that may not)."""
    unit = unit_by_code(session, unit_code) if unit_code.strip() else None
    candidates: list[Record] = []
    if unit is not None:
        people = session.scalars(
            select(Record).where(Record.entity == USERS, Record.unit_id == unit.id, Record.deleted.is_(False))
        ).all()
        wanted = name.strip()
        by_nip = [r for r in people if r.data.get("nip") == normal_nip(wanted)]
        by_name = [r for r in people if str(r.data.get("name", "")).casefold() == wanted.casefold()]
        candidates = by_nip or (by_name if len(by_name) == 1 else [])  # two of one name: the NIP decides
    record = candidates[0] if candidates else None
    stored = str(record.data.get("password_hash") or "") if record is not None else ""
    if not check_password_or_waste(password, stored) or record is None or unit is None:
        return None
    if not _may_oversee(record.data) or not subtree(session, unit.id):
        return None
    return Who(Kind.USER, record.id, unit.id, str(record.data.get("name", "")))


def still_allowed(session: Session, who: Who) -> bool:
    record = session.get(Record, (USERS, who.subject_id))
    return record is not None and not record.deleted and record.unit_id == who.unit_id and _may_oversee(record.data)
