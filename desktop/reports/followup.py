"""Laporan tindak lanjut: what became of every recommendation of a forum, for publication.

A summary by status, then each recommendation with its status, actions, owners, progress and,
for escalated ones, the response of the office above; then its dates (PEKPPP: follow-up of the
results and its speed): received, target, completed, % done, the working days it took, and
whether it is late (desktop/services/timeliness.py holds the rule); then what reached the office
after the berita acara was frozen (recorded offline before the close, synced after it): never
added to the frozen minutes, reported here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.core.vocab import RecStatus, Scope
from desktop.core.zones import office_today
from desktop.reports import fitting, indonesian, wording
from desktop.reports.collecting import collector_paused
from desktop.reports.evidence import decimal, evidence_note, heading_over_table, mean, sign_off
from desktop.reports.layout import (
    CELL_PADDING,
    Styles,
    build_pdf,
    content_width,
    grid_table,
    letterhead,
    markup,
    signature_blocks,
    table_parts,
    text,
)
from desktop.reports.parts import gender_letter, head_of, kop, label, parent_answer, signing_place
from desktop.reports.photo_annex import AnnexPhoto, photo_annex
from desktop.reports.public_qr import public_page_qr
from desktop.reports.survey_parts import survey_section
from desktop.services.report_data import ForumReport, Late, RecLine
from desktop.services.timeliness import Timing, timing_of
from domain.workdays import WorkCalendar


def _actions(rec: RecLine) -> str:
    """What was done: the follow-up actions, or the escalation and the answer from above."""
    lines = []
    for fu in rec.follow_ups:
        due = f"; target {indonesian.long_date(fu.due_on)}" if fu.due_on else ""
        evidence = f"\nBukti: {fu.evidence}" if fu.evidence else ""
        lines.append(f"• {fu.action} (PJ: {fu.owner}{due}; {fu.progress}%){evidence}")
    for esc in rec.escalations:
        lines.append(
            f"• Diusulkan kepada {esc.to_unit} pada {indonesian.long_date(esc.sent_on)} "
            f"({label(esc.status).lower()})"
        )
    lines += parent_answer(rec)
    if rec.status == RecStatus.DONE and rec.status_reason:
        lines.append(f"Bukti penyelesaian: {rec.status_reason}")
    if rec.status == RecStatus.REJECTED and rec.status_reason:
        lines.append(f"Alasan: {rec.status_reason}")
    return "\n".join(lines) or "-"


# The detail table has four columns, the recommendation's text and what became of it the widest:
# six narrow ones (scope, status and the office above's answer apart) wrapped a 150-character
# recommendation onto nine short lines, six recommendations to a page (40 pages for 200). Portrait
# still: a landscape page holds as much text as a portrait one, and the report stays one sheet
# orientation to print, bind and punch on the 3 cm margin.
DETAIL_HEADER = (
    "No",
    "Rekomendasi",
    "Status dan ranah",
    f"Tindak lanjut dan {wording.PARENT_RESPONSE.lower()}",
)


def _status_and_scope(rec: RecLine) -> tuple[str, str]:
    return label(rec.status), label(rec.scope)


def _status_cell(status: str, scope: str) -> Paragraph:
    """The status in bold, the scope under it (the vocabulary's words: none needs a break)."""
    return markup(f"<b>{escape(status)}</b><br/>{escape(scope)}", Styles.cell)


def detail_widths(width: float, rows: Sequence[tuple[str, tuple[str, str], str]]) -> list[float]:
    """The detail table's columns on a page `width` wide (A4 or folio, portrait): the number,
    the status and scope, and the rest shared between the recommendation and what was done
    (`rows`: each one's text, status and scope, actions) in the proportion that makes the rows
    the least tall."""
    number, status = 9 * mm, width * 0.17
    room = width - number - status
    cell = Styles.cell
    inner = status - 2 * CELL_PADDING
    measured = [
        (text_, actions, fitting.lines_needed("\n".join(state), inner, cell.fontName, cell.fontSize))
        for text_, state, actions in rows
    ]
    share = fitting.balanced_share(measured, room, cell.fontName, cell.fontSize, CELL_PADDING)
    return [number, room * share, status, room * (1 - share)]


LATE = ParagraphStyle("late", parent=Styles.cell_bold, textColor=colors.HexColor("#b00000"))


def _day(day: date | None) -> str:
    """In figures (21-08-2024): the table has seven columns."""
    return day.strftime("%d-%m-%Y") if day else "-"


def _remark(rec: RecLine, timing: Timing) -> str:
    if timing.rejected:  # by the report's day (a later decision is not known there)
        return "Ditolak"
    late = f" {timing.late_days} hari kerja" if timing.late_days else ""
    if rec.scope == Scope.POLICY and timing.target is not None:  # waiting on the office above
        if timing.late:
            return f"DIJAWAB TERLAMBAT{late}" if timing.closed else f"BELUM DIJAWAB, lewat batas{late}"
        return "Dijawab tepat waktu" if timing.closed else "Menunggu jawaban"
    if timing.late:
        return f"TERLAMBAT{late}" if timing.closed else f"MELEWATI TARGET{late}"
    if timing.closed:
        return "Tepat waktu" if timing.target else "Selesai"
    return "Berjalan" if timing.target else "Belum ada target"


def _target(rec: RecLine, timing: Timing) -> Paragraph | str:
    """The unit's own target; for a recommendation proposed upward, the day the office above
    should answer by, and said so (it is not a target the unit set itself)."""
    if rec.scope == Scope.POLICY and timing.target is not None:
        return markup(f"{_day(timing.target)}<br/>{escape(wording.ANSWER_DUE)}", Styles.cell)
    return _day(timing.target)


def _timeliness(
    report: ForumReport, timings: dict[int, Timing], as_of: date, width: float
) -> list[Flowable]:
    """Each recommendation's dates, the working days it took, and the late ones marked."""
    rows: list[list[object]] = []
    for rec in report.recommendations:
        t = timings[rec.number]
        remark = _remark(rec, t)
        rows.append(
            [
                str(rec.number),
                _day(t.received),
                _target(rec, t),
                _day(t.closed),
                f"{t.progress}%" if t.progress is not None else "-",
                str(t.working_days),
                text(remark, LATE) if t.late else remark,  # late ones stand out
            ]
        )
    if not rows:
        return []
    table = grid_table(
        ["No", "Diterima", "Target", "Selesai", "Progres", "Lama (hari kerja)", "Keterangan"],
        rows,
        [9 * mm, *(width * 0.14,) * 3, width * 0.11, width * 0.12, width - 9 * mm - width * 0.65],
    )
    completed = [timings[r.number] for r in report.recommendations if timings[r.number].completed]
    rejected = sum(1 for t in timings.values() if t.rejected)
    running = sum(1 for t in timings.values() if t.is_open)
    late = sum(1 for t in timings.values() if t.late)
    speed = (
        f" dalam rata-rata {decimal(mean([t.working_days for t in completed]), 1)} hari kerja"
        if completed
        else ""
    )
    summary = (
        f"Dari {len(rows)} rekomendasi, {len(completed)} telah selesai atau dijawab{speed}, {rejected} ditolak, "
        f"dan {running} masih berjalan; {late} melewati target atau batas jawaban. Target ialah batas waktu "
        f"tindak lanjut bagi rekomendasi ranah unit, dan {wording.ANSWER_DUE} atas usulan bagi rekomendasi "
        "kebijakan. "
        "Lama dihitung dalam hari kerja sejak tanggal "
        "diterima (tanggal forum, atau tanggal dicatat bagi masukan yang diterima setelah berita acara "
        "ditutup; hari libur nasional dan cuti bersama tidak dihitung) sampai tanggal selesai atau ditolak; "
        f"yang masih berjalan pada {indonesian.long_date(as_of)} dihitung sampai tanggal itu."
    )
    return [table, Spacer(1, 3), text(summary)]




def _text(rec: RecLine, late: Late | None) -> str:
    mark = f"\n({wording.LATE})" if late is not None and rec.id in late.recommendations else ""
    return f"{rec.text}{mark}"


def _late_section(report: ForumReport, late: Late, width: float, letter: str) -> list[Flowable]:
    """What arrived after the berita acara was frozen: recommendations, votes, attendees."""
    frozen = indonesian.long_date(
        late.frozen_at.astimezone(report.unit.time_zone.tzinfo()) if report.unit.time_zone else late.frozen_at
    )
    story: list[Flowable] = [
        text(f"{letter}. {wording.LATE_HEADING}", Styles.heading),
        text(
            f"Dicatat di laptop yang belum tersambung ketika forum ditutup dan berita acaranya "
            f"dibekukan ({frozen}), dan diterima sesudahnya. Masukan ini dicatat dan ditindaklanjuti, "
            "tetapi tidak mengubah berita acara yang telah ditandatangani."
        ),
    ]
    recs = [r for r in report.recommendations if r.id in late.recommendations]
    if recs:
        story += table_parts(
            ["No", "Rekomendasi", "Diusulkan oleh", "Ranah", "Status"],
            [[str(r.number), r.text, r.raised_by or "-", label(r.scope), label(r.status)] for r in recs],
            [9 * mm, width * 0.45, width * 0.2, width * 0.14, width - 9 * mm - width * 0.79],
            before=[text("Rekomendasi", Styles.subheading)],
        )
    votes = [(r, late.votes[r.id]) for r in report.recommendations if r.id in late.votes]
    if votes:
        story += table_parts(
            ["No", "Rekomendasi", "Dukungan tambahan"],
            [[str(r.number), r.text, f"{n:+d}".replace("-", "−")] for r, n in votes],
            [9 * mm, width - 9 * mm - 34 * mm, 34 * mm],
            before=[text("Dukungan yang dihitung sesudahnya", Styles.subheading)],
        )
    people = [p for p in report.attendees if p.id in late.attendees]
    if people:
        story += table_parts(
            ["No", "Nama", "Instansi", "Unsur", "L/P"],
            [
                [str(i), p.name, p.organization or "-", label(p.category), gender_letter(p.gender)]
                for i, p in enumerate(people, start=1)
            ],
            [9 * mm, width * 0.32, width * 0.3, width - 9 * mm - width * 0.62 - 10 * mm, 10 * mm],
            before=[text("Peserta yang tercatat hadir", Styles.subheading)],
        )
    return story


@collector_paused
def build_followup_report(
    report: ForumReport,
    paper: str = "a4",
    as_of: date | None = None,
    calendar: WorkCalendar | None = None,
    photos: Sequence[AnnexPhoto] = (),
    rec_photos: Sequence[AnnexPhoto] = (),
) -> bytes:
    """`photos`: the evidence photos of the follow-up actions, printed after the signature;
    `rec_photos`: the recommendations' own photos (what was asked for), in an annex after them."""
    width = content_width(paper)
    as_of = as_of or office_today(report.unit.time_zone)
    calendar = calendar or WorkCalendar()
    timings = {r.number: timing_of(r, report.held_on, as_of, calendar, r.recorded_on) for r in report.recommendations}
    story: list[Flowable] = [*letterhead(kop(report.unit))]
    story.append(text("LAPORAN TINDAK LANJUT", Styles.title))
    story.append(text(f"HASIL {report.title.upper()}", Styles.subtitle))
    story.append(
        text(
            f"Tanggal forum: {indonesian.long_date(report.held_on)} — {wording.AS_OF} "
            f"{indonesian.long_date(as_of)}",
            Styles.center,
        )
    )
    story.append(Spacer(1, 10))
    if report.public_page:  # a published forum, and the office named the server's public address
        story += [public_page_qr(report.public_page, width), Spacer(1, 8)]

    counts = Counter(rec.status for rec in report.recommendations)
    story.append(text("A. Ringkasan", Styles.heading))
    summary = [[label(status), str(counts[status])] for status in RecStatus if counts[status]]
    summary.append(
        [text("Jumlah", Styles.cell_bold), text(str(len(report.recommendations)), Styles.cell_bold)]
    )
    story.append(grid_table(["Status", "Jumlah rekomendasi"], summary, [width * 0.5, width * 0.2]))

    heading = text("B. Rincian tindak lanjut", Styles.heading)
    late = report.late if report.late else None
    details = [(_text(rec, late), _status_and_scope(rec), _actions(rec)) for rec in report.recommendations]
    rows = [
        [str(rec.number), recommendation, _status_cell(*state), actions]
        for rec, (recommendation, state, actions) in zip(report.recommendations, details, strict=True)
    ]
    if rows:
        story += table_parts(DETAIL_HEADER, rows, detail_widths(width, details), before=[heading])
    else:
        story += [heading, text("Forum ini belum memiliki rekomendasi.")]
    letters = iter("CDEF")
    if rows:
        story += heading_over_table(f"{next(letters)}. Waktu penyelesaian", Styles.heading)
        story += _timeliness(report, timings, as_of, width)
    if late is not None:
        story += _late_section(report, late, width, next(letters))
    if report.survey is not None:
        heading = text(f"{next(letters)}. Hasil Survei Kepuasan Masyarakat yang dibahas", Styles.heading)
        story += survey_section(report.survey, width, heading)
    signature = signature_blocks(
        [head_of(report.unit)], width, signing_place(report.unit, indonesian.long_date(as_of))
    )
    note = evidence_note(report.unit.indicators.get("followup-report", ()))
    sign_off(story, [Spacer(1, 8), text("Demikian laporan ini kami sampaikan."), Spacer(1, 4)], signature, note)
    story += photo_annex("LAMPIRAN: FOTO BUKTI TINDAK LANJUT", photos, width)
    story += photo_annex("LAMPIRAN: FOTO TERKAIT REKOMENDASI", rec_photos, width)
    return build_pdf(
        story,
        paper=paper,
        title=f"Laporan Tindak Lanjut {report.title}",
        footer=f"Laporan Tindak Lanjut FKP {indonesian.long_date(report.held_on)}",  # short: clear of the page number
    )
