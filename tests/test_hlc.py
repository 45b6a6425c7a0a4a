from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from protocol.hlc import MAX_COUNTER, HybridClock, Stamp


class FakeTime:
    """A machine clock set by hand, read in nanoseconds as `time.time_ns`."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms * 1_000_000


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


def test_a_stamp_far_ahead_is_never_refused() -> None:
    """What a device pulls was accepted by the server: a laptop whose clock is a year behind
    folds it in and goes on (it used to refuse it and blame the other device)."""
    year = 365 * 24 * 3600 * 1000
    clock = HybridClock("a", FakeTime(1_000))
    seen = clock.observe(Stamp(1_000 + year, 4, "b"))
    assert seen == Stamp(1_000 + year, 5, "a")
    assert clock.now() > seen


def test_the_offset_corrects_the_physical_reading() -> None:
    wall = FakeTime(10_000_000)  # this laptop reads 2 hours behind the server
    clock = HybridClock("a", wall)
    clock.set_offset(2 * 3600 * 1000)
    assert clock.reading_ms() == 10_000_000 + 7_200_000 and clock.raw_ms() == 10_000_000
    assert clock.now() == Stamp(17_200_000, 0, "a")
    assert clock.wall().timestamp() == 17_200.0


def test_a_counter_past_six_digits_moves_the_wall_on() -> None:
    """A clock held far ahead counts up for a long time; encoded stamps must still sort."""
    clock = HybridClock("a", FakeTime(5))
    clock.advance_to(Stamp(1_000, MAX_COUNTER, "a"))
    after = clock.now()
    assert after == Stamp(1_001, 0, "a")
    assert after.encode() > Stamp(1_000, MAX_COUNTER, "a").encode()


def test_encoded_stamps_sort_like_stamps() -> None:
    stamps = [Stamp(5, 0, "b"), Stamp(5, 0, "a"), Stamp(4, 99, "z"), Stamp(5, 1, "a"), Stamp(123456, 0, "a")]
    assert sorted(s.encode() for s in stamps) == [s.encode() for s in sorted(stamps)]
    assert all(Stamp.decode(s.encode()) == s for s in stamps)


@given(st.lists(st.tuples(st.integers(0, 10_000), st.booleans()), min_size=1, max_size=50))
def test_every_stamp_is_later_than_the_previous(events: list[tuple[int, bool]]) -> None:
    wall = FakeTime(0)
    clock = HybridClock("a", wall)
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
