"""What a change was, in words a user reads: "Rekomendasi “Tambah petugas CS”: diterima" — never
an operation kind or an id. Worded when shown, in the language of that moment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.i18n import N_, tr
from desktop.services.record_words import field_label, record_words, value_words

# A status action done, by entity and action.
DONE: dict[tuple[str, str], str] = {
    ("recommendations", "accept"): N_("accepted"),
    ("recommendations", "reject"): N_("rejected"),
    ("recommendations", "merge"): N_("merged into {into}"),
    ("recommendations", "start"): N_("follow-up started"),
    ("recommendations", "complete"): N_("marked done"),
    ("recommendations", "escalate"): N_("escalated"),
    ("recommendations", "answer"): N_("answer recorded"),
    ("forums", "start"): N_("started"),
    ("forums", "close"): N_("closed"),
    ("escalations", "acknowledge"): N_("marked received"),
    ("escalations", "forward"): N_("forwarded"),
    ("escalations", "answer"): N_("answered"),
}
KINDS: dict[str, str] = {
    "create": N_("added"),
    "update": N_("changed: {fields}"),
    "delete": N_("deleted"),
    "restore": N_("restored after it was deleted"),
    "counter": N_("votes counted"),
    "restate": N_("sent again after the server was restored"),
    "resolve": N_("“changed elsewhere” marker closed"),
    "transition": N_("status changed"),
}
SCOPE_CHANGE = N_("scope changed to {scope}")


def change_words(
    session: Session,
    entity: str,
    entity_id: str,
    kind: str,
    fields: Mapping[str, Any],
    known: Mapping[str, Any] | None = None,
) -> str:
    """'Recommendation “…”: accepted'. `known`: the record's fields from its refused create (the
    laptop no longer holds a record the server refused to create)."""
    subject = record_words(session, entity, entity_id, known)
    return tr("{subject}: {done}", subject=subject, done=done_words(session, entity, kind, fields))


def done_words(session: Session, entity: str, kind: str, fields: Mapping[str, Any]) -> str:
    if kind == "transition":
        action = str(fields.get("action", ""))
        template = DONE.get((entity, action))
        if template is None:
            return tr(KINDS[kind])  # a literal key here would be extracted as a message by Babel < 2.19
        register = fields.get("fields") or {}
        into = register.get("merged_into_id") if isinstance(register, dict) else None
        into_words = record_words(session, entity, str(into)) if into else ""
        return tr(template, into=into_words) if "{into}" in template else tr(template)
    if kind == "update":
        changed = fields.get("set") or {}
        if isinstance(changed, dict) and set(changed) == {"scope"}:
            return tr(SCOPE_CHANGE, scope=value_words(session, entity, "scope", changed["scope"]))
        names = ", ".join(field_label(str(name)) for name in changed) if isinstance(changed, dict) else ""
        return tr(KINDS[kind], fields=names)
    return tr(KINDS.get(kind, KINDS["transition"]))
