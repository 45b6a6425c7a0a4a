"""Every document is signed where the office is: its city, a field of the unit ("Sorong, 21
Agustus 2024"), never the forum's venue (the berita acara said "Aula KPPN Sorong, …"). While the
office has given none, a dotted place is left to write by hand, visibly."""

from __future__ import annotations

import re

import pytest

from desktop.app.workspace import Workspace
from desktop.documents.builders import BUILDERS, Options, build_forum_document
from desktop.models import Forum
from desktop.reports import wording
from desktop.services import forums, units
from tests.reports.conftest import all_text

SIGNED = ("invitations", "attendance-sheet", "minutes", "implementation-report", "followup-report", "escalation-letter")
MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
DATE = rf"(?:\d{{1,2}} (?:{MONTHS}) \d{{4}}|…+)"  # an invitation not dated yet: dots


@pytest.fixture
def reopened(demo_ws: Workspace, demo_forum: str) -> str:
    """The demo forum as a draft again (its frozen minutes keep the city of their day)."""
    demo_ws.write(forums.reopen_forum, demo_forum, "Tempat penandatanganan")
    return demo_forum


def printed(ws: Workspace, forum: str, kind: str) -> str:
    return all_text(build_forum_document(ws, kind, forum, options=Options()))


def test_every_document_is_signed_in_the_offices_city(demo_ws: Workspace, reopened: str) -> None:
    assert set(SIGNED) <= set(BUILDERS)
    forum = demo_ws.read(lambda s: s.get(Forum, reopened))
    assert forum is not None and forum.venue == "Aula KPPN Sorong"
    demo_ws.write(units.update_unit, forum.unit_id, city="Aimas")
    for kind in SIGNED:
        text = printed(demo_ws, reopened, kind)
        assert re.search(r"Aimas, " + DATE, text), kind
        assert not re.search(r"Aula KPPN Sorong, " + DATE, text), kind


def test_no_city_leaves_the_place_to_write_by_hand(demo_ws: Workspace, reopened: str) -> None:
    forum = demo_ws.read(lambda s: s.get(Forum, reopened))
    assert forum is not None
    demo_ws.write(units.update_unit, forum.unit_id, city="")
    for kind in SIGNED:
        text = printed(demo_ws, reopened, kind)
        assert re.search(re.escape(wording.PLACE_PLACEHOLDER) + ", " + DATE, text), kind
        assert not re.search(r"Aula KPPN Sorong, " + DATE, text), kind
