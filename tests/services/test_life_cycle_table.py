"""The laptop offers and refuses the life cycles' actions as the protocol's table says, the
table the server checks pushed transitions against (tests/server/test_life_cycles.py): forums
and escalations from every status a laptop reaches, and the recommendations' spec written out
in test_lifecycle.py is that table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import TransitionError
from desktop.core.vocab import Outcome, Scope
from desktop.models import Escalation, Forum
from desktop.services import escalations, forums
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from protocol import lifecycle
from protocol.entities import ESCALATIONS, FORUMS, RECOMMENDATIONS
from tests.helpers import Tree, make_tree
from tests.services.test_lifecycle import ALLOWED


def test_the_recommendations_spec_is_the_protocols_table() -> None:
    for (status, scope), spec in ALLOWED.items():
        # A dispute is the escalation's (escalations.dispute moves the recommendation with it).
        assert set(lifecycle.allowed(RECOMMENDATIONS, status, scope)) - {"dispute"} == spec, (status, scope)


def forum_at(ws: Workspace, tree: Tree, status: str) -> str:
    forum = ws.write(forums.create_forum, unit_id=tree.leaf, title=f"FKP {status}", held_on="2024-08-21")
    if status in ("running", "closed"):
        ws.write(forums.start_forum, forum)
    if status == "closed":
        ws.write(forums.close_forum, forum, document_number="BA-1/2024")
    return forum


FORUM_ACTIONS: dict[str, Callable[[Workspace, str], object]] = {
    "start": lambda ws, forum: ws.write(forums.start_forum, forum),
    "close": lambda ws, forum: ws.write(forums.close_forum, forum, document_number="BA-2/2024"),
    "reopen": lambda ws, forum: ws.write(forums.reopen_forum, forum, "Salah ketik di berita acara"),
}


@pytest.mark.parametrize("status", ["planned", "running", "closed"])
def test_every_forum_action_from_every_status(ws: Workspace, status: str) -> None:
    tree = make_tree(ws)
    assert set(FORUM_ACTIONS) == set(FORUMS.actions)
    for action, run in FORUM_ACTIONS.items():
        forum = forum_at(ws, tree, status)
        if lifecycle.may(FORUMS, action, status):
            run(ws, forum)
            with ws.store.read() as session:
                row = session.get(Forum, forum)
                assert row is not None and row.status == lifecycle.target(FORUMS, action)
        else:
            before = ws.read(export_json)
            with pytest.raises(TransitionError):
                run(ws, forum)
            assert ws.read(export_json) == before, (action, status)


def escalation_at(ws: Workspace, tree: Tree, status: str) -> str:
    rec = ws.write(recs.add_recommendation, tree.forum, text=f"Kebijakan {status}", scope=Scope.POLICY)
    ws.write(recs.accept, rec)
    escalation = ws.write(escalations.escalate, rec, "Mohon arahan")
    if status == "acknowledged":
        ws.write(escalations.acknowledge, escalation)
    elif status == "forwarded":
        ws.write(escalations.forward, escalation, "Ke kantor pusat")
    elif status in ("answered", "disputed"):
        ws.write(escalations.answer, escalation, Outcome.ADOPTED, "Diadopsi")
        if status == "disputed":
            ws.write(escalations.dispute, escalation, "Jawaban belum menjawab usulan")
    return escalation


ESCALATION_ACTIONS: dict[str, Callable[[Workspace, str], object]] = {
    "acknowledge": lambda ws, e: ws.write(escalations.acknowledge, e),
    "forward": lambda ws, e: ws.write(escalations.forward, e, "Diteruskan"),
    "answer": lambda ws, e: ws.write(escalations.answer, e, Outcome.DECLINED, "Belum dapat"),
    "dispute": lambda ws, e: ws.write(escalations.dispute, e, "Sanggah"),
}


@pytest.mark.parametrize("status", ["sent", "acknowledged", "forwarded", "answered", "disputed"])
def test_every_escalation_action_from_every_status(ws: Workspace, status: str) -> None:
    """What the laptop does by hand (closing is done by the app itself once the dispute window
    is over: `close_settled`)."""
    tree = make_tree(ws)
    assert set(ESCALATION_ACTIONS) == set(ESCALATIONS.actions) - {"close"}
    for action, run in ESCALATION_ACTIONS.items():
        escalation = escalation_at(ws, tree, status)
        if lifecycle.may(ESCALATIONS, action, status):
            run(ws, escalation)
            with ws.store.read() as session:
                row = session.get(Escalation, escalation)
                assert row is not None and row.status == lifecycle.target(ESCALATIONS, action), (action, status)
        else:
            before = ws.read(export_json)
            with pytest.raises(TransitionError):
                run(ws, escalation)
            assert ws.read(export_json) == before, (action, status)
