"""Hybrid logical clock (Kulkarni et al.): stamps that order changes across devices.

A stamp is (wall milliseconds, counter, node). `now()` never goes backwards even when the
machine's clock does; `observe()` folds in a stamp received from elsewhere. Encoded stamps sort
as text in the same order as the stamps, ties broken by the node (the device id).
Services stamp every change with it; sync compares stamps field by field (last writer wins).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop.errors import InputError

# A stamp further ahead of our clock than this is refused: its device's clock is wrong.
MAX_SKEW_MS = 5 * 60 * 1000


def _physical_ms() -> int:
    return time.time_ns() // 1_000_000


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
            raise InputError(f"malformed clock stamp {text!r}") from exc


class ClockSkewError(InputError):
    """A remote stamp lies too far in the future: the other device's clock is wrong."""


class HybridClock:
    def __init__(
        self,
        node: str,
        physical_ms: Callable[[], int] = _physical_ms,
        max_skew_ms: int = MAX_SKEW_MS,
    ) -> None:
        self.node = node
        self._physical = physical_ms
        self._max_skew = max_skew_ms
        self._wall = 0
        self._counter = 0
        self._lock = threading.Lock()

    @property
    def last(self) -> Stamp:
        return Stamp(self._wall, self._counter, self.node)

    def now(self) -> Stamp:
        """A stamp later than every stamp this clock has made or observed."""
        with self._lock:
            physical = self._physical()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._counter += 1
            return Stamp(self._wall, self._counter, self.node)

    def observe(self, remote: Stamp) -> Stamp:
        """Fold in a stamp received from another device; returns the new local stamp."""
        with self._lock:
            physical = self._physical()
            if remote.wall_ms > physical + self._max_skew:
                raise ClockSkewError(
                    f"a change is stamped {remote.wall_ms - physical} ms in the future; "
                    "the clock of the device that made it is wrong"
                )
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
            return Stamp(wall, counter, self.node)

    def advance_to(self, stamp: Stamp) -> None:
        """Restore state after a restart so stamps never repeat (no skew check: it is ours)."""
        with self._lock:
            if (stamp.wall_ms, stamp.counter) > (self._wall, self._counter):
                self._wall, self._counter = stamp.wall_ms, stamp.counter
