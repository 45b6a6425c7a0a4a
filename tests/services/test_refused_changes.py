"""What "Perlu perhatian" lists and what its choices do on the laptop, with the server's answers
given to the sync's own settling step (no server): a refused user action is one item, worded;
copying a refused recommendation adds a new one through the same rules as typing it, audited
and queued; retrying a create makes it again; discarding changes no data. The journeys through
a real server and the window are in tests/sync/test_attention_in_the_app.py."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.i18n import set_language
from desktop.models import AuditEvent, OutboxOp, Recommendation, RejectedOp
from desktop.services import attention, forums, refused
from desktop.services import recommendations as recs
from desktop.sync import outbox
from desktop.sync.settle import settle


def refuse_all(ws: Workspace, code: str, **params: Any) -> None:
    """The server refuses every queued action: the first operation of each for `code`, the
    others with it (`action_refused`), as a push answers."""
    with ws.store.remote_write() as session:
        sent = outbox.pending(session, 1000)
        results = []
        first: dict[str, str] = {}
        for op in sent:
            if op.action_id not in first:
                first[op.action_id] = op.op_id
                results.append({"op_id": op.op_id, "status": "rejected", "code": code, "params": params})
            else:
                also = {"op_id": first[op.action_id], "code": code}
                results.append(
                    {"op_id": op.op_id, "status": "rejected", "code": "action_refused", "params": also}
                )
        settle(session, sent, results, ws.ctx.clock)


def forum_of(ws: Workspace) -> str:
    unit = ws.ctx.home_unit_id
    assert unit is not None
    forum = ws.write(forums.create_forum, unit_id=unit, title="FKP 2024", held_on="2024-08-21")
    with ws.store.remote_write() as session:  # as if it had reached the server
        session.execute(OutboxOp.__table__.delete())
    return forum


def test_a_refused_recommendation_is_one_item_and_its_copy_is_a_new_one(office_ws: Workspace) -> None:
    ws = office_ws
    forum = forum_of(ws)
    rec = ws.write(recs.add_recommendation, forum, text="Tambah petugas CS", scope="unit", votes=4)
    refuse_all(ws, "id_taken", entity="recommendations", id=rec)
    with ws.store.read() as session:
        assert session.get(Recommendation, rec) is None  # not left as if the server had it
    [item] = ws.read(attention.refused_items)
    assert item.what == "Recommendation “Tambah petugas CS”: added"
    assert (item.code, item.can_copy, item.can_retry) == ("id_taken", True, False)
    assert ws.read(attention.attention_count) == 1
    copied = ws.write(refused.copy_as_new, item.key)
    assert (copied.records, copied.left) == (1, 0)
    with ws.store.read() as session:
        copy = session.get(Recommendation, copied.first)
        assert copy is not None and copy.id != rec
        assert (copy.text, copy.scope, copy.votes, copy.status) == (
            "Tambah petugas CS",
            "unit",
            4,
            "proposed",
        )
        assert copy.vote_counts == {ws.ctx.device_id: 4}
        history = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == copy.id)).all()
        assert [e.action for e in history] == ["create"]
        assert {op.entity_id for op in session.scalars(select(OutboxOp))} == {copy.id, history[0].id}
        assert {op.resolution for op in session.scalars(select(RejectedOp))} == {"copied"}
    assert ws.read(attention.refused_items) == [] and ws.read(attention.attention_count) == 0


def test_retrying_a_refused_create_makes_it_again_with_its_id(office_ws: Workspace) -> None:
    ws = office_ws
    forum = forum_of(ws)
    rec = ws.write(recs.add_recommendation, forum, text="Ruang laktasi", scope="unit")
    refuse_all(ws, "not_visible", entity="forums", id="gone")
    [item] = ws.read(attention.refused_items)
    ws.write(refused.retry, item.key)
    with ws.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None and row.text == "Ruang laktasi"
        assert [op.kind for op in session.scalars(select(OutboxOp).order_by(OutboxOp.device_seq))] == [
            "create",
            "create",
        ]
    assert ws.read(attention.refused_items) == []


def test_discarding_changes_no_data_and_keeps_the_refusal_on_record(office_ws: Workspace) -> None:
    ws = office_ws
    forum = forum_of(ws)
    rec = ws.write(recs.add_recommendation, forum, text="Loket prioritas", scope="unit")
    with ws.store.remote_write() as session:
        session.execute(OutboxOp.__table__.delete())
    ws.write(recs.accept, rec)
    refuse_all(ws, "stale_transition", entity="recommendations", id=rec, action="accept", status="rejected")
    [item] = ws.read(attention.refused_items)
    set_language("id")
    try:
        assert ws.read(attention.refused_items)[0].what == "Rekomendasi “Loket prioritas”: diterima"
    finally:
        set_language("en")
    before = ws.read(lambda s: s.get(Recommendation, rec).status)
    ws.write(refused.discard, item.key)
    assert ws.read(lambda s: s.get(Recommendation, rec).status) == before
    with ws.store.read() as session:
        kept = session.scalars(select(RejectedOp)).all()
        assert kept and {op.resolution for op in kept} == {"discarded"}
        assert all(op.resolved_at is not None for op in kept)
    try:
        ws.write(refused.discard, item.key)
    except InputError as exc:
        assert "dealt with already" in exc.message
    else:
        raise AssertionError("a second discard of the same item must say it was dealt with")


def test_a_refusal_kept_before_this_version_is_its_own_item(office_ws: Workspace) -> None:
    """Refusals set aside by an older Mufakat (no action, code `refused_earlier`) need attention
    too, each on its own."""
    ws = office_ws
    with ws.store.remote_write() as session:
        for n in (1, 2):
            session.add(
                RejectedOp(
                    op_id=f"old-{n}",
                    action_id="",
                    entity="recommendations",
                    entity_id=f"r{n}",
                    kind="update",
                    fields={"set": {"priority": 1}},
                    hlc=f"00170000000000{n}-000000-x",
                    reason="refused",
                    code="refused_earlier",
                )
            )
    items = ws.read(attention.refused_items)
    assert [i.what for i in items] == ["Recommendation: changed: Priority"] * 2
    assert all(i.can_retry and not i.can_copy for i in items)
