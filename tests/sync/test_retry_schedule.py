"""The wait before a failed sync is tried again (desktop.sync.retry): exponential steps from
5 s, doubled up to 10 minutes, each wait drawn between 0 and its step ("full jitter"), the
schedule the `backoff` package gave before it was replaced."""

from __future__ import annotations

from itertools import islice

from desktop.sync.retry import retry_delays


def test_the_steps_double_from_five_seconds_up_to_ten_minutes() -> None:
    steps = list(islice(retry_delays(uniform=lambda _low, high: high), 10))
    assert steps == [5.0, 10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 600.0, 600.0, 600.0]


def test_each_wait_is_drawn_between_zero_and_its_step() -> None:
    asked: list[tuple[float, float]] = []

    def uniform(low: float, high: float) -> float:
        asked.append((low, high))
        return (low + high) / 2

    assert list(islice(retry_delays(1.0, 4.0, uniform), 4)) == [0.5, 1.0, 2.0, 2.0]
    assert asked == [(0.0, 1.0), (0.0, 2.0), (0.0, 4.0), (0.0, 4.0)]
    assert all(0 <= d <= 600 for d in islice(retry_delays(), 1_000))
