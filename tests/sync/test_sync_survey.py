"""Questionnaires typed on two laptops of the same office are counted once each, on the server
and on both laptops; another office sees none of them."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.services import surveys
from desktop.sync.engine import sync_once
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, unit_id


def test_questionnaires_from_two_laptops_are_counted_once_each(device: Device, server: Running) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    period = a.write(
        surveys.create_period,
        unit_id=unit_id(a, "KPPN-SORONG"),
        title="SKM Semester II 2026",
        starts_on="2026-07-01",
        ends_on="2026-12-31",
        service_users=40,
    )
    sync_once(a)
    sync_once(b)
    for _ in range(3):
        a.write(surveys.add_response, period, [4] * 9)
    for _ in range(2):
        b.write(surveys.add_response, period, [3] * 9)
    for ws in (a, b, a, b):  # retries included: a second sync sends nothing twice
        sync_once(ws)
    with server.store.transaction() as session:
        on_server = session.scalar(
            select(func.count()).select_from(Record).where(Record.entity == "survey_responses")
        )
    assert on_server == 5
    for ws in (a, b):
        result = ws.read(surveys.survey_result, period)
        assert result.respondents == 5
        assert result.score is not None and str(result.score.index) == "90.00"  # (3×4 + 2×3)/5 × 25
    other = device("c", "KPPN-MANOKWARI")
    assert other.read(surveys.periods_of) == []
