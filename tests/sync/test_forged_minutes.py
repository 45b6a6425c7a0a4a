"""Frozen minutes a buggy or malicious laptop could forge (issue #13), each refused with a code:
of a forum not closed, carrying a participant's phone number, another office's, changed or
deleted once taken, or a second record under a taken id; and the office above receives the
minutes of a forum closed after one of its recommendations was escalated to it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.documents.printed import minutes_pdf
from desktop.models import FrozenMinutes
from desktop.services import forums, frozen
from desktop.services.report_data import forum_report
from desktop.sync.engine import sync_once
from protocol.ids import new_id
from tests.sync.conftest import Running
from tests.sync.crafted import NOW, Raw, World, on_server, valid_fields

MakeRaw = Callable[[Workspace], Raw]


def _content(world: World) -> dict[str, Any]:
    return frozen.content_of(frozen.snapshot(world.kppn.read(forum_report, world.forum), None))


def _minutes(unit: str, forum: str, content: dict[str, Any]) -> dict[str, Any]:
    return valid_fields("frozen_minutes", unit, forum_id=forum, content=content)


def test_minutes_are_taken_of_a_closed_forum_only(world: World, raw: MakeRaw) -> None:
    kppn = raw(world.kppn)
    op = kppn.op("frozen_minutes", new_id(), "create", _minutes(kppn.unit_id, world.forum, _content(world)))
    problem = {"entity": "frozen_minutes", "field": "forum_id", "problem": "not_allowed"}
    assert kppn.refusal(op) == ("invalid_field", problem)


def test_minutes_never_carry_a_participants_contact_details(world: World, raw: MakeRaw) -> None:
    world.kppn.write(forums.start_forum, world.forum)
    world.kppn.write(forums.close_forum, world.forum)
    assert sync_once(world.kppn).refused == 0
    kppn = raw(world.kppn)
    content = _content(world)
    content["attendees"] = [
        {"id": new_id(), "name": "Martina Rumbiak", "category": "client_office", "phone": "0812-1111-2222"}
    ]
    op = kppn.op("frozen_minutes", new_id(), "create", _minutes(kppn.unit_id, world.forum, content))
    problem = {"entity": "frozen_minutes", "field": "content", "problem": "unknown_field"}
    assert kppn.refusal(op) == ("invalid_field", problem)
    broken = copy.deepcopy(_content(world))
    broken["title"] = "Judul\x00tersembunyi"
    op = kppn.op("frozen_minutes", new_id(), "create", _minutes(kppn.unit_id, world.forum, broken))
    assert kppn.refusal(op)[1]["problem"] == "control_character"


def test_minutes_once_taken_are_never_changed_nor_replaced(
    world: World, raw: MakeRaw, server: Running
) -> None:
    world.kppn.write(forums.start_forum, world.forum)
    world.kppn.write(forums.close_forum, world.forum)
    assert sync_once(world.kppn).refused == 0
    with world.kppn.store.read() as session:
        taken = session.scalars(select(FrozenMinutes.id)).one()
    before = on_server(server, "frozen_minutes", taken)
    assert before is not None
    kppn = raw(world.kppn)
    changed = kppn.op("frozen_minutes", taken, "update", {"set": {"content": {}}, "at": NOW})
    assert kppn.refusal(changed) == ("append_only", {"entity": "frozen_minutes"})
    gone = kppn.op("frozen_minutes", taken, "delete", {"at": NOW})
    assert kppn.refusal(gone) == ("append_only", {"entity": "frozen_minutes"})
    other = _content(world)
    other["agreements"] = "Kesepakatan yang tidak pernah ada"
    again = kppn.op("frozen_minutes", taken, "create", _minutes(kppn.unit_id, world.forum, other))
    assert kppn.refusal(again) == ("id_taken", {"entity": "frozen_minutes", "id": taken})
    after = on_server(server, "frozen_minutes", taken)
    assert after is not None and after.data == before.data


def test_another_office_cannot_take_an_offices_minutes(world: World, raw: MakeRaw) -> None:
    world.kppn.write(forums.start_forum, world.forum)
    world.kppn.write(forums.close_forum, world.forum)
    assert sync_once(world.kppn).refused == 0
    kanwil = raw(world.kanwil)
    theirs = kanwil.op(
        "frozen_minutes",
        new_id(),
        "create",
        _minutes(world.units["KPPN-SORONG"], world.forum, _content(world)),
    )
    assert kanwil.refusal(theirs)[0] == "not_your_record"
    own = kanwil.op(
        "frozen_minutes", new_id(), "create", _minutes(kanwil.unit_id, world.forum, _content(world))
    )
    assert kanwil.refusal(own) == ("not_visible", {"entity": "forums", "id": world.forum})


def test_a_forum_closed_after_its_escalation_reaches_the_office_above(world: World) -> None:
    world.kppn.write(forums.start_forum, world.forum)  # its policy recommendation went up already
    world.kppn.write(forums.close_forum, world.forum)
    assert sync_once(world.kppn).refused == 0
    sync_once(world.kanwil)
    sync_once(world.other)
    [held] = world.kanwil.read(frozen.minutes_of_escalated, world.policy)
    assert minutes_pdf(world.kanwil, held.id) == minutes_pdf(world.kppn, held.id)
    assert world.other.read(frozen.versions, world.forum) == []
