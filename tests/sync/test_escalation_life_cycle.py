"""The escalation's SP4N-LAPOR! life cycle on laptop and server (both databases, a real server):
the office below disputes an answer within 10 working days of it (sanggah) and the office above
answers again; an answer not disputed by then is closed (selesai) by the office below's laptop.
The server checks the same rule with that office's calendar: a dispute made after the window and
a close made before it are refused, so is a dispute of a closed escalation (stale), or either
action by the office above; a dispute typed in time on a laptop that was offline is kept."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from desktop.app.workspace import Workspace
from desktop.core.vocab import EscalationStatus, Outcome, RecStatus
from desktop.models import Escalation, Recommendation
from desktop.services import escalations
from desktop.services.inbox import received_escalations
from desktop.sync.engine import sync_once
from domain import deadlines
from domain.workdays import WorkCalendar
from tests.sync.conftest import Running
from tests.sync.crafted import Raw, World, on_server

MakeRaw = Any

# An answer given long ago (09:00 WIB, Monday 2 June 2025): its dispute window (10 working days,
# the server's default zone; 6 June Idul Adha, 9 June its cuti bersama) ended on 18 June 2025.
LONG_AGO = datetime(2025, 6, 2, 2, 0, tzinfo=UTC)
WINDOW_END = date(2025, 6, 18)


def _status(ws: Workspace, model: type[Escalation] | type[Recommendation], record_id: str) -> str:
    return str(ws.read(lambda s: s.get(model, record_id).status))


def _transition(
    raw: Raw, escalation: str, action: str, fields: dict[str, Any], at: datetime
) -> dict[str, Any]:
    return raw.op(
        "escalations",
        escalation,
        "transition",
        {"action": action, "fields": fields, "base": {}, "at": at.isoformat()},
    )


def _answer_long_ago(world: World, raw: MakeRaw) -> Raw:
    """The office above answers (as a laptop whose clock said 2 June 2025 would); both sync."""
    kanwil = raw(world.kanwil)
    answer = {
        "status": "answered",
        "answer": "Diakomodasi dalam revisi standar",
        "outcome": "adopted",
        "answered_by": "Kakanwil",
        "answered_at": LONG_AGO.isoformat(),
        "forwarded_to_id": None,
    }
    [result] = kanwil.push(_transition(kanwil, world.escalation, "answer", answer, LONG_AGO))
    assert result["status"] == "applied", result
    return kanwil


def test_dispute_in_time_then_a_new_answer_then_settled(world: World, raw: MakeRaw, server: Running) -> None:
    kppn = raw(world.kppn)
    world.kanwil.write(escalations.answer, world.escalation, Outcome.DECLINED, "Di luar kewenangan")
    assert sync_once(world.kanwil).refused == 0 and sync_once(world.kppn).refused == 0
    assert _status(world.kppn, Recommendation, world.policy) == RecStatus.ANSWERED
    answered = world.kppn.read(lambda s: s.get(Escalation, world.escalation))
    assert answered is not None and answered.ack_due_on is not None
    until = escalations.dispute_until(answered, world.kppn.ctx)
    assert until is not None and until > world.kppn.ctx.today()

    # Too early to close: the server refuses a close before the window ends, naming its last day.
    early = kppn.refusal(_transition(kppn, world.escalation, "close", {"status": "done"}, datetime.now(UTC)))
    assert early[0] == "dispute_window" and early[1]["action"] == "close"
    assert date.fromisoformat(str(early[1]["until"])) >= until - timedelta(days=1)
    assert world.kppn.close_settled() == 0  # the laptop does not even try

    # The office below disputes in time: escalation and recommendation in one action.
    world.kppn.write(
        escalations.dispute, world.escalation, "Mohon ditinjau: satker terpencil belum terlayani"
    )
    assert sync_once(world.kppn).refused == 0
    held = on_server(server, "escalations", world.escalation)
    assert held is not None and held.data["status"] == "disputed"
    assert held.data["dispute_reason"].startswith("Mohon ditinjau")
    rec = on_server(server, "recommendations", world.policy)
    assert rec is not None and rec.data["status"] == "escalated" and rec.data["outcome"] is None

    # The office above sees the dispute in its inbox and answers again; the answer comes down.
    assert sync_once(world.kanwil).refused == 0
    [received] = world.kanwil.read(received_escalations, world.kanwil.ctx, world.units["KANWIL-PBD"])
    assert received.status == EscalationStatus.DISPUTED and received.dispute_reason.startswith(
        "Mohon ditinjau"
    )
    world.kanwil.write(escalations.answer, world.escalation, Outcome.ADOPTED, "Jemput bola dijadwalkan")
    assert sync_once(world.kanwil).refused == 0 and sync_once(world.kppn).refused == 0
    assert _status(world.kppn, Escalation, world.escalation) == EscalationStatus.ANSWERED
    assert _status(world.kppn, Recommendation, world.policy) == RecStatus.ANSWERED


def test_after_the_window_the_laptop_closes_and_the_server_refuses_a_late_dispute(
    world: World, raw: MakeRaw, server: Running, device: Any
) -> None:
    kanwil = _answer_long_ago(world, raw)
    kppn = raw(world.kppn)
    assert deadlines.dispute_until(LONG_AGO.date(), WorkCalendar()) == WINDOW_END

    # A crafted dispute made today: its window is over.
    late = {"status": "disputed", "dispute_reason": "Terlambat", "disputed_at": datetime.now(UTC).isoformat()}
    code, params = kppn.refusal(_transition(kppn, world.escalation, "dispute", late, datetime.now(UTC)))
    assert (code, params) == (
        "dispute_window",
        {"id": world.escalation, "action": "dispute", "until": WINDOW_END.isoformat()},
    )
    # The office above may neither dispute nor close it (the sending office's action).
    on_time = datetime.combine(WINDOW_END, datetime.min.time(), UTC)
    assert kanwil.refusal(
        _transition(kanwil, world.escalation, "dispute", {**late, "disputed_at": None}, on_time)
    )[0] == ("not_your_record")
    assert kanwil.refusal(_transition(kanwil, world.escalation, "close", {"status": "done"}, on_time))[0] == (
        "not_your_record"
    )

    # Two laptops of the office below pull the answer; each closes it; the server takes both.
    second = device("kppn2", "KPPN-SORONG")
    for laptop in (world.kppn, second):
        assert sync_once(laptop).refused == 0
        assert laptop.close_settled() == 1
        assert _status(laptop, Escalation, world.escalation) == EscalationStatus.DONE
    for laptop in (world.kppn, second):
        assert sync_once(laptop).refused == 0
    held = on_server(server, "escalations", world.escalation)
    assert held is not None and held.data["status"] == "done"

    # A dispute of a closed escalation is stale, even one dated inside the window.
    stale = {**late, "disputed_at": on_time.isoformat()}
    code, params = kppn.refusal(_transition(kppn, world.escalation, "dispute", stale, on_time))
    assert (code, params["status"], params["action"]) == ("stale_transition", "done", "dispute")
    assert sync_once(world.kanwil).refused == 0
    assert _status(world.kanwil, Escalation, world.escalation) == EscalationStatus.DONE  # the inbox too


def test_a_dispute_typed_in_time_on_a_laptop_offline_since_is_kept(
    world: World, raw: MakeRaw, server: Running
) -> None:
    _answer_long_ago(world, raw)
    kppn = raw(world.kppn)
    typed = datetime(2025, 6, 13, 1, 0, tzinfo=UTC)  # Friday 13 June 2025, 08:00 WIB: in time
    dispute = {
        "status": "disputed",
        "dispute_reason": "Belum sesuai usulan",
        "disputed_at": typed.isoformat(),
    }
    [result] = kppn.push(_transition(kppn, world.escalation, "dispute", dispute, typed))
    assert result["status"] == "applied", result
    held = on_server(server, "escalations", world.escalation)
    assert held is not None and held.data["status"] == "disputed"
    # Disputed, it waits for the office above again: a close is now stale.
    code, params = kppn.refusal(
        _transition(kppn, world.escalation, "close", {"status": "done"}, datetime.now(UTC))
    )
    assert (code, params["status"]) == ("stale_transition", "disputed")
