"""One page of a device's pull (DESIGN.md sync steps 6 and 8): the records it may see that
changed after its checkpoint, in sequence order, as the JSON the wire format names.

Records' data, clocks and conflicts are stored as JSON text; the page splices that text in as
it is instead of decoding it and encoding it again (that was a third of a pull's server time).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    CompoundSelect,
    Integer,
    Select,
    String,
    Text,
    bindparam,
    cast,
    select,
    union,
)
from sqlalchemy.orm import Session

from protocol.refusals import Refusal
from protocol.users import SECRET_FIELDS, without_secrets
from server_stub import sequence, visibility
from server_stub.authorize import Caller
from server_stub.errors import ApiError
from server_stub.models import Record
from server_stub.store import current_epoch

COLUMNS = (
    Record.entity,
    Record.id,
    Record.unit_id,
    # CAST, not only a type coercion: PostgreSQL's driver decodes JSON columns itself.
    cast(Record.data, Text),
    cast(Record.clocks, Text),
    cast(Record.conflicts, Text),
    Record.deleted,
    Record.seq,
)


def _record(
    entity: str,
    record_id: str,
    unit_id: str,
    data: str,
    clocks: str,
    conflicts: str | None,
    deleted: bool,
    seq: int,
) -> str:
    return (
        f'{{"entity":{json.dumps(entity)},"id":{json.dumps(record_id)},"unit_id":{json.dumps(unit_id)},'
        f'"data":{data},"clocks":{clocks},"conflicts":{conflicts or "[]"},'
        f'"deleted":{"true" if deleted else "false"},"seq":{int(seq)}}}'
    )


def _kept(row: Any, unit_id: str) -> tuple[Any, ...]:
    """A pulled row without the fields only its own unit's laptops may hold (a user's password
    hash: protocol.users), should a record of another unit ever be visible to this one."""
    values = tuple(row)
    entity, _id, owner, data = values[:4]
    if entity not in SECRET_FIELDS or owner == unit_id:
        return values
    kept = without_secrets(entity, json.loads(data))
    return (*values[:3], json.dumps(kept), *values[4:])


def pull_page(
    session: Session, caller: Caller, since: int, limit: int, own: bool = False, server_ms: int = 0
) -> bytes:
    """The page as JSON bytes: {"epoch", "records", "next", "more", "server_ms"}. `own`: the
    device's own records too (it was restored from a copy and lacks its later ones)."""
    # First, before the records are read: what may be served (server_stub.sequence).
    handed, safe = sequence.served(session)
    if since > handed:
        # The device has seen changes this database does not hold: the database was restored
        # from a backup, or the device (or someone posing as it) is wrong. That device alone
        # hears of it and re-sends what it holds; nobody else's sync changes (a new epoch for
        # everyone is the administrator's `mufakat-server restored`).
        raise ApiError(
            409,
            Refusal.CHECKPOINT_AHEAD,
            f"the device has seen change {since}; this server holds changes up to {handed}",
            since=since,
            newest=int(handed),
        )
    epoch = current_epoch(session)
    params = {"unit": caller.unit_id, "device": caller.device_id, "since": since, "upto": safe, "count": limit + 1}
    rows = session.execute(_page(own), params).all()
    page, more = rows[:limit], len(rows) > limit
    # Without more to send, everything up to the last number that may be served was seen (the
    # rest is this device's own, skipped): the checkpoint moves past it.
    following = page[-1].seq if more else max(safe, since, *(row.seq for row in page[-1:]))
    records = ",".join(_record(*_kept(row, caller.unit_id)) for row in page)
    return (
        f'{{"epoch":{json.dumps(epoch)},"records":[{records}],'
        f'"next":{int(following)},"more":{"true" if more else "false"},"server_ms":{int(server_ms)}}}'
    ).encode()


@cache
def _page(own: bool) -> Select[str, str, str, str, str, str, bool, int]:
    """The page's statement, built once (its parameters: unit, device, since, upto, count)."""
    keys = _page_keys(own).subquery()
    return (
        select(*COLUMNS)
        .join(keys, (Record.entity == keys.c.entity) & (Record.id == keys.c.id))
        .order_by(Record.seq)
        .limit(bindparam("count", type_=Integer, literal_execute=True))
    )


def _page_keys(own: bool) -> CompoundSelect[str, str, int]:
    """The first `count` records the device may see after `since`, by sequence number: one
    index range per way a record becomes visible (`server_stub.visibility`), each read in order
    and cut at `count`, so a page costs what it holds, not what the unit holds after `since`."""
    since, upto = bindparam("since", type_=BigInteger), bindparam("upto", type_=BigInteger)
    device = bindparam("device", type_=String)
    mine = None if own else (Record.origin.is_(None) | (Record.origin != device))
    parts = []
    for seen in visibility.ways_visible(bindparam("unit", type_=String)):
        part = select(Record.entity, Record.id, Record.seq).where(Record.seq > since, Record.seq <= upto, seen)
        if mine is not None:
            part = part.where(mine)
        # Each part as a subquery of its own: SQLite takes no ORDER BY or LIMIT in a UNION's part.
        ranged = part.order_by(Record.seq).limit(bindparam("count", type_=Integer, literal_execute=True)).subquery()
        parts.append(select(ranged.c.entity, ranged.c.id, ranged.c.seq))
    return union(*parts)
