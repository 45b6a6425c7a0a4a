"""Applying a page of pulled records: the server's state of each record replaces ours.

Runs with the journal guard off (these changes come from elsewhere and are not ours to push)
and with foreign keys unchecked: a page may hold a record before the parent it points to,
which a later page brings. The checkpoint advances in the same transaction as the page.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from desktop.hlc import HybridClock, Stamp
from desktop.models import MODEL_BY_TABLE, DeviceState
from desktop.sync.protocol import row_values


def apply_page(session: Session, clock: HybridClock, page: dict[str, Any]) -> int:
    newest = ""
    for record in page["records"]:
        model = MODEL_BY_TABLE.get(record["entity"])
        if model is None:  # an entity this version does not know: a newer server
            continue
        data = dict(record["data"])
        values = row_values(model, data)
        for meta in ("created_at", "updated_at"):
            if data.get(meta):
                values[meta] = datetime.fromisoformat(str(data[meta]))
        values.update(unit_id=record["unit_id"], deleted=bool(record["deleted"]), clocks=record["clocks"])
        row = session.get(model, record["id"])
        if row is None:
            session.add(model(id=record["id"], **values))
        else:
            for name, value in values.items():
                setattr(row, name, value)
        newest = max([newest, *(str(v) for v in record["clocks"].values())])
    if newest:
        clock.observe(Stamp.decode(newest))
    state = session.get(DeviceState, 1)
    if state is not None:
        state.checkpoint = int(page["next"])
        state.last_hlc = max(state.last_hlc, clock.last.encode())
    return len(page["records"])
