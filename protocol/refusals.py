"""Why the server refuses something: a code and its parameters, never a sentence.

The sync API answers every refusal with a `Refusal` code and the parameters listed in `PARAMS`
(an HTTP error body is `{"code", "params", "error"}`, a refused operation's result carries
`code` and `params`). The `error` text is English for logs; the laptop words the code itself,
in its user's language, from a table of its own (`desktop/sync/refusals.py`).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any


class Refusal(StrEnum):
    # -- an operation ---------------------------------------------------------------------
    INVALID_FIELD = "invalid_field"  # a field's value breaks the entity's schema
    UNKNOWN_ENTITY = "unknown_entity"
    UNKNOWN_KIND = "unknown_kind"
    UNKNOWN_RECORD = "unknown_record"  # changing a record the server does not hold
    NOT_YOUR_RECORD = "not_your_record"  # a record of another office
    ADMIN_ONLY = "admin_only"  # units are created and deleted by the administrator
    ID_TAKEN = "id_taken"  # a create of an id that exists (not the same operation retried)
    STALE_TRANSITION = "stale_transition"  # the record's status no longer allows the action
    APPEND_ONLY = "append_only"  # audit events are never changed
    NOT_DELETABLE = "not_deletable"
    LOCKED_FIELD = "locked_field"  # a field this kind of change may not set
    WRONG_PARENT = "wrong_parent"  # an escalation goes to the parent office only
    NOT_VISIBLE = "not_visible"  # a reference to a record the caller may not see
    ACTION_REFUSED = "action_refused"  # another operation of the same user action was refused
    REFUSED_EARLIER = "refused_earlier"  # a duplicate of an operation refused before an upgrade
    RESTATE_NOT_EXPECTED = "restate_not_expected"  # state re-sent while the server lost nothing
    # A recommendation's answer recorded by a device: it comes from the office the recommendation
    # was escalated to, with its answer to the escalation (the server brings it down the chain).
    ANSWER_FROM_ADDRESSEE = "answer_from_addressee"
    # An escalation's answer disputed after its window, or closed before it ended (SP4N-LAPOR!).
    DISPUTE_WINDOW = "dispute_window"
    # A questionnaire added to (or removed from) a survey period whose report is issued.
    SURVEY_ISSUED = "survey_issued"
    # The operation's user (protocol.users, protocol.roles): not a user of the server's, one of
    # another unit than the device's, deactivated before the laptop made it (as far as it knew),
    # or without a role the action needs.
    UNKNOWN_USER = "unknown_user"
    USER_OTHER_UNIT = "user_other_unit"
    USER_INACTIVE = "user_inactive"
    ROLE_FORBIDDEN = "role_forbidden"
    # -- a request --------------------------------------------------------------------------
    CHECKPOINT_AHEAD = "checkpoint_ahead"  # the device has seen more than the server holds
    UPGRADE_REQUIRED = "upgrade_required"
    REVOKED = "revoked"
    UNKNOWN_TOKEN = "unknown_token"
    WRONG_DEVICE = "wrong_device"  # the push names another device than the token's
    ENROLLMENT_CODE_UNKNOWN = "enrollment_code_unknown"
    ENROLLMENT_CODE_USED = "enrollment_code_used"  # by another device
    ENROLLMENT_CODE_EXPIRED = "enrollment_code_expired"
    ENROLLMENT_OTHER_UNIT = "enrollment_other_unit"  # the device works for another unit
    DEVICE_TAKEN = "device_taken"  # the device id is another laptop's (its secret differs)
    UNKNOWN_UNIT = "unknown_unit"
    TOO_LARGE = "too_large"
    MALFORMED = "malformed"
    SERVER_ERROR = "server_error"  # not the device's fault: try again later
    DEVICE_RESTORED = "device_restored"  # the device runs on a copy of its folder from before
    DEVICE_MOVED = "device_moved"  # its data was moved to another device, which enrolled
    # An enrollment naming the device its data came from (`moved_from`) without that device's
    # secret: nothing is retired, nothing enrolled.
    MOVE_UNPROVEN = "move_unproven"
    MOVE_USED = "move_used"  # that device's data was already moved to another device
    MOVE_OTHER_UNIT = "move_other_unit"  # that device works for another unit than the code's
    # -- attached files (protocol.files) -------------------------------------------------------
    FILE_TOO_LARGE = "file_too_large"  # larger than an attachment may be
    QUOTA_EXCEEDED = "quota_exceeded"  # the office's files would pass its quota on the server
    # A file the caller may not download, or name in a record without uploading it first (the
    # same answer whether the server holds it for others or not at all).
    FILE_UNKNOWN = "file_unknown"
    HASH_MISMATCH = "hash_mismatch"  # the uploaded bytes are not the file the hash names
    OFFSET_MISMATCH = "offset_mismatch"  # a chunk at another offset than the server holds


# The parameters each code carries, by name (values are text or whole numbers).
PARAMS: dict[Refusal, tuple[str, ...]] = {
    Refusal.INVALID_FIELD: ("entity", "field", "problem"),
    Refusal.UNKNOWN_ENTITY: ("entity",),
    Refusal.UNKNOWN_KIND: ("kind",),
    Refusal.UNKNOWN_RECORD: ("entity", "id"),
    Refusal.NOT_YOUR_RECORD: ("entity", "id"),
    Refusal.ADMIN_ONLY: ("entity",),
    Refusal.ID_TAKEN: ("entity", "id"),
    Refusal.STALE_TRANSITION: ("entity", "id", "action", "status"),
    Refusal.APPEND_ONLY: ("entity",),
    Refusal.NOT_DELETABLE: ("entity",),
    Refusal.LOCKED_FIELD: ("entity", "field"),
    Refusal.WRONG_PARENT: ("to_unit_id",),
    Refusal.NOT_VISIBLE: ("entity", "id"),
    Refusal.ACTION_REFUSED: ("op_id", "code"),
    Refusal.REFUSED_EARLIER: (),
    Refusal.RESTATE_NOT_EXPECTED: (),
    Refusal.ANSWER_FROM_ADDRESSEE: ("entity", "id"),
    Refusal.DISPUTE_WINDOW: ("id", "action", "until"),  # until: the window's last day, YYYY-MM-DD
    Refusal.SURVEY_ISSUED: ("period_id", "version"),  # the version of the report in force
    Refusal.UNKNOWN_USER: ("user_id",),  # empty: the operation names no user
    Refusal.USER_OTHER_UNIT: ("user_id",),
    Refusal.USER_INACTIVE: ("user_id",),
    Refusal.ROLE_FORBIDDEN: ("user_id", "act"),  # act: protocol.roles.Act
    Refusal.CHECKPOINT_AHEAD: ("since", "newest"),
    Refusal.UPGRADE_REQUIRED: ("server_version", "client_version"),
    Refusal.REVOKED: (),
    Refusal.UNKNOWN_TOKEN: (),
    Refusal.WRONG_DEVICE: (),
    Refusal.ENROLLMENT_CODE_UNKNOWN: (),
    Refusal.ENROLLMENT_CODE_USED: (),
    Refusal.ENROLLMENT_CODE_EXPIRED: (),
    Refusal.ENROLLMENT_OTHER_UNIT: ("device_unit", "code_unit"),  # unit codes
    Refusal.DEVICE_TAKEN: (),
    Refusal.UNKNOWN_UNIT: ("unit",),
    Refusal.TOO_LARGE: (),
    Refusal.MALFORMED: (),
    Refusal.SERVER_ERROR: (),
    # The highest operation number the server applied from the device (which says it made
    # fewer): the device pulls everything again, its own records too, and numbers on from it.
    Refusal.DEVICE_RESTORED: ("applied_high",),
    Refusal.DEVICE_MOVED: (),
    Refusal.MOVE_UNPROVEN: (),
    Refusal.MOVE_USED: (),
    Refusal.MOVE_OTHER_UNIT: (),
    Refusal.FILE_TOO_LARGE: ("size", "max"),  # bytes
    Refusal.QUOTA_EXCEEDED: ("size", "used", "quota"),  # bytes: the file, the office's, its quota
    Refusal.FILE_UNKNOWN: ("sha256",),
    Refusal.HASH_MISMATCH: ("sha256",),
    Refusal.OFFSET_MISMATCH: ("received",),
}


class Problem(StrEnum):
    """What is wrong with a field (the `problem` of `invalid_field`)."""

    REQUIRED = "required"  # missing, or empty where a value is needed
    WRONG_TYPE = "wrong_type"
    UNKNOWN_VALUE = "unknown_value"  # not one of the field's values
    TOO_LONG = "too_long"
    OUT_OF_RANGE = "out_of_range"
    CONTROL_CHARACTER = "control_character"  # C0 other than tab and newline
    UNKNOWN_FIELD = "unknown_field"
    MALFORMED = "malformed"  # an id, a date or a clock stamp that is not one
    IN_FUTURE = "in_future"  # a clock stamp too far ahead of the server's clock
    NOT_ALLOWED = "not_allowed"  # a value this change may not set


Param = str | int
MAX_PARAM = 200  # characters of a text parameter (a field name a device made up may be longer)
MAX_ERROR = 1000
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


def printable(text: str, limit: int) -> str:
    """Text a device sent, fit to be stored and shown in a refusal: control characters (a NUL
    cannot even be stored by PostgreSQL) become U+FFFD, and it is cut to `limit` characters."""
    return _UNPRINTABLE.sub("\ufffd", text[:limit])


class Refused(Exception):
    """Raised where a refusal is found; carries what the answer needs. Parameters often repeat
    what the device sent (a field's name, an entity's): they are made printable and short."""

    def __init__(self, code: Refusal, error: str = "", **params: Param) -> None:
        error = printable(error or code.value, MAX_ERROR)
        super().__init__(error)
        self.code = code
        self.params: dict[str, Param] = {
            name: printable(value, MAX_PARAM) if isinstance(value, str) else value
            for name, value in params.items()
        }
        self.error = error

    def body(self) -> dict[str, Any]:
        """The JSON body of an HTTP error."""
        return {"code": self.code.value, "params": self.params, "error": self.error}


def invalid(entity: str, field: str, problem: Problem) -> Refused:
    return Refused(
        Refusal.INVALID_FIELD,
        f"{entity}.{field}: {problem.value.replace('_', ' ')}",
        entity=entity,
        field=field,
        problem=problem.value,
    )
