"""The demo data is the real forum of seed 000 (KPPN Sorong, Wednesday 21 August 2024)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, ForumStatus, RecStatus, Scope
from desktop.models import Escalation, Forum, Participant, Recommendation, Unit
from desktop.services import demo
from desktop.services.export import export_json
from desktop.services.units import chain_upward


def test_demo_is_the_sorong_forum(demo_ws: Workspace, demo_forum: str) -> None:
    with demo_ws.store.read() as session:
        forum = session.get(Forum, demo_forum)
        assert forum is not None
        assert forum.held_on == date(2024, 8, 21) and forum.held_on.strftime("%A") == "Wednesday"
        assert forum.status == ForumStatus.CLOSED
        assert [u.name for u in chain_upward(session, forum.unit_id)] == [
            "KPPN Sorong",
            "Kanwil DJPb Provinsi Papua Barat Daya",
            "Direktorat Jenderal Perbendaharaan",
        ]
        head = session.get(Unit, forum.unit_id)
        assert head is not None and head.head_name == "Gandung Triyasmoko"
        people = session.scalars(select(Participant).where(Participant.forum_id == demo_forum)).all()
        # The article: satker, stakeholders, service users and academics.
        assert {p.category for p in people} == {
            Category.CLIENT_OFFICE,
            Category.STAKEHOLDER,
            Category.SERVICE_USER,
            Category.ACADEMIC,
        }
        rows = session.scalars(select(Recommendation).where(Recommendation.forum_id == demo_forum)).all()
        texts = {r.scope: [x.text for x in rows if x.scope == r.scope] for r in rows}
        assert any("customer service" in t for t in texts[Scope.UNIT])
        assert any("kualitas layanan" in t for t in texts[Scope.UNIT])
        assert len(texts[Scope.POLICY]) >= 2
        statuses = {r.status for r in rows}
        assert {
            RecStatus.IN_PROGRESS,
            RecStatus.DONE,
            RecStatus.ESCALATED,
            RecStatus.MERGED,
            RecStatus.REJECTED,
        } <= statuses
        sent = session.scalars(select(Escalation)).all()
        kanwil = next(u for u in session.scalars(select(Unit)) if u.code == "KANWIL-PBD")
        assert len(sent) == 2 and all(e.to_unit_id == kanwil.id for e in sent)


def test_loading_the_demo_twice_changes_nothing(demo_ws: Workspace) -> None:
    before = demo_ws.read(export_json)
    result = demo_ws.write(demo.load_demo)
    assert not result.created
    assert demo_ws.read(export_json) == before


def test_demo_sets_this_device_to_kppn_sorong(demo_ws: Workspace) -> None:
    with demo_ws.store.read() as session:
        assert session.get(Unit, demo_ws.store.device().home_unit_id).code == "KPPN-SORONG"  # type: ignore[union-attr]
