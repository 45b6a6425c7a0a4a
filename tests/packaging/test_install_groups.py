"""`make run` installs what running the app needs, not the test and lint tools nor the server;
`make test` adds them; `make dist` adds PyInstaller. Read from the Makefile's own recipes (make -n,
nothing is run) and pyproject.toml's dependency groups."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
DEV_TOOLS = {"pytest", "pytest-qt", "pytest-xvfb", "mypy", "ruff", "hypothesis", "pyinstaller"}
SERVER = {"fastapi", "uvicorn", "psycopg"}


def installs(target: str, tmp_path: Path) -> list[str]:
    """What `make TARGET` would `pip install` into a fresh virtual environment."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    planned = subprocess.run(
        ["make", "-n", target, f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert planned.returncode == 0, planned.stderr
    return re.findall(r"pip install --quiet -e '(\.[^']*)'", planned.stdout)


def names(requirements: list[str]) -> set[str]:
    return {Requirement(line).name.lower() for line in requirements}


def test_make_run_installs_the_app_alone(tmp_path: Path) -> None:
    assert installs("run", tmp_path) == ["."]
    with (ROOT / "pyproject.toml").open("rb") as fh:
        project = tomllib.load(fh)["project"]
    running = names(project["dependencies"])
    assert running.isdisjoint(DEV_TOOLS | SERVER), running & (DEV_TOOLS | SERVER)
    assert {"pyside6-essentials", "sqlalchemy", "reportlab"} <= running


def test_make_test_and_make_dist_add_their_tools(tmp_path: Path) -> None:
    assert installs("test", tmp_path) == [".", ".[dev]"]
    assert installs("dist", tmp_path) == [".", ".[dist]"]
    with (ROOT / "pyproject.toml").open("rb") as fh:
        extras = tomllib.load(fh)["project"]["optional-dependencies"]
    assert {"pytest", "mypy", "ruff"} <= names(extras["dev"])
    assert "pyinstaller" in names(extras["dist"])
