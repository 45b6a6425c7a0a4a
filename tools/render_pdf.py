"""Render PDF pages to PNG images (to look at a document as a reader would).

.venv/bin/python tools/render_pdf.py FILE.pdf OUT_PREFIX [--scale 1.5] [--pages 1,2]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pypdfium2 as pdfium


def render(pdf: Path, prefix: str, scale: float = 1.5, pages: list[int] | None = None) -> list[Path]:
    document = pdfium.PdfDocument(str(pdf))
    written = []
    for index in pages or range(len(document)):
        target = Path(f"{prefix}-{index + 1}.png")
        document[index].render(scale=scale).to_pil().save(target)
        written.append(target)
    document.close()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", type=Path)
    ap.add_argument("prefix")
    ap.add_argument("--scale", type=float, default=1.5)
    ap.add_argument("--pages", help="1-based, comma separated")
    a = ap.parse_args()
    pages = [int(p) - 1 for p in a.pages.split(",")] if a.pages else None
    for path in render(a.pdf, a.prefix, a.scale, pages):
        print(path)


if __name__ == "__main__":
    main()
