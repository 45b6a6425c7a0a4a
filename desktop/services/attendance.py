"""Who is in the room: the attendance list of a forum and its counts, by the one rule of
`domain.unsur` (organisers apart, "Instansi pemerintah" and "Lainnya" not elements of the
public; PEKPPP's score: the unsur present on its five-unsur scale through the office's mapping;
the categories present as the participants' diversity). The screen, the berita acara, the
exports and the score all count with it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import Category, Gender, PekpppUnsur, label, parse_choice
from desktop.models import Forum, Participant, Unit
from desktop.services.lookup import load
from domain.unsur import (
    PUBLIC_CATEGORIES,
    UNSUR_FOR_FULL_SCORE,
    UnsurCount,
    count_unsur,
    is_participant,
    mapping_of,
    stored_mapping,
)

__all__ = ["UNSUR_FOR_FULL_SCORE", "Attendance", "attendance_of", "check_unsur_mapping", "office_mapping"]


@dataclass(frozen=True)
class Attendance:
    people: list[Participant]  # everyone listed, invited or walked in, by name
    count: UnsurCount
    by_gender: dict[Gender | None, int]  # of the participants present (organisers apart)
    held_on: date  # the forum's day (a sign-in on another day shows its date)

    @property
    def present(self) -> int:
        return self.count.present

    @property
    def pekppp_score(self) -> int:
        """PEKPPP indicator 2: the unsur present on its five-unsur scale (0–5)."""
        return self.count.score

    @property
    def too_few_unsur(self) -> bool:
        return self.count.too_few


def office_mapping(session: Session, unit_id: str) -> dict[Category, PekpppUnsur | None]:
    """The office's mapping of the public's categories onto PEKPPP's five unsur."""
    unit = session.get(Unit, unit_id)
    return mapping_of(unit.unsur_mapping if unit is not None else None)


def attendance_of(session: Session, forum_id: str) -> Attendance:
    forum = load(session, Forum, forum_id, N_("Forum"))
    people = list(
        session.scalars(
            select(Participant)
            .where(Participant.forum_id == forum_id, Participant.deleted.is_(False))
            .order_by(Participant.name, Participant.id)
        )
    )
    return Attendance(
        people=people,
        count=count_unsur(people, office_mapping(session, forum.unit_id)),
        by_gender=dict(Counter(p.gender for p in people if is_participant(p))),
        held_on=forum.held_on,
    )


def check_unsur_mapping(value: Any) -> dict[str, str | None]:
    """An office's mapping as typed or chosen: each public category (code or label) to one of
    PEKPPP's five unsur (code or label) or to none; the others keep their defaults."""
    if not isinstance(value, Mapping):
        raise InputError(
            tr("The PEKPPP mapping must name, for each category, one of the five unsur or none.")
        )
    chosen: dict[str, str | None] = {}
    for key, wanted in value.items():
        category = parse_choice(Category, str(key))
        if category is None or category not in PUBLIC_CATEGORIES:
            raise InputError(
                tr(
                    "{category} is not an element of the public: PEKPPP's scale does not count it.",
                    category=label(category) if category else str(key),
                ),
                field="unsur_mapping",
            )
        unsur = None if wanted in (None, "") else parse_choice(PekpppUnsur, str(wanted))
        if wanted not in (None, "") and unsur is None:
            raise InputError(
                tr(
                    "{value!r} is not one of PEKPPP's five unsur; choose one, or none.",
                    value=str(wanted),
                ),
                field="unsur_mapping",
            )
        chosen[category.value] = unsur.value if unsur else None
    return stored_mapping(mapping_of(chosen))
