"""The sample forum loaded beside a real office's own stays on its laptop (issue #11): the
office's server, with a KPPN Sorong, a Kanwil and a DJPb of the demo's very codes, never gets
its units, forum, recommendations or escalations, nor its removal; the office's own work syncs
as ever and nothing is refused."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.models import Escalation, Forum, OutboxOp, Recommendation, RejectedOp, Unit
from desktop.services import demo, forums
from desktop.services import recommendations as recs
from desktop.sync.engine import sync_once
from desktop.sync.repush import requeue_everything

Device = Callable[[str, str], Workspace]


def titles(ws: Workspace) -> list[str]:
    with ws.store.read() as session:
        return sorted(session.scalars(select(Forum.title).where(Forum.deleted.is_(False))))


def test_the_sample_forum_never_reaches_the_offices_server(device: Device) -> None:
    laptop, colleague = device("laptop", "KPPN-SORONG"), device("colleague", "KPPN-SORONG")
    office = laptop.ctx.home_unit_id
    own = laptop.write(forums.create_forum, unit_id=office, title="FKP Standar Pelayanan 2026", held_on="2026-12-07")
    laptop.write(forums.start_forum, own)
    laptop.write(recs.add_recommendation, own, text="Perpanjang jam layanan loket", scope="unit")
    sample = laptop.write(demo.load_sample).forum_id
    with laptop.store.read() as session:
        assert session.get(Forum, sample).unit_id != office  # the office's KPPN Sorong is not the demo's
        assert session.scalar(select(func.count()).select_from(Escalation)) == 2  # escalated, in the sample

    sync_once(laptop)
    sync_once(colleague)
    assert titles(colleague) == ["FKP Standar Pelayanan 2026"]  # the office's forum came, the sample did not
    with colleague.store.read() as session:
        assert not session.scalars(select(Unit).where(Unit.code.like("CONTOH-%"))).all()
        assert not session.scalars(select(Recommendation).where(Recommendation.forum_id == sample)).all()
        assert not session.scalars(select(Escalation)).all()  # the Kanwil above got no demo escalation
    with laptop.store.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 0  # all sent
        assert session.scalar(select(func.count()).select_from(RejectedOp)) == 0  # nothing refused

    # A server that lost its data: the laptop re-sends what it holds, never the sample.
    with laptop.store.write() as session:
        requeue_everything(session)
        queued_units = {op.fields["unit_id"] for op in session.scalars(select(OutboxOp))}
        assert queued_units == {office}  # its history too: none of the sample's
        session.execute(OutboxOp.__table__.delete())  # type: ignore[arg-type]

    laptop.write(demo.remove_sample)
    assert titles(laptop) == ["FKP Standar Pelayanan 2026"]
    sync_once(laptop)
    with laptop.store.read() as session:
        assert session.scalar(select(func.count()).select_from(RejectedOp)) == 0
