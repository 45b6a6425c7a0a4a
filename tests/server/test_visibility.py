"""What a pull hands a device (server_stub/visibility.py), over HTTP: its own unit's records, the
unit tree, the escalations addressed to its unit with their history, and the answers to its
own; nothing else, whatever `since` and `limit` it asks. (tests/sync/test_visibility.py: the
same with real laptops.)"""

from __future__ import annotations

from protocol.ids import new_id
from tests.server.conftest import STAMP, World, applied, transition
from tests.server.offices import each_pulls_only_what_it_may_see, offices_see_apart
from tests.server.serving import Running
from tests.server.wire import journal_op, valid_fields


def _escalate(world: World) -> None:
    """Manokwari escalates its recommendation to Kanwil too, with its journal entry."""
    other = world.other
    escalation, action = new_id(), new_id()
    fields = valid_fields(
        "escalations",
        other.unit_id,
        recommendation_id=world.other_rec,
        from_unit_id=other.unit_id,
        to_unit_id=world.units["KANWIL-PBD"],
        rec_text="Ruang laktasi",
        forum_title="FKP Manokwari",
    )
    applied(
        other,
        other.op("escalations", escalation, "create", fields, action_id=action),
        {
            **transition(other, "recommendations", world.other_rec, "escalate", status="escalated", **STAMP),
            "action_id": action,
        },
        {**journal_op(other, other.unit_id, escalation, "create"), "action_id": action},
    )


def _answer(world: World) -> None:
    """Kanwil answers Sorong's escalation; its journal entry is filed under Sorong."""
    kanwil, action = world.kanwil, new_id()
    register = {
        "status": "answered",
        "answer": "Diakomodasi",
        "outcome": "adopted",
        "answered_by": "Kakanwil",
        "answered_at": STAMP["status_at"],
    }
    applied(
        kanwil,
        {**transition(kanwil, "escalations", world.escalation, "answer", **register), "action_id": action},
        {**journal_op(kanwil, world.kppn.unit_id, world.escalation, "answer"), "action_id": action},
    )


def test_a_device_sees_its_own_what_is_addressed_to_it_and_the_answers_to_its_own(
    world: World, server: Running
) -> None:
    _escalate(world)
    _answer(world)
    kppn, kanwil, other = each_pulls_only_what_it_may_see(server, [world.kppn, world.kanwil, world.other])
    offices_see_apart(world, kppn, kanwil, other, world.kanwil.unit_id)
    # The answer reaches Sorong's recommendation too (the chain rule).
    rec = next(r for r in kppn if r["id"] == world.policy)
    assert rec["data"]["status"] == "answered" and rec["data"]["status_reason"] == "Diakomodasi"
