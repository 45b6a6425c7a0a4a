"""Backups of the local database, and putting one back.

A backup is a consistent copy taken with SQLite's online backup API, so it can be taken while the
app runs and writes; it is written under a temporary name and renamed, so a backup file is always
whole. The automatic ones are taken once a day (`is_due`), and the data folder keeps the newest of
each of the last 7 days and of each of the last 12 months (`rotate`); a copy can also go to a
second folder (a USB stick), whose absence is a note, never an error that stops anything.

A restore checks the copy first (a SQLite file, SQLite's `integrity_check`, a Mufakat database,
a schema this version knows), keeps the database it replaces as a backup of its own, and moves
aside a journal (`-wal`) of the replaced database, which must never be replayed into the copy.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.core.config import BACKUP_DIRNAME, DB_FILENAME
from desktop.core.errors import EnvironmentProblem, InputError, MufakatError
from desktop.core.i18n import N_, tr
from desktop.store.file_store import FileStore
from desktop.store.sqlite_peek import is_sqlite, peek

DAILY = "daily"  # taken by the app (or `mufakat backup --auto`) once a day
MANUAL = "manual"  # "Cadangkan sekarang", `mufakat backup`
REPLACED = "replaced"  # the database a restore or a move replaced
ROTATED = (DAILY, MANUAL)  # kinds the rotation thins out; the others are kept
KEEP_DAYS = 7
KEEP_MONTHS = 12
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^mufakat-(\d{8}T\d{12}Z)-([a-z0-9-]+)\.sqlite3$")


LABELS = {
    DAILY: N_("daily"),
    MANUAL: N_("taken by hand"),
    REPLACED: N_("replaced by a restore or a move"),
}


def label_text(label: str) -> str:
    """What a kind of backup is, in the user's language."""
    if label.startswith("before-"):
        return tr("taken before the update to schema {revision}", revision=label.removeprefix("before-"))
    return tr(LABELS[label]) if label in LABELS else label


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    label: str  # daily, manual, replaced, before-<revision> (taken before an update)
    size: int

    @property
    def local_day(self) -> date:
        return self.taken_at.astimezone().date()


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def _name(label: str, now: datetime) -> str:
    return f"mufakat-{now.astimezone(UTC).strftime(_STAMP)}-{label}.sqlite3"


def parse(path: Path) -> Backup | None:
    """A backup named as Mufakat names them (when, kind), else None."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, taken, match.group(2), size)


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first (a missing folder holds none)."""
    try:
        found = [b for p in folder.iterdir() if (b := parse(p)) is not None]
    except OSError:
        return []
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _fsync(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of `source` (SQLite's online backup: the pages of its journal too),
    written under a temporary name beside `target`, flushed to disk and renamed: `target` is
    either absent or whole."""
    tmp = target.with_name(f".{target.name}.partial")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(tmp)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def take_backup(db_path: Path, folder: Path, label: str, now: datetime | None = None) -> Backup:
    """Back the database up into `folder`; raises EnvironmentProblem (nothing left behind)."""
    now = now or datetime.now(UTC)
    target = folder / _name(label, now)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy_database(db_path, target)
    except (OSError, sqlite3.Error) as exc:
        raise EnvironmentProblem(
            tr(
                "No backup could be written to {folder} ({error}). Free some space or check the "
                "folder, then try again; nothing was changed.",
                folder=folder,
                error=getattr(exc, "strerror", None) or exc,
            )
        ) from exc
    return Backup(target, now.astimezone(UTC), label, target.stat().st_size)


def is_due(folder: Path, now: datetime) -> bool:
    """An automatic backup is due: none was taken today (the laptop's local date). The app asks
    at start and every hour, so a laptop left running gets one each day."""
    newest = next((b for b in list_backups(folder) if b.label in ROTATED), None)
    if newest is None:
        return True
    return newest.local_day < now.astimezone().date()


def to_keep(backups: Iterable[Backup]) -> set[Path]:
    """Of the rotated kinds: the newest of each of the last 7 days that have one, and the newest
    of each of the last 12 months that have one. Other kinds are all kept."""
    rotated = sorted((b for b in backups if b.label in ROTATED), key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    days: set[date] = set()
    months: set[tuple[int, int]] = set()
    for backup in rotated:  # newest first: the first one seen of a day or month is its newest
        day = backup.local_day
        if day not in days and len(days) < KEEP_DAYS:
            days.add(day)
            keep.add(backup.path)
        month = (day.year, day.month)
        if month not in months and len(months) < KEEP_MONTHS:
            months.add(month)
            keep.add(backup.path)
    return keep


def rotate(folder: Path) -> list[Path]:
    """Remove the rotated backups `to_keep` does not keep; the removed files."""
    backups = list_backups(folder)
    keep = to_keep(backups)
    removed = []
    for backup in backups:
        if backup.label in ROTATED and backup.path not in keep:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError:
                pass  # tried again at the next backup
    return removed


def copy_to_second_folder(backup: Backup, second: Path) -> str | None:
    """Copy a backup to the second folder and thin it out the same way; the user's note when the
    folder is missing or cannot be written (the backup in the data folder is kept either way)."""
    if not second.is_dir():
        return tr(
            "The second backup folder {folder} is not there (a USB stick not plugged in?); the "
            "backup was kept in the data folder only.",
            folder=second,
        )
    target = second / backup.path.name
    tmp = second / f".{backup.path.name}.partial"
    try:
        shutil.copyfile(backup.path, tmp)
        _fsync(tmp)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        return tr(
            "The backup could not be copied to {folder} ({error}); it was kept in the data folder only.",
            folder=second,
            error=exc.strerror or exc,
        )
    rotate(second)
    return None


@dataclass(frozen=True)
class BackupResult:
    backup: Backup
    note: str | None  # the second folder's problem, if any


def back_up(data_dir: Path, label: str, second: Path | None = None, now: datetime | None = None) -> BackupResult:
    """Take a backup of the data folder's database, thin out the old ones, copy it to the second
    folder if one is set."""
    backup = take_backup(data_dir / DB_FILENAME, backup_dir(data_dir), label, now)
    rotate(backup_dir(data_dir))
    note = copy_to_second_folder(backup, second) if second is not None else None
    if second is not None and note is None:
        note = copy_files_to_second_folder(data_dir, second)
    return BackupResult(backup, note)


def copy_files_to_second_folder(data_dir: Path, second: Path) -> str | None:
    """The attached files the second folder lacks, into its `files/` (a photo not yet sent
    exists nowhere else); the user's note when they could not all be copied."""
    try:
        FileStore.of(data_dir).copy_new_to(FileStore.of(second))
    except MufakatError as exc:
        return tr(
            "The attached files could not all be copied to {folder} ({error}); they are kept in the data folder.",
            folder=second,
            error=exc.message,
        )
    return None


# -- checking and restoring --------------------------------------------------------------------
def check_copy(path: Path, known_revisions: list[str]) -> str:
    """The schema revision of a database copy fit to be restored; InputError saying what is wrong
    with it otherwise (the copy is only read)."""
    try:
        database = is_sqlite(path)
    except OSError as exc:
        raise InputError(tr("Cannot read {path}: {error}", path=path, error=exc.strerror or exc)) from exc
    if not database:
        raise InputError(tr("{path} is not a Mufakat backup (not a database file). Nothing was changed.", path=path))
    try:
        found = peek(path, integrity=True)
    except sqlite3.DatabaseError as exc:
        raise InputError(
            tr("The backup {path} is damaged ({error}); choose another one. Nothing was changed.", path=path, error=exc)
        ) from exc
    if found.integrity != ("ok",):
        raise InputError(
            tr(
                "The backup {path} is damaged ({error}); choose another one. Nothing was changed.",
                path=path,
                error="; ".join(found.integrity[:3]),
            )
        )
    if found.revision is None or "device_state" not in found.tables:
        raise InputError(
            tr("{path} is a database of another program, not a Mufakat backup. Nothing was changed.", path=path)
        )
    revision = found.revision
    if revision not in known_revisions:
        raise InputError(
            tr(
                "The backup {path} was written by a newer version of Mufakat (schema {revision}); "
                "install that version to restore it. Nothing was changed.",
                path=path,
                revision=revision,
            )
        )
    return revision


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def keep_current(data_dir: Path, now: datetime) -> Backup | None:
    """Keep the data folder's database as a `replaced` backup (a damaged one as it is, byte for
    byte), and move its journal files aside: what replaces it must not replay them."""
    db = data_dir / DB_FILENAME
    if not db.exists() or db.stat().st_size == 0:
        return None
    folder = backup_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / _name(REPLACED, now)
    try:
        copy_database(db, target)
    except sqlite3.Error:  # damaged: keep the bytes as they are, journal files beside them
        shutil.copyfile(db, target)
        for suffix in ("-wal", "-shm"):
            if _sibling(db, suffix).exists():
                shutil.copyfile(_sibling(db, suffix), _sibling(target, suffix))
    for suffix in ("-wal", "-shm"):
        journal = _sibling(db, suffix)
        if journal.exists():
            journal.replace(_sibling(target, suffix + ".set-aside"))
    return Backup(target, now.astimezone(UTC), REPLACED, target.stat().st_size)


def put_in_place(data_dir: Path, source: Path) -> None:
    """Copy `source` over the data folder's database (whole, or the old file stays)."""
    copy_database(source, data_dir / DB_FILENAME)


def restore(data_dir: Path, source: Path, known_revisions: list[str], now: datetime | None = None) -> Backup | None:
    """Replace the data folder's database by the copy `source` (checked first); the database
    it replaced, kept as a backup. The store must be closed. Raises InputError (a copy not fit),
    EnvironmentProblem (the disk failed: the database is then as it was)."""
    now = now or datetime.now(UTC)
    check_copy(source, known_revisions)
    try:
        kept = keep_current(data_dir, now)
        put_in_place(data_dir, source)
    except (OSError, sqlite3.Error) as exc:
        raise EnvironmentProblem(
            tr(
                "The backup could not be put in place ({error}); the data in {folder} is as it was.",
                error=getattr(exc, "strerror", None) or exc,
                folder=data_dir,
            )
        ) from exc
    _sibling(data_dir / DB_FILENAME, "-copy").unlink(missing_ok=True)
    return kept
