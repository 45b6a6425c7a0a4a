from __future__ import annotations

import io
import re

import pypdf
import pypdfium2 as pdfium


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
            left, bottom, right, top = obj.get_bounds()
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
