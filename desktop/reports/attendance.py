"""Daftar hadir to print before the forum: the invitation list pre-filled, blank rows after it,
a vulnerable-group column and a signature column (no one's phone number: the sheet goes round
the room, UU 27/2022), legalised by the head of the office ("Mengetahui, Kepala …")."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from desktop.reports import indonesian, wording
from desktop.reports.collecting import collector_paused
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    key_values,
    letterhead,
    signature_blocks,
    text,
)
from desktop.reports.parts import attendance_table, head_of, kop, place_and_date, time_span
from desktop.services.report_data import ForumReport

DEFAULT_BLANK_ROWS = 10


@collector_paused
def build_attendance_sheet(
    report: ForumReport, paper: str = "a4", blank_rows: int = DEFAULT_BLANK_ROWS
) -> bytes:
    width = content_width(paper)
    story: list[Flowable] = [*letterhead(kop(report.unit))]
    story.append(text("DAFTAR HADIR", Styles.title))
    story.append(text(report.title.upper(), Styles.subtitle))
    story.append(Spacer(1, 8))
    when = time_span(report)
    details = [
        ("Hari, tanggal", f"{indonesian.day_name(report.held_on)}, {indonesian.long_date(report.held_on)}"),
        ("Waktu", when[0].upper() + when[1:] if when else ""),
        ("Tempat", report.venue),
        ("Tema", report.theme),
    ]
    story.append(key_values(details, width))
    story.append(Spacer(1, 8))
    place_date = place_and_date(report)
    head = signature_blocks([head_of(report.unit)], width, place_date, above=wording.ACKNOWLEDGED)
    legalised = [Spacer(1, 12), head]
    story += attendance_table(
        report.participants, width, blank_rows=blank_rows, row_padding=8, then=legalised
    )
    return build_pdf(
        story, paper=paper, title=f"Daftar Hadir {report.title}", footer=f"Daftar Hadir {report.title}"
    )
