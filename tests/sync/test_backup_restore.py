"""A laptop put back to one of its backups with `mufakat restore`: sync brings back what the
server has that the backup lacks (its own later records too), sends what the backup holds that
the server lacks, and counts its votes once (the device_high / restored-copy mechanics)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.config import Settings
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.engine import sync_once
from tests.sync.conftest import Running
from tests.sync.test_actions import two_recs
from tests.sync.test_votes import server_votes, votes_on

Device = Callable[..., Workspace]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_a_laptop_restored_with_the_restore_command_loses_nothing_on_either_side(
    device: Device, server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    folder = a.data_dir
    forum, rec, other = two_recs(a)  # rec has 5 votes from a
    sync_once(a)
    unsent = a.write(recs.add_recommendation, forum, text="Belum terkirim saat dicadangkan", scope="unit")
    a.write(recs.vote, rec)
    backup = Path(cli(capsys, "--data-dir", str(folder), "backup").strip())  # while a is open

    later = a.write(recs.add_recommendation, forum, text="Usulan sesudah cadangan", scope="unit")
    a.write(recs.edit_recommendation, other, text="Diubah sesudah cadangan")
    a.write(recs.vote, rec)
    sync_once(a)
    assert server_votes(server, rec)[0] == 7
    sync_once(b)
    from_b = b.write(recs.add_recommendation, forum, text="Dari laptop b", scope="unit")
    sync_once(b)
    a.close()

    out = cli(capsys, "--data-dir", str(folder), "restore", str(backup))  # the disk was damaged
    assert "replaced is kept as" in out
    a = Workspace.open(folder, Settings(language="en", operator="a"))
    try:
        assert "Usulan sesudah cadangan" not in a.read(export_json)
        a.write(recs.vote, rec)  # a vote made on the restored copy, before it syncs
        report = sync_once(a)
        assert report.restored_copy and report.refused == 0
        sync_once(b)
        data = a.read(export_json)
        for record in (unsent, later, from_b):
            assert record in data
        assert "Diubah sesudah cadangan" in data
        assert server_votes(server, rec) == (8, {a.ctx.device_id: 8})
        assert votes_on(a, rec) == (8, {a.ctx.device_id: 8})
        assert a.read(export_json) == b.read(export_json)
    finally:
        a.close()
