"""The `mufakat` command: the desktop app (no subcommand) and the headless commands.

Every command takes `--data-dir`. A user's mistake ends with one line on stderr and exit code 2,
having written nothing; a bug ends with exit code 1 and its details in the data folder's log.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from desktop import __version__
from desktop.app.workspace import Workspace
from desktop.cli import data_folder, survey
from desktop.cli.common import day_arg, write_output
from desktop.cli.signing_in import sign_in
from desktop.core.config import Settings, log_path, resolve_data_dir
from desktop.core.errors import EnvironmentProblem, InputError, MufakatError
from desktop.core.i18n import LANGUAGES, set_language, tr
from desktop.core.logs import configure_logging
from desktop.core.os_words import os_reason
from desktop.services.acting import NotAllowed

EXIT_USER_ERROR = 2
EXIT_BUG = 1
log = logging.getLogger("mufakat")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message} (" + tr("see --help") + ")\n")


def _build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=tr("data folder (default: $MUFAKAT_DATA_DIR or the user data folder)"),
    )
    common.add_argument(
        "--user",
        metavar="NIP",
        default=argparse.SUPPRESS,
        help=tr(
            "act as this user of the office (the password from $MUFAKAT_PASSWORD, or asked); "
            "commands that only read need none"
        ),
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=tr("language of messages (default: from settings, Indonesian)"),
    )

    parser = _Parser(
        prog="mufakat",
        parents=[common],
        description=tr(
            "Mufakat: public consultation forums, offline first. Without a command it opens the desktop app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"mufakat {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    sub.add_parser("demo", parents=[common], help=tr("load the demo forum (KPPN Sorong, 21 August 2024)"))

    forums = sub.add_parser("forums", parents=[common], help=tr("list forums"))
    forums.add_argument("--search", default="", help=tr("only forums whose title, theme or venue has this"))

    export = sub.add_parser("export", parents=[common], help=tr("export data as JSON, CSV or XLSX"))
    export.add_argument("--forum", metavar="ID", help=tr("only this forum (default: everything)"))
    export.add_argument("--format", choices=("json", "csv", "xlsx"), required=True)
    export.add_argument(
        "--table",
        default="recommendations",
        help=tr("with --format csv or xlsx: which table (default: recommendations)"),
    )
    export.add_argument("-o", "--output", metavar="FILE", help=tr("write here (default: standard output)"))

    documents = {
        "invitations": tr("print the invitation letters (surat undangan), one per invited organisation"),
        "attendance-sheet": tr("print the attendance sheet (daftar hadir) to sign at the forum"),
        "minutes": tr("print the minutes (berita acara) of a forum as PDF"),
        "notes": tr("print the notes (notulen): who said what per agenda item, and the responses"),
        "implementation-report": tr("print the forum's implementation report (laporan pelaksanaan FKP)"),
        "followup-report": tr("print the follow-up report (laporan tindak lanjut) of a forum"),
        "escalation-letter": tr("print the cover letter sending a forum's policy recommendations upward"),
    }
    for name, help_text in documents.items():
        doc = sub.add_parser(name, parents=[common], help=help_text)
        doc.add_argument("forum", metavar="FORUM", help=tr("forum id"))
        doc.add_argument(
            "-o", "--output", metavar="FILE.pdf", required=True, help=tr("where to write the PDF")
        )
        doc.add_argument(
            "--paper",
            choices=("a4", "folio"),
            help=tr("paper size (default: a4; a closed forum's minutes: the paper they were frozen on)"),
        )
        if name == "minutes":
            doc.add_argument(
                "--version",
                type=int,
                help=tr("a closed forum's minutes: which frozen version (default: the latest)"),
            )
        if name == "attendance-sheet":
            doc.add_argument(
                "--blank-rows", type=int, default=10, help=tr("empty rows for walk-ins (default: 10)")
            )
        if name == "escalation-letter":
            doc.add_argument("--number", default="", help=tr("the letter's number (nomor surat)"))
        if name in ("invitations", "escalation-letter"):
            doc.add_argument("--date", type=day_arg, help=tr("the letter's date, YYYY-MM-DD"))
        if name in ("implementation-report", "followup-report"):
            doc.add_argument(
                "--as-of", type=day_arg, help=tr("the report's date, YYYY-MM-DD (default: today)")
            )

    recap = sub.add_parser("forum-recap", parents=[common], help=tr("a forum's recap as an Excel workbook"))
    recap.add_argument("forum", metavar="FORUM", help=tr("forum id"))
    recap.add_argument("-o", "--output", metavar="FILE.xlsx", required=True, help=tr("where to write it"))
    register = sub.add_parser(
        "register",
        parents=[common],
        help=tr("the register of consultation inputs (register masukan) as an Excel workbook"),
    )
    register.add_argument("-o", "--output", metavar="FILE.xlsx", required=True, help=tr("where to write it"))
    register.add_argument("--from", dest="held_from", type=day_arg, help=tr("forums held from this day"))
    register.add_argument("--to", dest="held_to", type=day_arg, help=tr("forums held up to this day"))
    register.add_argument("--as-of", type=day_arg, help=tr("the register's date, YYYY-MM-DD (default: today)"))
    register.add_argument("--unit", metavar="CODE", help=tr("the office (default: this laptop's)"))

    enroll = sub.add_parser("enroll", parents=[common], help=tr("connect this device to a Mufakat server"))
    enroll.add_argument("--server", required=True, metavar="URL")
    enroll.add_argument("--code", required=True, help=tr("the one-time code from the administrator"))
    enroll.add_argument(
        "--ca-file",
        type=Path,
        metavar="FILE",
        help=tr("the office's certificate authority (PEM), if it is not installed on this computer"),
    )
    sub.add_parser("sync", parents=[common], help=tr("send local changes to the server and fetch new ones"))
    outbox = sub.add_parser(
        "outbox", parents=[common], help=tr("move unsent changes of a revoked or lost laptop to another one")
    ).add_subparsers(dest="action", required=True, parser_class=_Parser, metavar="ACTION")
    out_export = outbox.add_parser(
        "export", parents=[common], help=tr("write this laptop's unsent changes to a file")
    )
    out_export.add_argument("-o", "--output", metavar="FILE", help=tr("write here (default: standard output)"))
    out_import = outbox.add_parser(
        "import",
        parents=[common],
        help=tr("queue the unsent changes of another laptop of this unit; the next sync sends them"),
    )
    out_import.add_argument("file", metavar="FILE", type=Path)

    imp = sub.add_parser(
        "import-participants",
        parents=[common],
        help=tr("import an invitation list (CSV or XLSX) into a forum"),
    )
    imp.add_argument("forum", metavar="FORUM", help=tr("forum id"))
    imp.add_argument("file", metavar="FILE", type=Path)
    survey.add_parsers(sub, common)
    data_folder.add_parsers(sub, common, _Parser)
    return parser


def _cmd_demo(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.services.demo import load_sample

    result = ws.write(load_sample)  # beside an office's own forums: as a sample kept on this laptop
    if not result.created:
        print(tr("The demo forum was already loaded."), file=sys.stderr)
    print(result.forum_id)


def _cmd_forums(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.core.vocab import label
    from desktop.services.queries import list_forums

    rows = ws.read(list_forums, args.search)
    if not rows:
        print(
            tr("No forums yet. Create one in the app, or load the demo with: mufakat demo"), file=sys.stderr
        )
        return
    print(
        "\t".join(
            [
                tr("ID"),
                tr("Date"),
                tr("Unit"),
                tr("Title"),
                tr("Status"),
                tr("Attended"),
                tr("Unit scope"),
                tr("Policy"),
            ]
        )
    )
    for f in rows:
        print(
            "\t".join(
                [
                    f.id,
                    f.held_on.isoformat(),
                    f.unit_code,
                    f.title,
                    label(f.status),
                    f"{f.attended}/{f.participants}",
                    str(f.unit_scope),
                    str(f.policy_scope),
                ]
            )
        )


def _cmd_export(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.core.i18n import language
    from desktop.services.export import csv_delimiter, export_csv, export_json, export_xlsx

    if args.format == "json":
        content: str | bytes = ws.read(export_json, args.forum)
    elif args.format == "csv":
        content = ws.read(export_csv, args.forum, args.table, csv_delimiter(language()))
    else:
        if not args.output:
            raise InputError(tr("An XLSX export needs a file: add -o FILE.xlsx."))
        content = ws.read(export_xlsx, args.forum, args.table)
    write_output(content, args.output)


def _cmd_import(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.services.participant_import import parse_participants
    from desktop.services.participants import import_participants

    rows = parse_participants(args.file)
    result = ws.write(import_participants, args.forum, rows)
    print(
        tr(
            "{added} participant(s) imported, {skipped} already on the list.",
            added=result.added,
            skipped=result.already_listed,
        )
    )


def _cmd_document(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.documents.builders import Options, build_forum_document

    blank_rows = getattr(args, "blank_rows", 10)
    if not 0 <= blank_rows <= 500:
        raise InputError(tr("--blank-rows must be between 0 and 500."))
    options = Options(
        blank_rows=blank_rows,
        number=getattr(args, "number", ""),
        letter_date=getattr(args, "date", None),
        as_of=getattr(args, "as_of", None),
        version=getattr(args, "version", None),
    )
    write_output(build_forum_document(ws, args.command, args.forum, args.paper, options), args.output)
    print(args.output)


def _cmd_forum_recap(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.reports.recap_xlsx import forum_recap_xlsx
    from desktop.services.recap import forum_recap

    write_output(forum_recap_xlsx(ws.read(forum_recap, args.forum)), args.output)
    print(args.output)


def _cmd_register(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.reports.register_xlsx import register_xlsx
    from desktop.services.register import register
    from desktop.services.units import unit_by_code

    if args.unit:
        unit = ws.read(unit_by_code, args.unit)
        if unit is None:
            raise InputError(tr("No office has the code {code}; see: mufakat forums.", code=args.unit))
        unit_id = unit.id
    elif ws.ctx.home_unit_id:
        unit_id = ws.ctx.home_unit_id
    else:
        raise InputError(tr("This laptop has no office yet: name one with --unit CODE."))
    as_of = args.as_of or ws.ctx.today()
    content = register_xlsx(ws.read(register, unit_id, as_of, ws.ctx.calendar, args.held_from, args.held_to))
    write_output(content, args.output)
    print(args.output)


def _cmd_enroll(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.sync.engine import enroll
    from desktop.sync.network_errors import CertificateProblem, untrusted_for_cli

    try:
        unit = enroll(ws, args.server, args.code, ca_file=args.ca_file)
    except CertificateProblem as exc:
        if not exc.untrusted:
            raise
        raise CertificateProblem(untrusted_for_cli(exc), exc.untrusted) from exc
    print(tr("Enrolled with {url} for unit {unit}. Run: mufakat sync", url=args.server, unit=unit))


def _cmd_sync(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.sync.engine import sync_once
    from desktop.sync.refusals import describe as describe_refusal

    report = sync_once(ws)
    ws.settle_office()  # what the sync brought: the office's settings, answers that settled
    print(
        tr(
            "Sent {pushed} change(s), {refused} refused by the server; received {pulled} record(s).",
            pushed=report.pushed,
            refused=report.refused,
            pulled=report.pulled,
        )
    )
    if report.waiting:
        print(
            tr(
                "{n} change(s) wait for a record the server does not have yet; they are sent again "
                "at the next sync.",
                n=report.waiting,
            )
        )
    moved = report.files
    if moved.uploaded or moved.downloaded:
        print(tr("Files: {sent} sent, {received} received.", sent=moved.uploaded, received=moved.downloaded))
    for code in sorted(set(moved.refused.values())):
        print(describe_refusal(code, moved.refusal_params), file=sys.stderr)
    if moved.interrupted:
        print(tr("A file transfer was cut off; the next sync goes on from where it stopped."))
    if report.refused:
        print(tr("The app lists what the server refused under “Needs attention”, with what to do."))


def _cmd_outbox(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.sync.outbox_file import export_outbox, import_outbox

    if args.action == "export":
        write_output(ws.read(export_outbox), args.output)
        return
    try:
        content = args.file.read_bytes()
    except OSError as exc:
        raise EnvironmentProblem(
            tr("Cannot read {path}: {error}", path=args.file, error=os_reason(exc))
        ) from exc
    result = ws.write(lambda session, ctx: import_outbox(session, ctx.clock, args.file.name, content))
    print(
        tr(
            "{added} change(s) queued for {unit}, {already} already here. Run: mufakat sync",
            added=result.added,
            unit=result.unit_code,
            already=result.already,
        )
    )


COMMANDS: dict[str, Callable[[Workspace, argparse.Namespace], None]] = {
    "demo": _cmd_demo,
    "forums": _cmd_forums,
    "export": _cmd_export,
    "import-participants": _cmd_import,
    "enroll": _cmd_enroll,
    "sync": _cmd_sync,
    "outbox": _cmd_outbox,
    **{name: _cmd_document for name in ("invitations", "attendance-sheet", "minutes", "notes")},
    **{name: _cmd_document for name in ("implementation-report", "followup-report", "escalation-letter")},
    "forum-recap": _cmd_forum_recap,
    "register": _cmd_register,
    **survey.COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    # Messages of argument parsing come before settings are read: use --lang if given.
    raw = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in raw[:-1]:
        wanted = raw[raw.index("--lang") + 1]
        if wanted in LANGUAGES:
            set_language(wanted)
    args = _build_parser().parse_args(raw)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    try:
        settings = Settings.load(data_dir) if data_dir.is_dir() else Settings()
        if getattr(args, "lang", None):
            settings.language = args.lang
        # Before opening: what opening logs goes to the file, not the screen.
        configure_logging(data_dir)
        if args.command is None:
            from desktop.app.shell import run_app

            return run_app(data_dir, settings)
        if args.command in data_folder.COMMANDS:  # on the folder: its database may not open
            set_language(settings.language)
            data_folder.COMMANDS[args.command](data_dir, settings, args)
            return 0
        ws = Workspace.open(data_dir, settings)
        for notice in ws.store.notices:
            print(f"mufakat: {notice}", file=sys.stderr)
        try:
            if getattr(args, "user", None):
                sign_in(ws, args.user)
            COMMANDS[args.command](ws, args)
        finally:
            ws.close()
    except NotAllowed as exc:
        hint = "" if getattr(args, "user", None) else " " + tr("Give --user NIP to act as a user of the office.")
        print(f"mufakat: {exc.message}{hint}", file=sys.stderr)
        return EXIT_USER_ERROR
    except MufakatError as exc:
        print(f"mufakat: {exc.message}", file=sys.stderr)
        if args.command is None:  # the app was asked for: say it where the user looks
            from desktop.app.shell import show_startup_error

            show_startup_error(exc.message)
        return EXIT_USER_ERROR
    except Exception:
        log.exception("unexpected error in %s", args.command)
        print(
            "mufakat: " + tr("unexpected error; details are in {path}", path=log_path(data_dir)),
            file=sys.stderr,
        )
        return EXIT_BUG
    return 0
