"""The app runs on Windows laptops: a call that exists only on POSIX (os.fchmod, os.getuid,
fcntl, signal.SIGKILL…) is made only behind a check that it exists, and a /tmp path is never
written into the code."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from desktop.sync import engine

ROOT = Path(__file__).resolve().parents[2]
APP_SOURCES = sorted(
    file
    for package in ("desktop", "protocol", "domain", "storage")  # what the laptop runs (domain: if present)
    for file in (ROOT / package).rglob("*.py")
    if "migrations" not in file.parts
)
# os functions missing on Windows (Python 3.11), and POSIX-only modules and signals.
POSIX_ONLY_OS = {
    "fchmod",
    "fchown",
    "chown",
    "lchown",
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "getpwnam",
    "fork",
    "forkpty",
    "setsid",
    "getpgid",
    "killpg",
    "setuid",
    "setgid",
    "sync",
    "statvfs",
    "fstatvfs",
    "uname",
    "getloadavg",
    "mkfifo",
    "nice",
    "pipe2",
    "sched_getaffinity",
}
POSIX_ONLY_MODULES = {"fcntl", "pwd", "grp", "termios", "resource", "posix", "tty", "pty"}
POSIX_ONLY_SIGNALS = {"SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE"}


def _guarded(tree: ast.AST, node: ast.AST, name: str) -> bool:
    """The call sits under an `if hasattr(os, "name")` / `sys.platform` / `os.name` check."""
    for parent in ast.walk(tree):
        if isinstance(parent, ast.If) and any(child is node for child in ast.walk(parent)):
            test = ast.unparse(parent.test)
            if f'hasattr(os, "{name}")' in test or f"hasattr(os, '{name}')" in test:
                return True
            if "sys.platform" in test or "os.name" in test or "hasattr(signal" in test:
                return True
    return False


def posix_only_uses(source: str, file_name: str) -> list[str]:
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        where = f"{file_name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            owner, name = node.value.id, node.attr
            posix = (owner == "os" and name in POSIX_ONLY_OS) or (
                owner == "signal" and name in POSIX_ONLY_SIGNALS
            )
            # the guard's own test, e.g. hasattr(os, "fchmod"), is a string: no Attribute node
            if posix and not _guarded(tree, node, name):
                found.append(f"{where}: {owner}.{name}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            )
            for module in modules:
                if module.split(".")[0] in POSIX_ONLY_MODULES and not _guarded(tree, node, module):
                    found.append(f"{where}: import {module}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("/tmp"):
            found.append(f"{where}: the path {node.value!r} (use tempfile)")
    return found


def test_the_app_makes_no_unguarded_posix_only_call() -> None:
    assert APP_SOURCES, "no sources found"
    found = [
        use
        for file in APP_SOURCES
        for use in posix_only_uses(file.read_text(encoding="utf-8"), str(file.relative_to(ROOT)))
    ]
    assert found == []


def test_the_check_finds_an_unguarded_call() -> None:
    code = 'import fcntl\nimport os\nos.fchmod(1, 0o600)\nif hasattr(os, "getuid"):\n    os.getuid()\nP = "/tmp/x"\n'
    assert sorted(posix_only_uses(code, "sample.py")) == [
        "sample.py:1: import fcntl",
        "sample.py:3: os.fchmod",
        "sample.py:6: the path '/tmp/x' (use tempfile)",
    ]


def test_the_device_token_is_saved_where_os_has_no_fchmod(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows' os has no fchmod (before Python 3.13): enrolling must still save the token."""
    monkeypatch.delattr(os, "fchmod", raising=False)
    token = tmp_path / "device-token"
    engine._save_token(token, "secret-token")
    assert token.read_text(encoding="utf-8") == "secret-token"
    assert [p.name for p in tmp_path.iterdir()] == ["device-token"]
