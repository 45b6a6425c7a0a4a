"""The server's distributions (dists/shared, dists/server) hold what the server runs on and no
more: none of the desktop's heavy dependencies, the shared packages exactly, and the
development environment's `server` extra is the server's own list (one list to keep)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_ONLY = {"pyside6", "pyside6-essentials", "reportlab", "openpyxl", "pypdfium2", "qtawesome"}


def project(folder: Path) -> dict[str, object]:
    with (folder / "pyproject.toml").open("rb") as fh:
        return dict(tomllib.load(fh))


def names(requirements: object) -> set[str]:
    assert isinstance(requirements, list)
    return {Requirement(line).name.lower() for line in requirements}


def test_installing_the_server_installs_none_of_the_desktops_dependencies() -> None:
    for folder in ("shared", "server"):
        declared = names(project(ROOT / "dists" / folder)["project"]["dependencies"])  # type: ignore[index]
        assert not declared & DESKTOP_ONLY, (folder, declared & DESKTOP_ONLY)


def test_the_shared_distribution_is_the_shared_packages() -> None:
    setuptools = project(ROOT / "dists" / "shared")["tool"]["setuptools"]  # type: ignore[index]
    assert sorted(setuptools["packages"]) == ["domain", "protocol", "storage"]
    server = project(ROOT / "dists" / "server")
    # Every package of server_stub (a plain install holds only those listed: server_stub.web was
    # once missing and the installed server did not start).
    packages = sorted(
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "server_stub").rglob("__init__.py")
        if "migrations" not in init.parts
    )
    assert sorted(server["tool"]["setuptools"]["packages"]) == packages  # type: ignore[index]
    assert "mufakat-shared" in names(server["project"]["dependencies"])  # type: ignore[index]


def test_the_apps_distribution_holds_no_server() -> None:
    desktop = project(ROOT)
    assert "server_stub*" not in desktop["tool"]["setuptools"]["packages"]["find"]["include"]  # type: ignore[index]
    assert "mufakat-server" not in desktop["project"]["scripts"]  # type: ignore[index]


def test_the_development_extra_is_the_servers_own_list() -> None:
    extra = names(project(ROOT)["project"]["optional-dependencies"]["server"])  # type: ignore[index]
    server = names(project(ROOT / "dists" / "server")["project"]["dependencies"])  # type: ignore[index]
    assert extra == server - {"mufakat-shared", "sqlalchemy", "alembic"}
