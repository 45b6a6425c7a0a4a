"""The follow-up report's detail table laid out for its content (issue #13, "Layout"): six
narrow columns wrapped each recommendation onto nine short lines, and 200 recommendations took
40 pages (47 for the whole report). Four columns now (the status over the scope; the office
above's answer under the escalation it answers), the width shared between the recommendation
and what was done by how long each is; no overlap, nothing across the margins, no word broken
mid-syllable."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.core.vocab import FollowUpStatus, RecStatus, Scope
from desktop.reports.followup import build_followup_report
from desktop.services.report_data import FollowUpLine
from tests.reports import samples
from tests.reports.conftest import broken_words, layout_problems, text_boxes
from tests.reports.geometry import pages_with

AS_OF = date(2025, 4, 1)
ACTIONS_HEADER = "Tindak lanjut dan"


@pytest.mark.parametrize(("paper", "most"), [("a4", 18), ("folio", 15)])
def test_two_hundred_recommendations_take_half_the_pages(paper: str, most: int) -> None:
    report = samples.forum(attendees=300, recs=200)
    pdf = build_followup_report(report, paper=paper, as_of=AS_OF)
    [start] = pages_with(pdf, "B. Rincian tindak lanjut")
    [end] = pages_with(pdf, "C. Waktu penyelesaian")
    assert end - start <= most  # 40 pages on A4, 33 on folio with the six narrow columns
    assert layout_problems(pdf, paper) == []
    words = {w.strip(".,:()") for r in report.recommendations for w in r.text.split()}
    assert broken_words(pdf, words | {"Kebijakan", "diusulkan", "Diusulkan", "Tindak", "tanggapan"}) == []


def _actions_column(pdf: bytes) -> float:
    """Where the column of what was done starts (its header's left edge), in points."""
    return min(b.left for page in text_boxes(pdf) for b in page if b.text.startswith(ACTIONS_HEADER))


def test_the_longer_text_gets_the_width() -> None:
    """Short recommendations beside long accounts of what was done give the width to the
    latter, and the other way round: neither wraps onto short lines beside a half-empty cell."""
    report = samples.forum(attendees=20, recs=30)
    long_actions = tuple(
        replace(
            r,
            text=f"Rekomendasi {r.number}: perbanyak loket.",
            scope=Scope.UNIT,
            status=RecStatus.IN_PROGRESS,
            follow_ups=tuple(
                FollowUpLine(
                    f"Menambah petugas loket pelayanan pada jam sibuk dan menyusun jadwal piket tahap {n}",
                    "Kepala Subbagian Umum dan Kepatuhan Internal",
                    date(2025, 6, 30),
                    40,
                    FollowUpStatus.IN_PROGRESS,
                    "Surat tugas dan jadwal piket petugas loket yang telah ditandatangani",
                )
                for n in (1, 2)
            ),
        )
        for r in report.recommendations
    )
    wide_actions = build_followup_report(replace(report, recommendations=long_actions), as_of=AS_OF)
    wide_text = build_followup_report(report, as_of=AS_OF)
    assert _actions_column(wide_actions) < _actions_column(wide_text) - 40
    for pdf in (wide_actions, wide_text):
        assert layout_problems(pdf) == []
