"""Closing a record's "changed elsewhere" marker (a `resolve` operation): the conflict stays in
the record's list, marked `dismissed`, so every laptop that pulls the record stops showing it
(a laptop keeps every conflict it has seen and only ever closes one; an entry removed here
would leave the marker open on laptops that had it). A conflict the server no longer holds
(dropped from a long list, or lost with a restored database) is closed already: nothing to do.
"""

from __future__ import annotations

from protocol.schema import ResolveFields
from server_stub.registers import AnyRecord


def resolve(record: AnyRecord, closed: ResolveFields, stamp: str) -> list[AnyRecord]:
    """Mark the conflict `closed` names dismissed; returns the record if that changed it."""
    changed = False
    entries = []
    for entry in record.conflicts or []:
        if (
            not entry.get("dismissed")
            and entry.get("register") == closed.register
            and entry.get("loser_hlc") == closed.loser_hlc
        ):
            entry = {**entry, "dismissed": True, "resolution": closed.how.value, "resolved_hlc": stamp}
            changed = True
        entries.append(entry)
    if not changed:
        return []
    record.conflicts = entries
    return [record]
