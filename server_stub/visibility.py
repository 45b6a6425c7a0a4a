"""What a device may see (DESIGN.md sync step 8), in one place: its own unit's records, the
unit tree, the national closed days (the administrator's, for every unit), escalations
addressed to its unit and the history of those escalations (so every laptop of a parent office
holds what any of them answered), and the frozen minutes of the forums whose recommendations
were escalated to it (server_stub.minutes). Answers to its own escalations are
registers of its own records. The same rule as a query (pulls) and as a test of one record
(references an operation makes, refusals that hand a record back)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from sqlalchemy import BindParameter, ColumnElement

from protocol.entities import NATIONAL
from server_stub.models import Record

# Records that a unit besides their owner sees: the one `to_unit_id` names (an escalation's
# addressee; the office above, for the frozen minutes of a forum with an escalated
# recommendation: server_stub.minutes; the files attached to an escalated recommendation:
# server_stub.file_access).
ADDRESSED = ("escalations", "audit_events", "frozen_minutes", "attachments")
# Records every unit sees: the unit tree, and what the administrator made for all (NATIONAL).
EVERYONE = "units"


class Visible(Protocol):
    entity: str
    unit_id: str
    to_unit_id: str | None


def ways_visible(unit_id: str | BindParameter[str]) -> tuple[ColumnElement[bool], ...]:
    """Each way a record is visible to the unit, as a condition an index answers in sequence
    order ((unit_id, seq), (entity, seq), (to_unit_id, seq)): a pull reads each range in turn."""
    return (
        Record.unit_id == unit_id,
        Record.unit_id == NATIONAL,
        Record.entity == EVERYONE,
        (Record.to_unit_id == unit_id) & Record.entity.in_(ADDRESSED),
    )


def may_see(unit_id: str, record: Visible) -> bool:
    return (
        record.unit_id in (unit_id, NATIONAL)
        or record.entity == EVERYONE
        or (record.entity in ADDRESSED and record.to_unit_id == unit_id)
    )


def addressed_to(unit_id: str, record: Visible) -> bool:
    return record.entity == "escalations" and record.to_unit_id == unit_id


def addressee(entity: str, data: Mapping[str, Any], escalation_of: Callable[[str], Visible | None]) -> str | None:
    """The unit besides the owner that sees a new record: an escalation's addressee, and for a
    history entry about an escalation, that escalation's addressee."""
    if entity == "escalations":
        return str(data["to_unit_id"])
    if entity == "audit_events" and data.get("entity") == "escalations":
        about = escalation_of(str(data.get("entity_id")))
        return about.to_unit_id if about is not None else None
    return None
