"""Where the text of a PDF lands, as pdfium lays it out: each page's text-line boxes, so a test can
say that no two lines overlap, that none leaves the page or crosses the margins, and on which
page a piece of text is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

WATERMARK = "DRAF"  # drawn across the page on purpose


@dataclass(frozen=True)
class Box:
    page: int  # 1-based
    left: float
    bottom: float
    right: float
    top: float
    text: str

    def meets(self, other: Box, slack: float = 0.3) -> bool:
        """The boxes share an area (beyond a hair: glyph boxes of adjacent lines may touch)."""
        return (
            self.left + slack < other.right
            and other.left + slack < self.right
            and self.bottom + slack < other.top
            and other.bottom + slack < self.top
        )


if TYPE_CHECKING:
    from pypdfium2 import PdfObject

def bounds_of(obj: PdfObject) -> tuple[float, float, float, float]:
    """A page object's left, bottom, right, top (pypdfium2 5 names it get_bounds, 4 get_pos)."""
    bounds = obj.get_bounds if hasattr(obj, "get_bounds") else obj.get_pos
    left, bottom, right, top = bounds()
    return left, bottom, right, top


def boxes(pdf: bytes) -> list[tuple[tuple[float, float], list[Box]]]:
    """Each page's size and its text-line boxes (the watermark left out)."""
    document = pdfium.PdfDocument(pdf)
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            found = []
            textpage = page.get_textpage()
            for n in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(n)
                words = textpage.get_text_bounded(left, bottom, right, top).strip()
                if words and words != WATERMARK:
                    found.append(Box(index + 1, left, bottom, right, top, words))
            pages.append((page.get_size(), found))
            textpage.close()
            page.close()
    finally:
        document.close()
    return pages


def overlapping(pdf: bytes) -> list[str]:
    """Every pair of text lines that overlap on a page."""
    problems = []
    for _size, found in boxes(pdf):
        ordered = sorted(found, key=lambda b: b.left)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if b.left >= a.right:
                    break
                if a.meets(b):
                    problems.append(f"page {a.page}: {a.text[:40]!r} overlaps {b.text[:40]!r}")
    return problems


def outside(
    pdf: bytes, left: float, right: float, top: float, bottom: float, slack: float = 0.5
) -> list[str]:
    """Every text line that crosses the page's margins (the footer lives below `bottom`)."""
    problems = []
    for (width, height), found in boxes(pdf):
        for b in found:
            if b.left < left - slack or b.right > width - right + slack or b.top > height - top + slack:
                problems.append(
                    f"page {b.page}: {b.text[:50]!r} at {b.left:.1f}–{b.right:.1f}, top {b.top:.1f}"
                )
            if b.bottom < 0 or b.top > height:
                problems.append(f"page {b.page}: {b.text[:50]!r} leaves the page")
            if b.bottom < bottom < b.top:
                problems.append(f"page {b.page}: {b.text[:50]!r} runs into the bottom margin")
    return problems


def pages_with(pdf: bytes, text: str) -> list[int]:
    """The pages (1-based) where a text line holds `text`."""
    return sorted({b.page for _size, found in boxes(pdf) for b in found if text in b.text})


@dataclass(frozen=True)
class Line:
    """A line of text as the PDF draws it: its baseline, where it starts, its text, and whether
    every run of it is bold and at least `size` points (a heading)."""

    baseline: float
    left: float
    text: str
    bold: bool
    size: float


def lines(pdf: bytes) -> list[tuple[float, list[Line]]]:
    """Each page's height and its lines from top to bottom (runs on one baseline joined; the
    watermark left out), read with pypdf's text visitor, which knows each run's font."""
    import io

    import pypdf

    pages = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[float, float, str, bool, float]] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: dict[str, object] | None,
            size: float,
            runs: list[tuple[float, float, str, bool, float]] = runs,
        ) -> None:
            if not text.strip() or text.strip() == WATERMARK or font is None:
                return
            scale = tm[3] * cm[3] if tm[3] * cm[3] else 1.0
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            runs.append((round(y, 1), x, text.strip(), "Bold" in str(font.get("/BaseFont")), size * scale))

        page.extract_text(visitor_text=visit)
        by_line: dict[float, list[tuple[float, float, str, bool, float]]] = {}
        for run in runs:
            by_line.setdefault(run[0], []).append(run)
        found = [
            Line(
                baseline,
                min(r[1] for r in group),
                " ".join(r[2] for r in sorted(group, key=lambda r: r[1])),
                all(r[3] for r in group),
                min(r[4] for r in group),
            )
            for baseline, group in by_line.items()
        ]
        pages.append((float(page.mediabox.height), sorted(found, key=lambda line: -line.baseline)))
    return pages


QUARTER = 0.25  # a page but the last holds at least this share of its text area


def flow_problems(pdf: bytes, top: float, bottom: float, left: float) -> list[str]:
    """Pages that end with a heading (its text on the next page), and pages but the last that
    are less than a quarter full, unless the next one opens a part of its own ("Lampiran"):
    reportlab moved a block that did not fit to the next page and left this one nearly empty.
    A heading is a line in bold of at least 10 points starting on the left margin (`left`);
    `top` and `bottom` are the margins (the footer lies below `bottom`)."""
    problems = []
    pages = lines(pdf)
    for number, (height, found) in enumerate(pages, start=1):
        body = [line for line in found if line.baseline > bottom]
        if not body:
            problems.append(f"page {number}: empty")
            continue
        last = body[-1]
        if last.bold and last.size >= 10 and abs(last.left - left) < 0.5:
            problems.append(f"page {number} ends with the heading {last.text!r}")
        if number == len(pages):
            continue
        following = [line for line in pages[number][1] if line.baseline > bottom]
        if following and following[0].text.startswith("Lampiran"):
            continue
        area = height - top - bottom
        used = (height - top - (last.baseline - 0.3 * last.size)) / area
        if used < QUARTER:
            problems.append(f"page {number} is {used:.0%} full; the next begins {following[0].text[:40]!r}")
    return problems
