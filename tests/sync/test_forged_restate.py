"""State re-sent after a restore is no way around the life cycle or authorship (issue #12,
review 2): a restate brings back what the server lost, within the life cycle from what the
server holds and only in the re-sending office's name; outside a restore it is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import AuditEvent, Escalation, Recommendation
from desktop.services import escalations
from desktop.sync.engine import sync_once
from desktop.sync.repush import restate_op
from protocol.ids import new_id
from protocol.messages import queued
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.crafted import Raw, World, on_server

MakeRaw = Callable[[Workspace], Raw]


def _state(ws: Workspace, model: Any, record_id: str) -> dict[str, Any]:
    with ws.store.read() as session:
        op = restate_op(model, session.get_one(model, record_id), None)
    assert op is not None
    return queued(op)


def _restate(raw: Raw, op: dict[str, Any], record_id: str | None = None, **data: Any) -> dict[str, Any]:
    """`op` re-sent by `raw` (under `record_id`), its data changed by `data`, its registers
    stamped now (newer than the server's)."""
    fields = op["fields"]
    stamp = raw.clock.now().encode()
    changed = {
        **fields,
        "data": {**fields["data"], **data},
        "clocks": {k: stamp for k in fields["clocks"]},
    }
    return raw.op(op["entity"], record_id or op["entity_id"], "restate", changed, hlc=stamp)


def _after_restore(server: Running) -> None:
    """The administrator restored the server's database: a new epoch, laptops re-send state."""
    server.store.new_epoch()


def test_a_restate_never_skips_the_life_cycle(world: World, raw: MakeRaw, server: Running) -> None:
    _after_restore(server)
    kppn = raw(world.kppn)
    local = _state(world.kppn, Recommendation, world.local)  # proposed, of unit scope
    before = on_server(server, "recommendations", world.local)
    assert before is not None
    forged = _restate(kppn, local, status="answered", outcome="adopted", status_reason="palsu")
    code, params = kppn.refusal(forged)
    assert (code, params["action"], params["status"]) == ("stale_transition", "restate", "proposed")
    after = on_server(server, "recommendations", world.local)
    assert after is not None and (after.data, after.clocks) == (before.data, before.clocks)

    # Absent from the server: it comes back only in a status its own office reaches by itself.
    lost, back = new_id(), new_id()
    assert kppn.refusal(_restate(kppn, local, lost, status="answered", outcome="adopted"))[0] == (
        "stale_transition"
    )
    assert on_server(server, "recommendations", lost) is None
    [applied] = kppn.push(_restate(kppn, local, back, status="accepted"))
    assert applied["status"] == "applied"
    assert on_server(server, "recommendations", back).data["status"] == "accepted"  # type: ignore[union-attr]

    # The escalated one may be re-sent as answered only once Kanwil's answer is on the server.
    policy = _state(world.kppn, Recommendation, world.policy)
    answer = _restate(kppn, policy, status="answered", outcome="adopted", status_reason="Disetujui")
    assert kppn.refusal(answer) == ("unknown_record", {"entity": "escalations", "id": world.escalation})
    world.kanwil.write(escalations.answer, world.escalation, "adopted", "Disetujui")
    assert sync_once(world.kanwil).refused == 0
    with server.store.transaction() as session:  # the server lost the recommendation, not the answer
        session.delete(session.get_one(Record, ("recommendations", world.policy)))
    assert (
        kppn.refusal(_restate(kppn, policy, status="answered", outcome="declined"))[0] == "stale_transition"
    )
    [taken] = kppn.push(_restate(kppn, policy, status="answered", outcome="adopted"))
    assert taken["status"] == "applied"  # answered as its escalation was

    # An escalation's answer is the addressed office's: the sender cannot bring one back.
    sent = _state(world.kppn, Escalation, world.escalation)
    forged_answer = _restate(
        kppn,
        sent,
        new_id(),
        status="answered",
        answer="Disetujui (palsu)",
        outcome="adopted",
        answered_by="Kepala Kanwil",
        answered_at=sent["fields"]["created_at"],
    )
    code, params = kppn.refusal(forged_answer)
    assert (code, params["action"], params["status"]) == ("stale_transition", "restate", "sent")


def test_a_restated_history_entry_is_its_own_offices(
    world: World, raw: MakeRaw, device: Callable[[str, str], Workspace], server: Running
) -> None:
    _after_restore(server)
    kppn = raw(world.kppn)
    with world.kppn.store.read() as session:
        event = session.scalars(select(AuditEvent.id).where(AuditEvent.entity_id == world.policy)).first()
    assert event is not None
    history = _state(world.kppn, AuditEvent, event)
    kanwil = world.kanwil.ctx.device_id
    for author in (kanwil, new_id()):  # the parent office's laptop, or one nobody knows
        forged_id = new_id()
        forged = _restate(kppn, history, forged_id, device_id=author, actor="Kepala Kanwil (palsu)")
        kppn.push(forged)  # passed over: that office re-sends its own history itself
        assert on_server(server, "audit_events", forged_id) is None
    with server.store.transaction() as session:
        assert (
            session.scalars(select(Record).where(Record.data["actor"].as_string().contains("palsu"))).all()
            == []
        )

    colleague = device("kppn2", "KPPN-SORONG")  # a colleague's entry, held and re-sent by kppn
    lost = new_id()
    [applied] = kppn.push(_restate(kppn, history, lost, device_id=colleague.ctx.device_id))
    assert applied["status"] == "applied" and on_server(server, "audit_events", lost) is not None


def test_a_restate_outside_a_restore_is_refused(world: World, raw: MakeRaw, server: Running) -> None:
    kppn = raw(world.kppn)
    local = _state(world.kppn, Recommendation, world.local)
    before = on_server(server, "recommendations", world.local)
    code, _params = kppn.refusal(_restate(kppn, local, text="Ditulis ulang lewat restate"))
    assert code == "restate_not_expected"  # a record the server holds, no restore
    after = on_server(server, "recommendations", world.local)
    assert after is not None and before is not None and after.data == before.data

    _after_restore(server)  # the administrator restored the database: the laptop re-sends
    report = sync_once(world.kppn)
    assert report.requeued > 0 and report.refused == 0
    assert kppn.push(_restate(kppn, local, text="Setelah pemulihan"))[0]["status"] == "applied"
