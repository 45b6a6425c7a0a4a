"""Which PEKPPP indicators each printed document is evidence for (PermenPANRB 29/2022).

*Unconfirmed* (DOMAIN.md): the regulation's text numbers no indicators; these numbers come from
evaluators' tools (the lembar kerja evaluasi), which are renumbered from one year to the next.
So they are a table each office can change (a field of its unit, `pekppp_indicators`, set in
Settings → document templates), never a constant in a document: `DEFAULT` is where it starts,
and a document whose list is empty names no indicator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.core.errors import InputError
from desktop.core.i18n import tr

CONFIRMED = False  # no official text numbers the indicators (see above)
HIGHEST = 999
MOST = 20  # numbers per document
DEFAULT: dict[str, tuple[int, ...]] = {
    "minutes": (1, 2, 4),  # FKP held, the public's elements counted, what was agreed (the evidence pack)
    "attendance-sheet": (1, 2),  # the signed daftar hadir: who came, of which elements
    "photos": (1,),  # dokumentasi: the forum took place
    "implementation-report": (1, 2),  # FKP held, with the public's elements (pasca pelaksanaan)
    "notes": (2,),  # who said what, and the office's answers
    "followup-report": (8, 9, 27, 28),  # follow-up of the results, and its speed
    "survey-report": (6, 7, 8, 9),  # SKM held, published, followed up
    "survey-actions-report": (8, 9),  # the SKM's rencana tindak lanjut and its realisation
    "register": (27, 28),  # consultation inputs handled, and how fast
}
# What each default number stands for, in the words the evidence pack's index prints beside it
# (unconfirmed, as the numbers are); a number an office adds has no words and prints alone.
WORDS: dict[int, str] = {
    1: "Forum Konsultasi Publik diselenggarakan",
    2: "Unsur masyarakat yang terlibat",
    4: "Kesepakatan hasil Forum Konsultasi Publik",
    6: "Survei Kepuasan Masyarakat dilaksanakan",
    7: "Hasil Survei Kepuasan Masyarakat dipublikasikan",
    8: "Rencana tindak lanjut hasil FKP dan SKM",
    9: "Realisasi tindak lanjut",
    27: "Pengelolaan masukan dan pengaduan",
    28: "Kecepatan tindak lanjut masukan",
}
_NUMBER_OR_RANGE = re.compile(r"^(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?$")


def indicators_of(stored: Mapping[str, Iterable[int]] | None) -> dict[str, tuple[int, ...]]:
    """The office's table: its own lists over the defaults (documents this version does not
    print are ignored)."""
    table = dict(DEFAULT)
    for key, numbers in (stored or {}).items():
        if key in table:
            table[key] = tuple(sorted(set(numbers)))
    return table


def parse_numbers(text: str) -> list[int]:
    """ "8–9, 27" → [8, 9, 27]: numbers and ranges separated by commas (or "dan"/"and")."""
    found: set[int] = set()
    parts = [p.strip() for p in re.split(r",|;|\bdan\b|\band\b", text) if p.strip()]
    for part in parts:
        match = _NUMBER_OR_RANGE.match(part)
        low = int(match.group(1)) if match else 0
        high = int(match.group(2) or low) if match else 0
        if not match or not 1 <= low <= high <= HIGHEST or high - low >= MOST:
            raise InputError(
                tr(
                    "{part!r} is not an indicator number; write numbers from 1 to {highest} and ranges "
                    "such as “8, 9, 27–28”.",
                    part=part,
                    highest=HIGHEST,
                )
            )
        found.update(range(low, high + 1))
    if len(found) > MOST:
        raise InputError(tr("At most {most} indicators per document.", most=MOST))
    return sorted(found)


def check(value: Any) -> dict[str, list[int]]:
    """A table as the unit stores it: known documents, each with its numbers (sorted)."""
    if not isinstance(value, Mapping):
        raise InputError(tr("The PEKPPP indicators must be a table of documents and numbers."))
    cleaned: dict[str, list[int]] = {}
    for key, numbers in value.items():
        if key not in DEFAULT:
            raise InputError(
                tr(
                    "{name!r} is not a document. Choose one of: {choices}.",
                    name=str(key),
                    choices=", ".join(DEFAULT),
                )
            )
        listed = parse_numbers(numbers) if isinstance(numbers, str) else numbers
        if not isinstance(listed, list | tuple) or not all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= HIGHEST for n in listed
        ):
            raise InputError(tr("Indicator numbers are whole numbers from 1 to {highest}.", highest=HIGHEST))
        if len(set(listed)) > MOST:
            raise InputError(tr("At most {most} indicators per document.", most=MOST))
        cleaned[str(key)] = sorted(set(listed))
    return cleaned


def described(number: int) -> str:
    """ "2 — Unsur masyarakat yang terlibat" (a number without words: the number alone)."""
    words = WORDS.get(number)
    return f"{number} — {words}" if words else str(number)


def numbers_text(numbers: Iterable[int]) -> str:
    """[1, 2] → "1–2"; [8, 9, 27, 28] → "8–9 dan 27–28"; [2, 5, 7] → "2, 5, dan 7"."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} dan {parts[1]}"
    return ", ".join(parts[:-1]) + f", dan {parts[-1]}"
