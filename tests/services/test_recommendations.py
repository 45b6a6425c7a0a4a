from __future__ import annotations

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, TransitionError
from desktop.core.vocab import RecStatus, Scope
from desktop.models import Recommendation
from desktop.services import forums
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from tests.helpers import make_tree


def _rec(ws: Workspace, rec_id: str) -> Recommendation:
    with ws.store.read() as session:
        row = session.get(Recommendation, rec_id)
        assert row is not None
        return row


def test_scope_is_required_and_validated(ws: Workspace) -> None:
    tree = make_tree(ws)
    with pytest.raises(InputError, match="Scope must be chosen"):
        ws.write(recs.add_recommendation, tree.forum, text="Usul")
    with pytest.raises(InputError, match="Unknown Scope"):
        ws.write(recs.add_recommendation, tree.forum, text="Usul", scope="global")
    rid = ws.write(recs.add_recommendation, tree.forum, text="Usul", scope="kebijakan")
    assert _rec(ws, rid).scope == Scope.POLICY


def test_whitespace_text_is_refused(ws: Workspace) -> None:
    tree = make_tree(ws)
    before = ws.read(export_json)
    with pytest.raises(InputError, match="Recommendation must not be empty"):
        ws.write(recs.add_recommendation, tree.forum, text=" \n\t ", scope="unit")
    assert ws.read(export_json) == before


def test_merge_adds_votes_and_points_to_survivor(ws: Workspace) -> None:
    tree = make_tree(ws)
    keep = ws.write(recs.add_recommendation, tree.forum, text="Tambah CS", scope="unit", votes=5)
    dup = ws.write(recs.add_recommendation, tree.forum, text="Tambah petugas CS", scope="unit", votes=3)
    ws.write(recs.vote, dup)
    ws.write(recs.merge, dup, keep)
    merged, survivor = _rec(ws, dup), _rec(ws, keep)
    assert merged.status == RecStatus.MERGED and merged.merged_into_id == keep
    assert survivor.votes == 9
    with pytest.raises(TransitionError, match="vote on the one it was merged into"):
        ws.write(recs.vote, dup)


def test_merge_only_within_one_forum_and_not_into_itself(ws: Workspace) -> None:
    tree = make_tree(ws)
    other_forum = ws.write(forums.create_forum, unit_id=tree.leaf, title="Lain", held_on="2024-09-01")
    a = ws.write(recs.add_recommendation, tree.forum, text="A", scope="unit")
    b = ws.write(recs.add_recommendation, other_forum, text="B", scope="unit")
    with pytest.raises(InputError, match="same forum"):
        ws.write(recs.merge, a, b)
    with pytest.raises(InputError, match="into itself"):
        ws.write(recs.merge, a, a)
    c = ws.write(recs.add_recommendation, tree.forum, text="C", scope="unit")
    ws.write(recs.reject, c, "Duplikat")
    with pytest.raises(TransitionError, match="merge into a recommendation that is rejected"):
        ws.write(recs.merge, a, c)


def test_reject_needs_a_reason(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="A", scope="unit")
    with pytest.raises(InputError, match="Reason must not be empty"):
        ws.write(recs.reject, rid, "  ")
    assert _rec(ws, rid).status == RecStatus.PROPOSED
    ws.write(recs.reject, rid, "Bukan kewenangan unit")
    assert _rec(ws, rid).status_reason == "Bukan kewenangan unit"


def test_done_needs_evidence(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="A", scope="unit")
    ws.write(recs.accept, rid)
    ws.write(recs.start, rid)
    with pytest.raises(InputError, match="Describe the evidence, or attach a photo or file"):
        ws.write(recs.complete, rid, "")
    ws.write(recs.complete, rid, "Foto loket baru")
    assert _rec(ws, rid).status == RecStatus.DONE


def test_scope_change_is_audited_and_allowed_only_early(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="A", scope="unit")
    ws.write(recs.change_scope, rid, "policy")
    ws.write(recs.accept, rid)
    ws.write(recs.change_scope, rid, Scope.UNIT)
    ws.write(recs.start, rid)
    with pytest.raises(TransitionError, match="can no longer change"):
        ws.write(recs.change_scope, rid, "policy")
    with ws.store.read() as session:
        from sqlalchemy import select

        from desktop.models import AuditEvent

        changes = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_id == rid, AuditEvent.action == "change_scope")
            .order_by(AuditEvent.hlc)
        ).all()
        assert [(c.before, c.after) for c in changes] == [
            ({"scope": "unit"}, {"scope": "policy"}),
            ({"scope": "policy"}, {"scope": "unit"}),
        ]
        assert all(c.actor == "Tester" for c in changes)


def test_votes_never_below_zero(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="A", scope="unit")
    ws.write(recs.vote, rid, 1)
    ws.write(recs.vote, rid, -1)
    with pytest.raises(InputError, match="below zero"):
        ws.write(recs.vote, rid, -1)
    with pytest.raises(InputError, match="adds or removes one"):
        ws.write(recs.vote, rid, 5)


def test_edit_refuses_status_fields(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="A", scope="unit")
    with pytest.raises(InputError, match="change through their own action"):
        ws.write(recs.edit_recommendation, rid, status="done")
    ws.write(recs.edit_recommendation, rid, text="A, diperjelas", priority=1)
    assert (_rec(ws, rid).text, _rec(ws, rid).priority) == ("A, diperjelas", 1)


def test_delete_only_while_proposed(ws: Workspace) -> None:
    tree = make_tree(ws)
    rid = ws.write(recs.add_recommendation, tree.forum, text="Salah ketik", scope="unit")
    ws.write(recs.delete_recommendation, rid)
    assert _rec(ws, rid).deleted
    other = ws.write(recs.add_recommendation, tree.forum, text="B", scope="unit")
    ws.write(recs.accept, other)
    with pytest.raises(TransitionError, match="reject this one with a reason"):
        ws.write(recs.delete_recommendation, other)
