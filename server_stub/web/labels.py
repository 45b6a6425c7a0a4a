"""The words for the records' values on the web pages and in the export, one copy (English
msgids; `locale/id.po` holds their Indonesian, and a test holds every one of them translated)."""

from __future__ import annotations

from protocol.vocab import ForumMode, Outcome, PekpppUnsur

UNSUR_LABELS = {
    PekpppUnsur.SERVICE_USERS: "Service users",
    PekpppUnsur.EXPERTS: "Experts, practitioners, academics",
    PekpppUnsur.RELATED_AGENCIES: "Related agencies",
    PekpppUnsur.CIVIL_SOCIETY: "Civil society organisations",
    PekpppUnsur.MEDIA: "Mass media",
}
SCOPE_LABELS = {"unit": "Unit's own scope", "policy": "Policy (proposed upward)"}
STATUS_LABELS = {
    "proposed": "Under discussion",
    "accepted": "Accepted",
    "rejected": "Not followed up",
    "in_progress": "In progress",
    "done": "Done",
    "escalated": "Proposed to the office above",
    "answered": "Answered",
}
MODE_LABELS = {
    ForumMode.FACE_TO_FACE.value: "Face to face",
    ForumMode.ONLINE.value: "Online",
    ForumMode.HYBRID.value: "Hybrid",
}
OUTCOME_LABELS = {Outcome.ADOPTED.value: "Adopted", Outcome.DECLINED.value: "Declined"}
UNSUR_BY_VALUE = {u.value: label for u, label in UNSUR_LABELS.items()}


def every_label() -> list[str]:
    return [
        *UNSUR_LABELS.values(),
        *SCOPE_LABELS.values(),
        *STATUS_LABELS.values(),
        *MODE_LABELS.values(),
        *OUTCOME_LABELS.values(),
    ]
