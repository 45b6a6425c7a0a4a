"""Who counts as an element of the public (*unsur masyarakat*) at a forum, and the one PEKPPP
figure that follows, in one definition for the attendance screen, the berita acara, the Laporan
Pelaksanaan, the exports and the PEKPPP indicator table (issue #13).

- Only people present count, and never the organisers (the office's own staff: role
  `organizer`); they are listed apart from the participants.
- "Instansi pemerintah" and "Lainnya" are not elements of the public.
- **The PEKPPP figure** (indicator 2, *jumlah unsur*) is counted on PEKPPP's scale of five
  *unsur* (pengguna layanan; ahli/praktisi/akademisi; instansi terkait; organisasi masyarakat
  sipil; media massa): each participant's category counts for the unsur the office maps it to
  (a field of the unit: `unsur_mapping`; a category mapped to none is not counted). The score is
  the number of those unsur present: 0 = none, 1–4 = that many, 5 = all five. It is the only
  figure printed as a *nilai*, with the mapping beside it so that it can be checked.
- The app's finer categories are the participants' **diversity** (UU 25/2009 art. 20(4): mindful
  of diversity): shown as a count of categories present, never as a score.
- **Kelompok rentan** (disability, elderly, women's groups) is an attribute of participants,
  shown as how many of them belong to one; it is never an unsur of its own. A participant who
  came as "kelompok rentan" (a category) counts for the unsur the office maps that category to.

The five-unsur scale and the mapping come from evaluators' tools, not the regulation
(DOMAIN.md: unconfirmed), so the mapping is the office's to change; `DEFAULT_MAPPING` is where
it starts. Berita acara frozen before this rule keep the bytes they were printed with
(desktop/documents/printed.py keeps each one's first print).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from protocol.vocab import Category, PekpppUnsur, Role

NOT_PUBLIC = frozenset({Category.GOVERNMENT, Category.OTHER})
PUBLIC_CATEGORIES: tuple[Category, ...] = tuple(c for c in Category if c not in NOT_PUBLIC)
UNSUR_FOR_FULL_SCORE = len(PekpppUnsur)  # the five unsur of PEKPPP's scale

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
    vulnerable: int  # participants present from a vulnerable group (an attribute, no unsur)
    categories: frozenset[Category]  # the public's categories present: their diversity
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
        """PEKPPP indicator 2: the unsur present on the five-unsur scale (0 = none, 1–4 = that
        many, 5 = all five)."""
        return len(self.pekppp)

    @property
    def too_few(self) -> bool:
        return self.score < UNSUR_FOR_FULL_SCORE

    @property
    def missing(self) -> tuple[PekpppUnsur, ...]:
        """PEKPPP's unsur nobody present counts for, in the scale's order."""
        return tuple(u for u in PekpppUnsur if u not in self.pekppp)

    def mapped_from(self, unsur: PekpppUnsur) -> tuple[Category, ...]:
        """The public categories an office counts as `unsur`, in the vocabulary's order."""
        return tuple(c for c in PUBLIC_CATEGORIES if self.mapping.get(c) is unsur)


def count_unsur(people: Iterable[Present], mapping: Mapping[Category, PekpppUnsur | None]) -> UnsurCount:
    present = [p for p in people if p.attended]
    participants = [p for p in present if is_participant(p)]
    categories = {p.category for p in participants if p.category not in NOT_PUBLIC}
    full = {**DEFAULT_MAPPING, **mapping}
    return UnsurCount(
        present=len(present),
        organisers=len(present) - len(participants),
        by_category=dict(Counter(p.category for p in participants)),
        vulnerable=sum(1 for p in participants if p.vulnerable),
        categories=frozenset(categories),
        mapping=full,
        pekppp=frozenset(u for c in categories if (u := full.get(c)) is not None),
    )
