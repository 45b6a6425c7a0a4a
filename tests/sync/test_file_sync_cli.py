"""`mufakat sync` says what happened to attached files: how many went and came, and in the
user's words why the server refused one (the office's quota), on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.config import Settings
from protocol.vocab import AttachmentOwner
from server_stub.models import FileQuota
from tests.sync.attached import a_forum, attach, photo_bytes
from tests.sync.conftest import Running


def test_the_command_line_sync_counts_files_and_words_a_refusal(
    server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "laptop"
    code = server.code("KPPN-SORONG")
    assert main(["--data-dir", str(data), "--lang", "en", "enroll", "--server", server.url, "--code", code]) == 0
    assert main(["--data-dir", str(data), "--lang", "en", "sync"]) == 0
    ws = Workspace.open(data, Settings(language="en", operator="a"))
    try:
        forum = a_forum(ws)
        attach(ws, AttachmentOwner.FORUM, forum, photo_bytes(30_000))
        attach(ws, AttachmentOwner.FORUM, forum, photo_bytes(3_000_000))
        home = str(ws.store.device().home_unit_id)
    finally:
        ws.close()
    with server.store.transaction() as session:
        session.add(FileQuota(unit_id=home, quota=1_000_000))
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--lang", "en", "sync"]) == 0
    out, err = capsys.readouterr()
    assert "Files: 1 sent, 0 received." in out
    assert "1 change(s) wait" in out  # the record of the file that did not go
    assert err.strip().startswith("The office's files on the server take 0.0 MB of its 1.0 MB")
    assert err.count("\n") == 1
