"""`mufakat evidence-pack`: the evaluation pack ("Paket bukti") of a forum, a year or a period
of this laptop's office as one ZIP (desktop.documents.evidence_pack)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.app.workspace import Workspace
from desktop.cli.common import day_arg
from desktop.core.errors import InputError
from desktop.core.i18n import tr


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    pack = sub.add_parser(
        "evidence-pack",
        parents=[common],
        help=tr(
            "the evaluation pack (paket bukti) of a forum or a period as one ZIP: documents, signed "
            "attendance scan, photos, and an index of the PEKPPP indicators and what is missing"
        ),
    )
    scope = pack.add_mutually_exclusive_group(required=True)
    scope.add_argument("--forum", metavar="ID", help=tr("forum id"))
    scope.add_argument("--year", type=int, metavar="YEAR", help=tr("the forums and surveys of a year"))
    scope.add_argument("--from", dest="starts_on", type=day_arg, metavar="DATE", help=tr("the period's first day"))
    pack.add_argument(
        "--to", dest="ends_on", type=day_arg, metavar="DATE", help=tr("the period's last day (with --from)")
    )
    pack.add_argument("--unit", metavar="CODE", help=tr("the office (default: this laptop's)"))
    pack.add_argument("--as-of", type=day_arg, help=tr("the reports' date, YYYY-MM-DD (default: today)"))
    pack.add_argument("--out", metavar="FILE.zip", required=True, type=Path, help=tr("where to write the ZIP"))
    pack.add_argument("--force", action="store_true", help=tr("replace the file if it exists"))
    pack.add_argument(
        "--offline", action="store_true", help=tr("do not fetch files from the server; list them as missing")
    )


def _unit_id(ws: Workspace, code: str | None) -> str:
    from desktop.services.units import unit_by_code

    if code:
        unit = ws.read(unit_by_code, code)
        if unit is None:
            raise InputError(tr("No office has the code {code}; see: mufakat forums.", code=code))
        return unit.id
    if ws.ctx.home_unit_id:
        return ws.ctx.home_unit_id
    raise InputError(tr("This laptop has no office yet: name one with --unit CODE."))


def run(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.documents.evidence_pack import make_pack
    from desktop.services.evidence_pack import PackScope

    out: Path = args.out
    if (args.ends_on is not None) != (args.starts_on is not None):
        raise InputError(tr("--from and --to go together: give both days of the period."))
    if out.suffix.lower() != ".zip":
        raise InputError(tr("The evidence pack is a ZIP file: name it FILE.zip."))
    if out.is_dir():
        raise InputError(tr("{path} is a folder; name the ZIP file to write.", path=out))
    if out.exists() and not args.force:
        raise InputError(tr("{path} exists already; add --force to replace it.", path=out))
    if not out.parent.resolve().is_dir():
        raise InputError(tr("The folder {path} does not exist.", path=out.parent))
    if args.forum:
        scope = PackScope.of_forum(args.forum)
    elif args.year is not None:
        scope = PackScope.of_year(_unit_id(ws, args.unit), args.year)
    else:
        scope = PackScope.of_period(_unit_id(ws, args.unit), args.starts_on, args.ends_on)
    result = make_pack(ws, scope, out, as_of=args.as_of, fetch=not args.offline)
    print(out)
    print(
        tr(
            "{files} file(s) in the pack; {missing} line(s) of what is still missing, listed in its index.",
            files=result.files,
            missing=len(result.missing),
        ),
        file=sys.stderr,
    )
