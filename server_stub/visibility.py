"""What a device may see (DESIGN.md sync step 8), in one place: its own unit's records, the
unit tree, and escalations addressed to its unit. Answers to its own escalations are registers
of its own records. The same rule as a query (pulls) and as a test of one record (references
an operation makes, refusals that hand a record back)."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import ColumnElement, or_

from server_stub.models import Record


class Visible(Protocol):
    entity: str
    unit_id: str
    to_unit_id: str | None


def visible_to(unit_id: str) -> ColumnElement[bool]:
    return or_(
        Record.unit_id == unit_id,
        Record.entity == "units",
        (Record.entity == "escalations") & (Record.to_unit_id == unit_id),
    )


def may_see(unit_id: str, record: Visible) -> bool:
    return (
        record.unit_id == unit_id
        or record.entity == "units"
        or (record.entity == "escalations" and record.to_unit_id == unit_id)
    )


def addressed_to(unit_id: str, record: Visible) -> bool:
    return record.entity == "escalations" and record.to_unit_id == unit_id
