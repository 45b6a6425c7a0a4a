from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.core.i18n import set_language
from desktop.services import demo
from desktop.services.units import create_unit, set_home_unit
from desktop.store.db import migrate


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Widgets run on a real X server (pytest-xvfb starts Xvfb at 1366x768): never on Qt's
    offscreen platform, and never silently without a screen."""
    if config.getoption("--no-xvfb", False):
        return
    if shutil.which("Xvfb") is None:
        raise pytest.UsageError(
            "The widget tests need Xvfb (a real X server): install it with "
            "'apt-get install xvfb' (Debian/Ubuntu) and run the tests again."
        )
    os.environ["QT_QPA_PLATFORM"] = "xcb"


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Tests read messages in English unless they switch; the app's default stays Indonesian."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per run; each test gets a copy (migrating takes ~0.4 s)."""
    path = tmp_path_factory.mktemp("template") / DB_FILENAME
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        migrate(conn)
        conn.commit()
    engine.dispose()
    return path


@pytest.fixture
def ws(tmp_path: Path, migrated_template: Path) -> Iterator[Workspace]:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(migrated_template, data / DB_FILENAME)
    workspace = Workspace.open(data, Settings(language="en", operator="Tester"))
    yield workspace
    workspace.close()


@pytest.fixture
def office_ws(ws: Workspace) -> Workspace:
    """A laptop set up for its office, KPPN Sorong, with no forum yet (list it before `window`:
    a laptop with no office opens on the first-run set-up)."""
    ws.write(set_home_unit, ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong"))
    return ws


@pytest.fixture
def demo_ws(ws: Workspace) -> Workspace:
    ws.write(demo.load_demo)
    return ws


@pytest.fixture
def demo_forum(demo_ws: Workspace) -> str:
    return demo_ws.write(demo.load_demo).forum_id
