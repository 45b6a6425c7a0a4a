"""Text cells that a spreadsheet would run as a formula (CSV/formula injection): a text
starting with `=`, `+`, `-`, `@`, a tab or a carriage return. Exports neutralise them: CSV gets
a leading apostrophe (what OWASP recommends; Excel shows the text as typed), XLSX cells are
written as text explicitly (openpyxl would otherwise store a string starting with `=` as a
formula)."""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell: risky text gets a leading apostrophe; numbers stay numbers."""
    return "'" + value if looks_like_formula(value) else value
