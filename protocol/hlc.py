"""Hybrid logical clock (Kulkarni et al.): stamps that order changes across devices.

A stamp is (wall milliseconds, counter, node). `now()` never goes backwards even when the
machine's clock does; `observe()` folds in a stamp received from elsewhere. Encoded stamps sort
as text in the same order as the stamps, ties broken by the node (the device id).
Services stamp every change with it; sync compares stamps field by field (last writer wins).

Field laptops' clocks are often wrong (WIB set with the WIT zone is 2 hours off, a dead CMOS
battery is years off). The clock never refuses a stamp: the server bounds what it accepts by
re-stamping what lies too far ahead of its own clock, and the device corrects its physical
reading by the offset to the server it measures at each sync (`set_offset`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# A stamp further ahead of the server's clock than this is re-stamped by the server.
MAX_AHEAD_MS = 60 * 1000
# The counter has six digits in an encoded stamp; past them the wall moves on by a millisecond,
# so encoded stamps keep sorting as the stamps do (a clock stuck far ahead counts up for long).
MAX_COUNTER = 999_999
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class MalformedStamp(ValueError):
    """Text that is not an encoded stamp (each side words it for its own reader)."""


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:06d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        try:
            wall, counter, node = text.split("-", 2)
            return cls(int(wall), int(counter), node)
        except ValueError as exc:
            raise MalformedStamp(f"malformed clock stamp {text!r}") from exc


class HybridClock:
    """`physical_ns` is the machine's clock (injected in tests: a laptop whose clock is wrong);
    `offset_ms` what must be added to it to read the server's time."""

    def __init__(self, node: str, physical_ns: Callable[[], int] = time.time_ns, offset_ms: int = 0) -> None:
        self.node = node
        self._physical = physical_ns
        self._offset_ms = offset_ms
        self._wall = 0
        self._counter = 0
        self._lock = threading.Lock()

    @property
    def last(self) -> Stamp:
        return Stamp(self._wall, self._counter, self.node)

    @property
    def offset_ms(self) -> int:
        return self._offset_ms

    def set_offset(self, offset_ms: int) -> None:
        """From now on the physical reading is corrected by `offset_ms` (measured against the
        server). Stamps already made stay as they are; the clock still never goes back."""
        self._offset_ms = offset_ms

    def raw_ms(self) -> int:
        """The machine's own clock, uncorrected (what an offset is measured from)."""
        return self._physical() // 1_000_000

    def reading_ms(self) -> int:
        """The machine's clock corrected by the offset to the server."""
        return self.raw_ms() + self._offset_ms

    def wall(self) -> datetime:
        """The corrected time as a UTC datetime (microseconds): what records say "when"."""
        micros = self._physical() // 1000 + self._offset_ms * 1000
        return _EPOCH + timedelta(microseconds=micros)

    def now(self) -> Stamp:
        """A stamp later than every stamp this clock has made or observed."""
        with self._lock:
            physical = self.reading_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._counter += 1
            self._carry()
            return Stamp(self._wall, self._counter, self.node)

    def observe(self, remote: Stamp) -> Stamp:
        """Fold in a stamp received from elsewhere; returns the new local stamp. Never refused:
        what reaches a device was accepted by the server, which bounds stamps by its clock."""
        with self._lock:
            physical = self.reading_ms()
            wall = max(self._wall, remote.wall_ms, physical)
            if wall == self._wall == remote.wall_ms:
                counter = max(self._counter, remote.counter) + 1
            elif wall == self._wall:
                counter = self._counter + 1
            elif wall == remote.wall_ms:
                counter = remote.counter + 1
            else:
                counter = 0
            self._wall, self._counter = wall, counter
            self._carry()
            return Stamp(self._wall, self._counter, self.node)

    def advance_to(self, stamp: Stamp) -> None:
        """Restore state after a restart so stamps never repeat."""
        with self._lock:
            if (stamp.wall_ms, stamp.counter) > (self._wall, self._counter):
                self._wall, self._counter = stamp.wall_ms, stamp.counter
                self._carry()

    def fall_back(self, floor: Stamp, seen: Stamp) -> bool:
        """After the server re-stamped every stamp this clock made while the machine's clock ran
        ahead, drop back to `floor` (the newest stamp the device still holds), unless a stamp was
        made since `seen` was read. Returns whether it did."""
        with self._lock:
            if (self._wall, self._counter) != (seen.wall_ms, seen.counter):
                return False
            if (floor.wall_ms, floor.counter) >= (self._wall, self._counter):
                return False
            self._wall, self._counter = floor.wall_ms, floor.counter
            return True

    def _carry(self) -> None:
        if self._counter > MAX_COUNTER:
            self._wall, self._counter = self._wall + 1, 0
