"""Who may sign in to the oversight: a kepala or an admin of a unit that has units below it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.models import Record, ServerUnit
from server_stub.web.sessions import Who


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


def check_user(session: Session, unit_code: str, name: str, password: str) -> Who | None:
    return None  # the users of roles17a (next commit)


def still_allowed(session: Session, who: Who) -> bool:
    return False
