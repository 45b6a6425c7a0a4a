"""When to try a failed sync again: exponential backoff with "full jitter" (a random wait
between 0 and the step, the step doubling from `first_s` up to `max_s`), so that a hundred
laptops that lose the same server do not all come back at the same second. A few lines of our
own in place of the `backoff` package (no release since 2022), with the same schedule."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator


def retry_delays(
    first_s: float = 5.0, max_s: float = 600.0, uniform: Callable[[float, float], float] = random.uniform
) -> Iterator[float]:
    """Seconds to wait after each consecutive failure: up to 5, 10, 20 … then 10 minutes, for ever."""
    step = first_s
    while True:
        yield float(uniform(0.0, step))
        step = min(step * 2, max_s)
