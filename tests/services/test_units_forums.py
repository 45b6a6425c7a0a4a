from __future__ import annotations

from datetime import date, time

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, NotFoundError, TransitionError
from desktop.core.vocab import ForumStatus
from desktop.models import Forum, Unit
from desktop.services import forums, units
from desktop.services.export import export_json
from tests.helpers import make_tree


def test_unit_code_is_normalized_and_unique(ws: Workspace) -> None:
    unit = ws.write(units.create_unit, code="  kppn sorong ", name="KPPN Sorong")
    with ws.store.read() as session:
        row = session.get(Unit, unit)
        assert row is not None and row.code == "KPPN-SORONG" and row.unit_id == row.id
    with pytest.raises(InputError, match="already used by KPPN Sorong"):
        ws.write(units.create_unit, code="kppn-sorong", name="Lain")


def test_unit_cannot_be_placed_below_itself(ws: Workspace) -> None:
    tree = make_tree(ws)
    before = ws.read(export_json)
    with pytest.raises(InputError, match="below itself"):
        ws.write(units.update_unit, tree.top, parent_id=tree.leaf)
    assert ws.read(export_json) == before


def test_head_nip_must_have_18_digits(ws: Workspace) -> None:
    with pytest.raises(InputError, match="18-digit NIP"):
        ws.write(units.create_unit, code="X", name="X", head_nip="1975 0101")
    unit = ws.write(units.create_unit, code="Y", name="Y", head_nip="19750101 200003 1 001")
    with ws.store.read() as session:
        assert session.get(Unit, unit).head_nip == "197501012000031001"  # type: ignore[union-attr]


def test_chain_upward(ws: Workspace) -> None:
    tree = make_tree(ws)
    with ws.store.read() as session:
        assert [u.code for u in units.chain_upward(session, tree.leaf)] == [
            "KPPN-SORONG",
            "KANWIL-PBD",
            "DJPB",
        ]


def test_forum_defaults_and_signatories(ws: Workspace) -> None:
    leaf = ws.write(
        units.create_unit,
        code="K",
        name="KPPN Sorong",
        head_name="Gandung Triyasmoko",
        head_nip="197505152000031001",
        head_title="Kepala KPPN Sorong",
    )
    forum = ws.write(
        forums.create_forum,
        unit_id=leaf,
        title="  FKP 2024 ",
        held_on="2024-08-21",
        starts_at="09:00",
        ends_at="12:00",
    )
    with ws.store.read() as session:
        row = session.get(Forum, forum)
        assert row is not None
        assert row.title == "FKP 2024" and row.held_on == date(2024, 8, 21)
        assert row.starts_at == time(9, 0) and row.status == ForumStatus.PLANNED
        assert row.signatories[0]["name"] == "Gandung Triyasmoko"
        assert row.signatories[0]["nip"] == "197505152000031001"
        assert row.signatories[1]["role"] == "public_representative"  # worded when shown or printed


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "   ", "held_on": "2024-08-21"}, "Title must not be empty"),
        ({"title": "FKP", "held_on": "21/08/2024"}, "is not a date"),
        ({"title": "FKP"}, "Date must be given"),
        (
            {"title": "FKP", "held_on": "2024-08-21", "starts_at": "12:00", "ends_at": "09:00"},
            "must be later than the start time",
        ),
        ({"title": "FKP", "held_on": "2024-08-21", "mode": "by pigeon"}, "Unknown Mode"),
        ({"title": "FKP", "held_on": "2024-08-21", "starts_at": "9 pagi"}, "is not a time"),
    ],
)
def test_forum_bad_input_is_refused_and_writes_nothing(ws: Workspace, values: dict, message: str) -> None:
    unit = ws.write(units.create_unit, code="K", name="K")
    before = ws.read(export_json)
    with pytest.raises(InputError, match=message):
        ws.write(forums.create_forum, unit_id=unit, **values)
    assert ws.read(export_json) == before


def test_end_before_start_checked_against_stored_times_on_update(ws: Workspace) -> None:
    tree = make_tree(ws)
    ws.write(forums.update_forum, tree.forum, starts_at="09:00", ends_at="12:00")
    with pytest.raises(InputError, match="later than"):
        ws.write(forums.update_forum, tree.forum, ends_at="08:30")


def test_forum_status_moves_forward_only(ws: Workspace) -> None:
    tree = make_tree(ws)
    with pytest.raises(TransitionError, match=r"Cannot close a forum that is planned\. Allowed now: start"):
        ws.write(forums.close_forum, tree.forum)
    ws.write(forums.start_forum, tree.forum)
    with pytest.raises(TransitionError, match="Allowed now: close"):
        ws.write(forums.start_forum, tree.forum)
    ws.write(forums.close_forum, tree.forum)
    with pytest.raises(TransitionError, match="Allowed now: reopen"):
        ws.write(forums.close_forum, tree.forum)
    with pytest.raises(TransitionError, match="Only a planned forum can be deleted"):
        ws.write(forums.delete_forum, tree.forum)


def test_deleted_forum_is_a_tombstone(ws: Workspace) -> None:
    tree = make_tree(ws)
    ws.write(forums.delete_forum, tree.forum)
    with ws.store.read() as session:
        row = session.get(Forum, tree.forum)
        assert row is not None and row.deleted
    with pytest.raises(NotFoundError, match="does not exist"):
        ws.write(forums.update_forum, tree.forum, title="X")


def test_unknown_unit(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="Unit nope does not exist"):
        ws.write(forums.create_forum, unit_id="nope", title="FKP", held_on="2024-08-21")
