"""A refusal that passes by itself leaves the change queued (issue #12, "recoverable refusals stay
queued"): the server refuses a change to a record it does not hold, which this laptop holds;
the record comes back (this laptop re-sends its state after noticing a restore, or the action
creating it arrives) and the change goes through, with nothing set aside as noise. A change
that keeps being refused is set aside after a few attempts and shown; a change to a record
this laptop no longer holds is set aside at once. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.models import OutboxOp, Participant, Recommendation, RejectedOp
from desktop.services import attention, forums, participants, refused
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync import outbox
from desktop.sync.engine import sync_once
from desktop.sync.recoverable import MAX_RETRIES
from server_stub.__main__ import main as server_main
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_restore_enrollments import copy_database, live_url, spare_database
from tests.sync.test_sync_basics import Device, make_forum


def set_aside(ws: Workspace) -> list[RejectedOp]:
    with ws.store.read() as session:
        return list(session.scalars(select(RejectedOp)))


def queued(ws: Workspace) -> int:
    with ws.store.read() as session:
        return len(session.scalars(select(OutboxOp)).all())


def on_server(server: Running, record_id: str) -> Record | None:
    with server.store.transaction() as session:
        return session.get(Record, ("recommendations", record_id))


def test_a_change_refused_before_the_laptop_notices_a_restore_goes_through(
    device: Device, server: Running, tmp_path: Path
) -> None:
    """The server is restored from last night's backup; laptop b, not knowing yet, edits a
    recommendation made after the backup. Its push comes first and is refused (the server has
    no such record); its pull then notices the new epoch and b sends its whole state again. The
    edit arrives with it: nothing is shown to the user as refused."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, _rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    with spare_database(server, tmp_path) as backup:
        copy_database(live_url(server), backup)  # tonight's backup
        later = a.write(recs.add_recommendation, forum, text="Usulan sesudah backup", scope="unit")
        sync_once(a)
        sync_once(b)
        copy_database(backup, live_url(server))  # the disk failed: last night's copy is back
    assert server_main(["restored", "--db", live_url(server)]) == 0  # as the administrator must
    assert on_server(server, later) is None
    b.write(recs.edit_recommendation, later, text="Usulan sesudah backup, diperbaiki di B")
    report = sync_once(b)
    assert report.refused == 0 and report.requeued > 0
    assert set_aside(b) == []
    assert queued(b) == 0
    held = on_server(server, later)
    assert held is not None and held.data["text"] == "Usulan sesudah backup, diperbaiki di B"
    sync_once(a)
    sync_once(b)
    assert a.read(export_json) == b.read(export_json)
    assert set_aside(a) == []


def test_a_change_that_keeps_being_refused_is_set_aside_then_retried(
    device: Device, server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    """The server lost a record without anything a laptop could notice: the change to it waits
    a few syncs (each one sends it again, the rest goes through), then it is shown. Retrying it
    sends the record whole with the change, and it arrives."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    with server.store.transaction() as session:
        session.execute(delete(Record).where(Record.id == rec))
    b.write(recs.edit_recommendation, rec, text="Perkuat customer service (B)")
    assert main(["--data-dir", str(b.data_dir), "--lang", "en", "sync"]) == 0
    assert "1 change(s) wait for a record the server does not have yet" in capsys.readouterr().out
    for attempt in range(1, MAX_RETRIES):
        other = b.write(recs.add_recommendation, forum, text=f"Usulan lain {attempt}", scope="unit")
        report = sync_once(b)
        assert (report.refused, report.waiting) == (0, 1), attempt
        assert on_server(server, other) is not None  # never blocks the rest
        assert set_aside(b) == [] and queued(b) == 2  # the edit and its history entry
    assert main(["--data-dir", str(b.data_dir), "--lang", "en", "sync"]) == 0  # as from a terminal
    said = capsys.readouterr().out
    assert "1 refused by the server" in said and "“Needs attention”" in said
    [item] = b.read(attention.refused_items)
    assert (item.code, item.entity_id, item.can_retry) == ("unknown_record", rec, True)
    assert item.what == "Recommendation “Perkuat customer service (B)”: changed: Text"
    b.write(refused.retry, item.key)
    assert sync_once(b).refused == 0
    held = on_server(server, rec)
    assert held is not None and held.data["text"] == "Perkuat customer service (B)"
    assert b.read(attention.refused_items) == []
    sync_once(a)
    assert a.read(export_json) == b.read(export_json)


def test_a_change_to_a_record_whose_create_was_refused_is_set_aside_with_it(
    device: Device, server: Running
) -> None:
    """A recommendation typed into a forum the server refused, then edited: the edit could
    never apply (the record will not be on the server), so it is not kept waiting; it is part
    of the forum's item."""
    b = device("b", "KPPN-SORONG")
    with b.store.read() as session:
        from desktop.models import Unit

        kanwil = session.scalars(select(Unit.id).where(Unit.code == "KANWIL-PBD")).one()
    forum = b.write(forums.create_forum, unit_id=kanwil, title="FKP salah kantor", held_on="2024-08-21")
    rec = b.write(recs.add_recommendation, forum, text="Loket prioritas", scope="unit")
    b.write(recs.edit_recommendation, rec, text="Loket prioritas lansia")
    report = sync_once(b)
    assert (report.refused, report.waiting) == (3, 0)
    assert queued(b) == 0
    [item] = b.read(attention.refused_items)
    assert item.code == "not_your_record" and item.entity == "forums"
    assert item.what == "Forum “FKP salah kantor”: added"
    assert item.later == (
        "Recommendation “Loket prioritas”: added",
        "Recommendation “Loket prioritas”: changed: Text",
    )
    with b.store.read() as session:
        assert session.get(Recommendation, rec) is None  # not left as if it existed


def test_a_change_sent_before_the_record_it_needs_goes_through_in_the_same_sync(device: Device) -> None:
    """A participant queued before the action that creates its forum (the forum's went out
    again later: retried, or imported from another laptop's outbox): the server does not know
    the forum yet and refuses the participant; the forum applies after it in the same push, so
    the participant goes out once more at once, and nothing waits."""
    b = device("b", "KPPN-SORONG")
    home = b.ctx.home_unit_id
    assert home is not None
    forum = b.write(forums.create_forum, unit_id=home, title="FKP Sorong", held_on="2024-08-21")
    person = b.write(participants.add_participant, forum, name="Martina Rumbiak", category="satker")
    with b.store.remote_write() as session:  # the forum's action now comes last
        action = session.scalars(select(OutboxOp.action_id).where(OutboxOp.entity_id == forum)).one()
        high = outbox.device_high(session)
        places = session.scalars(
            select(OutboxOp.device_seq).where(OutboxOp.action_id == action).order_by(OutboxOp.device_seq)
        ).all()
        for n, place in enumerate(places, start=1):
            session.execute(update(OutboxOp).where(OutboxOp.device_seq == place).values(device_seq=high + n))
        outbox.raise_device_high(session, high + len(places))
    report = sync_once(b)
    assert (report.refused, report.waiting) == (0, 0)
    assert queued(b) == 0 and set_aside(b) == []
    with b.store.read() as session:
        assert session.get(Participant, person) is not None
