"""How the text flows from page to page (issue #13, "Layout"): a heading never ends a page, and
a block that does not fit in what is left of a page does not leave that page nearly empty.

The rule tested (tests/reports/geometry.py, `flow_problems`): no page ends with a heading (a
line in bold of 10 points or more on the left margin); every page but the last holds text on at
least a quarter of its text area, unless the next page opens a part of its own (the attendance
list, "Lampiran", always starts on a new page). A heading stays with the first two rows of its
table, or its paragraph's first lines, and the rest of the table goes on on the next page under
its header: nothing moves a whole table, leaving a page half empty.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.app.workspace import Workspace
from desktop.documents.builders import Options, build_forum_document
from desktop.reports.layout import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_TOP
from desktop.reports.minutes import build_minutes
from desktop.reports.survey import build_survey_report
from desktop.services.report_data import survey_document
from desktop.services.surveys import periods_of
from tests.reports import samples
from tests.reports.conftest import page_lines
from tests.reports.geometry import flow_problems

TITLE = ("Forum Konsultasi Publik Evaluasi Standar Pelayanan Penyaluran Dana dan Kebijakan " * 3)[:120].strip()


def problems(pdf: bytes) -> list[str]:
    return flow_problems(pdf, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT)


@pytest.mark.parametrize("paper", ["a4", "folio"])
def test_the_demo_forums_documents_flow(demo_ws: Workspace, demo_forum: str, paper: str) -> None:
    """The folio Laporan Pelaksanaan ended page 2 with "V. REKOMENDASI", its table on page 3."""
    options = Options(as_of=date(2024, 12, 2), letter_date=date(2024, 8, 1))
    for kind in ("minutes", "notes", "implementation-report", "followup-report", "escalation-letter"):
        pdf = build_forum_document(demo_ws, kind, demo_forum, paper if kind != "minutes" else None, options)
        assert problems(pdf) == [], (kind, paper)
    for period in demo_ws.read(periods_of):
        assert problems(build_survey_report(demo_ws.read(survey_document, period.id), paper)) == []


@pytest.mark.parametrize("paper", ["a4", "folio"])
def test_minutes_of_a_big_forum_a_long_title_and_an_empty_unit_flow(paper: str) -> None:
    big = samples.forum(attendees=300, recs=200)
    reports = [
        big,
        replace(big, title=TITLE),
        samples.forum(title=TITLE),
        samples.forum(attendees=0, recs=0, office=samples.EMPTY_UNIT, number=""),
        samples.forum(attendees=3, recs=2, office=samples.EMPTY_UNIT, number=""),
    ]
    for report in reports:
        assert problems(build_minutes(report, paper)) == [], (report.title, len(report.attendees))


def test_minutes_flow_whatever_the_number_of_attendees_and_recommendations() -> None:
    """Each count moves the headings to another place on the page."""
    for attendees in (0, 5, 12, 40):
        for recs in (0, 1, 4, 9, 16, 25):
            report = samples.forum(attendees=attendees, recs=recs)
            assert problems(build_minutes(report)) == [], (attendees, recs)


def test_the_survey_table_starts_where_the_text_before_it_ends(demo_ws: Workspace, demo_forum: str) -> None:
    """The SKM report's first page ended halfway down: its result table moved whole to page 2.
    It starts on page 1 now, under its heading, and goes on under its header on page 2, where
    its sums stay with the index computed from them."""
    [period] = [p for p in demo_ws.read(periods_of) if p.forum_id == demo_forum]
    pdf = build_survey_report(demo_ws.read(survey_document, period.id))
    first, second = page_lines(pdf)[:2]
    assert any(line.startswith("B. Hasil per unsur pelayanan") for line in first)
    assert any(line.startswith("U1 Persyaratan") for line in first)
    assert second[0].startswith("No Unsur pelayanan")  # the header, repeated at the top
    body = " ".join(second)
    assert "Jumlah 29,577" in body and "IKM = Σ NRR ÷ 9 × 25 = 29,577 ÷ 9 × 25 = 82,16" in body
    assert problems(pdf) == []
