"""The demo data is the real forum of seed 000 (KPPN Sorong, Wednesday 21 August 2024)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import Category, ForumStatus, OfficeZone, RecStatus, Scope
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


def test_every_time_of_the_demo_lies_on_its_day(demo_ws: Workspace, demo_forum: str) -> None:
    """The recap shows sign-in times of the forum's morning, not of the day the demo was loaded;
    the close and its frozen berita acara are on the forum's day, the triage after it."""
    from desktop.models import AuditEvent, FrozenMinutes
    from desktop.services.recap import forum_recap

    wit = OfficeZone.WIT.tzinfo()
    recap = demo_ws.read(forum_recap, demo_forum)
    signed = [p.signed_in_at for p in recap.participants if p.attended]
    assert signed and all(at is not None and at.astimezone(wit).date() == recap.held_on for at in signed)
    assert all(time(8) <= at.astimezone(wit).time() <= time(9, 30) for at in signed if at is not None)
    with demo_ws.store.read() as session:
        forum = session.get(Forum, demo_forum)
        assert forum is not None and forum.status_at is not None
        assert forum.status_at.astimezone(wit) == datetime(2024, 8, 21, 12, tzinfo=wit)  # closed at noon
        frozen = session.scalars(select(FrozenMinutes.frozen_at).where(FrozenMinutes.forum_id == demo_forum)).one()
        assert frozen.astimezone(wit).date() == recap.held_on
        recs = session.scalars(select(Recommendation).where(Recommendation.forum_id == demo_forum)).all()
        assert all(r.created_at.astimezone(wit).date() == recap.held_on for r in recs)
        history = session.scalars(
            select(AuditEvent.at).where(AuditEvent.entity_id.in_([r.id for r in recs]))
        ).all()
        days = {at.astimezone(wit).date() for at in history}
        assert min(days) == recap.held_on and max(days) < date(2024, 10, 1)  # the weeks after the forum
        assert all(at <= datetime.now(wit) for at in history)
