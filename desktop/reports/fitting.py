"""Words that fit their column: no word broken in the middle of a syllable ("Kebijaka|n"),
no phone number broken at all.

A table's columns are widened, where the others can spare it, until the longest word of each
fits; a word still too wide for its column (a long name, an e-mail address) may break only
between syllables, with a hyphen (pyphen's Indonesian patterns, those of KBBI's syllables:
ke-bi-jak-an). Numbers and groups joined by no-break spaces never break.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

import pyphen
from reportlab.pdfbase.pdfmetrics import stringWidth

NBSP = "\u00a0"
SOFT_HYPHEN = "\u00ad"
# Breakable spaces only: a no-break space joins what it separates.
_SPACES = re.compile(r"[ \t\n\r]+")
_PHONE = re.compile(r"\+?\(?\d[\d()\- ]{4,}\d")
# A column may grow to this share of the table to fit its longest word, no further.
MAX_SHARE = 0.45


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="id_ID")


@cache
def word_width(word: str, font: str, size: float) -> float:
    return float(stringWidth(word, font, size))


def words(value: str) -> list[str]:
    return [w for w in _SPACES.split(value) if w]


def widest_word(value: str, font: str, size: float) -> float:
    return max((word_width(w, font, size) for w in words(value)), default=0.0)


def unbreakable(value: str) -> str:
    """`value` with its spaces made no-break spaces: printed on one line (a phone number)."""
    return value.replace(" ", NBSP)


def keep_numbers(value: str) -> str:
    """Phone numbers in free text ("(0951) 321 000", "0812-3456-7890") made unbreakable."""
    return _PHONE.sub(lambda m: unbreakable(m.group(0)), value)


def syllables(value: str, width: float, font: str, size: float) -> str:
    """`value` with soft hyphens between the syllables of each word wider than `width`, so that
    such a word breaks (if it must) where Indonesian breaks it, with a hyphen."""
    if widest_word(value, font, size) <= width:
        return value
    parts = re.split(r"([ \t\n\r]+)", value)
    for index, part in enumerate(parts):
        if part.strip() and word_width(part, font, size) > width and part.isalpha():
            parts[index] = _hyphenator().inserted(part, hyphen=SOFT_HYPHEN)
    return "".join(parts)


def fit_widths(needed: Sequence[float], widths: Sequence[float]) -> list[float]:
    """Column widths of the same total where each column is at least as wide as `needed` (its
    longest word and its padding), taken from the columns with room to spare, in proportion;
    a column never grows past MAX_SHARE of the table for this."""
    total = sum(widths)
    cap = total * MAX_SHARE
    wanted = [max(w, min(n, cap)) for w, n in zip(widths, needed, strict=True)]
    extra = sum(wanted) - total
    if extra <= 0.01:
        return list(widths)
    spare = [max(0.0, w - n) if w >= n else 0.0 for w, n in zip(widths, needed, strict=True)]
    room = sum(spare)
    if room <= 0:
        return list(widths)
    take = min(extra, room)
    grown = [wanted[i] if wanted[i] > widths[i] else widths[i] for i in range(len(widths))]
    if take < extra:  # not enough room: the growing columns share what there is
        growth = [grown[i] - widths[i] for i in range(len(widths))]
        scale = take / extra
        grown = [widths[i] + growth[i] * scale for i in range(len(widths))]
    return [grown[i] - take * spare[i] / room for i in range(len(widths))]


# A paragraph wraps onto more lines than its width over the column's: each line ends where a
# word no longer fits, a few characters short of the edge.
WRAP_LOSS = 1.12


def _measure(value: str, font: str, size: float) -> list[float]:
    return [stringWidth(line, font, size) for line in value.split("\n")]


def _lines(measured: Sequence[float], width: float) -> int:
    return sum(max(1, math.ceil(w * WRAP_LOSS / width)) for w in measured)


def lines_needed(value: str, width: float, font: str, size: float) -> int:
    """About how many lines `value` takes in a column `width` points wide (inside its padding):
    each of its lines' width over the column's, rounded up."""
    return _lines(_measure(value, font, size), width)


def balanced_share(
    rows: Sequence[tuple[str, str, int]],
    room: float,
    font: str,
    size: float,
    padding: float,
    shares: Sequence[float] = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75),
) -> float:
    """The share of `room` (points) for the first of two text columns that makes a table's rows
    the least tall: each row is as tall as its tallest cell, of the two columns' texts and the
    lines its other cells take (the third of each row). A long text beside a short one gets the
    width, so that neither wraps onto many short lines beside an empty cell."""
    measured = [
        (_measure(first, font, size), _measure(second, font, size), other) for first, second, other in rows
    ]

    def height(share: float) -> int:
        one, two = room * share - 2 * padding, room * (1 - share) - 2 * padding
        return sum(max(_lines(a, one), _lines(b, two), other) for a, b, other in measured)

    return min(shares, key=lambda share: (height(share), abs(share - 0.55)))
