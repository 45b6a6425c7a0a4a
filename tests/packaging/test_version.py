"""One version, pyproject.toml's: `mufakat --version` says it (the packaged app too, from the
metadata it carries: packaging/smoke.py checks the built program)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli.commands import main

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def test_version_is_pyprojects(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out.strip() == f"mufakat {pyproject_version()}"
    assert __version__ == pyproject_version()
