"""What an evaluator's reading of the demo forum's documents found missing (issue #13, read
against each bullet): the IKM method on every page that shows an IKM, no response deadline set
for the office above in the Laporan Pelaksanaan, agreements numbered in every document that
lists them, and the Laporan's long tables going on under their header at the top of a page."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from desktop.app.workspace import Workspace
from desktop.documents.builders import Options, build_forum_document
from desktop.reports.implementation import build_implementation_report
from desktop.reports.notes import NO_RESPONSE, build_notes
from desktop.reports.survey import build_survey_report
from desktop.reports.survey_actions import build_survey_actions_report
from desktop.services.document_data import implementation_report, notes
from desktop.services.report_data import survey_document
from desktop.services.surveys import periods_of
from tests.reports.conftest import all_text, layout_problems, page_lines, pdf_text
from tests.reports.test_layout import headers_only_at_the_top_or_under_their_heading

AS_OF = date(2024, 12, 2)
IKM_FIGURE = re.compile(r"IKM[^=]{0,60}?\d{2},\d{2}")
METHOD = "metode bobot 1/9 per unsur"


def test_every_page_that_shows_an_ikm_names_its_method(demo_ws: Workspace, demo_forum: str) -> None:
    """The trend table's page, the Laporan Pelaksanaan and the RTL realisation report printed
    an IKM with no method beside it."""
    [period] = [p for p in demo_ws.read(periods_of) if p.forum_id == demo_forum]
    document = demo_ws.read(survey_document, period.id)
    options = Options(as_of=AS_OF)
    pdfs = {
        "survey": build_survey_report(document),
        "realisation": build_survey_actions_report(document, as_of=AS_OF),
        "implementation": build_forum_document(demo_ws, "implementation-report", demo_forum, "a4", options),
        "follow-up": build_forum_document(demo_ws, "followup-report", demo_forum, "a4", options),
    }
    for name, pdf in pdfs.items():
        pages = [p for p in pdf_text(pdf) if IKM_FIGURE.search(p)]
        assert pages, name
        for page in pages:
            assert METHOD in page, (name, IKM_FIGURE.search(page))
    assert f"nilai IKM ({METHOD}) naik 3,23 poin" in all_text(pdfs["survey"])


def test_the_laporan_sets_no_deadline_for_the_office_above(demo_ws: Workspace, demo_forum: str) -> None:
    pdf = build_implementation_report(demo_ws.read(implementation_report, demo_forum, AS_OF, demo_ws.ctx.calendar))
    text = all_text(pdf)
    assert "batas tanggapan" not in text.lower()
    assert text.count("Tanggapan unit atasan: belum diterima") == 2  # under each escalation


def test_agreements_are_numbered_in_every_document(demo_ws: Workspace, demo_forum: str) -> None:
    """Typed as paragraphs without numbers, they print numbered 1., 2. in the notulen and the
    Laporan Pelaksanaan as in the berita acara (they printed as plain paragraphs there)."""
    report = demo_ws.read(implementation_report, demo_forum, AS_OF, demo_ws.ctx.calendar)
    typed = "Standar waktu layanan diumumkan.\n\nGrup layanan satker dibentuk."
    laporan = build_implementation_report(replace(report, forum=replace(report.forum, agreements=typed)))
    note_doc = demo_ws.read(notes, demo_forum)
    notulen = build_notes(replace(note_doc, forum=replace(note_doc.forum, agreements=typed)))
    for pdf in (laporan, notulen):
        lines = [line.strip() for page in page_lines(pdf) for line in page]
        assert "1. Standar waktu layanan diumumkan." in lines
        assert "2. Grup layanan satker dibentuk." in lines


def test_the_laporans_long_tables_go_on_under_their_header(demo_ws: Workspace, demo_forum: str) -> None:
    """Its follow-up plan was a table reportlab split itself: a row cut in two under a second
    header in the middle of the page."""
    report = demo_ws.read(implementation_report, demo_forum, AS_OF, demo_ws.ctx.calendar)
    recs = report.forum.recommendations
    many = tuple(replace(r, number=n + 1) for n, r in enumerate(recs * 12))
    timing = {n + 1: report.timing[r.number] for n, r in enumerate(recs * 12)}
    pdf = build_implementation_report(
        replace(report, forum=replace(report.forum, recommendations=many), timing=timing)
    )
    for header, heading in (
        ("No Tindak lanjut Penanggung", "Rencana tindak lanjut atas"),
        ("No Rekomendasi Unsur pengusul", "Rekomendasi"),
    ):
        assert headers_only_at_the_top_or_under_their_heading(pdf, header, (heading,)) == []
    assert layout_problems(pdf) == []


def test_a_long_notulen_keeps_each_input_with_its_response(demo_ws: Workspace, demo_forum: str) -> None:
    """200 inputs: each, with who said it and the office's response, whole on one page, the
    lines the width of the page (a four-column table of narrow columns took 26 pages)."""
    doc = demo_ws.read(notes, demo_forum)
    lines = [line for s in doc.sections for line in s.lines]
    many = tuple(replace(line, number=n + 1) for n, line in enumerate((lines * 25)[:200]))
    sections = (replace(doc.sections[-1], lines=many),)
    pdf = build_notes(replace(doc, sections=sections))
    pages = [" " + page for page in pdf_text(pdf)]
    for line in many:
        start = f" {line.number}. {line.speaker} ("
        holding = [i for i, page in enumerate(pages) if start in page]
        assert len(holding) == 1, line.number
        rest = pages[holding[0]].split(start, 1)[1]
        assert f"Tanggapan: {line.response or NO_RESPONSE}" in rest.split(f" {line.number + 1}. ", 1)[0]
    assert len(pages) <= 18  # the demo's inputs, 200 of them
    assert layout_problems(pdf) == []
