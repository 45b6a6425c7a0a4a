"""`mufakat-server`: run the central server and administer it.

    mufakat-server init [--db URL]   (makes a new server database; the other commands refuse one
                                      that is not already a Mufakat server's)
    mufakat-server serve [--db URL] [--host 127.0.0.1] [--port 8765] [--workers N]
                         [--certfile CERT.pem --keyfile KEY.pem]
    mufakat-server unit add --code KPPN-SORONG --name "KPPN Sorong" [--parent KANWIL-PBD]
    mufakat-server unit list
    mufakat-server enroll-code UNIT_CODE [--allow-http]   (a one-time code valid 7 days)
    mufakat-server device list | device revoke DEVICE_ID
    mufakat-server user list UNIT_CODE | user deactivate UNIT_CODE NIP | user reactivate UNIT_CODE NIP
    mufakat-server closed-day add YYYY-MM-DD --name "Cuti bersama …" | closed-day list
    mufakat-server closed-day remove YYYY-MM-DD   (national closed days, for every unit)
    mufakat-server restored [--previous OLD_DB_URL]   (after restoring the database from a backup)
    mufakat-server backup [--to DIR] [--keep N]       (while the server runs)
    mufakat-server restore BACKUP_FILE [--to DIR]     (the server stopped; keeps the replaced one)
    mufakat-server release [--version 0.2.0 --url https://…/Mufakat-0.2.0-setup.exe]
                                                (the app version laptops are offered)
    mufakat-server web-admin add NAME [--password-stdin] | web-admin password NAME | web-admin list
                                                (the administrator's accounts for /web/admin)

The database is a SQLite file (./mufakat-server.sqlite3) unless --db (before or after the
command) or MUFAKAT_SERVER_DB names another, e.g. postgresql+psycopg://user:pass@host/mufakat.
`init` makes it (in a new file, or an empty PostgreSQL database); every other command but
`restore` refuses a database that is not already a Mufakat server's, so a mistyped --db or the
default read in the wrong folder never becomes a new, empty server (server_stub.known_database).
Every error is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from sqlalchemy import make_url, select
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session

from server_stub.admin import AdminError
from server_stub.filestore import FILES_ENV, FileStore, default_root
from server_stub.known_database import check_initialisable, require_server_database
from server_stub.store import ServerStore, default_url, start_new_epoch

EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        # SUPPRESS: a subcommand's parser must not overwrite a --db given before the command
        # with its default (it did: the command acted on ./mufakat-server.sqlite3).
        default=argparse.SUPPRESS,
        help="database URL (default: $MUFAKAT_SERVER_DB or ./mufakat-server.sqlite3)",
    )
    common.add_argument(
        "--files",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the attached files' folder (default: $MUFAKAT_SERVER_FILES, or beside a SQLite database, "
        "or ./mufakat-server-files); several server processes or hosts share one",
    )
    parser = _Parser(prog="mufakat-server", description="Mufakat central server", parents=[common])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser(
        "init",
        parents=[common],
        help="make a new server database (an empty one); bring an existing one up to date",
    )
    serve = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (more than 1: PostgreSQL only)"
    )
    serve.add_argument("--certfile", type=Path, help="TLS: the server's certificate (PEM, with its chain)")
    serve.add_argument("--keyfile", type=Path, help="TLS: the certificate's private key (PEM, no password)")
    unit = sub.add_parser("unit", parents=[common], help="units").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    add = unit.add_parser("add", parents=[common])
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--parent")
    unit.add_parser("list", parents=[common])
    code = sub.add_parser("enroll-code", parents=[common], help="a one-time enrollment code for a unit")
    code.add_argument("unit_code")
    code.add_argument(
        "--allow-http",
        action="store_true",
        help="the laptop may use a plain http:// address (a network without a certificate)",
    )
    device = sub.add_parser("device", parents=[common], help="devices").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    device.add_parser("list", parents=[common])
    revoke = device.add_parser("revoke", parents=[common])
    revoke.add_argument("device_id")
    user = sub.add_parser("user", parents=[common], help="an office's users (never their passwords)")
    user_actions = user.add_subparsers(dest="action", required=True, parser_class=_Parser)
    for name in ("list", "deactivate", "reactivate"):
        action = user_actions.add_parser(name, parents=[common])
        action.add_argument("unit")
        if name != "list":
            action.add_argument("nip")
    closed = sub.add_parser(
        "closed-day",
        parents=[common],
        help="national closed days every unit's deadlines skip (cuti bersama decreed after the holidays data)",
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    closed_add = closed.add_parser("add", parents=[common])
    closed_add.add_argument("day", metavar="YYYY-MM-DD")
    closed_add.add_argument("--name", required=True, help='e.g. "Cuti bersama Natal"')
    closed.add_parser("list", parents=[common])
    closed_remove = closed.add_parser("remove", parents=[common])
    closed_remove.add_argument("day", metavar="YYYY-MM-DD")
    restored = sub.add_parser(
        "restored",
        parents=[common],
        help="after restoring the database from a backup: devices pull again and re-send what it lacks",
    )
    restored.add_argument(
        "--previous",
        metavar="OLD_DB_URL",
        help="the database being replaced: its units, enrollments and revocations are re-applied",
    )
    backup = sub.add_parser("backup", parents=[common], help="a copy of the database, taken while it serves")
    backup.add_argument("--to", type=Path, default=Path("backups"), metavar="DIR", help="default: ./backups")
    backup.add_argument("--keep", type=int, metavar="N", help="then remove all but the newest N backups")
    restore = sub.add_parser(
        "restore", parents=[common], help="put a backup in place of the database (stop the server first)"
    )
    restore.add_argument("file", type=Path, metavar="BACKUP_FILE")
    restore.add_argument(
        "--to", type=Path, default=Path("backups"), metavar="DIR", help="where the replaced database is kept"
    )
    files = sub.add_parser("files", parents=[common], help="attached files").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    sweep = files.add_parser(
        "sweep", parents=[common], help="remove files no live attachment names (after the grace period)"
    )
    sweep.add_argument("--grace-days", type=int, default=30, metavar="N", help="default: 30")
    quota = files.add_parser("quota", parents=[common], help="an office's quota for its files")
    quota.add_argument("unit_code")
    quota.add_argument("megabytes", type=int, metavar="MB")
    files.add_parser("usage", parents=[common], help="what each office's files take, and its quota")
    web_admin = sub.add_parser(
        "web-admin", parents=[common], help="the administrator's accounts for the web pages (/web/admin)"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    for verb, meaning in (("add", "a new account"), ("password", "set an account's password anew")):
        account = web_admin.add_parser(verb, parents=[common], help=meaning)
        account.add_argument("name", help="lower-case letters, digits, '.', '_' or '-'")
        account.add_argument(
            "--password-stdin", action="store_true", help="read the password from the first line of standard input"
        )
    web_admin.add_parser("list", parents=[common])
    release = sub.add_parser(
        "release", parents=[common], help="announce the app version laptops are offered, and its download address"
    )
    release.add_argument("--version", dest="app_version", metavar="VERSION", help="e.g. 0.2.0")
    release.add_argument("--url", metavar="URL", help="where the office downloads it (its own server)")
    return parser


def _serve(url: str, source: str, args: argparse.Namespace) -> None:
    from server_stub.serve import ServeOptions, check_tls, check_workers, serve

    os.environ[FILES_ENV] = str(_files_root(url, args).absolute())  # for the app in every worker process
    options = ServeOptions(url, args.host, args.port, args.workers, args.certfile, args.keyfile)
    check_workers(options)  # before the database is touched
    check_tls(options.certfile, options.keyfile)
    require_server_database(url, source)
    store = ServerStore(url)
    try:
        store.migrate()  # once, before the workers start
    finally:
        store.close()
    serve(options)


def _files_root(url: str, args: argparse.Namespace) -> Path:
    given = getattr(args, "files", None)
    return Path(given) if given is not None else default_root(url)


def _backup_or_restore(url: str, args: argparse.Namespace) -> None:
    from server_stub import backup, file_backup

    files = FileStore(_files_root(url, args))
    if args.command == "backup":
        print(backup.backup(url, args.to, args.keep))  # the copy's name alone: scripts read it
        copied = file_backup.backup_files(files, args.to)  # after the database: every file it names
        print(f"files: {copied.files} new ({copied.bytes} bytes) in {args.to / file_backup.FILES}", file=sys.stderr)
        return
    done = backup.restore(url, args.file, args.to)
    back = file_backup.restore_files(files, args.file)
    print(f"files: {back.files} copied back ({back.bytes} bytes) into {files.root}")
    if done.kept is not None:
        print(f"kept the replaced database as {done.kept}")
    for line in done.lines:
        print(line)
    print(f"restored {args.file}; new epoch {done.epoch}: devices pull again and re-send what is missing")


def _init(url: str, source: str) -> None:
    existed = check_initialisable(url, source)
    store = ServerStore(url)
    try:
        store.migrate()
    finally:
        store.close()
    shown = make_url(url).render_as_string(hide_password=True)
    if existed:
        print(f"{shown} is already a Mufakat server database; its schema is up to date")
    else:
        print(f"made a new Mufakat server database: {shown}")


def _database_url(args: argparse.Namespace) -> tuple[str, str]:
    """The database URL and where it came from ("" for --db: the administrator typed it)."""
    if getattr(args, "db", None):
        url, source = str(args.db), ""
    elif os.environ.get("MUFAKAT_SERVER_DB"):
        url, source = os.environ["MUFAKAT_SERVER_DB"], "from MUFAKAT_SERVER_DB"
    else:
        url, source = default_url(), "the default: in the current folder"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise AdminError(
            f"--db {url!r} is not a database URL; write e.g. sqlite:///path/server.sqlite3 or "
            "postgresql+psycopg://user:pass@host/mufakat"
        ) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise AdminError(f"--db: the folder {folder} does not exist")
    return url, source


def _reason(exc: BaseException) -> str:
    """The first line of a database error, without the driver's class name in parentheses."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return re.sub(r"^\([\w.]+\)\s*", "", text[0] if text else "unknown error")


def _files_command(session: Session, store: ServerStore, url: str, args: argparse.Namespace) -> None:
    from datetime import timedelta

    from server_stub import file_access
    from server_stub.file_sweep import sweep
    from server_stub.models import FileQuota, ServerUnit

    if args.action == "sweep":
        if args.grace_days < 0:
            raise AdminError(f"--grace-days {args.grace_days}: give 0 or more")
        done = sweep(store, FileStore(_files_root(url, args)), timedelta(days=args.grace_days))
        print(f"released {done.grants} upload(s); removed {done.files} file(s) ({done.bytes} bytes)")
        return
    units = {u.code: u for u in session.scalars(select(ServerUnit))}
    if args.action == "quota":
        unit = units.get(args.unit_code)
        if unit is None:
            raise AdminError(f"no unit {args.unit_code}; see: mufakat-server unit list")
        if args.megabytes < 0:
            raise AdminError(f"{args.megabytes} MB: give 0 or more")
        held = session.get(FileQuota, unit.id)
        if held is None:
            session.add(FileQuota(unit_id=unit.id, quota=args.megabytes * 1024 * 1024))
        else:
            held.quota = args.megabytes * 1024 * 1024
    for code, unit in sorted(units.items()):
        used = file_access.used(session, unit.id)
        quota = file_access.quota_of(session, unit.id, file_access.DEFAULT_QUOTA)
        print(f"{code}\t{used // (1024 * 1024)} MB\t{quota // (1024 * 1024)} MB")


def _password(args: argparse.Namespace) -> str:
    """From standard input's first line, or typed twice at a terminal (never an argument: it
    would stay in the shell's history and the process list)."""
    from server_stub.web.accounts import AccountError

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("the same password again: ") != first:
        raise AccountError("the two passwords differ; nothing changed")
    return first


def _web_admin(session: Session, args: argparse.Namespace) -> None:
    from server_stub.web import accounts

    if args.action == "list":
        for account in accounts.admins(session):
            state = "disabled" if account.disabled_at else "active"
            print(f"{account.name}\t{account.created_at:%Y-%m-%d}\t{state}")
    elif args.action == "add":
        print(f"added {accounts.add_admin(session, args.name, _password(args)).name}: sign in at /web/admin")
    else:
        print(f"new password for {accounts.set_password(session, args.name, _password(args)).name}")


def main(argv: Sequence[str] | None = None) -> int:
    from alembic.util.exc import CommandError

    from server_stub import admin, auth, release, restore, user_admin
    from server_stub.models import ServerUnit
    from server_stub.web.accounts import AccountError

    args = _parser().parse_args(argv)
    url = ""
    try:
        url, source = _database_url(args)
        if args.command == "init":
            _init(url, source)
            return 0
        if args.command == "serve":
            _serve(url, source, args)
            return 0
        if args.command != "restore":  # a restore may put a backup where no database is yet
            require_server_database(url, source)
        if args.command in ("backup", "restore"):  # the database as it is: not migrated first
            _backup_or_restore(url, args)
            return 0
        store = ServerStore(url)
        store.migrate()
        with store.transaction() as session:
            if args.command == "unit" and args.action == "add":
                unit = admin.add_unit(session, args.code, args.name, args.parent)
                if unit.code != args.code:  # said, not done silently: laptops and codes show it so
                    print(
                        f"mufakat-server: note: the unit code {args.code!r} is kept as {unit.code} "
                        "(upper case, spaces as -)",
                        file=sys.stderr,
                    )
                print(unit.id)
            elif args.command == "unit":
                units = {u.id: u for u in session.scalars(select(ServerUnit))}
                for u in sorted(units.values(), key=lambda u: u.code):
                    parent = units[u.parent_id].code if u.parent_id in units else "-"
                    print(f"{u.code}\t{u.name}\t{parent}\t{u.id}")
            elif args.command == "restored":
                if args.previous:
                    for line in restore.carry_over(session, restore.read_previous(args.previous)):
                        print(line)
                else:
                    print(
                        "note: without --previous OLD_DB_URL, devices enrolled after the backup must be "
                        "enrolled again, and devices revoked after it must be revoked again"
                    )
                print(f"new epoch {start_new_epoch(session)}: devices pull again and re-send what is missing")
            elif args.command == "user" and args.action == "list":
                for person in user_admin.users(session, args.unit):
                    state = "active" if person.active else "inactive"
                    print(f"{person.nip}\t{person.name}\t{','.join(person.roles)}\t{state}\t{person.id}")
            elif args.command == "user":
                change = user_admin.deactivate if args.action == "deactivate" else user_admin.reactivate
                person = change(session, args.unit, args.nip)
                print(f"{person.nip}\t{person.name}\t{'active' if person.active else 'inactive'}")
            elif args.command == "closed-day" and args.action == "add":
                print(admin.add_closed_day(session, args.day, args.name))
            elif args.command == "closed-day" and args.action == "list":
                for closed in admin.closed_days(session):
                    print(f"{closed.day.isoformat()}\t{closed.name}\t{closed.id}")
            elif args.command == "closed-day":
                removed = admin.remove_closed_day(session, args.day)
                print(f"removed {removed.day.isoformat()} {removed.name}")
            elif args.command == "release":
                if args.app_version or args.url:
                    if not (args.app_version and args.url):
                        raise admin.AdminError("release: give both --version and --url")
                    release.announce(session, args.app_version, args.url)
                shown = release.announced(session)
                print(f"{shown['app_version'] or '-'}\t{shown['download_url'] or '-'}")
            elif args.command == "web-admin":
                _web_admin(session, args)
            elif args.command == "files":
                _files_command(session, store, url, args)
            elif args.command == "enroll-code":
                print(auth.new_enroll_code(session, args.unit_code, allow_http=args.allow_http))
            elif args.action == "list":
                print("DEVICE\tUNIT\tNAME\tENROLLED\tLAST SEEN\tSTATE")
                for d in admin.devices(session):
                    state = "revoked" if d.revoked else "active"
                    seen = f"{d.last_seen_at:%Y-%m-%d %H:%M}" if d.last_seen_at else "-"
                    print(f"{d.id}\t{d.unit_code}\t{d.name}\t{d.enrolled_at:%Y-%m-%d}\t{seen}\t{state}")
            else:
                before = admin.revoke(session, args.device_id)
                if before is None:
                    print(f"revoked {args.device_id}")
                else:  # nothing to do: said so, and exit 0 (a script may revoke again safely)
                    when = f"{before:%Y-%m-%d %H:%M} UTC"
                    print(f"{args.device_id} was already revoked on {when}; nothing changed")
    except (admin.AdminError, auth.AuthError, AccountError) as exc:
        print(f"mufakat-server: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except (SQLAlchemyError, CommandError, OSError) as exc:
        where = make_url(url).render_as_string(hide_password=True) if url else "--db"
        print(f"mufakat-server: database {where}: {_reason(exc)}", file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
