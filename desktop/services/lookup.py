"""Loading a record a user named, or saying clearly that it is not there."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desktop.core.errors import NotFoundError
from desktop.core.i18n import tr
from desktop.models import Synced

S = TypeVar("S", bound=Synced)


def load(session: Session, model: type[S], record_id: str | None, what: str) -> S:
    """The live (not deleted) row with that id; `what` names it for the message ("Forum")."""
    row = session.get(model, record_id) if record_id else None
    if row is None or row.deleted:
        raise NotFoundError(
            tr("{what} {id} does not exist (or was deleted).", what=tr(what), id=record_id or "?")
        )
    return row


def load_fields(session: Session, model: type[S], record_id: str | None, what: str, *names: str) -> Row[Any]:
    """Only some columns of a live row (cheaper than the whole entity on hot paths)."""
    columns = [getattr(model, name) for name in names]
    row = (
        session.execute(select(*columns).where(model.id == record_id, model.deleted.is_(False))).first()
        if record_id
        else None
    )
    if row is None:
        raise NotFoundError(
            tr("{what} {id} does not exist (or was deleted).", what=tr(what), id=record_id or "?")
        )
    return row
