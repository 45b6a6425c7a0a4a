"""PDF pages as Qt images (pdfium renders them), for previewing and printing documents."""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium
from PySide6.QtGui import QImage


def page_images(pdf: bytes, dpi: float) -> Iterator[QImage]:
    """Each page rendered at `dpi`, one at a time (a 600-dpi page is large)."""
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888 if bitmap.mode == "RGB" else QImage.Format.Format_RGBA8888,
            )
            yield image.copy()  # own the pixels before pdfium frees its buffer
            page.close()
    finally:
        document.close()
