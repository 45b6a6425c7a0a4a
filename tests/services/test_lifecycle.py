"""Every life-cycle action from every status, allowed and refused, as DESIGN.md draws it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import TransitionError
from desktop.core.vocab import Outcome, RecStatus, Scope
from desktop.models import Recommendation
from desktop.services import escalations
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from tests.helpers import Tree, make_tree

# The spec, written out independently of desktop.services.lifecycle.
ALLOWED: dict[tuple[RecStatus, Scope], set[str]] = {
    (RecStatus.PROPOSED, Scope.UNIT): {"accept", "reject", "merge"},
    (RecStatus.PROPOSED, Scope.POLICY): {"accept", "reject", "merge"},
    (RecStatus.ACCEPTED, Scope.UNIT): {"start"},
    (RecStatus.ACCEPTED, Scope.POLICY): {"escalate"},
    (RecStatus.IN_PROGRESS, Scope.UNIT): {"complete"},
    (RecStatus.ESCALATED, Scope.POLICY): {"answer"},
    (RecStatus.REJECTED, Scope.UNIT): set(),
    (RecStatus.REJECTED, Scope.POLICY): set(),
    (RecStatus.MERGED, Scope.UNIT): set(),
    (RecStatus.MERGED, Scope.POLICY): set(),
    (RecStatus.DONE, Scope.UNIT): set(),
    (RecStatus.ANSWERED, Scope.POLICY): set(),
}
TARGET = {
    "accept": RecStatus.ACCEPTED,
    "reject": RecStatus.REJECTED,
    "merge": RecStatus.MERGED,
    "start": RecStatus.IN_PROGRESS,
    "complete": RecStatus.DONE,
    "escalate": RecStatus.ESCALATED,
    "answer": RecStatus.ANSWERED,
}


def bring_to(ws: Workspace, tree: Tree, status: RecStatus, scope: Scope) -> str:
    rec = ws.write(recs.add_recommendation, tree.forum, text=f"Rekomendasi {status} {scope}", scope=scope)
    if status == RecStatus.REJECTED:
        ws.write(recs.reject, rec, "Di luar kewenangan")
    elif status == RecStatus.MERGED:
        other = ws.write(recs.add_recommendation, tree.forum, text="Yang lain", scope=scope)
        ws.write(recs.merge, rec, other)
    elif status != RecStatus.PROPOSED:
        ws.write(recs.accept, rec)
    if status in (RecStatus.IN_PROGRESS, RecStatus.DONE):
        ws.write(recs.start, rec)
    if status == RecStatus.DONE:
        ws.write(recs.complete, rec, "Foto papan informasi terpasang")
    if status in (RecStatus.ESCALATED, RecStatus.ANSWERED):
        escalation = ws.write(escalations.escalate, rec)
    if status == RecStatus.ANSWERED:
        ws.write(escalations.answer, escalation, Outcome.ADOPTED, "Diadopsi dalam standar layanan")
    return rec


def run_action(ws: Workspace, tree: Tree, action: str, rec: str) -> None:
    with ws.store.read() as session:
        scope = session.get(Recommendation, rec).scope  # type: ignore[union-attr]
        sent = [e.id for e in escalations.escalations_of(session, rec)]
    actions: dict[str, Callable[[], object]] = {
        "accept": lambda: ws.write(recs.accept, rec),
        "reject": lambda: ws.write(recs.reject, rec, "Alasan penolakan"),
        "merge": lambda: ws.write(
            recs.merge, rec, ws.write(recs.add_recommendation, tree.forum, text="Tujuan", scope=scope)
        ),
        "start": lambda: ws.write(recs.start, rec),
        "complete": lambda: ws.write(recs.complete, rec, "Bukti"),
        "escalate": lambda: ws.write(escalations.escalate, rec),
        "answer": lambda: ws.write(escalations.answer, sent[-1], Outcome.DECLINED, "Belum dapat diadopsi"),
    }
    actions[action]()


CASES = [
    (status, scope, action)
    for (status, scope) in ALLOWED
    for action in TARGET
    if not (action == "answer" and status not in (RecStatus.ESCALATED, RecStatus.ANSWERED))
]


@pytest.mark.parametrize(("status", "scope", "action"), CASES, ids=lambda v: str(v))
def test_transition(ws: Workspace, status: RecStatus, scope: Scope, action: str) -> None:
    tree = make_tree(ws)
    rec = bring_to(ws, tree, status, scope)
    with ws.store.read() as session:
        assert session.get(Recommendation, rec).status == status  # type: ignore[union-attr]
    if action in ALLOWED[(status, scope)]:
        run_action(ws, tree, action, rec)
        with ws.store.read() as session:
            row = session.get(Recommendation, rec)
            assert row is not None and row.status == TARGET[action]
            assert row.status_by == "Tester" and row.status_at is not None
    else:
        before = ws.read(export_json)
        with pytest.raises(TransitionError) as err:
            run_action(ws, tree, action, rec)
        assert "Allowed now" in err.value.message or "already" in err.value.message
        if action != "merge":  # merge's own target recommendation was created before the refusal
            assert ws.read(export_json) == before


def test_refusal_names_what_is_allowed(ws: Workspace) -> None:
    tree = make_tree(ws)
    rec = bring_to(ws, tree, RecStatus.ACCEPTED, Scope.POLICY)
    with pytest.raises(TransitionError) as err:
        ws.write(recs.start, rec)
    assert "only for recommendations of unit scope" in err.value.message
    assert "Allowed now: escalate" in err.value.message
