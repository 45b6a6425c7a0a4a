"""The CLI's commands on the data folder itself: backups, restoring one, moving the data to a new
laptop. They do not open the workspace first: a database too damaged to open can still be
replaced by a backup."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.core.config import DB_FILENAME, Settings
from desktop.core.errors import EnvironmentProblem, InputError
from desktop.core.i18n import tr
from desktop.core.sizes import size_text
from desktop.store import backups
from desktop.store.folder_lock import nobody_else

FolderCommand = Callable[[Path, Settings, argparse.Namespace], None]


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    parser_class: type[argparse.ArgumentParser],
) -> None:
    backup = sub.add_parser(
        "backup", parents=[common], help=tr("back the database up now (into the data folder's backups)")
    )
    backup.add_argument(
        "--to",
        metavar="DIR",
        type=Path,
        help=tr("also copy it to this folder (default: the second backup folder of the settings)"),
    )
    backup.add_argument(
        "--auto", action="store_true", help=tr("only if no backup was taken today (for a scheduled task)")
    )
    sub.add_parser("backups", parents=[common], help=tr("list the backups with their date and size"))
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help=tr("replace the database by a backup (checked first; the replaced one is kept); close the app first"),
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    move = sub.add_parser(
        "move", parents=[common], help=tr("move this laptop's data to a new laptop (one file)")
    ).add_subparsers(dest="action", required=True, parser_class=parser_class, metavar="ACTION")
    out = move.add_parser("export", parents=[common], help=tr("write this laptop's data to one file"))
    out.add_argument("-o", "--output", metavar="FILE.zip", type=Path, required=True)
    take = move.add_parser(
        "import",
        parents=[common],
        help=tr("take in the data of the old laptop; then enroll this laptop with a new code"),
    )
    take.add_argument("file", metavar="FILE.zip", type=Path)
    take.add_argument(
        "--replace", action="store_true", help=tr("replace the data this laptop holds (kept as a backup)")
    )


def _cmd_backup(data_dir: Path, settings: Settings, args: argparse.Namespace) -> None:
    if not (data_dir / DB_FILENAME).exists():
        raise InputError(tr("There is no database in {folder} to back up.", folder=data_dir))
    folder = backups.backup_dir(data_dir)
    if args.auto and not backups.is_due(folder, backups.now()):
        print(tr("A backup was already taken today."))
        return
    second = args.to if args.to is not None else settings.second_backup_folder
    result = backups.back_up(data_dir, backups.DAILY if args.auto else backups.MANUAL, second)
    print(result.backup.path)
    if result.note:
        raise EnvironmentProblem(result.note)


def _cmd_backups(data_dir: Path, settings: Settings, args: argparse.Namespace) -> None:
    found = backups.list_backups(backups.backup_dir(data_dir))
    if not found:
        print(
            tr("No backups yet in {folder}. Take one with: mufakat backup", folder=backups.backup_dir(data_dir)),
            file=sys.stderr,
        )
        return
    for backup in found:
        when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print("\t".join([when, size_text(backup.size), backups.label_text(backup.label), str(backup.path)]))


def _cmd_restore(data_dir: Path, settings: Settings, args: argparse.Namespace) -> None:
    from desktop.app.workspace import Workspace
    from desktop.store.db import known_revisions

    with nobody_else(data_dir):
        kept = backups.restore(data_dir, args.file, known_revisions())
        Workspace.open(data_dir, settings).close()  # an older copy is brought up to date now
    print(tr("Restored {file}.", file=args.file))
    if kept is not None:
        print(tr("The database it replaced is kept as {path}.", path=kept.path))


def _cmd_move(data_dir: Path, settings: Settings, args: argparse.Namespace) -> None:
    from desktop.store.db import known_revisions
    from desktop.store.move import export_move, import_move

    if args.action == "export":
        export_move(data_dir, args.output, known_revisions())
        print(args.output)
        print(
            tr(
                "On the new laptop: mufakat move import {file}, then enroll it with a new code. "
                "This laptop stops syncing once the new one is enrolled.",
                file=args.output.name,
            ),
            file=sys.stderr,
        )
        return
    with nobody_else(data_dir):
        moved = import_move(data_dir, args.file, known_revisions(), replace=args.replace)
    print(
        tr(
            "The data of the old laptop is here, with its unsent changes. Enroll this laptop with a "
            "new code from the administrator: mufakat enroll --server URL --code CODE"
        )
    )
    if moved.kept is not None:
        print(tr("The database it replaced is kept as {path}.", path=moved.kept.path))


COMMANDS: dict[str, FolderCommand] = {
    "move": _cmd_move,
    "backup": _cmd_backup,
    "backups": _cmd_backups,
    "restore": _cmd_restore,
}
