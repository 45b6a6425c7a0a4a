"""`mufakat-server backup` and `restore`.

A backup is one file in a folder (default ./backups), named by the time it was taken:
`mufakat-server-2026-03-12-020000.sqlite3` (SQLite's online backup: the server keeps serving)
or `….dump` (pg_dump's custom format). `--keep N` then removes all but the newest N.

A restore checks the file before it touches anything (the right kind for --db, readable, whole,
of a Mufakat server, not of a newer one), refuses while a server runs on the database, keeps the
database it replaces (`mufakat-server-replaced-….sqlite3` / `.dump` in the folder), and then
does what `restored --previous` does: the units, enrollments and revocations the replaced
database knew and the backup lacks are re-applied, and a new epoch makes every laptop pull again
and send what the backup lacks. On SQLite the restored file is prepared beside the database and
put in its place in one rename; on PostgreSQL, if anything fails, the kept copy is put back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, MetaData, Table, create_engine, inspect, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from server_stub import pgtools
from server_stub.admin import AdminError
from server_stub.models import Base
from server_stub.restore import NEEDED, Previous, carry_over, read_previous
from server_stub.running import replacing
from server_stub.sequence import SEQUENCE
from server_stub.store import ServerStore, known_revision, start_new_epoch

PREFIX = "mufakat-server-"
REPLACED = "replaced-"
SQLITE_HEADER = b"SQLite format 3\x00"
PG_HEADER = b"PGDMP"


@dataclass(frozen=True)
class Restored:
    kept: Path | None  # the replaced database's copy
    lines: list[str]  # what was carried over, for the administrator
    epoch: str


def _kind(url: URL) -> str:
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise AdminError(f"backups are made of SQLite and PostgreSQL databases, not {backend}")
    return backend


def _suffix(kind: str) -> str:
    return ".sqlite3" if kind == "sqlite" else ".dump"


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise AdminError("--db: a SQLite database in memory has nothing to back up")
    return Path(url.database)


def _new_file(folder: Path, label: str, suffix: str) -> Path:
    """A file name in `folder` for a copy taken now (the folder is made if needed)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AdminError(f"--to {folder}: cannot make the folder ({exc.strerror or exc})") from None
    if not os.access(folder, os.W_OK):
        raise AdminError(f"--to {folder}: this user may not write there")
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    target = folder / f"{PREFIX}{label}{stamp}{suffix}"
    n = 2
    while target.exists():
        target = folder / f"{PREFIX}{label}{stamp}-{n}{suffix}"
        n += 1
    return target


def _atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary name and rename: a backup is whole or absent."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        write(partial)
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        partial.replace(target)
    except OSError as exc:
        raise AdminError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)


def backup(database_url: str, folder: Path, keep: int | None = None, label: str = "") -> Path:
    """A consistent copy of the database, taken while the server runs."""
    url = make_url(database_url)
    kind = _kind(url)
    if keep is not None and keep < 1:
        raise AdminError(f"--keep {keep}: keep at least 1 backup")
    target = _new_file(folder, label, _suffix(kind))
    if kind == "sqlite":
        source = _sqlite_path(url)
        _check_server_file(source, f"--db {source}", whole=False)  # the copy is checked whole

        def copy(partial: Path) -> None:
            _sqlite_copy(source, partial)
            _check_server_file(partial, f"the copy of {source}")

        _atomically(target, copy)
    else:
        _atomically(target, lambda partial: pgtools.dump(url, partial))
    if keep is not None:
        _prune(folder, _suffix(kind), keep)
    return target


def _prune(folder: Path, suffix: str, keep: int) -> None:
    """All but the newest `keep` backups (never a replaced database's copy)."""
    made = sorted(
        (p for p in folder.glob(f"{PREFIX}2*{suffix}") if not p.name.startswith(PREFIX + REPLACED)),
        key=_taken,
    )
    for old in made[:-keep]:
        old.unlink(missing_ok=True)


def _taken(path: Path) -> tuple[str, int]:
    """A backup's place in time: its stamp, then its number within the second (`…-020000.dump`
    is the first, `…-020000-2.dump` the second; by name alone "-2" would sort first)."""
    stem = path.name.removeprefix(PREFIX).removesuffix("".join(path.suffixes[-1:]))
    parts = stem.split("-")
    if len(parts) == 5 and parts[4].isdigit():  # YYYY-MM-DD-HHMMSS-N
        return "-".join(parts[:4]), int(parts[4])
    return stem, 1


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy while others write; a file of its own (no -wal)."""
    try:
        src = _open_read_only(source)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise AdminError(f"{source}: cannot be copied ({exc})") from None


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _check_server_file(path: Path, what: str, whole: bool = True) -> str | None:
    """A SQLite file of a Mufakat server (`whole`: every page checked): its schema revision."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise AdminError(f"{what}: no such file") from None
    except OSError as exc:
        raise AdminError(f"{what}: cannot be read ({exc.strerror or exc})") from None
    if header.startswith(PG_HEADER):
        raise AdminError(
            f"{what} is a PostgreSQL backup (pg_dump); restore it with --db postgresql+psycopg://…"
        )
    if header != SQLITE_HEADER:
        raise AdminError(f"{what} is not a SQLite database")
    try:
        conn = _open_read_only(path)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0] if whole else "ok"
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise AdminError(f"{what} cannot be read as a database ({exc})") from None
    if verdict != "ok":
        raise AdminError(f"{what} is damaged (integrity check: {verdict})")
    missing = [name for name in NEEDED if name not in tables]
    if missing:
        raise AdminError(f"{what} is not a Mufakat server database (no {', '.join(missing)} table)")
    return revision


def _check_revision(revision: str | None, what: str) -> None:
    if revision is not None and not known_revision(revision):
        raise AdminError(
            f"{what} was made by a newer mufakat-server (schema {revision}); restore it with that version"
        )


def restore(database_url: str, file: Path, folder: Path) -> Restored:
    url = make_url(database_url)
    kind = _kind(url)
    what = str(file)
    if kind == "sqlite":
        _check_revision(_check_server_file(file, what), what)
        with replacing(database_url):
            return _restore_sqlite(database_url, _sqlite_path(url), file, folder)
    _check_archive(url, file)
    with replacing(database_url):
        return _restore_postgresql(database_url, url, file, folder)


def _previous(database_url: str, present: bool) -> tuple[Previous | None, list[str]]:
    """What the replaced database knew, or why it is not carried over."""
    if not present:
        return None, []
    try:
        return read_previous(database_url), []
    except AdminError as exc:
        return None, [f"NOT carried over ({exc}): laptops enrolled after the backup must enroll again"]


def _carry_and_start(store: ServerStore, previous: Previous | None) -> tuple[list[str], str]:
    store.migrate()  # a backup of an older server: brought to this one's schema
    with store.transaction() as session:
        lines = carry_over(session, previous) if previous is not None else []
        return lines, start_new_epoch(session)


def _restore_sqlite(database_url: str, live: Path, file: Path, folder: Path) -> Restored:
    present = live.exists()
    previous, notes = _previous(database_url, present and _is_server_file(live))
    kept = None
    if present:  # kept as it is, even damaged: no server writes now (replacing() holds)
        kept = _new_file(folder, REPLACED, ".sqlite3")
        _atomically(kept, lambda partial: _copy_file(live, partial))
        wal = Path(f"{live}-wal")
        if wal.exists() and wal.stat().st_size:
            shutil.copyfile(wal, Path(f"{kept}-wal"))
    restoring = live.with_name(f".{live.name}.restoring")
    for leftover in _with_journals(restoring):
        leftover.unlink(missing_ok=True)
    try:
        _sqlite_copy(file, restoring)
        store = ServerStore(f"sqlite:///{restoring}")
        try:
            lines, epoch = _carry_and_start(store, previous)
        finally:
            store.close()
        conn = sqlite3.connect(restoring)
        try:  # one file again: no -wal to go with it
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        for journal in _with_journals(live)[1:]:
            journal.unlink(missing_ok=True)  # the replaced database's, kept with its copy
        restoring.replace(live)
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        raise AdminError(f"the restore failed ({_first_line(exc)}); {live} is as it was") from None
    finally:
        for leftover in _with_journals(restoring):
            leftover.unlink(missing_ok=True)
    return Restored(kept, notes + lines, epoch)


def _copy_file(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)


def _is_server_file(path: Path) -> bool:
    try:
        _check_server_file(path, str(path), whole=False)
    except AdminError:
        return False
    return True


def _with_journals(path: Path) -> list[Path]:
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]


def _check_archive(url: URL, file: Path) -> None:
    what = str(file)
    try:
        with file.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise AdminError(f"{what}: no such file") from None
    except OSError as exc:
        raise AdminError(f"{what}: cannot be read ({exc.strerror or exc})") from None
    if header == SQLITE_HEADER:
        raise AdminError(f"{what} is a SQLite backup; restore it with --db sqlite:///…")
    if not header.startswith(PG_HEADER):
        raise AdminError(f"{what} is not a pg_dump archive (custom format) of a Mufakat server")
    missing = [name for name in NEEDED if name not in pgtools.archive_tables(url, file)]
    if missing:
        raise AdminError(f"{what} is not a Mufakat server backup (no {', '.join(missing)} table)")
    _check_revision(pgtools.archive_revision(url, file), what)


def _restore_postgresql(database_url: str, url: URL, file: Path, folder: Path) -> Restored:
    previous, notes = _previous(database_url, _has_server_tables(url))
    kept = _new_file(folder, REPLACED, ".dump")
    try:
        _atomically(kept, lambda partial: pgtools.dump(url, partial))
    except AdminError as exc:
        raise AdminError(f"nothing restored: the database being replaced could not be kept ({exc})") from None
    try:
        _drop_server_tables(url)
        pgtools.restore(url, file)
        store = ServerStore(database_url)
        try:
            lines, epoch = _carry_and_start(store, previous)
        finally:
            store.close()
    except (AdminError, SQLAlchemyError) as exc:
        _drop_server_tables(url)
        pgtools.restore(url, kept)
        raise AdminError(
            f"the restore failed ({_first_line(exc)}); the database was put back as it was"
        ) from None
    return Restored(kept, notes + lines, epoch)


def _engine(url: URL) -> Engine:
    return create_engine(url, poolclass=NullPool)


def _has_server_tables(url: URL) -> bool:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return all(inspect(conn).has_table(name) for name in NEEDED)
    finally:
        engine.dispose()


def _drop_server_tables(url: URL) -> None:
    """Every table of the server (and its migration mark, and its sequence), in one transaction."""
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            tables = MetaData()
            for table in Base.metadata.sorted_tables:
                Table(table.name, tables)
            Table("alembic_version", tables)
            tables.drop_all(conn, checkfirst=True)
            conn.execute(text(f"DROP SEQUENCE IF EXISTS {SEQUENCE}"))  # the change numbers' (sequence.py)
    finally:
        engine.dispose()


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
