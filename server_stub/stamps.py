"""The server's hybrid clock: it bounds the stamps it accepts by its own time (DESIGN.md sync
step 6). A stamp more than a minute ahead of the server's clock is re-stamped, never refused or
dropped: the new stamp is later than every stamp the server accepted, keeps the device's node,
and goes back in the push result for the device to adopt. The clock lives in the database (the
`hlc` counter row, and a row per unit, `hlc:<unit id>`, for that unit's pushes), so every worker
process and every restart continues it.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from protocol.hlc import MAX_AHEAD_MS, HybridClock, MalformedStamp, Stamp
from server_stub.models import Counter
from server_stub.store import HLC

_COUNTER_SPAN = 1_000_000  # the row holds wall ms * 1,000,000 + counter


class Clocked(Protocol):
    clocks: dict[str, Any]


@dataclass
class Stamps:
    """The server's hybrid clock for one push: stamps it accepts are observed, stamps too far
    ahead are re-stamped (one new stamp per old one, so an operation and its audit event keep
    sharing theirs)."""

    clock: HybridClock
    horizon_ms: int
    new: dict[str, str] = field(default_factory=dict)
    loaded: int | None = 0  # the clock's row as loaded (None: it had none)
    name: str = HLC  # the clock's row: the server's, or a unit's

    def accept(self, stamp: str) -> str:
        """The stamp the operation is applied with: its own, or a new one if it is too far ahead."""
        if stamp in self.new:
            return self.new[stamp]
        decoded = Stamp.decode(stamp)
        if decoded.wall_ms > self.horizon_ms:
            return self.restamp(stamp)
        self.clock.observe(decoded)
        return stamp

    def restamp(self, stamp: str) -> str:
        """A new stamp, later than every stamp the server has accepted, for the same device."""
        if stamp not in self.new:
            fresh = self.clock.now()
            node = Stamp.decode(stamp).node
            self.new[stamp] = Stamp(fresh.wall_ms, fresh.counter, node).encode()
        return self.new[stamp]

    def mapped(self, stamp: object) -> object:
        return self.new.get(stamp, stamp) if isinstance(stamp, str) else stamp

    @classmethod
    def load(
        cls, session: Session, moment: datetime, unit_id: str | None = None, records: Iterable[Clocked] = ()
    ) -> Stamps:
        """The server's clock as the last push left it; stamps beyond `moment` + a minute are
        re-stamped. A push of a unit continues its unit's clock (pushes of one unit run one at a
        time; of different units side by side), past the server's own and every stamp of the
        records it changes (locked: a push of another unit that changed one has committed), so
        a re-stamp wins over every stamp it competes with."""
        name = HLC if unit_id is None else f"{HLC}:{unit_id}"
        rows = session.execute(select(Counter.name, Counter.value).where(Counter.name.in_({HLC, name})))
        held = {row_name: value for row_name, value in rows}
        value = max(held.values(), default=0)
        clock = HybridClock("server")
        clock.advance_to(Stamp(value // _COUNTER_SPAN, value % _COUNTER_SPAN, "server"))
        newest = max((s for r in records for s in (r.clocks or {}).values() if isinstance(s, str)), default="")
        with suppress(MalformedStamp):
            clock.advance_to(Stamp.decode(newest))
        return cls(clock, int(moment.timestamp() * 1000) + MAX_AHEAD_MS, loaded=held.get(name), name=name)

    def save(self, session: Session) -> None:
        last = self.clock.last
        value = last.wall_ms * _COUNTER_SPAN + last.counter
        if self.loaded is None:
            session.add(Counter(name=self.name, value=value))
        elif value != self.loaded:
            session.execute(update(Counter).where(Counter.name == self.name).values(value=value))


def server_stamp(session: Session) -> str:
    """A stamp of the server's own clock for a change the administrator makes (a unit): later
    than every stamp the server has given, from any process (its row stays locked until the
    change commits)."""
    session.execute(select(Counter.value).where(Counter.name == HLC).with_for_update())
    stamps = Stamps.load(session, datetime.now(UTC))
    stamp = stamps.clock.now().encode()
    stamps.save(session)
    return stamp
