"""This laptop's office: the first-run set-up, naming its parent office before there is a server,
and the one-time move of the deadlines an older Mufakat kept in settings.json.

Offices are named, not coded, by the people who set them up: a unit made here gets a code from
its name (the server's codes replace it at enrollment).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.models import SYNCED_MODELS, AuditEvent, DeviceState, Escalation, Unit
from desktop.services import units
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load

CODE_LENGTH = 40


def code_for(session: Session, name: str) -> str:
    """A free unit code made from a name: "Kanwil DJPb Papua Barat" → "KANWIL-DJPB-PAPUA-BARAT"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Z0-9]+", "-", ascii_name.upper()).strip("-")[:CODE_LENGTH].strip("-") or "KANTOR"
    code, number = base, 1
    while units.unit_by_code(session, code) is not None:
        number += 1
        suffix = f"-{number}"
        code = base[: CODE_LENGTH - len(suffix)] + suffix
    return code


def unit_named(session: Session, name: str) -> Unit | None:
    """The live unit with this name (letter case and spacing aside), if there is one."""
    folded = " ".join(name.split()).casefold()
    for unit in session.scalars(select(Unit).where(Unit.deleted.is_(False), func.length(Unit.name) > 0)):
        if " ".join(unit.name.split()).casefold() == folded:
            return unit
    return None


def office_named(session: Session, ctx: Context, name: str) -> str:
    """The id of the office called `name`: an existing unit, or a new one made for it."""
    cleaned = units.RULES["name"](name)
    found = unit_named(session, cleaned)
    if found is not None:
        return found.id
    return units.create_unit(session, ctx, code=code_for(session, cleaned), name=cleaned)


def set_up_office(session: Session, ctx: Context, *, name: str, parent: str = "", **fields: Any) -> str:
    """First run: this laptop's office (with its office-level settings) and, if named, the
    office above it that policy recommendations are escalated to. One action: all or nothing."""
    cleaned = units.RULES["name"](name)
    parent_id = office_named(session, ctx, parent) if str(parent).strip() else None
    unit_id = units.create_unit(
        session, ctx, code=code_for(session, cleaned), name=cleaned, parent_id=parent_id, **fields
    )
    units.set_home_unit(session, ctx, unit_id)
    return unit_id


def is_enrolled(session: Session) -> bool:
    state = session.get(DeviceState, 1)
    return bool(state is not None and state.server_url)


def needs_set_up(session: Session) -> bool:
    """A new laptop: no office of its own, none recorded at all, not on a server. The first run
    asks for its office (a laptop that enrolls instead gets it from the server; one that holds
    offices already chooses its own in Settings)."""
    state = session.get(DeviceState, 1)
    if state is None or state.server_url or units.home_unit(session, state.home_unit_id) is not None:
        return False
    return session.scalar(select(Unit.id).where(Unit.deleted.is_(False)).limit(1)) is None


def set_parent_office(session: Session, ctx: Context, unit_id: str, parent: str) -> str | None:
    """Name the office above `unit_id` (empty: none). Before enrollment only: on a server, the
    administrator keeps the hierarchy."""
    unit = load(session, Unit, unit_id, N_("Unit"))
    if is_enrolled(session):
        raise InputError(
            tr(
                "This laptop is on a server: the parent office of {unit} is set there by the "
                "server's administrator.",
                unit=unit.name,
            ),
            field="parent_id",
        )
    before = unit.parent_id
    parent_id = office_named(session, ctx, parent) if str(parent).strip() else None
    units.update_unit(session, ctx, unit_id, parent_id=parent_id)
    if before and before != parent_id:
        _drop_if_unused(session, ctx, before)
    return parent_id


def _drop_if_unused(session: Session, ctx: Context, unit_id: str) -> None:
    """A parent office named here and then replaced by another name goes, if nothing refers
    to it (no records of its own, no office below it, no escalation addressed to it)."""
    unit = session.get(Unit, unit_id)
    if unit is None or unit.deleted or unit.id == ctx.home_unit_id:
        return
    referring = [
        select(Unit.id).where(Unit.parent_id == unit.id, Unit.deleted.is_(False)),
        select(Escalation.id).where(Escalation.to_unit_id == unit.id),
        *(
            select(model.id).where(model.unit_id == unit.id)
            for model in SYNCED_MODELS
            if model not in (Unit, AuditEvent)
        ),
    ]
    if any(session.scalar(query.limit(1)) is not None for query in referring):
        return
    Journal(session, ctx).delete(unit)


def adopt_deadlines(session: Session, ctx: Context, deadlines: dict[str, int]) -> bool:
    """Move the deadlines an older Mufakat kept in this laptop's settings.json into the home
    unit: a value the user had changed, where the office has not set its own. Returns False
    while there is no home unit to move them into."""
    unit = units.home_unit(session, ctx.home_unit_id)
    if unit is None:
        return False
    defaults = Unit.field_defaults()
    changes = {
        name: value
        for name, value in deadlines.items()
        if name in defaults and value != defaults[name] and getattr(unit, name) == defaults[name]
    }
    if changes:
        units.update_unit(session, ctx, unit.id, **changes)
    return True
