"""The smoke test of the built app (packaging/smoke.py) reads the fonts of the berita acara it
printed: it must tell embedded DejaVu from a font the PDF only names (which a reader would
replace with whatever it has)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.layout import FONT_DIR

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from smoke import embedded_fonts, not_bundled


def pdf_with(font: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, initialFontName=font)
    canvas.setFont(font, 12)
    canvas.drawString(72, 720, "Berita acara Forum Konsultasi Publik")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_embedded_dejavu_is_told_from_a_named_font() -> None:
    pdfmetrics.registerFont(TTFont("SmokeDejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
    dejavu = embedded_fonts(pdf_with("SmokeDejaVu"))
    assert dejavu == {"DejaVuSans": True}  # the font's own name, its file in the PDF
    assert not_bundled(dejavu) == []
    named = embedded_fonts(pdf_with("Helvetica"))
    assert named == {"Helvetica": False}
    assert not_bundled(named) == ["Helvetica"]
    assert not_bundled({}) == ["(no font at all)"]
