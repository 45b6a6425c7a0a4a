"""The forum's agenda: ordered items, reordering, the item being discussed now."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.models import AgendaItem
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.forums import open_forum
from desktop.services.journal import Journal
from desktop.services.lookup import load

RULES: dict[str, f.Validator] = {
    "title": f.text(N_("Agenda item")),
    "presenter": f.text(N_("Presenter"), required=False, max_len=120),
    "planned_minutes": f.integer(N_("Planned minutes"), 0, 24 * 60),
    "notes": f.text(N_("Notes"), required=False, max_len=50_000),
}


def items_of(session: Session, forum_id: str) -> list[AgendaItem]:
    return list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.forum_id == forum_id, AgendaItem.deleted.is_(False))
            .order_by(AgendaItem.position, AgendaItem.created_at)
        )
    )


def add_item(session: Session, ctx: Context, forum_id: str, **values: Any) -> str:
    forum = open_forum(session, forum_id)
    data = f.require(RULES, values, "title")
    position = len(items_of(session, forum.id))
    item = AgendaItem(forum_id=forum.id, unit_id=forum.unit_id, position=position, **data)
    Journal(session, ctx).create(item)
    return item.id


def _item(session: Session, item_id: str) -> AgendaItem:
    """An agenda item of a forum that may still change."""
    item = load(session, AgendaItem, item_id, N_("Agenda item"))
    open_forum(session, item.forum_id)
    return item


def update_item(session: Session, ctx: Context, item_id: str, **changes: Any) -> None:
    item = _item(session, item_id)
    Journal(session, ctx).update(item, **f.clean(RULES, changes))


def move_item(session: Session, ctx: Context, item_id: str, new_index: int) -> None:
    """Put the item at `new_index` (0-based) and renumber the others; only moved rows change."""
    item = _item(session, item_id)
    items = [i for i in items_of(session, item.forum_id) if i.id != item.id]
    if not 0 <= new_index <= len(items):
        raise InputError(
            tr(
                "Position {position} is outside the agenda (1 to {count}).",
                position=new_index + 1,
                count=len(items) + 1,
            )
        )
    items.insert(new_index, item)
    journal = Journal(session, ctx)
    for position, each in enumerate(items):
        journal.update(each, "reorder", position=position)


def remove_item(session: Session, ctx: Context, item_id: str) -> None:
    item = _item(session, item_id)
    journal = Journal(session, ctx)
    journal.delete(item)
    for position, each in enumerate(i for i in items_of(session, item.forum_id) if i.id != item.id):
        journal.update(each, "reorder", position=position)


def start_item(session: Session, ctx: Context, item_id: str) -> None:
    """Make this the current item: it starts now, and the one running before it ends now."""
    item = _item(session, item_id)
    journal = Journal(session, ctx)
    now = ctx.now()
    for other in items_of(session, item.forum_id):
        if other.id != item.id and other.started_at is not None and other.ended_at is None:
            journal.update(other, "end_item", ended_at=now)
    journal.update(item, "start_item", started_at=now, ended_at=None)
