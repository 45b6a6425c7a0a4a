"""The laporan tindak lanjut dated in the past shows each recommendation's status as it was at
the end of that day (*posisi per*), from the stored history, not today's (issue #13): the
figures are recounted here from the audit events themselves."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.core.vocab import RecStatus
from desktop.documents.builders import Options, build_forum_document
from desktop.models import AuditEvent, Recommendation
from desktop.reports.parts import label
from desktop.services import escalations, followups, forums
from desktop.services import recommendations as recs
from tests.helpers import make_tree
from tests.reports.conftest import all_text


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def ns(self) -> int:
        return int(self.at.timestamp() * 1_000_000_000)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2024, 8, 21, 3, 0, tzinfo=UTC))  # 12.00 WIT on the forum's day


@pytest.fixture
def timed_ws(tmp_path: Path, migrated_template: Path, clock: Clock) -> Iterator[Workspace]:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(migrated_template, data / DB_FILENAME)
    workspace = Workspace.open(data, Settings(language="en", operator="Tester"), clock.ns)
    yield workspace
    workspace.close()


def statuses_on(ws: Workspace, forum: str, day: date) -> dict[str, str]:
    """Each recommendation's status at the end of `day` (UTC here: the office has no zone and
    the machine runs in UTC), folded from its audit events by hand."""
    end = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
    found: dict[str, str] = {}
    with ws.store.read() as session:
        ids = session.scalars(
            select(Recommendation.id).where(
                Recommendation.forum_id == forum, Recommendation.status != RecStatus.MERGED
            )
        ).all()
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id.in_(ids)).order_by(AuditEvent.at)
        ).all()
        for event in events:
            if "status" in event.after and (event.entity_id not in found or event.at < end):
                found[event.entity_id] = event.after["status"]
    return found


def test_a_followup_report_dated_in_the_past_shows_the_statuses_of_its_day(
    timed_ws: Workspace, clock: Clock
) -> None:
    ws = timed_ws
    tree = make_tree(ws)
    forum = tree.forum
    ws.write(forums.start_forum, forum)
    service = ws.write(recs.add_recommendation, forum, text="Perkuat customer service", scope="unit")
    hours = ws.write(recs.add_recommendation, forum, text="Tambah jam layanan akhir tahun", scope="unit")
    policy = ws.write(recs.add_recommendation, forum, text="Usulkan layanan jemput bola", scope="policy")
    ws.write(forums.close_forum, forum)
    clock.at = datetime(2024, 8, 26, 2, 0, tzinfo=UTC)  # triage
    for rec in (service, policy):
        ws.write(recs.accept, rec)
    ws.write(recs.reject, hours, "Jam layanan mengikuti ketentuan kantor pusat")
    clock.at = datetime(2024, 9, 2, 2, 0, tzinfo=UTC)
    ws.write(followups.assign_follow_up, service, action="Latih petugas loket", owner="Kasubbag Umum")
    ws.write(escalations.escalate, policy)
    clock.at = datetime(2024, 10, 15, 2, 0, tzinfo=UTC)  # later: done, answered
    ws.write(recs.complete, service, "Pelatihan selesai")
    clock.at = datetime.now(UTC)

    def report(day: date) -> str:
        return all_text(build_forum_document(ws, "followup-report", forum, "a4", Options(as_of=day)))

    for day in (date(2024, 8, 21), date(2024, 8, 30), date(2024, 9, 30), date(2024, 10, 31)):
        expected = Counter(statuses_on(ws, forum, day).values())
        summary = report(day).split("A. Ringkasan")[1].split("B. Rincian")[0]
        for status in RecStatus:  # the summary table: every status of the day with its count
            found = re.search(rf"(?:^| ){re.escape(label(status))} (\d+)", summary)
            assert (int(found.group(1)) if found else 0) == expected[status.value], (day, status, summary)
    before_triage = report(date(2024, 8, 21))
    assert "Pelatihan selesai" not in before_triage and "Jam layanan mengikuti" not in before_triage
    assert "Diusulkan kepada" not in report(date(2024, 8, 30))  # escalated on 2 September
    assert "Pelatihan selesai" not in report(date(2024, 9, 30)) and "Pelatihan selesai" in report(date(2024, 10, 31))
    assert Counter(statuses_on(ws, forum, date(2024, 9, 30)).values()) == {
        "in_progress": 1,
        "rejected": 1,
        "escalated": 1,
    }
