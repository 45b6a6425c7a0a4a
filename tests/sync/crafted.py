"""Attacks on the sync API in a laptop's name: laptops of three offices that sync as the app does
(a real server on 127.0.0.1, SQLite and PostgreSQL), and crafted requests with their tokens
(httpx, tests/server/wire.py), as a buggy or malicious device could send them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import Unit
from desktop.services import agenda, escalations, forums, participants, surveys
from desktop.services import recommendations as recs
from desktop.sync.engine import server_of, sync_once
from tests.server import wire
from tests.server.offices import Offices
from tests.server.serving import Running
from tests.server.wire import NOW, on_server, server_state, valid_fields

__all__ = ["NOW", "Raw", "World", "on_server", "raw", "server_state", "valid_fields", "world"]


class Raw(wire.Raw):
    """Crafted requests with a laptop's token (its device id and unit)."""

    def __init__(self, ws: Workspace, url: str) -> None:
        unit = ws.store.device().home_unit_id
        assert unit is not None
        _url, token = server_of(ws)
        super().__init__(url, token, ws.ctx.device_id, unit)
        self.ws = ws


@pytest.fixture
def raw(server: Running) -> Iterator[Callable[[Workspace], Raw]]:
    made: list[Raw] = []

    def make(ws: Workspace) -> Raw:
        made.append(Raw(ws, server.url))
        return made[-1]

    yield make
    for each in made:
        each.close()


World = Offices[Workspace]  # laptops that synced (tests/server/conftest.py: over HTTP)


def _unit(ws: Workspace, code: str) -> str:
    with ws.store.read() as session:
        return session.scalars(select(Unit.id).where(Unit.code == code)).one()


@pytest.fixture
def world(device: Callable[[str, str], Workspace]) -> World:
    kppn, kanwil, other = (
        device("kppn", "KPPN-SORONG"),
        device("kanwil", "KANWIL-PBD"),
        device("m", "KPPN-MANOKWARI"),
    )
    units = {code: _unit(kppn, code) for code in ("DJPB", "KANWIL-PBD", "KPPN-SORONG", "KPPN-MANOKWARI")}
    forum = kppn.write(
        forums.create_forum, unit_id=units["KPPN-SORONG"], title="FKP Sorong", held_on="2026-10-01"
    )
    person = kppn.write(participants.add_participant, forum, name="Martina Rumbiak", category="satker")
    item = kppn.write(agenda.add_item, forum, title="Layanan")
    policy = kppn.write(
        recs.add_recommendation, forum, text="Jemput bola bagi satker terpencil", scope="policy"
    )
    local = kppn.write(recs.add_recommendation, forum, text="Perkuat customer service", scope="unit")
    kppn.write(recs.accept, policy)
    escalation = kppn.write(escalations.escalate, policy, "Mohon arahan")
    period = kppn.write(
        surveys.create_period,
        unit_id=units["KPPN-SORONG"],
        title="SKM 2026",
        starts_on="2026-07-01",
        ends_on="2026-12-31",
    )
    other_forum = other.write(
        forums.create_forum, unit_id=units["KPPN-MANOKWARI"], title="FKP Manokwari", held_on="2026-10-02"
    )
    other_rec = other.write(recs.add_recommendation, other_forum, text="Ruang laktasi", scope="policy")
    other.write(recs.accept, other_rec)
    other_period = other.write(
        surveys.create_period,
        unit_id=units["KPPN-MANOKWARI"],
        title="SKM M",
        starts_on="2026-07-01",
        ends_on="2026-12-31",
    )
    for ws in (kppn, other, kanwil):
        assert sync_once(ws).refused == 0
    return Offices(
        kppn,
        kanwil,
        other,
        units,
        forum,
        person,
        item,
        policy,
        local,
        escalation,
        period,
        other_forum,
        other_rec,
        other_period,
    )
