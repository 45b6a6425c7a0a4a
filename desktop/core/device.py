"""This laptop's name as its office knows it: the computer's name, which enrollment gives the
server (the administrator's list of devices shows it) and which the files added here carry, so a
colleague's laptop can say where a file not received yet is ("on laptop PC-LOKET-2")."""

from __future__ import annotations

import platform

from protocol.refusals import printable
from protocol.schema import MAX_DEVICE_NAME


def device_name() -> str:
    """This computer's name, printable."""
    return printable(platform.node() or "Mufakat", MAX_DEVICE_NAME)
