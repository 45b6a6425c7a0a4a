"""The version of the sync protocol and the limits both sides keep."""

from __future__ import annotations

# Bump with any change to what operations or records carry. The server answers any other
# version with `upgrade_required` (426); version 4: refusal codes, `restate`, checked fields;
# version 5: frozen minutes, issued survey reports.
PROTOCOL_VERSION = 5
# Votes are `counter` operations: a contributor's whole share (never a delta).
OP_KINDS = frozenset({"create", "update", "transition", "counter", "delete", "restate"})
MAX_OPS_PER_PUSH = 1000
MAX_PULL_PAGE = 1000
MAX_BODY_BYTES = 16 * 1024 * 1024
