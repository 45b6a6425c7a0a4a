"""What every printed document shares: embedded fonts, paper sizes and the margins of tata
naskah dinas, styles, the letterhead, page numbers ("Halaman X dari Y") beside a footer title
that never runs into them, the draft watermark, tables whose words fit their columns, a table's
last rows kept with what follows it, and signature blocks.

Fonts are DejaVu Sans, shipped with Mufakat and embedded in every PDF, so a document looks the
same on every computer and prints Latin (with every diacritic), Greek, Cyrillic and Arabic names.
Documents are made in reportlab's invariant mode: the same content gives the same bytes, on any
laptop, on any day (no creation time, no random document id).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.paraparser import ParaParser

from desktop.reports import fitting, indonesian
from desktop.reports.headings import KeepHeading

FONT_DIR = Path(__file__).parent / "fonts"
FONT = "MufakatSans"
FONT_BOLD = "MufakatSans-Bold"
FONT_ITALIC = "MufakatSans-Oblique"

PAPERS = {"a4": A4, "folio": (215 * mm, 330 * mm)}
# Tata naskah dinas: at least 3 cm on the left (for punching) and 2.5 cm at the bottom.
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 25 * mm
FOOTER_Y = 12 * mm  # the footer's baseline, inside the bottom margin
FOOTER_SIZE = 8.5
FOOTER_GAP = 6 * mm  # at least this much between the footer's title and the page number


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)


register_fonts()  # paragraphs resolve their fonts when they are made, so before any style is used


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base = {"fontName": FONT, "bulletFontName": FONT, "fontSize": 10.5, "leading": 14.5}
    return ParagraphStyle(name, **{**base, **kw})


class Styles:
    body = _style("body", alignment=TA_JUSTIFY, spaceAfter=5)
    left = _style("left", alignment=TA_LEFT)
    right = _style("right", alignment=TA_RIGHT)
    center = _style("center", alignment=TA_CENTER)
    title = _style("title", fontName=FONT_BOLD, fontSize=13, leading=17, alignment=TA_CENTER)
    subtitle = _style("subtitle", fontName=FONT_BOLD, fontSize=11, leading=15, alignment=TA_CENTER)
    # A heading never ends a page: it goes with what follows it.
    heading = _style(
        "heading", fontName=FONT_BOLD, fontSize=10.5, spaceBefore=8, spaceAfter=4, keepWithNext=1
    )
    subheading = _style(
        "subheading", fontName=FONT_BOLD, fontSize=10, spaceBefore=4, spaceAfter=3, keepWithNext=1
    )
    # A sentence that announces what follows it ("… untuk hadir pada:", "dengan susunan acara:"):
    # a heading in all but looks, it never ends a page either.
    lead_in = _style("lead_in", alignment=TA_JUSTIFY, spaceAfter=5, keepWithNext=1)
    cell = _style("cell", fontSize=9, leading=11.5)
    cell_bold = _style("cell_bold", fontName=FONT_BOLD, fontSize=9, leading=11.5)
    cell_center = _style("cell_center", fontSize=9, leading=11.5, alignment=TA_CENTER)
    cell_note = _style("cell_note", fontName=FONT_ITALIC, fontSize=8, leading=10.5)
    small = _style("small", fontSize=8.5, leading=11, alignment=TA_CENTER)
    note = _style("note", fontSize=8.5, leading=11, alignment=TA_LEFT)
    numbered = _style("numbered", alignment=TA_JUSTIFY, spaceAfter=3, leftIndent=7 * mm, bulletIndent=0)
    kop_upper = _style("kop_upper", fontName=FONT_BOLD, fontSize=11, leading=13.5, alignment=TA_CENTER)
    kop_name = _style("kop_name", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER)


class CachedParagraph(Paragraph):
    """A paragraph that remembers its last layout for a given width.

    Each time a long table breaks across a page, reportlab measures every remaining row again;
    with 300 attendees that made layout quadratic. The lines of a paragraph depend only on the
    width it is given, so a repeated measurement at the same width is answered from memory.
    """

    _wrapped_for: tuple[float, object] | None = None
    _wrapped: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Valid only for the very line layout it measured: reportlab's splits copy paragraphs
        # and give the copies layouts of their own (or none yet).
        layout = self.__dict__.get("blPara")
        known = self._wrapped_for
        if layout is None or known is None or known[0] != availWidth or known[1] is not layout:
            self._wrapped = super().wrap(availWidth, availHeight)
            self._wrapped_for = (availWidth, self.__dict__.get("blPara"))
        return self._wrapped


# Words of plain text (no markup, no entity) between single spaces: what most table cells hold.
_PLAIN = re.compile(r"[^<>&\s]+(?: [^<>&\s]+)*")
_PLAIN_FRAGS: dict[int, tuple[ParagraphStyle, Any]] = {}


def _plain_frag(style: ParagraphStyle) -> Any:
    """The fragment reportlab's parser makes of a plain text in `style`, made once per style."""
    known = _PLAIN_FRAGS.get(id(style))
    if known is None or known[0] is not style:
        known = _PLAIN_FRAGS[id(style)] = (style, ParaParser().parse("x", style)[1][0])
    return known[1]


def text(value: str, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of user text: escaped (no markup injection), line breaks kept."""
    if _PLAIN.fullmatch(value):
        # What the parser would make of it, without parsing it (thousands of cells in a long
        # attendance list: the parse was a fifth of its layout time).
        return CachedParagraph(value, style, frags=[_plain_frag(style).clone(text=value)])
    return CachedParagraph(escape(value).replace("\n", "<br/>"), style)


def markup(value: str, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of our own markup (<b>, <u>); user values inside must go through `escape`."""
    return CachedParagraph(value, style)


def paragraphs(value: str, style: ParagraphStyle = Styles.body) -> list[Flowable]:
    """Blank-line separated paragraphs of user text."""
    return [text(block.strip(), style) for block in value.split("\n\n") if block.strip()]


def numbered(items: Sequence[str], style: ParagraphStyle = Styles.numbered) -> list[Flowable]:
    """A numbered list (1., 2., …) with a hanging indent, one paragraph per item."""
    return [
        CachedParagraph(escape(item).replace("\n", "<br/>"), style, bulletText=f"{number}.")
        for number, item in enumerate(items, start=1)
    ]


@dataclass(frozen=True)
class Letterhead:
    upper_lines: Sequence[str]
    name: str
    contact_lines: Sequence[str]
    logo_png: bytes = b""


LOGO_SIZE = 22 * mm  # the logo fits a square this size, left of the kop's lines


def letterhead(head: Letterhead) -> list[Flowable]:
    """The kop: the logo on the left; the lines above (ministry, directorate…), the unit's
    full name and its contacts centred; a double rule."""
    lines: list[Flowable] = [
        text(line.upper(), Styles.kop_upper) for line in head.upper_lines if line.strip()
    ]
    lines.append(text(head.name.upper(), Styles.kop_name))
    lines += [text(line, Styles.small) for line in head.contact_lines if line.strip()]
    parts: list[Flowable] = lines
    if head.logo_png:
        parts = [_beside_logo(head.logo_png, lines)]
    parts.append(Spacer(1, 2))
    parts.append(HRFlowable(width="100%", thickness=2, color=colors.black, spaceBefore=1, spaceAfter=1))
    parts.append(HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=0, spaceAfter=10))
    return parts


def _beside_logo(png: bytes, lines: list[Flowable]) -> Flowable:
    """The logo in a column of its own and the kop's lines centred in the rest (as on an
    office's printed letter paper); a mirror column keeps the lines centred on the page."""
    logo = Image(BytesIO(png))
    scale = min(LOGO_SIZE / logo.imageWidth, LOGO_SIZE / logo.imageHeight)
    logo.drawWidth, logo.drawHeight = logo.imageWidth * scale, logo.imageHeight * scale
    table = Table([[logo, lines, ""]], colWidths=[LOGO_SIZE + 2 * mm, "*", LOGO_SIZE + 2 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "LEFT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


class DocTable(Table):
    """A table whose plain-string cells use the embedded font (reportlab's default is Helvetica),
    laid on the left margin, its cells' text on the margins too: no padding unless asked (a ruled
    table asks for CELL_PADDING). reportlab's default of 6 points set the text of a table's
    cells (the date beside a letter's head) off the margins the body's text keeps to."""

    def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:
        style = kwargs.pop("style", None)
        kwargs.setdefault("hAlign", "LEFT")
        super().__init__(data, *args, **kwargs)
        if "cellStyles" in kwargs:  # a part of a split table: its cells' styles come with it
            return
        self.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        if style is not None:
            self.setStyle(style)


CELL_PADDING = 4  # points, left and right of a ruled table's cells
GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
)
HEADER_ROW = TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9))])


@dataclass(frozen=True)
class Columns:
    """A ruled table's header and the widths its words fit (see `fit_columns`); `fits`: for
    each column, whether every word of it fits its width (none needs a break between syllables)."""

    header: Sequence[str]
    widths: Sequence[float]
    fits: Sequence[bool] = ()


def fit_columns(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Columns:
    """The widths, adjusted so that every word of the header and of the string cells fits its
    column (see desktop.reports.fitting)."""
    needed = [0.0] * len(widths)
    for index, title in enumerate(header):
        bold = Styles.cell_bold
        needed[index] = fitting.widest_word(title, bold.fontName, bold.fontSize)
    cell = Styles.cell
    for row in rows:
        for index, value in enumerate(row):
            if isinstance(value, str):
                needed[index] = max(needed[index], fitting.widest_word(value, cell.fontName, cell.fontSize))
    padded = [n + 2 * CELL_PADDING + 0.5 if n else 0.0 for n in needed]
    fitted = fitting.fit_widths(padded, widths)
    return Columns(header, fitted, [n <= w for n, w in zip(padded, fitted, strict=True)])


def _cell(value: Any, style: ParagraphStyle, width: float, fits: bool = False) -> Any:
    """A string as a paragraph whose words fit `width` (a word too wide breaks between its
    syllables, unless the column is known to fit all its words: `fits`)."""
    if not isinstance(value, str):
        return value
    if fits:
        return text(value, style)
    inner = width - 2 * CELL_PADDING
    return text(fitting.syllables(value, inner, style.fontName, style.fontSize), style)


Cells = list[list[Any]]


def _fits(columns: Columns) -> Sequence[bool]:
    return columns.fits or [False] * len(columns.widths)


def _cells(columns: Columns, rows: Sequence[Sequence[Any]]) -> Cells:
    """The rows' cells, laid out once: the parts of a table that breaks across pages share them
    (making them again for each part made a 300-row table's layout three times as slow)."""
    widths, fits = columns.widths, _fits(columns)
    return [[_cell(v, Styles.cell, w, f) for v, w, f in zip(row, widths, fits, strict=True)] for row in rows]


@dataclass(frozen=True)
class Measured:
    """A ruled table's rows laid out once (`_cells`) and measured once: the height of its header
    row and of each row. The tables made of them for each page are given these heights, so
    reportlab never measures a row again (a 300-row table was measured some 150 times)."""

    columns: Columns
    cells: Cells
    header_height: float
    heights: list[float]

    def rows(self, start: int, stop: int | None = None) -> Measured:
        return Measured(self.columns, self.cells[start:stop], self.header_height, self.heights[start:stop])


_TOP, _BOTTOM = 3.0, 3.0  # reportlab's padding above and below a cell's text (CellStyle)
_CELL_ROOM = 72000  # the height reportlab offers a cell's text when it measures a row


def _row_height(row: Sequence[Any], widths: Sequence[float], top: float, bottom: float) -> float | None:
    """The height reportlab's Table gives a row of single-flowable cells (its _calc_height and
    _listCellGeom, step by step: the same figures, to the last bit); None when a cell is not one
    flowable, for the Table to measure."""
    height = 0.0
    for value, width in zip(row, widths, strict=True):
        if not isinstance(value, Flowable):
            return None
        _width, drawn = value.wrapOn(None, width - CELL_PADDING - CELL_PADDING, _CELL_ROOM - top - bottom)
        before, after = value.getSpaceBefore(), value.getSpaceAfter()
        cell = 0
        cell += drawn + after + before
        cell = cell - before - after
        cell += bottom + top
        if cell > height:
            height = cell
    return height


def _measured(columns: Columns, cells: Cells, row_padding: float | None) -> Measured:
    """The header's and each row's height, as reportlab's Table measures them, without making
    the table (its styles applied to every cell of 300 rows cost a quarter of the measuring)."""
    widths = list(columns.widths)
    fits = _fits(columns)
    header = [_cell(h, Styles.cell_bold, w, f) for h, w, f in zip(columns.header, widths, fits, strict=True)]
    top, bottom = (_TOP, _BOTTOM) if row_padding is None else (row_padding, row_padding)
    header_height = _row_height(header, widths, _TOP, _BOTTOM)
    heights = [_row_height(row, widths, top, bottom) for row in cells]
    if header_height is None or None in heights:
        table = _table(columns, cells, True, row_padding)
        table.wrap(sum(columns.widths), float("inf"))
        header_height, *measured = table._rowHeights
        return Measured(columns, cells, header_height, measured)
    return Measured(columns, cells, header_height, [h for h in heights if h is not None])


def _table(
    columns: Columns,
    cells: Cells,
    with_header: bool,
    row_padding: float | None,
    measured: Measured | None = None,
    kind: type[DocTable] | None = None,
) -> Table:
    widths = list(columns.widths)
    fits = _fits(columns)
    data = (
        [[_cell(h, Styles.cell_bold, w, f) for h, w, f in zip(columns.header, widths, fits, strict=True)]]
        if with_header
        else []
    )
    data += cells
    heights = None
    if measured is not None:
        heights = [measured.header_height, *measured.heights] if with_header else list(measured.heights)
    # splitInRow: a row taller than a page (a very long recommendation) continues on the next.
    table = (kind or DocTable)(
        data, colWidths=widths, rowHeights=heights, repeatRows=1 if with_header else 0, splitInRow=1
    )
    table.setStyle(GRID)
    if with_header:
        table.setStyle(HEADER_ROW)
    if row_padding is not None and cells:
        first = 1 if with_header else 0
        table.setStyle(
            TableStyle(
                [
                    ("TOPPADDING", (0, first), (-1, -1), row_padding),
                    ("BOTTOMPADDING", (0, first), (-1, -1), row_padding),
                ]
            )
        )
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    extra: Sequence[tuple[Any, ...]] = (),
    row_padding: float | None = None,
    whole_rows: bool = True,
) -> Table:
    """A ruled table whose header row repeats at the top of every page it flows onto; str cells
    wrap between words, each word fitting its column. A row is never cut across two pages
    unless it is taller than a page (`WholeRows`); `whole_rows=False` keeps reportlab's own
    split, which cut a row under the header repeated on the next page (a berita acara frozen
    in a layout before version 3 prints so, as it was signed)."""
    columns = fit_columns(header, rows, widths)
    cells = _cells(columns, rows)
    if whole_rows and not extra:  # styles by row number would not follow the rows onto a next page
        return WholeRows.of(_measured(columns, cells, row_padding), row_padding)
    table = _table(columns, cells, True, row_padding)
    if extra:
        table.setStyle(TableStyle(list(extra)))
    return table


def _cut(rows: Measured, header: bool, row_padding: float | None, width: float, height: float) -> list[Flowable]:
    """reportlab's own split of the rows, which cuts a row taller than `height` (splitInRow):
    made of a table that measures its rows itself (one given their heights has cells reportlab
    has not prepared to be cut)."""
    return list(_table(rows.columns, rows.cells, header, row_padding).split(width, height))


class ContinuedTable(Flowable):
    """Rows of a ruled table that follow other rows of it: right under them (on the same page)
    they carry no header; at the top of a page they carry it. The header never repeats in the
    middle of a page, and is there on every page the rows flow onto."""

    def __init__(self, rows: Measured, row_padding: float | None) -> None:
        super().__init__()
        self._measured, self._padding = rows, row_padding
        self._header = False
        self._height = sum(rows.heights)

    def _at_top(self) -> bool:
        frame = getattr(self, "_frame", None)
        return bool(frame is not None and getattr(frame, "_atTop", 0))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # The rows' heights are known: no table is made until it is drawn (making one of all
        # the rows each time they were tried on a page made a long table's layout quadratic).
        self._header = self._at_top()
        rows = self._measured
        self.width = float(sum(rows.columns.widths))
        self.height = self._height + (rows.header_height if self._header else 0.0)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The rows that fit here (under the header at the top of a page) and the rest, to
        continue on the next page; the parts are made of the rows measured once."""
        rows, header = self._measured, self._at_top()
        self._header = header
        used, fitting_rows = rows.header_height if header else 0.0, 0
        for height in rows.heights:
            if used + height > availHeight:
                break
            used += height
            fitting_rows += 1
        if fitting_rows == 0:
            if header:  # a row taller than a page: it continues on the next (splitInRow)
                return _cut(rows, header, self._padding, availWidth, availHeight)
            return []  # not a single row here: all of them at the top of the next page
        first = rows.rows(0, fitting_rows)
        return [
            _table(first.columns, first.cells, header, self._padding, first),
            ContinuedTable(rows.rows(fitting_rows), self._padding),
        ]

    def _table(self) -> Table:
        rows = self._measured
        return _table(rows.columns, rows.cells, self._header, self._padding, rows)

    def draw(self) -> None:
        table = self._table()
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


class FirstRows(DocTable):
    """A ruled table's first rows under its header. Those that do not fit in what is left of the
    page go on as a ContinuedTable (under the header at the top of the next page): reportlab's
    own split repeated the header right under them, in the middle of the page, and cut the next
    row (a recommendation longer than the page is cut only when not one row fits here)."""

    _rows: Measured | None = None  # None in the parts reportlab makes when it cuts a row
    _padding: float | None = None

    @classmethod
    def of(cls, rows: Measured, row_padding: float | None) -> FirstRows:
        table = _table(rows.columns, rows.cells, True, row_padding, rows, cls)
        assert isinstance(table, FirstRows)
        table._rows, table._padding = rows, row_padding
        return table

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        rows = self._rows
        if rows is None:
            return list(super().split(availWidth, availHeight))
        used, fitting_rows = rows.header_height, 0
        for height in rows.heights:
            if used + height > availHeight:
                break
            used += height
            fitting_rows += 1
        if fitting_rows in (0, len(rows.heights)):
            return _cut(rows, True, self._padding, availWidth, availHeight)
        first = rows.rows(0, fitting_rows)
        return [
            _table(first.columns, first.cells, True, self._padding, first),
            ContinuedTable(rows.rows(fitting_rows), self._padding),
        ]


class WholeRows(FirstRows):
    """A ruled table on its own (`grid_table`): where not even its first row fits under the
    header in what is left of the page, all of it goes to the next page (reportlab's split cut
    that row there, its other half under the header repeated overleaf); a row taller than a
    whole page is the only one cut."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        rows = self._rows
        if rows is not None and not _frame_at_top(self):
            first_row = rows.heights[0] if rows.heights else 0.0
            if rows.header_height + first_row > availHeight:
                return []
        return super().split(availWidth, availHeight)


def _frame_at_top(flowable: Flowable) -> bool:
    frame = getattr(flowable, "_frame", None)
    return bool(frame is not None and getattr(frame, "_atTop", 0))


def table_parts(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    before: Sequence[Flowable] = (),
    then: Sequence[Flowable] = (),
    keep_rows: int = 2,
    row_padding: float | None = None,
) -> list[Flowable]:
    """A ruled table with what comes right before it (its heading) kept on one page with its
    first `keep_rows` rows, and what comes right after it (the closing sentence and the
    signatures) kept with its last ones: neither a heading nor a signature is ever left alone on
    a page, and the header row repeats only at the top of the pages the table flows onto."""
    columns = fit_columns(header, rows, widths)
    cells = _cells(columns, rows)
    measured = _measured(columns, cells, row_padding)
    if len(cells) <= 2 * keep_rows:
        return [KeepTogether([*before, FirstRows.of(measured, row_padding), *then])]
    first, middle = measured.rows(0, keep_rows), measured.rows(keep_rows, len(cells) - keep_rows)
    last = measured.rows(len(cells) - keep_rows)
    story: list[Flowable] = [KeepTogether([*before, FirstRows.of(first, row_padding)])]
    story.append(ContinuedTable(middle, row_padding))
    story.append(KeepTogether([ContinuedTable(last, row_padding), *then]))
    return story


def keep_with_last(story: list[Flowable], then: Sequence[Flowable], blocks: int = 1) -> None:
    """Append `then` (a signature) to `story` so that it stays on one page with the last lines
    before it: a table's last rows (`table_parts`), or the last `blocks` paragraphs or small
    tables (2 when the last one is a mere note under a figure: a note alone is not the body)."""
    kept: list[Flowable] = []
    while story and blocks > 0:
        last = story.pop()
        kept[:0] = list(last._content) if isinstance(last, KeepTogether) else [last]
        if not isinstance(last, Spacer):
            blocks -= 1
    story.append(KeepTogether([*kept, *then]) if kept else then[0])
    if not kept:
        story += then[1:]


def key_values(pairs: Sequence[tuple[str, str]], width: float, label_width: float = 32 * mm) -> Table:
    """ "Label : value" lines, aligned, as in the head of an official letter; empty values left out."""
    rows = [[text(k, Styles.left), text(":", Styles.left), text(v, Styles.left)] for k, v in pairs if v]
    table = DocTable(rows, colWidths=[label_width, 4 * mm, width - label_width - 4 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class Signatory:
    role: str
    name: str
    nip: str = ""
    title: str = ""


SIGN_SPACE = 20 * mm  # room to sign (and stamp) above the name


def signature_blocks(
    signatories: Sequence[Signatory], width: float, place_date: str = "", above: str = ""
) -> Flowable:
    """Signature blocks two to a row: role, room to sign, full name, NIP (8-6-1-3). A name left
    empty gets a dotted line to write on. `above` heads a block alone on its row ("Mengetahui,")."""
    cells: list[list[Flowable]] = []
    for person in signatories:
        lines: list[Flowable] = []
        if above and len(signatories) == 1:
            lines.append(text(above, Styles.center))
        lines.append(text(person.title or person.role, Styles.center))
        lines.append(Spacer(1, SIGN_SPACE))
        if person.name:
            lines.append(markup(f"<b><u>{escape(person.name)}</u></b>", Styles.center))
        else:
            lines.append(text("(.........................................)", Styles.center))
        if person.nip:
            lines.append(text(f"NIP {indonesian.nip(person.nip)}", Styles.center))
        cells.append(lines)
    # Two to a row; a signatory alone on the last row signs on the right, as in a letter.
    rows = [
        cells[i : i + 2] if len(cells[i : i + 2]) == 2 else [[], cells[i]] for i in range(0, len(cells), 2)
    ]
    table = DocTable(rows, colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 8)]))
    parts: list[Flowable] = []
    if place_date:
        parts.append(DocTable([["", text(place_date, Styles.center)]], colWidths=[width / 2, width / 2]))
    parts.append(table)
    return _unsplittable(parts, width)


def _unsplittable(parts: list[Flowable], width: float) -> Table:
    """`parts` in one cell of a one-row table: they move to the next page together, and, unlike a
    KeepTogether, they can be kept together with what comes before them."""
    holder = DocTable([[parts]], colWidths=[width])
    holder.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return holder


def fitted_footer(title: str, room: float) -> str:
    """The footer's title cut, at a word, with an ellipsis, to fit `room` points."""
    if pdfmetrics.stringWidth(title, FONT, FOOTER_SIZE) <= room:
        return title
    words = title.split()
    while words:
        candidate = " ".join(words) + " …"
        if pdfmetrics.stringWidth(candidate, FONT, FOOTER_SIZE) <= room:
            return candidate
        words.pop()
    return "…"


def _numbered_canvas(footer: str, draft: bool) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers pages so each can say "Halaman X dari Y" once Y is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Start every page in our embedded font, or reportlab names Helvetica (not embedded).
            super().__init__(*args, **{**kwargs, "initialFontName": FONT})
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(FONT, FOOTER_SIZE)
            self.setFillColor(colors.Color(0.3, 0.3, 0.3))
            label = f"Halaman {self._pageNumber} dari {total}"
            self.drawRightString(width - MARGIN_RIGHT, FOOTER_Y, label)
            if footer:
                room = (
                    width
                    - MARGIN_LEFT
                    - MARGIN_RIGHT
                    - pdfmetrics.stringWidth(label, FONT, FOOTER_SIZE)
                    - FOOTER_GAP
                )
                self.drawString(MARGIN_LEFT, FOOTER_Y, fitted_footer(footer, room))
            if draft:
                self._watermark()
            self.restoreState()

        def _watermark(self) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(FONT_BOLD, 90)
            self.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
            self.translate(width / 2, height / 2)
            self.rotate(45)
            self.drawCentredString(0, -30, "DRAF")
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    story: list[Flowable],
    *,
    paper: str = "a4",
    title: str = "",
    footer: str = "",
    draft: bool = False,
    subject: str = "",
    canvas: type[Canvas] | None = None,
) -> bytes:
    """Lay the story out on pages of `paper` and return the PDF bytes (the same story gives the
    same bytes: reportlab's invariant mode). The pages are numbered "Halaman X dari Y" beside
    `footer`, unless a document numbers them its own way (`canvas`: the letters of the surat
    undangan, each numbered apart)."""
    register_fonts()
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}")
    size = PAPERS[paper]
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author="Mufakat",
        creator="Mufakat",
        invariant=1,
        keepTogetherClass=KeepHeading,  # a heading stays with the first lines of what follows it
    )
    # No padding: the text starts at the margin, and a table as wide as `content_width` fits.
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=canvas or _numbered_canvas(footer, draft))
    return buffer.getvalue()


def content_width(paper: str = "a4") -> float:
    return float(PAPERS[paper][0] - MARGIN_LEFT - MARGIN_RIGHT)
