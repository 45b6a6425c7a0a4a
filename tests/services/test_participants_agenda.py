from __future__ import annotations

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.vocab import Category, Gender
from desktop.models import AgendaItem, Participant
from desktop.services import agenda, forums, participants
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from tests.helpers import make_tree


def test_add_participant_parses_labels_and_aliases(ws: Workspace) -> None:
    tree = make_tree(ws)
    pid = ws.write(
        participants.add_participant,
        tree.forum,
        name=" Martina Rumbiak ",
        category="Satker",
        gender="P",
        organization="Dinas Pendidikan",
        phone="0812-4800-1234",
        email="m@example.id",
    )
    with ws.store.read() as session:
        row = session.get(Participant, pid)
        assert row is not None
        assert (row.name, row.category, row.gender) == (
            "Martina Rumbiak",
            Category.CLIENT_OFFICE,
            Gender.FEMALE,
        )
        assert not row.attended and row.signed_in_at is None


def test_vulnerable_group_member_is_flagged(ws: Workspace) -> None:
    tree = make_tree(ws)
    pid = ws.write(participants.add_participant, tree.forum, name="Yohanis", category="disabilitas")
    with ws.store.read() as session:
        assert session.get(Participant, pid).vulnerable  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"name": " \t ", "category": "satker"}, "Name must not be empty"),
        ({"name": "A", "category": "aliens"}, "Unknown Element of the public 'aliens'"),
        ({"name": "A"}, "Element of the public must be chosen"),
        ({"name": "A", "category": "satker", "email": "not-an-email"}, "is not an e-mail address"),
        ({"name": "A", "category": "satker", "phone": "call me"}, "is not a phone number"),
        ({"name": "A", "category": "satker", "gender": "x"}, "Unknown Gender"),
    ],
)
def test_bad_participant_input(ws: Workspace, values: dict, message: str) -> None:
    tree = make_tree(ws)
    before = ws.read(export_json)
    with pytest.raises(InputError, match=message):
        ws.write(participants.add_participant, tree.forum, **values)
    assert ws.read(export_json) == before


def test_sign_in_and_undo(ws: Workspace) -> None:
    tree = make_tree(ws)
    pid = ws.write(participants.add_participant, tree.forum, name="A", category="akademisi")
    ws.write(participants.sign_in, pid)
    ws.write(participants.sign_in, pid)  # twice is harmless
    with ws.store.read() as session:
        row = session.get(Participant, pid)
        assert row is not None and row.attended and row.signed_in_at is not None
    ws.write(participants.undo_sign_in, pid)
    with ws.store.read() as session:
        row = session.get(Participant, pid)
        assert row is not None and not row.attended and row.signed_in_at is None


def test_participant_of_another_forum_cannot_raise_a_recommendation(ws: Workspace) -> None:
    tree = make_tree(ws)
    other_forum = ws.write(forums.create_forum, unit_id=tree.leaf, title="Lain", held_on="2024-09-01")
    stranger = ws.write(participants.add_participant, other_forum, name="Orang Lain", category="media")
    before = ws.read(export_json)
    with pytest.raises(InputError, match="Orang Lain is a participant of another forum"):
        ws.write(recs.add_recommendation, tree.forum, text="Usul", scope="unit", raised_by_id=stranger)
    assert ws.read(export_json) == before


def test_agenda_order_move_and_remove(ws: Workspace) -> None:
    tree = make_tree(ws)
    ids = [
        ws.write(agenda.add_item, tree.forum, title=t, planned_minutes=15)
        for t in ("Buka", "Paparan", "Diskusi")
    ]

    def titles() -> list[str]:
        with ws.store.read() as session:
            return [i.title for i in agenda.items_of(session, tree.forum)]

    assert titles() == ["Buka", "Paparan", "Diskusi"]
    ws.write(agenda.move_item, ids[2], 0)
    assert titles() == ["Diskusi", "Buka", "Paparan"]
    ws.write(agenda.remove_item, ids[1])
    assert titles() == ["Diskusi", "Buka"]
    with ws.store.read() as session:
        assert [i.position for i in agenda.items_of(session, tree.forum)] == [0, 1]
    with pytest.raises(InputError, match="outside the agenda"):
        ws.write(agenda.move_item, ids[0], 5)


def test_only_one_current_agenda_item(ws: Workspace) -> None:
    tree = make_tree(ws)
    first = ws.write(agenda.add_item, tree.forum, title="Buka")
    second = ws.write(agenda.add_item, tree.forum, title="Diskusi")
    ws.write(agenda.start_item, first)
    ws.write(agenda.start_item, second)
    with ws.store.read() as session:
        a, b = session.get(AgendaItem, first), session.get(AgendaItem, second)
        assert a is not None and b is not None
        assert a.ended_at is not None and b.started_at is not None and b.ended_at is None


def test_agenda_minutes_must_be_a_number(ws: Workspace) -> None:
    tree = make_tree(ws)
    with pytest.raises(InputError, match="whole number"):
        ws.write(agenda.add_item, tree.forum, title="Buka", planned_minutes="lima belas")
