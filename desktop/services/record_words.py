"""Records and their fields as people name them: "Rekomendasi “Tambah petugas CS”", a field's
label, a stored value worded (an enum's label, the name of the record an id points at). For the
screens that tell a user about a change without showing ids or operation kinds ("Perlu
perhatian", the "changed elsewhere" markers)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.i18n import N_, tr
from desktop.core.vocab import LABELS
from desktop.models import MODEL_BY_TABLE
from protocol.entities import ENTITIES

# What each kind of record is called at the start of a sentence.
ENTITY_NAMES: dict[str, str] = {
    "units": N_("Office"),
    "forums": N_("Forum"),
    "participants": N_("Participant"),
    "agenda_items": N_("Agenda item"),
    "recommendations": N_("Recommendation"),
    "follow_ups": N_("Follow-up"),
    "escalations": N_("Escalation"),
    "survey_periods": N_("Survey period"),
    "survey_responses": N_("Questionnaire"),
    "survey_actions": N_("Survey action"),
    "audit_events": N_("History entry"),
    "attachments": N_("Attachment"),
    "users": N_("User"),
}

# The field that names a record of each kind (a questionnaire has none).
NAME_FIELDS: dict[str, str] = {
    "units": "name",
    "forums": "title",
    "participants": "name",
    "agenda_items": "title",
    "recommendations": "text",
    "follow_ups": "action",
    "escalations": "rec_text",
    "survey_periods": "title",
    "survey_actions": "action",
    "attachments": "file_name",
}

FIELD_LABELS: dict[str, str] = {
    "text": N_("Text"),
    "scope": N_("Scope"),
    "category": N_("Topic"),
    "priority": N_("Priority"),
    "agenda_item_id": N_("Agenda item"),
    "raised_by_id": N_("Raised by"),
    "title": N_("Title"),
    "theme": N_("Theme"),
    "held_on": N_("Date"),
    "starts_at": N_("Start time"),
    "ends_at": N_("End time"),
    "venue": N_("Venue"),
    "mode": N_("Mode"),
    "facilitator": N_("Facilitator"),
    "moderator": N_("Moderator"),
    "note_taker": N_("Note-taker"),
    "document_number": N_("Document number"),
    "summary": N_("Discussion summary"),
    "agreements": N_("Agreements"),
    "signatories": N_("Signatories"),
    "name": N_("Name"),
    "organization": N_("Organization"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "action": N_("Action"),
    "owner": N_("Person in charge"),
    "due_on": N_("Due date"),
    "progress": N_("Progress (%)"),
    "evidence": N_("Evidence"),
    "presenter": N_("Presenter"),
    "planned_minutes": N_("Planned minutes"),
    "notes": N_("Notes"),
    "full_name": N_("Full official name"),
    "letterhead": N_("Letterhead"),
    "address": N_("Address"),
    # The documents' fields (desktop/services/templates.py, survey_actions.py).
    "response": N_("Response"),
    "completed_on": N_("Date completed"),
    "element": N_("Element"),
    "realisation": N_("Realisation"),
    "report_basis": N_("Legal basis (dasar)"),
    "report_purpose": N_("Purpose (maksud dan tujuan)"),
    "report_closing": N_("Closing (penutup)"),
    "invitation_number": N_("Invitation number (nomor)"),
    "invitation_nature": N_("Invitation nature (sifat)"),
    "invitation_subject": N_("Invitation subject (hal)"),
    "invitation_date": N_("Invitation date"),
    "pekppp_indicators": N_("PEKPPP indicators"),
    # An attached file's (desktop/services/attachments.py).
    "caption": N_("Caption"),
    "kind": N_("Kind of file"),
    "file_name": N_("File name"),
    # Every other field of a synced record (a refusal of the server may name any: desktop/sync/refusals.py).
    "ack_due_on": N_("Receipt due date"),
    "actor": N_("Done by"),
    "after": N_("Value after"),
    "age_band": N_("Age group"),
    "answer": N_("Answer"),
    "answered_at": N_("Answered at"),
    "answered_by": N_("Answered by"),
    "answered_on": N_("Date filled in"),
    "at": N_("Time"),
    "attended": N_("Attended"),
    "before": N_("Value before"),
    "cause": N_("Cause"),
    "city": N_("City"),
    "code": N_("Code"),
    "content": N_("Content"),
    "day": N_("Date"),
    "device_id": N_("Device"),
    "dispute_reason": N_("Reason for the objection"),
    "disputed_at": N_("Objected at"),
    "education": N_("Education"),
    "ended_at": N_("Ended at"),
    "ends_on": N_("End date"),
    "entity": N_("Kind of record"),
    "entity_id": N_("Record changed"),
    "escalation_working_days": N_("Working days to answer an escalation"),
    "follow_up_working_days": N_("Working days for a follow-up"),
    "forum_held_on": N_("Forum date"),
    "forum_id": N_("Forum"),
    "forum_title": N_("Forum title"),
    "forwarded_to_id": N_("Forwarded to"),
    "from_unit_id": N_("From office"),
    "frozen_at": N_("Frozen at"),
    "frozen_by": N_("Frozen by"),
    "gender": N_("Gender"),
    "head_name": N_("Head's name"),
    "head_nip": N_("Head's NIP"),
    "head_title": N_("Head's title"),
    "height": N_("Height (px)"),
    "hlc": N_("Clock stamp"),
    "ikm_method": N_("IKM method"),
    "invited": N_("Invited"),
    "issued_by": N_("Issued by"),
    "issued_on": N_("Date issued"),
    "logo": N_("Logo"),
    "media_type": N_("File type"),
    "merged_into_id": N_("Merged into"),
    "note": N_("Note"),
    "occupation": N_("Occupation"),
    "outcome": N_("Outcome"),
    "owner_entity": N_("Attached to (kind)"),
    "owner_id": N_("Attached to"),
    "paper": N_("Paper size"),
    "parent_id": N_("Parent office"),
    "period_id": N_("Survey period"),
    "position": N_("Position"),
    "previous_id": N_("Previous escalation"),
    "reason": N_("Reason"),
    "rec_text": N_("Recommendation text"),
    "recommendation_id": N_("Recommendation"),
    "role": N_("Role"),
    "sent_at": N_("Sent at"),
    "service": N_("Service"),
    "service_users": N_("Service users"),
    "sha256": N_("Checksum (SHA-256)"),
    "signed_in_at": N_("Signed in at"),
    "size": N_("Size"),
    "started_at": N_("Started at"),
    "starts_on": N_("Start date"),
    "status": N_("Status"),
    "status_at": N_("Status changed at"),
    "status_by": N_("Status changed by"),
    "status_reason": N_("Reason for the status"),
    "time_zone": N_("Time zone"),
    "to_unit_id": N_("To office"),
    "u1": N_("Answer to U1"),
    "u2": N_("Answer to U2"),
    "u3": N_("Answer to U3"),
    "u4": N_("Answer to U4"),
    "u5": N_("Answer to U5"),
    "u6": N_("Answer to U6"),
    "u7": N_("Answer to U7"),
    "u8": N_("Answer to U8"),
    "u9": N_("Answer to U9"),
    "unsur_mapping": N_("Mapping to PEKPPP's unsur"),
    "version": N_("Version"),
    "vote_counts": N_("Votes per device"),
    "votes": N_("Votes"),
    "vulnerable": N_("Vulnerable group"),
    "website": N_("Website"),
    "width": N_("Width (px)"),
    "active": N_("Active"),
    "completion_needs_file": N_("Completion needs an attached file"),
    "deactivated_at": N_("Deactivated on"),
    "deactivated_by": N_("Deactivated by"),
    "device_name": N_("Laptop it was added on"),
    "jabatan": N_("Job title"),
    "nip": N_("NIP"),
    "password_hash": N_("Password"),
    "public_url": N_("Public web address"),
    "published": N_("Published"),
    "roles": N_("Roles"),
}

SHORT_NAME = 60  # characters of a record's name in a sentence
LONG_VALUE = 2000  # characters of a value shown whole (a forum's summary may hold 50,000)


def entity_name(entity: str) -> str:
    return tr(ENTITY_NAMES[entity]) if entity in ENTITY_NAMES else entity


def field_label(field: str) -> str:
    return tr(FIELD_LABELS[field]) if field in FIELD_LABELS else field.replace("_", " ")


def shortened(text: str, limit: int = SHORT_NAME) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def name_of(session: Session, entity: str, record_id: str, known: Mapping[str, Any] | None = None) -> str:
    """The record's name as this laptop holds it, else from `known` (the fields of its refused
    create), else empty."""
    field = NAME_FIELDS.get(entity)
    model = MODEL_BY_TABLE.get(entity)
    if field is None or model is None:
        return ""
    value = session.scalar(select(getattr(model, field)).where(model.id == record_id))
    if value is None and known is not None:
        value = known.get(field)
    return shortened(str(value)) if value else ""


def record_words(
    session: Session, entity: str, record_id: str, known: Mapping[str, Any] | None = None
) -> str:
    """'Recommendation “Tambah petugas CS”' (or only 'Questionnaire' for one without a name)."""
    name = name_of(session, entity, record_id, known)
    return tr("{kind} “{name}”", kind=entity_name(entity), name=name) if name else entity_name(entity)


def value_words(session: Session, entity: str, field: str, value: Any) -> str:
    """A stored value as people read it: an enum's label, the name of the record an id points
    at, yes or no, a dash for nothing."""
    if value is None or value == "":
        return "—"
    model = MODEL_BY_TABLE.get(entity)
    if model is not None and field in model.__audit_digest__:  # an image: not shown as text
        return tr("(an image)")
    spec = ENTITIES[entity].by_name.get(field) if entity in ENTITIES else None
    if spec is not None and spec.values is not None:
        member = _member(spec.values, value)
        return tr(LABELS[member]) if member is not None and member in LABELS else str(value)
    if spec is not None and spec.refers_to in MODEL_BY_TABLE and isinstance(value, str):
        return name_of(session, str(spec.refers_to), value) or value
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list):
        return ", ".join(str(v.get("name") or v) if isinstance(v, dict) else str(v) for v in value)
    text = str(value)
    return text if len(text) <= LONG_VALUE else text[: LONG_VALUE - 1] + "…"


def values_words(session: Session, entity: str, values: Mapping[str, Any]) -> str:
    """Several fields' values: 'Text: …; Scope: …' (one field: its value alone)."""
    if len(values) == 1:
        [(field, value)] = values.items()
        return value_words(session, entity, field, value)
    return "; ".join(f"{field_label(f)}: {value_words(session, entity, f, v)}" for f, v in values.items())


def _member(enum: type[StrEnum], value: object) -> StrEnum | None:
    try:
        return enum(str(value))
    except ValueError:
        return None
