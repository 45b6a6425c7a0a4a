"""Survey periods and questionnaires: what is checked, what is stored, the period's result,
and the spreadsheet import (every bad row named, nothing imported while any row is bad)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, RowErrors
from desktop.core.vocab import AgeBand, Education, Gender, Occupation
from desktop.services import forums, units
from desktop.services import surveys as sv
from desktop.services.survey_import import parse_responses
from tests.helpers import assert_journaled, make_tree, state


@pytest.fixture
def period(ws: Workspace) -> str:
    tree = make_tree(ws)
    return ws.write(
        sv.create_period,
        unit_id=tree.leaf,
        title="SKM Semester II 2026",
        starts_on="2026-07-01",
        ends_on="2026-12-31",
        service_users=1000,
        forum_id=tree.forum,
    )


def test_a_questionnaire_is_stored_with_its_profile_and_journaled(ws: Workspace, period: str) -> None:
    before = state(ws)
    rid = ws.write(
        sv.add_response,
        period,
        "343433323",
        gender="P",
        age_band="30-39",
        education="S1",
        occupation="pns",
        service="SP2D",
    )
    assert_journaled(before, state(ws))
    [stored] = ws.read(sv.responses_of, period)
    assert stored.id == rid
    assert [stored.u1, stored.u2, stored.u9] == [3, 4, 3]
    assert (stored.gender, stored.age_band, stored.education, stored.occupation) == (
        Gender.FEMALE,
        AgeBand.FROM_30,
        Education.BACHELOR,
        Occupation.CIVIL_SERVANT,
    )


@pytest.mark.parametrize("scores", ["34343332", "3434333235", "343433320", "34343332x"])
def test_a_wrong_questionnaire_changes_nothing(ws: Workspace, period: str, scores: str) -> None:
    before = state(ws)
    with pytest.raises(InputError):
        ws.write(sv.add_response, period, list(scores))
    assert state(ws) == before


def test_the_result_checks_the_sample_against_the_service_users(ws: Workspace, period: str) -> None:
    for _ in range(3):
        ws.write(sv.add_response, period, [4, 3, 3, 3, 3, 3, 3, 3, 3])
    result = ws.read(sv.survey_result, period)
    assert result.respondents == 3 and result.required == 278 and result.too_few
    assert result.score is not None and result.score.index == Decimal("77.78")  # (4 + 8×3)/9 × 25
    ws.write(sv.update_period, period, service_users=3)
    assert not ws.read(sv.survey_result, period).too_few


def test_the_forum_knows_its_survey(ws: Workspace, period: str) -> None:
    tree_forum = ws.read(sv.periods_of)[0].forum_id
    assert tree_forum is not None
    found = ws.read(sv.survey_of_forum, tree_forum)
    assert found is not None and found.period.id == period and found.score is None


def test_period_rules(ws: Workspace) -> None:
    tree = make_tree(ws)
    with pytest.raises(InputError, match="before the first day"):
        ws.write(sv.create_period, unit_id=tree.leaf, title="X", starts_on="2026-07-01", ends_on="2026-06-30")
    other = ws.write(units.create_unit, code="KPPN-MKW", name="KPPN Manokwari", parent_id=tree.middle)
    elsewhere = ws.write(forums.create_forum, unit_id=other, title="FKP Manokwari", held_on="2026-01-10")
    with pytest.raises(InputError, match="another unit"):
        ws.write(
            sv.create_period,
            unit_id=tree.leaf,
            title="X",
            starts_on="2026-01-01",
            ends_on="2026-06-30",
            forum_id=elsewhere,
        )
    with pytest.raises(InputError):
        ws.write(sv.create_period, unit_id=tree.leaf, title="", starts_on="2026-01-01", ends_on="2026-06-30")


def test_import_reads_indonesian_headers_ages_and_xlsx(ws: Workspace, period: str, tmp_path: Path) -> None:
    sheet = tmp_path / "skm.csv"
    sheet.write_text(
        "No;U1;U2;U3;U4;U5;U6;U7;U8;U9;Jenis Kelamin;Umur;Pendidikan;Pekerjaan;Layanan\n"
        "1;4;4;3;4;3;3;4;3;3;L;34;SMA;Swasta;SP2D\n"
        "2;3;3;3;4;3;3;3;2;3;P;;;;\n",
        encoding="utf-8-sig",
    )
    rows = parse_responses(sheet)
    assert ws.write(sv.import_responses, period, rows) == 2
    first = ws.read(sv.responses_of, period)[0]
    assert (first.gender, first.age_band, first.education, first.occupation) == (
        Gender.MALE,
        AgeBand.FROM_30,
        Education.SENIOR_SECONDARY,
        Occupation.PRIVATE,
    )
    book = Workbook()
    book.active.append(
        ["Unsur 1", "Unsur 2", "Unsur 3", "Unsur 4", "Unsur 5", "Unsur 6", "Unsur 7", "Unsur 8", "Unsur 9"]
    )
    book.active.append([4, 4, 4, 4, 4, 4, 4, 4, 4])
    xlsx = tmp_path / "skm.xlsx"
    book.save(xlsx)
    assert len(parse_responses(xlsx)) == 1


def test_import_names_every_bad_row_and_imports_nothing(ws: Workspace, period: str, tmp_path: Path) -> None:
    sheet = tmp_path / "skm.csv"
    sheet.write_text(
        "U1,U2,U3,U4,U5,U6,U7,U8,U9,Jenis Kelamin\n"
        "4,4,4,4,4,4,4,4,4,L\n"
        "4,4,5,4,4,4,4,4,4,L\n"
        "4,4,4,4,4,4,4,4,,P\n"
        "4,4,4,4,4,4,4,4,4,X\n",
        encoding="utf-8",
    )
    before = state(ws)
    with pytest.raises(RowErrors) as bad:
        parse_responses(sheet)
    assert [line for line, _ in bad.value.problems] == [3, 4, 5]
    assert "Element 3" in bad.value.problems[0][1]
    assert state(ws) == before


def test_import_without_score_columns_says_which(tmp_path: Path) -> None:
    sheet = tmp_path / "skm.csv"
    sheet.write_text("U1,U2,U3,U4,U5,U6,U7,U8\n4,4,4,4,4,4,4,4\n", encoding="utf-8")
    with pytest.raises(InputError, match="U9"):
        parse_responses(sheet)
