"""Paths as a Windows laptop has them, checked here with PureWindowsPath (no Windows machine):
the data folder the README promises, and the installer and the workflow pointing at the files
the build makes."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

import pytest
from platformdirs.windows import Windows

from desktop.core.config import USER_DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "mufakat.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def iss_setting(name: str) -> str:
    match = re.search(rf"^{name}=(.*)$", ISS.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{name} is not set in {ISS.name}"
    return match.group(1).strip()


def in_repository(windows_path: str, relative_to: Path = ROOT) -> Path:
    """A path written the Windows way (backslashes, `..`), as a path of this checkout."""
    return (relative_to / Path(*PureWindowsPath(windows_path).parts)).resolve()


def test_the_data_folder_on_windows_is_localappdata_mufakat(monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs' Windows rules, with the shell's answer for the local AppData folder given."""
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\siti\AppData\Local")
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\siti\AppData\Local")  # platformdirs before 4.8 reads this
    folder = PureWindowsPath(Windows(**USER_DATA_DIR).user_data_dir)
    assert folder == PureWindowsPath(r"C:\Users\siti\AppData\Local\mufakat")


def test_the_installer_packs_the_built_folder_per_user() -> None:
    source = re.search(r'^Source: "([^"]+)"', ISS.read_text(encoding="utf-8"), re.MULTILINE)
    assert source
    assert PureWindowsPath(source.group(1)).name == "*"
    assert (
        in_repository(str(PureWindowsPath(source.group(1)).parent), ISS.parent) == ROOT / "dist" / "mufakat"
    )
    assert in_repository(iss_setting("OutputDir"), ISS.parent) == ROOT / "dist"
    assert in_repository(iss_setting("SetupIconFile"), ISS.parent).is_file()
    # Per user, into %LOCALAPPDATA%\Programs: {autopf} is that when no elevation is asked for.
    assert iss_setting("PrivilegesRequired") == "lowest"
    assert PureWindowsPath(iss_setting("DefaultDirName")).parts[0] == "{autopf}"


def test_the_workflow_runs_files_of_the_repository() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    mentioned = set(re.findall(r"(?<![\w/])(?:packaging|desktop)[\\/][\w\\/.-]+\.(?:py|iss|ts)", text))
    assert {"packaging/make_dist.py", "packaging/smoke.py", r"packaging\windows\mufakat.iss"} <= mentioned
    for path in mentioned:
        assert in_repository(path).is_file(), path
