"""The server's refusals in the user's words: a sentence for every code of
`protocol.refusals` (team.md's sync contract), with what to do, in the language of the moment.
The server answers `{"code", "params", "error"}`; its English `error` is never shown.

A refused operation keeps its code and parameters on the laptop (`RejectedOp`), so a screen
can word it again later, in whatever language is chosen then. A code this version does not
know gets a general sentence naming it.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from desktop.core.i18n import N_, language, number, translate_to
from desktop.core.vocab import LABELS, EscalationStatus, ForumStatus, RecStatus
from desktop.services.acting import ACT_NAMES
from protocol.refusals import Problem, Refusal

UNKNOWN_TOKEN = Refusal.UNKNOWN_TOKEN.value
REVOKED = Refusal.REVOKED.value
DEVICE_RESTORED = Refusal.DEVICE_RESTORED.value  # the sync handles it by itself
DEVICE_MOVED = Refusal.DEVICE_MOVED.value  # this laptop stops syncing: its data lives elsewhere

MESSAGES: dict[str, str] = {
    Refusal.INVALID_FIELD: N_("The server refused a {entity}: its field “{field}” {problem}."),
    Refusal.UNKNOWN_ENTITY: N_(
        "The server does not know records of the kind “{entity}”. Update Mufakat on this laptop or the server."
    ),
    Refusal.UNKNOWN_KIND: N_(
        "The server does not know changes of the kind “{kind}”. Update Mufakat on this laptop or the server."
    ),
    Refusal.UNKNOWN_RECORD: N_(
        "The server has no {entity} with the id {id}: it may have been deleted, or never arrived."
    ),
    Refusal.NOT_YOUR_RECORD: N_(
        "This office may not change that {entity} (id {id}): it belongs to another office."
    ),
    Refusal.ANSWER_FROM_ADDRESSEE: N_(
        "The answer to this recommendation (id {id}) comes from the office it was escalated to, with "
        "its answer to the escalation; this laptop cannot record it. Discard this item: the answer "
        "reaches this laptop when that office has answered and both have synced."
    ),
    Refusal.ADMIN_ONLY: N_("Only the server's administrator creates or removes a {entity}."),
    Refusal.ID_TAKEN: N_(
        "The server already has another {entity} with the id {id}; this one was not stored."
    ),
    Refusal.STALE_TRANSITION: N_(
        "Could not {action} this {entity} (id {id}): on the server it is already {status}. "
        "Someone changed it on another laptop first."
    ),
    Refusal.APPEND_ONLY: N_("A {entity} is never changed or deleted once recorded."),
    Refusal.NOT_DELETABLE: N_("A {entity} cannot be deleted."),
    Refusal.LOCKED_FIELD: N_("The field “{field}” of a {entity} cannot be changed in this way."),
    Refusal.WRONG_PARENT: N_(
        "An escalation goes to this office's parent office only, not to the office with the id {to_unit_id}."
    ),
    Refusal.NOT_VISIBLE: N_(
        "The {entity} with the id {id} that this change points to is not one this office can see."
    ),
    Refusal.ACTION_REFUSED: N_(
        "Not saved on the server, because another change made in the same step (id {op_id}) was refused "
        "(reason: {code})."
    ),
    Refusal.REFUSED_EARLIER: N_("The server refused this change earlier, before it was upgraded."),
    Refusal.RESTATE_NOT_EXPECTED: N_(
        "The server did not lose this record, so it did not take this laptop's copy of it over its "
        "own. Discard this item: the record as the server holds it is already on this laptop."
    ),
    Refusal.DISPUTE_WINDOW: N_(
        "Could not {action} the escalation (id {id}): its answer may be disputed up to and including "
        "{until} (10 working days), and it closes only after that. Check this laptop's date."
    ),
    Refusal.SURVEY_ISSUED: N_(
        "Not saved on the server: the SKM report of this survey period (id {period_id}) was issued "
        "(version {version}) before this questionnaire reached it, and its questionnaires are fixed. "
        "If it belongs in the report, re-open the report (a new version) and enter it again."
    ),
    Refusal.UNKNOWN_USER: N_(
        "Not saved on the server: it does not know the user who made this change (id {user_id}), or the "
        "change names no user although this office has users. Sign in and make the change again."
    ),
    Refusal.USER_OTHER_UNIT: N_(
        "Not saved on the server: the user who made this change (id {user_id}) belongs to another office. "
        "Sign in as a user of this office and make the change again."
    ),
    Refusal.USER_INACTIVE: N_(
        "Not saved on the server: the user who made this change (id {user_id}) had been deactivated, and "
        "this laptop already knew it. A user of the office who is still active can make the change again."
    ),
    Refusal.ROLE_FORBIDDEN: N_(
        "Not saved on the server: the user who made this change (id {user_id}) may not {act}. A user "
        "with that role can make the change again; the office's administrator gives roles."
    ),
    Refusal.CHECKPOINT_AHEAD: N_(
        "The server holds fewer changes ({newest}) than this laptop has already received ({since}): it was "
        "probably restored from a backup. This laptop sends its data to the server again."
    ),
    Refusal.UPGRADE_REQUIRED: N_(
        "This Mufakat speaks sync version {client_version} and the server version {server_version}: "
        "update whichever is older."
    ),
    Refusal.REVOKED: N_(
        "The administrator revoked this device: it can no longer sync. Its unsent changes are "
        "kept: export them (mufakat outbox export -o FILE, or the button in Settings) and import "
        "them on another laptop of the office."
    ),
    Refusal.UNKNOWN_TOKEN: N_(
        "The server does not know this device any more (its database may have been restored "
        "from a backup). Enroll it again with a new code from the administrator, in Settings or "
        "with: mufakat enroll --server {url} --code CODE. Nothing on this laptop is lost: its "
        "changes are sent after enrolling."
    ),
    Refusal.WRONG_DEVICE: N_(
        "The server received a request in another laptop's name. Enroll this laptop again."
    ),
    Refusal.ENROLLMENT_CODE_UNKNOWN: N_(
        "The server does not know this enrollment code. Check it (letters and digits as given) "
        "or ask the administrator for a new one."
    ),
    Refusal.ENROLLMENT_CODE_USED: N_(
        "This enrollment code was already used by another device. Ask the administrator for a new code."
    ),
    Refusal.ENROLLMENT_CODE_EXPIRED: N_(
        "This enrollment code has expired. Ask the administrator for a new one."
    ),
    Refusal.ENROLLMENT_OTHER_UNIT: N_(
        "This device works for {device_unit} on the server, and the code is for {code_unit}. "
        "Ask the administrator for a code of {device_unit}."
    ),
    Refusal.DEVICE_TAKEN: N_(
        "The server has this device's id enrolled by another laptop, so this one was not enrolled. "
        "A copy of another laptop's data folder cannot enroll in its place: move the data with "
        "Settings (a new laptop gets its own id), or ask the administrator."
    ),
    Refusal.UNKNOWN_UNIT: N_("The server has no unit {unit}. Ask the administrator."),
    Refusal.TOO_LARGE: N_(
        "The request was too large for the server. Try again: Mufakat sends smaller parts."
    ),
    Refusal.MALFORMED: N_(
        "The server could not read the request. Update Mufakat; if it persists, contact support."
    ),
    Refusal.SERVER_ERROR: N_("The server had a problem. Try again later."),
    Refusal.DEVICE_RESTORED: N_(
        "This laptop runs on a copy of its data folder made before changes it had already sent "
        "(up to number {applied_high}). Sync again: it fetches them back from the server."
    ),
    Refusal.DEVICE_MOVED: N_(
        "This laptop's data was moved to a new laptop, which is now enrolled: this one no longer "
        "syncs. Work on the new laptop. Changes made here after the move are kept: export them "
        "(mufakat outbox export -o FILE, or the button in Settings) and import them there."
    ),
    Refusal.MOVE_UNPROVEN: N_(
        "The server did not enroll this laptop: the move file does not prove that the data came "
        "from the old laptop (it lacks that laptop's secret), so the old laptop was not retired. "
        "Make the move file again on the old laptop with this version of Mufakat and take it in "
        "here; if the old laptop is lost, ask the administrator to revoke it, then enroll again."
    ),
    Refusal.MOVE_USED: N_(
        "The server did not enroll this laptop: the old laptop's data was already moved to another "
        "laptop with this move file. Work on that laptop, or make a new move file there."
    ),
    Refusal.MOVE_OTHER_UNIT: N_(
        "The server did not enroll this laptop: the old laptop works for another office than the "
        "code's. Ask the administrator for a code of the old laptop's office."
    ),
    Refusal.FILE_TOO_LARGE: N_(
        "The server takes files of at most {max} MB; this one is {size} MB. Remove it and attach a "
        "smaller copy (a scan at a lower resolution, a PDF split in two)."
    ),
    Refusal.QUOTA_EXCEEDED: N_(
        "The office's files on the server take {used} MB of its {quota} MB, so a file of {size} MB "
        "was not sent. Ask the administrator for a larger quota; the file stays on this laptop and "
        "is sent at a later sync."
    ),
    Refusal.FILE_UNKNOWN: N_(
        "The server does not hold the attached file {sha256} this record names (yet): this laptop sends "
        "the file first, then the record. If this stays, the file was refused (see the sync status) or "
        "removed from this laptop's data folder."
    ),
    Refusal.HASH_MISMATCH: N_(
        "The attached file {sha256} on this laptop is not what its record says (it was changed or "
        "damaged in the data folder); the server did not take it. Attach the file again."
    ),
    Refusal.OFFSET_MISMATCH: N_("The server held another part of a file ({received} bytes) than expected. Sync again."),
}
UNKNOWN = N_("The server refused the request ({code}). Ask the administrator.")
SIZES = frozenset({"size", "max", "used", "quota"})  # bytes, worded in MB

PROBLEMS: dict[str, str] = {
    Problem.REQUIRED: N_("is missing or empty"),
    Problem.WRONG_TYPE: N_("holds the wrong kind of value"),
    Problem.UNKNOWN_VALUE: N_("holds a value the server does not know"),
    Problem.TOO_LONG: N_("is too long"),
    Problem.OUT_OF_RANGE: N_("is out of the allowed range"),
    Problem.CONTROL_CHARACTER: N_("contains an invisible control character"),
    Problem.UNKNOWN_FIELD: N_("is not one the server knows"),
    Problem.MALFORMED: N_("is not written in the expected form"),
    Problem.IN_FUTURE: N_("carries a time in the future (check this laptop's clock)"),
    Problem.NOT_ALLOWED: N_("may not take that value here"),
}

ENTITIES: dict[str, str] = {
    "units": N_("office"),
    "forums": N_("forum"),
    "participants": N_("participant"),
    "agenda_items": N_("agenda item"),
    "recommendations": N_("recommendation"),
    "follow_ups": N_("follow-up"),
    "escalations": N_("escalation"),
    "survey_periods": N_("survey period"),
    "survey_responses": N_("questionnaire"),
    "survey_actions": N_("survey follow-up plan"),
    "audit_events": N_("history entry"),
    "closed_days": N_("closed day"),
    "attachments": N_("attached file"),
    "users": N_("user"),
}

ACTIONS: dict[str, str] = {
    "accept": N_("accept"),
    "reject": N_("reject"),
    "merge": N_("merge"),
    "start": N_("start"),
    "complete": N_("mark done"),
    "escalate": N_("escalate"),
    "answer": N_("answer"),
    "close": N_("close"),
    "acknowledge": N_("acknowledge"),
    "forward": N_("forward"),
    "dispute": N_("dispute"),
    "delete": N_("delete"),
    "change_scope": N_("change the scope of"),
}

ACTS: dict[str, str] = {act.value: words for act, words in ACT_NAMES.items()}  # role_forbidden's act

STATUSES: dict[str, dict[str, StrEnum]] = {
    entity: {member.value: member for member in enum}
    for entity, enum in (
        ("recommendations", RecStatus),
        ("forums", ForumStatus),
        ("escalations", EscalationStatus),
    )
}


def _worded(name: str, value: object, params: Mapping[str, object], lang: str) -> str:
    if name == "sha256":
        return f"{str(value)[:12]}…"  # enough to tell files apart
    if name in SIZES and isinstance(value, int) and not isinstance(value, bool):
        return number(value / 1024 / 1024, 1, language=lang)
    text = str(value)
    tables = {"entity": ENTITIES, "problem": PROBLEMS, "action": ACTIONS, "act": ACTS}
    if name in tables:
        table = tables[name]
        return translate_to(lang, table[text]) if text in table else text
    if name == "status":
        statuses = STATUSES.get(str(params.get("entity")))
        member = statuses.get(text) if statuses else None
        if member is not None:
            return translate_to(lang, LABELS[member]).lower()
    return text


def describe(code: str, params: Mapping[str, object], *, lang: str | None = None, **context: Any) -> str:
    """The refusal `code` with its `params` as a sentence in the current language (or `lang`);
    `context`: what the laptop itself knows and the sentence may name (the server's address)."""
    lang = lang or language()
    template = MESSAGES.get(code)
    words = {name: _worded(name, value, params, lang) for name, value in params.items()} | context
    if template is not None:
        try:
            return translate_to(lang, template).format(**words)
        except (KeyError, IndexError):  # a parameter missing (a newer server's code): say what is known
            pass
    return translate_to(lang, UNKNOWN).format(code=code or "?")
