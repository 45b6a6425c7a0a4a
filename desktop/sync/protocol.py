"""The laptop's side of the sync wire format: pulled values converted to column values
(`desktop.wire_values`, which services use too).

What both sides agree on (messages, entities, refusal codes, the version) is the `protocol`
package; its version and limits are re-exported here for the sync client.
"""

from __future__ import annotations

from desktop.wire_values import row_values
from protocol.version import MAX_BODY_BYTES, MAX_OPS_PER_PUSH, MAX_PULL_PAGE, OP_KINDS
from protocol.version import PROTOCOL_VERSION as SCHEMA_VERSION

__all__ = ["MAX_BODY_BYTES", "MAX_OPS_PER_PUSH", "MAX_PULL_PAGE", "OP_KINDS", "SCHEMA_VERSION", "row_values"]
