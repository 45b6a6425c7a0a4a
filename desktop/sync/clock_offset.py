"""The laptop's clock against the server's, measured at each sync (DESIGN.md sync step 6).

Every answer of the server carries its clock (`server_ms`). Taken halfway through the request's
round trip, it gives the offset of this machine's clock; the sample with the shortest round
trip of a sync is the most accurate. The hybrid clock's physical reading is corrected by it.
"""

from __future__ import annotations

from dataclasses import dataclass

# The status bar says so when the laptop's clock is further off than this.
NOTICEABLE_MS = 2 * 60 * 1000
# Closer than this, the machine's own clock is trusted (it is NTP-synchronised, and a sample
# is only as exact as half its round trip): correcting it would only add noise.
TRUSTED_MS = 1000


@dataclass
class OffsetProbe:
    offset_ms: int | None = None
    round_trip_ms: int | None = None

    def note(self, sent_ms: int, received_ms: int, server_ms: object) -> bool:
        """One answer: sent and received by this machine's clock, and the server's clock in it.
        Returns whether it is the best sample so far."""
        if not isinstance(server_ms, int) or isinstance(server_ms, bool) or server_ms <= 0:
            return False
        trip = max(0, received_ms - sent_ms)
        if self.round_trip_ms is not None and trip >= self.round_trip_ms:
            return False
        self.round_trip_ms = trip
        self.offset_ms = server_ms - (sent_ms + received_ms) // 2
        return True

    def correction_ms(self) -> int:
        """What the clock's reading is corrected by: the offset, unless it is within noise."""
        offset = self.offset_ms or 0
        return offset if abs(offset) > max(TRUSTED_MS, self.round_trip_ms or 0) else 0
