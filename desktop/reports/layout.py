"""What every printed document shares: embedded fonts, paper sizes, styles, the letterhead,
page numbers ("Halaman X dari Y"), the draft watermark, tables and signature blocks.

Fonts are DejaVu Sans, shipped with Mufakat and embedded in every PDF, so a document looks the
same on every computer and prints Latin (with every diacritic), Greek, Cyrillic and Arabic names.
"""

from __future__ import annotations

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

FONT_DIR = Path(__file__).parent / "fonts"
FONT = "MufakatSans"
FONT_BOLD = "MufakatSans-Bold"
FONT_ITALIC = "MufakatSans-Oblique"

PAPERS = {"a4": A4, "folio": (215 * mm, 330 * mm)}
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)


register_fonts()  # paragraphs resolve their fonts when they are made, so before any style is used


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base = {"fontName": FONT, "fontSize": 10.5, "leading": 14.5}
    return ParagraphStyle(name, **{**base, **kw})


class Styles:
    body = _style("body", alignment=TA_JUSTIFY, spaceAfter=5)
    left = _style("left", alignment=TA_LEFT)
    right = _style("right", alignment=TA_RIGHT)
    center = _style("center", alignment=TA_CENTER)
    title = _style("title", fontName=FONT_BOLD, fontSize=13, leading=17, alignment=TA_CENTER)
    subtitle = _style("subtitle", fontName=FONT_BOLD, fontSize=11, leading=15, alignment=TA_CENTER)
    heading = _style("heading", fontName=FONT_BOLD, fontSize=10.5, spaceBefore=8, spaceAfter=4)
    subheading = _style("subheading", fontName=FONT_BOLD, fontSize=10, spaceBefore=4, spaceAfter=3)
    cell = _style("cell", fontSize=9, leading=11.5)
    cell_bold = _style("cell_bold", fontName=FONT_BOLD, fontSize=9, leading=11.5)
    cell_center = _style("cell_center", fontSize=9, leading=11.5, alignment=TA_CENTER)
    small = _style("small", fontSize=8.5, leading=11, alignment=TA_CENTER)
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


def text(value: str, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of user text: escaped (no markup injection), line breaks kept."""
    return CachedParagraph(escape(value).replace("\n", "<br/>"), style)


def markup(value: str, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of our own markup (<b>, <u>); user values inside must go through `escape`."""
    return CachedParagraph(value, style)


def paragraphs(value: str, style: ParagraphStyle = Styles.body) -> list[Flowable]:
    """Blank-line separated paragraphs of user text."""
    return [text(block.strip(), style) for block in value.split("\n\n") if block.strip()]


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
    """A table whose plain-string cells use the embedded font (reportlab's default is Helvetica)."""

    def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))


GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
)


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table whose header row repeats on every page; str cells wrap."""

    def cell(value: Any, style: ParagraphStyle) -> Any:
        return text(value, style) if isinstance(value, str) else value

    data = [[cell(h, Styles.cell_bold) for h in header]]
    data += [[cell(v, Styles.cell) for v in row] for row in rows]
    # splitInRow: a row taller than a page (a very long recommendation) continues on the next.
    table = DocTable(data, colWidths=list(widths), repeatRows=1, splitInRow=1)
    table.setStyle(GRID)
    if extra:
        table.setStyle(TableStyle(list(extra)))
    return table


def key_values(pairs: Sequence[tuple[str, str]], width: float, label_width: float = 32 * mm) -> Table:
    """ "Label : value" lines, aligned, as in the head of an official letter; empty values left out."""
    rows = [[text(k, Styles.left), text(":", Styles.left), text(v, Styles.left)] for k, v in pairs if v]
    table = DocTable(rows, colWidths=[label_width, 4 * mm, width - label_width - 4 * mm])
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


def signature_blocks(signatories: Sequence[Signatory], width: float, place_date: str = "") -> Flowable:
    """Signature blocks two to a row: role, room to sign, full name, NIP. A name left empty
    gets a dotted line to write on."""
    cells: list[list[Flowable]] = []
    for person in signatories:
        lines: list[Flowable] = []
        lines.append(text(person.title or person.role, Styles.center))
        lines.append(Spacer(1, 20 * mm))
        if person.name:
            lines.append(markup(f"<b><u>{escape(person.name)}</u></b>", Styles.center))
        else:
            lines.append(text("(.........................................)", Styles.center))
        if person.nip:
            lines.append(text(f"NIP {person.nip}", Styles.center))
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
    return KeepTogether(parts)


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
            self.setFont(FONT, 8.5)
            self.setFillColor(colors.Color(0.3, 0.3, 0.3))
            label = f"Halaman {self._pageNumber} dari {total}"
            self.drawRightString(width - MARGIN_RIGHT, MARGIN_BOTTOM / 2, label)
            if footer:
                self.drawString(MARGIN_LEFT, MARGIN_BOTTOM / 2, footer[:110])
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
    story: list[Flowable], *, paper: str = "a4", title: str = "", footer: str = "", draft: bool = False
) -> bytes:
    """Lay the story out on pages of `paper` and return the PDF bytes."""
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
        author="Mufakat",
        creator="Mufakat",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(footer, draft))
    return buffer.getvalue()


def content_width(paper: str = "a4") -> float:
    return float(PAPERS[paper][0] - MARGIN_LEFT - MARGIN_RIGHT)
