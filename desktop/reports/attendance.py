"""Daftar hadir to print before the forum: the invitation list pre-filled, blank rows after it,
and a signature column."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.reports import indonesian
from desktop.reports.layout import Styles, build_pdf, content_width, grid_table, key_values, letterhead, text
from desktop.reports.parts import gender_letter, kop, label, time_span
from desktop.services.report_data import ForumReport

DEFAULT_BLANK_ROWS = 10


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
    body: list[list[object]] = []
    for index, person in enumerate(report.participants, start=1):
        body.append(
            [
                str(index),
                person.name,
                person.organization or "",
                label(person.category),
                gender_letter(person.gender),
                person.phone,
                text(f"{index}.", Styles.cell if index % 2 else Styles.cell_center),
            ]
        )
    start = len(report.participants) + 1
    for index in range(start, start + max(0, blank_rows)):
        body.append(
            [
                str(index),
                "",
                "",
                "",
                "",
                "",
                text(f"{index}.", Styles.cell if index % 2 else Styles.cell_center),
            ]
        )
    story.append(
        grid_table(
            ["No", "Nama", "Instansi", "Unsur", "L/P", "No. HP", "Tanda tangan"],
            body,
            [
                9 * mm,
                width * 0.22,
                width * 0.2,
                width * 0.15,
                10 * mm,
                width * 0.14,
                width - 19 * mm - width * 0.71,
            ],
            extra=[("TOPPADDING", (0, 1), (-1, -1), 8), ("BOTTOMPADDING", (0, 1), (-1, -1), 8)],
        )
    )
    return build_pdf(
        story, paper=paper, title=f"Daftar Hadir {report.title}", footer=f"Daftar Hadir {report.title}"
    )
