"""The Linux system libraries the README tells a user to install (and `.ci/run` installs) are
every library Qt's window plugin and its libraries link that does not come with the PySide6
wheel or with the base system: read from the ELF files themselves (their DT_NEEDED entries,
resolved by the dynamic linker, each mapped to its Debian package by dpkg). A name missing there
is a window that does not open on a fresh Debian or Ubuntu with "could not load the Qt platform
plugin xcb"."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Always there on Debian and Ubuntu (essential or required by Python itself).
BASE = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1"}


def _qt_files() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    names = ("plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6", "lib/libQt6Gui.so.6", "lib/libQt6Core.so.6")
    return [qt / name for name in names if (qt / name).exists()]


def _system_libraries(binary: Path) -> set[Path]:
    """The libraries `binary` links directly that do not come with the wheel."""
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", _run("readelf", "-d", str(binary))))
    resolved = dict(re.findall(r"^\s*(\S+) => (/\S+)", _run("ldd", str(binary)), re.MULTILINE))
    paths = (resolved.get(name) for name in needed)
    return {Path(p).resolve() for p in paths if p and "PySide6" not in p and "shiboken6" not in p}


def _packages_of(paths: set[Path]) -> set[str]:
    """The Debian packages that installed `paths` (dpkg knows a file by the path its package
    installed it at: /lib or /usr/lib, /usr being merged)."""
    names = sorted({str(p) for p in paths} | {re.sub(r"^/usr/lib/", "/lib/", str(p)) for p in paths})
    found = subprocess.run(("dpkg", "-S", *names), capture_output=True, text=True).stdout
    packages: dict[str, str] = {}
    for line in found.splitlines():
        owner, _, path = line.partition(": ")
        packages[path.strip()] = owner.split(":", 1)[0].strip()
    missing = [p for p in paths if not {str(p), re.sub(r"^/usr/lib/", "/lib/", str(p))} & packages.keys()]
    assert not missing, f"no Debian package installed {missing}"
    return set(packages.values())


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _readme_list() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"`apt-get install ([^`]+)`", text)
    assert found, "the README names the Qt libraries to install with apt-get"
    return set(found.group(1).split())


def _ci_list() -> set[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    found = re.search(r"X_PACKAGES=\(([^)]*)\)", text)
    assert found
    return set(re.sub(r"#[^\n]*", "", found.group(1)).split())


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("readelf", "ldd", "dpkg")), reason="a Debian system with binutils"
)
def test_the_readme_and_ci_name_every_system_library_qt_links() -> None:
    files = _qt_files()
    assert files, "PySide6 has its xcb platform plugin"
    libraries: set[Path] = set()
    for each in files:
        libraries |= _system_libraries(each)
    # Debian 13 names some "…t64"; apt installs them by the names without it.
    wanted = {re.sub(r"t64$", "", name) for name in _packages_of(libraries) - BASE}
    assert {"libxcb-cursor0", "libxcb-icccm4", "libegl1"} <= wanted
    assert sorted(wanted - _readme_list()) == []
    assert sorted(wanted - _ci_list()) == []
