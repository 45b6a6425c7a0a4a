"""Laporan realisasi rencana tindak lanjut hasil SKM: what became of each action the office
planned after its satisfaction survey (PermenPANRB 14/2017: the results are followed up;
PEKPPP: the follow-up of the survey is evidenced) — its realisation, progress, the day it was
completed, and whether it was late; then the survey's index against the next period's, when
there is one."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.reports import indonesian
from desktop.reports.collecting import collector_paused
from desktop.reports.evidence import decimal, evidence_note, heading_over_table, mean, sign_off
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    grid_table,
    key_values,
    letterhead,
    signature_blocks,
    text,
)
from desktop.reports.parts import head_of, kop, signing_place
from desktop.reports.survey_details import element_name, prioritised
from desktop.reports.survey_parts import method_name, number, period_dates, period_line
from desktop.services.report_data import SurveyDocument
from desktop.services.survey_breakdown import ActionLine

LATE = ParagraphStyle("late_action", parent=Styles.cell_bold, textColor=colors.HexColor("#b00000"))


def _day(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "-"


def _remark(action: ActionLine, as_of: date) -> str:
    if action.completed_on is not None:
        return "Terlambat" if action.late(as_of) else "Tepat waktu"
    if action.late(as_of):
        return "Melewati target"
    return "Berjalan" if action.due_on else "Belum ada target"


@collector_paused
def build_survey_actions_report(
    document: SurveyDocument, paper: str = "a4", as_of: date | None = None
) -> bytes:
    width = content_width(paper)
    as_of = as_of or date.today()
    result = document.result
    actions = prioritised(result, document.details.actions if document.details else ())
    story: list[Flowable] = [*letterhead(kop(document.unit))]
    story.append(text("LAPORAN REALISASI RENCANA TINDAK LANJUT", Styles.title))
    story.append(text("HASIL SURVEI KEPUASAN MASYARAKAT", Styles.title))
    story.append(text(f"{document.unit.name} — {result.period.title}".upper(), Styles.subtitle))
    story.append(Spacer(1, 8))
    score = result.score
    pairs = [
        ("Periode survei", period_line(result)),
        (
            "Nilai IKM",
            f"{number(score.index)} ({method_name(score.method)}; mutu pelayanan {score.grade.letter}, "
            f"{score.grade.label})"
            if score
            else "-",
        ),
        ("Unsur prioritas", ", ".join(f"U{e.number} {e.name}" for e in score.priority) if score else "-"),
        ("Posisi per", indonesian.long_date(as_of)),
    ]
    story.append(key_values(pairs, width, label_width=34 * mm))
    story += heading_over_table("Realisasi rencana tindak lanjut")
    if actions:
        priority = {e.number for e in score.priority} if score else set()
        rows: list[list[object]] = []
        for n, action in enumerate(actions, start=1):
            status = f"{action.progress}%\n{_remark(action, as_of)}"
            rows.append(
                [
                    str(n),
                    element_name(action.element) + (" (prioritas)" if action.element in priority else ""),
                    f"{action.action}\nPJ: {action.owner}",
                    action.realisation or "-",
                    f"Target {_day(action.due_on)}\nSelesai {_day(action.completed_on)}",
                    text(status, LATE) if action.late(as_of) else status,
                ]
            )
        story.append(
            grid_table(
                ["No", "Unsur", "Rencana tindak lanjut", "Realisasi", "Waktu", "Progres"],
                rows,
                [
                    8 * mm,
                    width * 0.16,
                    width * 0.27,
                    width * 0.22,
                    width * 0.17,
                    width - 8 * mm - width * 0.82,
                ],
            )
        )
        done = sum(1 for a in actions if a.completed_on is not None)
        late = sum(1 for a in actions if a.late(as_of))
        progress = decimal(mean([a.progress for a in actions]), 1)
        story.append(Spacer(1, 3))
        story.append(
            text(
                f"Dari {len(actions)} rencana tindak lanjut, {done} telah selesai; rata-rata progres {progress}%; "
                f"{late} melewati target waktu."
            )
        )
    else:
        story.append(text("Belum ada rencana tindak lanjut untuk periode survei ini."))
    missing = sorted({e.number for e in score.priority} - {a.element for a in actions}) if score else []
    if missing:
        story.append(
            text(
                "Unsur prioritas yang belum memiliki rencana tindak lanjut: "
                + ", ".join(element_name(n) for n in missing)
                + "."
            )
        )
    when = indonesian.long_date(as_of)
    signature = signature_blocks([head_of(document.unit)], width, signing_place(document.unit, when))
    note = evidence_note(document.unit.indicators.get("survey-actions-report", ()))
    sign_off(story, [Spacer(1, 8), text("Demikian laporan ini kami sampaikan."), Spacer(1, 4)], signature, note)
    return build_pdf(
        story,
        paper=paper,
        title=f"Realisasi RTL SKM {result.period.title}",
        footer=f"Realisasi RTL SKM {period_dates(result)}",  # short: clear of the page number
    )
