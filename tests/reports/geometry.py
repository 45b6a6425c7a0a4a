"""Where the text of a PDF lands, as pdfium lays it out: each page's text-line boxes, so a test can
say that no two lines overlap, that none leaves the page or crosses the margins, and on which
page a piece of text is."""

from __future__ import annotations

from dataclasses import dataclass

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
