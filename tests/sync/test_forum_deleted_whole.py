"""A planned forum deleted goes with its invitation list, agenda and typed recommendations, as
one action, and comes back whole when the deletion is undone (issue #11: the children were left
pointing at a deleted forum). The server takes both actions from the laptop as they are, on
SQLite and PostgreSQL, and the other laptop of the office ends with the same records."""

from __future__ import annotations

from collections.abc import Callable

from desktop.app.workspace import Workspace
from desktop.models import AgendaItem, Forum, OutboxOp, Participant, Recommendation
from desktop.services import agenda, forums, participants
from desktop.services import recommendations as recs
from desktop.sync.engine import sync_once
from tests.sync.conftest import Running
from tests.sync.test_actions import assert_same, on_server, synced
from tests.sync.test_sync_basics import unit_id

Device = Callable[[str, str], Workspace]
ENTITIES = {"participants": Participant, "agenda_items": AgendaItem, "recommendations": Recommendation}


def live(ws: Workspace, model: type, forum: str) -> list[str]:
    with ws.store.read() as session:
        return sorted(
            row.id for row in session.query(model).filter(model.forum_id == forum, model.deleted.is_(False))
        )


def test_a_planned_forum_deleted_and_brought_back_whole_on_every_laptop(device: Device, server: Running) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum = a.write(
        forums.create_forum, unit_id=unit_id(a, "KPPN-SORONG"), title="FKP Rancangan SOP", held_on="2026-12-03"
    )
    siti = a.write(participants.add_participant, forum, name="Siti Rahayu", category="service_user", invited=True)
    item = a.write(agenda.add_item, forum, title="Pembukaan", planned_minutes=10)
    rec = a.write(
        recs.add_recommendation, forum, text="Usul awal", scope="unit", raised_by_id=siti, agenda_item_id=item
    )
    children = {"participants": siti, "agenda_items": item, "recommendations": rec}
    synced(a, b)

    a.write(forums.delete_forum, forum)
    report = sync_once(a)
    assert report.refused == 0 and report.waiting == 0
    assert on_server(server, "forums", forum).deleted is True  # type: ignore[union-attr]
    for entity, record in children.items():
        assert on_server(server, entity, record).deleted is True, entity  # type: ignore[union-attr]
    synced(b)
    assert all(not live(b, model, forum) for model in ENTITIES.values())

    a.write(forums.restore_forum, forum)  # Ctrl+Z in the forum list
    report = sync_once(a)
    assert report.refused == 0 and report.waiting == 0
    with a.store.read() as session:
        assert session.query(OutboxOp).count() == 0  # the server took all of it
    for entity, record in {"forums": forum, **children}.items():
        assert on_server(server, entity, record).deleted is False, entity  # type: ignore[union-attr]
    synced(b)
    with b.store.read() as session:
        assert not session.get(Forum, forum).deleted  # type: ignore[union-attr]
    assert {entity: live(b, model, forum) for entity, model in ENTITIES.items()} == {
        entity: [record] for entity, record in children.items()
    }
    assert_same(a, b)
