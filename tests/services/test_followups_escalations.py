from __future__ import annotations

from datetime import date

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, TransitionError
from desktop.core.vocab import EscalationStatus, FollowUpStatus, Outcome, RecStatus
from desktop.models import Escalation, FollowUp, Recommendation
from desktop.services import escalations, followups
from desktop.services import recommendations as recs
from tests.helpers import make_tree


def _accepted(ws: Workspace, forum: str, scope: str) -> str:
    rid = ws.write(recs.add_recommendation, forum, text=f"Usul {scope}", scope=scope)
    ws.write(recs.accept, rid)
    return rid


def test_assigning_follow_up_starts_the_recommendation(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = _accepted(ws, tree.forum, "unit")
    fid = ws.write(
        followups.assign_follow_up,
        rid,
        action="Pasang papan informasi",
        owner="Kasubag Umum",
        due_on="2024-09-30",
    )
    with ws.store.read() as session:
        assert session.get(Recommendation, rid).status == RecStatus.IN_PROGRESS  # type: ignore[union-attr]
        item = session.get(FollowUp, fid)
        assert item is not None and item.status == FollowUpStatus.PLANNED and item.due_on == date(2024, 9, 30)


def test_follow_up_default_due_date_counts_working_days(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = _accepted(ws, tree.forum, "unit")
    fid = ws.write(followups.assign_follow_up, rid, action="A", owner="B")
    with ws.store.read() as session:
        due = session.get(FollowUp, fid).due_on  # type: ignore[union-attr]
    assert due == ws.ctx.calendar.add_working_days(ws.ctx.today(), 20)


def test_follow_up_progress_and_evidence(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = _accepted(ws, tree.forum, "unit")
    fid = ws.write(followups.assign_follow_up, rid, action="A", owner="B")
    ws.write(followups.update_follow_up, fid, progress=40)
    with pytest.raises(InputError, match="Describe the evidence, or attach a photo or file"):
        ws.write(followups.update_follow_up, fid, progress=100)
    with pytest.raises(InputError, match="between 0 and 100"):
        ws.write(followups.update_follow_up, fid, progress=140)
    ws.write(followups.update_follow_up, fid, progress=100, evidence="Foto")
    with ws.store.read() as session:
        assert session.get(FollowUp, fid).status == FollowUpStatus.DONE  # type: ignore[union-attr]


def test_follow_up_refused_for_policy_and_unaccepted(ws: Workspace) -> None:
    tree = make_tree(ws)
    policy = _accepted(ws, tree.forum, "policy")
    with pytest.raises(TransitionError, match="escalate policy"):
        ws.write(followups.assign_follow_up, policy, action="A", owner="B")
    proposed = ws.write(recs.add_recommendation, tree.forum, text="X", scope="unit")
    with pytest.raises(TransitionError, match="Accept the recommendation"):
        ws.write(followups.assign_follow_up, proposed, action="A", owner="B")


def test_escalation_goes_to_the_parent_with_a_working_day_deadline(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = _accepted(ws, tree.forum, "policy")
    eid = ws.write(escalations.escalate, rid, "Mohon arahan")
    with ws.store.read() as session:
        esc = session.get(Escalation, eid)
        assert esc is not None
        assert (esc.from_unit_id, esc.to_unit_id, esc.unit_id) == (tree.leaf, tree.middle, tree.leaf)
        assert esc.due_on == ws.ctx.calendar.add_working_days(ws.ctx.today(), 5)
        assert (
            esc.rec_text == "Usul policy"
            and esc.forum_title == "FKP"
            and esc.forum_held_on == date(2024, 8, 21)
        )
        assert session.get(Recommendation, rid).status == RecStatus.ESCALATED  # type: ignore[union-attr]


def test_escalation_deadline_is_configurable(ws: Workspace) -> None:
    tree = make_tree(ws)
    ws.ctx.escalation_working_days = 3
    eid = ws.write(escalations.escalate, _accepted(ws, tree.forum, "policy"))
    with ws.store.read() as session:
        assert session.get(Escalation, eid).due_on == ws.ctx.calendar.add_working_days(ws.ctx.today(), 3)  # type: ignore[union-attr]


def test_forward_then_answer_reaches_the_recommendation(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = _accepted(ws, tree.forum, "policy")
    first = ws.write(escalations.escalate, rid)
    ws.write(escalations.acknowledge, first)
    second = ws.write(escalations.forward, first, "Diteruskan ke kantor pusat")
    with ws.store.read() as session:
        onward = session.get(Escalation, second)
        assert onward is not None and (onward.from_unit_id, onward.to_unit_id) == (tree.middle, tree.top)
        assert onward.previous_id == first
    with pytest.raises(TransitionError, match="already forwarded"):
        ws.write(escalations.answer, first, "adopted", "x")
    ws.write(escalations.answer, second, "adopted", "Masuk revisi standar layanan 2025")
    with ws.store.read() as session:
        rec = session.get(Recommendation, rid)
        assert rec is not None and rec.status == RecStatus.ANSWERED and rec.outcome == Outcome.ADOPTED
        assert rec.status_reason == "Masuk revisi standar layanan 2025"
        for eid in (first, second):
            esc = session.get(Escalation, eid)
            assert esc is not None and esc.status == EscalationStatus.ANSWERED
            assert esc.answer == "Masuk revisi standar layanan 2025"


def test_answer_needs_outcome_and_text(ws: Workspace) -> None:
    tree = make_tree(ws)
    eid = ws.write(escalations.escalate, _accepted(ws, tree.forum, "policy"))
    with pytest.raises(InputError, match="Unknown Outcome"):
        ws.write(escalations.answer, eid, "maybe", "x")
    with pytest.raises(InputError, match="Answer must not be empty"):
        ws.write(escalations.answer, eid, "declined", " ")


def test_top_unit_has_nobody_to_escalate_to(ws: Workspace) -> None:
    tree = make_tree(ws)
    from desktop.services import forums

    forum = ws.write(forums.create_forum, unit_id=tree.top, title="FKP pusat", held_on="2024-10-01")
    rid = _accepted(ws, forum, "policy")
    with pytest.raises(InputError, match="has no parent office"):
        ws.write(escalations.escalate, rid)
    with ws.store.read() as session:
        assert session.get(Recommendation, rid).status == RecStatus.ACCEPTED  # type: ignore[union-attr]
