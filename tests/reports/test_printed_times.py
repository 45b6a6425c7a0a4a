"""Every printed time carries its time zone (issue #13): the office's WIB, WITA or WIT, or this
laptop's while the office has chosen none, in the berita acara, the daftar hadir and the Excel
recap (its times are the office's wall clock, its headers say which)."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from desktop.app.workspace import Workspace
from desktop.core.zones import zone_name
from desktop.reports.attendance import build_attendance_sheet
from desktop.reports.followup import build_followup_report
from desktop.reports.minutes import build_minutes
from desktop.reports.recap_xlsx import forum_recap_xlsx
from desktop.reports.survey import build_survey_report
from desktop.services import forums, participants, surveys, units
from desktop.services.recap import forum_recap
from desktop.services.report_data import forum_report, survey_document
from tests.helpers import make_tree
from tests.reports.conftest import all_text


@pytest.fixture
def laptop_zone() -> Iterator[None]:
    """This laptop's clock is set to Makassar time (WITA, UTC+8)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Makassar"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _forum(ws: Workspace) -> tuple[str, str]:
    tree = make_tree(ws)
    forum = ws.write(
        forums.create_forum,
        unit_id=tree.leaf,
        title="FKP",
        held_on="2024-08-21",
        starts_at="09:00",
        ends_at="12:00",
    )
    ws.write(participants.add_participant, forum, name="Martina Rumbiak", category="satker", attended=True)
    return forum, tree.leaf


def printed(ws: Workspace, forum: str) -> tuple[str, str, dict[str, object], list[str]]:
    report = ws.read(forum_report, forum)
    book = load_workbook(io.BytesIO(forum_recap_xlsx(ws.read(forum_recap, forum))))
    summary = dict(list(book["Ringkasan"].iter_rows(values_only=True))[1:])
    headers = [str(cell.value) for cell in next(book["Daftar peserta"].iter_rows(max_row=1))]
    return all_text(build_minutes(report)), all_text(build_attendance_sheet(report)), summary, headers


def test_times_carry_the_office_zone(ws: Workspace, laptop_zone: None) -> None:
    forum, office = _forum(ws)
    ws.write(units.update_unit, office, time_zone="WIT")
    minutes, sheet, summary, headers = printed(ws, forum)
    assert "pukul 09.00 sampai dengan 12.00 WIT" in minutes
    assert "Pukul 09.00 sampai dengan 12.00 WIT" in sheet
    assert summary["Waktu"] == "09.00 – 12.00 WIT" and "Waktu hadir (WIT)" in headers


def test_without_an_office_zone_the_laptop_zone_is_named(ws: Workspace, laptop_zone: None) -> None:
    forum, _office = _forum(ws)
    assert zone_name(None) == "WITA"
    minutes, sheet, summary, headers = printed(ws, forum)
    assert "pukul 09.00 sampai dengan 12.00 WITA" in minutes and "12.00 WITA" in sheet
    assert summary["Waktu"] == "09.00 – 12.00 WITA" and "Waktu hadir (WITA)" in headers


def test_a_laptop_outside_indonesia_names_its_offset(laptop_zone: None) -> None:
    os.environ["TZ"] = "Asia/Kolkata"
    time.tzset()
    assert zone_name(None) == "UTC+05:30"


@pytest.fixture
def laptop_on_another_day() -> Iterator[date]:
    """This laptop's clock is set to a zone where it is another day than in Sorong (WIT) now:
    far west of UTC, or far east while Sorong's day has not turned yet. Yields Sorong's date."""
    now = datetime.now(UTC)
    sorong = (now + timedelta(hours=9)).date()
    far_east = 12 <= now.hour < 15  # UTC−12 has Sorong's date then; UTC+14 has the next one
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Etc/GMT-14" if far_east else "Etc/GMT+12"
    time.tzset()
    assert date.today() != sorong
    yield sorong
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_papers_are_dated_by_the_office_day(demo_ws: Workspace, demo_forum: str, laptop_on_another_day: date) -> None:
    """The follow-up report's "posisi per" and the place and date above its signature, and the
    survey report's, are the office's day, as the escalation dates beside them are."""
    from desktop.reports import indonesian

    day = indonesian.long_date(laptop_on_another_day)
    followup = all_text(build_followup_report(demo_ws.read(forum_report, demo_forum)))
    assert f"posisi per {day}" in followup and f"Sorong, {day}" in followup
    period = demo_ws.read(surveys.periods_of)[0].id
    demo_ws.write(surveys.issue_report, period)  # dated the day it is issued, the office's
    assert f"Sorong, {day}" in all_text(build_survey_report(demo_ws.read(survey_document, period)))
