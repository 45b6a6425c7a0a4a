"""The client's words for the server's refusal codes (team.md's sync contract): the server
answers `{"code", "params", "error"}`; the user reads what the code means here, in their
language, with what to do. The server's English `error` is never shown.

Codes of enrollment and of the device's standing (`unknown_token`, `revoked`, …) are worded
here; a refusal this version does not know gets a general message naming its code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.i18n import N_, tr

UNKNOWN_TOKEN = "unknown_token"
REVOKED = "revoked"
DEVICE_RESTORED = "device_restored"  # params: applied_high; the sync handles it by itself

MESSAGES: dict[str, str] = {
    "enrollment_code_unknown": N_(
        "The server does not know this enrollment code. Check it (letters and digits as given) "
        "or ask the administrator for a new one."
    ),
    "enrollment_code_used": N_(
        "This enrollment code was already used by another device. Ask the administrator for a new code."
    ),
    "enrollment_code_expired": N_("This enrollment code has expired. Ask the administrator for a new one."),
    "enrollment_other_unit": N_(
        "This device works for {device_unit} on the server, and the code is for {code_unit}. "
        "Ask the administrator for a code of {device_unit}."
    ),
    "unknown_unit": N_("The server has no unit {unit}. Ask the administrator."),
    UNKNOWN_TOKEN: N_(
        "The server does not know this device any more (its database may have been restored "
        "from a backup). Enroll it again with a new code from the administrator, in Settings or "
        "with: mufakat enroll --server {url} --code CODE. Nothing on this laptop is lost: its "
        "changes are sent after enrolling."
    ),
    "upgrade_required": N_(
        "This laptop's Mufakat and the server's are of different versions. Install the newest "
        "Mufakat on this laptop, or ask the administrator to update the server."
    ),
    DEVICE_RESTORED: N_(
        "This laptop runs on a copy of its data folder made before changes it had already sent. "
        "Sync again: it fetches them back from the server."
    ),
    REVOKED: N_(
        "The administrator revoked this device: it can no longer sync. Its unsent changes are "
        "kept: export them (mufakat outbox export -o FILE, or the button in Settings) and import "
        "them on another laptop of the office."
    ),
}
GENERIC = N_("The server refused the request ({code}). Ask the administrator.")


def refusal_message(code: str, params: Mapping[str, Any] | None = None, **context: Any) -> str:
    """What the user reads for a refusal `code` with its `params` (and `context` the client
    knows, e.g. the server's address)."""
    template = MESSAGES.get(code)
    values = {str(k): v for k, v in (params or {}).items()} | context
    if template is None:
        return tr(GENERIC, code=code or "?")
    try:
        return tr(template, **values)
    except (KeyError, IndexError):  # a parameter the server did not send: the general wording
        return tr(GENERIC, code=code)
