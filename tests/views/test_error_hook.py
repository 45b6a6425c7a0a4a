"""An unexpected error reaches the user as a dialog that says where the details are, and the
details (with the traceback) are in the log file in the data folder; never a traceback."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.app.shell import install_error_hook
from desktop.core.config import log_path
from desktop.core.errors import StoreError


def test_unexpected_error_is_logged_and_shown_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_path(tmp_path).parent.mkdir()
    handler = logging.FileHandler(log_path(tmp_path))
    logging.getLogger().addHandler(handler)
    try:
        install_error_hook(tmp_path)
        try:
            raise KeyError("broken invariant")
        except KeyError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        try:
            raise StoreError("The disk is full; free some space and try again.")
        except StoreError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert shown[0] == f"Something went wrong; details are in {log_path(tmp_path)}"
    assert "Traceback" not in shown[0]
    assert shown[1] == "The disk is full; free some space and try again."
    log = log_path(tmp_path).read_text()
    assert "KeyError: 'broken invariant'" in log and "Traceback" in log


def test_a_broken_settings_file_is_shown_in_a_dialog_when_the_app_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli.commands import main

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text: shown.append(text)))
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "--lang", "en"]) == 2
    assert len(shown) == 1 and "settings.json" in shown[0] and "Fix or delete it" in shown[0]
    assert "settings.json" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]  # nothing else written
