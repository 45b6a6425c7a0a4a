"""A laptop restored from a copy of its data folder gets back its own later records (issue #12).

The copy does not know what the laptop did after it was taken, and the server does not send a
device the records only that device changed (no echo). The device tells the server the highest
operation number it ever made; the server knows the highest it applied from it; a lower one
means a restored copy, which then pulls everything again, its own records too. Votes it made
on the copy count from what the server holds, never from the copy's older count."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.engine import sync_once
from tests.sync.conftest import Running
from tests.sync.test_actions import two_recs
from tests.sync.test_votes import server_votes, votes_on

Device = Callable[..., Workspace]


def reopen(path: Path) -> Workspace:
    return Workspace.open(path, Settings(language="en", operator="a"))


def test_a_laptop_restored_from_a_copy_gets_its_later_records_back(
    device: Device, server: Running, tmp_path: Path
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    folder = a.data_dir
    forum, rec, other = two_recs(a)  # rec has 5 votes from a
    sync_once(a)
    a.write(recs.vote, rec)  # still queued when the copy is taken
    a.close()
    copy = tmp_path / "copy-of-a"
    shutil.copytree(folder, copy)  # the office's backup of the laptop's folder

    a = reopen(folder)  # the laptop goes on working for days
    later = a.write(recs.add_recommendation, forum, text="Usulan sesudah salinan dibuat", scope="unit")
    a.write(recs.edit_recommendation, other, text="Diubah sesudah salinan dibuat")
    for _ in range(3):
        a.write(recs.vote, rec)
    a.write(recs.accept, later)
    sync_once(a)
    assert server_votes(server, rec)[0] == 9
    a.close()

    shutil.rmtree(folder)  # its disk fails; the copy is put back
    shutil.copytree(copy, folder)
    a = reopen(folder)
    try:
        a.write(recs.vote, rec)  # a vote made on the restored copy, before it syncs
        report = sync_once(a)
        assert report.restored_copy and report.refused == 0
        assert server_votes(server, rec) == (10, {a.ctx.device_id: 10})
        assert votes_on(a, rec) == (10, {a.ctx.device_id: 10})
        data = a.read(export_json)
        assert "Usulan sesudah salinan dibuat" in data and "Diubah sesudah salinan dibuat" in data
        sync_once(b)
        assert a.read(export_json) == b.read(export_json)
        assert not sync_once(a).restored_copy  # once caught up, an ordinary laptop again
        new = a.write(recs.add_recommendation, forum, text="Usulan sesudah pemulihan", scope="unit")
        sync_once(a)
        sync_once(b)
        assert new in b.read(export_json)
        assert a.read(export_json) == b.read(export_json)
    finally:
        a.close()


def test_a_restored_copy_with_nothing_to_send_is_noticed_at_its_pull(
    device: Device, server: Running, tmp_path: Path
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    folder = a.data_dir
    forum, _rec, _other = two_recs(a)
    sync_once(a)
    a.close()
    copy = tmp_path / "copy-of-a"
    shutil.copytree(folder, copy)
    a = reopen(folder)
    a.write(recs.add_recommendation, forum, text="Hanya di server dan di laptop yang hilang", scope="unit")
    sync_once(a)
    a.close()
    shutil.rmtree(folder)
    shutil.copytree(copy, folder)
    a = reopen(folder)
    try:
        assert sync_once(a).restored_copy  # its outbox is empty: no push, the pull notices
        assert "Hanya di server dan di laptop yang hilang" in a.read(export_json)
        sync_once(b)
        assert a.read(export_json) == b.read(export_json)
    finally:
        a.close()
