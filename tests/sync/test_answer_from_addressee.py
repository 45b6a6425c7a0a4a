"""#12: the answer to an escalated recommendation comes from the office it was escalated to (and
travels down the chain); the sending office (its own laptop) and every other office are refused
by the server, and the laptop neither offers nor records it. A real server on SQLite and
PostgreSQL, laptops of KPPN Sorong, KPPN Manokwari and Kanwil PBD, crafted pushes."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.errors import InputError
from desktop.core.vocab import Outcome, RecStatus
from desktop.models import Recommendation
from desktop.services import escalations
from desktop.services.detail import recommendation_detail
from desktop.sync.engine import sync_once
from tests.sync.conftest import Running
from tests.sync.crafted import NOW, Raw, World, on_server

MakeRaw = Any

ANSWERED = {
    "status": "answered",
    "status_reason": "Kami sendiri yang menjawab",
    "outcome": "adopted",
    "status_at": NOW,
    "status_by": "Kepala KPPN",
}


def _answer_rec(raw: Raw, rec_id: str) -> dict[str, Any]:
    return raw.op(
        "recommendations", rec_id, "transition", {"action": "answer", "fields": ANSWERED, "base": {}, "at": NOW}
    )


def test_only_the_addressed_office_answers_an_escalated_recommendation(
    world: World, raw: MakeRaw, server: Running
) -> None:
    kppn, kanwil, other = raw(world.kppn), raw(world.kanwil), raw(world.other)
    before = on_server(server, "recommendations", world.policy)
    assert before is not None and before.data["status"] == "escalated"

    # The office that escalated it may not answer it itself, alone or with the escalation's answer.
    assert kppn.refusal(_answer_rec(kppn, world.policy)) == (
        "answer_from_addressee",
        {"entity": "recommendations", "id": world.policy},
    )
    escalation_answer = kppn.op(
        "escalations",
        world.escalation,
        "transition",
        {
            "action": "answer",
            "fields": {
                "status": "answered",
                "answer": "Dijawab sendiri",
                "outcome": "adopted",
                "answered_by": "Kepala KPPN",
                "answered_at": NOW,
                "forwarded_to_id": None,
            },
            "base": {},
            "at": NOW,
        },
        action_id="a-own-answer",
    )
    both = kppn.push(escalation_answer, {**_answer_rec(kppn, world.policy), "action_id": "a-own-answer"})
    assert [r["status"] for r in both] == ["rejected", "rejected"]
    assert both[0]["code"] == "not_your_record"
    # Nor may the office it was sent to set the recommendation directly, nor a sibling office
    # (which does not even learn that it exists).
    assert kanwil.refusal(_answer_rec(kanwil, world.policy))[0] in ("unknown_record", "not_your_record")
    assert other.refusal(_answer_rec(other, world.policy))[0] == "unknown_record"
    # A unit-scope recommendation of the office: still no answer by the owner (the life cycle
    # would refuse it too; the owner rule is checked first).
    assert kppn.refusal(_answer_rec(kppn, world.local))[0] == "answer_from_addressee"
    after = on_server(server, "recommendations", world.policy)
    assert after is not None and after.data == before.data

    # The laptop of the sending office neither offers nor records the answer.
    assert world.kppn.read(recommendation_detail, world.policy).answerable == []
    with pytest.raises(InputError) as refused:
        world.kppn.write(escalations.answer, world.escalation, Outcome.ADOPTED, "Dijawab sendiri")
    assert "Kanwil" in str(refused.value) and "can answer it" in str(refused.value)
    assert world.kppn.read(lambda s: s.get_one(Recommendation, world.policy).status) == RecStatus.ESCALATED

    # The office it was sent to answers; the answer comes down to the recommendation.
    world.kanwil.write(escalations.answer, world.escalation, Outcome.ADOPTED, "Diakomodasi")
    assert sync_once(world.kanwil).refused == 0 and sync_once(world.kppn).refused == 0
    answered = world.kppn.read(lambda s: s.get_one(Recommendation, world.policy))
    assert answered.status == RecStatus.ANSWERED and answered.status_reason == "Diakomodasi"
    assert answered.outcome == Outcome.ADOPTED


def test_an_answer_from_two_levels_up_travels_down_the_chain(
    world: World, raw: MakeRaw, server: Running, device: Any
) -> None:
    """Kanwil forwards to DJPB; Kanwil may then no longer answer the recommendation either,
    DJPB's answer reaches Kanwil's escalation and Sorong's recommendation."""
    djpb = device("djpb", "DJPB")
    assert sync_once(world.kanwil).refused == 0
    onward = world.kanwil.write(escalations.forward, world.escalation, "Kewenangan pusat")
    assert sync_once(world.kanwil).refused == 0 and sync_once(djpb).refused == 0
    kanwil = raw(world.kanwil)
    assert kanwil.refusal(_answer_rec(kanwil, world.policy))[0] in ("unknown_record", "not_your_record")
    with pytest.raises(InputError):
        world.kanwil.write(escalations.answer, onward, Outcome.DECLINED, "Bukan kami")
    djpb.write(escalations.answer, onward, Outcome.DECLINED, "Di luar kewenangan saat ini")
    assert sync_once(djpb).refused == 0 and sync_once(world.kppn).refused == 0
    rec = on_server(server, "recommendations", world.policy)
    assert rec is not None and rec.data["status"] == "answered" and rec.data["outcome"] == "declined"
    answered = world.kppn.read(lambda s: s.get_one(Recommendation, world.policy))
    assert answered.status == RecStatus.ANSWERED and answered.status_reason == "Di luar kewenangan saat ini"
