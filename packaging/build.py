"""`make dist`: build the app folder with PyInstaller from packaging/mufakat.spec, then its archive
(dist/mufakat-<version>-<system>-<machine>.tar.gz, or .zip on Windows), and print the build time
and the sizes. The version is pyproject.toml's, as the built app's `--version` says it."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "mufakat.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_DIR = DIST / "mufakat"


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def archive_stem(version: str) -> str:
    """mufakat-0.1.0-linux-x86_64, mufakat-0.1.0-windows-amd64 …"""
    return f"mufakat-{version}-{platform.system().lower()}-{platform.machine().lower()}"


def folder_size(folder: Path) -> int:
    return sum(file.stat().st_size for file in folder.rglob("*") if file.is_file())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def build() -> Path:
    """Build the folder and its archive; return the archive."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)],
        check=True,
        cwd=ROOT,
    )
    built = time.monotonic() - started
    stem = archive_stem(project_version())
    for old in DIST.glob("mufakat-*.*"):
        old.unlink()
    archive_format = "zip" if sys.platform == "win32" else "gztar"
    archive = Path(shutil.make_archive(str(DIST / stem), archive_format, root_dir=DIST, base_dir=APP_DIR.name))
    total = time.monotonic() - started
    print(f"dist: built {APP_DIR.relative_to(ROOT)} in {built:.0f} s, {megabytes(folder_size(APP_DIR))}")
    print(f"dist: archive {archive.relative_to(ROOT)}: {megabytes(archive.stat().st_size)} ({total:.0f} s in all)")
    return archive


if __name__ == "__main__":
    build()
