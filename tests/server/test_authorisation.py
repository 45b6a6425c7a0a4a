"""The write-authorisation rules of the server, each tried from the side that must be refused
and from the side that is allowed:

1. units are created by the administrator, not by a device;
2. a device creates records of its own unit only;
3. except the addressed office's journal of its answer, filed under the sending unit (and as
   its own device only);
4. an escalation goes to the parent unit of the sending unit;
5. a unit's code and parent are the administrator's;
6. a device changes its own unit's records only;
7. except the status of an escalation addressed to its unit (acknowledge, forward, answer),
   which the sender may not do itself.
"""

from __future__ import annotations

from protocol.ids import new_id
from tests.server.conftest import World
from tests.server.serving import Running
from tests.server.wire import NOW, Raw, journal_op, on_server, valid_fields


def test_1_units_are_the_administrators(world: World) -> None:
    kppn = world.kppn
    unit = valid_fields("units", kppn.unit_id, code="KPPN-PALSU", name="Kantor palsu")
    assert kppn.refusal(kppn.op("units", new_id(), "create", unit)) == ("admin_only", {"entity": "units"})
    gone = kppn.op("units", kppn.unit_id, "delete", {"at": NOW})
    assert kppn.refusal(gone) == ("not_deletable", {"entity": "units"})


def test_2_a_device_creates_records_of_its_own_unit_only(world: World, server: Running) -> None:
    kppn = world.kppn
    sibling = world.units["KPPN-MANOKWARI"]
    forum = new_id()
    code, params = kppn.refusal(
        kppn.op("forums", forum, "create", valid_fields("forums", sibling, title="FKP"))
    )
    assert (code, params) == ("not_your_record", {"entity": "forums", "id": forum})
    assert on_server(server, "forums", forum) is None
    mine = kppn.op("forums", forum, "create", valid_fields("forums", kppn.unit_id, title="FKP"))
    assert kppn.push(mine)[0]["status"] == "applied"


def _journal(raw: Raw, unit: str, about: str, **values: str) -> dict[str, object]:
    return journal_op(raw, unit, about, "answer", actor="Kakanwil", **values)


def test_3_the_addressed_office_journals_its_answer_under_the_sending_unit(
    world: World
) -> None:
    kanwil, other = world.kanwil, world.other
    sender, sibling = world.units["KPPN-SORONG"], world.units["KPPN-MANOKWARI"]
    assert kanwil.push(_journal(kanwil, sender, world.escalation))[0]["status"] == "applied"
    # Not under another office, not in another device's name, not about another's escalation.
    assert kanwil.refusal(_journal(kanwil, sibling, world.escalation))[0] == "not_your_record"
    assert kanwil.refusal(_journal(kanwil, sender, world.escalation, device_id=world.kppn.device_id)) == (
        "invalid_field",
        {"entity": "audit_events", "field": "device_id", "problem": "not_allowed"},
    )
    assert other.refusal(_journal(other, sender, world.escalation))[0] == "not_your_record"


def _escalation(raw: Raw, rec: str, to_unit: str) -> dict[str, object]:
    fields = valid_fields(
        "escalations",
        raw.unit_id,
        recommendation_id=rec,
        from_unit_id=raw.unit_id,
        to_unit_id=to_unit,
        rec_text="Usulan",
        forum_title="FKP",
    )
    return raw.op("escalations", new_id(), "create", fields)


def test_4_an_escalation_goes_to_the_parent_unit(world: World) -> None:
    kppn = world.kppn
    for wrong in (world.units["DJPB"], world.units["KPPN-MANOKWARI"], kppn.unit_id):
        assert kppn.refusal(_escalation(kppn, world.local, wrong)) == ("wrong_parent", {"to_unit_id": wrong})
    assert kppn.push(_escalation(kppn, world.local, world.units["KANWIL-PBD"]))[0]["status"] == "applied"
    answered = _escalation(kppn, world.local, world.units["KANWIL-PBD"])
    answered["fields"] = {**answered["fields"], "status": "answered", "answer": "Ya", "outcome": "adopted"}  # type: ignore[dict-item]
    assert kppn.refusal(answered)[0] == "invalid_field"  # a new escalation carries no answer


def test_5_a_units_code_and_parent_are_the_administrators(
    world: World, server: Running
) -> None:
    kppn = world.kppn
    for name, value in (("code", "KPPN-BARU"), ("parent_id", world.units["DJPB"])):
        change = kppn.op("units", kppn.unit_id, "update", {"set": {name: value}, "base": {}, "at": NOW})
        assert kppn.refusal(change) == ("locked_field", {"entity": "units", "field": name})
    letterhead = kppn.op("units", kppn.unit_id, "update", {"set": {"city": "Sorong"}, "base": {}, "at": NOW})
    assert kppn.push(letterhead)[0]["status"] == "applied"
    unit = on_server(server, "units", kppn.unit_id)
    assert unit is not None and unit.data["code"] == "KPPN-SORONG" and unit.data["city"] == "Sorong"


def test_6_a_device_changes_its_own_units_records_only(world: World, server: Running) -> None:
    kppn, kanwil = world.kppn, world.kanwil
    edit = {"set": {"text": "Diubah kantor lain"}, "base": {}, "at": NOW}
    assert kppn.refusal(kppn.op("recommendations", world.other_rec, "update", edit)) == (
        "unknown_record",  # another office's: not even its existence is told
        {"entity": "recommendations", "id": world.other_rec},
    )
    assert kppn.refusal(kppn.op("forums", world.other_forum, "delete", {"at": NOW}))[0] == "unknown_record"
    note = {"set": {"note": "Catatan"}, "base": {}, "at": NOW}
    assert kanwil.refusal(kanwil.op("escalations", world.escalation, "update", note)) == (
        "not_your_record",  # addressed to Kanwil: it sees it, and changes only its status
        {"entity": "escalations", "id": world.escalation},
    )
    theirs = on_server(server, "recommendations", world.other_rec)
    assert theirs is not None and theirs.data["text"] == "Ruang laktasi"
    assert kppn.push(kppn.op("recommendations", world.local, "update", edit))[0]["status"] == "applied"


def test_7_the_addressed_office_acts_on_the_escalations_status(
    world: World, server: Running
) -> None:
    kppn, kanwil, other = world.kppn, world.kanwil, world.other
    ack = {"action": "acknowledge", "fields": {"status": "acknowledged"}, "base": {}, "at": NOW}
    for outsider in (kppn, other):  # the sender, and an office it is not addressed to
        assert outsider.refusal(outsider.op("escalations", world.escalation, "transition", ack))[0] in (
            "not_your_record",
            "unknown_record",
        )
    assert (
        kanwil.push(kanwil.op("escalations", world.escalation, "transition", ack))[0]["status"] == "applied"
    )
    again = kanwil.op("escalations", world.escalation, "transition", ack)
    assert kanwil.push(again)[0]["status"] == "applied"  # a second laptop of Kanwil acknowledging too
    answer = {
        "action": "answer",
        "fields": {
            "status": "answered",
            "answer": "Diakomodasi",
            "outcome": "adopted",
            "answered_by": "Kakanwil",
        },
        "base": {},
        "at": NOW,
    }
    assert (
        kanwil.push(kanwil.op("escalations", world.escalation, "transition", answer))[0]["status"]
        == "applied"
    )
    late = kanwil.op("escalations", world.escalation, "transition", ack)
    assert kanwil.refusal(late) == (
        "stale_transition",
        {"entity": "escalations", "id": world.escalation, "action": "acknowledge", "status": "answered"},
    )
    rec = on_server(server, "recommendations", world.policy)
    assert rec is not None and rec.data["status"] == "answered" and rec.data["status_reason"] == "Diakomodasi"
