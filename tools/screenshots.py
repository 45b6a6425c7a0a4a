"""Render the main screens with the demo forum offscreen to PNGs (for the README and for review).

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from desktop.config import Settings
from desktop.services.demo import load_demo
from desktop.views.main_window import MainWindow
from desktop.workspace import Workspace


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    ws = Workspace.open(Path(tempfile.mkdtemp(prefix="mufakat-shots-")), Settings(language="id"))
    ws.write(load_demo)
    window = MainWindow(ws)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    target = out / "main-window.png"
    window.grab().save(str(target))
    print(target)

    dialog = window.open_document("minutes")
    assert dialog is not None
    deadline = time.monotonic() + 30
    while dialog.pdf is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):  # let the new pages lay out before the picture is taken
        app.processEvents()
    target = out / "document-preview.png"
    dialog.grab().save(str(target))
    print(target)
    ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
