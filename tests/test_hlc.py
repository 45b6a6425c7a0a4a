from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.hlc import ClockSkewError, HybridClock, Stamp


class FakeTime:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_now_is_monotonic_when_the_machine_clock_goes_back() -> None:
    wall = FakeTime(1_000_000)
    clock = HybridClock("a", wall)
    first = clock.now()
    wall.ms = 900_000  # clock set back an hour-ish
    second = clock.now()
    assert second > first
    assert second.wall_ms == first.wall_ms and second.counter == first.counter + 1


def test_observe_moves_past_the_remote_stamp() -> None:
    clock = HybridClock("a", FakeTime(1_000))
    remote = Stamp(1_500, 7, "b")
    local = clock.observe(remote)
    assert local > remote
    assert clock.now() > local


def test_stamp_far_in_the_future_is_refused() -> None:
    clock = HybridClock("a", FakeTime(1_000), max_skew_ms=60_000)
    with pytest.raises(ClockSkewError):
        clock.observe(Stamp(1_000 + 60_001, 0, "b"))
    assert clock.last == Stamp(0, 0, "a"), "a refused stamp must not move the clock"


def test_encoded_stamps_sort_like_stamps() -> None:
    stamps = [Stamp(5, 0, "b"), Stamp(5, 0, "a"), Stamp(4, 99, "z"), Stamp(5, 1, "a"), Stamp(123456, 0, "a")]
    assert sorted(s.encode() for s in stamps) == [s.encode() for s in sorted(stamps)]
    assert all(Stamp.decode(s.encode()) == s for s in stamps)


@given(st.lists(st.tuples(st.integers(0, 10_000), st.booleans()), min_size=1, max_size=50))
def test_every_stamp_is_later_than_the_previous(events: list[tuple[int, bool]]) -> None:
    wall = FakeTime(0)
    clock = HybridClock("a", wall, max_skew_ms=10**9)
    previous = clock.now()
    for ms, from_remote in events:
        wall.ms = ms
        current = clock.observe(Stamp(ms + 3, 2, "b")) if from_remote else clock.now()
        assert current > previous
        previous = current


def test_advance_to_restores_after_restart() -> None:
    clock = HybridClock("a", FakeTime(10))
    clock.advance_to(Stamp(50, 3, "a"))
    assert clock.now() == Stamp(50, 4, "a")
