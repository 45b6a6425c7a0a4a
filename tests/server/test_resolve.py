"""Closing a "changed elsewhere" marker is an operation like any other (`resolve`): checked
against the protocol, written only by the record's office, and it marks the conflict dismissed
in the server's copy of the record so every laptop closes it too. On SQLite and PostgreSQL, with
crafted requests."""

from __future__ import annotations

from typing import Any

import pytest

from server_stub import registers
from tests.server.conftest import World, create
from tests.server.serving import Running
from tests.server.wire import NOW, Raw, on_server, server_state


def concurrent_edits(kppn: Raw, server: Running, rec: str) -> dict[str, Any]:
    """Two edits of the recommendation's text made on top of the same value: the second is
    concurrent with the first; returns the conflict the server keeps."""
    held = on_server(server, "recommendations", rec)
    assert held is not None
    base = {"text": held.clocks["*"]}
    for text in ("Perkuat layanan (A)", "Perkuat layanan (B)"):
        fields = {"set": {"text": text}, "base": base, "at": NOW}
        [result] = kppn.push(kppn.op("recommendations", rec, "update", fields))
        assert result["status"] == "applied"
    held = on_server(server, "recommendations", rec)
    assert held is not None
    [conflict] = held.conflicts
    return conflict


def held_state(server: Running, rec: str) -> tuple[Any, ...]:
    held = on_server(server, "recommendations", rec)
    assert held is not None
    return held.data, held.clocks, held.conflicts, held.deleted


def resolve(raw: Raw, rec: str, conflict: dict[str, Any], **fields: Any) -> dict[str, Any]:
    values = {"register": conflict["register"], "loser_hlc": conflict["loser_hlc"], "how": "dismissed"}
    return raw.op("recommendations", rec, "resolve", {**values, "at": NOW, **fields})


def test_a_resolve_marks_the_conflict_dismissed_for_every_laptop(
    world: World, server: Running
) -> None:
    kppn = world.kppn
    conflict = concurrent_edits(kppn, server, world.local)
    before = on_server(server, "recommendations", world.local)
    assert before is not None
    [result] = kppn.push(resolve(kppn, world.local, conflict, how="theirs"))
    assert result["status"] == "applied"
    after = on_server(server, "recommendations", world.local)
    assert after is not None and after.seq > before.seq  # every laptop of the office pulls it
    [closed] = after.conflicts
    assert closed["dismissed"] is True and closed["resolution"] == "theirs"
    assert {k: closed[k] for k in conflict} == conflict  # both values stay, for the record
    assert (after.data, after.clocks) == (before.data, before.clocks)  # nothing else changes
    pulled = next(r for r in kppn.pull_all() if r["id"] == world.local)
    assert pulled["conflicts"][0]["dismissed"] is True
    [again] = kppn.push(resolve(kppn, world.local, conflict))  # closed already: nothing to do
    assert again["status"] == "applied"
    unchanged = on_server(server, "recommendations", world.local)
    assert unchanged is not None and unchanged.seq == after.seq


def test_a_conflict_the_server_does_not_hold_is_closed_already(
    world: World, server: Running
) -> None:
    kppn = world.kppn
    gone = {"register": "text", "loser_hlc": "001700000000000-000000-" + kppn.device_id}
    before = server_state(server)
    [result] = kppn.push(resolve(kppn, world.local, gone))
    assert result["status"] == "applied"
    assert server_state(server) == before


def test_only_the_records_office_closes_its_markers(world: World, server: Running) -> None:
    conflict = concurrent_edits(world.kppn, server, world.local)
    for intruder, code in ((world.other, "unknown_record"), (world.kanwil, "unknown_record")):
        assert intruder.refusal(resolve(intruder, world.local, conflict))[0] == code
    # Kanwil sees the escalation addressed to it, but it is Sorong's record.
    kanwil = world.kanwil
    code, params = kanwil.refusal(
        kanwil.op(
            "escalations",
            world.escalation,
            "resolve",
            {"register": "note", "loser_hlc": conflict["loser_hlc"], "how": "dismissed", "at": NOW},
        )
    )
    assert (code, params) == ("not_your_record", {"entity": "escalations", "id": world.escalation})
    held = on_server(server, "recommendations", world.local)
    assert held is not None and not held.conflicts[0].get("dismissed")  # still open


@pytest.mark.parametrize(
    ("fields", "field", "problem"),
    [
        ({"register": "votes"}, "register", "unknown_value"),  # a counter, not a register
        ({"register": "no_such_field"}, "register", "unknown_value"),
        ({"loser_hlc": "yesterday"}, "loser_hlc", "malformed"),
        ({"how": "both"}, "how", "unknown_value"),
        ({"note": "x"}, "note", "unknown_field"),
        ({"register": ""}, "register", "required"),
    ],
)
def test_a_malformed_resolve_is_refused_and_changes_nothing(
    world: World, server: Running, fields: dict[str, Any], field: str, problem: str
) -> None:
    kppn = world.kppn
    conflict = concurrent_edits(kppn, server, world.local)
    before = held_state(server, world.local)
    code, params = kppn.refusal(resolve(kppn, world.local, conflict, **fields))
    assert (code, params) == (
        "invalid_field",
        {"entity": "recommendations", "field": field, "problem": problem},
    )
    assert held_state(server, world.local) == before


def test_a_resolve_of_a_missing_record_or_a_history_entry_is_refused(
    world: World, server: Running
) -> None:
    kppn = world.kppn
    fields = {"register": "text", "loser_hlc": "001700000000000-000000-x", "how": "dismissed", "at": NOW}
    missing = kppn.op("recommendations", "0190ffff-ffff-7fff-bfff-ffffffffffff", "resolve", fields)
    assert kppn.refusal(missing)[0] == "unknown_record"
    event = create(
        kppn,
        "audit_events",
        device_id=kppn.device_id,
        hlc=kppn.clock.now().encode(),
        entity="recommendations",
        entity_id=world.local,
        action="update",
        actor="Notulis",
    )
    history = kppn.op("audit_events", event, "resolve", {**fields, "register": "actor"})
    assert kppn.refusal(history)[0] in ("append_only", "invalid_field")


def test_a_long_list_of_conflicts_drops_closed_ones_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registers, "MAX_CONFLICTS", 3)
    entries = [{"loser_hlc": str(n), "dismissed": n in (1, 2)} for n in range(4)]
    assert [e["loser_hlc"] for e in registers._bounded(entries)] == ["0", "2", "3"]
    entries.append({"loser_hlc": "4"})
    assert [e["loser_hlc"] for e in registers._bounded(entries)] == ["0", "3", "4"]
    open_only = [{"loser_hlc": str(n)} for n in range(5)]
    assert [e["loser_hlc"] for e in registers._bounded(open_only)] == ["2", "3", "4"]
