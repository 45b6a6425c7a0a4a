"""A size in bytes as people read it, one rule for the screens, the command line, the messages and
the paper: megabytes of 1,024 × 1,024 bytes (as the limits are counted: "at most 25 MB" is
25 × 1,024 × 1,024 bytes), one decimal, with the language's decimal sign ("30,0 MB" in
Indonesian, "30.0 MB" in English; the printed documents always say "id")."""

from __future__ import annotations

from desktop.core.i18n import number

MEGABYTE = 1024 * 1024
KILOBYTE = 1024


def megabytes(size: int, *, language: str | None = None) -> str:
    """The number alone ("30,0"), for a message that says "MB" after it."""
    return number(size / MEGABYTE, 1, language=language)


def size_text(size: int, *, language: str | None = None) -> str:
    """With its unit: "48 kB" below a tenth of a megabyte, else "30,0 MB"."""
    if size < MEGABYTE // 10:
        return f"{number(max(1, round(size / KILOBYTE)), language=language)} kB"
    return f"{megabytes(size, language=language)} MB"
