"""A recommendation's history as sentences people read ("Martina Rumbiak menerima rekomendasi"),
in the language of the moment: who did what, and the values that matter (the text, the reason,
the answer), never field names, codes or ids. One sentence per audited change of the
recommendation, its follow-ups and its escalations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.i18n import N_, number, tr
from desktop.services.record_words import name_of, shortened, value_words

QUOTED = 120  # characters of a text quoted in a sentence

# What a person did, by the kind of record and the audited action. `{who}` is the person;
# the other placeholders are filled from the change (see `_values`).
SAID: dict[tuple[str, str], str] = {
    # The scope is said after the text, not in brackets: its label has its own ("Kebijakan
    # (diusulkan ke atas)"), and brackets inside brackets read badly.
    ("recommendations", "create"): N_("{who} recorded the recommendation “{text}” under {scope}"),
    ("recommendations", "restore"): N_("{who} restored the deleted recommendation"),
    ("recommendations", "change_scope"): N_("{who} changed the scope to {scope}"),
    ("recommendations", "vote"): N_("{who} added a vote ({votes} in all)"),
    ("recommendations", "unvote"): N_("{who} took a vote back ({votes} in all)"),
    ("recommendations", "merge_votes"): N_("{who} added the votes of a merged duplicate ({votes} in all)"),
    ("recommendations", "accept"): N_("{who} accepted the recommendation"),
    ("recommendations", "reject"): N_("{who} rejected the recommendation: {reason}"),
    ("recommendations", "merge"): N_("{who} merged it into “{into}”"),
    ("recommendations", "start"): N_("{who} started the follow-up"),
    ("recommendations", "complete"): N_("{who} marked it done; evidence: {reason}"),
    ("recommendations", "escalate"): N_("{who} escalated it to the parent office"),
    ("recommendations", "answer"): N_("{who} recorded the parent office's answer: {outcome} — {reason}"),
    ("recommendations", "delete"): N_("{who} deleted the recommendation"),
    ("follow_ups", "create"): N_("{who} assigned a follow-up to {owner}, due {due_on}: “{action}”"),
    ("follow_ups", "delete"): N_("{who} removed the follow-up “{action}”"),
    ("escalations", "create"): N_("{who} sent it to {to_unit}, answer due {due_on}{note}"),
    ("escalations", "acknowledge"): N_("{who} marked the escalation received"),
    ("escalations", "forward"): N_("{who} forwarded the escalation one level up"),
    ("escalations", "answer"): N_("{who} answered the escalation: {outcome} — {answer}"),
}
# An edit: each field changed says what it became.
EDITED: dict[str, str] = {
    "text": N_("the text to “{value}”"),
    "category": N_("the topic to {value}"),
    "priority": N_("the priority to {value}"),
    "agenda_item_id": N_("the agenda item to {value}"),
    "raised_by_id": N_("who raised it to {value}"),
    "action": N_("the action to “{value}”"),
    "owner": N_("the person in charge to {value}"),
    "due_on": N_("the due date to {value}"),
    "progress": N_("the progress to {value}%"),
    "evidence": N_("the evidence to “{value}”"),
}
EDIT = N_("{who} changed {changes}")
EDIT_FOLLOW_UP = N_("{who} changed the follow-up “{name}”: {changes}")
SOMETHING = N_("{who} changed the {record}")
RECORDS = {
    "recommendations": N_("recommendation"),
    "follow_ups": N_("follow-up"),
    "escalations": N_("escalation"),
}
NOTE = N_("; note: “{note}”")


def _day(value: Any) -> str:
    text = str(value or "")
    return "-".join(reversed(text.split("-"))) if len(text) == 10 else text or "—"


def _values(session: Session, entity: str, after: Mapping[str, Any]) -> dict[str, str]:
    """The placeholders a sentence may use, worded."""
    word: Callable[[str], str] = lambda field: value_words(session, entity, field, after.get(field))  # noqa: E731
    values = {
        "text": shortened(str(after.get("text") or ""), QUOTED),
        "scope": word("scope"),
        "votes": number(int(after.get("votes") or 0)),
        "reason": shortened(str(after.get("status_reason") or after.get("reason") or "—"), QUOTED),
        "outcome": word("outcome"),
        "answer": shortened(str(after.get("answer") or "—"), QUOTED),
        "owner": str(after.get("owner") or "—"),
        "action": shortened(str(after.get("action") or ""), QUOTED),
        "due_on": _day(after.get("due_on")),
        "to_unit": name_of(session, "units", str(after.get("to_unit_id") or "")) or "—",
        "into": name_of(session, entity, str(after.get("merged_into_id") or "")) or "—",
        "note": tr(NOTE, note=shortened(str(after["note"]), QUOTED)) if after.get("note") else "",
    }
    return values


def _edited(session: Session, entity: str, after: Mapping[str, Any]) -> str:
    changes = []
    for field, value in after.items():
        if field in EDITED:
            shown = _day(value) if field == "due_on" else value_words(session, entity, field, value)
            changes.append(tr(EDITED[field], value=shortened(shown, QUOTED)))
    return ", ".join(changes)


def history_sentence(
    session: Session, entity: str, entity_id: str, action: str, actor: str, after: Mapping[str, Any]
) -> str:
    """One audited change as a sentence: '{actor} accepted the recommendation'."""
    who = actor or "—"
    template = SAID.get((entity, action))
    if template is not None:
        return tr(template, who=who, **_values(session, entity, after))
    changes = _edited(session, entity, after) if action == "update" else ""
    if changes and entity == "follow_ups":
        name = name_of(session, entity, entity_id) or "—"
        return tr(EDIT_FOLLOW_UP, who=who, name=name, changes=changes)
    if changes:
        return tr(EDIT, who=who, changes=changes)
    return tr(SOMETHING, who=who, record=tr(RECORDS.get(entity, N_("recommendation"))))
