"""The three offices of the server's and the end-to-end tests, and what each may pull: one copy
for both (tests/server speaks for devices over HTTP, tests/sync for real laptops)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import select

from server_stub.models import Record
from tests.server.serving import Running
from tests.server.wire import Raw, server_state

Device = TypeVar("Device")
Pulled = list[dict[str, Any]]


@dataclass
class Offices(Generic[Device]):
    """Three offices on one server: KPPN Sorong and KPPN Manokwari below Kanwil PBD, a device
    of each (a crafted one, or a laptop). Sorong has a forum (with a participant, an agenda
    item, two recommendations and a survey period) and has escalated one recommendation to
    Kanwil; Manokwari has its own forum, accepted recommendation and survey period."""

    kppn: Device
    kanwil: Device
    other: Device
    units: dict[str, str]
    forum: str
    person: str
    item: str
    policy: str  # escalated to Kanwil
    local: str  # of unit scope
    escalation: str
    period: str
    other_forum: str
    other_rec: str
    other_period: str


def records(server: Running) -> list[Record]:
    with server.store.transaction() as session:
        return list(session.scalars(select(Record)))


def each_pulls_only_what_it_may_see(server: Running, devices: Sequence[Raw]) -> list[Pulled]:
    """Each device pulls, from any `since` and in pages of any `limit`, only its own unit's
    records, the unit tree, the escalations addressed to its unit and their history, each
    record once and after `since`; from the start, all of them (its own echo aside). Returns
    what each pulled from the start."""
    newest = server_state(server)[1]
    everything = records(server)
    for device in devices:
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
    return [device.pull_all() for device in devices]


def offices_see_apart(world: Offices[Any], kppn: Pulled, kanwil: Pulled, other: Pulled, kanwil_unit: str) -> Pulled:
    """What the three offices pulled: no office sees another's forum, Kanwil sees the
    escalation addressed to it and Manokwari does not; Sorong has the answer to its escalation.
    Kanwil's history from other offices is only of escalations, and no office sees another's
    attendance list. Returns Sorong's history of the escalation."""
    seen = {
        name: {(r["entity"], r["id"]) for r in pulled}
        for name, pulled in (("kppn", kppn), ("kanwil", kanwil), ("m", other))
    }
    sorong_forum, manokwari_forum = ("forums", world.forum), ("forums", world.other_forum)
    assert sorong_forum not in seen["kanwil"] and sorong_forum not in seen["m"]
    assert manokwari_forum not in seen["kanwil"] and manokwari_forum not in seen["kppn"]
    assert ("escalations", world.escalation) in seen["kanwil"]  # addressed to it
    assert ("escalations", world.escalation) not in seen["m"]
    answered = next(r for r in kppn if r["id"] == world.escalation)  # the answer to its own
    assert answered["data"]["status"] == "answered" and answered["data"]["answer"] == "Diakomodasi"
    journal = [r for r in kppn if r["entity"] == "audit_events" and r["data"]["entity_id"] == world.escalation]
    assert any(r["data"]["action"] == "answer" for r in journal)  # Kanwil's journal of it, filed at Sorong
    at_kanwil = [r for r in kanwil if r["entity"] == "audit_events"]
    assert any(r["data"]["action"] == "create" for r in at_kanwil)
    assert all(r["data"]["entity"] == "escalations" for r in at_kanwil if r["unit_id"] != kanwil_unit)
    assert not any(r["entity"] == "participants" for r in kanwil + other)  # never the attendance list
    return journal
