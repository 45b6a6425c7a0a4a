"""Who is in the room: the attendance list of a forum and its counts (DOMAIN.md: the PEKPPP
evaluation scores how many elements of the public took part: 0, 1–4, or 5 for more than four)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Participant
from desktop.vocab import Category, Gender

# The elements of the public (unsur masyarakat); the organising office's own staff are not one.
PUBLIC_ELEMENTS = frozenset(Category) - {Category.GOVERNMENT, Category.OTHER}
ELEMENTS_FOR_FULL_SCORE = 5


@dataclass(frozen=True)
class Attendance:
    people: list[Participant]  # everyone listed, invited or walked in, by name
    present: int
    by_category: dict[Category, int]  # of those present
    by_gender: dict[Gender | None, int]
    vulnerable: int
    elements: frozenset[Category]  # elements of the public present

    @property
    def pekppp_score(self) -> int:
        """0 = none, 1–4 = that many elements, 5 = more than four."""
        return min(len(self.elements), ELEMENTS_FOR_FULL_SCORE)

    @property
    def too_few_elements(self) -> bool:
        return len(self.elements) < ELEMENTS_FOR_FULL_SCORE


def attendance_of(session: Session, forum_id: str) -> Attendance:
    people = list(
        session.scalars(
            select(Participant)
            .where(Participant.forum_id == forum_id, Participant.deleted.is_(False))
            .order_by(Participant.name, Participant.id)
        )
    )
    present = [p for p in people if p.attended]
    elements = {p.category for p in present if p.category in PUBLIC_ELEMENTS}
    if any(p.vulnerable for p in present):
        elements.add(Category.VULNERABLE_GROUP)
    return Attendance(
        people=people,
        present=len(present),
        by_category=dict(Counter(p.category for p in present)),
        by_gender=dict(Counter(p.gender for p in present)),
        vulnerable=sum(1 for p in present if p.vulnerable),
        elements=frozenset(elements),
    )
