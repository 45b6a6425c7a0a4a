"""Laporan tindak lanjut: what became of every recommendation of a forum, for publication.

A summary by status, then each recommendation with its status, actions, owners, progress and,
for escalated ones, the answer from above.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.reports import indonesian
from desktop.reports.layout import (
    Styles,
    build_pdf,
    content_width,
    grid_table,
    letterhead,
    signature_blocks,
    text,
)
from desktop.reports.parts import head_of, kop, label
from desktop.reports.survey_parts import survey_section
from desktop.services.report_data import ForumReport, RecLine
from desktop.vocab import RecStatus
from desktop.zones import office_today


def _actions(rec: RecLine) -> str:
    lines = []
    for fu in rec.follow_ups:
        due = f"; target {indonesian.long_date(fu.due_on)}" if fu.due_on else ""
        evidence = f"\nBukti: {fu.evidence}" if fu.evidence else ""
        lines.append(f"• {fu.action} (PJ: {fu.owner}{due}; {fu.progress}%){evidence}")
    for esc in rec.escalations:
        lines.append(
            f"• Diusulkan kepada {esc.to_unit} pada {indonesian.long_date(esc.sent_on)} "
            f"(batas tanggapan {indonesian.long_date(esc.due_on)}; {label(esc.status).lower()})"
        )
    if rec.status == RecStatus.DONE and rec.status_reason:
        lines.append(f"Bukti penyelesaian: {rec.status_reason}")
    if rec.status == RecStatus.REJECTED and rec.status_reason:
        lines.append(f"Alasan: {rec.status_reason}")
    return "\n".join(lines) or "-"


def _answer(rec: RecLine) -> str:
    answered = [e for e in rec.escalations if e.answer]
    if not answered:
        return "-" if not rec.escalations else "Menunggu jawaban"
    last = answered[-1]
    outcome = f"{label(last.outcome)}: " if last.outcome else ""
    return f"{outcome}{last.answer}"


def build_followup_report(report: ForumReport, paper: str = "a4", as_of: date | None = None) -> bytes:
    width = content_width(paper)
    as_of = as_of or office_today(report.unit.time_zone)
    story: list[Flowable] = [*letterhead(kop(report.unit))]
    story.append(text("LAPORAN TINDAK LANJUT", Styles.title))
    story.append(text(f"HASIL {report.title.upper()}", Styles.subtitle))
    story.append(
        text(
            f"Tanggal forum: {indonesian.long_date(report.held_on)} — keadaan per "
            f"{indonesian.long_date(as_of)}",
            Styles.center,
        )
    )
    story.append(Spacer(1, 10))

    counts = Counter(rec.status for rec in report.recommendations)
    story.append(text("A. Ringkasan", Styles.heading))
    summary = [[label(status), str(counts[status])] for status in RecStatus if counts[status]]
    summary.append(
        [text("Jumlah", Styles.cell_bold), text(str(len(report.recommendations)), Styles.cell_bold)]
    )
    story.append(grid_table(["Status", "Jumlah rekomendasi"], summary, [width * 0.5, width * 0.2]))

    story.append(text("B. Rincian tindak lanjut", Styles.heading))
    rows = [
        [str(rec.number), rec.text, label(rec.scope), label(rec.status), _actions(rec), _answer(rec)]
        for rec in report.recommendations
    ]
    if rows:
        story.append(
            grid_table(
                ["No", "Rekomendasi", "Ranah", "Status", "Tindak lanjut", "Jawaban atasan"],
                rows,
                [
                    9 * mm,
                    width * 0.26,
                    width * 0.11,
                    width * 0.11,
                    width * 0.3,
                    width - 9 * mm - width * 0.78,
                ],
            )
        )
    else:
        story.append(text("Forum ini belum memiliki rekomendasi."))
    if report.survey is not None:
        heading = text("C. Hasil Survei Kepuasan Masyarakat yang dibahas", Styles.heading)
        story += survey_section(report.survey, width, heading)
    story.append(Spacer(1, 12))
    place = report.unit.city
    story.append(
        signature_blocks(
            [head_of(report.unit)],
            width,
            f"{place}, {indonesian.long_date(as_of)}" if place else indonesian.long_date(as_of),
        )
    )
    return build_pdf(
        story,
        paper=paper,
        title=f"Laporan Tindak Lanjut {report.title}",
        footer=f"Laporan Tindak Lanjut {report.title}",
    )
