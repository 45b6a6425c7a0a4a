"""A laptop moved to a new one, its unsent changes also exported as a file (belt and braces), and
then the server restored from a backup: the new laptop sends its whole state again, and the
exported file imported afterwards holds creates of records the server now has again. Those are
the very records (same id, same creation stamp, same office): the server takes them as already
there, and nothing is refused, set aside, offered to be copied as new, or counted twice."""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.config import Settings
from desktop.models import Recommendation
from desktop.services import recommendations as recs
from desktop.services.attention import refused_items
from desktop.services.export import export_json
from desktop.sync.engine import enroll, sync_once
from protocol.ids import new_id
from server_stub.__main__ import main as server_main
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.crafted import NOW, Raw, World, on_server, valid_fields
from tests.sync.test_actions import two_recs
from tests.sync.test_move_laptop import Device
from tests.sync.test_sync_restore import copy_database, server_file
from tests.sync.test_votes import server_votes


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def recs_titled(ws: Workspace, text: str) -> int:
    with ws.store.read() as session:
        return session.scalar(select(func.count()).where(Recommendation.text == text)) or 0


def test_an_exported_outbox_imported_after_a_restore_is_taken_as_already_there(
    device: Device, server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = server_file(server)
    old, b = device("old", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, rec, _other = two_recs(old)
    sync_once(old)
    typed = "Diketik di laptop lama sebelum pindah"
    unsent = old.write(recs.add_recommendation, forum, text=typed, scope="unit")
    old.write(recs.vote, unsent)
    old.write(recs.vote, rec)
    exported = tmp_path / "unsent.json"
    cli(capsys, "--data-dir", str(old.data_dir), "outbox", "export", "-o", str(exported))
    assert len(json.loads(exported.read_text())["ops"]) >= 3
    moved = tmp_path / "pindah.zip"
    cli(capsys, "--data-dir", str(old.data_dir), "move", "export", "-o", str(moved))

    target = tmp_path / "new"
    target.mkdir()
    (target / "device-secret").write_text(secrets.token_urlsafe(32))
    cli(capsys, "--data-dir", str(target), "move", "import", str(moved))
    new = Workspace.open(target, Settings(language="en", operator="baru"))
    try:
        enroll(new, server.url, server.code("KPPN-SORONG"))
        backup = tmp_path / "backup.sqlite3"
        copy_database(live, backup)  # tonight's backup: the new laptop enrolled, nothing sent yet
        assert sync_once(new).refused == 0  # the moved changes reach the server
        copy_database(backup, live)  # the disk failed; the administrator restores the backup
        assert server_main(["restored", "--db", f"sqlite:///{live}"]) == 0
        with server.store.transaction() as session:
            assert session.get(Record, ("recommendations", unsent)) is None
        sync_once(new)  # a new epoch: the new laptop sends its whole state again
        sync_once(new)
        with server.store.transaction() as session:
            again = session.get(Record, ("recommendations", unsent))
            assert again is not None and again.data["text"] == typed

        out = cli(capsys, "--data-dir", str(target), "outbox", "import", str(exported))
        assert "queued" in out or "import" in out.lower()
        report = sync_once(new)
        assert report.refused == 0
        assert new.read(refused_items) == []  # nothing to retry, discard or copy as new
        sync_once(b)
        for ws in (new, b):
            assert recs_titled(ws, typed) == 1
        assert server_votes(server, unsent)[0] == 1  # the one vote, counted once
        assert server_votes(server, rec)[0] == 6
        assert new.read(export_json) == b.read(export_json)
        with sqlite3.connect(live) as db:
            assert db.execute("SELECT count(*) FROM records WHERE id = ?", (unsent,)).fetchone()[0] == 1
    finally:
        new.close()


def test_only_the_very_record_of_the_same_office_is_taken_as_already_there(
    world: World, raw: Callable[[Workspace], Raw], device: Device, server: Running
) -> None:
    """On both databases: a create whose creation stamp is the record's (the same creation sent
    again under another operation id, as after a restore), or whose fields are the record's, is
    answered applied and changes nothing; a create of that id by another creation of the same
    office, or by another office with the very same stamp and fields, is still `id_taken`."""
    kppn = raw(world.kppn)
    record = new_id()
    fields = valid_fields("recommendations", kppn.unit_id, forum_id=world.forum, scope="unit", text="Asli")
    made = kppn.op("recommendations", record, "create", fields)
    assert kppn.push(made) == [{"op_id": made["op_id"], "status": "applied"}]
    edit = kppn.op("recommendations", record, "update", {"set": {"text": "Diubah"}, "base": {}, "at": NOW})
    assert kppn.push(edit)[0]["status"] == "applied"
    before = on_server(server, "recommendations", record)
    assert before is not None

    again = {**made, "op_id": new_id()}  # the same creation; its operation id forgotten by the server
    assert kppn.push(again) == [{"op_id": again["op_id"], "status": "applied"}]
    alike = kppn.op("recommendations", record, "create", {**fields, "text": "Diubah"})
    assert kppn.push(alike) == [{"op_id": alike["op_id"], "status": "applied"}]  # the fields it holds
    untouched = on_server(server, "recommendations", record)
    assert untouched is not None and untouched.seq == before.seq  # no laptop is sent anything new
    other_creation = kppn.op("recommendations", record, "create", fields)  # a new stamp, older fields
    assert kppn.refusal(other_creation)[0] == "id_taken"
    manokwari = raw(world.other)
    theirs = valid_fields("recommendations", manokwari.unit_id, forum_id=world.other_forum, scope="unit", text="Asli")
    stolen = {**made, "op_id": new_id(), "fields": theirs}
    assert manokwari.refusal(stolen)[0] in ("id_taken", "not_your_record")
    after = on_server(server, "recommendations", record)
    assert after is not None
    assert (after.data, after.clocks, after.unit_id) == (before.data, before.clocks, before.unit_id)
