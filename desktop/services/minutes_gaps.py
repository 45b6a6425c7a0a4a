"""What a berita acara would print empty, said before it is frozen (closing) or printed as a
draft: no number, a signature block with no name under it (the public's representative is
often left empty: the minutes then print "(……………)" for the person who signs for the public),
and no signing place (the office has not given its city). Not refusals: each may be written by
hand on the printout, but the user decides that knowingly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.i18n import N_, tr
from desktop.models import Forum, Participant, Unit
from desktop.services.lookup import load
from desktop.services.signatory_roles import role_words


def gaps(number: str, signatories: Sequence[Mapping[str, str]], city: str) -> list[str]:
    said = []
    if not number.strip():
        said.append(tr("The minutes have no number yet: type it, or leave it to write by hand."))
    for person in signatories:
        if not str(person.get("name", "")).strip():
            who = str(person.get("title") or role_words(str(person.get("role") or ""))).strip() or tr("a signatory")
            said.append(
                tr(
                    "The berita acara will print an empty signature block for {who}: type the name, or "
                    "leave it to be written by hand.",
                    who=who,
                )
            )
    if not city.strip():
        said.append(
            tr(
                "The office has no city yet, so the signing place is left as dots to fill by hand: type "
                "the city or regency where the office is (Settings → Office keeps it)."
            )
        )
    return said


def forum_gaps(session: Session, forum_id: str) -> list[str]:
    """The gaps of a forum's minutes as they are now (its draft)."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    unit = session.get(Unit, forum.unit_id)
    return gaps(forum.document_number, forum.signatories, unit.city if unit is not None else "")


def attendees(session: Session, forum_id: str) -> int:
    """How many are signed in as present (organisers included): the attendance list prints them."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Participant)
            .where(Participant.forum_id == forum_id, Participant.deleted.is_(False), Participant.attended.is_(True))
        )
        or 0
    )


def closing_doubts(present: int, venue: str) -> list[str]:
    """What would make a frozen berita acara say the forum barely took place: nobody signed in
    (its attendance list prints empty) or no venue (it says nowhere where it was held). Closing
    asks before it freezes them so (a forum held with no one present is rare, not impossible)."""
    said = []
    if present == 0:
        said.append(
            tr(
                "No one is signed in as present: the berita acara would print an empty attendance list. "
                "Sign the attendees in first (the Attendance tab)."
            )
        )
    if not venue.strip():
        said.append(tr("The forum has no venue: the berita acara would not say where it was held. Type it above."))
    return said
