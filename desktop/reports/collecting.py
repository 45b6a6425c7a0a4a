"""Documents are laid out with Python's cyclic garbage collector paused.

Laying out a 300-participant berita acara makes some 200,000 objects (paragraphs, their lines,
table cells) that all live until the PDF is written: none of them is garbage while the document
is built, yet the automatic collector walked them again and again as they were made, and the
older generations walked the whole process with them (the store's objects, the modules): a
third of the layout's processor time (0.30 s of CPU for the minutes of the 300/200 forum, 0.20 s
with the collector paused). What the build leaves in reference cycles is collected at the next
collection once it is done. The app already collects on its GUI thread's timer
(desktop/app/background.py); this pause is for the command line and any caller that did not.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_builds = 0  # documents being laid out now, in any thread
_paused = False  # the collector was on when the first of them started: turn it on after the last


def collector_paused(build: Callable[P, R]) -> Callable[P, R]:
    """`build`, run with the automatic collector off (and back as it was once no document is
    being built any more, whichever thread finishes last)."""

    @wraps(build)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        global _builds, _paused
        with _lock:
            if _builds == 0 and gc.isenabled():
                gc.disable()
                _paused = True
            _builds += 1
        try:
            return build(*args, **kwargs)
        finally:
            with _lock:
                _builds -= 1
                if _builds == 0 and _paused:
                    _paused = False
                    gc.enable()

    return run
