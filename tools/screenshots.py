"""Render every main screen with the demo forum to PNGs (for the README and for review), on a
real X server at 1366x768 (`make screenshots` runs it under xvfb-run).

xvfb-run -a -s '-screen 0 1366x768x24' .venv/bin/python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services.demo import ensure_units, load_demo
from desktop.services.logo import logo_from_file
from desktop.services.units import set_home_unit, update_unit
from desktop.views import main_window as mw

SIZE = (1366, 697)  # the common office laptop (1366x768), maximised above a 40 px taskbar


def _settle(app: QApplication, seconds: float = 0.3) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _save(widget: QWidget, out: Path, name: str) -> None:
    target = out / f"{name}.png"
    widget.grab().save(str(target))
    print(target)


def _sample_logo(folder: Path) -> Path:
    """A plain emblem standing in for the office's logo (an office chooses its own in Settings)."""
    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 248, 248), fill="#1f5596")
    draw.regular_polygon((128, 128, 90), 5, fill="#f0b400")
    path = folder / "logo.png"
    image.save(path)
    return path


def main(out: Path, language: str = "id") -> None:
    from desktop.app.shell import Shell

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    ws = Workspace.open(Path(tempfile.mkdtemp(prefix="mufakat-shots-")), Settings(language=language))
    forum_id = ws.write(load_demo).forum_id
    logo = logo_from_file(_sample_logo(Path(tempfile.mkdtemp(prefix="mufakat-logo-"))))
    ws.write(update_unit, ws.ctx.home_unit_id, logo=logo)
    shell = Shell(ws)
    window = shell.window
    window.resize(*SIZE)
    window.show()
    while not window.forums.loaded():
        _settle(app, 0.05)
    _settle(app)
    _save(window, out, "forums")

    workspace = window.open_forum(forum_id)
    assert workspace is not None
    for index, name in enumerate(("forum-details", "attendance", "agenda", "live-capture", "agreements")):
        workspace.tabs.setCurrentIndex(index)
        _settle(app, 0.2)
        _save(window, out, name)
    projector = workspace.open_projector()
    projector.resize(1366, 768)  # full screen on the room's projector
    _settle(app, 0.3)
    _save(projector, out, "projector")
    projector.close()

    window.nav.setCurrentRow(mw.TRIAGE)
    _settle(app, 0.5)
    window.triage.table.selectRow(0)
    _settle(app, 0.2)
    _save(window, out, "triage")

    window.nav.setCurrentRow(mw.FOLLOW_UP)
    _settle(app)
    _save(window, out, "follow-up")

    window.nav.setCurrentRow(mw.SURVEY)
    _settle(app)
    window.survey.scores.setText("34342")  # a questionnaire half typed: the answers show as you type
    _settle(app, 0.1)
    _save(window, out, "survey")

    window.nav.setCurrentRow(mw.SETTINGS)
    _settle(app)
    _save(window, out, "settings")

    # The parent office's view of the same data: its inbox holds the forum's escalations.
    ws.write(set_home_unit, ws.write(ensure_units)["KANWIL-PBD"])
    window.refresh_all()
    window.nav.setCurrentRow(mw.ESCALATIONS)
    _settle(app)
    window.escalations.table.selectRow(0)
    _settle(app, 0.2)
    _save(window, out, "escalations")

    window.nav.setCurrentRow(mw.FORUMS)
    dialog = window.forums.open_document("minutes")
    assert dialog is not None
    deadline = time.monotonic() + 30
    while dialog.pdf is None and time.monotonic() < deadline:
        _settle(app, 0.05)
    _settle(app)
    _save(dialog, out, "document-preview")
    shell.close()
    ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
