"""One logging set-up for the app and the command line (desktop.core.logs): the data folder's
logs/mufakat.log, rotated so that it never grows without bound, configured once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli.commands import main
from desktop.core import logs
from desktop.core.config import log_path


@pytest.fixture(autouse=True)
def no_handler_left() -> Iterator[None]:
    """The root logger as it was: the set-up under test adds its handler to the process."""
    before = list(logging.getLogger().handlers)
    level = logging.getLogger().level
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if type(h).__module__ == logs.__name__]


def test_configured_once_per_folder_into_logs(tmp_path: Path) -> None:
    assert logs.configure_logging(tmp_path) == tmp_path / "logs" / "mufakat.log"
    logs.configure_logging(tmp_path)
    assert len(ours()) == 1
    logging.getLogger("mufakat.sync").warning("server unreachable")
    assert "WARNING mufakat.sync: server unreachable" in log_path(tmp_path).read_text(encoding="utf-8")
    logs.configure_logging(tmp_path / "other")  # another data folder (a test, a restore): moves there
    assert len(ours()) == 1


def test_the_log_is_rotated_and_old_files_are_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.configure_logging(tmp_path)
    for n in range(1_000):
        logging.getLogger("mufakat.test").info("line %d of a long-running laptop", n)
    names = sorted(p.name for p in log_path(tmp_path).parent.iterdir())
    assert names == ["mufakat.log", *(f"mufakat.log.{n}" for n in range(1, logs.KEPT + 1))]
    assert all(p.stat().st_size <= 2_100 for p in log_path(tmp_path).parent.iterdir())
    assert "line 999 of" in log_path(tmp_path).read_text(encoding="utf-8")


def test_the_command_line_logs_there_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "--lang", "en", "forums"]) == 0
    assert len(ours()) == 1
    assert Path(ours()[0].baseFilename) == log_path(tmp_path).absolute()  # type: ignore[attr-defined]
