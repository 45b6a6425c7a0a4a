"""The server checks every pushed transition against the protocol's life cycles
(`protocol.lifecycle`, the table the laptop offers its actions from): for each status a record
can reach here and each action of its entity, the server refuses exactly the pairs the table
refuses (`stale_transition`, the record unchanged) and lets the others past that check. Records of
recommendations (of both scopes), forums and escalations, on SQLite and PostgreSQL.

An escalation closed (done) is left out: it is reached only after the dispute window of
10 working days, by the server's own clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from protocol import lifecycle
from protocol.entities import ENTITIES, Entity
from protocol.ids import new_id
from server_stub.authorize import ANSWERED_FROM_ABOVE
from tests.server.conftest import STAMP, World, applied, create, transition
from tests.server.serving import Running
from tests.server.wire import NOW, Raw, on_server, valid_fields

ANSWERED = {"answered_by": "Kakanwil", "answered_at": NOW}
# A register each action accepts (every field it requires), so only the status decides.
REGISTERS: dict[str, dict[str, dict[str, Any]]] = {
    "recommendations": {
        "accept": {**STAMP},
        "reject": {"status_reason": "Di luar kewenangan", **STAMP},
        "merge": {**STAMP},  # merged_into_id: another recommendation of the forum, added below
        "start": {**STAMP},
        "complete": {"status_reason": "Sudah dilaksanakan", **STAMP},
        "escalate": {**STAMP},
        "answer": {"status_reason": "Diakomodasi", "outcome": "adopted", **STAMP},
        "dispute": {"status_reason": "Sanggah", "outcome": None, **STAMP},
    },
    "forums": {name: {"status_at": NOW, "status_by": "Fasilitator"} for name in ("start", "close", "reopen")},
    "escalations": {
        "acknowledge": {},
        "forward": {**ANSWERED},  # forwarded_to_id added below
        "answer": {"answer": "Diakomodasi", "outcome": "adopted", **ANSWERED},
        "dispute": {"dispute_reason": "Jawaban belum menjawab", "disputed_at": NOW},
        "close": {},
    },
}


class Reach:
    """Records brought to a status through the life cycle itself, one fresh record per try."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.kppn, self.kanwil = world.kppn, world.kanwil

    def move(self, raw: Raw, entity: str, record: str, action: str, **extra: Any) -> None:
        register = {**REGISTERS[entity][action], "status": ENTITIES[entity].actions[action].target, **extra}
        applied(raw, transition(raw, entity, record, action, **register))

    def recommendation(self, status: str, scope: str) -> str:
        rec = create(self.kppn, "recommendations", forum_id=self.world.forum, text="Usulan", scope=scope)
        path = {
            "proposed": [],
            "accepted": ["accept"],
            "rejected": ["reject"],
            "merged": ["merge"],
            "in_progress": ["accept", "start"],
            "done": ["accept", "start", "complete"],
            "escalated": ["accept", "escalate"],
            "answered": ["accept", "escalate", "answer"],
        }[status]
        for action in path:
            if action == "merge":
                self.move(self.kppn, "recommendations", rec, "merge", merged_into_id=self.world.local)
            elif action == "escalate":
                self.escalate(rec)
            elif action == "answer":
                self.move(self.kanwil, "escalations", self.escalated[rec], "answer")
            else:
                self.move(self.kppn, "recommendations", rec, action)
        return rec

    escalated: dict[str, str]

    def escalate(self, rec: str) -> str:
        escalation, action = new_id(), new_id()
        fields = valid_fields(
            "escalations",
            self.kppn.unit_id,
            recommendation_id=rec,
            from_unit_id=self.kppn.unit_id,
            to_unit_id=self.world.units["KANWIL-PBD"],
            rec_text="Usulan",
            forum_title="FKP Sorong",
        )
        register = {**REGISTERS["recommendations"]["escalate"], "status": "escalated"}
        applied(
            self.kppn,
            self.kppn.op("escalations", escalation, "create", fields, action_id=action),
            {**transition(self.kppn, "recommendations", rec, "escalate", **register), "action_id": action},
        )
        self.escalated[rec] = escalation
        return escalation

    def escalation(self, status: str) -> str:
        rec = create(self.kppn, "recommendations", forum_id=self.world.forum, text="Kebijakan", scope="policy")
        self.move(self.kppn, "recommendations", rec, "accept")
        escalation = self.escalate(rec)
        if status == "acknowledged":
            self.move(self.kanwil, "escalations", escalation, "acknowledge")
        elif status in ("answered", "disputed"):
            self.move(self.kanwil, "escalations", escalation, "answer")
            if status == "disputed":
                self.move(self.kppn, "escalations", escalation, "dispute")
        elif status == "forwarded":
            self.forward(escalation)
        return escalation

    def forward(self, escalation: str) -> None:
        onward, action = new_id(), new_id()
        fields = valid_fields(
            "escalations",
            self.kanwil.unit_id,
            recommendation_id=on_server_rec(self.world, escalation),
            from_unit_id=self.kanwil.unit_id,
            to_unit_id=self.world.units["DJPB"],
            previous_id=escalation,
            rec_text="Kebijakan",
            forum_title="FKP Sorong",
        )
        register = {**REGISTERS["escalations"]["forward"], "status": "forwarded", "forwarded_to_id": onward}
        applied(
            self.kanwil,
            self.kanwil.op("escalations", onward, "create", fields, action_id=action),
            {**transition(self.kanwil, "escalations", escalation, "forward", **register), "action_id": action},
        )

    def forum(self, status: str) -> str:
        forum = create(self.kppn, "forums", title="FKP", held_on="2026-10-01")
        for action in {"planned": [], "running": ["start"], "closed": ["start", "close"]}[status]:
            self.move(self.kppn, "forums", forum, action)
        return forum


_SERVER: dict[str, Running] = {}


def on_server_rec(world: World, escalation: str) -> str:
    held = on_server(_SERVER["running"], "escalations", escalation)
    assert held is not None
    return str(held.data["recommendation_id"])


def tried(reach: Reach, entity: Entity, record: str, action: str, scope: str | None) -> tuple[str, str]:
    """Push `action` on `record` by the office allowed to do it; its status and code."""
    raw = reach.kanwil if entity.actions[action].by_addressee else reach.kppn
    extra: dict[str, Any] = {}
    if entity.name == "recommendations" and action == "merge":
        extra["merged_into_id"] = reach.world.local
    if entity.name == "escalations" and action == "forward":
        extra["forwarded_to_id"] = new_id()
    register = {**REGISTERS[entity.name][action], "status": entity.actions[action].target, **extra}
    [result] = raw.push(transition(raw, entity.name, record, action, **register))
    return result["status"], result.get("code") or ""


CASES: list[tuple[str, str, str | None]] = [
    *(("recommendations", s, "unit") for s in ("proposed", "accepted", "rejected", "merged", "in_progress", "done")),
    *(("recommendations", s, "policy") for s in ("proposed", "accepted", "escalated", "answered")),
    *(("forums", s, None) for s in ("planned", "running", "closed")),
    *(("escalations", s, None) for s in ("sent", "acknowledged", "forwarded", "answered", "disputed")),
]


@pytest.mark.parametrize(("entity_name", "status", "scope"), CASES, ids=lambda v: str(v))
def test_the_server_refuses_exactly_what_the_life_cycle_refuses(
    world: World, server: Running, entity_name: str, status: str, scope: str | None
) -> None:
    _SERVER["running"] = server
    reach = Reach(world)
    reach.escalated = {}
    entity = ENTITIES[entity_name]
    make: Callable[[], str] = {
        "recommendations": lambda: reach.recommendation(status, scope or "unit"),
        "forums": lambda: reach.forum(status),
        "escalations": lambda: reach.escalation(status),
    }[entity_name]
    for action in entity.actions:
        record = make()
        held = on_server(server, entity_name, record)
        assert held is not None and held.data["status"] == status
        outcome, code = tried(reach, entity, record, action, scope)
        if (entity_name, action) in ANSWERED_FROM_ABOVE:
            # No device records it: the server brings the addressee's answer down the chain.
            assert (outcome, code) == ("rejected", "answer_from_addressee"), (action, status)
        elif lifecycle.may(entity, action, status, scope):
            assert code != "stale_transition", (action, status, outcome, code)
        else:
            assert (outcome, code) == ("rejected", "stale_transition"), (action, status)
            after = on_server(server, entity_name, record)
            assert after is not None, action
            # Unchanged (its sequence number moves on: the refused device gets the record again).
            assert (action, after.data, after.clocks) == (action, held.data, held.clocks)
