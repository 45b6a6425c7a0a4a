"""A forum published on a laptop reaches the server's public page at the next sync, and leaves it
when unpublished (issue 17); the follow-up report's QR code opens that page, which the server
serves for real."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from desktop.app.workspace import Workspace
from desktop.models import Unit
from desktop.services import forums, participants, units
from desktop.services import recommendations as recs
from desktop.services.publishing import public_address, set_published
from desktop.sync.engine import sync_once
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import unit_id

Device = Callable[[str, str], Workspace]


def test_a_forum_published_on_a_laptop_shows_on_the_public_page_after_sync(
    device: Device, server: Running
) -> None:
    laptop = device("a", "KPPN-SORONG")
    unit = unit_id(laptop, "KPPN-SORONG")
    laptop.write(units.set_home_unit, unit)
    laptop.write(units.update_unit, unit, public_url=server.url)
    forum = laptop.write(forums.create_forum, unit_id=unit, title="FKP Maklumat 2026", held_on="2026-10-01")
    person = laptop.write(
        participants.add_participant,
        forum,
        name="Martina Rumbiak",
        category="client_office",
        phone="0812-1111-2222",
    )
    laptop.write(forums.start_forum, forum)
    laptop.write(participants.sign_in, person)
    laptop.write(
        recs.add_recommendation, forum, text="Perkuat customer service", scope="unit", raised_by_id=person
    )
    laptop.write(forums.close_forum, forum)
    sync_once(laptop)
    with laptop.store.read() as session:
        page = public_address(session.get(Unit, unit))
    assert page == f"{server.url}/web/publik/KPPN-SORONG"
    assert "FKP Maklumat 2026" not in httpx.get(page).text  # closed, not yet published
    laptop.write(set_published, forum, True)
    sync_once(laptop)
    shown = httpx.get(page).text
    assert "FKP Maklumat 2026" in shown and "Perkuat customer service" in shown
    assert "<span>Pengguna layanan</span> <b>1</b>" in shown  # a client office counts as a service user
    assert "Martina" not in shown and "0812" not in shown
    laptop.write(set_published, forum, False)
    sync_once(laptop)
    assert "FKP Maklumat 2026" not in httpx.get(page).text
