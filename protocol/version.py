"""The version of the sync protocol and the limits both sides keep."""

from __future__ import annotations

# Bump with any change to what operations or records carry that the other side would misread.
# The server answers any other version with `upgrade_required` (426); version 4: refusal codes,
# `restate`, checked fields; version 5: escalations `disputed` and `done` (SP4N-LAPOR!), national
# closed days, frozen minutes and issued survey reports, which an older app would set aside;
# document templates, PEKPPP indicators, the office's response, survey actions (RTL). Additions
# an older peer handles on its own do not bump it: a `resolve` operation is refused by an older
# server as `unknown_kind` (that operation alone, kept on the laptop with its code), as is a
# `restore` (the undo of a deletion lifts the same record's tombstone), and a conflict entry's
# `dismissed` is ignored by an older laptop. Operations an older app queued are
# still valid: fields added since take their `added_default`. Attached files (`protocol.files`)
# do not bump it either: the `attachments` entity is one more (an older app sets its pulled
# records aside), and their bytes travel on paths of their own, which an older app never calls.
# Version 6: every operation carries its user (`user_id`) and the laptop's knowledge when it
# was made (`seen`), and the `users` entity (protocol.users); the server still accepts version 5
# (its operations carry no user: accepted and marked `before_accounts`).
PROTOCOL_VERSION = 6
# The versions a server speaks (any other is answered `upgrade_required`).
SPOKEN_VERSIONS = (5, 6)
# Votes are `counter` operations: a contributor's whole share (never a delta). `resolve`
# closes a "changed elsewhere" marker (a conflict of the record) on every laptop. `delete` and
# `restore` set the tombstone, a register of its own (last writer wins).
OP_KINDS = frozenset({"create", "update", "transition", "counter", "delete", "restore", "restate", "resolve"})
MAX_OPS_PER_PUSH = 1000
MAX_PULL_PAGE = 1000
MAX_BODY_BYTES = 16 * 1024 * 1024
