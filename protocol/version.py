"""The version of the sync protocol and the limits both sides keep."""

from __future__ import annotations

# Bump with any change to what operations or records carry. The server answers any other
# version with `upgrade_required` (426); version 4: refusal codes, `restate`, checked fields;
# 5: document templates, PEKPPP indicators, the office's response, survey actions (RTL).
PROTOCOL_VERSION = 5
# Votes are `counter` operations: a contributor's whole share (never a delta).
OP_KINDS = frozenset({"create", "update", "transition", "counter", "delete", "restate"})
MAX_OPS_PER_PUSH = 1000
MAX_PULL_PAGE = 1000
MAX_BODY_BYTES = 16 * 1024 * 1024
