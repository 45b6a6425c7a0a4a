"""Field validators shared by the services: each cleans one value or raises `InputError`.

A validator is made once per field with its user-facing label (English source, translated
when the message is made) and returns the cleaned value: stripped text, a parsed enum member,
a date. `clean()` runs a set of them over the values a caller gave.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from desktop.core.errors import InputError, ProgrammingError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import choices_text, parse_choice
from protocol.schema import CONTROL

Validator = Callable[[Any], Any]

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-.]{5,24}$")


def _fail(message: str, label: str, **params: object) -> InputError:
    return InputError(tr(message, field=tr(label), **params), field=label)


# C0 control characters other than tab and newline: invisible, and they break exports, the
# printed documents and other programs reading the data (a NUL ends a C string).
CONTROL_RE = re.compile(f"[{CONTROL}]")  # the protocol's: the server refuses the same


def _refuse_control(cleaned: str, label: str) -> None:
    found = CONTROL_RE.search(cleaned)
    if found:
        raise _fail(
            N_("{field} contains an invisible control character (U+{code:04X}) at position {position}; remove it."),
            label,
            code=ord(found.group()),
            position=found.start() + 1,
        )


def text(label: str, *, required: bool = True, max_len: int = 200) -> Validator:
    def check(value: Any) -> str:
        # A line break typed or pasted on Windows (CR LF) is a newline; any other C0 is refused.
        cleaned = "" if value is None else str(value).replace("\r\n", "\n").strip()
        _refuse_control(cleaned, label)
        if required and not cleaned:
            raise _fail(N_("{field} must not be empty."), label)
        if len(cleaned) > max_len:
            raise _fail(
                N_("{field} is too long ({length} characters; at most {limit})."),
                label,
                length=len(cleaned),
                limit=max_len,
            )
        return cleaned

    return check


def choice(enum: type[StrEnum], label: str, *, required: bool = True) -> Validator:
    def check(value: Any) -> StrEnum | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise _fail(
                    N_("{field} must be chosen. Choose one of: {choices}."), label, choices=choices_text(enum)
                )
            return None
        if isinstance(value, enum):
            return value
        member = parse_choice(enum, str(value))
        if member is None:
            raise _fail(
                N_("Unknown {field} {value!r}. Choose one of: {choices}."),
                label,
                value=str(value),
                choices=choices_text(enum),
            )
        return member

    return check


def day(label: str, *, required: bool = True) -> Validator:
    def check(value: Any) -> date | None:
        if value is None or value == "":
            if required:
                raise _fail(N_("{field} must be given (YYYY-MM-DD)."), label)
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise _fail(
                N_("{field} {value!r} is not a date; write it as YYYY-MM-DD."), label, value=str(value)
            ) from None

    return check


# A time of day as people type it: 9, 9.00, 09.00, 9:00, 930, 0900, 21.30 (and 09:00:00 from files).
CLOCK_RE = re.compile(r"^(?:(\d{1,2})(?:[.:](\d{2}))?|(\d{1,2})(\d{2}))(?::00)?$")


def parse_clock(text: str) -> time | None:
    """The time `text` names, None for an empty text; ValueError for anything else."""
    cleaned = text.strip()
    if not cleaned:
        return None
    found = CLOCK_RE.match(cleaned)
    if found is None:
        raise ValueError(cleaned)
    hour, minute = (found[1], found[2]) if found[1] is not None else (found[3], found[4])
    return time(int(hour), int(minute or 0))  # ValueError when out of range (25.00, 9.75)


def clock_time(label: str) -> Validator:
    def check(value: Any) -> time | None:
        if value is None or value == "":
            return None
        if isinstance(value, time):
            return value
        try:
            return parse_clock(str(value))
        except ValueError:
            raise _fail(
                N_("{field} {value!r} is not a time of day; type it as 9, 9.00, 09.00, 9:00 or 0900."),
                label,
                value=str(value).strip(),
            ) from None

    return check


def integer(label: str, low: int, high: int) -> Validator:
    def check(value: Any) -> int:
        try:
            number = int(value)
            if isinstance(value, float) and number != value:
                raise ValueError
        except (TypeError, ValueError):
            raise _fail(N_("{field} must be a whole number."), label) from None
        if not low <= number <= high:
            raise _fail(N_("{field} must be between {low} and {high}."), label, low=low, high=high)
        return number

    return check


def flag(label: str) -> Validator:
    truthy = {"1", "true", "yes", "ya", "y", "x", "v", "✓"}
    falsy = {"", "0", "false", "no", "tidak", "t", "n", "-"}

    def check(value: Any) -> bool:
        if isinstance(value, bool):
            return value
        folded = "" if value is None else str(value).strip().lower()
        if folded in truthy:
            return True
        if folded in falsy:
            return False
        raise _fail(N_("{field} must be yes or no (ya/tidak), not {value!r}."), label, value=str(value))

    return check


def email(label: str) -> Validator:
    def check(value: Any) -> str:
        cleaned = "" if value is None else str(value).strip()
        _refuse_control(cleaned, label)
        if cleaned and not EMAIL_RE.match(cleaned):
            raise _fail(N_("{field} {value!r} is not an e-mail address."), label, value=cleaned)
        return cleaned

    return check


def phone(label: str) -> Validator:
    def check(value: Any) -> str:
        cleaned = "" if value is None else str(value).strip()
        if cleaned.endswith(".0") and cleaned[:-2].isdigit():  # a number cell from a spreadsheet
            cleaned = cleaned[:-2]
        if cleaned and not PHONE_RE.match(cleaned):
            raise _fail(N_("{field} {value!r} is not a phone number."), label, value=cleaned)
        return cleaned

    return check


def nip(label: str) -> Validator:
    """NIP: the 18-digit civil-servant number (spaces allowed when typed), or empty."""

    def check(value: Any) -> str:
        cleaned = re.sub(r"\s", "", "" if value is None else str(value))
        if cleaned and not (cleaned.isdigit() and len(cleaned) == 18):
            raise _fail(N_("{field} must be the 18-digit NIP, not {value!r}."), label, value=cleaned)
        return cleaned

    return check


def signatory_list(label: str) -> Validator:
    keys = ("role", "name", "nip", "title")
    check_nip = nip(N_("NIP"))

    def check(value: Any) -> list[dict[str, str]]:
        if not isinstance(value, list):
            raise _fail(N_("{field} must be a list of signatories."), label)
        cleaned = []
        for entry in value:
            if not isinstance(entry, Mapping):
                raise _fail(N_("{field} must be a list of signatories."), label)
            item = {key: str(entry.get(key, "") or "").strip() for key in keys}
            for key in keys:
                _refuse_control(item[key], label)
            if not item["role"]:
                raise _fail(N_("Every signatory needs a role (e.g. Kepala Kantor)."), label)
            item["nip"] = check_nip(item["nip"])
            cleaned.append(item)
        return cleaned

    return check


def clean(rules: Mapping[str, Validator], values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate `values` with `rules`; a field without a rule is a caller's bug."""
    unknown = set(values) - set(rules)
    if unknown:
        raise ProgrammingError(f"no such field(s): {sorted(unknown)}")
    return {name: rules[name](value) for name, value in values.items()}


def require(rules: Mapping[str, Validator], values: Mapping[str, Any], *names: str) -> dict[str, Any]:
    """Like `clean`, and also run the rules of required fields the caller left out."""
    given = dict(values)
    for name in names:
        given.setdefault(name, None)
    return clean(rules, given)
