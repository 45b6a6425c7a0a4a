"""Run in the server's virtual environment (`make test-server`): the server's distribution
installed none of the desktop's heavy dependencies. Exit 1 with one line naming them if it did."""

from __future__ import annotations

import re
import sys
from importlib import metadata

DESKTOP_ONLY = ("PySide6", "PySide6-Essentials", "shiboken6", "reportlab", "openpyxl")


def _normal(name: str) -> str:
    """A distribution's name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def main() -> int:
    installed = {_normal(dist.metadata["Name"]) for dist in metadata.distributions()}
    found = [name for name in DESKTOP_ONLY if _normal(name) in installed]
    if found:
        print(f"check_server_venv: the server's environment holds {', '.join(found)}", file=sys.stderr)
        return 1
    print(f"check_server_venv: {len(installed)} distributions, none of {', '.join(DESKTOP_ONLY)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
