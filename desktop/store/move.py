"""'Pindahkan ke laptop baru': the data folder in one file, and taking it in on another laptop.

The file is a zip: the database (an online backup, consistent while the app runs), this laptop's
settings and unsaved typing, the attached files of its file store (photos, scans: those not yet
sent exist nowhere else), and `manifest.json` naming each with its SHA-256. Taking it in
checks everything first (the manifest, every checksum, the database as a restore does) and
refuses to replace a laptop's own data unless told to; the data it replaces is kept as a backup.
The new laptop has everything, its outbox too (operations keep their ids, so whichever laptop
sends one, the server applies it once), but a device id of its own: it enrolls, naming the old
device, and the server retires that one (it stops syncing, saying its data moved) only for
the proof the file carries: the old device's enrollment secret. The new laptop keeps that as
`moved-from-secret` (never as its own secret: it makes its own), sends it when it enrolls, and
deletes it once enrolled. The old laptop's server token never travels. So a move file is as
private as the data folder it holds.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import zipfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core.config import (
    DB_FILENAME,
    MOVED_SECRET_FILENAME,
    SECRET_FILENAME,
    SETTINGS_FILENAME,
    TOKEN_FILENAME,
)
from desktop.core.errors import EnvironmentProblem, InputError
from desktop.core.files import write_atomically, write_private
from desktop.core.i18n import tr
from desktop.store import backups
from desktop.store.drafts import DRAFTS_FILENAME
from desktop.store.file_store import FILES_DIR, SHA256, FileStore
from protocol.entities import MAX_FILE_SIZE
from protocol.files import file_sha256

FORMAT = "mufakat-move"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES = (SETTINGS_FILENAME, DRAFTS_FILENAME, SECRET_FILENAME)  # carried when the folder has them
CARRIED = (DB_FILENAME, *FILES)  # nothing else is read from a file
MAX_MEMBER_BYTES = 4 * 1024**3


@dataclass(frozen=True)
class Moved:
    old_device_id: str
    new_device_id: str
    kept: backups.Backup | None  # this laptop's data before, if it had any


def _device_id(db: Path) -> str:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT device_id FROM device_state WHERE id = 1").fetchone()
    return str(row[0]) if row else ""


def export_move(data_dir: Path, target: Path, known_revisions: list[str]) -> dict[str, Any]:
    """Write the data folder to `target` (whole or not at all); the manifest written."""
    db = data_dir / DB_FILENAME
    if not db.exists():
        raise InputError(tr("There is no database in {folder} to move.", folder=data_dir))
    partial = target.with_name(f".{target.name}.partial")
    try:
        with tempfile.TemporaryDirectory(prefix=".mufakat-move-", dir=data_dir) as tmp:
            copy = Path(tmp) / DB_FILENAME
            backups.copy_database(db, copy)
            revision = backups.check_copy(copy, known_revisions)
            carried = {DB_FILENAME: copy}
            attached = FileStore.of(data_dir).stored()
            for name in FILES:
                if (data_dir / name).is_file():
                    carried[name] = data_dir / name
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "app_version": __version__,
                "schema": revision,
                "device_id": _device_id(copy),
                "created_at": datetime.now(UTC).isoformat(),
                "files": {name: {"sha256": file_sha256(p), "size": p.stat().st_size} for name, p in carried.items()},
                # The attached files (photos, scans): named by their SHA-256, checked by it.
                "attached": {sha: path.stat().st_size for sha, path in attached.items()},
            }
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
                for name, path in carried.items():
                    zf.write(path, name)
                for sha, path in attached.items():  # JPEG, PDF, XLSX: compressed already
                    zf.write(path, _attached_member(sha), compress_type=zipfile.ZIP_STORED)
            with partial.open("rb+") as fh:
                os.fsync(fh.fileno())
            partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise EnvironmentProblem(
            tr("Cannot write {path}: {error}", path=target, error=getattr(exc, "strerror", None) or exc)
        ) from exc
    return manifest


def _attached_member(sha: str) -> str:
    return f"{FILES_DIR}/{sha[:2]}/{sha[2:]}"


def _unpack_attached(zf: zipfile.ZipFile, source: Path, listed: object, into: Path) -> None:
    """The attached files of a move file into `into`'s file store, each checked by its hash."""
    if listed is None:
        return  # a move file of a Mufakat without attachments
    if not isinstance(listed, dict):
        raise _not_a_move_file(source)
    files = FileStore.of(into)
    for sha, size in listed.items():
        if not isinstance(sha, str) or not SHA256.fullmatch(sha) or not isinstance(size, int):
            raise _not_a_move_file(source)
        info = zf.getinfo(_attached_member(sha))
        if info.file_size != size or size > MAX_FILE_SIZE:
            raise _damaged(source, _attached_member(sha))
        target = files.path_of(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as member, target.open("wb") as out:
            for block in iter(lambda: member.read(1024 * 1024), b""):
                out.write(block)
        if file_sha256(target) != sha:
            raise _damaged(source, _attached_member(sha))


def _put_attached_in_place(unpacked: Path, data_dir: Path) -> None:
    """The old laptop's files into this one's file store (a file it holds already stays)."""
    files = FileStore.of(data_dir)
    for sha, path in FileStore.of(unpacked).stored().items():
        target = files.path_of(sha)
        if target.is_file():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with path.open("rb+") as fh:
            os.fsync(fh.fileno())
        path.replace(target)  # the same disk: the unpacked copy is inside the data folder


def _not_a_move_file(source: Path) -> InputError:
    return InputError(
        tr(
            "{path} is not a file made by “Move to a new laptop” (or it is damaged). Nothing was changed.",
            path=source,
        )
    )


def unpack(source: Path, into: Path) -> dict[str, Any]:
    """Check `source` and write its files into the folder `into`; its manifest. InputError when
    it is not a move file, is damaged (a checksum differs) or holds an unfit database."""
    try:
        with zipfile.ZipFile(source) as zf:
            manifest = json.loads(zf.read(MANIFEST))
            files = manifest.get("files") if isinstance(manifest, dict) else None
            if manifest.get("format") != FORMAT or not isinstance(files, dict) or DB_FILENAME not in files:
                raise _not_a_move_file(source)
            if manifest.get("version") != FORMAT_VERSION:
                raise InputError(
                    tr(
                        "{path} was made by a newer version of Mufakat; install it to take the data in. "
                        "Nothing was changed.",
                        path=source,
                    )
                )
            for name, entry in files.items():
                if name not in CARRIED or not isinstance(entry, dict):
                    raise _not_a_move_file(source)
                info = zf.getinfo(name)
                if info.file_size > MAX_MEMBER_BYTES or info.file_size != entry.get("size"):
                    raise _damaged(source, name)
                with zf.open(info) as member, (into / name).open("wb") as out:
                    for block in iter(lambda: member.read(1024 * 1024), b""):
                        out.write(block)
                if file_sha256(into / name) != entry.get("sha256"):
                    raise _damaged(source, name)
            _unpack_attached(zf, source, manifest.get("attached"), into)
    except (zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise _not_a_move_file(source) from exc
    except OSError as exc:
        raise InputError(tr("Cannot read {path}: {error}", path=source, error=exc.strerror or exc)) from exc
    return dict(manifest)


def _damaged(source: Path, name: str) -> InputError:
    return InputError(
        tr(
            "{path} is damaged: its {name} does not match its checksum. Copy the file again from the "
            "old laptop. Nothing was changed.",
            path=source,
            name=name,
        )
    )


def holds_data(data_dir: Path) -> int:
    """How many forums, offices and unsent changes the data folder's database holds (a damaged
    one counts as holding data: it is never replaced unasked)."""
    db = data_dir / DB_FILENAME
    if not db.exists() or db.stat().st_size == 0:
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            return sum(
                int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("forums", "units", "outbox")
            )
    except sqlite3.Error:
        return 1


def import_move(data_dir: Path, source: Path, known_revisions: list[str], replace: bool = False) -> Moved:
    """Take in a move file (checked first). The store must be closed. Refused, with nothing
    changed, when this laptop already holds data and `replace` is not given."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".mufakat-move-", dir=data_dir) as tmp:
        folder = Path(tmp)
        manifest = unpack(source, folder)
        backups.check_copy(folder / DB_FILENAME, known_revisions)
        if holds_data(data_dir) and not replace:
            raise InputError(
                tr(
                    "This laptop already holds data of its own. Taking in the old laptop's data "
                    "replaces it (it is kept as a backup): confirm with --replace. Nothing was changed."
                )
            )
        try:
            kept = backups.keep_current(data_dir, datetime.now(UTC))
            backups.put_in_place(data_dir, folder / DB_FILENAME)
            for name in (SETTINGS_FILENAME, DRAFTS_FILENAME):
                if (folder / name).exists():
                    write_atomically(data_dir / name, (folder / name).read_bytes())
                else:
                    (data_dir / name).unlink(missing_ok=True)
            for name in (TOKEN_FILENAME, SECRET_FILENAME):  # the replaced device's
                (data_dir / name).unlink(missing_ok=True)
            if (folder / SECRET_FILENAME).exists():  # the proof that retires the old device
                write_private(data_dir / MOVED_SECRET_FILENAME, (folder / SECRET_FILENAME).read_text("utf-8"))
            else:
                (data_dir / MOVED_SECRET_FILENAME).unlink(missing_ok=True)
            (data_dir / f"{DB_FILENAME}-copy").unlink(missing_ok=True)
            _put_attached_in_place(folder, data_dir)
        except (OSError, sqlite3.Error) as exc:
            raise EnvironmentProblem(
                tr(
                    "The data could not be put in place ({error}); the data in {folder} is as it was.",
                    error=getattr(exc, "strerror", None) or exc,
                    folder=data_dir,
                )
            ) from exc
    old = str(manifest.get("device_id") or "")
    return Moved(old, _new_identity(data_dir, old), kept)


def _new_identity(data_dir: Path, old_device_id: str) -> str:
    """The laptop's own device id, not enrolled anywhere, remembering where its data came from."""
    from desktop.models import DeviceState
    from desktop.store.db import Store
    from protocol.ids import new_id

    store = Store.open(data_dir)  # an older database is brought up to date (with a backup first)
    try:
        with store.write() as session:
            state = session.get(DeviceState, 1)
            assert state is not None
            state.device_id = new_id()
            state.moved_from = old_device_id
            state.server_url = ""
            state.ca_file = ""  # chosen again at enrollment (the kept copy does not travel)
            state.server_epoch = ""
            state.checkpoint = 0
            state.last_sync_at = None
            state.refetch_own = False
            return state.device_id
    finally:
        store.close()
