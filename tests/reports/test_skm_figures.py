"""Every figure of a printed SKM table can be recomputed from the figures printed beside it, and
matches what this test computes itself from the stored answers (issue #13): the total per
element, NRR = total ÷ respondents to three decimals, the converted score = printed NRR × 25,
Σ NRR, NRR × 0,111 for the office that weighs so, the IKM by the printed method, and the grade.
The method is printed on the page that shows the IKM, in the survey report, the berita acara
and the follow-up report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import SurveyResponse, Unit
from desktop.reports.followup import build_followup_report
from desktop.reports.minutes import build_minutes
from desktop.reports.survey import build_survey_report
from desktop.services import demo, surveys, units
from desktop.services.report_data import forum_report, survey_document
from tests.reports.conftest import pdf_text

BANDS = [(Decimal("88.31"), "A"), (Decimal("76.61"), "B"), (Decimal("65.00"), "C"), (Decimal("25.00"), "D")]
NUMBER = r"\d[\d.]*(?:,\d+)?"


def figure(text: str) -> Decimal:
    """An Indonesian number: thousands dots, decimal comma."""
    return Decimal(text.replace(".", "").replace(",", "."))


def rounded(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


@dataclass
class Printed:
    respondents: int
    rows: dict[int, dict[str, Decimal]]  # element → total, nrr, (weighted), converted
    nrr_sum: Decimal
    weighted_sum: Decimal | None
    index: Decimal
    grade: str
    method: str
    page: str  # the page's text that shows the IKM


def read_table(pages: list[str]) -> Printed:
    """The figures of the table and the index. The table starts where the text before it ends
    and may go on on the next page (under its header): its first rows may be on the page
    before the one with the index, its sums are on that page."""
    at = next(i for i, p in enumerate(pages) if "Nilai IKM :" in p)
    page = pages[at]
    table = " ".join(pages[max(0, at - 1) : at + 1])
    weighted = "NRR × 0,111" in page
    cell = r"(\d,\d{6}) " if weighted else ""
    rows = {}
    for n in range(1, 10):
        found = re.search(rf"U{n} [^\d]+? ({NUMBER}) (\d,\d{{3}}) {cell}(\d+,\d{{2}}) ", table)
        assert found, f"U{n} not found in: {table}"
        values = [figure(v) for v in found.groups()]
        rows[n] = dict(
            zip(["total", "nrr", *(["weighted"] if weighted else []), "converted"], values, strict=True)
        )
    sums = re.search(r"Jumlah (\d+,\d{3})(?: (\d,\d{6}))? ", page)
    index = re.search(r"Nilai IKM : (\d+,\d{2}) \((metode [^)]+)\)", page)
    grade = re.search(r"Mutu pelayanan : ([A-D]) \(", page)
    respondents = re.search(r"(\d+) responden", table)
    assert sums and index and grade and respondents, page
    return Printed(
        respondents=int(respondents.group(1)),
        rows=rows,
        nrr_sum=figure(sums.group(1)),
        weighted_sum=figure(sums.group(2)) if sums.group(2) else None,
        index=figure(index.group(1)),
        grade=grade.group(1),
        method=index.group(2),
        page=page,
    )


def check_adds_up(printed: Printed, answers: list[tuple[int, ...]]) -> None:
    """Each figure from the figures beside it, and from the stored answers."""
    assert printed.respondents == len(answers)
    for n, row in printed.rows.items():
        total = sum(answer[n - 1] for answer in answers)
        assert row["total"] == total, f"U{n}"
        assert row["nrr"] == rounded(Decimal(total) / printed.respondents, "0.001"), f"U{n}"
        assert row["converted"] == rounded(row["nrr"] * 25, "0.01"), f"U{n}: {row['nrr']} × 25"
        if "weighted" in row:
            assert row["weighted"] == row["nrr"] * Decimal("0.111"), f"U{n}"
    assert printed.nrr_sum == sum(row["nrr"] for row in printed.rows.values())
    if printed.weighted_sum is not None:
        assert printed.weighted_sum == sum(row["weighted"] for row in printed.rows.values())
        assert printed.index == rounded(printed.weighted_sum * 25, "0.01")
        assert printed.method == "metode bobot 0,111 per unsur"
        assert f"Σ NRR tertimbang × 25 = {str(printed.weighted_sum).replace('.', ',')} × 25" in printed.page
    else:
        assert printed.index == rounded(printed.nrr_sum * 25 / 9, "0.01")
        assert printed.method == "metode bobot 1/9 per unsur"
        assert f"Σ NRR ÷ 9 × 25 = {str(printed.nrr_sum).replace('.', ',')} ÷ 9 × 25" in printed.page
    assert printed.grade == next(letter for lowest, letter in BANDS if printed.index >= lowest)
    assert "dibulatkan tiga desimal" in printed.page and "dibulatkan dua desimal" in printed.page


def stored_answers(ws: Workspace, period_id: str) -> list[tuple[int, ...]]:
    fields = [getattr(SurveyResponse, f"u{n}") for n in range(1, 10)]
    query = select(*fields).where(SurveyResponse.period_id == period_id, SurveyResponse.deleted.is_(False))
    return [tuple(row) for row in ws.read(lambda s: s.execute(query).all())]


@pytest.fixture
def period(demo_ws: Workspace) -> str:
    return demo_ws.read(surveys.periods_of)[0].id


def test_the_survey_report_adds_up_from_its_own_text(demo_ws: Workspace, period: str) -> None:
    pages = pdf_text(build_survey_report(demo_ws.read(survey_document, period)))
    printed = read_table(pages)
    check_adds_up(printed, stored_answers(demo_ws, period))
    # The U6: 307 points, NRR 3,337, and 3,337 × 25 = 83,43 (it printed 83,42).
    assert printed.rows[6] == {"total": 307, "nrr": Decimal("3.337"), "converted": Decimal("83.43")}
    assert (printed.index, printed.grade) == (Decimal("82.16"), "B")


def test_with_the_office_weighing_0111_the_table_prints_nrr_times_0111(
    demo_ws: Workspace, period: str
) -> None:
    office = demo_ws.read(lambda s: s.scalar(select(Unit.id).where(Unit.code == "KPPN-SORONG")))
    demo_ws.write(units.update_unit, office, ikm_method="weight_0111")
    printed = read_table(pdf_text(build_survey_report(demo_ws.read(survey_document, period))))
    check_adds_up(printed, stored_answers(demo_ws, period))
    # Σ NRR 29,577 × 0,111 = 3,283047; × 25 = 82,076175 → 82,08 (1/9 gives 82,16).
    assert (printed.weighted_sum, printed.index) == (Decimal("3.283047"), Decimal("82.08"))


@pytest.mark.parametrize("method", ["exact", "weight_0111"])
def test_the_minutes_and_the_follow_up_report_print_the_same_table(
    demo_ws: Workspace, period: str, method: str
) -> None:
    office = demo_ws.read(lambda s: s.scalar(select(Unit.id).where(Unit.code == "KPPN-SORONG")))
    demo_ws.write(units.update_unit, office, ikm_method=method)
    forum = demo_ws.write(demo.load_demo).forum_id
    report = demo_ws.read(forum_report, forum)
    answers = stored_answers(demo_ws, period)
    for document in (build_minutes(report), build_followup_report(report)):
        check_adds_up(read_table(pdf_text(document)), answers)
