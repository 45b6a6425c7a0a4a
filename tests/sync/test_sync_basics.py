from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.vocab import Outcome, RecStatus
from desktop.models import Escalation, Forum, Recommendation, RejectedOp, Unit
from desktop.services import escalations, followups, forums, participants, queries
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.client import SyncRefused
from desktop.sync.engine import sync_once
from server_stub import admin
from tests.sync.conftest import Running

Device = Callable[[str, str], Workspace]


def unit_id(ws: Workspace, code: str) -> str:
    with ws.store.read() as session:
        return session.scalars(select(Unit.id).where(Unit.code == code)).one()


def make_forum(ws: Workspace) -> tuple[str, str]:
    forum = ws.write(
        forums.create_forum, unit_id=unit_id(ws, "KPPN-SORONG"), title="FKP 2024", held_on="2024-08-21"
    )
    person = ws.write(
        participants.add_participant, forum, name="Martina Rumbiak", category="satker", gender="P"
    )
    rec = ws.write(
        recs.add_recommendation,
        forum,
        text="Perkuat customer service",
        scope="unit",
        raised_by_id=person,
        votes=3,
    )
    return forum, rec


def found_on(ws: Workspace, text: str) -> list[str]:
    with ws.store.read() as session:
        page = queries.list_recommendations(session, queries.RecommendationFilter(text=text))
    return sorted(row.text for row in page.rows)


def test_pulled_recommendations_are_searchable(device: Device) -> None:
    """Pulled rows enter the full-text index (they are inserted in bulk, not row by row)."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, rec = make_forum(a)
    for n in range(30):
        a.write(recs.add_recommendation, forum, text=f"Percepat pelayanan loket nomor {n}", scope="unit")
    sync_once(a)
    sync_once(b)
    assert found_on(b, "customer") == ["Perkuat customer service"]
    assert len(found_on(b, "layan")) == 30
    a.write(recs.edit_recommendation, rec, text="Perkuat layanan pengaduan daring")
    sync_once(a)
    sync_once(b)
    assert found_on(b, "customer") == []
    assert found_on(b, "daring") == ["Perkuat layanan pengaduan daring"]
    assert found_on(b, "layan") == found_on(a, "layan")


def test_created_on_a_is_identical_on_b(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    a.write(recs.vote, rec)
    a.write(recs.accept, rec)
    a.write(
        followups.assign_follow_up, rec, action="Tambah petugas CS", owner="Kasubag Umum", due_on="2024-09-30"
    )
    report = sync_once(a)
    assert report.pushed > 0 and report.refused == 0
    sync_once(b)
    assert b.read(export_json) == a.read(export_json)
    with b.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None and row.status == RecStatus.IN_PROGRESS and row.votes == 4


def test_not_enrolled_gives_a_clear_message(tmp_path) -> None:
    from desktop.core.config import Settings

    ws = Workspace.open(tmp_path / "lonely", Settings(language="en"))
    with pytest.raises(InputError, match="not enrolled"):
        sync_once(ws)
    ws.close()


def test_escalation_travels_up_and_the_answer_comes_back(device: Device) -> None:
    kppn, kanwil, other = (
        device("kppn", "KPPN-SORONG"),
        device("kanwil", "KANWIL-PBD"),
        device("m", "KPPN-MANOKWARI"),
    )
    forum = kppn.write(
        forums.create_forum, unit_id=unit_id(kppn, "KPPN-SORONG"), title="FKP", held_on="2024-08-21"
    )
    kppn.write(
        participants.add_participant,
        forum,
        name="Agustinus Wambrauw",
        category="satker",
        phone="081200000000",
    )
    rec = kppn.write(
        recs.add_recommendation, forum, text="Layanan jemput bola bagi satker terpencil", scope="policy"
    )
    kppn.write(recs.accept, rec)
    kppn.write(escalations.escalate, rec, "Mohon arahan")
    sync_once(kppn)

    sync_once(kanwil)
    with kanwil.store.read() as session:
        [received] = session.scalars(select(Escalation)).all()
        assert (
            received.rec_text == "Layanan jemput bola bagi satker terpencil" and received.forum_title == "FKP"
        )
        assert session.scalars(select(Forum)).all() == []  # the forum itself stays home
        from desktop.models import Participant

        assert session.scalars(select(Participant)).all() == []  # no attendance list, no phone numbers
    kanwil.write(escalations.answer, received.id, Outcome.ADOPTED, "Diakomodasi dalam standar layanan 2025")
    assert sync_once(kanwil).refused == 0

    sync_once(kppn)
    with kppn.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None and row.status == RecStatus.ANSWERED and row.outcome == Outcome.ADOPTED
        assert row.status_reason == "Diakomodasi dalam standar layanan 2025"

    sync_once(other)
    with other.store.read() as session:
        assert session.scalars(select(Escalation)).all() == []
        assert session.scalars(select(Recommendation)).all() == []
        assert len(session.scalars(select(Unit)).all()) == 4  # the unit tree is shared


def test_revoked_device_is_refused(device: Device, server: Running) -> None:
    a = device("a", "KPPN-SORONG")
    with server.store.transaction() as session:
        admin.revoke(session, a.ctx.device_id)
    with pytest.raises(SyncRefused, match="revoked"):
        sync_once(a)


def refused_on(ws: Workspace) -> RejectedOp:
    """The one user action `ws` has set aside: its refused operation (the others of the action
    were refused with it, naming it)."""
    with ws.store.read() as session:
        kept = session.scalars(select(RejectedOp)).all()
    [first] = [op for op in kept if op.code != "action_refused"]
    assert {op.action_id for op in kept} == {first.action_id}
    assert all(op.params == {"op_id": first.op_id, "code": first.code} for op in kept if op is not first)
    return first


def stale_rejection(a: Workspace, b: Workspace) -> tuple[str, str]:
    """A recommendation both devices hold; a accepts it and syncs, then b, not having seen the
    acceptance, rejects it: a change the server will refuse. Returns (forum, recommendation)."""
    forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    a.write(recs.accept, rec)
    sync_once(a)
    b.write(recs.reject, rec, "Duplikat")
    return forum, rec


def test_stale_transition_is_refused_and_does_not_block_the_queue(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, rec = stale_rejection(a, b)
    later = b.write(recs.add_recommendation, forum, text="Sediakan ruang laktasi", scope="unit")
    report = sync_once(b)
    assert report.refused == 1 and report.pushed >= 1
    refused = refused_on(b)
    assert refused.entity_id == rec and refused.code == "stale_transition"
    assert refused.params == {
        "entity": "recommendations",
        "id": rec,
        "action": "reject",
        "status": "accepted",
    }
    with b.store.read() as session:
        assert session.get(Recommendation, rec).status == RecStatus.ACCEPTED  # type: ignore[union-attr]
    sync_once(a)
    with a.store.read() as session:
        assert session.get(Recommendation, later) is not None


def test_data_typed_before_enrollment_is_rehomed_and_pushed_once(
    tmp_path, server: Running, device: Device
) -> None:
    from desktop.core.config import Settings
    from desktop.services import demo
    from desktop.sync.engine import enroll

    early = Workspace.open(tmp_path / "early", Settings(language="en", operator="early"))
    forum_id = early.write(demo.load_demo).forum_id  # weeks of work on local units
    with early.store.read() as session:
        local_kppn = session.scalars(select(Unit.id).where(Unit.code == "KPPN-SORONG")).one()
    enroll(early, server.url, server.code("KPPN-SORONG"))
    report = sync_once(early)
    assert report.refused == 0 and report.pushed > 0
    with early.store.read() as session:
        kppn = session.scalars(select(Unit).where(Unit.code == "KPPN-SORONG")).one()
        assert kppn.id != local_kppn and kppn.head_name == "Gandung Triyasmoko"  # letterhead kept
        assert session.get(Forum, forum_id).unit_id == kppn.id  # type: ignore[union-attr]
        assert len(session.scalars(select(Unit)).all()) == 4  # no duplicates of the tree
    colleague = device("colleague", "KPPN-SORONG")
    assert colleague.read(export_json) == early.read(export_json)
    kanwil = device("kanwil", "KANWIL-PBD")
    with kanwil.store.read() as session:
        assert len(session.scalars(select(Escalation)).all()) == 2  # the demo's escalations arrived
    assert sync_once(early).pushed == 0  # everything went exactly once
    early.close()
