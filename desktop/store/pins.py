"""Quick-unlock PINs of the people who signed in on this laptop (`pins.json` in the data folder).

A PIN belongs to this laptop alone: it is never synced, never carried to a new laptop by a move
file, and only its argon2id hash is kept. It is set after a sign-in with the password; after
`MAX_MISSES` wrong PINs in a row it is forgotten and the password is required (and a new PIN may
be set after it). The count of misses is kept in the file, so closing the app does not reset it.
The file is written atomically (a temporary file renamed over it).
"""

from __future__ import annotations

import json
import logging
import os
from enum import Enum
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.core.errors import EnvironmentProblem, InputError
from desktop.core.i18n import tr
from desktop.core.os_words import os_reason

PINS_FILENAME = "pins.json"
MAX_MISSES = 5
PIN_LENGTHS = range(4, 9)  # digits
log = logging.getLogger("mufakat.pins")
_hasher = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)  # argon2id, as the passwords


class PinCheck(Enum):
    OK = "ok"
    WRONG = "wrong"  # try again (fewer than MAX_MISSES misses so far)
    PASSWORD_REQUIRED = "password_required"  # no PIN (any more): sign in with the password


def check_pin_format(pin: str) -> None:
    """A PIN is 4 to 8 digits; anything else is refused before anything is stored."""
    if not (pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS):
        raise InputError(tr("A PIN is 4 to 8 digits."), field="pin")


class PinStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / PINS_FILENAME

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            # A damaged file forgets the PINs: everyone signs in with the password again.
            log.warning("pins file %s unreadable (%s): PINs forgotten", self.path, exc)
            return {}
        if not isinstance(raw, dict):
            return {}
        return {
            str(user): entry
            for user, entry in raw.items()
            if isinstance(entry, dict) and isinstance(entry.get("hash"), str)
        }

    def _save(self, pins: dict[str, dict[str, Any]]) -> None:
        tmp = self.path.with_suffix(".tmp")
        try:
            with tmp.open("w", encoding="utf-8") as out:
                json.dump(pins, out, indent=2, sort_keys=True)
                out.flush()
                os.fsync(out.fileno())
            tmp.replace(self.path)
        except OSError as exc:
            raise EnvironmentProblem(
                tr("Cannot write the PIN file {path}: {error}", path=self.path, error=os_reason(exc))
            ) from exc

    def has_pin(self, user_id: str) -> bool:
        return user_id in self._load()

    def set_pin(self, user_id: str, pin: str) -> None:
        """Set (or replace) this person's PIN on this laptop; the count of misses starts again."""
        check_pin_format(pin)
        pins = self._load()
        pins[user_id] = {"hash": _hasher.hash(pin), "misses": 0}
        self._save(pins)

    def forget(self, user_id: str) -> None:
        pins = self._load()
        if pins.pop(user_id, None) is not None:
            self._save(pins)

    def check(self, user_id: str, pin: str) -> PinCheck:
        """OK (misses reset), WRONG (one more miss), or PASSWORD_REQUIRED: there is no PIN, or
        this was the last miss allowed (the PIN is forgotten)."""
        pins = self._load()
        entry = pins.get(user_id)
        if entry is None:
            return PinCheck.PASSWORD_REQUIRED
        try:
            _hasher.verify(str(entry["hash"]), pin)
        except (VerificationError, InvalidHashError):
            misses = int(entry.get("misses", 0)) + 1
            if misses >= MAX_MISSES:
                del pins[user_id]
                self._save(pins)
                return PinCheck.PASSWORD_REQUIRED
            entry["misses"] = misses
            self._save(pins)
            return PinCheck.WRONG
        if entry.get("misses"):
            entry["misses"] = 0
            self._save(pins)
        return PinCheck.OK

    def misses_left(self, user_id: str) -> int:
        entry = self._load().get(user_id)
        return 0 if entry is None else MAX_MISSES - int(entry.get("misses", 0))
