"""Reading the "changed elsewhere" markers that sync leaves where concurrent edits met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Conflict


@dataclass(frozen=True)
class ChangedElsewhere:
    register: str
    kept: dict[str, Any]  # the value every device now has
    lost: dict[str, Any]  # the value that lost (shown, so nobody's typing silently disappears)
    at: str


def conflicts_of(session: Session, entity: str, entity_id: str) -> list[ChangedElsewhere]:
    rows = session.scalars(
        select(Conflict)
        .where(Conflict.entity == entity, Conflict.entity_id == entity_id, Conflict.dismissed.is_(False))
        .order_by(Conflict.loser_hlc)
    )
    return [ChangedElsewhere(c.register, c.winner, c.loser, c.at) for c in rows]
