"""SP4N-LAPOR! on the laptop: an escalation keeps the day it should be acknowledged by (3 working
days), the sending office may dispute an answer up to the 10th working day after it (the
escalation goes back up, the recommendation waits again), and an answer not disputed by then
closes the escalation (selesai). Dates are counted with the office's calendar: cuti bersama and
its own closed days. The laptop's clock is set by the test (no server corrects it here)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.core.errors import InputError, TransitionError
from desktop.core.vocab import EscalationStatus, Outcome, RecStatus
from desktop.models import Escalation, OutboxOp, Recommendation
from desktop.services import closed_days, escalations, units
from desktop.services import recommendations as recs
from desktop.services.recap import recap_recommendations
from desktop.services.report_data import forum_report
from tests.helpers import make_tree

WIT = 9  # hours ahead of UTC


class Clock:
    """A laptop's clock the test moves: an office day at 09:00 WIT."""

    def __init__(self, day: date) -> None:
        self.set(day)

    def set(self, day: date) -> None:
        moment = datetime(day.year, day.month, day.day, 9, tzinfo=UTC) - timedelta(hours=WIT)
        self.ns = int(moment.timestamp() * 1e9)

    def __call__(self) -> int:
        self.ns += 1_000_000  # time goes on between readings
        return self.ns


@pytest.fixture
def clock() -> Clock:
    return Clock(date(2024, 4, 1))


@pytest.fixture
def laptop(tmp_path: Path, migrated_template: Path, clock: Clock) -> Iterator[Workspace]:
    data = tmp_path / "laptop"
    data.mkdir()
    shutil.copyfile(migrated_template, data / DB_FILENAME)
    ws = Workspace.open(data, Settings(language="en", operator="Tester"), clock)
    yield ws
    ws.close()


def _escalated(ws: Workspace) -> tuple[str, str, Callable[[str], str]]:
    """KPPN Sorong (this laptop's office, WIT) escalated an accepted policy recommendation."""
    tree = make_tree(ws)
    for unit in (tree.leaf, tree.middle):
        ws.write(units.update_unit, unit, time_zone="WIT")
    ws.write(units.set_home_unit, tree.leaf)
    rec = ws.write(recs.add_recommendation, tree.forum, text="Jemput bola ke distrik", scope="policy")
    ws.write(recs.accept, rec)
    esc = ws.write(escalations.escalate, rec, "Mohon arahan")

    def status(entity: str) -> str:
        model = Escalation if entity == "esc" else Recommendation
        return str(ws.read(lambda s: s.get(model, esc if entity == "esc" else rec).status))

    return rec, esc, status


def _get(ws: Workspace, esc: str) -> Escalation:
    found = ws.read(lambda s: s.get(Escalation, esc))
    assert found is not None
    return found


def test_the_acknowledgement_is_due_three_working_days_after_sending(laptop: Workspace, clock: Clock) -> None:
    clock.set(date(2024, 4, 5))  # Friday before Eid 2024: 8–9 Apr cuti, 10–11 Eid, 12 and 15 cuti
    _rec, esc, _status = _escalated(laptop)
    assert _get(laptop, esc).ack_due_on == date(2024, 4, 18)  # 16, 17, 18 April


def test_dispute_within_the_window_then_a_new_answer(laptop: Workspace, clock: Clock) -> None:
    clock.set(date(2024, 4, 3))
    _rec, esc, status = _escalated(laptop)
    clock.set(date(2024, 4, 5))
    laptop.write(escalations.answer, esc, Outcome.DECLINED, "Bukan kewenangan kami")
    assert (status("esc"), status("rec")) == ("answered", "answered")
    until = escalations.dispute_until(_get(laptop, esc), laptop.ctx)
    assert until == date(2024, 4, 29)  # 10 working days after 5 April 2024, Eid and cuti skipped
    clock.set(until)  # the last day: still in time
    laptop.write(escalations.dispute, esc, "Jawaban belum menjawab usulan jemput bola")
    disputed = _get(laptop, esc)
    assert disputed.status == EscalationStatus.DISPUTED and disputed.dispute_reason.startswith(
        "Jawaban belum"
    )
    assert disputed.disputed_at is not None and status("rec") == RecStatus.ESCALATED
    # Disputed is waiting again: the office above answers again.
    laptop.write(escalations.answer, esc, Outcome.ADOPTED, "Disetujui bertahap")
    assert (status("esc"), status("rec")) == ("answered", "answered")
    # The dispute went out as one action with the recommendation's change (the server checks both).
    ops = laptop.read(
        lambda s: [
            (o.entity, o.fields.get("action"), o.action_id)
            for o in s.query(OutboxOp)
            if o.kind == "transition"
        ]
    )
    disputes = [(entity, action_id) for entity, action, action_id in ops if action == "dispute"]
    assert {entity for entity, _ in disputes} == {"escalations", "recommendations"}
    assert len({action_id for _, action_id in disputes}) == 1


def test_no_dispute_after_the_window_and_the_escalation_closes(laptop: Workspace, clock: Clock) -> None:
    clock.set(date(2024, 4, 3))
    _rec, esc, status = _escalated(laptop)
    clock.set(date(2024, 4, 5))
    laptop.write(escalations.answer, esc, Outcome.ADOPTED, "Disetujui")
    clock.set(date(2024, 4, 29))
    assert laptop.close_settled() == 0 and status("esc") == "answered"  # still disputable today
    clock.set(date(2024, 4, 30))
    with pytest.raises(TransitionError, match="could be disputed until 29-04-2024"):
        laptop.write(escalations.dispute, esc, "Terlambat")
    assert laptop.close_settled() == 1 and status("esc") == EscalationStatus.DONE
    assert status("rec") == RecStatus.ANSWERED  # the answer stands
    assert laptop.close_settled() == 0  # once


def test_the_office_closed_day_lengthens_the_window(laptop: Workspace, clock: Clock) -> None:
    clock.set(date(2024, 4, 3))
    _rec, esc, _status = _escalated(laptop)
    office = laptop.ctx.home_unit_id
    assert office is not None
    laptop.write(closed_days.add_closed_day, office, day="2024-04-22", name="Hari jadi kota (Perda)")
    clock.set(date(2024, 4, 5))
    laptop.write(escalations.answer, esc, Outcome.ADOPTED, "Disetujui")
    assert escalations.dispute_until(_get(laptop, esc), laptop.ctx) == date(2024, 4, 30)


def test_only_the_sending_office_disputes_and_only_an_answer(laptop: Workspace, clock: Clock) -> None:
    clock.set(date(2024, 4, 3))
    _rec, esc, _status = _escalated(laptop)
    with pytest.raises(TransitionError, match="Only an answer can be disputed"):
        laptop.write(escalations.dispute, esc, "Belum dijawab")
    laptop.write(escalations.answer, esc, Outcome.ADOPTED, "Disetujui")
    parent = _get(laptop, esc).to_unit_id
    laptop.write(units.set_home_unit, parent)  # this laptop now works for the office above
    with pytest.raises(InputError, match="Only KPPN Sorong, which sent this escalation"):
        laptop.write(escalations.dispute, esc, "Bukan kami")
    assert _get(laptop, esc).status == EscalationStatus.ANSWERED


def test_closed_days_an_office_adds_are_checked(laptop: Workspace) -> None:
    tree = make_tree(laptop)
    laptop.write(units.set_home_unit, tree.leaf)
    add = closed_days.add_closed_day
    laptop.write(add, tree.leaf, day="2025-04-14", name="Hari jadi Kota Sorong")
    assert not laptop.ctx.calendar.is_working_day(date(2025, 4, 14))  # counted at once
    for day, problem in [
        ("2025-04-12", "weekend"),
        ("2025-04-02", "Cuti Bersama Hari Raya Idul Fitri"),
        ("2025-04-14", "already a closed day"),
        ("14-04-2025", "not a date"),
    ]:
        with pytest.raises(InputError, match=problem):
            laptop.write(add, tree.leaf, day=day, name="Libur")
    with pytest.raises(InputError, match="must not be empty"):
        laptop.write(add, tree.leaf, day="2025-04-15", name="  ")
    [line] = laptop.read(closed_days.closed_days_of, tree.leaf)
    laptop.write(closed_days.remove_closed_day, line.id)
    assert laptop.read(closed_days.closed_days_of, tree.leaf) == []
    assert laptop.ctx.calendar.is_working_day(date(2025, 4, 14))


def test_papers_print_the_day_it_was_sent_where_the_office_is(laptop: Workspace, clock: Clock) -> None:
    """Sent on Tuesday 2 April 2024 at 07.00 WIT (still Monday in UTC): the follow-up report, the
    recap and the cover letter print 2 April, the day its deadlines count from, so the printed
    due date is the printed day plus the office's working days."""
    clock.ns -= 2 * 3600 * 10**9  # 07.00 WIT on Monday 1 April ...
    clock.ns += 24 * 3600 * 10**9  # ... on Tuesday 2 April: 22.00 UTC on Monday
    rec, esc, _ = _escalated(laptop)
    sent = _get(laptop, esc)
    assert sent.sent_at.date() == date(2024, 4, 1)  # UTC
    forum = laptop.read(lambda s: s.get(Recommendation, rec)).forum_id
    printed = [line for r in laptop.read(forum_report, forum).recommendations for line in r.escalations]
    assert [line.sent_on for line in printed] == [date(2024, 4, 2)]
    recap = laptop.read(recap_recommendations, [rec])
    assert [line.sent_on for line in recap[0].escalations] == [date(2024, 4, 2)]
    days = laptop.ctx.escalation_working_days
    assert printed[0].due_on == laptop.ctx.calendar.add_working_days(printed[0].sent_on, days)
