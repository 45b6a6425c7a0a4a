"""`mufakat-server`: the central sync server. Not built yet (issue #5, "Central server and
offline-first sync"); until then the command says so instead of pretending to run."""

from __future__ import annotations

import sys


def main() -> int:
    print(
        "mufakat-server: the central server is not part of this version yet; "
        "Mufakat works fully offline on one laptop meanwhile.",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
