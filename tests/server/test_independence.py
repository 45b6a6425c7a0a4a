"""The server is installed without the desktop app (no Qt, reportlab, openpyxl): no module of
`server_stub`, of the shared packages it imports, or of these tests imports `desktop`; these
tests import none of the end-to-end tests' helpers either (they drive real laptops)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER_SIDE = ("server_stub", "protocol", "domain", "storage", "tests/server")


def imported(path: Path) -> set[str]:
    """Every module `path` imports, at any depth (functions too), by its full name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _desktop(name: str) -> bool:
    return name == "desktop" or name.startswith("desktop.")


def test_nothing_on_the_servers_side_imports_the_desktop() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in SERVER_SIDE
        for path in sorted((ROOT / folder).rglob("*.py"))
        if any(_desktop(name) for name in imported(path))
    ]
    assert offenders == []


def test_the_servers_tests_use_no_helper_of_the_end_to_end_tests() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tests" / "server").rglob("*.py"))
        if any(name == "tests.sync" or name.startswith("tests.sync.") for name in imported(path))
    ]
    assert offenders == []


def test_the_servers_migration_template_imports_no_desktop() -> None:
    template = (ROOT / "server_stub" / "migrations" / "script.py.mako").read_text(encoding="utf-8")
    assert "desktop" not in template
