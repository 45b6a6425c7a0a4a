"""What a pull hands a device: its own unit's records, the unit tree, the escalations addressed
to its unit with their history, and the answers to its own; nothing else, whatever `since` and
`limit` it asks."""

from __future__ import annotations

from collections.abc import Callable

from desktop.app.workspace import Workspace
from desktop.core.vocab import Outcome
from desktop.services import escalations
from desktop.sync.engine import sync_once
from tests.server.offices import each_pulls_only_what_it_may_see, offices_see_apart
from tests.sync.conftest import Running
from tests.sync.crafted import Raw, World

MakeRaw = Callable[[Workspace], Raw]
Key = tuple[str, str]


def test_a_device_sees_its_own_what_is_addressed_to_it_and_the_answers_to_its_own(
    world: World, raw: MakeRaw, server: Running
) -> None:
    world.other.write(escalations.escalate, world.other_rec, "Mohon arahan")
    sync_once(world.other)
    sync_once(world.kanwil)
    world.kanwil.write(escalations.answer, world.escalation, Outcome.ADOPTED, "Diakomodasi")
    assert sync_once(world.kanwil).refused == 0
    answering = raw(world.kanwil)
    devices = [raw(world.kppn), answering, raw(world.other)]
    kppn, kanwil, other = each_pulls_only_what_it_may_see(server, devices)
    journal = offices_see_apart(world, kppn, kanwil, other, answering.unit_id)
    # The Kanwil is handed that history too (its other laptops hold what one of them answered;
    # the one that answered has it already), with the sending office's entry of the escalation.
    at_kanwil = [r for r in kanwil if r["entity"] == "audit_events"]
    mine = answering.device_id
    assert {r["id"] for r in journal if r["data"]["device_id"] != mine} <= {r["id"] for r in at_kanwil}
