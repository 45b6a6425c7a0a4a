"""Pieces the documents of issue #13 share: the PEKPPP evidence line, numbered paragraphs, and
numbers with a decimal comma."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from desktop.core.i18n import number
from desktop.reports.layout import FONT, DocTable, Styles, text
from desktop.rules.pekppp import numbers_text

NOTE = ParagraphStyle(
    "evidence_note", fontName=FONT, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")
)
# Headings that never end a page: each travels with what follows it.
HEADING = ParagraphStyle("kept_heading", parent=Styles.heading, keepWithNext=1)
SUBHEADING = ParagraphStyle("kept_subheading", parent=Styles.subheading, keepWithNext=1)
NOTE_LEFT = ParagraphStyle("note_left", parent=Styles.small, alignment=0)
NUMBERED = ParagraphStyle(
    "numbered", fontName=FONT, fontSize=10.5, leading=14.5, alignment=TA_JUSTIFY, spaceAfter=2
)


def heading_over_table(title: str, style: ParagraphStyle = Styles.heading) -> list[Flowable]:
    """A heading above a table: on a new page unless the heading and the table's first rows fit
    (keeping it with the whole table would leave a page empty before a long one)."""
    return [CondPageBreak(35 * mm), text(title, style)]


def sign_off(
    story: list[Flowable], closing: Sequence[Flowable], signature: Flowable, after: Sequence[Flowable] = ()
) -> None:
    """Append the closing and the signature, kept together with the body's last flowable (and
    the headings above it): a signature never stands alone on a page, nor does what comes
    `after` it (the PEKPPP evidence note)."""
    last = [story.pop()] if story else []
    if last and isinstance(last[0], KeepTogether):  # a block (the SKM section): kept whole, unwrapped
        last = list(last[0]._content)
    while story and story[-1].getKeepWithNext():  # reportlab keeps no heading with a KeepTogether
        last.insert(0, story.pop())
    # A KeepTogether inside another measures as endless (it forces its own split): unwrap it.
    signed = list(signature._content) if isinstance(signature, KeepTogether) else [signature]
    story.append(KeepTogether([*last, *closing, *signed, *after]))


def evidence_note(numbers: Sequence[int]) -> list[Flowable]:
    """ "Bukti dukung PEKPPP: indikator 1–2" (the office's table; none printed when empty)."""
    if not numbers:
        return []
    return [
        Spacer(1, 6),
        text(
            "Dokumen ini merupakan bukti dukung Pemantauan dan Evaluasi Kinerja Penyelenggaraan "
            f"Pelayanan Publik (PEKPPP) indikator {numbers_text(numbers)}.",
            NOTE,
        ),
    ]


def numbered(lines: Sequence[str], width: float) -> Flowable:
    """1. … 2. …: each line hanging after its number."""
    rows = [[text(f"{n}.", Styles.left), text(line, NUMBERED)] for n, line in enumerate(lines, start=1)]
    table = DocTable(rows, colWidths=[8 * mm, width - 8 * mm])
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    return table


def decimal(value: Decimal | int, places: int = 2) -> str:
    """12.5 → "12,50" (half up): Indonesian documents write a decimal comma."""
    return number(value, places, language="id")


def mean(values: Sequence[int]) -> Decimal:
    """The exact mean of whole numbers (printed with `decimal`, rounded half up once)."""
    return Decimal(sum(values)) / Decimal(len(values))
