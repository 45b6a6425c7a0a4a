"""Reopening a closed forum travels like the other forum transitions: the server checks it
against the same life cycle (a reopen of a forum that is not closed is refused), and the
reason reaches every laptop in the audit trail. On SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import ForumStatus
from desktop.models import AuditEvent, Forum, RejectedOp
from desktop.services import forums
from desktop.sync.engine import sync_once
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, make_forum


def status_on(ws: Workspace, forum_id: str) -> ForumStatus:
    with ws.store.read() as session:
        forum = session.get(Forum, forum_id)
        assert forum is not None
        return forum.status


def closed_on_both(a: Workspace, b: Workspace) -> str:
    forum, _rec = make_forum(a)
    a.write(forums.start_forum, forum)
    a.write(forums.close_forum, forum)
    sync_once(a)
    sync_once(b)
    assert status_on(b, forum) == ForumStatus.CLOSED
    return forum


def test_a_reopen_reaches_the_server_and_the_other_laptop_with_its_reason(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum = closed_on_both(a, b)
    a.write(forums.reopen_forum, forum, "Kesepakatan ketiga belum tercatat")
    assert sync_once(a).refused == 0
    with server.store.transaction() as session:
        record = session.scalars(select(Record).where(Record.id == forum)).one()
        assert record.data["status"] == "running"
    sync_once(b)
    assert status_on(b, forum) == ForumStatus.RUNNING
    with b.store.read() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == forum, AuditEvent.action == "reopen")
        ).one()
    assert event.after["reason"] == "Kesepakatan ketiga belum tercatat"


def test_a_reopen_of_a_forum_already_reopened_elsewhere_is_refused(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum = closed_on_both(a, b)
    a.write(forums.reopen_forum, forum, "Daftar hadir susulan")
    sync_once(a)
    b.write(forums.reopen_forum, forum, "Nomor dokumen salah")  # b has not seen a's reopen
    report = sync_once(b)
    assert report.refused == 1
    with b.store.read() as session:  # the reopen and its audit event: one action, refused whole
        [refused] = session.scalars(select(RejectedOp).where(RejectedOp.entity == "forums")).all()
    assert refused.entity_id == forum and "Could not reopen this forum" in refused.reason
    assert "already running" in refused.reason  # worded on the laptop from the server's code
