from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass

import pypdf
import pypdfium2 as pdfium
import pyphen
from reportlab.lib.units import mm

from desktop.reports.layout import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAPERS
from tests.reports.geometry import bounds_of


def pdf_text(data: bytes) -> list[str]:
    """Each page's text with whitespace folded (table cells wrap lines anywhere)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def all_text(data: bytes) -> str:
    return " ".join(pdf_text(data))


def out_of_page(data: bytes) -> list[str]:
    """Every drawn object that reaches outside its page (with a hair of tolerance)."""
    document = pdfium.PdfDocument(data)
    problems = []
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        for obj in page.get_objects(max_depth=5):
            left, bottom, right, top = bounds_of(obj)
            if left < -0.5 or bottom < -0.5 or right > width + 0.5 or top > height + 0.5:
                problems.append(f"page {index + 1}: object at {left:.0f},{bottom:.0f}-{right:.0f},{top:.0f}")
        page.close()
    document.close()
    return problems


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def font_files(data: bytes) -> set[str]:
    """Names of the fonts used, marking which are embedded."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            embedded = bool(
                descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2"))
            )
            found.add(f"{font.get('/BaseFont')}{'' if embedded else ' (NOT EMBEDDED)'}")
    return found


@dataclass(frozen=True)
class Box:
    """A line of text as pypdfium2 finds it on a page (points, from the bottom left)."""

    left: float
    bottom: float
    right: float
    top: float
    text: str

    def overlaps(self, other: Box, slack: float = 0.3) -> bool:
        return (
            min(self.right, other.right) - max(self.left, other.left) > slack
            and min(self.top, other.top) - max(self.bottom, other.bottom) > slack
        )


def text_boxes(data: bytes) -> list[list[Box]]:
    """Every page's text-line boxes."""
    document = pdfium.PdfDocument(data)
    pages = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        boxes = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            boxes.append(Box(left, bottom, right, top, textpage.get_text_bounded(left, bottom, right, top)))
        pages.append(boxes)
        textpage.close()
        page.close()
    document.close()
    return pages


def page_lines(data: bytes) -> list[list[str]]:
    """Every page's text, line by line, as pypdfium2 reads it."""
    document = pdfium.PdfDocument(data)
    pages = []
    for index in range(len(document)):
        textpage = document[index].get_textpage()
        pages.append([line for line in re.split(r"\r\n|\r|\n", textpage.get_text_range()) if line.strip()])
        textpage.close()
    document.close()
    return pages


TOLERANCE = 1.5  # points: a glyph's side bearing


def layout_problems(data: bytes, paper: str = "a4") -> list[str]:
    """Text lines that overlap one another, or cross a margin of tata naskah dinas (3 cm left,
    2 cm right and top, 2.5 cm bottom; the footer lies whole in the bottom margin)."""
    width, height = PAPERS[paper]
    problems = []
    for number, boxes in enumerate(text_boxes(data), start=1):
        for box in boxes:
            footer = box.top <= MARGIN_BOTTOM - 2 and box.bottom >= 5 * mm
            inside = (
                box.left >= MARGIN_LEFT - TOLERANCE
                and box.right <= width - MARGIN_RIGHT + TOLERANCE
                and box.top <= height - MARGIN_TOP + TOLERANCE
                and (box.bottom >= MARGIN_BOTTOM - TOLERANCE or footer)
            )
            if not inside:
                problems.append(f"page {number}: {box.text!r} crosses a margin ({box})")
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                if a.overlaps(b):
                    problems.append(f"page {number}: {a.text!r} overlaps {b.text!r}")
    return problems


SOFT_BREAK = "\ufffe"  # where pypdfium2 found a word hyphenated at a line's end (it joins the two)


def hyphenated(data: bytes) -> list[str]:
    """The words hyphenated at the end of a line (the break marked with a "|")."""
    return [
        token.replace(SOFT_BREAK, "|")
        for lines in page_lines(data)
        for line in lines
        for token in line.split()
        if SOFT_BREAK in token
    ]


def broken_words(data: bytes, vocabulary: set[str]) -> list[str]:
    """Words broken across two lines other than between syllables with a hyphen ("Kebijaka|n";
    "Ke-bi-jak-an" may break at a hyphen): words of `vocabulary` split at a line's end, and any
    word hyphenated elsewhere than between two of its syllables."""
    hyphenator = pyphen.Pyphen(lang="id_ID")
    vocabulary = {w for w in vocabulary if any(c.isalpha() for c in w)}  # numbers: other cells'
    found = []
    for token in hyphenated(data):
        word, at = token.replace("|", ""), [i for i, c in enumerate(token.replace("|", "|")) if c == "|"]
        breaks = [position - index for index, position in enumerate(at)]
        letters = "".join(c for c in word if c.isalpha())
        if letters == word and not set(breaks) <= set(hyphenator.positions(word)):
            found.append(token)
    for lines in page_lines(data):
        for first, second in itertools.pairwise(lines):
            if not first.split() or not second.split():
                continue
            end, start = first.split()[-1], second.split()[0]
            if end.endswith("-") and (end[:-1] + start) in vocabulary:
                word = end[:-1] + start
                if len(end) - 1 not in hyphenator.positions(word):
                    found.append(f"{end}|{start}")
            elif end + start in vocabulary and end not in vocabulary:
                found.append(f"{end}|{start}")
    return found
