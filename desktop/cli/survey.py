"""The survey (SKM) commands of the CLI: list periods, import questionnaires, print the score
as a table, print the report as PDF, issue the report (its date fixed)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.app.workspace import Workspace
from desktop.core.i18n import number, tr
from desktop.core.vocab import IkmMethod, label

Command = Callable[[Workspace, argparse.Namespace], None]


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    sub.add_parser("surveys", parents=[common], help=tr("list satisfaction survey (SKM) periods"))
    score = sub.add_parser(
        "survey-score", parents=[common], help=tr("print a survey period's index (IKM) per element")
    )
    score.add_argument("period", metavar="PERIOD", help=tr("survey period id"))
    report = sub.add_parser(
        "survey-report", parents=[common], help=tr("print a survey period's report as PDF")
    )
    report.add_argument("period", metavar="PERIOD", help=tr("survey period id"))
    report.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help=tr("where to write the PDF")
    )
    report.add_argument("--paper", choices=("a4", "folio"), default="a4", help=tr("paper size (default: a4)"))
    report.add_argument(
        "--version",
        type=int,
        help=tr("an issued version, as it was issued (default: the one in force, else the draft)"),
    )
    actions = sub.add_parser(
        "survey-actions-report",
        parents=[common],
        help=tr("print the realisation of a survey period's follow-up plan (RTL) as PDF"),
    )
    actions.add_argument("period", metavar="PERIOD", help=tr("survey period id"))
    actions.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help=tr("where to write the PDF")
    )
    actions.add_argument("--paper", choices=("a4", "folio"), default="a4", help=tr("paper size (default: a4)"))
    actions.add_argument(
        "--as-of", type=_day_arg, help=tr("the report's date, YYYY-MM-DD (default: today)")
    )
    issue = sub.add_parser(
        "survey-issue",
        parents=[common],
        help=tr("issue (terbitkan) a survey period's report: its date is fixed from today on"),
    )
    issue.add_argument("period", metavar="PERIOD", help=tr("survey period id"))
    reopen = sub.add_parser(
        "survey-reopen",
        parents=[common],
        help=tr("re-open an issued survey report to correct its questionnaires (a new version)"),
    )
    reopen.add_argument("period", metavar="PERIOD", help=tr("survey period id"))
    reopen.add_argument("--reason", required=True, help=tr("why it is re-opened (kept in its history)"))
    imp = sub.add_parser(
        "import-survey", parents=[common], help=tr("import questionnaires (CSV or XLSX) into a survey period")
    )
    imp.add_argument("period", metavar="PERIOD", help=tr("survey period id"))
    imp.add_argument("file", metavar="FILE", type=Path)



def _figure(value: Decimal) -> str:
    """An SKM figure as the regulation's forms write it, in either language (as its grade labels)."""
    return number(value, language="id")

def score_text(ws: Workspace, period_id: str) -> str:
    from desktop.reports.survey_parts import period_line
    from desktop.services.surveys import survey_result

    result = ws.read(survey_result, period_id)
    lines = [f"{result.unit_name} — {period_line(result)}"]
    if result.score is None:
        lines.append(tr("No questionnaires yet."))
        return "\n".join(lines) + "\n"
    score = result.score
    element, total, converted = tr("Element"), tr("Total"), tr("Converted")
    lines.append(f"{element:<46} {total:>7} {'NRR':>6} {converted:>10}")
    for e in score.elements:
        name = f"U{e.element.number} {e.element.name}"
        lines.append(f"{name:<46} {e.total:>7} {_figure(e.nrr):>6} {_figure(e.converted):>10}")
    lines.append(f"{'Σ NRR':<54} {_figure(score.nrr_sum):>6}")
    lines.append(
        tr(
            "IKM {index} — {letter} ({label})",
            index=_figure(score.index),
            letter=score.grade.letter,
            label=score.grade.label,
        )
    )
    lines.append(tr("Method: {method}", method=label(score.method)))
    if score.methods_disagree:
        other = next(m for m in IkmMethod if m != score.method)
        lines.append(
            tr(
                "The other method ({method}) gives {index} — {letter}: another grade.",
                method=label(other),
                index=_figure(score.indexes[other]),
                letter=score.grade_by(other).letter,
            )
        )
    if result.required is None:
        lines.append(tr("{n} respondent(s); the number of service users is not set.", n=result.respondents))
    else:
        lines.append(
            tr(
                "{n} respondent(s); minimum sample {required} for {users} service users: {verdict}",
                n=result.respondents,
                required=result.required,
                users=result.period.service_users,
                verdict=tr("too few") if result.too_few else tr("enough"),
            )
        )
    lines.append(
        tr("Improve first: {elements}", elements=", ".join(f"U{e.number} {e.name}" for e in score.priority))
    )
    return "\n".join(lines) + "\n"


def _cmd_surveys(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.services.surveys import periods_of, survey_result

    periods = ws.read(periods_of)
    if not periods:
        print(tr("No survey periods yet."))
        return
    for period in periods:
        result = ws.read(survey_result, period.id)
        index = _figure(result.score.index) if result.score else "-"
        print(
            f"{period.id}  {period.starts_on.isoformat()}  {period.title}  n={result.respondents}  IKM={index}"
        )


def _cmd_score(ws: Workspace, args: argparse.Namespace) -> None:
    print(score_text(ws, args.period), end="")


def _day_arg(text: str) -> date:
    from desktop.cli.common import day_arg

    return day_arg(text)


def _cmd_report(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.cli.common import write_output
    from desktop.reports.survey import build_survey_report
    from desktop.reports.survey_actions import build_survey_actions_report
    from desktop.services.issued_survey import printed_document
    from desktop.services.report_data import survey_document

    if args.command == "survey-report":  # as issued (survey-issue), else the draft
        document = ws.read(printed_document, args.period, args.version)
        content = build_survey_report(document, paper=args.paper)
    else:
        document = ws.read(survey_document, args.period)
        content = build_survey_actions_report(document, paper=args.paper, as_of=args.as_of or ws.ctx.today())
    write_output(content, args.output)
    print(args.output)


def _cmd_issue(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.services.surveys import issue_report

    day = ws.write(issue_report, args.period)
    print(tr("The report is issued, dated {day}.", day=day.strftime("%d-%m-%Y")))


def _cmd_reopen(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.services.surveys import reopen_report

    version = ws.write(reopen_report, args.period, args.reason)
    print(
        tr(
            "Version {version} of the report is re-opened: questionnaires may change, and issuing it again "
            "makes version {next}.",
            version=version,
            next=version + 1,
        )
    )


def _cmd_import(ws: Workspace, args: argparse.Namespace) -> None:
    from desktop.services.survey_import import parse_responses
    from desktop.services.surveys import import_responses

    added = ws.write(import_responses, args.period, parse_responses(args.file))
    print(tr("{n} questionnaire(s) imported.", n=added))


COMMANDS: dict[str, Command] = {
    "surveys": _cmd_surveys,
    "survey-score": _cmd_score,
    "survey-report": _cmd_report,
    "survey-actions-report": _cmd_report,
    "survey-issue": _cmd_issue,
    "survey-reopen": _cmd_reopen,
    "import-survey": _cmd_import,
}
