"""Counters (votes) as the device and the server both keep them: one entry per contributor.

A recommendation's `vote_counts` maps a key to that key's whole contribution: a device's id
(what its users added and removed there) or `merge:<id>` (the total of a duplicate merged into
it, set by the server from its own state). `votes` is their sum. A device always sends its
whole contribution, never a delta, so a retried or re-sent operation counts once; every device
ends with the server's entries, whichever device voted last.
"""

from __future__ import annotations

from collections.abc import Mapping

MERGE_PREFIX = "merge:"
# The votes a record held before contributions were kept apart (schema 4): one entry, the same
# on the server and on every device, so totals did not change.
CARRIED_KEY = "carried"


def merge_key(record_id: str) -> str:
    return f"{MERGE_PREFIX}{record_id}"


def merged_id(key: str) -> str | None:
    """The duplicate a `merge:` key stands for, or None for a device's key."""
    return key[len(MERGE_PREFIX) :] if key.startswith(MERGE_PREFIX) else None


def with_contribution(counts: Mapping[str, int] | None, key: str, value: int) -> dict[str, int]:
    """`counts` with `key`'s contribution set to `value` (a contribution of 0 is no entry)."""
    changed = dict(counts or {})
    if value:
        changed[key] = value
    else:
        changed.pop(key, None)
    return changed


def total(counts: Mapping[str, int] | None) -> int:
    return sum((counts or {}).values())
