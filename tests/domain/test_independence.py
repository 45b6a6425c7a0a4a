"""The domain package is the rules both sides share: it imports no Qt, no database session, and
nothing of the desktop or the server (the server imports it as it is)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

FORBIDDEN = {"desktop", "server_stub", "PySide6", "sqlalchemy"}


def test_the_domain_imports_neither_qt_nor_a_session_nor_either_side() -> None:
    for path in Path("domain").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
            for imported in names:
                assert imported.split(".")[0] not in FORBIDDEN, f"{path}: {imported}"


def test_the_domain_loads_alone() -> None:
    """In a fresh interpreter, importing every domain module loads none of those packages."""
    probe = (
        "import sys, domain.skm, domain.unsur, domain.workdays, domain.deadlines, domain.errors;"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(FORBIDDEN)!r}))"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert found.stdout.strip() == "[]"


def test_the_server_counts_with_the_domain_rules() -> None:
    """One copy of each rule: the laptop's and the server's deadlines are the domain's."""
    import desktop.services.escalations as laptop
    import server_stub.apply as server
    from domain import deadlines

    assert laptop.deadlines is deadlines and server.deadlines is deadlines
