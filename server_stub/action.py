"""What applying one operation of a user action needs besides the operation itself."""

from __future__ import annotations

from dataclasses import dataclass

from server_stub.authorize import Caller
from server_stub.registers import Batch
from server_stub.stamps import Stamps


@dataclass
class Action:
    caller: Caller
    batch: Batch
    stamps: Stamps
    maker: str = ""  # the device that made the operation (its stamp's node): the caller, or a
    # laptop of its office whose unsent changes it pushes
    restamped: bool = False

    def restamp(self, stamp: str) -> str:
        """A new stamp from the server's clock for this operation's (and its audit event's)."""
        self.restamped = True
        return self.stamps.restamp(stamp)
