"""The tree says where each job lives (README, "How it is built"): the desktop package's root
holds only its entry files, every package of it is described there, and the command modules
import no cycle (the survey's and the data folder's commands never import the parser that
imports them)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "desktop"


def test_the_desktop_root_holds_only_the_package_entry_files() -> None:
    loose = sorted(p.name for p in DESKTOP.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"], (
        "put each module in the package of its job (README, 'How it is built'), not at desktop/'s root"
    )


def test_every_desktop_package_is_described_in_how_it_is_built() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it is built") :]
    section = section.split("\n## ", 1)[0]
    described = set(re.findall(r"^desktop/(\w+)/", section, re.M))
    packages = {p.parent.name for p in DESKTOP.glob("*/__init__.py")}
    assert packages <= described, f"describe in README's 'How it is built': {sorted(packages - described)}"
    assert described <= packages | {"locale"}, f"no such package: {sorted(described - packages)}"


def imported_modules(file: Path) -> set[str]:
    """Every module `file` imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_the_command_modules_import_no_cycle() -> None:
    for name in ("survey", "data_folder", "common"):
        imports = imported_modules(DESKTOP / "cli" / f"{name}.py")
        # The package itself, or any of its modules but this one and common.py, is the parser's side.
        parts = [m.split(".") for m in imports]
        parser = {".".join(p) for p in parts if p[:2] == ["desktop", "cli"] and p[2:3] not in (["common"], [name])}
        assert not parser, f"desktop/cli/{name}.py imports the parser module: {sorted(parser)}"
