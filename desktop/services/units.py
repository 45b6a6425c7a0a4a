"""Service units: the office hierarchy and each office's office-level settings (names,
letterhead, logo, time zone, deadlines), which the home unit lends to the services' context."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import IkmMethod, OfficeZone
from desktop.models import DeviceState, Unit
from desktop.models.org import ESCALATION_WORKING_DAYS, FOLLOW_UP_WORKING_DAYS
from desktop.rules import pekppp
from desktop.services import fields as f
from desktop.services.attendance import check_unsur_mapping
from desktop.services.closed_days import use_calendar
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.logo import check_logo
from desktop.services.lookup import load
from desktop.services.publishing import check_public_url
from desktop.services.templates import RULES as TEMPLATE_RULES
from protocol.ids import new_id

RULES: dict[str, f.Validator] = {
    "code": f.text(N_("Unit code"), max_len=40),
    "name": f.text(N_("Unit name")),
    "parent_id": lambda v: v or None,
    "letterhead": f.text(N_("Letterhead"), required=False, max_len=1000),
    "address": f.text(N_("Address"), required=False, max_len=500),
    "city": f.text(N_("City"), required=False, max_len=100),
    "phone": f.text(N_("Phone"), required=False, max_len=60),
    "email": f.email(N_("E-mail")),
    "website": f.text(N_("Website"), required=False, max_len=120),
    "head_title": f.text(N_("Title of the head"), required=False, max_len=120),
    "head_name": f.text(N_("Name of the head"), required=False, max_len=120),
    "head_nip": f.nip(N_("NIP of the head")),
    "full_name": f.text(N_("Full official name"), required=False, max_len=300),
    "logo": check_logo,
    "time_zone": f.choice(OfficeZone, N_("Time zone"), required=False),
    "escalation_working_days": f.integer(N_("Escalation answer due after (working days)"), 1, 250),
    "follow_up_working_days": f.integer(N_("Follow-up due after (working days)"), 1, 250),
    **TEMPLATE_RULES,
    "pekppp_indicators": pekppp.check,
    "unsur_mapping": check_unsur_mapping,
    "ikm_method": f.choice(IkmMethod, N_("IKM method")),
    "completion_needs_file": f.flag(N_("Completion needs an attached file")),
    "public_url": check_public_url,
}


def _normalize_code(code: str) -> str:
    return code.strip().upper().replace(" ", "-")


def _check_code_free(session: Session, code: str, own_id: str | None = None) -> None:
    clash = session.scalar(select(Unit).where(func.upper(Unit.code) == code, Unit.deleted.is_(False)))
    if clash is not None and clash.id != own_id:
        raise InputError(
            tr("Unit code {code} is already used by {name}.", code=code, name=clash.name), field="code"
        )


def _check_parent(session: Session, unit_id: str | None, parent_id: str | None) -> None:
    seen = {unit_id}
    current = parent_id
    while current:
        if current in seen:
            raise InputError(tr("A unit cannot be placed below itself."), field="parent_id")
        seen.add(current)
        current = load(session, Unit, current, N_("Parent unit")).parent_id


def create_unit(session: Session, ctx: Context, *, new_unit_id: str | None = None, **values: Any) -> str:
    """A new unit; `new_unit_id`: its id, when the caller needs it before (a sample unit)."""
    data = f.require(RULES, values, "code", "name")
    data["code"] = _normalize_code(data["code"])
    _check_code_free(session, data["code"])
    _check_parent(session, None, data.get("parent_id"))
    unit = Unit(**data)
    unit.id = unit.unit_id = new_unit_id or new_id()
    Journal(session, ctx).create(unit)
    return unit.id


def update_unit(session: Session, ctx: Context, unit_id: str, **changes: Any) -> None:
    unit = load(session, Unit, unit_id, N_("Unit"))
    data = f.clean(RULES, changes)
    if "code" in data:
        data["code"] = _normalize_code(data["code"])
        _check_code_free(session, data["code"], unit.id)
    if "parent_id" in data:
        _check_parent(session, unit.id, data["parent_id"])
    Journal(session, ctx).update(unit, **data)
    if unit.id == ctx.home_unit_id:
        use_office(ctx, unit)


def unit_by_code(session: Session, code: str) -> Unit | None:
    return session.scalar(
        select(Unit).where(func.upper(Unit.code) == _normalize_code(code), Unit.deleted.is_(False))
    )


def set_home_unit(session: Session, ctx: Context, unit_id: str) -> None:
    """The unit this device works for (a device setting, not synced)."""
    unit = load(session, Unit, unit_id, N_("Unit"))
    state = session.get(DeviceState, 1)
    if state is not None:
        state.home_unit_id = unit_id
    ctx.home_unit_id = unit_id
    use_office(ctx, unit)
    use_calendar(session, ctx)


def use_office(ctx: Context, unit: Unit | None) -> None:
    """The services follow the home unit's deadlines and time zone (the defaults without one)."""
    ctx.escalation_working_days = unit.escalation_working_days if unit else ESCALATION_WORKING_DAYS
    ctx.follow_up_working_days = unit.follow_up_working_days if unit else FOLLOW_UP_WORKING_DAYS
    ctx.zone = unit.time_zone.tzinfo() if unit is not None and unit.time_zone else None


def use_home_office(session: Session, ctx: Context) -> None:
    """Read the home unit's office-level settings into the context (at start, after a sync):
    its deadlines, time zone and working-day calendar (its closed days, the national ones)."""
    use_office(ctx, home_unit(session, ctx.home_unit_id))
    use_calendar(session, ctx)


def chain_upward(session: Session, unit_id: str) -> list[Unit]:
    """The unit and its parents, nearest first."""
    chain: list[Unit] = []
    current: str | None = unit_id
    while current:
        unit = load(session, Unit, current, N_("Unit"))
        chain.append(unit)
        current = unit.parent_id
    return chain


def all_units(session: Session) -> list[Unit]:
    """Every live unit, by name (for choosing one)."""
    return list(session.scalars(select(Unit).where(Unit.deleted.is_(False)).order_by(Unit.name, Unit.code)))


def home_unit(session: Session, unit_id: str | None) -> Unit | None:
    """The unit this device works for, if it is set and still there."""
    unit = session.get(Unit, unit_id) if unit_id else None
    return unit if unit is not None and not unit.deleted else None
