"""What a pull hands a device (server_stub/visibility.py), over HTTP: its own unit's records, the
unit tree, the escalations addressed to its unit with their history, and the answers to its
own; nothing else, whatever `since` and `limit` it asks. (tests/sync/test_visibility.py: the
same with real laptops.)"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from protocol.ids import new_id
from server_stub.models import Record
from tests.server.conftest import STAMP, World, applied, transition
from tests.server.serving import Running
from tests.server.wire import Raw, server_state, valid_fields


def _records(server: Running) -> list[Record]:
    with server.store.transaction() as session:
        return list(session.scalars(select(Record)))


def _journal(raw: Raw, unit: str, about: str, action: str) -> dict[str, Any]:
    """The audit event a laptop files with an action on an escalation."""
    event = valid_fields(
        "audit_events",
        unit,
        device_id=raw.device_id,
        hlc=raw.clock.now().encode(),
        entity="escalations",
        entity_id=about,
        action=action,
        actor="Petugas",
    )
    return raw.op("audit_events", new_id(), "create", event)


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
        {**_journal(other, other.unit_id, escalation, "create"), "action_id": action},
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
        {**_journal(kanwil, world.kppn.unit_id, world.escalation, "answer"), "action_id": action},
    )


def test_a_device_sees_its_own_what_is_addressed_to_it_and_the_answers_to_its_own(
    world: World, server: Running
) -> None:
    _escalate(world)
    _answer(world)
    newest = server_state(server)[1]
    everything = _records(server)
    for device in (world.kppn, world.kanwil, world.other):
        unit = device.unit_id
        addressed = {r.id for r in everything if r.entity == "escalations" and r.to_unit_id == unit}
        allowed = {
            (r.entity, r.id)
            for r in everything
            if r.entity == "units"
            or r.unit_id == unit
            or r.id in addressed
            # the history of an escalation addressed to it, whoever recorded it
            or (r.entity == "audit_events" and r.data.get("entity_id") in addressed)
        }
        own_echo = {(r.entity, r.id) for r in everything if r.origin == device.device_id}
        for since in (0, 1, newest // 2, newest - 1, newest):
            for limit in (1, 3, 1000):
                pulled = device.pull_all(since, limit)
                keys = {(r["entity"], r["id"]) for r in pulled}
                assert keys <= allowed, f"{unit} saw {sorted(keys - allowed)}"
                assert all(r["seq"] > since for r in pulled)
                assert len(keys) == len(pulled)  # each record once
                if since == 0:
                    assert keys | own_echo >= allowed  # and everything it may see (its own echo aside)

    kppn, kanwil, other = (raw.pull_all() for raw in (world.kppn, world.kanwil, world.other))
    seen = {
        name: {(r["entity"], r["id"]) for r in pulled}
        for name, pulled in (("kppn", kppn), ("kanwil", kanwil), ("m", other))
    }
    sorong_forum, manokwari_forum = ("forums", world.forum), ("forums", world.other_forum)
    assert sorong_forum not in seen["kanwil"] and sorong_forum not in seen["m"]
    assert manokwari_forum not in seen["kanwil"] and manokwari_forum not in seen["kppn"]
    assert ("escalations", world.escalation) in seen["kanwil"]  # addressed to it
    assert ("escalations", world.escalation) not in seen["m"]
    # The answer reaches Sorong's escalation and recommendation (the chain rule), and its
    # history: Kanwil's journal entry of it, filed under Sorong.
    answered = next(r for r in kppn if r["id"] == world.escalation)
    assert answered["data"]["status"] == "answered" and answered["data"]["answer"] == "Diakomodasi"
    rec = next(r for r in kppn if r["id"] == world.policy)
    assert rec["data"]["status"] == "answered" and rec["data"]["status_reason"] == "Diakomodasi"
    journal = [r for r in kppn if r["entity"] == "audit_events" and r["data"]["entity_id"] == world.escalation]
    assert any(r["data"]["action"] == "answer" for r in journal)
    # Kanwil is handed Manokwari's entry of the escalation addressed to it, never the history
    # of another office's other records, nor any attendance list.
    at_kanwil = [r for r in kanwil if r["entity"] == "audit_events"]
    assert any(r["data"]["action"] == "create" for r in at_kanwil)
    assert all(r["data"]["entity"] == "escalations" for r in at_kanwil if r["unit_id"] != world.kanwil.unit_id)
    assert not any(r["entity"] == "participants" for r in kanwil + other)
