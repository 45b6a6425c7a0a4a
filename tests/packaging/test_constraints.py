"""The release build's pins (packaging/constraints.txt, `make constraints`): every package the
app and its build declare is pinned there, to a version its declared range allows, so that
`make dist` builds the app an office installs from the versions the suite ran on; a floor raised
or a dependency added without making the pins anew fails here."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def pins() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        spec = line.split("#", 1)[0].split(";", 1)[0].strip()
        if spec:
            name, version = spec.split("==")
            found[canonicalize_name(name)] = version
    return found


def test_every_declared_dependency_of_the_app_and_its_build_is_pinned_within_its_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["dist"]]]
    pinned = pins()
    missing = [str(r) for r in declared if canonicalize_name(r.name) not in pinned]
    assert not missing, f"run make constraints; not pinned: {missing}"
    outside = [
        f"{r} (pinned {pinned[canonicalize_name(r.name)]})"
        for r in declared
        if not r.specifier.contains(pinned[canonicalize_name(r.name)], prereleases=True)
    ]
    assert not outside, f"run make constraints; pinned outside the declared range: {outside}"


def test_make_dist_installs_with_the_pins(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    planned = subprocess.run(
        ["make", "-n", "dist", f"VENV={tmp_path / 'venv'}"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert planned.returncode == 0, planned.stderr
    assert re.search(r"pip install --quiet -e '\.\[dist\]' -c packaging/constraints\.txt$", planned.stdout, re.M)
