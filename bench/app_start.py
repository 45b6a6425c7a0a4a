"""Start-up of the BUILT app (make dist first): seconds from starting the program to its window
on the X server (found by title), with the demo forum loaded: the first start after unpacking and
the median of four more. A figure to watch, not a limit (the smoke test's is 20 s).

    .venv/bin/python bench/app_start.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "packaging"))
from smoke import check_window, default_archive, run, unpack, x_server

STARTS = 5


def main() -> None:
    archive = default_archive()
    if not archive.is_file():
        raise SystemExit(f"no archive {archive}: build it first with `make dist`")
    with tempfile.TemporaryDirectory(prefix="mufakat-bench-") as scratch_name:
        scratch = Path(scratch_name)
        program = unpack(archive, scratch / "installed")
        (scratch / "home").mkdir()
        env = {"HOME": str(scratch / "home")}
        run(program, env, "demo")  # a database with the demo forum, as an office has one
        with x_server(None) as display:
            times = [check_window(program, env, display, report=False) for _ in range(STARTS)]
    print(f"app start: archive {archive.name} {archive.stat().st_size / 1_000_000:.1f} MB")
    print(
        f"app start: first {times[0]:.2f} s, then median {statistics.median(times[1:]):.2f} s over {STARTS - 1}"
    )


if __name__ == "__main__":
    main()
