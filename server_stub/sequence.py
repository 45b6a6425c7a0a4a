"""Change sequence numbers (DESIGN.md sync step 4): handed out once each, and never served
while a smaller one may still commit. docs/sync-sequence.md says why it is built this way.

SQLite takes one writer at a time (BEGIN IMMEDIATE): the numbers come from the `seq` counter
row, read and written inside the writing transaction, so they commit in order.

PostgreSQL runs pushes of different units side by side: the numbers come from a sequence
(`record_seq`, never waits), and a transaction about to take numbers first takes one number
for itself, `low`, and holds an advisory lock named by it until it ends; its records' numbers
all come after `low`. A pull serves only numbers below every such lock held, and none above
the last number handed out when it looked (read before the locks, both before the records):
every number a pull may serve has committed or will never be used (a transaction that
failed). Pushes of one unit still run one at a time (`serialize_unit`): a laptop that sends a
push again while the first is still applied then finds it applied.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from server_stub.models import Counter
from server_stub.store import SEQ

SEQUENCE = "record_seq"
# Advisory lock keys (bigint form): the tag in the top 16 bits, a transaction's `low` below.
IN_FLIGHT_TAG = 0x4D53  # "MS"
LOW_BITS = 48
UNIT_LOCK_CLASS = 0x4D55  # "MU": (class, hashtext(unit id)), the two-int form
_LOW_TAKEN = "mufakat.seq_low"  # session.info: the transaction that holds its in-flight lock


def on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def serialize_unit(session: Session, unit_id: str) -> None:
    """Pushes of one unit apply one after the other (until this transaction ends). On SQLite
    every writer already waits for the one before."""
    if on_postgresql(session):
        session.execute(
            text("SELECT pg_advisory_xact_lock(:cls, hashtext(:unit))"), {"cls": UNIT_LOCK_CLASS, "unit": unit_id}
        )


def hand_out(session: Session, count: int) -> list[int]:
    """`count` new numbers, increasing, for records this transaction changed."""
    if count <= 0:
        return []
    if not on_postgresql(session):
        last = session.execute(select(Counter.value).where(Counter.name == SEQ)).scalar_one()
        session.execute(update(Counter).where(Counter.name == SEQ).values(value=last + count))
        return list(range(last + 1, last + count + 1))
    transaction = session.get_transaction()
    if session.info.get(_LOW_TAKEN) is not transaction:
        low = session.execute(text(f"SELECT nextval('{SEQUENCE}')")).scalar_one()
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": (IN_FLIGHT_TAG << LOW_BITS) | low})
        session.info[_LOW_TAKEN] = transaction
    numbers = session.scalars(text(f"SELECT nextval('{SEQUENCE}') FROM generate_series(1, :n)"), {"n": count})
    return sorted(numbers)


class Served(NamedTuple):
    handed: int  # the last number handed out (a device that has seen more is ahead of the server)
    safe: int  # every number up to this one has committed, or never will


def served(session: Session) -> Served:
    """What a pull may serve. On PostgreSQL, call it before reading the records (each statement
    of a READ COMMITTED transaction sees what committed before it began)."""
    if not on_postgresql(session):
        last = session.execute(select(Counter.value).where(Counter.name == SEQ)).scalar_one()
        return Served(last, last)
    handed = session.execute(
        text(f"SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {SEQUENCE}")
    ).scalar_one()
    lowest = session.execute(
        text(
            "SELECT min(((classid::bigint & 65535) << 32) | objid::bigint) FROM pg_locks "
            "WHERE locktype = 'advisory' AND objsubid = 1 AND (classid::bigint >> 16) = :tag "
            # pg_locks lists the locks of every database of the cluster: this one's only
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        ),
        {"tag": IN_FLIGHT_TAG},
    ).scalar_one()
    return Served(int(handed), int(handed) if lowest is None else min(int(handed), int(lowest) - 1))


def newest(session: Session) -> int:
    """The last number handed out."""
    return served(session).handed
