"""Excel recaps (XLSX, openpyxl) as an Indonesian office reads them: Indonesian headers and
labels (never codes such as `client_office` or `True`), dates and times as Excel dates in the
office's time zone, a frozen header row with filters, and text that Excel shows as typed and
never runs as a formula. Plain data in (desktop.services.recap), bytes out."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, tzinfo
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.i18n import translate_to
from desktop.core.vocab import LABELS
from desktop.reports import wording
from desktop.services.cell_safety import looks_like_formula
from desktop.services.recap import ForumRecap, RecapRecommendation, RecommendationsRecap

DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
TIME_FORMAT = "HH:MM"
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
HEADER_FONT = Font(name="Calibri", size=11, bold=True)  # the workbook's own font, in bold
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
LINE_HEIGHT = 15  # points, Calibri 11
MAX_ROW_HEIGHT = 409  # Excel's limit
CHARS_PER_WIDTH = 1.1  # characters of ordinary text per unit of column width


def text_cell(sheet: WriteOnlyWorksheet, text: str, wrap: bool = False) -> str | WriteOnlyCell:
    """A text cell shown exactly as typed. Characters a workbook cannot hold are dropped. A text
    that starts like a formula (`=`, `+`, `-`, `@`) is stored as text with Excel's "quote
    prefix", so Excel neither runs it nor turns it into a formula when the cell is edited."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]
    risky = looks_like_formula(text)
    if not risky and not wrap:
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # never "f" (openpyxl makes a formula of a text starting with "=")
    if risky:
        cell.quotePrefix = True
    if wrap:
        cell.alignment = WRAP
    return cell


def _lines(value: Any, width: float) -> int:
    """About how many lines a wrapped text cell of this column width needs."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(int(width * CHARS_PER_WIDTH), 1)
    return sum(max(-(-len(paragraph) // per_line), 1) for paragraph in value.split("\n"))


def _label(value: StrEnum | None) -> str:
    return "" if value is None else translate_to("id", LABELS[value])


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    wrap: bool = False


class _Sheet:
    """A write-only sheet: header row (bold, frozen, with filters) and rows of Python values."""

    def __init__(self, book: Workbook, title: str, columns: Sequence[Column], rows: int, zone: tzinfo) -> None:
        self.sheet: WriteOnlyWorksheet = book.create_sheet(title)
        self.columns = columns
        self.zone = zone
        for index, column in enumerate(columns, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = column.width
        self.sheet.freeze_panes = "A2"
        # Printed on A4 landscape with the header row on every page.
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        self.sheet.print_title_rows = "1:1"
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"
        header = []
        for column in columns:
            cell = WriteOnlyCell(self.sheet, value=column.header)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            header.append(cell)
        self.sheet.append(header)
        self._next_row = 2

    def row(self, values: Sequence[Any]) -> None:
        lines = max(
            (_lines(value, column.width) for value, column in zip(values, self.columns, strict=True) if column.wrap),
            default=1,
        )
        cells = [self.cell(value, column.wrap) for value, column in zip(values, self.columns, strict=True)]
        if lines > 1:  # spreadsheets do not grow a row for wrapped text they did not lay out themselves
            self.sheet.row_dimensions[self._next_row].height = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)
            cells = [self._at_top(cell) for cell in cells]  # a tall row reads from its top line
        self._next_row += 1
        self.sheet.append(cells)

    def _at_top(self, cell: Any) -> Any:
        if cell is None:
            return None
        if not isinstance(cell, Cell):
            cell = WriteOnlyCell(self.sheet, value=cell)
        if not cell.alignment.wrap_text:
            cell.alignment = TOP
        return cell

    def cell(self, value: Any, wrap: bool = False) -> Any:
        if value is None:
            return None
        if isinstance(value, bool):
            return "Ya" if value else "Tidak"
        if isinstance(value, StrEnum):
            return _label(value)
        if isinstance(value, str):
            return text_cell(self.sheet, value, wrap)
        formatted: tuple[Any, str] | None = None
        if isinstance(value, datetime):  # stored in UTC: the office's wall clock, as Excel has no zones
            formatted = value.astimezone(self.zone).replace(tzinfo=None), DATETIME_FORMAT
        elif isinstance(value, date):
            formatted = value, DATE_FORMAT
        elif isinstance(value, time):
            formatted = value, TIME_FORMAT
        if formatted is None:
            return value  # a number
        cell = WriteOnlyCell(self.sheet, value=formatted[0])
        cell.number_format = formatted[1]
        return cell


def _bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _follow_up_summary(rec: RecapRecommendation) -> list[Any]:
    """Its follow-up in one row: the actions and owners, the last due date, the lowest progress
    (the recommendation is done when every action is); the rows sheet has each action apart."""
    fus = rec.follow_ups
    if not fus:
        return [None, None, None, None]
    dues = [f.due_on for f in fus if f.due_on is not None]
    return [
        "\n".join(f.action for f in fus),
        "\n".join(dict.fromkeys(f.owner for f in fus)),
        max(dues) if dues else None,
        min(f.progress for f in fus),
    ]


def _escalation_summary(rec: RecapRecommendation) -> list[Any]:
    if not rec.escalations:
        return [None, None, None]
    last = rec.escalations[-1]
    answer = f"{_label(last.outcome)}: {last.answer}" if last.outcome and last.answer else last.answer
    return [last.to_unit, last.status, answer or None]


RECOMMENDATION_COLUMNS = [
    Column("Rekomendasi", 60, wrap=True),
    Column("Agenda", 24),
    Column("Topik", 22),
    Column("Ruang lingkup", 22),
    Column("Unsur pengusul", 22),
    Column("Dukungan", 10),
    Column("Status", 14),
    Column("Keterangan status", 30, wrap=True),
    Column("Dicatat", 17),  # with its time zone in the header (`_recommendation_sheets`)
    Column("Tindak lanjut", 40, wrap=True),
    Column("Penanggung jawab", 22),
    Column("Target", 12),
    Column("Progres (%)", 11),
    Column("Eskalasi ke", 30),
    Column("Status eskalasi", 15),
    Column("Jawaban", 40, wrap=True),
]
FORUM_COLUMNS = [Column("Forum", 36), Column("Tanggal forum", 13)]
FOLLOW_UP_COLUMNS = [
    Column("No. rekomendasi", 15),
    Column("Rekomendasi", 50, wrap=True),
    Column("Tindakan", 50, wrap=True),
    Column("Penanggung jawab", 22),
    Column("Target", 12),
    Column("Progres (%)", 11),
    Column("Status", 14),
    Column("Bukti", 40, wrap=True),
]


def _zoned(header: str, zone_name: str) -> str:
    """A header of times with the zone they are in: "Dicatat (WIT)"."""
    return f"{header} ({zone_name})" if zone_name else header


def _recommendation_sheets(
    book: Workbook, recs: Sequence[RecapRecommendation], zone: tzinfo, with_forum: bool, zone_name: str = ""
) -> None:
    zoned = {"Dicatat"}
    times = [replace(c, header=_zoned(c.header, zone_name)) if c.header in zoned else c for c in RECOMMENDATION_COLUMNS]
    columns = [Column("No.", 6), *(FORUM_COLUMNS if with_forum else []), *times]
    sheet = _Sheet(book, "Rekomendasi", columns, len(recs), zone)
    for rec in recs:
        forum = [rec.forum_title, rec.held_on] if with_forum else []
        sheet.row(
            [
                rec.number,
                *forum,
                rec.text,
                rec.agenda_item or None,
                rec.category,
                rec.scope,
                rec.raised_by_category,
                rec.votes,
                rec.status,
                rec.status_reason or None,
                rec.created_at,
                *_follow_up_summary(rec),
                *_escalation_summary(rec),
            ]
        )
    lines = [(rec, fu) for rec in recs for fu in rec.follow_ups]
    follow = _Sheet(book, "Tindak lanjut", FOLLOW_UP_COLUMNS, len(lines), zone)
    for rec, fu in lines:
        follow.row(
            [rec.number, rec.text, fu.action, fu.owner, fu.due_on, fu.progress, fu.status, fu.evidence or None]
        )


def _key_values(book: Workbook, title: str, pairs: Sequence[tuple[str, Any]], zone: tzinfo) -> None:
    sheet = _Sheet(book, title, [Column("Keterangan", 32), Column("Isi", 70, wrap=True)], len(pairs), zone)
    for key, value in pairs:
        sheet.row([key, value])


def forum_recap_xlsx(recap: ForumRecap) -> bytes:
    """The recap of one forum: summary, participants per unsur, the participant list,
    recommendations with follow-up, and each follow-up action."""
    book = Workbook(write_only=True)
    zone = recap.zone
    recs = recap.recommendations
    present = sum(c.present for c in recap.by_category)  # participants (organisers apart)
    when = " – ".join(t.strftime("%H.%M") for t in (recap.starts_at, recap.ends_at) if t is not None)
    if when and recap.zone_name:
        when = f"{when} {recap.zone_name}"
    _key_values(
        book,
        "Ringkasan",
        [
            ("Unit", recap.unit_name),
            ("Forum", recap.title),
            ("Tema", recap.theme or None),
            ("Tanggal", recap.held_on),
            ("Waktu", when or None),
            ("Tempat", recap.venue or None),
            ("Cara pelaksanaan", recap.mode),
            ("Status forum", recap.status),
            ("Peserta hadir", present),
            ("Panitia hadir (bukan peserta)", recap.organisers),
            (wording.PEKPPP_FIGURE, recap.score),
            ("Unsur PEKPPP yang hadir", ", ".join(_label(u) for u in recap.pekppp) or None),
            (wording.DIVERSITY, recap.categories),
            ("Peserta dari kelompok rentan", recap.vulnerable),
            ("Rekomendasi", len(recs)),
            ("Ranah unit", sum(1 for r in recs if r.scope == "unit")),
            ("Kebijakan (diusulkan ke atas)", sum(1 for r in recs if r.scope == "policy")),
        ],
        zone,
    )
    counts = _Sheet(
        book,
        "Peserta per unsur",
        [Column("Unsur", 30), Column("Unsur masyarakat", 17), Column("Unsur PEKPPP", 30), Column("Hadir", 9),
         Column("Laki-laki", 10), Column("Perempuan", 11)],
        len(recap.by_category) + 1,
        zone,
    )
    for count in recap.by_category:
        counted = _label(count.pekppp) if count.pekppp else ("Tidak dihitung" if count.public else None)
        counts.row([count.category, count.public, counted, count.present, count.male, count.female])
    counts.row(
        [
            "Jumlah peserta",
            None,
            None,
            present,
            sum(c.male for c in recap.by_category),
            sum(c.female for c in recap.by_category),
        ]
    )
    people = _Sheet(
        book,
        "Daftar peserta",
        [Column("No.", 6), Column("Nama", 30), Column("Instansi/organisasi", 32), Column("Unsur", 26),
         Column("Jenis kelamin", 13), Column("Kelompok rentan", 15), Column("Peran", 13), Column("Diundang", 10),
         Column("Hadir", 8), Column(_zoned("Waktu hadir", recap.zone_name), 17)],
        len(recap.participants),
        zone,
    )
    for number, p in enumerate(recap.participants, start=1):
        people.row(
            [number, p.name, p.organization or None, p.category, p.gender, p.vulnerable, p.role, p.invited,
             p.attended, p.signed_in_at]
        )
    _recommendation_sheets(book, recs, zone, with_forum=False, zone_name=recap.zone_name)
    return _bytes(book)


def _described(recap: RecommendationsRecap) -> list[tuple[str, Any]]:
    """The triage filter in words."""
    flt = recap.filter
    pairs: list[tuple[str, Any]] = []
    if flt.text.strip():
        pairs.append(("Teks memuat", flt.text.strip()))
    if flt.statuses:
        pairs.append(("Status", ", ".join(_label(s) for s in sorted(flt.statuses))))
    elif flt.open_only:
        pairs.append(("Status", "Terbuka (belum tuntas)"))
    if flt.scopes:
        pairs.append(("Ruang lingkup", ", ".join(_label(s) for s in sorted(flt.scopes))))
    if recap.forum_title:
        pairs.append(("Forum", recap.forum_title))
    if flt.category:
        pairs.append(("Topik", flt.category))
    if flt.held_from:
        pairs.append(("Tanggal forum sejak", flt.held_from))
    if flt.held_to:
        pairs.append(("Tanggal forum sampai", flt.held_to))
    if flt.overdue_only:
        pairs.append(("Hanya yang lewat batas", True))
    return pairs or [("Filter", "Semua rekomendasi")]


def recommendations_recap_xlsx(recap: RecommendationsRecap) -> bytes:
    """What a triage filter shows: the recommendations (with their forum) and follow-up, and a
    sheet saying which filter and when."""
    book = Workbook(write_only=True)
    _recommendation_sheets(book, recap.recommendations, recap.zone, with_forum=True, zone_name=recap.zone_name)
    _key_values(
        book,
        "Keterangan",
        [
            (_zoned("Dibuat", recap.zone_name), recap.made_at),
            ("Jumlah rekomendasi", len(recap.recommendations)),
            *_described(recap),
        ],
        recap.zone,
    )
    return _bytes(book)
