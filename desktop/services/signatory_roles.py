"""The roles of a forum's signatories: the two the app proposes (the head of the unit, a
representative of the public) are stored as codes and worded when shown or printed, so a forum
set up in the English UI prints "Kepala unit" on its Indonesian berita acara, and the English UI
shows "Head of unit". A role typed by the user is stored as typed. Older records stored the
proposed roles as words, in the language of that moment: they are recognised in either."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from desktop.core.i18n import LANGUAGES, N_, language, translate_to

HEAD_OF_UNIT = "head_of_unit"
PUBLIC_REPRESENTATIVE = "public_representative"
ROLES = {
    HEAD_OF_UNIT: N_("Head of unit"),
    PUBLIC_REPRESENTATIVE: N_("Representative of the public"),
}


def role_code(text: str) -> str:
    """What is stored for a role as typed, shown or stored before: the code of a role the app
    words (its code, or its words in any language), else the text as typed."""
    typed = text.strip()
    folded = typed.casefold()
    for code, words in ROLES.items():
        if folded == code or any(folded == translate_to(each, words).casefold() for each in LANGUAGES):
            return code
    return typed


def role_words(stored: str, in_language: str | None = None) -> str:
    """A stored role as `in_language` (the app's when None) says it."""
    code = role_code(stored)
    return translate_to(in_language or language(), ROLES[code]) if code in ROLES else stored


def coded(signatories: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """The signatories as stored: each role the app words by its code."""
    return [{**person, "role": role_code(str(person.get("role", "")))} for person in signatories]


def worded(signatories: Iterable[Mapping[str, str]], in_language: str | None = None) -> list[dict[str, str]]:
    """The signatories as shown or printed: each role in words."""
    return [{**person, "role": role_words(str(person.get("role", "")), in_language)} for person in signatories]
