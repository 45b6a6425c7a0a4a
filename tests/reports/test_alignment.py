"""Text and tables on one left and one right edge (issue #13, "Layout"): a ruled table stands on
the left margin whatever its width, the body's text starts on that margin, a cell's text sits
CELL_PADDING inside its rules, and text set in a table without rules (the date beside a
letter's head) keeps to the margins as the body does. Measured on the PDFs as pypdfium2 lays
them out: the rules are the pages' path objects, the text its text-line boxes."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from desktop.app.workspace import Workspace
from desktop.documents.builders import Options, build_forum_document
from desktop.reports.followup import build_followup_report
from desktop.reports.layout import CELL_PADDING, MARGIN_LEFT, MARGIN_RIGHT
from desktop.reports.minutes import build_minutes
from desktop.reports.survey import build_survey_report
from desktop.services.report_data import forum_report, survey_document
from desktop.services.surveys import periods_of
from tests.reports import samples
from tests.reports.conftest import TOLERANCE, text_boxes
from tests.reports.geometry import bounds_of

THIN = 3.0  # points: a rule's box (pdfium counts its line width on every side) is less high


def rules(pdf: bytes) -> list[tuple[int, float, float, float, float]]:
    """Each page's horizontal rules at least a third of the text's width: (page, left, right,
    how far pdfium's box reaches past the rule's ends, width of the page). Underlines of short
    text (a signatory's name) are left out."""
    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            width, _height = page.get_size()
            least = (width - MARGIN_LEFT - MARGIN_RIGHT) / 3
            for obj in page.get_objects(max_depth=5):
                if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
                    continue
                left, bottom, right, top = bounds_of(obj)
                if top - bottom < THIN and right - left >= least:
                    found.append((index + 1, left, right, (top - bottom) / 2 + 0.05, width))
            page.close()
    finally:
        document.close()
    return found


def off_the_margins(pdf: bytes) -> list[str]:
    return [
        f"page {page}: a rule from {left:.1f} to {right:.1f}"
        for page, left, right, reach, width in rules(pdf)
        if abs(left - MARGIN_LEFT) > reach or right > width - MARGIN_RIGHT + reach
    ]


@pytest.fixture
def demo_documents(demo_ws: Workspace, demo_forum: str) -> dict[str, bytes]:
    report = demo_ws.read(forum_report, demo_forum)
    [period] = [p for p in demo_ws.read(periods_of) if p.forum_id == demo_forum]
    options = Options(as_of=date(2024, 12, 2), letter_date=date(2024, 8, 23))
    return {
        "minutes": build_minutes(report),
        "follow-up": build_followup_report(report, as_of=date(2024, 12, 2)),
        "survey": build_survey_report(demo_ws.read(survey_document, period.id)),
        "letter": build_forum_document(demo_ws, "escalation-letter", demo_forum, None, options),
        "notes": build_forum_document(demo_ws, "notes", demo_forum, None, options),
    }


def test_every_ruled_table_stands_on_the_left_margin(demo_documents: dict[str, bytes]) -> None:
    """The follow-up report's summary table (narrower than the text) stood centred, 48 points in."""
    for name, pdf in demo_documents.items():
        assert rules(pdf), name
        assert off_the_margins(pdf) == [], name


def test_body_text_starts_on_the_margin_and_cell_text_inside_the_rules() -> None:
    pdf = build_minutes(samples.forum(attendees=12, recs=7))
    first = text_boxes(pdf)[0]
    opening = next(b for b in first if b.text.startswith("Pada hari"))
    assert abs(opening.left - MARGIN_LEFT) <= TOLERANCE
    header = next(b for page in text_boxes(pdf) for b in page if b.text.strip() == "No")
    assert abs(header.left - (MARGIN_LEFT + CELL_PADDING)) <= TOLERANCE


def test_the_date_beside_a_letters_head_ends_on_the_right_margin(demo_documents: dict[str, bytes]) -> None:
    """It ended 6 points short of the margin the body's justified lines reach (reportlab's
    default cell padding)."""
    pdf = demo_documents["letter"]
    [page] = text_boxes(pdf)[:1]
    width = pdfium.PdfDocument(pdf)[0].get_size()[0]
    dated = next(b for b in page if b.text.endswith("23 Agustus 2024"))
    assert abs(dated.right - (width - MARGIN_RIGHT)) <= TOLERANCE, dated
    justified = max(b.right for b in page if b.top > 150)
    assert abs(justified - (width - MARGIN_RIGHT)) <= TOLERANCE
