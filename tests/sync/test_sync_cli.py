from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli.commands import main
from tests.sync.conftest import Running


def test_enroll_then_sync_from_the_command_line(
    server: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "laptop")
    assert main(["--data-dir", data, "--lang", "en", "sync"]) == 2
    assert "not enrolled" in capsys.readouterr().err
    code = server.code("KPPN-SORONG")
    assert main(["--data-dir", data, "--lang", "en", "enroll", "--server", server.url, "--code", code]) == 0
    assert "KPPN-SORONG" in capsys.readouterr().out
    token = Path(data) / "device-token"
    assert token.stat().st_mode & 0o777 == 0o600
    assert main(["--data-dir", data, "--lang", "en", "sync"]) == 0
    assert "received 4 record(s)" in capsys.readouterr().out  # the unit tree
    # The same code again (its first answer may have been lost): a fresh token, still syncing.
    old_token = token.read_text()
    assert main(["--data-dir", data, "--lang", "en", "enroll", "--server", server.url, "--code", code]) == 0
    assert token.read_text() != old_token and token.stat().st_mode & 0o777 == 0o600
    assert main(["--data-dir", data, "--lang", "en", "sync"]) == 0
    capsys.readouterr()
    other = str(tmp_path / "other")
    assert main(["--data-dir", other, "--lang", "en", "enroll", "--server", server.url, "--code", code]) == 2
    assert "already used by another device" in capsys.readouterr().err
    assert (
        main(["--data-dir", other, "--lang", "en", "enroll", "--server", "http://127.0.0.1:9", "--code", "X"])
        == 2
    )
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "Error" not in err and err.count("\n") == 1
    assert main(["--data-dir", other, "--lang", "en", "enroll", "--server", "127.0.0.1:9", "--code", "X"]) == 2
    assert "must start with http:// or https://" in capsys.readouterr().err
