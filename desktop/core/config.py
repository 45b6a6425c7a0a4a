"""Where the data lives and this laptop's own preferences (language, operator).

The data folder is, in order: `--data-dir DIR`, `$MUFAKAT_DATA_DIR`, the user data folder of
the platform (e.g. ~/.local/share/mufakat). It holds the database, its backups, the log and
`settings.json`.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from desktop.core.errors import EnvironmentProblem, InputError
from desktop.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, tr
from desktop.core.os_words import os_reason

APP_NAME = "mufakat"
DATA_DIR_ENV = "MUFAKAT_DATA_DIR"
DB_FILENAME = "mufakat.sqlite3"
SETTINGS_FILENAME = "settings.json"
LOG_DIRNAME = "logs"  # mufakat.log and its rotated predecessors (desktop.core.logs)
LOG_FILENAME = "mufakat.log"
BACKUP_DIRNAME = "backups"
TOKEN_FILENAME = "device-token"  # the server's token for this device; never travels
SECRET_FILENAME = "device-secret"  # made at the first enrollment; proves this laptop is this device
# The secret of the device whose data this laptop took in ("Pindahkan ke laptop baru"): sent at
# enrollment as the proof that retires that device, then deleted. Never this laptop's own.
MOVED_SECRET_FILENAME = "moved-from-secret"
# The platform's user data folder for Mufakat, with no vendor folder above it (on Windows
# %LOCALAPPDATA%\mufakat, not %LOCALAPPDATA%\mufakat\mufakat).
USER_DATA_DIR: dict[str, Any] = {"appname": APP_NAME, "appauthor": False}


def log_path(data_dir: Path) -> Path:
    """The log file of the app and the command line, in the data folder's `logs/`."""
    return data_dir / LOG_DIRNAME / LOG_FILENAME


def resolve_data_dir(cli_value: str | None = None, env: Mapping[str, str] = os.environ) -> Path:
    """The data folder chosen by flag, environment or platform default (not created here)."""
    chosen = cli_value or env.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return Path(platformdirs.PlatformDirs(**USER_DATA_DIR).user_data_dir)


def _default_operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "operator"


# Deadlines an older Mufakat kept per laptop; they are office-level settings now (fields of the
# unit record) and move into the home unit once (`Workspace.settle_office`).
LEGACY_DEADLINES = ("escalation_working_days", "follow_up_working_days")


# When the files of records pulled from the server come to this laptop (`desktop.sync.files`).
FETCH_BACKGROUND = "background"  # with every sync
FETCH_ON_DEMAND = "on_demand"  # when one is opened
FETCH_FILES = (FETCH_BACKGROUND, FETCH_ON_DEMAND)


LOCK_MINUTES = 10
LOCK_MINUTES_RANGE = range(1, 241)


@dataclass
class Settings:
    """This laptop's preferences. Office-wide settings (names, letterhead, logo, time zone,
    deadlines, signatories) are fields of the unit record in the database."""

    language: str = DEFAULT_LANGUAGE
    operator: str = ""  # who types on this laptop, until user accounts exist
    # A second folder every backup is copied to (a USB stick, a network share); empty: none.
    backup_folder: str = ""
    fetch_files: str = FETCH_BACKGROUND
    # The window locks after this many minutes without a key or a click (when the office has
    # users); unlocked by the signed-in person's PIN or password.
    lock_minutes: int = LOCK_MINUTES
    legacy_deadlines: dict[str, int] = field(default_factory=dict)

    def validate(self) -> None:
        if self.language not in LANGUAGES:
            raise InputError(
                tr(
                    "Unknown language {value!r}; choose one of: {choices}.",
                    value=self.language,
                    choices=", ".join(LANGUAGES),
                ),
                field="language",
            )
        if self.fetch_files not in FETCH_FILES:
            raise InputError(
                tr(
                    "Unknown way of fetching files {value!r}; choose one of: {choices}.",
                    value=self.fetch_files,
                    choices=", ".join(FETCH_FILES),
                ),
                field="fetch_files",
            )
        if (
            not isinstance(self.lock_minutes, int)
            or isinstance(self.lock_minutes, bool)
            or self.lock_minutes not in LOCK_MINUTES_RANGE
        ):
            raise InputError(
                tr("Lock after must be a whole number of minutes from 1 to 240."), field="lock_minutes"
            )
        if not isinstance(self.backup_folder, str):
            raise InputError(tr("The second backup folder must be a folder's path."), field="backup_folder")
        for name, value in self.legacy_deadlines.items():
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 250:
                raise InputError(
                    tr("{name} must be a whole number of working days from 1 to 250.", name=name),
                    field=name,
                )

    def as_json(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {"backup_folder": self.backup_folder} if self.backup_folder else {}
        if self.fetch_files != FETCH_BACKGROUND:
            chosen["fetch_files"] = self.fetch_files
        if self.lock_minutes != LOCK_MINUTES:
            chosen["lock_minutes"] = self.lock_minutes
        return {"language": self.language, "operator": self.operator, **chosen, **self.legacy_deadlines}

    @property
    def second_backup_folder(self) -> Path | None:
        return Path(self.backup_folder).expanduser() if self.backup_folder.strip() else None

    @property
    def actor(self) -> str:
        return self.operator.strip() or _default_operator()

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILENAME
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EnvironmentProblem(
                tr(
                    "The settings file {path} cannot be read ({error}). Fix or delete it.",
                    path=path,
                    error=exc,
                )
            ) from exc
        settings = cls()
        if isinstance(raw, dict):
            known = {f.name for f in fields(cls)} - {"legacy_deadlines"}
            settings = cls(
                **{k: v for k, v in raw.items() if k in known},
                legacy_deadlines={k: raw[k] for k in LEGACY_DEADLINES if k in raw},
            )
        try:
            settings.validate()
        except InputError as exc:
            raise EnvironmentProblem(
                tr("The settings file {path} is invalid: {error}", path=path, error=exc.message)
            ) from exc
        return settings

    def save(self, data_dir: Path) -> None:
        self.validate()
        path = data_dir / SETTINGS_FILENAME
        tmp = path.with_suffix(".tmp")
        try:
            tmp.write_text(json.dumps(self.as_json(), indent=2, sort_keys=True), encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            raise EnvironmentProblem(
                tr("Cannot write the settings file {path}: {error}", path=path, error=os_reason(exc))
            ) from exc
