"""Who counts as an element of the public (*unsur masyarakat*) at a forum, in one definition for
the attendance screen, the berita acara, the exports and the PEKPPP score (issue #13).

- Only people present count, and never the organisers (the office's own staff: role
  `organizer`); they are listed apart from the participants.
- "Instansi pemerintah" and "Lainnya" are not elements of the public.
- The elements present are the participants' other categories, and "kelompok rentan" when a
  participant belongs to a vulnerable group (whatever category they came as).
- PEKPPP's score for the number of elements: 0 = none, 1–4 = that many, 5 = more than four.

PEKPPP's evaluators also count on a scale of five *unsur* (indicator 2: pengguna layanan;
ahli/praktisi/akademisi; instansi terkait; organisasi masyarakat sipil; media massa). Each
office maps the app's categories onto them (a field of the unit: `unsur_mapping`); a category
mapped to none is not counted on that scale. The mapping comes from evaluators' tools, not the
regulation (DOMAIN.md), so it is the office's to change; `DEFAULT_MAPPING` is where it starts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from protocol.vocab import Category, PekpppUnsur, Role

NOT_PUBLIC = frozenset({Category.GOVERNMENT, Category.OTHER})
PUBLIC_CATEGORIES: tuple[Category, ...] = tuple(c for c in Category if c not in NOT_PUBLIC)
ELEMENTS_FOR_FULL_SCORE = 5

DEFAULT_MAPPING: dict[Category, PekpppUnsur | None] = {
    Category.SERVICE_USER: PekpppUnsur.SERVICE_USERS,
    Category.CLIENT_OFFICE: PekpppUnsur.SERVICE_USERS,  # the satker a KPPN serves are its users
    Category.STAKEHOLDER: PekpppUnsur.RELATED_AGENCIES,
    Category.ACADEMIC: PekpppUnsur.EXPERTS,
    Category.COMMUNITY_FIGURE: PekpppUnsur.CIVIL_SOCIETY,
    Category.NGO: PekpppUnsur.CIVIL_SOCIETY,
    Category.MEDIA: PekpppUnsur.MEDIA,
    Category.VULNERABLE_GROUP: PekpppUnsur.CIVIL_SOCIETY,
}


class Present(Protocol):
    """What the rule reads of a person on the attendance list."""

    @property
    def category(self) -> Category: ...
    @property
    def role(self) -> Role: ...
    @property
    def vulnerable(self) -> bool: ...
    @property
    def attended(self) -> bool: ...


def mapping_of(stored: Mapping[str, str | None] | None) -> dict[Category, PekpppUnsur | None]:
    """An office's mapping of the public categories onto PEKPPP's five unsur: the stored
    choices over the defaults (null is none; keys and values this version does not know are
    ignored)."""
    mapping = dict(DEFAULT_MAPPING)
    units = {u.value: u for u in PekpppUnsur}
    for key, value in (stored or {}).items():
        category = next((c for c in mapping if c.value == key), None)
        if category is not None and (value is None or value in units):
            mapping[category] = units[value] if value is not None else None
    return mapping


def stored_mapping(mapping: Mapping[Category, PekpppUnsur | None]) -> dict[str, str | None]:
    """A mapping as the unit record stores it: every public category, null for none."""
    return {c.value: (u.value if (u := mapping.get(c)) is not None else None) for c in PUBLIC_CATEGORIES}


def is_participant(person: Present) -> bool:
    """Present and not one of the organisers."""
    return person.attended and person.role != Role.ORGANIZER


@dataclass(frozen=True)
class UnsurCount:
    present: int  # everyone present, organisers included
    organisers: int  # the office's own staff present (listed apart)
    by_category: Mapping[Category, int]  # participants present, per category (all categories)
    vulnerable: int  # participants present from a vulnerable group
    elements: frozenset[Category]  # the elements of the public present
    mapping: Mapping[Category, PekpppUnsur | None]
    pekppp: frozenset[PekpppUnsur]  # PEKPPP's five unsur present, through the mapping

    @property
    def participants(self) -> int:
        return self.present - self.organisers

    @property
    def public(self) -> int:
        """Participants who are an element of the public (their category is one)."""
        return sum(n for c, n in self.by_category.items() if c not in NOT_PUBLIC)

    @property
    def score(self) -> int:
        """PEKPPP: 0 = none, 1–4 = that many elements, 5 = more than four."""
        return min(len(self.elements), ELEMENTS_FOR_FULL_SCORE)

    @property
    def too_few(self) -> bool:
        return len(self.elements) < ELEMENTS_FOR_FULL_SCORE

    def mapped_from(self, unsur: PekpppUnsur) -> tuple[Category, ...]:
        """The public categories an office counts as `unsur`, in the vocabulary's order."""
        return tuple(c for c in PUBLIC_CATEGORIES if self.mapping.get(c) is unsur)


def count_unsur(people: Iterable[Present], mapping: Mapping[Category, PekpppUnsur | None]) -> UnsurCount:
    present = [p for p in people if p.attended]
    participants = [p for p in present if is_participant(p)]
    elements = {p.category for p in participants if p.category not in NOT_PUBLIC}
    vulnerable = sum(1 for p in participants if p.vulnerable)
    if vulnerable:
        elements.add(Category.VULNERABLE_GROUP)
    full = {**DEFAULT_MAPPING, **mapping}
    return UnsurCount(
        present=len(present),
        organisers=len(present) - len(participants),
        by_category=dict(Counter(p.category for p in participants)),
        vulnerable=vulnerable,
        elements=frozenset(elements),
        mapping=full,
        pekppp=frozenset(u for c in elements if (u := full.get(c)) is not None),
    )
