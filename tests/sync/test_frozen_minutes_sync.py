"""Frozen minutes through a real server on 127.0.0.1, on SQLite and PostgreSQL (issue #13):
close on laptop A, sync, print on laptop B gives the same bytes, and again after later changes;
the office above holds them (without any contact detail) once a recommendation of the forum is
escalated to it, and prints the same bytes; another office never sees them; what a laptop
recorded offline before the close and synced after it is kept, marked and reported in the
follow-up report, never in the frozen minutes; two laptops that freeze the same forum at the
upgrade make one record."""

from __future__ import annotations

import json
import shutil
from datetime import date

from sqlalchemy import create_engine, delete, select, update

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.documents.printed import FOLDER, forum_minutes_pdf, minutes_pdf
from desktop.models import FrozenMinutes, OutboxOp, Participant, Recommendation
from desktop.reports import wording
from desktop.reports.followup import build_followup_report
from desktop.services import escalations, forums, frozen, participants, units
from desktop.services import recommendations as recs
from desktop.services.report_data import forum_report
from desktop.store.db import migrate
from desktop.sync.engine import sync_once
from protocol.vocab import FreezeCause
from server_stub.models import Record
from tests.reports.conftest import all_text
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, unit_id


def running_forum(ws: Workspace) -> str:
    forum = ws.write(
        forums.create_forum,
        unit_id=unit_id(ws, "KPPN-SORONG"),
        title="FKP Standar 2026",
        held_on="2026-11-30",
    )
    for name in ("Agustinus Wambrauw", "Zoë Łukasiewicz-Ñúñez"):
        person = ws.write(
            participants.add_participant,
            forum,
            name=name,
            category="pengguna layanan",
            phone="0812-7777-8888",
        )
        ws.write(participants.sign_in, person)
    ws.write(recs.add_recommendation, forum, text="Perkuat customer service", scope="unit", votes=2)
    ws.write(recs.add_recommendation, forum, text="Usulkan layanan jemput bola", scope="policy", votes=5)
    ws.write(forums.start_forum, forum)
    return forum


def rec_named(ws: Workspace, text: str) -> str:
    with ws.store.read() as session:
        return session.scalars(select(Recommendation.id).where(Recommendation.text == text)).one()


def test_close_on_one_laptop_print_on_another_gives_the_same_bytes(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum = running_forum(a)
    a.write(forums.close_forum, forum, document_number="BA-5/KPN.1701/2026")
    printed_on_a = forum_minutes_pdf(a, forum)
    assert sync_once(a).refused == 0
    sync_once(b)
    assert forum_minutes_pdf(b, forum) == printed_on_a
    # Later: the office's kop changes and triage goes on; both laptops still print the same file.
    b.write(units.update_unit, unit_id(b, "KPPN-SORONG"), full_name="Kantor Pelayanan Baru", head_name="Baru")
    b.write(recs.accept, rec_named(b, "Perkuat customer service"))
    assert sync_once(b).refused == 0
    sync_once(a)
    assert forum_minutes_pdf(a, forum) == printed_on_a == forum_minutes_pdf(b, forum)
    assert "Kantor Pelayanan Baru".upper() not in all_text(printed_on_a)


def test_the_office_above_holds_the_minutes_once_a_recommendation_is_escalated(
    device: Device, server: Running
) -> None:
    a, kanwil, other = device("a", "KPPN-SORONG"), device("k", "KANWIL-PBD"), device("m", "KPPN-MANOKWARI")
    forum = running_forum(a)
    a.write(forums.close_forum, forum)
    sync_once(a)
    sync_once(kanwil)
    assert kanwil.read(frozen.versions, forum) == []  # nothing escalated yet: the office's own
    policy = rec_named(a, "Usulkan layanan jemput bola")
    a.write(recs.accept, policy)
    a.write(escalations.escalate, policy)
    assert sync_once(a).refused == 0
    sync_once(kanwil)
    sync_once(other)
    [held] = kanwil.read(frozen.minutes_of_escalated, policy)
    assert minutes_pdf(kanwil, held.id) == forum_minutes_pdf(a, forum)
    with kanwil.store.read() as session:
        content = session.scalars(select(FrozenMinutes.content)).one()
        assert session.scalars(select(Participant.id)).all() == []  # the attendance list never went up
    assert "0812" not in json.dumps(content)
    assert all("phone" not in person and "email" not in person for person in content["attendees"])
    assert other.read(frozen.versions, forum) == []  # another office never sees them
    # Closed again after a reopening: the new version goes up too.
    a.write(forums.reopen_forum, forum, "Nama peserta salah ketik")
    a.write(forums.close_forum, forum)
    assert sync_once(a).refused == 0
    sync_once(kanwil)
    assert len(kanwil.read(frozen.minutes_of_escalated, policy)) == 2
    with server.store.transaction() as session:
        routed = session.scalars(select(Record.to_unit_id).where(Record.entity == "frozen_minutes")).all()
    assert set(routed) == {unit_id(a, "KANWIL-PBD")}


def test_what_was_recorded_offline_before_the_close_is_kept_and_reported_late(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum = running_forum(a)
    sync_once(a)
    sync_once(b)
    # B is offline: a walk-in signs in, a recommendation and a vote are recorded there.
    walk_in = b.write(participants.add_participant, forum, name="Yohanis Kambu", category="media")
    b.write(participants.sign_in, walk_in)
    b.write(recs.add_recommendation, forum, text="Sediakan ruang laktasi", scope="unit")
    b.write(recs.vote, rec_named(b, "Perkuat customer service"), 1)
    # Meanwhile A closes the forum: its minutes are frozen without them.
    a.write(forums.close_forum, forum)
    frozen_pdf = forum_minutes_pdf(a, forum)
    sync_once(a)
    assert sync_once(b).refused == 0  # kept: nothing B recorded is refused
    sync_once(a)
    assert forum_minutes_pdf(a, forum) == frozen_pdf == forum_minutes_pdf(b, forum)
    minutes = all_text(frozen_pdf)
    assert "Sediakan ruang laktasi" not in minutes and "Yohanis Kambu" not in minutes
    report = a.read(forum_report, forum)
    assert report.late is not None
    assert report.late.recommendations == {rec_named(a, "Sediakan ruang laktasi")}
    assert report.late.attendees == {walk_in}
    assert report.late.votes == {rec_named(a, "Perkuat customer service"): 1}
    followup = all_text(build_followup_report(report, as_of=date(2026, 12, 1)))
    assert f"Sediakan ruang laktasi ({wording.LATE})" in followup
    assert wording.LATE_HEADING in followup and "Yohanis Kambu" in followup and "+1" in followup


def _before_the_upgrade(ws: Workspace) -> None:
    """Take `ws` back to a laptop of the previous version: the forum closed, no frozen minutes."""
    data = ws.data_dir
    ws.close()
    engine = create_engine(f"sqlite:///{data / DB_FILENAME}")
    with engine.begin() as conn:
        conn.execute(delete(OutboxOp.__table__).where(OutboxOp.__table__.c.entity.in_(["frozen_minutes"])))
        migrate(conn, "0013")
    engine.dispose()


def test_two_laptops_freezing_the_same_forum_at_the_upgrade_make_one_record(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum = running_forum(a)
    a.write(forums.close_forum, forum)
    with a.store.write() as session:  # as if closed by the previous version: no snapshot anywhere
        session.execute(delete(FrozenMinutes))
        session.execute(delete(OutboxOp).where(OutboxOp.entity == "frozen_minutes"))
    assert sync_once(a).refused == 0
    sync_once(b)
    folders = []
    for ws in (a, b):
        folders.append(ws.data_dir)
        _before_the_upgrade(ws)
    a2, b2 = (Workspace.open(folder, Settings(language="en", operator="x")) for folder in folders)
    try:
        [on_a], [on_b] = a2.read(frozen.versions, forum), b2.read(frozen.versions, forum)
        assert on_a.id == on_b.id and on_a.cause == FreezeCause.UPGRADE
        assert sync_once(a2).refused == 0
        assert sync_once(b2).refused == 0  # the same record: not refused as an id taken
        with server.store.transaction() as session:
            assert len(session.scalars(select(Record.id).where(Record.entity == "frozen_minutes")).all()) == 1
        assert minutes_pdf(a2, on_a.id) == minutes_pdf(b2, on_b.id)
    finally:
        a2.close()
        b2.close()


def _as_the_previous_release_froze_it(ws: Workspace) -> None:
    """The snapshot (and the operation that sends it) as a Mufakat of before layout versions
    made it: no `layout` in its content (version 1)."""
    table = FrozenMinutes.__table__
    with ws.store.write() as session:  # below the journal: no release makes such a change
        for row_id, content in session.execute(select(table.c.id, table.c.content)).all():
            bare = {k: v for k, v in content.items() if k != "layout"}
            session.execute(update(table).where(table.c.id == row_id).values(content=bare))
        for op in session.scalars(select(OutboxOp).where(OutboxOp.entity == "frozen_minutes")):
            content = {k: v for k, v in op.fields["content"].items() if k != "layout"}
            op.fields = {**op.fields, "content": content}


def test_minutes_frozen_before_a_wording_change_print_alike_on_a_laptop_that_never_printed_them(
    device: Device, server: Running
) -> None:
    """Frozen on A by the previous release (version 1: a vulnerable participant counted as an
    unsur, labels lower case, signed at the venue while the office has no city), printed on A;
    B, fresh, never printed it: B prints the same bytes, and so does A after its own copy is
    gone (an upgrade that lays documents out otherwise no longer reads it)."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    a.write(units.update_unit, unit_id(a, "KPPN-SORONG"), city="")
    forum = running_forum(a)
    a.write(forums.update_forum, forum, venue="Aula KPPN Sorong")
    person = a.write(
        participants.add_participant, forum, name="Maria Kambu", category="lsm", vulnerable=True
    )
    a.write(participants.sign_in, person)
    a.write(forums.close_forum, forum, document_number="BA-9/KPN.1701/2026")
    _as_the_previous_release_froze_it(a)
    printed_on_a = forum_minutes_pdf(a, forum)
    text = all_text(printed_on_a)
    assert "Unsur masyarakat yang hadir: 3 (tiga) unsur" in text  # pengguna layanan, lsm, kelompok rentan
    assert "lsm/organisasi masyarakat" in text and "Aula KPPN Sorong, 30 November 2026" in text
    assert sync_once(a).refused == 0
    with server.store.transaction() as session:
        stored = session.scalars(select(Record.data).where(Record.entity == "frozen_minutes")).one()
    assert "layout" not in stored["content"]
    sync_once(b)
    assert not (b.data_dir / FOLDER).exists()
    assert forum_minutes_pdf(b, forum) == printed_on_a
    shutil.rmtree(a.data_dir / FOLDER)
    assert forum_minutes_pdf(a, forum) == printed_on_a
    # Frozen now: the newest wording, alike on both laptops.
    a.write(forums.reopen_forum, forum, "Nomor salah ketik")
    a.write(forums.close_forum, forum, document_number="BA-10/KPN.1701/2026")
    assert sync_once(a).refused == 0
    sync_once(b)
    latest = forum_minutes_pdf(b, forum)
    assert latest == forum_minutes_pdf(a, forum) and "Keragaman peserta" in all_text(latest)
    assert forum_minutes_pdf(b, forum, version=1) == printed_on_a
