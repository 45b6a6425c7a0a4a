"""Run by test_projector in its own process, on an X server with two screens (the laptop's and
the projector's): opens the app on a data folder, opens the forum, clicks "Projector view", and
prints where the projector went as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings


def main(data_dir: Path, forum_id: str) -> None:
    app = QApplication([])
    ws = Workspace.open(data_dir, Settings(language="en", operator="Tester"))
    shell = Shell(ws)
    window = shell.window
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    QTest.mouseClick(workspace.projector_button, Qt.MouseButton.LeftButton)
    projector = workspace.projector
    assert projector is not None
    QTest.qWaitForWindowExposed(projector)
    QTest.qWait(100)

    def rect(r: object) -> list[int]:
        return [r.x(), r.y(), r.width(), r.height()]  # type: ignore[attr-defined]

    print(
        json.dumps(
            {
                "screens": [rect(s.geometry()) for s in app.screens()],
                "laptop": rect(window.screen().geometry()),
                "projector": rect(projector.screen().geometry()),
                "full_screen": projector.isFullScreen(),
                "active": type(QApplication.activeWindow()).__name__,
            }
        ),
        flush=True,
    )
    shell.close()
    ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
