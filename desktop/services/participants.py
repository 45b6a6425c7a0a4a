"""Participants and attendance (daftar hadir)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import NotFoundError, TransitionError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import Category, Gender, Role
from desktop.models import Participant, Recommendation
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.forums import open_forum
from desktop.services.journal import Journal, start_action
from desktop.services.lookup import load

RULES: dict[str, f.Validator] = {
    "name": f.text(N_("Name")),
    "organization": f.text(N_("Organization"), required=False),
    "category": f.choice(Category, N_("Element of the public")),
    "gender": f.choice(Gender, N_("Gender"), required=False),
    "vulnerable": f.flag(N_("Vulnerable group")),
    "phone": f.phone(N_("Phone")),
    "email": f.email(N_("E-mail")),
    "role": f.choice(Role, N_("Role")),
    "invited": f.flag(N_("Invited")),
    "attended": f.flag(N_("Attended")),
}


def add_participant(session: Session, ctx: Context, forum_id: str, **values: Any) -> str:
    forum = open_forum(session, forum_id)
    data = f.require(RULES, values, "name", "category")
    data.setdefault("role", Role.PARTICIPANT)
    if data.get("category") == Category.VULNERABLE_GROUP:
        data["vulnerable"] = True
    person = Participant(forum_id=forum.id, unit_id=forum.unit_id, **data)
    if person.attended:
        person.signed_in_at = ctx.now()
    Journal(session, ctx).create(person)
    return person.id


def _person(session: Session, participant_id: str) -> Participant:
    """A participant of a forum that may still change."""
    person = load(session, Participant, participant_id, N_("Participant"))
    open_forum(session, person.forum_id)
    return person


def update_participant(session: Session, ctx: Context, participant_id: str, **changes: Any) -> None:
    person = _person(session, participant_id)
    Journal(session, ctx).update(person, **f.clean(RULES, changes))


def sign_in(session: Session, ctx: Context, participant_id: str) -> None:
    person = _person(session, participant_id)
    if not person.attended:
        Journal(session, ctx).update(person, "sign_in", attended=True, signed_in_at=ctx.now())


def undo_sign_in(session: Session, ctx: Context, participant_id: str) -> None:
    person = _person(session, participant_id)
    if person.attended:
        Journal(session, ctx).update(person, "undo_sign_in", attended=False, signed_in_at=None)


def remove_participant(session: Session, ctx: Context, participant_id: str) -> None:
    """Take someone off the list (a tombstone: the removal travels and is audited). Someone who
    raised a recommendation stays: the minutes name them; correct their name instead."""
    person = _person(session, participant_id)
    raised = session.scalar(
        select(func.count())
        .select_from(Recommendation)
        .where(Recommendation.raised_by_id == person.id, Recommendation.deleted.is_(False))
    )
    if raised:
        raise TransitionError(
            tr(
                "{name} raised {count} recommendation(s) of this forum, so they stay on the list "
                "(the minutes name them). To correct the name, edit it.",
                name=person.name,
                count=raised,
            )
        )
    Journal(session, ctx).delete(person)


def restore_participant(session: Session, ctx: Context, participant_id: str) -> str:
    """Undo a removal: the same person is on the list again (their id, signed in as they were,
    their history), by an audited restore that travels as the removal did."""
    removed = session.get(Participant, participant_id)
    if removed is None or not removed.deleted:
        raise NotFoundError(
            tr("{what} {id} does not exist (or was deleted).", what=tr(N_("Participant")), id=participant_id)
        )
    open_forum(session, removed.forum_id)
    Journal(session, ctx).restore(removed)
    return removed.id


@dataclass
class ImportResult:
    added: int
    already_listed: int


def _key(name: str, organization: str) -> tuple[str, str]:
    return " ".join(name.lower().split()), " ".join(organization.lower().split())


def import_participants(
    session: Session, ctx: Context, forum_id: str, rows: list[dict[str, Any]]
) -> ImportResult:
    """Add validated invitation-list rows; a person already listed (same name and organization)
    is not added twice, so importing the same list again changes nothing."""
    forum = open_forum(session, forum_id)
    existing = {
        _key(p.name, p.organization)
        for p in session.scalars(
            select(Participant).where(Participant.forum_id == forum.id, Participant.deleted.is_(False))
        )
    }
    added = skipped = 0
    for row in rows:
        key = _key(str(row.get("name", "")), str(row.get("organization", "") or ""))
        if key in existing:
            skipped += 1
            continue
        existing.add(key)
        start_action(session)  # each person is an action of their own on the server
        add_participant(session, ctx, forum.id, **{"invited": True, **row})
        added += 1
    return ImportResult(added=added, already_listed=skipped)
