"""The GitHub Actions workflow that builds the Windows app cannot run here (no Windows): it is
checked against the workflow schema (check-jsonschema ships it: no network), and the check is
shown to refuse a broken workflow."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def schema_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_windows_workflow_is_a_valid_workflow() -> None:
    checked = schema_check(WORKFLOW)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_check_refuses_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "windows.yml"
    # `runs-on` misspelt, as a hand edit might leave it: the job would never start.
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    checked = schema_check(broken)
    assert checked.returncode != 0
    assert "run-on" in checked.stdout + checked.stderr
